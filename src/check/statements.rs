//! Numbers stated in the narrative against the tables (docs/reference/official-formats.md §1.5 rule
//! 6). Published reports
//! often contradict their own tables (上海 2019: “予以公开及部分公开258件” over a table that sums to 275).
//!
//! Each narrative field the report prints is cut into sentences (at 。！？；and line breaks); each
//! sentence is read with the wordings of `catalog::statements` for the quantities the report's tables
//! hold (表三/表四 only in the statutory structure; 表二 columns of the report's format). Where wordings
//! overlap (“予以公开及部分公开258件” also contains “部分公开258件”), the longest wins. A wording is not read
//! when it follows a conjunction without a number of its own (“行政复议、行政诉讼共1起”), when its clause
//! carries a qualifier (a channel, an applicant kind, schools, a comparison, another period, or a year
//! other than the report's), or when the number is approximate (“20余件”, “约20件”, “20件以上”). A sentence
//! it cannot read gives nothing, so unrelated prose never raises a finding.
//!
//! A stated number that differs from the table is a 提示 with both numbers, the sentence, a link to the
//! text field and a link to the table cell.

use std::collections::{BTreeMap, BTreeSet};

use super::{Finding, Rule, Severity, Target, Term};
use crate::catalog::statements::{
    Quantity, Source, Table2Cell, Wording, CONJUNCTIONS, FILLERS, QUALIFIERS, QUANTITIES,
};
use crate::catalog::{self, count_value, t3_key, t4_key, CellKind, T3_TOTAL_COLUMN, T4_TOTAL};
use crate::cell::MAX_CELL;
use crate::model::{Report, ReportStructure, TableFormat};

/// One figure read from a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The quantity's key in `catalog::statements::QUANTITIES`.
    pub quantity: &'static str,
    pub value: i64,
    /// The sentence it was read from, trimmed.
    pub sentence: String,
}

/// The narrative text fields `report` prints in its structure, each with the target of its control on
/// `#/narrative` (a `data-testid`, or the n-th work item), in reading order.
pub fn narrative_fields(report: &Report) -> Vec<(Target, &str)> {
    let n = &report.narrative;
    let mut out = vec![(Target::Narrative("narrative-preamble"), n.preamble.as_str())];
    match report.structure {
        ReportStructure::Field => {
            out.push((Target::Narrative("narrative-goals"), n.goals.as_str()));
            for (i, item) in n.work_items.iter().enumerate() {
                out.push((Target::WorkItem(i), item.as_str()));
            }
            out.push((
                Target::Narrative("narrative-disclosure-intro"),
                n.disclosure_intro.as_str(),
            ));
        }
        ReportStructure::Statutory => {
            let o = &n.overview;
            let sections = [
                &o.active,
                &o.on_request,
                &o.management,
                &o.platform,
                &o.supervision,
            ];
            for (field, text) in super::completeness::OVERVIEW_FIELDS.iter().zip(sections) {
                out.push((Target::Narrative(field), text.as_str()));
            }
        }
    }
    out.push((
        Target::Narrative("narrative-tables-note"),
        n.tables_note.as_str(),
    ));
    out.push((Target::Narrative("narrative-problems"), n.problems.as_str()));
    out.push((Target::Narrative("narrative-other"), n.other.as_str()));
    if report.structure == ReportStructure::Statutory {
        out.push((Target::Narrative("narrative-fee-line"), n.fee_line.as_str()));
    }
    out
}

/// The text-versus-table findings of `report`.
pub fn check(report: &Report) -> Vec<Finding> {
    let format = report.effective_table_format();
    let quantities = quantities(format, report.structure);
    let mut statements = Vec::new();
    for (n, (field, text)) in narrative_fields(report).into_iter().enumerate() {
        for s in read_text(text, report.year, &quantities) {
            statements.push((n, field.clone(), s));
        }
    }
    if statements.is_empty() {
        return Vec::new();
    }
    let computed = catalog::computed_cells(&report.tables, format);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (n, field, s) in statements {
        let Some(q) = QUANTITIES.iter().find(|q| q.key == s.quantity) else {
            continue;
        };
        let Some((terms, cell)) = table_side(q, report, format, &computed) else {
            continue;
        };
        if Finding::sum(&terms) == s.value || !seen.insert((n, q.key, s.value)) {
            continue;
        }
        out.push(Finding {
            severity: Severity::Hint,
            rule: Rule::TextTableMismatch,
            subject: q.label.to_string(),
            lhs: vec![Term {
                label: String::new(),
                value: s.value,
            }],
            rhs: terms,
            found: s.sentence,
            target: field,
            also: Some(Target::Cell(cell)),
        });
    }
    out
}

/// Whether `q` can be compared in a report of `format` and `structure`.
fn available(q: &Quantity, format: TableFormat, structure: ReportStructure) -> bool {
    let statutory = structure == ReportStructure::Statutory;
    match q.source {
        Source::Table3Rows(rows) => {
            let t3 = catalog::table3(format);
            statutory && rows.iter().any(|r| t3.row(r).is_some())
        }
        Source::Table4Groups(_) => statutory,
        Source::Table2 { .. } => q
            .source
            .table2_cell(format)
            .is_some_and(|cell| cell.column.kind == CellKind::Count),
    }
}

/// The quantities a report of `format` and `structure` holds.
fn quantities(format: TableFormat, structure: ReportStructure) -> Vec<&'static Quantity> {
    QUANTITIES
        .iter()
        .filter(|q| available(q, format, structure))
        .collect()
}

/// The 表二 cell of a `Source::Table2` quantity in `format`, with its label, if the format has it and
/// it holds a count.
fn table2_cell(q: &Quantity, format: TableFormat) -> Option<(String, String)> {
    let Table2Cell { block, row, column } = q
        .source
        .table2_cell(format)
        .filter(|cell| cell.column.kind == CellKind::Count)?;
    Some((
        catalog::cell_key(catalog::TABLE2, block.key, row.key, column.key),
        format!("{} · {} · {}", block.title, row.label, column.label),
    ))
}

/// The table's side of `q` (one term per row group, 表四 group or 表二 cell) and the typed cell to
/// link to.
fn table_side(
    q: &Quantity,
    report: &Report,
    format: TableFormat,
    computed: &BTreeMap<String, i64>,
) -> Option<(Vec<Term>, String)> {
    if !available(q, format, report.structure) {
        return None;
    }
    let at = |key: &str| computed.get(key).copied().unwrap_or(0);
    match q.source {
        Source::Table3Rows(keys) => {
            let t3 = catalog::table3(format);
            let first_input = t3.input_columns().next()?.key;
            let rows: Vec<_> = keys.iter().filter_map(|k| t3.row(k)).collect();
            let mut terms: Vec<Term> = Vec::new();
            for r in &rows {
                let label = r.subgroup.unwrap_or(r.label);
                let v = at(&t3_key(r.key, T3_TOTAL_COLUMN));
                match terms.last_mut() {
                    Some(t) if t.label == label => t.value = t.value.saturating_add(v),
                    _ => terms.push(Term {
                        label: label.to_string(),
                        value: v,
                    }),
                }
            }
            // Link to the first typed cell: of the first row, or for （七）总计 of the first outcome row.
            let row = rows
                .iter()
                .find(|r| !r.computed)
                .copied()
                .or_else(|| t3.rows.iter().find(|r| r.is_outcome()))?;
            Some((terms, t3_key(row.key, first_input)))
        }
        Source::Table4Groups(groups) => {
            let t4 = catalog::table4(format);
            let first_input = t4.columns.iter().find(|c| !c.computed)?.key;
            let terms = groups
                .iter()
                .filter_map(|g| t4.group(g))
                .map(|g| Term {
                    label: g.full_label(),
                    value: at(&t4_key(g.key, T4_TOTAL)),
                })
                .collect();
            Some((terms, t4_key(groups.first()?, first_input)))
        }
        Source::Table2 { .. } => {
            let (key, label) = table2_cell(q, format)?;
            let value = count_value(&report.tables, &key, CellKind::Count);
            Some((vec![Term { label, value }], key))
        }
    }
}

/// Every figure that the sentences of `text` state, for the quantities a report of `year`, `format`
/// and `structure` holds, in reading order.
pub fn stated_numbers(
    text: &str,
    year: u16,
    format: TableFormat,
    structure: ReportStructure,
) -> Vec<Statement> {
    read_text(text, year, &quantities(format, structure))
}

fn read_text(text: &str, year: u16, quantities: &[&'static Quantity]) -> Vec<Statement> {
    let mut out = Vec::new();
    for sentence in text
        .split(['。', '！', '？', '；', '!', '?', ';', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        for (q, value) in read_sentence(sentence, year, quantities) {
            out.push(Statement {
                quantity: q.key,
                value,
                sentence: sentence.to_string(),
            });
        }
    }
    out
}

/// A wording found in a sentence.
struct Candidate<'q> {
    quantity: &'q Quantity,
    value: i64,
    start: usize,
    end: usize,
    anchor: usize,
}

fn read_sentence<'q>(
    sentence: &str,
    year: u16,
    quantities: &[&'q Quantity],
) -> Vec<(&'q Quantity, i64)> {
    let mut found: Vec<Candidate> = Vec::new();
    for q in quantities {
        for wording in q.wordings {
            for (start, _) in sentence.match_indices(wording.before) {
                if let Some(c) = read_at(sentence, start, q, wording, year) {
                    found.push(c);
                }
            }
        }
    }
    // The longest wording wins where wordings overlap.
    found.sort_by(|a, b| b.anchor.cmp(&a.anchor).then(a.start.cmp(&b.start)));
    let mut kept: Vec<Candidate> = Vec::new();
    for c in found {
        if !kept.iter().any(|k| c.start < k.end && k.start < c.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept.into_iter().map(|c| (c.quantity, c.value)).collect()
}

/// Reads `wording` of `q` at byte `start` of `sentence`, if a number and unit follow and nothing
/// before it in its clause makes it unreadable.
fn read_at<'q>(
    sentence: &str,
    start: usize,
    q: &'q Quantity,
    wording: &Wording,
    year: u16,
) -> Option<Candidate<'q>> {
    let before = &sentence[..start];
    if shares_a_number(before) || qualified(clause(before), year) {
        return None;
    }
    let mut rest = &sentence[start + wording.before.len()..];
    let mut skipped = 0;
    while let Some(filler) = FILLERS.iter().find(|f| rest.starts_with(**f)) {
        rest = &rest[filler.len()..];
        skipped += 1;
        if skipped > 6 {
            return None;
        }
    }
    let (value, len) = number_at(rest)?;
    let after_number = rest[len..].trim_start_matches([' ', '\u{3000}']);
    let unit = q.units.iter().find(|u| after_number.starts_with(**u))?;
    let mut tail = &after_number[unit.len()..];
    if !wording.after.is_empty() {
        tail = tail.strip_prefix(wording.after)?;
    }
    if ["以上", "以下", "左右", "多", "余"]
        .iter()
        .any(|a| tail.starts_with(a))
    {
        return None;
    }
    Some(Candidate {
        quantity: q,
        value,
        start,
        end: sentence.len() - tail.len(),
        anchor: wording.before.len() + wording.after.len(),
    })
}

/// The units a number may carry in a statement, for telling an enumeration (“予以公开5件、部分公开3件”)
/// from a shared subject (“行政复议、行政诉讼共1起”).
const UNIT_CHARS: [char; 9] = ['件', '起', '宗', '个', '份', '篇', '次', '条', '项'];

/// True when `before` ends with a conjunction whose left side has no number of its own: the wording
/// after it shares one number with what precedes.
fn shares_a_number(before: &str) -> bool {
    CONJUNCTIONS.iter().any(|c| {
        before
            .strip_suffix(c)
            .is_some_and(|left| !left.trim_end().ends_with(UNIT_CHARS))
    })
}

/// The text of `before` since the last clause break.
fn clause(before: &str) -> &str {
    match before.rfind(['，', ',', '、', '：', ':', '（', '(', '）', ')']) {
        Some(i) => {
            let c = before[i..].chars().next().map_or(1, char::len_utf8);
            &before[i + c..]
        }
        None => before,
    }
}

/// True when a clause prefix makes the statement about a part, a comparison or another period.
fn qualified(prefix: &str, year: u16) -> bool {
    if QUALIFIERS.iter().any(|q| prefix.contains(q)) || prefix.contains('约') {
        return true;
    }
    // A year other than the report's, or a month (“1-6月”).
    let chars: Vec<char> = prefix.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || ('０'..='９').contains(&chars[i]) {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || ('０'..='９').contains(&chars[i]))
            {
                i += 1;
            }
            let digits: String = chars[start..i]
                .iter()
                .map(|c| half_width_digit(*c))
                .collect();
            match chars.get(i) {
                Some('年') if digits != year.to_string() => return true,
                Some('月') => return true,
                _ => {}
            }
        } else {
            i += 1;
        }
    }
    false
}

fn half_width_digit(c: char) -> char {
    if ('０'..='９').contains(&c) {
        char::from(b'0' + (c as u32 - '０' as u32) as u8)
    } else {
        c
    }
}

/// The number at the start of `text` (Arabic digits, also full-width, with thousands separators; or
/// Chinese numerals up to 万), and its length in bytes. `None` when there is none or it is above
/// `cell::MAX_CELL`.
fn number_at(text: &str) -> Option<(i64, usize)> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let first = text.chars().next()?;
    if is_digit(first) {
        let mut digits = String::new();
        let mut len = 0;
        for (i, c) in text.char_indices() {
            if is_digit(c) {
                digits.push(half_width_digit(c));
                len = i + c.len_utf8();
            } else if matches!(c, ',' | '，') && {
                // A thousands separator: exactly three digits follow before the next non-digit.
                let group: Vec<char> = text[i + c.len_utf8()..].chars().take(4).collect();
                group.len() >= 3
                    && group[..3].iter().all(|d| is_digit(*d))
                    && group.get(3).is_none_or(|d| !is_digit(*d))
            } {
                continue;
            } else {
                break;
            }
        }
        if digits.len() > 13 {
            return None;
        }
        let n: i64 = digits.parse().ok()?;
        return (n <= MAX_CELL).then_some((n, len));
    }
    chinese_number(text)
}

/// Chinese numerals: 零〇一二两三四五六七八九 with 十百千 and 万 (“十二”, “一百零五”, “两万三千”).
fn chinese_number(text: &str) -> Option<(i64, usize)> {
    let digit = |c: char| match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let unit = |c: char| match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    };
    let first = text.chars().next()?;
    if digit(first).is_none() && first != '十' {
        return None;
    }
    let (mut total, mut section, mut number) = (0i64, 0i64, 0i64);
    let mut len = 0;
    for (i, c) in text.char_indices() {
        if let Some(d) = digit(c) {
            number = d;
        } else if let Some(u) = unit(c) {
            let n = if number == 0 && section == 0 && u == 10 {
                1
            } else {
                number
            };
            section = section.saturating_add(n * u);
            number = 0;
        } else if c == '万' {
            total = total.saturating_add((section + number).saturating_mul(10_000));
            section = 0;
            number = 0;
        } else {
            break;
        }
        len = i + c.len_utf8();
        if total > MAX_CELL || section > MAX_CELL {
            return None;
        }
    }
    let n = total + section + number;
    (n <= MAX_CELL).then_some((n, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_scripts() {
        assert_eq!(number_at("12件"), Some((12, 2)));
        assert_eq!(number_at("１２件"), Some((12, 6)));
        assert_eq!(number_at("1,215件"), Some((1215, 5)));
        assert_eq!(number_at("1，215件"), Some((1215, 7)));
        assert_eq!(number_at("12,件"), Some((12, 2)));
        assert_eq!(number_at("0件"), Some((0, 1)));
        assert_eq!(number_at("十二件"), Some((12, 6)));
        assert_eq!(number_at("二十件"), Some((20, 6)));
        assert_eq!(number_at("一百零五件"), Some((105, 12)));
        assert_eq!(number_at("两万三千件"), Some((23_000, 12)));
        assert_eq!(number_at("零件"), Some((0, 3)));
        assert_eq!(number_at("件"), None);
        assert_eq!(number_at("99999999999999999999件"), None);
        assert_eq!(number_at("1000000000001件"), None);
    }

    #[test]
    fn clauses_and_qualifiers() {
        assert_eq!(clause("全年，其中通过网络"), "其中通过网络");
        assert!(qualified("其中通过网络", 2021));
        assert!(qualified("2020年", 2021));
        assert!(!qualified("2021年全年共", 2021));
        assert!(qualified("1-6月", 2021));
        assert!(!qualified("全年共", 2021));
        assert!(shares_a_number("行政复议、"));
        assert!(!shares_a_number("予以公开5件、"));
        assert!(!shares_a_number("全年"));
    }
}
