//! The numbers of the graphic, read from a report's tables the way the tables read them: typed cells
//! parsed by their kind, totals from `catalog::computed_cells`. Also which 表二 column is each block's
//! main figure, and the key figures (表二's rows, 新收, 办结, 行政复议, 行政诉讼).

use std::collections::BTreeMap;

use super::{Extra, Figure};
use crate::catalog::{
    self, cell_key, count_value, t3_key, t4_key, CellKind, T2_PREV_COUNT, T3_CARRIED,
    T3_CARRY_NEXT, T3_NEW, T3_RESULTS, T3_TOTAL_COLUMN, T3_TOTAL_ROW, T4_TOTAL, TABLE2,
};
use crate::cell::{parse_cell, CellValue};
use crate::model::{Report, ReportStructure, TableFormat};

/// A number as drawn, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The text drawn: an integer (“+10”, “-3” for a 本年增/减), an amount as typed and normalised
    /// (“1276.5534万元”), or the cell's text when it is not a number (the check reports it).
    pub text: String,
    /// The integer, for bars and charts; `None` for amounts and unreadable text.
    pub value: Option<i64>,
    /// The table cells it names: one cell, or the cells it sums.
    pub cells: Vec<String>,
}

impl Number {
    /// The count a chart draws (amounts and unreadable text as 0).
    pub fn count(&self) -> i64 {
        self.value.unwrap_or(0)
    }

    fn integer(value: i64, cells: Vec<String>) -> Number {
        Number {
            text: value.to_string(),
            value: Some(value),
            cells,
        }
    }
}

/// The main column of each 表二 block: the figure drawn large. The other columns of this year are
/// drawn under it; 上一年项目数量 (last year's figure) is not drawn.
const HEADLINES_2019: [(&str, &str); 5] = [
    ("a20_1", "new_published"),
    ("a20_5", "decisions"),
    ("a20_6", "decisions"),
    ("a20_8", "change"),
    ("a20_9", "purchase_count"),
];
const HEADLINES_2021: [(&str, &str); 4] = [
    ("a20_1", "issued"),
    ("a20_5", "decisions"),
    ("a20_6", "decisions"),
    ("a20_8", "fee_amount"),
];

fn headline(format: TableFormat, block: &str) -> Option<&'static str> {
    let list: &[(&str, &str)] = match format {
        TableFormat::V2019 => &HEADLINES_2019,
        TableFormat::V2021 => &HEADLINES_2021,
    };
    list.iter().find(|(b, _)| *b == block).map(|(_, c)| *c)
}

/// The label without its leading number: “一、本年新收…” → “本年新收…”, “（七）总计” → “总计”, and without
/// a trailing note in brackets: “（二）部分公开（区分处理的…）” → “（二）部分公开” (`keep_number`).
pub(crate) fn short_label(label: &str, keep_number: bool) -> String {
    let mut rest = label;
    let mut number = "";
    if let Some(after) = rest.strip_prefix('（') {
        if let Some(end) = after.find('）') {
            if after[..end].chars().all(is_numeral) && end > 0 {
                let cut = '（'.len_utf8() + end + '）'.len_utf8();
                number = &rest[..cut];
                rest = &rest[cut..];
            }
        }
    } else if let Some(end) = rest.find(['、', '.']) {
        if end > 0 && rest[..end].chars().all(is_numeral) {
            let sep = rest[end..].chars().next().map_or(0, char::len_utf8);
            number = &rest[..end + sep];
            rest = &rest[end + sep..];
        }
    }
    if let Some(open) = rest.find('（') {
        if open > 0 && rest.ends_with('）') {
            rest = &rest[..open];
        }
    }
    if keep_number {
        format!("{number}{rest}")
    } else {
        rest.to_string()
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// True when the report shows 表三: a statutory report, or a 表三 cell holding something other than 0.
pub fn uses_table3(report: &Report) -> bool {
    report.structure == ReportStructure::Statutory || filled(report, "t3/")
}

/// True when the report shows 表四: a statutory report, or a 表四 cell holding something other than 0.
pub fn uses_table4(report: &Report) -> bool {
    report.structure == ReportStructure::Statutory || filled(report, "t4/")
}

/// A cell under `prefix` holds a non-zero count or unreadable text (a zero carried forward into a
/// field report does not make its 表三 worth drawing).
fn filled(report: &Report, prefix: &str) -> bool {
    report
        .tables
        .0
        .iter()
        .filter(|(k, _)| k.starts_with(prefix))
        .any(|(_, v)| parse_cell(v, CellKind::Count).map_or(true, |c| c.as_count() != 0))
}

/// A report's table values as the graphic reads them.
pub(crate) struct Values<'a> {
    report: &'a Report,
    pub format: TableFormat,
    computed: BTreeMap<String, i64>,
}

impl<'a> Values<'a> {
    pub fn new(report: &'a Report) -> Values<'a> {
        let format = report.effective_table_format();
        Values {
            report,
            format,
            computed: catalog::computed_cells(&report.tables, format),
        }
    }

    /// A typed cell of `kind`: blank is 0, a change is signed, an amount is kept as written.
    pub fn typed(&self, key: &str, kind: CellKind) -> Number {
        let raw = self.report.tables.get(key);
        let cells = vec![key.to_string()];
        match parse_cell(raw, kind) {
            // A blank amount prints as 0 but, like every amount, is not charted.
            Ok(CellValue::Blank) if kind == CellKind::Amount => Number {
                text: "0".to_string(),
                value: None,
                cells,
            },
            Ok(CellValue::Blank) => Number::integer(0, cells),
            Ok(CellValue::Integer(n)) => Number {
                text: if kind == CellKind::Change && n > 0 {
                    format!("+{n}")
                } else {
                    n.to_string()
                },
                value: Some(n),
                cells,
            },
            Ok(CellValue::Amount(a)) => Number {
                text: a.to_string(),
                value: None,
                cells,
            },
            Err(_) => Number {
                text: raw.trim().to_string(),
                value: None,
                cells,
            },
        }
    }

    /// A count: a computed total, or a typed count cell.
    fn count(&self, key: &str) -> i64 {
        self.computed
            .get(key)
            .copied()
            .unwrap_or_else(|| count_value(&self.report.tables, key, CellKind::Count))
    }

    /// One computed or count cell.
    pub fn cell(&self, key: String) -> Number {
        match self.computed.get(&key) {
            Some(&n) => Number::integer(n, vec![key]),
            None => self.typed(&key, CellKind::Count),
        }
    }

    /// The sum of count cells (computed or typed; unreadable text counts 0, as in the totals).
    pub fn sum(&self, keys: Vec<String>) -> Number {
        if keys.len() == 1 {
            return self.cell(keys.into_iter().next().unwrap_or_default());
        }
        let total = crate::cell::saturating_sum(keys.iter().map(|k| self.count(k)));
        Number::integer(total, keys)
    }
}

/// 表二: one figure per row, its block's main column large, the block's other columns of this year below.
fn table2_figures(v: &Values) -> Vec<Figure> {
    let mut out = Vec::new();
    for block in catalog::table2(v.format) {
        let Some(main) = headline(v.format, block.key).and_then(|c| block.column(c)) else {
            continue;
        };
        for row in block.rows {
            let key = |col: &str| cell_key(TABLE2, block.key, row.key, col);
            let number = v.typed(&key(main.key), main.kind);
            let extras = block
                .columns
                .iter()
                .filter(|c| c.key != main.key && c.key != T2_PREV_COUNT)
                .map(|c| Extra {
                    label: c.label.to_string(),
                    number: v.typed(&key(c.key), c.kind),
                })
                .collect();
            out.push(Figure {
                id: key(main.key),
                label: row.label.to_string(),
                caption: main.label.to_string(),
                number,
                extras,
                focus: key(main.key),
            });
        }
    }
    out
}

/// 新收 and 办结 (表三's row 一 and （七）总计, 总计 column), with 上年结转 and 结转下年度 below.
fn request_figures(v: &Values) -> Vec<Figure> {
    let t3 = catalog::table3(v.format);
    let label = |key: &str| t3.row(key).map(|r| r.label).unwrap_or_default();
    let first_input = t3.input_columns().next().map(|c| c.key).unwrap_or_default();
    let total = |row: &str| v.cell(t3_key(row, T3_TOTAL_COLUMN));
    let first_outcome = t3
        .rows
        .iter()
        .find(|r| r.is_outcome())
        .map(|r| r.key)
        .unwrap_or_default();
    vec![
        Figure {
            id: t3_key(T3_NEW, T3_TOTAL_COLUMN),
            label: short_label(label(T3_NEW), false),
            caption: String::new(),
            number: total(T3_NEW),
            extras: vec![Extra {
                label: short_label(label(T3_CARRIED), false),
                number: total(T3_CARRIED),
            }],
            focus: t3_key(T3_NEW, first_input),
        },
        Figure {
            id: t3_key(T3_TOTAL_ROW, T3_TOTAL_COLUMN),
            label: short_label(T3_RESULTS, false),
            caption: label(T3_TOTAL_ROW).to_string(),
            number: total(T3_TOTAL_ROW),
            extras: vec![Extra {
                label: short_label(label(T3_CARRY_NEXT), false),
                number: total(T3_CARRY_NEXT),
            }],
            focus: t3_key(first_outcome, first_input),
        },
    ]
}

/// 行政复议 (its 总计, with the four results below) and 行政诉讼 (both groups' 总计 summed, each below).
fn appeal_figures(v: &Values) -> Vec<Figure> {
    let t4 = catalog::table4(v.format);
    let total_label = t4
        .columns
        .iter()
        .find(|c| c.computed)
        .map(|c| c.label)
        .unwrap_or_default();
    let first_input = t4
        .columns
        .iter()
        .find(|c| !c.computed)
        .map(|c| c.key)
        .unwrap_or_default();
    let mut out = Vec::new();
    if let Some(review) = t4.groups.iter().find(|g| g.parent.is_none()) {
        out.push(Figure {
            id: t4_key(review.key, T4_TOTAL),
            label: review.label.to_string(),
            caption: total_label.to_string(),
            number: v.cell(t4_key(review.key, T4_TOTAL)),
            extras: t4
                .columns
                .iter()
                .filter(|c| !c.computed)
                .map(|c| Extra {
                    label: c.label.to_string(),
                    number: v.cell(t4_key(review.key, c.key)),
                })
                .collect(),
            focus: t4_key(review.key, first_input),
        });
    }
    let litigation: Vec<_> = t4.groups.iter().filter(|g| g.parent.is_some()).collect();
    if let Some(first) = litigation.first() {
        let keys: Vec<String> = litigation.iter().map(|g| t4_key(g.key, T4_TOTAL)).collect();
        out.push(Figure {
            id: keys.join(" "),
            label: first.parent.unwrap_or_default().to_string(),
            caption: total_label.to_string(),
            number: v.sum(keys),
            extras: litigation
                .iter()
                .map(|g| Extra {
                    label: g.label.to_string(),
                    number: v.cell(t4_key(g.key, T4_TOTAL)),
                })
                .collect(),
            focus: t4_key(first.key, first_input),
        });
    }
    out
}

/// The key figures of a report, in three groups: 表二's rows; 新收 and 办结 (empty unless
/// [`uses_table3`]); 行政复议 and 行政诉讼 (empty unless [`uses_table4`]).
pub fn key_figures(report: &Report) -> [Vec<Figure>; 3] {
    let v = Values::new(report);
    [
        table2_figures(&v),
        if uses_table3(report) {
            request_figures(&v)
        } else {
            Vec::new()
        },
        if uses_table4(report) {
            appeal_figures(&v)
        } else {
            Vec::new()
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::table2;

    #[test]
    fn every_block_has_a_main_column_of_the_catalogue() {
        for format in [TableFormat::V2019, TableFormat::V2021] {
            for block in table2(format) {
                let main = headline(format, block.key).and_then(|c| block.column(c));
                assert!(main.is_some(), "{format:?} {}", block.key);
            }
        }
    }

    #[test]
    fn short_labels_drop_numbers_and_notes() {
        assert_eq!(
            short_label("一、本年新收政府信息公开申请数量", false),
            "本年新收政府信息公开申请数量"
        );
        assert_eq!(
            short_label(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                true
            ),
            "（二）部分公开"
        );
        assert_eq!(short_label("（七）总计", false), "总计");
        assert_eq!(short_label("1.属于国家秘密", true), "1.属于国家秘密");
        assert_eq!(short_label("1.属于国家秘密", false), "属于国家秘密");
        assert_eq!(short_label("行政许可", false), "行政许可");
        assert_eq!(short_label("三、本年度办理结果", false), "本年度办理结果");
        assert_eq!(short_label("（本列）", false), "（本列）");
    }

    #[test]
    fn numbers_follow_the_cell_kind() {
        let mut r = Report::blank(2020);
        r.tables.set("t2/a20_8/fees/change", "增10");
        r.tables.set("t2/a20_5/license/change", "减3");
        r.tables
            .set("t2/a20_9/procurement/purchase_amount", "0282.10万元");
        r.tables.set("t2/a20_1/rules/new_made", "１２件");
        r.tables.set("t2/a20_1/rules/new_published", "x");
        let v = Values::new(&r);
        let t = |k: &str, kind| v.typed(k, kind).text;
        assert_eq!(t("t2/a20_8/fees/change", CellKind::Change), "+10");
        assert_eq!(t("t2/a20_5/license/change", CellKind::Change), "-3");
        assert_eq!(
            t("t2/a20_9/procurement/purchase_amount", CellKind::Amount),
            "282.1万元"
        );
        assert_eq!(t("t2/a20_1/rules/new_made", CellKind::Count), "12");
        assert_eq!(t("t2/a20_6/penalty/decisions", CellKind::Count), "0");
        let bad = v.typed("t2/a20_1/rules/new_published", CellKind::Count);
        assert_eq!((bad.text.as_str(), bad.value), ("x", None));
    }

    #[test]
    fn key_figures_by_structure() {
        let mut r = Report::blank(2021);
        let [t2, t3, t4] = key_figures(&r);
        assert_eq!(t2.len(), 6, "表二 2021: 2 + 1 + 2 + 1 rows");
        assert!(t3.is_empty() && t4.is_empty());
        assert_eq!(t2[1].label, "行政规范性文件");
        assert_eq!(t2[1].caption, "本年制发件数");
        assert_eq!(t2[1].extras.len(), 2);
        r.tables.set(t3_key("new", "natural"), "4");
        r.tables.set(t3_key("new", "legal"), "2");
        let [_, t3, t4] = key_figures(&r);
        assert_eq!(t3[0].number.text, "6");
        assert_eq!(t3[0].focus, "t3/main/new/natural");
        assert_eq!(t3[1].caption, "（七）总计");
        assert!(t4.is_empty());
        r.structure = ReportStructure::Statutory;
        r.tables.set(t4_key("direct", "upheld"), "1");
        r.tables.set(t4_key("after_review", "pending"), "2");
        let [_, _, t4] = key_figures(&r);
        assert_eq!(t4[0].label, "行政复议");
        assert_eq!(t4[1].label, "行政诉讼");
        assert_eq!(t4[1].number.text, "3");
        assert_eq!(
            t4[1].number.cells,
            ["t4/direct/main/total", "t4/after_review/main/total"]
        );
        assert_eq!(t4[1].extras[1].number.text, "2");
    }
}
