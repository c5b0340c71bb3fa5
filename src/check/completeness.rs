//! Completeness, by the report's structure. Both: missing unit name or year, an empty
//! 五、存在的主要问题及改进情况 or 六、其他需要报告的事项. 领域报告 (field): empty categories and items, 未公开
//! without a reason. 法定年报 (statutory, which has no categories): the five sub-heads of 一、总体情况 have
//! text; 表三 and 表四 are not entirely blank unless marked “本年度无相关情况”, and a marked table holds
//! nothing but zeros.

use super::{Finding, Rule, Severity, Target};
use crate::catalog::{self, CellKind};
use crate::cell::{parse_cell, CellValue};
use crate::model::{DisclosureStatus, ItemContent, Report, ReportStructure, YEAR_RANGE};
use crate::report::{heading_number, OVERVIEW_SECTIONS, STATUTORY_SECTIONS};

/// Completeness hints for one report: the settings first, then the structure's own rules, then 五 and 六.
pub fn check(report: &Report) -> Vec<Finding> {
    // The subject of a settings finding is the settings page itself: left empty, `text` names it.
    let settings = "";
    let mut findings = Vec::new();
    if report.unit_name.trim().is_empty() {
        findings.push(hint(
            Rule::MissingUnit,
            settings.to_string(),
            Target::Settings("settings-unit"),
        ));
    }
    if !YEAR_RANGE.contains(&report.year) {
        findings.push(hint(
            Rule::MissingYear,
            settings.to_string(),
            Target::Settings("settings-year"),
        ));
    }
    match report.structure {
        ReportStructure::Field => categories(report, &mut findings),
        ReportStructure::Statutory => statutory(report, &mut findings),
    }
    findings.extend(empty_sections(report));
    findings
}

/// The field report's rules: every category filled or marked 本年度无此项, every item with text or a
/// status, a reason for every 未公开.
fn categories(report: &Report, findings: &mut Vec<Finding>) {
    for category in &catalog::CATEGORIES {
        let content = report.category(category.key);
        if content.is_some_and(|c| c.status == Some(DisclosureStatus::NotApplicable)) {
            continue;
        }
        let Some(content) = content.filter(|c| !c.is_empty()) else {
            findings.push(hint(
                Rule::EmptyCategory,
                category.name.to_string(),
                Target::Category {
                    key: category.key.to_string(),
                    item: None,
                    field: "category-intro",
                },
            ));
            continue;
        };
        for item in &content.items {
            let (rule, field) = match item.status {
                None if item.text.trim().is_empty() => (Rule::EmptyItem, "item-text"),
                Some(DisclosureStatus::NotPublished) if item.reason.trim().is_empty() => {
                    (Rule::MissingReason, "item-reason")
                }
                _ => continue,
            };
            findings.push(hint(
                rule,
                item_subject(category.name, item),
                Target::Category {
                    key: category.key.to_string(),
                    item: Some(item.id.clone()),
                    field,
                },
            ));
        }
    }
}

/// The `data-testid` of each sub-head of 一、总体情况 on `#/narrative`, in order.
pub const OVERVIEW_FIELDS: [&str; 5] = [
    "narrative-overview-active",
    "narrative-overview-on-request",
    "narrative-overview-management",
    "narrative-overview-platform",
    "narrative-overview-supervision",
];

/// True when `text` has nothing to print (only spaces and control characters).
fn blank(text: &str) -> bool {
    !text.chars().any(|c| !c.is_whitespace() && !c.is_control())
}

/// The statutory report's own rules (docs/reference/official-formats.md §1.2: the six sections of
/// 条例第五十条).
fn statutory(report: &Report, findings: &mut Vec<Finding>) {
    let o = &report.narrative.overview;
    let overview = [
        &o.active,
        &o.on_request,
        &o.management,
        &o.platform,
        &o.supervision,
    ];
    let section = |i: usize| format!("{}{}", heading_number(1, i + 1), STATUTORY_SECTIONS[i]);
    for (i, text) in overview.iter().enumerate() {
        if blank(text) {
            findings.push(hint(
                Rule::EmptyOverviewSection,
                format!(
                    "{} · {}{}",
                    section(0),
                    heading_number(2, i + 1),
                    OVERVIEW_SECTIONS[i]
                ),
                Target::Narrative(OVERVIEW_FIELDS[i]),
            ));
        }
    }
    for (table, marked, index) in [
        (catalog::TABLE3, report.no_cases.table3, 2),
        (catalog::TABLE4, report.no_cases.table4, 3),
    ] {
        let prefix = format!("{table}/");
        let cells = || {
            report
                .tables
                .0
                .iter()
                .filter(|(k, v)| k.starts_with(&prefix) && !blank(v))
        };
        // Typed zeros fill a table (“没有的填 0”) and agree with the mark; any other text does not.
        let zero = |v: &str| matches!(parse_cell(v, CellKind::Change), Ok(CellValue::Integer(0)));
        let rule = if marked {
            if cells().all(|(_, v)| zero(v)) {
                continue;
            }
            Rule::MarkedTableFilled
        } else if cells().next().is_none() {
            Rule::EmptyTable
        } else {
            continue;
        };
        findings.push(hint(rule, section(index), Target::TableMark(table)));
    }
}

/// 五 and 六 are part of both structures. 六 of the statutory report also holds the fee line.
fn empty_sections(report: &Report) -> Vec<Finding> {
    let n = &report.narrative;
    let mut out = Vec::new();
    if n.problems.trim().is_empty() {
        out.push(hint(
            Rule::EmptySection,
            section_heading(4),
            Target::Narrative("narrative-problems"),
        ));
    }
    let fee = report.structure == ReportStructure::Statutory && !n.fee_line.trim().is_empty();
    if n.other.trim().is_empty() && !fee {
        out.push(hint(
            Rule::EmptySection,
            section_heading(5),
            Target::Narrative("narrative-other"),
        ));
    }
    out
}

/// “五、存在的主要问题及改进情况”: 五 and 六 have the same headings in both structures.
fn section_heading(index: usize) -> String {
    format!(
        "{}{}",
        heading_number(1, index + 1),
        STATUTORY_SECTIONS[index]
    )
}

fn item_subject(category: &str, item: &ItemContent) -> String {
    format!("{category} · {}", item.name.trim())
}

fn hint(rule: Rule, subject: String, target: Target) -> Finding {
    Finding {
        severity: Severity::Hint,
        rule,
        subject,
        lhs: Vec::new(),
        rhs: Vec::new(),
        found: String::new(),
        target,
        also: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CategoryContent;

    /// A report with a unit and every category filled: every item has text and is 已公开.
    fn complete() -> Report {
        let mut r = Report::blank(2020);
        r.unit_name = "某区教育局".into();
        r.narrative.problems = "公开内容还不够全面。".into();
        r.narrative.other = "无".into();
        for c in &mut r.categories {
            for item in &mut c.items {
                item.text = "已在政府网站公开。".into();
                item.status = Some(DisclosureStatus::Published);
            }
        }
        r
    }

    fn rules(r: &Report) -> Vec<Rule> {
        check(r).iter().map(|f| f.rule).collect()
    }

    fn category_mut<'a>(r: &'a mut Report, key: &str) -> &'a mut CategoryContent {
        r.categories.iter_mut().find(|c| c.key == key).unwrap()
    }

    #[test]
    fn a_complete_report_has_no_findings() {
        assert_eq!(check(&complete()), Vec::new());
    }

    #[test]
    fn missing_unit() {
        let mut r = complete();
        r.unit_name = "  ".into();
        let f = check(&r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, Rule::MissingUnit);
        assert_eq!(f[0].severity, Severity::Hint);
        assert_eq!(f[0].target, Target::Settings("settings-unit"));
    }

    #[test]
    fn year_out_of_range() {
        let mut r = complete();
        r.year = 1999;
        let f = check(&r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, Rule::MissingYear);
        assert_eq!(f[0].target, Target::Settings("settings-year"));
        r.year = *YEAR_RANGE.end();
        assert_eq!(rules(&r), []);
    }

    #[test]
    fn blank_report_gives_one_finding_per_category_not_per_item() {
        let mut r = Report::blank(2020);
        r.unit_name = "某区教育局".into();
        r.narrative.problems = "问题".into();
        r.narrative.other = "无".into();
        let f = check(&r);
        assert_eq!(f.len(), catalog::CATEGORIES.len());
        for (f, c) in f.iter().zip(catalog::CATEGORIES.iter()) {
            assert_eq!(f.rule, Rule::EmptyCategory);
            assert_eq!(f.severity, Severity::Hint);
            assert_eq!(f.subject, c.name);
            assert_eq!(
                f.target,
                Target::Category {
                    key: c.key.into(),
                    item: None,
                    field: "category-intro",
                }
            );
        }
    }

    #[test]
    fn empty_category_unless_not_applicable_and_missing_counts_as_empty() {
        let mut r = complete();
        let c = category_mut(&mut r, "private-schools");
        for item in &mut c.items {
            item.text.clear();
            item.status = None;
        }
        assert_eq!(rules(&r), [Rule::EmptyCategory]);
        category_mut(&mut r, "private-schools").status = Some(DisclosureStatus::NotApplicable);
        assert_eq!(rules(&r), []);
        // A category missing from the report counts as empty.
        r.categories.retain(|c| c.key != "supervision");
        let f = check(&r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, Rule::EmptyCategory);
        assert_eq!(f[0].subject, "教育督导");
    }

    #[test]
    fn intro_alone_fills_a_category() {
        let mut r = complete();
        let c = category_mut(&mut r, "policy");
        c.items.clear();
        c.intro = "义务教育相关政策法规分别在政府网站公开。".into();
        assert_eq!(rules(&r), []);
    }

    #[test]
    fn empty_item_in_a_filled_category() {
        let mut r = complete();
        let item = &mut category_mut(&mut r, "teachers").items[1];
        item.text = " ".into();
        item.status = None;
        let f = check(&r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, Rule::EmptyItem);
        assert_eq!(f[0].subject, "教师管理 · 教师资格认定");
        assert_eq!(
            f[0].target,
            Target::Category {
                key: "teachers".into(),
                item: Some("certification".into()),
                field: "item-text",
            }
        );
        // 本年度无此项 needs no text, and a status alone is enough.
        for status in [DisclosureStatus::NotApplicable, DisclosureStatus::Published] {
            category_mut(&mut r, "teachers").items[1].status = Some(status);
            assert_eq!(rules(&r), []);
        }
        // Items of a category marked 本年度无此项 are not looked at.
        let c = category_mut(&mut r, "teachers");
        c.items[1].status = None;
        c.status = Some(DisclosureStatus::NotApplicable);
        assert_eq!(rules(&r), []);
    }

    #[test]
    fn not_published_needs_a_reason() {
        let mut r = complete();
        let item = &mut category_mut(&mut r, "safety").items[3];
        item.status = Some(DisclosureStatus::NotPublished);
        let f = check(&r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, Rule::MissingReason);
        assert_eq!(
            f[0].subject,
            "校园安全 · 校车使用许可申请政策规定及申请流程"
        );
        assert_eq!(
            f[0].target,
            Target::Category {
                key: "safety".into(),
                item: Some("school-bus".into()),
                field: "item-reason",
            }
        );
        category_mut(&mut r, "safety").items[3].reason = "本单位无此项职能。".into();
        assert_eq!(rules(&r), []);
    }

    #[test]
    fn empty_problems_and_other_are_hints_linked_to_their_text() {
        let mut r = complete();
        r.narrative.problems = " ".into();
        r.narrative.other.clear();
        let f = check(&r);
        assert_eq!(
            f.iter()
                .map(|f| (f.rule, f.target.clone()))
                .collect::<Vec<_>>(),
            [
                (Rule::EmptySection, Target::Narrative("narrative-problems")),
                (Rule::EmptySection, Target::Narrative("narrative-other")),
            ]
        );
        assert!(f.iter().all(|f| f.severity == Severity::Hint));
        assert_eq!(f[0].subject, "五、存在的主要问题及改进情况");
        // In the statutory report the fee line is part of 六.
        r.narrative.fee_line = "本年度未收取信息处理费。".into();
        assert_eq!(check(&r).len(), 2);
        r.structure = ReportStructure::Statutory;
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::EmptySection)
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].target, Target::Narrative("narrative-problems"));
    }

    /// A statutory report with every sub-head, 五, 六 and both tables filled.
    fn statutory_complete() -> Report {
        let mut r = Report::blank(2021);
        r.unit_name = "某区教育局".into();
        r.structure = ReportStructure::Statutory;
        let o = &mut r.narrative.overview;
        for text in [
            &mut o.active,
            &mut o.on_request,
            &mut o.management,
            &mut o.platform,
            &mut o.supervision,
        ] {
            *text = "已按要求开展。".into();
        }
        r.narrative.problems = "存在的问题。".into();
        r.narrative.other = "无。".into();
        r.tables.set("t3/main/new/natural", "0");
        r.tables.set("t4/review/main/upheld", "0");
        r
    }

    #[test]
    fn a_complete_statutory_report_gets_no_category_hint() {
        // The ten categories are untouched (as Report::blank leaves them): not part of this structure.
        assert_eq!(check(&statutory_complete()), Vec::new());
    }

    #[test]
    fn statutory_blank_gets_its_own_rules_not_the_categories() {
        let mut r = Report::blank(2021);
        r.unit_name = "某区教育局".into();
        r.structure = ReportStructure::Statutory;
        let f = check(&r);
        let got: Vec<(Rule, String, Target)> = f
            .iter()
            .map(|f| (f.rule, f.subject.clone(), f.target.clone()))
            .collect();
        let overview = |i: usize, name: &str| {
            (
                Rule::EmptyOverviewSection,
                format!("一、总体情况 · {name}"),
                Target::Narrative(OVERVIEW_FIELDS[i]),
            )
        };
        assert_eq!(
            got,
            vec![
                overview(0, "（一）主动公开"),
                overview(1, "（二）依申请公开"),
                overview(2, "（三）政府信息管理"),
                overview(3, "（四）政府信息公开平台建设"),
                overview(4, "（五）监督保障"),
                (
                    Rule::EmptyTable,
                    "三、收到和处理政府信息公开申请情况".into(),
                    Target::TableMark("t3")
                ),
                (
                    Rule::EmptyTable,
                    "四、政府信息公开行政复议、行政诉讼情况".into(),
                    Target::TableMark("t4")
                ),
                (
                    Rule::EmptySection,
                    "五、存在的主要问题及改进情况".into(),
                    Target::Narrative("narrative-problems")
                ),
                (
                    Rule::EmptySection,
                    "六、其他需要报告的事项".into(),
                    Target::Narrative("narrative-other")
                ),
            ]
        );
        assert!(f.iter().all(|f| f.severity == Severity::Hint));
    }

    #[test]
    fn each_statutory_rule_fails_and_passes() {
        let mut r = statutory_complete();
        r.narrative.overview.platform = " \u{7} ".into();
        assert_eq!(rules(&r), [Rule::EmptyOverviewSection]);
        r.narrative.overview.platform = "网站。".into();
        assert_eq!(rules(&r), []);
    }

    #[test]
    fn blank_tables_need_the_no_cases_mark_and_a_marked_table_stays_blank() {
        let mut r = statutory_complete();
        r.tables.set("t3/main/new/natural", "");
        assert_eq!(rules(&r), [Rule::EmptyTable]);
        assert_eq!(check(&r)[0].target, Target::TableMark("t3"));
        r.no_cases.table3 = true;
        assert_eq!(rules(&r), []);
        // Zeros agree with the mark (“没有的填 0”); a number or other text does not.
        r.tables.set("t3/main/public/legal", "0");
        r.tables.set("t3/main/public/natural", "0件");
        assert_eq!(rules(&r), []);
        r.tables.set("t3/main/public/legal", "2");
        assert_eq!(rules(&r), [Rule::MarkedTableFilled]);
        r.tables.set("t3/main/public/legal", "x");
        assert_eq!(rules(&r), [Rule::MarkedTableFilled]);
        r.tables.set("t3/main/public/legal", "2");
        r.no_cases.table3 = false;
        assert_eq!(rules(&r), []);
        r.tables.set("t4/review/main/upheld", "");
        assert_eq!(rules(&r), [Rule::EmptyTable]);
        assert_eq!(check(&r)[0].target, Target::TableMark("t4"));
        r.no_cases.table4 = true;
        assert_eq!(rules(&r), []);
    }

    #[test]
    fn field_report_keeps_the_category_rules() {
        let mut r = statutory_complete();
        r.structure = ReportStructure::Field;
        let f = check(&r);
        assert_eq!(f.len(), catalog::CATEGORIES.len());
        assert!(f.iter().all(|f| f.rule == Rule::EmptyCategory));
    }
}
