//! Carrying a report forward into a new year: the unit settings and the disclosure catalogue are
//! copied, this year's texts start empty, and the tables are prefilled from last year's figures
//! (表二 2019 上一年项目数量, 表三 二、上年结转).

use crate::catalog::{self, t3_key, CellKind, T2_CHANGE, T2_PREV_COUNT, T3_CARRIED, T3_CARRY_NEXT};
use crate::cell::parse_cell;
use crate::model::{
    CategoryContent, ItemContent, ModelError, Report, SchoolTask, TableFormat, TableValues,
    Workspace,
};
/// Adds a report for `year` carried forward ([`carry_forward`]) from the report of `year - 1`, else
/// from the open report, else blank; opens it. Refuses invalid and taken years.
pub fn add_year_carried(ws: &mut Workspace, year: u16) -> Result<(), ModelError> {
    Workspace::validate_year(i64::from(year))?;
    if ws.reports.contains_key(&year) {
        return Err(ModelError::YearTaken(year));
    }
    let source = ws.carry_source(year).and_then(|y| ws.reports.get(&y));
    let report = match source {
        Some(prev) => carry_forward(prev, year),
        None => Report::blank(year),
    };
    ws.reports.insert(year, report);
    ws.current_year = Some(year);
    Ok(())
}

/// A new report for `year` built from `previous`: unit name, region, structure and the categories
/// with their items' catalogue columns and school assignments (not this year's text, status, reason, channels used, counts,
/// nor category intros and statuses); an empty narrative and title; the table format follows the year.
///
/// When `previous` is the report of `year - 1`, the tables are prefilled:
/// - 表二 上一年项目数量 = last year's 上一年项目数量 + 本年增/减, per row, when both years use the 2019
///   format and last year's row holds readable numbers with a non-negative result;
/// - 表三 二、上年结转 = last year's 四、结转下年度继续办理, per applicant column, where last year's cell
///   holds a readable number.
pub fn carry_forward(previous: &Report, year: u16) -> Report {
    let mut report = Report::blank(year);
    report.unit_name = previous.unit_name.clone();
    report.region = previous.region.clone();
    report.structure = previous.structure;

    let mut categories: Vec<CategoryContent> = previous
        .categories
        .iter()
        .map(|c| CategoryContent {
            key: c.key.clone(),
            items: c.items.iter().map(catalogue_columns).collect(),
            ..CategoryContent::default()
        })
        .collect();
    // Categories of the catalogue missing from last year's report keep their defaults.
    for blank in &report.categories {
        if !categories.iter().any(|c| c.key == blank.key) {
            categories.push(blank.clone());
        }
    }
    report.categories = categories;

    if year.checked_sub(1) == Some(previous.year) {
        prefill_tables(previous, &mut report);
    }
    report
}

/// An item with only its catalogue columns and its assignment to schools (instructions, counts asked,
/// placement; not last year's summary).
fn catalogue_columns(item: &ItemContent) -> ItemContent {
    ItemContent {
        id: item.id.clone(),
        name: item.name.clone(),
        content: item.content.clone(),
        basis: item.basis.clone(),
        deadline: item.deadline.clone(),
        subject: item.subject.clone(),
        channels: item.channels.clone(),
        audience: item.audience,
        mode: item.mode,
        level: item.level,
        schools: SchoolTask {
            summary: String::new(),
            ..item.schools.clone()
        },
        ..ItemContent::default()
    }
}

/// The readable integer in a cell, `None` for blank or unreadable text.
fn readable(values: &TableValues, key: &str, kind: CellKind) -> Option<i64> {
    match parse_cell(values.get(key), kind) {
        Ok(v) if !v.is_blank() => Some(v.as_count()),
        _ => None,
    }
}

fn prefill_tables(previous: &Report, report: &mut Report) {
    let v2019 = TableFormat::V2019;
    if report.effective_table_format() == v2019 && previous.effective_table_format() == v2019 {
        for b in catalog::table2(v2019) {
            let (Some(count_col), Some(change_col)) =
                (b.column(T2_PREV_COUNT), b.column(T2_CHANGE))
            else {
                continue;
            };
            for r in b.rows {
                let key = |c: &str| catalog::cell_key(catalog::TABLE2, b.key, r.key, c);
                let count = readable(&previous.tables, &key(count_col.key), count_col.kind);
                let change = readable(&previous.tables, &key(change_col.key), change_col.kind);
                let invalid = |k: &str, kind| parse_cell(previous.tables.get(k), kind).is_err();
                if invalid(&key(count_col.key), count_col.kind)
                    || invalid(&key(change_col.key), change_col.kind)
                    || (count.is_none() && change.is_none())
                {
                    continue;
                }
                let sum = count.unwrap_or(0) + change.unwrap_or(0);
                if sum >= 0 {
                    report.tables.set(key(count_col.key), sum.to_string());
                }
            }
        }
    }

    // 表三's columns are the same in both formats.
    for c in catalog::table3(report.effective_table_format()).input_columns() {
        let from = t3_key(T3_CARRY_NEXT, c.key);
        if let Some(v) = readable(&previous.tables, &from, c.kind) {
            report.tables.set(t3_key(T3_CARRIED, c.key), v.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_skips_blank_and_invalid() {
        let mut v = TableValues::default();
        v.set("a", "增10");
        v.set("b", "x");
        assert_eq!(readable(&v, "a", CellKind::Change), Some(10));
        assert_eq!(readable(&v, "b", CellKind::Change), None);
        assert_eq!(readable(&v, "c", CellKind::Change), None);
    }

    #[test]
    fn tables_are_prefilled_only_from_the_year_before() {
        let mut prev = Report::blank(2019);
        prev.tables.set(t3_key(T3_CARRY_NEXT, "natural"), "4");
        prev.tables.set("t2/a20_5/license/prev_count", "8");
        prev.tables.set("t2/a20_5/license/change", "增10");
        let next = carry_forward(&prev, 2020);
        assert_eq!(next.tables.get(&t3_key(T3_CARRIED, "natural")), "4");
        assert_eq!(next.tables.get("t2/a20_5/license/prev_count"), "18");
        let later = carry_forward(&prev, 2022);
        assert!(later.tables.0.is_empty());
    }

    #[test]
    fn add_year_carried_uses_the_year_before_else_the_open_report() {
        let mut ws = Workspace::default();
        assert_eq!(ws.carry_source(2020), None);
        add_year_carried(&mut ws, 2020).unwrap();
        assert!(ws.reports[&2020].is_blank());
        ws.current_mut().unwrap().unit_name = "某教育局".into();
        ws.add_year(2022).unwrap();
        ws.current_mut().unwrap().unit_name = "新名称".into();
        // 2021 comes from 2020 (the year before), not from the open 2022.
        assert_eq!(ws.carry_source(2021), Some(2020));
        add_year_carried(&mut ws, 2021).unwrap();
        assert_eq!(ws.current_year, Some(2021));
        assert_eq!(ws.current().unwrap().unit_name, "某教育局");
        // 2030 has no year before: from the open report (2021).
        assert_eq!(ws.carry_source(2030), Some(2021));
        add_year_carried(&mut ws, 2030).unwrap();
        assert_eq!(ws.current().unwrap().unit_name, "某教育局");
        assert_eq!(
            add_year_carried(&mut ws, 2021),
            Err(ModelError::YearTaken(2021))
        );
        assert_eq!(
            add_year_carried(&mut ws, 1999),
            Err(ModelError::YearOutOfRange(1999))
        );
    }
}
