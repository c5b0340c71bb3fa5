//! Completeness: empty categories and items, 未公开 without a reason, missing unit name or year.

use super::{Finding, Rule, Severity, Target};
use crate::catalog;
use crate::model::{DisclosureStatus, ItemContent, Report, YEAR_RANGE};
use crate::text;

/// Completeness hints for one report: the settings first, then the categories in catalogue order.
pub fn check(report: &Report) -> Vec<Finding> {
    let settings = text::t().settings_title;
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
                },
            ));
            continue;
        };
        for item in &content.items {
            let rule = match item.status {
                None if item.text.trim().is_empty() => Rule::EmptyItem,
                Some(DisclosureStatus::NotPublished) if item.reason.trim().is_empty() => {
                    Rule::MissingReason
                }
                _ => continue,
            };
            findings.push(hint(
                rule,
                item_subject(category.name, item),
                Target::Category {
                    key: category.key.to_string(),
                    item: Some(item.id.clone()),
                },
            ));
        }
    }
    findings
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
                    item: None
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
                item: Some("certification".into())
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
                item: Some("school-bus".into())
            }
        );
        category_mut(&mut r, "safety").items[3].reason = "本单位无此项职能。".into();
        assert_eq!(rules(&r), []);
    }
}
