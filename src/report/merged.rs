//! The schools' contributions to one item, as the bureau placed them (`SchoolTask::placement`); the
//! builder prints them after the item's own text, so the preview and every export carry them.
//!
//! - **Per school** (`per_school`): one paragraph per school whose file filled the item, in the
//!   report's contribution order: `<学校>：<文字>`, further lines as paragraphs, and what it entered
//!   besides text as a sentence after its last line, in the item's wording
//!   (`共举办学校开放日2次，于2020年5月1日通过两微一端举办。`).
//! - **Summary** (`summary`): the bureau's own paragraph(s) instead of the schools' texts.
//! - **Counts** (`counts`): one sentence with the totals over the schools
//!   (`各学校合计（3所学校填报）：举办学校开放日7次。`) and a table of each school's counts with a 合计 row,
//!   captioned `<事项>（各学校填报）` (the CSV export names it so).
//! - **Omit** (`omit`): nothing.

use super::{Cell, Row, Table};
use crate::catalog::date_verb;
use crate::dates::chinese_date;
use crate::model::{Contribution, ItemContent, Placement, SchoolCount, SubmissionItem};

/// Opens the totals sentence of [`Placement::Counts`].
pub const TOTALS_PREFIX: &str = "各学校合计";
/// Caption of the counts table: `<事项>` + this.
pub const TABLE_SUFFIX: &str = "（各学校填报）";
/// Header of the counts table's first column, and its last row.
pub const SCHOOL_HEADER: &str = "学校";
pub const TOTAL_ROW: &str = "合计";

/// What the schools add to an item.
#[derive(Debug, Default)]
pub struct Merged {
    pub paragraphs: Vec<String>,
    pub table: Option<Table>,
}

/// The contributions to item `item` of category `category`, as placed.
pub fn merged(category: &str, item: &ItemContent, contributions: &[Contribution]) -> Merged {
    let verb = date_verb(category, &item.id);
    let answers: Vec<(&str, &SubmissionItem)> = contributions
        .iter()
        .filter_map(|c| {
            c.item(category, &item.id)
                .map(|a| (c.school_name.trim(), a))
        })
        .collect();
    match item.schools.placement {
        Placement::PerSchool => Merged {
            paragraphs: answers
                .iter()
                .filter(|(_, a)| a.is_filled())
                .flat_map(|(school, a)| per_school(school, a, verb))
                .collect(),
            table: None,
        },
        Placement::Summary => Merged {
            paragraphs: text_lines(&item.schools.summary),
            table: None,
        },
        Placement::Counts => counts(item, &answers),
        Placement::Omit => Merged::default(),
    }
}

fn text_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.chars().any(|c| !c.is_whitespace() && !c.is_control()))
        .map(str::to_string)
        .collect()
}

fn count_text(c: &SchoolCount, value: u64) -> String {
    format!("{}{}{}", c.label.trim(), value, c.unit.trim())
}

/// What a school entered besides its text, as one sentence of the report in the item's wording
/// (`verb`, `catalog::date_verb`): `共举办学校开放日2次，于2020年5月1日通过两微一端举办。`; empty when
/// nothing.
pub fn details(a: &SubmissionItem, verb: &str) -> String {
    let mut parts = Vec::new();
    let counts: Vec<String> = a
        .counts
        .iter()
        .filter_map(|c| c.value.map(|v| count_text(c, v)))
        .collect();
    if !counts.is_empty() {
        parts.push(format!("共{}", counts.join("、")));
    }
    let dates: Vec<String> = a
        .dates
        .iter()
        .filter(|d| !d.trim().is_empty())
        .map(|d| chinese_date(d))
        .collect();
    let mut when = String::new();
    if !dates.is_empty() {
        when.push('于');
        when.push_str(&dates.join("、"));
    }
    if !a.channels_used.is_empty() {
        when.push_str("通过");
        when.push_str(&a.channels_used.join("、"));
    }
    if !when.is_empty() {
        when.push_str(verb);
        parts.push(when);
    }
    if parts.is_empty() {
        return String::new();
    }
    format!("{}。", parts.join("，"))
}

/// True when `line` ends a sentence.
fn ends_sentence(line: &str) -> bool {
    line.ends_with(['。', '！', '？', '；', '.', '!', '?', '…', '”', '）'])
}

/// A school's paragraphs: its text, then the sentence of what it entered besides (`details`), the
/// first line opened by the school's name.
pub fn per_school(school: &str, a: &SubmissionItem, verb: &str) -> Vec<String> {
    let mut lines = text_lines(&a.text);
    let details = details(a, verb);
    match lines.last_mut() {
        Some(last) if !details.is_empty() => {
            if !ends_sentence(last) {
                last.push('。');
            }
            last.push_str(&details);
        }
        None if !details.is_empty() => lines.push(details),
        _ => {}
    }
    if let Some(first) = lines.first_mut() {
        *first = format!("{school}：{first}");
    }
    lines
}

/// The counts asked for, in the order of the item's fields then of first appearance.
fn columns(item: &ItemContent, answers: &[(&str, &SubmissionItem)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = item
        .schools
        .counts
        .iter()
        .map(|f| (f.label.trim().to_string(), f.unit.trim().to_string()))
        .collect();
    for (_, a) in answers {
        for c in &a.counts {
            let key = (c.label.trim().to_string(), c.unit.trim().to_string());
            if c.value.is_some() && !out.contains(&key) {
                out.push(key);
            }
        }
    }
    out
}

fn value_of(a: &SubmissionItem, (label, unit): &(String, String)) -> Option<u64> {
    a.counts
        .iter()
        .find(|c| c.label.trim() == label && c.unit.trim() == unit)
        .and_then(|c| c.value)
}

fn counts(item: &ItemContent, answers: &[(&str, &SubmissionItem)]) -> Merged {
    let columns = columns(item, answers);
    let reporting: Vec<&(&str, &SubmissionItem)> = answers
        .iter()
        .filter(|(_, a)| columns.iter().any(|k| value_of(a, k).is_some()))
        .collect();
    if reporting.is_empty() {
        return Merged::default();
    }
    let totals: Vec<u64> = columns
        .iter()
        .map(|k| {
            reporting
                .iter()
                .filter_map(|(_, a)| value_of(a, k))
                .fold(0u64, u64::saturating_add)
        })
        .collect();
    let sentence = columns
        .iter()
        .zip(&totals)
        .map(|((label, unit), total)| format!("{label}{total}{unit}"))
        .collect::<Vec<_>>()
        .join("，");
    let mut rows = vec![Row {
        header: true,
        cells: std::iter::once(Cell::header(SCHOOL_HEADER))
            .chain(columns.iter().map(|(label, unit)| {
                Cell::header(if unit.is_empty() {
                    label.clone()
                } else {
                    format!("{label}（{unit}）")
                })
            }))
            .collect(),
    }];
    for (school, a) in &reporting {
        rows.push(Row {
            header: false,
            cells: std::iter::once(Cell::label(*school))
                .chain(columns.iter().map(|k| {
                    Cell::value(value_of(a, k).map(|v| v.to_string()).unwrap_or_default())
                }))
                .collect(),
        });
    }
    rows.push(Row {
        header: false,
        cells: std::iter::once(Cell::label(TOTAL_ROW))
            .chain(totals.iter().map(|t| Cell::value(t.to_string())))
            .collect(),
    });
    Merged {
        paragraphs: vec![format!(
            "{TOTALS_PREFIX}（{}所学校填报）：{sentence}。",
            reporting.len()
        )],
        table: Some(Table {
            caption: Some(format!("{}{TABLE_SUFFIX}", item.name.trim())),
            columns: columns.len() + 1,
            rows,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SchoolTask;

    fn item(placement: Placement) -> ItemContent {
        ItemContent {
            id: "open-day".into(),
            name: "学校开放日".into(),
            schools: SchoolTask {
                assigned: true,
                placement,
                summary: "各校均按计划举办开放日。".into(),
                counts: vec![crate::model::CountField {
                    label: "举办学校开放日".into(),
                    unit: "次".into(),
                }],
                ..SchoolTask::default()
            },
            ..ItemContent::default()
        }
    }

    fn contribution(id: &str, name: &str, text: &str, n: Option<u64>) -> Contribution {
        Contribution {
            school_id: id.into(),
            school_name: name.into(),
            created_at: "2020-12-01T00:00:00Z".into(),
            hash: String::new(),
            items: vec![SubmissionItem {
                category: "policy-execution".into(),
                item: "open-day".into(),
                name: "学校开放日".into(),
                text: text.into(),
                counts: vec![SchoolCount {
                    label: "举办学校开放日".into(),
                    unit: "次".into(),
                    value: n,
                }],
                ..SubmissionItem::default()
            }],
            removed_school: false,
        }
    }

    fn all() -> Vec<Contribution> {
        vec![
            contribution("school-1", "甲小学", "春季开放日。\n秋季开放日。", Some(2)),
            contribution("school-2", "乙中学", "", Some(5)),
            contribution("school-3", "丙小学", "", None),
        ]
    }

    #[test]
    fn per_school_paragraphs_name_the_school_and_its_details() {
        let mut c = all();
        c[0].items[0].dates = vec!["2020-05-01".into()];
        c[0].items[0].channels_used = vec!["两微一端".into()];
        let m = merged("policy-execution", &item(Placement::PerSchool), &c);
        assert_eq!(
            m.paragraphs,
            [
                "甲小学：春季开放日。",
                "秋季开放日。共举办学校开放日2次，于2020年5月1日通过两微一端举办。",
                "乙中学：共举办学校开放日5次。",
            ]
        );
        assert!(m.table.is_none());
        assert!(merged("students", &item(Placement::PerSchool), &c)
            .paragraphs
            .is_empty());
    }

    #[test]
    fn details_are_one_sentence_in_the_items_wording() {
        let a = SubmissionItem {
            text: "评选优秀学生".into(),
            counts: vec![SchoolCount {
                label: "表彰学生".into(),
                unit: "人次".into(),
                value: Some(12),
            }],
            dates: vec!["2020-06-01".into(), String::new()],
            channels_used: vec!["政府网站".into(), "政府公报".into()],
            ..SubmissionItem::default()
        };
        assert_eq!(
            per_school("某校", &a, "公开"),
            ["某校：评选优秀学生。共表彰学生12人次，于2020年6月1日通过政府网站、政府公报公开。"]
        );
        let only_channels = SubmissionItem {
            channels_used: vec!["公示栏".into()],
            ..SubmissionItem::default()
        };
        assert_eq!(details(&only_channels, "公开"), "通过公示栏公开。");
        assert_eq!(details(&SubmissionItem::default(), "公开"), "");
    }

    #[test]
    fn counts_are_summed_over_the_schools_that_gave_one() {
        let m = merged("policy-execution", &item(Placement::Counts), &all());
        assert_eq!(
            m.paragraphs,
            ["各学校合计（2所学校填报）：举办学校开放日7次。"]
        );
        let t = m.table.unwrap();
        assert_eq!(t.caption.as_deref(), Some("学校开放日（各学校填报）"));
        let texts: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec!["学校", "举办学校开放日（次）"],
                vec!["甲小学", "2"],
                vec!["乙中学", "5"],
                vec!["合计", "7"]
            ]
        );
        let mut none = all();
        none.truncate(0);
        assert!(merged("policy-execution", &item(Placement::Counts), &none)
            .table
            .is_none());
    }

    #[test]
    fn summary_and_omit() {
        let m = merged("policy-execution", &item(Placement::Summary), &all());
        assert_eq!(m.paragraphs, ["各校均按计划举办开放日。"]);
        assert!(merged("policy-execution", &item(Placement::Omit), &all())
            .paragraphs
            .is_empty());
    }
}
