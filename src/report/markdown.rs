//! The report as Markdown (CommonMark with GFM pipe tables).
//!
//! The title is `#`; heading levels 1–4 are `##`–`#####`, number first (`## 一、完成既定目标`); each
//! paragraph is one line followed by a blank line. User text is escaped ([`escape`]): control
//! characters go, line breaks become spaces, the ASCII punctuation Markdown gives meaning to inline
//! (`` \ ` * _ [ ] < | ~ & ``) gets a backslash anywhere, and a line-start marker (`#`, `>`, `+`, `-`,
//! `=`, `1.`, `1)`) gets one at the start of a block.
//!
//! # Tables
//!
//! A pipe table has one header row, so merged cells are flattened on the table's grid:
//!
//! - The leading header rows become one header row: each grid column's header is the texts of the
//!   header cells covering it, top to bottom, joined with “ / ” (e.g. `申请人情况 / 法人或其他组织 /
//!   商业企业`, `行政诉讼 / 复议后起诉 / 总计`). A header cell that spans several columns and has nothing
//!   below it (表三's corner) is written in its first column only. A table without header rows (表二)
//!   uses its first row as the header.
//! - In the other rows a merged cell is written once, in its top-left grid position; the positions it
//!   also covers are left blank, as a merged cell looks on paper.
//! - A column whose value cells are all right-aligned is right-aligned (`---:`).
//! - A caption, if any, is a bold paragraph above the table.

use super::html::is_dropped_control;
use super::{Align, Block, Document, Table};

/// The whole Markdown file, UTF-8.
pub fn render(doc: &Document) -> Vec<u8> {
    render_string(doc).into_bytes()
}

/// The whole Markdown file as text.
pub fn render_string(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", escape(&doc.title));
    for block in &doc.blocks {
        match block {
            Block::Heading {
                level,
                number,
                text,
            } => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 4)) + 1);
                // The number starts the line, so it is escaped as a line start; the text follows it.
                out.push_str(&format!(
                    "{hashes} {}{}\n\n",
                    escape(number),
                    escape_inline(text)
                ));
            }
            Block::Paragraph(text) => {
                out.push_str(&escape(text));
                out.push_str("\n\n");
            }
            Block::Table(table) => {
                if let Some(caption) = &table.caption {
                    out.push_str(&format!("**{}**\n\n", escape_inline(caption)));
                }
                out.push_str(&table_text(table));
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Where each grid position of a table comes from: `(row, cell)` indices of the cell covering it.
pub(crate) type Grid = Vec<Vec<Option<(usize, usize)>>>;

/// Expands a table's merged cells onto its `rows × columns` grid (HTML semantics: each row lists only
/// the cells that start in it, left to right in the positions not covered from above). Cells that
/// would fall outside the grid are dropped.
pub(crate) fn grid(table: &Table) -> Grid {
    let width = table.columns;
    let mut grid: Grid = vec![vec![None; width]; table.rows.len()];
    for (r, row) in table.rows.iter().enumerate() {
        let mut col = 0;
        for (i, cell) in row.cells.iter().enumerate() {
            while col < width && grid[r][col].is_some() {
                col += 1;
            }
            if col >= width {
                break;
            }
            let end_col = (col + cell.colspan.max(1)).min(width);
            let end_row = (r + cell.rowspan.max(1)).min(table.rows.len());
            for line in &mut grid[r..end_row] {
                for slot in &mut line[col..end_col] {
                    if slot.is_none() {
                        *slot = Some((r, i));
                    }
                }
            }
            col = end_col;
        }
    }
    grid
}

fn table_text(table: &Table) -> String {
    let width = table.columns.max(1);
    let grid = grid(table);
    let text = |(r, i): (usize, usize)| table.rows[r].cells[i].text.as_str();
    let leading = table.rows.iter().take_while(|r| r.header).count();
    let head_rows = leading.max(1).min(table.rows.len());

    let mut header = vec![String::new(); width];
    for (c, slot) in header.iter_mut().enumerate() {
        let mut parts: Vec<(usize, usize)> = Vec::new();
        for line in grid.iter().take(head_rows) {
            if let Some(at) = line.get(c).copied().flatten() {
                if parts.last() != Some(&at) {
                    parts.push(at);
                }
            }
        }
        let parts: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|(k, &(r, i))| {
                // A spanning cell with nothing below it: only in its first column.
                let alone = *k + 1 == parts.len();
                let first_column = c == 0 || grid[r].get(c - 1).copied().flatten() != Some((r, i));
                !alone || first_column || table.rows[r].cells[i].colspan == 1
            })
            .map(|(_, &at)| text(at))
            .filter(|t| !t.trim().is_empty())
            .collect();
        *slot = parts
            .iter()
            .map(|t| escape_cell(t))
            .collect::<Vec<_>>()
            .join(" / ");
    }

    let mut out = pipe_line(&header);
    let separator: Vec<String> = (0..width)
        .map(|c| {
            let values: Vec<Align> = grid
                .iter()
                .skip(head_rows)
                .filter_map(|line| line.get(c).copied().flatten())
                .map(|(r, i)| &table.rows[r].cells[i])
                .filter(|cell| !cell.heading)
                .map(|cell| cell.align)
                .collect();
            if !values.is_empty() && values.iter().all(|a| *a == Align::Right) {
                "---:".to_string()
            } else {
                "---".to_string()
            }
        })
        .collect();
    out.push_str(&pipe_line(&separator));
    for (r, line) in grid.iter().enumerate().skip(head_rows) {
        let cells: Vec<String> = (0..width)
            .map(|c| match line.get(c).copied().flatten() {
                // Written only where the cell starts.
                Some(at @ (start_row, _))
                    if start_row == r
                        && (c == 0 || line.get(c - 1).copied().flatten() != Some(at)) =>
                {
                    escape_cell(text(at))
                }
                _ => String::new(),
            })
            .collect();
        out.push_str(&pipe_line(&cells));
    }
    out
}

fn pipe_line(cells: &[String]) -> String {
    let mut line = String::from("|");
    for cell in cells {
        line.push(' ');
        line.push_str(cell);
        line.push_str(" |");
    }
    line.push('\n');
    line
}

/// Text for a table cell: as [`escape_inline`] (which escapes `|`).
fn escape_cell(text: &str) -> String {
    escape_inline(text.trim())
}

/// Text that starts a block: control characters dropped first, then leading spaces trimmed (so that
/// neither can make an indented code block or hide a marker: `"\u{1}   # 标题"` is not a heading), then
/// [`escape_inline`], plus a backslash before a line-start marker.
pub fn escape(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !is_dropped_control(*c)).collect();
    let inline = escape_inline(visible.trim_start());
    let first = inline.chars().next();
    match first {
        Some('#' | '>' | '+' | '-' | '=') => format!("\\{inline}"),
        Some(c) if c.is_ascii_digit() => {
            // An ordered-list marker: digits then `.` or `)`.
            let digits = inline.chars().take_while(char::is_ascii_digit).count();
            match inline[digits..].chars().next() {
                Some(p @ ('.' | ')')) => {
                    format!("{}\\{p}{}", &inline[..digits], &inline[digits + 1..])
                }
                _ => inline,
            }
        }
        _ => inline,
    }
}

/// Text inside a line: control characters dropped, line breaks and tabs as spaces, Markdown's inline
/// punctuation backslash-escaped.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\t' => out.push(' '),
            c if is_dropped_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Cell, Row};

    #[test]
    fn a_control_character_before_a_marker_does_not_hide_it() {
        assert_eq!(escape("\0 # 标题"), "\\# 标题");
    }

    #[test]
    fn escapes_inline_punctuation_and_line_starts() {
        assert_eq!(
            escape_inline("a|b*c_<d>\n[e]\u{7}"),
            "a\\|b\\*c\\_\\<d> \\[e\\]"
        );
        assert_eq!(escape("> 引用"), "\\> 引用");
        assert_eq!(escape("# 标题"), "\\# 标题");
        assert_eq!(escape("- 列表"), "\\- 列表");
        assert_eq!(escape("12. 项"), "12\\. 项");
        assert_eq!(escape("2020年"), "2020年");
        assert_eq!(escape("1、确定"), "1、确定");
    }

    #[test]
    fn control_characters_cannot_hide_a_block_marker() {
        for (input, expected) in [
            ("\u{1}   # 标题", "\\# 标题"),
            ("\u{1}    代码块", "代码块"),
            ("\u{1}   > 引用", "\\> 引用"),
            ("\u{1}   - 列表", "\\- 列表"),
            ("\u{1}   + 列表", "\\+ 列表"),
            ("\u{1}   * 列表", "\\* 列表"),
            ("\u{1}   1. 列表", "1\\. 列表"),
            ("\u{1}   ---", "\\---"),
            ("\u{1}   ***", "\\*\\*\\*"),
            ("\u{1}   ___", "\\_\\_\\_"),
            ("\u{1}\u{7}\t# 标题", "\\# 标题"),
            (" \u{1} \u{1b} ```", "\\`\\`\\`"),
        ] {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }

    #[test]
    fn merged_headers_are_flattened() {
        let t = Table {
            caption: None,
            columns: 4,
            rows: vec![
                Row {
                    header: true,
                    cells: vec![Cell::header("角").span(2, 2), Cell::header("甲").span(2, 1)],
                },
                Row {
                    header: true,
                    cells: vec![Cell::header("乙"), Cell::header("丙")],
                },
                Row {
                    header: false,
                    cells: vec![
                        Cell::label("组").span(1, 2),
                        Cell::label("一"),
                        Cell::value("1"),
                        Cell::value("2"),
                    ],
                },
                Row {
                    header: false,
                    cells: vec![Cell::label("二"), Cell::value("3"), Cell::value("4")],
                },
            ],
        };
        assert_eq!(
            table_text(&t),
            "| 角 |  | 甲 / 乙 | 甲 / 丙 |\n| --- | --- | ---: | ---: |\n| 组 | 一 | 1 | 2 |\n|  | 二 | 3 | 4 |\n"
        );
    }
}
