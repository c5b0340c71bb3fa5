//! Table arithmetic and cross-year continuity (docs/reference/official-formats.md §1.5): the 表三
//! balance and totals, the 表四
//! totals, 二、上年结转 against last year's 四, the 2019 表二 project counts, the 2021 表二 现行有效件数, and
//! cells that are not numbers of their kind (a negative count and a number above `cell::MAX_CELL` are
//! named as such).
//!
//! 表三 and 表四 are checked only in the statutory structure (the field structure has only 表二).
//! Computed cells are recomputed from the typed cells (blank or invalid text counts as 0); a stored
//! value in a computed cell (imported data) is compared with the computed value. Per-column rules
//! run over the six applicant columns: the 总计 column is their sum, so it can only break when one of
//! them does and would repeat the same finding.

use std::collections::BTreeMap;

use super::{Finding, Rule, Severity, Target, Term};
use crate::catalog::{
    self, computed_cells, count_value, t3_key, t4_key, CellKind, Table3, T2_CHANGE, T2_IN_FORCE,
    T2_ISSUED, T2_PREV_COUNT, T2_REPEALED, T3_CARRIED, T3_CARRY_NEXT, T3_NEW, T3_TOTAL_COLUMN,
    T3_TOTAL_ROW,
};
use crate::cell::{parse_cell, CellError, CellValue};
use crate::model::{Report, ReportStructure, TableFormat, TableValues};

/// Every table finding for `report`; `previous` (last year's report) feeds the cross-year rules.
pub fn check(report: &Report, previous: Option<&Report>) -> Vec<Finding> {
    let format = report.effective_table_format();
    let statutory = report.structure == ReportStructure::Statutory;
    let values = &report.tables;
    let mut out = invalid_cells(values, format, statutory);
    if statutory {
        let computed = computed_cells(values, format);
        table3_rules(values, format, &computed, &mut out);
        table4_rules(values, format, &mut out);
        if let Some(prev) = previous {
            carry_over(report, prev, &mut out);
        }
    }
    if let Some(prev) = previous {
        project_count(report, prev, &mut out);
        in_force_count(report, prev, &mut out);
    }
    out
}

fn term(label: impl Into<String>, value: i64) -> Term {
    Term {
        label: label.into(),
        value,
    }
}

fn arithmetic(
    severity: Severity,
    rule: Rule,
    subject: String,
    lhs: Vec<Term>,
    rhs: Vec<Term>,
    target: String,
) -> Finding {
    Finding {
        severity,
        rule,
        subject,
        lhs,
        rhs,
        found: String::new(),
        target: Target::Cell(target),
        also: None,
    }
}

/// The value typed into a cell, if any and readable (for computed cells holding imported totals).
fn stored(values: &TableValues, key: &str, kind: CellKind) -> Option<i64> {
    match parse_cell(values.0.get(key)?, kind) {
        Ok(CellValue::Blank) | Err(_) => None,
        Ok(v) => Some(v.as_count()),
    }
}

/// Every cell of the tables in use, with the subject naming it and its kind, in catalogue order.
/// Built once per format and structure.
fn cells(format: TableFormat, statutory: bool) -> &'static [(String, String, CellKind)] {
    type Cells = Vec<(String, String, CellKind)>;
    static CELLS: [std::sync::OnceLock<Cells>; 4] = [const { std::sync::OnceLock::new() }; 4];
    let slot = usize::from(format == TableFormat::V2021) * 2 + usize::from(statutory);
    CELLS[slot].get_or_init(|| all_cells(format, statutory))
}

fn all_cells(format: TableFormat, statutory: bool) -> Vec<(String, String, CellKind)> {
    let mut out = Vec::new();
    for b in catalog::table2(format) {
        for r in b.rows {
            for c in b.columns {
                out.push((
                    catalog::cell_key(catalog::TABLE2, b.key, r.key, c.key),
                    format!("{} · {} · {}", b.title, r.label, c.label),
                    c.kind,
                ));
            }
        }
    }
    if !statutory {
        return out;
    }
    let t3 = catalog::table3(format);
    for r in t3.rows {
        for c in t3.columns {
            let subject = format!("{} · {}", r.full_label(), c.label);
            out.push((t3_key(r.key, c.key), subject, c.kind));
        }
    }
    let t4 = catalog::table4(format);
    for g in t4.groups {
        for c in t4.columns {
            let subject = format!("{} · {}", g.full_label(), c.label);
            out.push((t4_key(g.key, c.key), subject, c.kind));
        }
    }
    out
}

fn invalid_cells(values: &TableValues, format: TableFormat, statutory: bool) -> Vec<Finding> {
    cells(format, statutory)
        .iter()
        .filter_map(|(key, subject, kind)| {
            let text = values.0.get(key)?;
            let rule = match parse_cell(text, *kind).err()? {
                CellError::Negative(CellKind::Amount) => Rule::NegativeAmount,
                CellError::Negative(_) => Rule::NegativeCount,
                CellError::TooLarge => Rule::CellTooLarge,
                _ => Rule::InvalidCell,
            };
            Some(Finding {
                severity: Severity::Error,
                rule,
                subject: subject.clone(),
                lhs: Vec::new(),
                rhs: Vec::new(),
                found: text.clone(),
                target: Target::Cell(key.clone()),
                also: None,
            })
        })
        .collect()
}

fn label_of(t3: &Table3, row: &str) -> &'static str {
    t3.row(row).map_or("", |r| r.label)
}

/// The outcome rows summed by their second-level group (（三）不予公开 = its eight sub-rows), in order.
fn outcome_terms(values: &TableValues, t3: &Table3, column: &str, kind: CellKind) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for r in t3.rows.iter().filter(|r| r.is_outcome()) {
        let label = r.subgroup.unwrap_or(r.label);
        let v = count_value(values, &t3_key(r.key, column), kind);
        match terms.last_mut() {
            Some(t) if t.label == label => t.value = t.value.saturating_add(v),
            _ => terms.push(term(label, v)),
        }
    }
    terms
}

fn table3_rules(
    values: &TableValues,
    format: TableFormat,
    computed: &BTreeMap<String, i64>,
    out: &mut Vec<Finding>,
) {
    let t3 = catalog::table3(format);
    let total_label = label_of(t3, T3_TOTAL_ROW);
    let computed_at = |key: &str| computed.get(key).copied().unwrap_or(0);

    for c in t3.input_columns() {
        let cell = |row: &str| count_value(values, &t3_key(row, c.key), c.kind);
        // Rule 1: 一 + 二 = （七）总计 + 四.
        let lhs = vec![
            term(label_of(t3, T3_NEW), cell(T3_NEW)),
            term(label_of(t3, T3_CARRIED), cell(T3_CARRIED)),
        ];
        let rhs = vec![
            term(total_label, computed_at(&t3_key(T3_TOTAL_ROW, c.key))),
            term(label_of(t3, T3_CARRY_NEXT), cell(T3_CARRY_NEXT)),
        ];
        if Finding::sum(&lhs) != Finding::sum(&rhs) {
            out.push(arithmetic(
                Severity::Error,
                Rule::RequestBalance,
                c.label.to_string(),
                lhs,
                rhs,
                t3_key(T3_CARRY_NEXT, c.key),
            ));
        }
        // Rule 2: a typed （七）总计 equals the outcome rows.
        let key = t3_key(T3_TOTAL_ROW, c.key);
        if let Some(typed) = stored(values, &key, c.kind) {
            let terms = outcome_terms(values, t3, c.key, c.kind);
            if typed != Finding::sum(&terms) {
                out.push(arithmetic(
                    Severity::Error,
                    Rule::OutcomeTotal,
                    c.label.to_string(),
                    vec![term(total_label, typed)],
                    terms,
                    key,
                ));
            }
        }
    }

    // Rule 3: a typed 总计 equals the six applicant columns (for （七）, their computed totals).
    let Some(total_col) = t3.column(T3_TOTAL_COLUMN) else {
        return;
    };
    for r in t3.rows {
        let key = t3_key(r.key, T3_TOTAL_COLUMN);
        let Some(typed) = stored(values, &key, total_col.kind) else {
            continue;
        };
        let terms: Vec<Term> = t3
            .input_columns()
            .map(|c| {
                let k = t3_key(r.key, c.key);
                let v = if r.computed {
                    computed_at(&k)
                } else {
                    count_value(values, &k, c.kind)
                };
                term(c.label, v)
            })
            .collect();
        if typed != Finding::sum(&terms) {
            out.push(arithmetic(
                Severity::Error,
                Rule::ApplicantTotal,
                r.full_label(),
                vec![term(total_col.label, typed)],
                terms,
                key,
            ));
        }
    }
}

/// Rule 4: a typed 总计 of a 表四 group equals its four result columns.
fn table4_rules(values: &TableValues, format: TableFormat, out: &mut Vec<Finding>) {
    let t4 = catalog::table4(format);
    for g in t4.groups {
        for total in t4.columns.iter().filter(|c| c.computed) {
            let key = t4_key(g.key, total.key);
            let Some(typed) = stored(values, &key, total.kind) else {
                continue;
            };
            let parts: Vec<Term> = t4
                .columns
                .iter()
                .filter(|c| !c.computed)
                .map(|c| term(c.label, count_value(values, &t4_key(g.key, c.key), c.kind)))
                .collect();
            if Finding::sum(&parts) != typed {
                out.push(arithmetic(
                    Severity::Error,
                    Rule::AppealTotal,
                    g.full_label(),
                    parts,
                    vec![term(total.label, typed)],
                    key,
                ));
            }
        }
    }
}

/// Rule 5: 二、上年结转 = last year's 四、结转下年度继续办理, per applicant column. Runs only when last
/// year's report is statutory and has 表三 data (an untouched table is not evidence of zeros).
fn carry_over(report: &Report, prev: &Report, out: &mut Vec<Finding>) {
    let prefix = format!("{}/", catalog::TABLE3);
    let prev_has_t3 = prev.tables.0.keys().any(|k| k.starts_with(&prefix));
    if prev.structure != ReportStructure::Statutory || !prev_has_t3 {
        return;
    }
    let t3 = catalog::table3(report.effective_table_format());
    let prev_t3 = catalog::table3(prev.effective_table_format());
    for c in t3.input_columns() {
        let this = count_value(&report.tables, &t3_key(T3_CARRIED, c.key), c.kind);
        let before = count_value(&prev.tables, &t3_key(T3_CARRY_NEXT, c.key), c.kind);
        if this != before {
            out.push(arithmetic(
                Severity::Error,
                Rule::CarryOver,
                c.label.to_string(),
                vec![term(label_of(t3, T3_CARRIED), this)],
                vec![term(
                    format!("{}年 {}", prev.year, label_of(prev_t3, T3_CARRY_NEXT)),
                    before,
                )],
                t3_key(T3_CARRIED, c.key),
            ));
        }
    }
}

/// Rule 6 (soft, 2019 format in both years): this year's 上一年项目数量 = last year's 上一年项目数量 +
/// 本年增/减, for every row of the blocks that have both columns, when last year's row was filled.
fn project_count(report: &Report, prev: &Report, out: &mut Vec<Finding>) {
    let v2019 = TableFormat::V2019;
    if report.effective_table_format() != v2019 || prev.effective_table_format() != v2019 {
        return;
    }
    for b in catalog::table2(v2019) {
        let (Some(count_col), Some(change_col)) = (b.column(T2_PREV_COUNT), b.column(T2_CHANGE))
        else {
            continue;
        };
        for r in b.rows {
            let key = |c: &str| catalog::cell_key(catalog::TABLE2, b.key, r.key, c);
            let (count_key, change_key) = (key(count_col.key), key(change_col.key));
            if prev.tables.get(&count_key).trim().is_empty()
                && prev.tables.get(&change_key).trim().is_empty()
            {
                continue;
            }
            let this = count_value(&report.tables, &count_key, count_col.kind);
            let rhs = vec![
                term(
                    format!("{}年 {}", prev.year, count_col.label),
                    count_value(&prev.tables, &count_key, count_col.kind),
                ),
                term(
                    format!("{}年 {}", prev.year, change_col.label),
                    count_value(&prev.tables, &change_key, change_col.kind),
                ),
            ];
            if this != Finding::sum(&rhs) {
                out.push(arithmetic(
                    Severity::Hint,
                    Rule::ProjectCount,
                    format!("{} · {}", b.title, r.label),
                    vec![term(count_col.label, this)],
                    rhs,
                    count_key,
                ));
            }
        }
    }
}

/// Rule 7 (soft, 2021 format in both years): 现行有效件数 ≈ last year's 现行有效件数 + 本年制发件数 −
/// 本年废止件数, per row of 第二十条第（一）项, when last year's 现行有效件数 was filled. Revised documents
/// make real reports deviate, so this is a 提示.
fn in_force_count(report: &Report, prev: &Report, out: &mut Vec<Finding>) {
    let v2021 = TableFormat::V2021;
    if report.effective_table_format() != v2021 || prev.effective_table_format() != v2021 {
        return;
    }
    for b in catalog::table2(v2021) {
        let (Some(in_force), Some(issued), Some(repealed)) = (
            b.column(T2_IN_FORCE),
            b.column(T2_ISSUED),
            b.column(T2_REPEALED),
        ) else {
            continue;
        };
        for r in b.rows {
            let key = |c: &str| catalog::cell_key(catalog::TABLE2, b.key, r.key, c);
            let in_force_key = key(in_force.key);
            if prev.tables.get(&in_force_key).trim().is_empty() {
                continue;
            }
            let this = count_value(&report.tables, &in_force_key, in_force.kind);
            let rhs = vec![
                term(
                    format!("{}年 {}", prev.year, in_force.label),
                    count_value(&prev.tables, &in_force_key, in_force.kind),
                ),
                term(
                    issued.label,
                    count_value(&report.tables, &key(issued.key), issued.kind),
                ),
                term(
                    format!("−{}", repealed.label),
                    count_value(&report.tables, &key(repealed.key), repealed.kind).saturating_neg(),
                ),
            ];
            if this != Finding::sum(&rhs) {
                out.push(arithmetic(
                    Severity::Hint,
                    Rule::InForceCount,
                    format!("{} · {}", b.title, r.label),
                    vec![term(in_force.label, this)],
                    rhs,
                    in_force_key,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_terms_group_sub_rows() {
        let mut v = TableValues::default();
        v.set(t3_key("withheld_secret", "natural"), "2");
        v.set(t3_key("withheld_query", "natural"), "3");
        v.set(t3_key("other_unpaid", "natural"), "1");
        let t3 = catalog::table3(TableFormat::V2021);
        let terms = outcome_terms(&v, t3, "natural", CellKind::Count);
        let labels: Vec<_> = terms.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "（一）予以公开",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "（三）不予公开",
                "（四）无法提供",
                "（五）不予处理",
                "（六）其他处理"
            ]
        );
        assert_eq!(terms[2].value, 5);
        assert_eq!(terms[5].value, 1);
    }

    #[test]
    fn stored_ignores_blank_and_invalid() {
        let mut v = TableValues::default();
        v.set("a", "7");
        v.set("b", "x");
        assert_eq!(stored(&v, "a", CellKind::Count), Some(7));
        assert_eq!(stored(&v, "b", CellKind::Count), None);
        assert_eq!(stored(&v, "c", CellKind::Count), None);
    }

    #[test]
    fn field_structure_checks_only_table2() {
        let mut r = Report::blank(2021);
        r.tables.set(t3_key(T3_NEW, "natural"), "x");
        r.tables.set("t2/a20_5/license/decisions", "y");
        let f = check(&r, None);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].subject,
            "第二十条第（五）项 · 行政许可 · 本年处理决定数量"
        );
    }
}
