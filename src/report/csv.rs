//! The report's statutory tables as one CSV file: UTF-8 with a byte-order mark (so Excel reads it as
//! UTF-8), CRLF line ends, one line per data cell (“long” layout, ready for a pivot table).
//!
//! # Layout
//!
//! The first line is the header `表格,分块,行,列,数值`; then, table by table in document order and
//! within a table row by row, left to right, one line per value cell:
//!
//! - **表格**: `表二`, `表三` or `表四`, recognised by the table's first cell (a 第二十条 block title, 表三's
//!   corner text, 表四's 行政复议); any other table is `表<n>` by its position in the document.
//! - **分块**: in 表二 the block title (`第二十条第（五）项`); empty in 表三 and 表四.
//! - **行**: the row's label cells, including those merged down from above, joined with “ / ”
//!   (`三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密`); empty in 表四, whose data row has no label.
//! - **列**: the column's header cells, top to bottom, joined with “ / ” (`申请人情况 / 自然人`,
//!   `行政诉讼 / 复议后起诉 / 总计`); in 表二 the block's own header row (`本年增/减`).
//! - **数值**: the value as the document prints it (typed text, blanks as “0”, computed totals).
//!
//! Formula injection (OWASP, CSV Injection): a spreadsheet runs a field as a formula when it starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return. Control characters other than `\n` and `\t` are
//! dropped first; then a field whose first character is a tab, CR or LF, or whose first character
//! after spaces is `=`, `+`, `-`, `@` or one of their full-width forms `＝`, `＋`, `－`, `＠` (which
//! spreadsheets on Chinese and Japanese systems also accept), gets a leading `'`, unless it is a plain
//! number (`-35`, `+5`, `1.5`), which stays as it is ([`neutralise`]).
//! The field structure has only 表二; the statutory structure has 表二, 表三 and 表四. A report whose
//! bureau adds up the schools' counts of an item also has that item's table of counts per school,
//! named by its caption.

use std::borrow::Cow;

use super::html::is_dropped_control;
use super::markdown::grid;
use super::{Block, Document, Table};
use crate::catalog;

/// The header line's fields.
pub const HEADER: [&str; 5] = ["表格", "分块", "行", "列", "数值"];

/// The CSV file: BOM, header, one line per value cell.
pub fn render(doc: &Document) -> Vec<u8> {
    csv_file(|line| {
        line(&mut HEADER.into_iter());
        let tables = doc.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        });
        for (n, table) in tables.enumerate() {
            table_records(table, n + 1, &mut |record| line(&mut record.into_iter()));
        }
    })
}

/// Any records as a CSV file the way every CSV of the app is written: UTF-8 with a BOM, CRLF, control
/// characters dropped and formulas neutralised ([`neutralise`]).
pub fn write_records(records: &[Vec<String>]) -> Vec<u8> {
    csv_file(|line| {
        for record in records {
            line(&mut record.iter().map(String::as_str));
        }
    })
}

/// The one CSV writer: a BOM, then each line `lines` hands over (its fields cleaned of control
/// characters and neutralised), CRLF-terminated.
fn csv_file(lines: impl FnOnce(&mut dyn FnMut(&mut dyn Iterator<Item = &str>))) -> Vec<u8> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    lines(&mut |fields| {
        for field in fields {
            // Writing to a Vec cannot fail.
            let _ = writer.write_field(safe(&clean(field)).as_bytes());
        }
        let _ = writer.write_record(None::<&[u8]>);
    });
    let _ = writer.flush();
    out.extend(writer.into_inner().unwrap_or_default());
    out
}

/// `表二`, `表三`, `表四` by the table's first cell, else the table's caption (the schools' counts
/// of an item), else `表<position>`.
fn table_name(table: &Table, position: usize) -> String {
    let first = table
        .rows
        .first()
        .and_then(|r| r.cells.first())
        .map(|c| c.text.as_str())
        .unwrap_or("");
    let format = crate::model::TableFormat::V2021;
    let t4_first = catalog::table4(format)
        .header
        .first()
        .and_then(|r| r.first())
        .map(|s| s.text);
    if first.starts_with("第二十条") {
        "表二".to_string()
    } else if first == catalog::T3_CORNER {
        "表三".to_string()
    } else if Some(first) == t4_first {
        "表四".to_string()
    } else if let Some(caption) = table.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        caption.trim().to_string()
    } else {
        format!("表{}", super::build::chinese_numeral(position))
    }
}

/// One record per value cell of `table` (see the module doc), handed to `emit` in order.
fn table_records(table: &Table, position: usize, emit: &mut dyn FnMut([&str; 5])) {
    let name = table_name(table, position);
    let grid = grid(table);
    let cell = |(r, i): (usize, usize)| &table.rows[r].cells[i];
    let joined = |slots: &mut dyn Iterator<Item = Option<(usize, usize)>>| {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for at in slots.flatten() {
            if !seen.contains(&at) {
                seen.push(at);
            }
        }
        seen.iter()
            .map(|&at| cell(at).text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" / ")
    };

    let leading = table.rows.iter().take_while(|r| r.header).count();
    let mut columns: Vec<String> = (0..table.columns)
        .map(|c| joined(&mut grid.iter().take(leading).map(|line| line[c])))
        .collect();
    let mut block = String::new();
    for (r, row) in table.rows.iter().enumerate().skip(leading) {
        if row.cells.iter().all(|c| c.heading) {
            if row.cells.len() == 1 && row.cells[0].colspan >= table.columns {
                // A block title (表二).
                block = row.cells[0].text.trim().to_string();
            } else {
                // A block's own header row.
                columns = (0..table.columns)
                    .map(|c| joined(&mut std::iter::once(grid[r][c])))
                    .collect();
            }
            continue;
        }
        let label = joined(
            &mut grid[r]
                .iter()
                .copied()
                .filter(|at| at.is_some_and(|at| cell(at).heading)),
        );
        for (c, at) in grid[r].iter().enumerate() {
            let Some(at @ (start, i)) = *at else { continue };
            let first_column = c == 0 || grid[r][c - 1] != Some(at);
            if start != r || !first_column || table.rows[start].cells[i].heading {
                continue;
            }
            emit([&name, &block, &label, &columns[c], cell(at).text.trim()]);
        }
    }
}

/// The field without control characters other than `\n` and `\t`.
fn clean(field: &str) -> Cow<'_, str> {
    if field.chars().any(is_dropped_control) {
        Cow::Owned(field.chars().filter(|c| !is_dropped_control(*c)).collect())
    } else {
        Cow::Borrowed(field)
    }
}

/// Characters that start a formula, half- and full-width.
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// A field a spreadsheet could run as a formula gets a leading `'` (see the module doc), unless it is a
/// plain number such as `-35` or `+1.5`. Leading spaces (also full-width) and control characters do
/// not hide a formula: `" =1+1"` and `"\u{1}=1"` are neutralised too.
pub fn neutralise(field: &str) -> String {
    safe(field).into_owned()
}

/// [`neutralise`] without copying a field that needs nothing.
fn safe(field: &str) -> Cow<'_, str> {
    let first = field
        .chars()
        .find(|c| !(c.is_whitespace() || c.is_control()) || matches!(c, '\t' | '\r' | '\n'));
    let risky = field.starts_with(['\t', '\r', '\n'])
        || first.is_some_and(|c| FORMULA_STARTS.contains(&c) || matches!(c, '\t' | '\r' | '\n'));
    if risky && !is_plain_number(field) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// `[+-]digits[.digits]`.
fn is_plain_number(field: &str) -> bool {
    let unsigned = field.strip_prefix(['+', '-']).unwrap_or(field);
    let mut parts = unsigned.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    digits(whole) && parts.next().is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(neutralise("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(neutralise("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(neutralise("@SUM(1)"), "'@SUM(1)");
        assert_eq!(neutralise("-1+2"), "'-1+2");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("-35"), "-35");
        assert_eq!(neutralise("+5"), "+5");
        assert_eq!(neutralise("-1.5"), "-1.5");
        assert_eq!(neutralise("-"), "'-");
        assert_eq!(neutralise("增10"), "增10");
        assert_eq!(neutralise("1276.5534万元"), "1276.5534万元");
    }

    #[test]
    fn full_width_signs_and_hidden_starts_are_neutralised() {
        for field in [
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(1)",
            " =1+1",
            "\u{3000}=1",
            "\u{a0}@x",
            "\n=1",
            " \t=1",
        ] {
            assert_eq!(neutralise(field), format!("'{field}"), "{field:?}");
        }
        // The input: a control character before `=` is dropped by `clean`, the space stays.
        assert_eq!(neutralise(&clean("\u{1} =1+1")), "' =1+1");
        assert_eq!(neutralise(&clean("\u{1}=1+1")), "'=1+1");
        assert_eq!(neutralise(" 35"), " 35");
        assert_eq!(neutralise("公开 =1"), "公开 =1");
    }
}
