//! Building the document from a report and the catalogue, for the field or the statutory structure.
//!
//! # Outline
//!
//! Both structures start with the title and the preamble (one paragraph per non-empty line) and always
//! print their six level-1 headings, even when a section has no text. An empty 五 or 六 is not left
//! as a bare heading: it gets the one paragraph “无。” (as the seed writes for 六), and the check gives
//! a 提示 for it so the officer sees it before exporting.
//!
//! - **Field** (the seed's): 一、完成既定目标 (goals); 二、工作开展情况 (one paragraph per work item,
//!   numbered “1、” “2、” … over the non-empty items; further lines of an item are plain paragraphs);
//!   三、政务公开事项公开情况 (the intro, then the categories); 四、主动公开政府信息情况 (表二 and the
//!   tables note); 五、存在的主要问题及改进情况; 六、其他需要报告的事项.
//! - **Statutory** (条例第五十条): 一、总体情况 with the non-empty sub-sections （一）主动公开 …
//!   （五）监督保障; 二 (表二 and the tables note); 三 (表三); 四 (表四); 五 (problems); 六 (other, then the
//!   fee line). The ten categories are not part of this structure.
//!
//! Level-2 headings are numbered consecutively over the ones printed ([`heading_number`]).
//!
//! # Categories (field structure)
//!
//! Every category of the catalogue is printed in catalogue order, with these exceptions:
//!
//! - a category marked 本年度无此项 (`status: Some(NotApplicable)`) follows
//!   [`BuildOptions::not_applicable`]: left out ([`NotApplicable::Omit`]), or its heading and the one
//!   paragraph “本年度无此项。” ([`NotApplicable::OneLine`]);
//! - a category missing from `report.categories` is left out.
//!
//! An **empty** category (no intro, no item text, no status; the check reports it) is printed as its
//! heading alone, so the gap is visible in the draft rather than silently closed. This is how the
//! seed prints 教育督导. The seed also leaves out 民办学校信息, which in the example is exactly as empty as
//! 教育督导 (both are the catalogue's untouched defaults), so no rule over the data can print one and drop
//! the other: the example prints （三）民办学校信息 as an empty heading and numbers the categories after it
//! one higher than the seed. Marking 民办学校信息 本年度无此项 with [`NotApplicable::Omit`] (what a unit
//! without private schools does) gives the seed's nine headings exactly; `tests/report_seed.rs` checks both.
//!
//! Inside a category: the intro (one paragraph per line), then each item with text, as one paragraph
//! `名称——文字` (the first line of the text; its other lines follow as paragraphs). When the name ends in
//! punctuation (“教师招聘、职称评聘公平公正。”, “…评优评先：”) the text follows it directly, without “——”. An
//! item without text is left out, except that an item marked 本年度无此项 follows the option like a
//! category (`名称——本年度无此项。`). Catalogue columns, channels and counts are not printed.
//! The schools' merged contributions to an item follow its text as the bureau placed them
//! (`merged.rs`: a paragraph per school, the bureau's summary, or the counts summed with a table); an
//! item with no text of its own but with contributions starts with them, joined to its name.
//!
//! # Tables
//!
//! Values are printed as typed (trimmed). **A blank cell is printed as “0”**: blanks count as 0 in the
//! check and in the totals (docs/reference/official-formats.md §1.5 rule 7), and an official table
//! has no empty data cells. The
//! computed cells (表三 总计 column and （七）总计 row, 表四 总计) are always the computed values
//! (`catalog::computed_cells`); stored totals are ignored.
//!
//! 表二 is one table of `1 + max columns` grid columns: each block is a title row spanning all columns,
//! its header row (信息内容 …) and its data rows; in a block with fewer columns the last cell of each row
//! spans the rest. Its rows are not marked `header` (a block's header must not repeat on the next page);
//! its title and header cells are heading cells. 表三 (10 columns) and 表四 (15 columns) have their
//! catalogue header rows, marked `header`.

use std::collections::BTreeMap;

use super::merged::{merged, Merged};
use super::{Block, Cell, Document, Row, Table};
use crate::catalog::{self, Span};
use crate::model::{
    CategoryContent, Contribution, DisclosureStatus, ItemContent, Report, ReportStructure,
    TableFormat, TableValues,
};

/// How categories marked 本年度无此项 appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NotApplicable {
    /// Left out of the report.
    Omit,
    /// The heading and one line saying 本年度无此项.
    #[default]
    OneLine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BuildOptions {
    pub not_applicable: NotApplicable,
}

/// Field structure, level 1.
pub const FIELD_SECTIONS: [&str; 6] = [
    "完成既定目标",
    "工作开展情况",
    "政务公开事项公开情况",
    "主动公开政府信息情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// Statutory structure, level 1 (docs/reference/official-formats.md §1.2).
pub const STATUTORY_SECTIONS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// The sub-heads of 一、总体情况 (docs/reference/official-formats.md §1.2).
pub const OVERVIEW_SECTIONS: [&str; 5] = [
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
];

/// The line printed for a category or item marked 本年度无此项.
pub const NOT_APPLICABLE_LINE: &str = "本年度无此项。";

/// The paragraph of an empty 五 or 六.
pub const NOTHING_LINE: &str = "无。";

/// Separator between an item's name and its text.
const ITEM_SEPARATOR: &str = "——";

/// Builds the document of `report` in its own structure and table format.
pub fn build(report: &Report, options: &BuildOptions) -> Document {
    let mut out = Builder::default();
    out.paragraphs(&report.narrative.preamble);
    match report.structure {
        ReportStructure::Field => field(report, options, &mut out),
        ReportStructure::Statutory => statutory(report, &mut out),
    }
    Document {
        title: report.display_title().trim().to_string(),
        unit: report.unit_name.clone(),
        year: report.year,
        blocks: out.blocks,
    }
}

fn field(report: &Report, options: &BuildOptions, out: &mut Builder) {
    let n = &report.narrative;
    let format = report.effective_table_format();

    out.heading1(FIELD_SECTIONS[0]);
    out.paragraphs(&n.goals);

    out.heading1(FIELD_SECTIONS[1]);
    let work = n.work_items.iter().filter(|w| !w.trim().is_empty());
    for (i, item) in work.enumerate() {
        let mut lines = lines(item);
        if let Some(first) = lines.next() {
            out.paragraph(format!("{}、{first}", i + 1));
        }
        for line in lines {
            out.paragraph(line);
        }
    }

    out.heading1(FIELD_SECTIONS[2]);
    out.paragraphs(&n.disclosure_intro);
    for def in &catalog::CATEGORIES {
        if let Some(content) = report.category(def.key) {
            category(def.name, content, &report.contributions, options, out);
        }
    }

    out.heading1(FIELD_SECTIONS[3]);
    out.table(table2(&report.tables, format));
    out.paragraphs(&n.tables_note);

    out.heading1(FIELD_SECTIONS[4]);
    out.paragraphs_or_nothing(&[&n.problems]);

    out.heading1(FIELD_SECTIONS[5]);
    out.paragraphs_or_nothing(&[&n.other]);
}

fn category(
    name: &str,
    content: &CategoryContent,
    contributions: &[Contribution],
    options: &BuildOptions,
    out: &mut Builder,
) {
    if content.status == Some(DisclosureStatus::NotApplicable) {
        if options.not_applicable == NotApplicable::OneLine {
            out.heading2(name);
            out.paragraph(NOT_APPLICABLE_LINE);
        }
        return;
    }
    out.heading2(name);
    out.paragraphs(&content.intro);
    for item in &content.items {
        let schools = merged(&content.key, item, contributions);
        item_paragraphs(item, schools, options, out);
    }
}

/// The item's text, then what the schools contributed (`merged`), the first paragraph joined to the
/// item's name.
fn item_paragraphs(item: &ItemContent, schools: Merged, options: &BuildOptions, out: &mut Builder) {
    let name = item.name.trim();
    let mut paragraphs = lines(&item.text)
        .map(str::to_string)
        .chain(schools.paragraphs);
    let first = match paragraphs.next() {
        Some(first) => first,
        None if item.status == Some(DisclosureStatus::NotApplicable)
            && options.not_applicable == NotApplicable::OneLine =>
        {
            NOT_APPLICABLE_LINE.to_string()
        }
        None => return,
    };
    out.paragraph(join_item(name, &first));
    for line in paragraphs {
        out.paragraph(line);
    }
    if let Some(table) = schools.table {
        out.table(table);
    }
}

/// `名称——文字`; the text follows a name ending in punctuation directly; a blank name gives the text alone.
fn join_item(name: &str, text: &str) -> String {
    if name.is_empty() {
        text.to_string()
    } else if name.ends_with(|c: char| "。：:；;，,！!？?、".contains(c)) {
        format!("{name}{text}")
    } else {
        format!("{name}{ITEM_SEPARATOR}{text}")
    }
}

fn statutory(report: &Report, out: &mut Builder) {
    let n = &report.narrative;
    let format = report.effective_table_format();

    out.heading1(STATUTORY_SECTIONS[0]);
    let o = &n.overview;
    let texts = [
        &o.active,
        &o.on_request,
        &o.management,
        &o.platform,
        &o.supervision,
    ];
    for (title, text) in OVERVIEW_SECTIONS.iter().zip(texts) {
        if !text.trim().is_empty() {
            out.heading2(title);
            out.paragraphs(text);
        }
    }

    out.heading1(STATUTORY_SECTIONS[1]);
    out.table(table2(&report.tables, format));
    out.paragraphs(&n.tables_note);

    let computed = catalog::computed_cells(&report.tables, format);
    out.heading1(STATUTORY_SECTIONS[2]);
    out.table(table3(&report.tables, &computed, format));

    out.heading1(STATUTORY_SECTIONS[3]);
    out.table(table4(&report.tables, &computed, format));

    out.heading1(STATUTORY_SECTIONS[4]);
    out.paragraphs_or_nothing(&[&n.problems]);

    out.heading1(STATUTORY_SECTIONS[5]);
    out.paragraphs_or_nothing(&[&n.other, &n.fee_line]);
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/// A stored value as printed: trimmed, blank as “0”.
fn shown(values: &TableValues, key: &str) -> String {
    let v = values.get(key).trim();
    if v.is_empty() {
        "0".to_string()
    } else {
        v.to_string()
    }
}

fn header_row(spans: &[Span]) -> Row {
    Row {
        header: true,
        cells: spans
            .iter()
            .map(|s| Cell::header(s.text).span(s.colspan.into(), s.rowspan.into()))
            .collect(),
    }
}

/// 表二: every block of `format` in one table (see the module doc).
pub fn table2(values: &TableValues, format: TableFormat) -> Table {
    let blocks = catalog::table2(format);
    let columns = 1 + blocks.iter().map(|b| b.columns.len()).max().unwrap_or(0);
    let mut rows = Vec::new();
    // The last of `n` cells takes the columns the block does not use.
    let widen = |mut cells: Vec<Cell>| {
        let used: usize = cells.iter().map(|c| c.colspan).sum();
        if let Some(last) = cells.last_mut() {
            last.colspan += columns.saturating_sub(used);
        }
        cells
    };
    for block in blocks {
        rows.push(Row {
            header: false,
            cells: vec![Cell::header(block.title).span(columns, 1)],
        });
        let header = std::iter::once(Cell::header(block.label_header))
            .chain(block.columns.iter().map(|c| Cell::header(c.label)))
            .collect();
        rows.push(Row {
            header: false,
            cells: widen(header),
        });
        for row in block.rows {
            let cells = std::iter::once(Cell::label(row.label))
                .chain(block.columns.iter().map(|c| {
                    Cell::value(shown(
                        values,
                        &catalog::cell_key(catalog::TABLE2, block.key, row.key, c.key),
                    ))
                }))
                .collect();
            rows.push(Row {
                header: false,
                cells: widen(cells),
            });
        }
    }
    Table {
        caption: None,
        columns,
        rows,
    }
}

/// 表三: the three header rows of the catalogue, then one row per catalogue row with its label cells.
pub fn table3(
    values: &TableValues,
    computed: &BTreeMap<String, i64>,
    format: TableFormat,
) -> Table {
    let t3 = catalog::table3(format);
    let label_columns = usize::from(catalog::Table3::LABEL_COLUMNS);
    let mut rows: Vec<Row> = t3.header.iter().map(|spans| header_row(spans)).collect();
    for (i, row) in t3.rows.iter().enumerate() {
        let mut cells: Vec<Cell> = t3
            .label_cells(i)
            .iter()
            .map(|s| Cell::label(s.text).span(s.colspan.into(), s.rowspan.into()))
            .collect();
        for col in t3.columns {
            let key = catalog::t3_key(row.key, col.key);
            cells.push(value_cell(
                values,
                computed,
                &key,
                row.computed || col.computed,
            ));
        }
        rows.push(Row {
            header: false,
            cells,
        });
    }
    Table {
        caption: None,
        columns: label_columns + t3.columns.len(),
        rows,
    }
}

/// A value cell: the computed sum for a total, otherwise the text as typed.
fn value_cell(
    values: &TableValues,
    computed: &BTreeMap<String, i64>,
    key: &str,
    is_computed: bool,
) -> Cell {
    Cell::value(if is_computed {
        computed.get(key).copied().unwrap_or(0).to_string()
    } else {
        shown(values, key)
    })
}

/// 表四: the three header rows of the catalogue, then the one data row of fifteen values.
pub fn table4(
    values: &TableValues,
    computed: &BTreeMap<String, i64>,
    format: TableFormat,
) -> Table {
    let t4 = catalog::table4(format);
    let mut rows: Vec<Row> = t4.header.iter().map(|spans| header_row(spans)).collect();
    let mut cells = Vec::new();
    for g in t4.groups {
        for col in t4.columns {
            let key = catalog::t4_key(g.key, col.key);
            cells.push(value_cell(values, computed, &key, col.computed));
        }
    }
    rows.push(Row {
        header: false,
        cells,
    });
    Table {
        caption: None,
        columns: t4.groups.len() * t4.columns.len(),
        rows,
    }
}

// ---------------------------------------------------------------------------------------------
// Numbering and paragraphs
// ---------------------------------------------------------------------------------------------

/// `n` (from 1) in Chinese numerals: 一 … 十, 十一 … 十九, 二十, 二十一 … 九十九; larger numbers in
/// Arabic digits.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let tens = if tens == 1 {
                String::new()
            } else {
                DIGITS[tens].to_string()
            };
            let ones = if ones == 0 { "" } else { DIGITS[ones] };
            format!("{tens}十{ones}")
        }
        _ => n.to_string(),
    }
}

/// The number of the `n`th heading (from 1) of `level` (GB/T 9704): 1 “一、”, 2 “（一）”, 3 “1.”,
/// 4 and deeper “（1）”.
pub fn heading_number(level: u8, n: usize) -> String {
    match level {
        0 | 1 => format!("{}、", chinese_numeral(n)),
        2 => format!("（{}）", chinese_numeral(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// The trimmed lines of a text field that have something to print (not only spaces and control
/// characters, which every renderer drops).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.chars().any(|c| !c.is_whitespace() && !c.is_control()))
}

/// Collects blocks and numbers headings: a level-1 heading restarts level 2.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    level1: usize,
    level2: usize,
}

impl Builder {
    fn heading1(&mut self, text: &str) {
        self.level1 += 1;
        self.level2 = 0;
        self.blocks.push(Block::Heading {
            level: 1,
            number: heading_number(1, self.level1),
            text: text.to_string(),
        });
    }

    fn heading2(&mut self, text: &str) {
        self.level2 += 1;
        self.blocks.push(Block::Heading {
            level: 2,
            number: heading_number(2, self.level2),
            text: text.to_string(),
        });
    }

    fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    /// One paragraph per non-empty line.
    fn paragraphs(&mut self, text: &str) {
        for line in lines(text) {
            self.paragraph(line);
        }
    }

    /// The paragraphs of each text, or [`NOTHING_LINE`] when they are all empty.
    fn paragraphs_or_nothing(&mut self, texts: &[&str]) {
        if texts.iter().all(|t| lines(t).next().is_none()) {
            self.paragraph(NOTHING_LINE);
        }
        for text in texts {
            self.paragraphs(text);
        }
    }

    fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Align;

    #[test]
    fn chinese_numerals() {
        let got: Vec<_> = [1, 2, 9, 10, 11, 15, 19, 20, 21, 30, 99, 100]
            .iter()
            .map(|&n| chinese_numeral(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "二",
                "九",
                "十",
                "十一",
                "十五",
                "十九",
                "二十",
                "二十一",
                "三十",
                "九十九",
                "100"
            ]
        );
    }

    #[test]
    fn heading_numbers_by_level() {
        assert_eq!(heading_number(1, 6), "六、");
        assert_eq!(heading_number(2, 10), "（十）");
        assert_eq!(heading_number(3, 2), "2.");
        assert_eq!(heading_number(4, 3), "（3）");
    }

    #[test]
    fn item_names_join_their_text() {
        assert_eq!(join_item("学籍管理", "在平台公开"), "学籍管理——在平台公开");
        assert_eq!(join_item("公平公正。", "通过网站"), "公平公正。通过网站");
        assert_eq!(join_item("评优评先：", "通过网站"), "评优评先：通过网站");
        assert_eq!(join_item("", "通过网站"), "通过网站");
    }

    fn headings(doc: &Document) -> Vec<String> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { number, text, .. } => Some(format!("{number}{text}")),
                _ => None,
            })
            .collect()
    }

    fn category_mut<'a>(r: &'a mut Report, key: &str) -> &'a mut CategoryContent {
        r.categories.iter_mut().find(|c| c.key == key).unwrap()
    }

    #[test]
    fn empty_and_not_applicable_categories() {
        let mut r = Report::blank(2024);
        category_mut(&mut r, "policy").intro = "已公开。".into();
        category_mut(&mut r, "overview").status = Some(DisclosureStatus::NotApplicable);
        r.categories.retain(|c| c.key != "safety");
        let one_line = build(&r, &BuildOptions::default());
        let h = headings(&one_line);
        assert!(h.contains(&"（一）政策文件".to_string()));
        assert!(h.contains(&"（二）教育概况".to_string()));
        assert!(
            h.contains(&"（三）民办学校信息".to_string()),
            "empty: heading only"
        );
        assert!(h.contains(&"（九）教育督导".to_string()));
        assert!(
            !h.iter().any(|h| h.contains("校园安全")),
            "missing: left out"
        );
        assert!(one_line
            .blocks
            .contains(&Block::Paragraph(NOT_APPLICABLE_LINE.into())));
        let omit = build(
            &r,
            &BuildOptions {
                not_applicable: NotApplicable::Omit,
            },
        );
        let h = headings(&omit);
        assert!(h.contains(&"（二）民办学校信息".to_string()));
        assert!(!h.iter().any(|h| h.contains("教育概况")));
        assert!(!omit
            .blocks
            .contains(&Block::Paragraph(NOT_APPLICABLE_LINE.into())));
    }

    #[test]
    fn six_sections_in_both_structures() {
        let mut r = Report::blank(2021);
        let field = headings(&build(&r, &BuildOptions::default()));
        assert_eq!(field.iter().filter(|h| h.contains('、')).count(), 6);
        assert_eq!(field[0], "一、完成既定目标");
        r.structure = ReportStructure::Statutory;
        r.narrative.overview.on_request = "收到申请0件。".into();
        let doc = build(&r, &BuildOptions::default());
        let h = headings(&doc);
        assert_eq!(
            h,
            [
                "一、总体情况",
                "（一）依申请公开",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项"
            ]
        );
        let tables: Vec<_> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 3);
        assert_eq!(tables[1].columns, 10);
        assert_eq!(tables[1].rows.len(), 3 + 25);
        assert_eq!(tables[2].columns, 15);
        assert_eq!(tables[2].rows.len(), 4);
    }

    /// The paragraphs right after the level-1 heading `text`, up to the next heading.
    fn under(doc: &Document, text: &str) -> Vec<String> {
        doc.blocks
            .iter()
            .skip_while(|b| !matches!(b, Block::Heading { text: t, .. } if t == text))
            .skip(1)
            .take_while(|b| !matches!(b, Block::Heading { .. }))
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_empty_five_or_six_is_not_a_bare_heading() {
        let mut r = Report::blank(2021);
        r.narrative.problems = " \n ".into();
        for structure in [ReportStructure::Field, ReportStructure::Statutory] {
            r.structure = structure;
            let doc = build(&r, &BuildOptions::default());
            assert_eq!(under(&doc, "存在的主要问题及改进情况"), [NOTHING_LINE]);
            assert_eq!(under(&doc, "其他需要报告的事项"), [NOTHING_LINE]);
        }
        // Text, or (statutory) the fee line alone, replaces it.
        r.narrative.problems = "公开形式较单一。".into();
        r.narrative.fee_line = "本年度未收取信息处理费。".into();
        let doc = build(&r, &BuildOptions::default());
        assert_eq!(
            under(&doc, "存在的主要问题及改进情况"),
            ["公开形式较单一。"]
        );
        assert_eq!(
            under(&doc, "其他需要报告的事项"),
            ["本年度未收取信息处理费。"]
        );
        r.structure = ReportStructure::Field;
        let doc = build(&r, &BuildOptions::default());
        assert_eq!(under(&doc, "其他需要报告的事项"), [NOTHING_LINE]);
    }

    /// Every row of a table covers exactly `columns` grid columns, counting cells spanned from above.
    fn assert_grid(t: &Table) {
        let mut carried = vec![0usize; t.columns];
        for (i, row) in t.rows.iter().enumerate() {
            let mut col = 0;
            for cell in &row.cells {
                while col < t.columns && carried[col] > 0 {
                    col += 1;
                }
                assert!(col + cell.colspan <= t.columns, "row {i} overflows");
                for c in &mut carried[col..col + cell.colspan] {
                    *c = cell.rowspan;
                }
                col += cell.colspan;
            }
            let covered = carried.iter().filter(|&&c| c > 0).count();
            assert_eq!(covered, t.columns, "row {i} covers {covered}");
            for c in &mut carried {
                *c = c.saturating_sub(1);
            }
        }
    }

    #[test]
    fn tables_fill_their_grids_and_totals_are_computed() {
        for format in [TableFormat::V2019, TableFormat::V2021] {
            let mut v = TableValues::default();
            v.set(catalog::t3_key("public", "natural"), " 3 ");
            v.set(catalog::t3_key("public", "other"), "2");
            v.set(catalog::t3_key("public", "total"), "99");
            v.set(catalog::t4_key("review", "upheld"), "1");
            let computed = catalog::computed_cells(&v, format);
            let t2 = table2(&v, format);
            let t3 = table3(&v, &computed, format);
            let t4 = table4(&v, &computed, format);
            for t in [&t2, &t3, &t4] {
                assert_grid(t);
            }
            let public = &t3.rows[3 + 2];
            let texts: Vec<_> = public.cells.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(
                texts,
                [
                    catalog::T3_RESULTS,
                    "（一）予以公开",
                    "3",
                    "0",
                    "0",
                    "0",
                    "0",
                    "2",
                    "5"
                ]
            );
            assert_eq!(public.cells[2].align, Align::Right);
            assert_eq!(t4.rows[3].cells[4].text, "1");
            assert!(t2.rows.iter().all(|r| !r.header));
            assert!(t3.rows[..3].iter().all(|r| r.header));
        }
    }
}
