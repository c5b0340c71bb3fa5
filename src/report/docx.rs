//! Word (.docx) export of a `Document`, typeset after GB/T 9704-2012: A4, the standard margins, 仿宋
//! body at a fixed line pitch, 黑体/楷体 headings, outer-side page numbers “— N —”, and the statutory
//! tables with their merged cells (gridSpan / vMerge).

use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, InstrPAGE, InstrText, LineSpacing, LineSpacingType,
    PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Table as WTable, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};

use super::{escape_html, Align, Block, Cell, Document, Table};
use crate::archive::{self, Part};

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocxError {
    /// The date for the document properties is not an ISO 8601 date or date-time.
    #[error("not an ISO 8601 date: {0:?}")]
    InvalidDate(String),
    /// A table's cells do not fit its grid (a cell runs past the last column or over a cell merged
    /// from a row above). `table` and `row` count from 0.
    #[error("table {table}, row {row}: the cells do not fit the {columns}-column grid")]
    TableGrid {
        table: usize,
        row: usize,
        columns: usize,
    },
    /// Writing the package failed.
    #[error("could not write the .docx package: {0}")]
    Pack(String),
}

// ---- page geometry (twips: 1/20 pt; 1 mm = 56.6929 twips) ----

/// A4 in twips.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// GB/T 9704 margins: top 37 mm, left 28 mm, bottom 35 mm, right 26 mm.
pub const MARGIN_TOP: i32 = mm(37.0);
pub const MARGIN_LEFT: i32 = mm(28.0);
pub const MARGIN_BOTTOM: i32 = mm(35.0);
pub const MARGIN_RIGHT: i32 = mm(26.0);
/// Width of the text block (版心), 156 mm.
const TEXT_WIDTH: i32 = PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;
/// Fixed line pitch: 225 mm / 22 lines ≈ 28.9 pt.
pub const LINE_PITCH: i32 = 578;

const fn mm(v: f64) -> i32 {
    // Round half up; all inputs are positive.
    (v * 56.692_913 + 0.5) as i32
}

// ---- fonts and sizes (sizes in half-points) ----

const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const HEI_FONT: &str = "黑体";
const KAI_FONT: &str = "楷体_GB2312";
const SONG_FONT: &str = "宋体";
const LATIN_FONT: &str = "Times New Roman";

/// 二号 22 pt.
const TITLE_SIZE: usize = 44;
/// 三号 16 pt.
const BODY_SIZE: usize = 32;
/// 四号 14 pt.
const FOOTER_SIZE: usize = 28;
/// 五号 10.5 pt.
const TABLE_SIZE: usize = 21;
/// Left and right cell padding in tables (1 mm): 表四 has 15 columns.
const CELL_MARGIN: usize = 57;
/// Two characters of 三号 text.
const INDENT_2_CHARS: i32 = 640;
/// One character of 四号 text (页码 “空一字”).
const FOOTER_INSET: i32 = 280;

/// Renders the document as a .docx file with its parts stored uncompressed. `date` (ISO 8601, from
/// the caller's clock) becomes the created and modified dates in the document properties. The
/// browser deflates the parts of [`parts`] instead (`src/bin/docx.rs`).
pub fn render(doc: &Document, date: &str) -> Result<Vec<u8>, DocxError> {
    archive::write_stored(&parts(doc, date)?).map_err(|e| DocxError::Pack(e.to_string()))
}

/// The package parts of the .docx file, in the order Word writes them, ready to be compressed and
/// laid out by [`crate::archive`].
pub fn parts(doc: &Document, date: &str) -> Result<Vec<Part>, DocxError> {
    let date = date.trim();
    if !is_iso_date(date) {
        return Err(DocxError::InvalidDate(date.to_owned()));
    }

    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: MARGIN_TOP,
            left: MARGIN_LEFT,
            bottom: MARGIN_BOTTOM,
            right: MARGIN_RIGHT,
            header: mm(15.0),
            // The page number sits about 7 mm under the text block.
            footer: mm(23.0),
            gutter: 0,
        })
        .default_fonts(fonts(BODY_FONT, LATIN_FONT))
        .default_size(BODY_SIZE)
        .footer(page_number_footer(AlignmentType::Right))
        .even_footer(page_number_footer(AlignmentType::Left))
        .created_at(date)
        .updated_at(date);

    let title = sanitize(&doc.title);
    if !title.trim().is_empty() {
        docx = docx
            .add_paragraph(
                text_paragraph(&title, &TITLE)
                    .align(AlignmentType::Center)
                    .keep_next(true),
            )
            .add_paragraph(empty_paragraph(&BODY));
    }

    let mut tables = 0;
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading {
                level,
                number,
                text,
            } => {
                let text = sanitize(&format!("{number}{text}"));
                let style = heading_style(*level);
                docx = docx.add_paragraph(
                    text_paragraph(&text, style)
                        .indent(
                            None,
                            Some(SpecialIndentType::FirstLine(INDENT_2_CHARS)),
                            None,
                            None,
                        )
                        .outline_lvl(usize::from(level.clamp(&1, &4) - 1))
                        .keep_next(true),
                );
            }
            Block::Paragraph(text) => {
                docx = docx.add_paragraph(
                    text_paragraph(&sanitize(text), &BODY)
                        .align(AlignmentType::Both)
                        .indent(
                            None,
                            Some(SpecialIndentType::FirstLine(INDENT_2_CHARS)),
                            None,
                            None,
                        ),
                );
            }
            Block::Table(table) => {
                if let Some(caption) = &table.caption {
                    let caption = sanitize(caption);
                    if !caption.trim().is_empty() {
                        docx = docx.add_paragraph(
                            text_paragraph(&caption, &CAPTION)
                                .align(AlignmentType::Center)
                                .keep_next(true),
                        );
                    }
                }
                docx = docx.add_table(word_table(table, tables)?);
                tables += 1;
                // Word merges two adjacent tables, and a body should not end in a table.
                if !matches!(
                    doc.blocks.get(i + 1),
                    Some(Block::Heading { .. } | Block::Paragraph(_))
                ) {
                    docx = docx.add_paragraph(empty_paragraph(&TABLE_TEXT));
                }
            }
        }
    }

    let mut xml = docx.build();
    xml.document = patch_document_xml(&xml.document);
    xml.doc_props.core = core_xml(doc, date).into_bytes();
    xml.font_table = font_table_xml().into_bytes();

    Ok(package_parts(xml))
}

/// The parts of docx-rs's `XMLDocx`, named and ordered as its own (stored-only) zipper does.
fn package_parts(xml: docx_rs::XMLDocx) -> Vec<Part> {
    let mut parts = vec![
        Part::new("[Content_Types].xml", xml.content_type),
        Part::new("_rels/.rels", xml.rels),
        Part::new("docProps/app.xml", xml.doc_props.app),
        Part::new("docProps/core.xml", xml.doc_props.core),
        Part::new("docProps/custom.xml", xml.doc_props.custom),
        Part::new("word/_rels/document.xml.rels", xml.document_rels),
        Part::new("word/document.xml", xml.document),
        Part::new("word/styles.xml", xml.styles),
        Part::new("word/settings.xml", xml.settings),
        Part::new("word/fontTable.xml", xml.font_table),
        Part::new("word/comments.xml", xml.comments),
        Part::new("word/numbering.xml", xml.numberings),
        Part::new("word/commentsExtended.xml", xml.comments_extended),
        Part::new("word/footnotes.xml", xml.footnotes),
    ];
    // header1.xml, its rels, header2.xml, …; then the footers the same way.
    for (kind, items, rels) in [
        ("header", xml.headers, xml.header_rels),
        ("footer", xml.footers, xml.footer_rels),
    ] {
        let mut rels = rels.into_iter();
        for (i, item) in items.into_iter().enumerate() {
            parts.push(Part::new(format!("word/{kind}{}.xml", i + 1), item));
            if let Some(r) = rels.next() {
                parts.push(Part::new(format!("word/_rels/{kind}{}.xml.rels", i + 1), r));
            }
        }
    }
    for (id, image) in xml.media {
        parts.push(Part::new(format!("word/media/{id}.png"), image));
    }
    // No task panes or custom XML: the renderer never adds them.
    parts
}

/// The text as it is written: characters XML cannot carry or Word would misread (control characters
/// other than tab and line feed, U+FFFE/U+FFFF) are dropped, and CR/CRLF become a line feed. Tabs
/// become Word tabs and line feeds line breaks.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' => out.push(c),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

// ---- paragraph styles ----

struct Style {
    east_asia: &'static str,
    latin: &'static str,
    size: usize,
    bold: bool,
    /// Fixed line pitch in twips, or single spacing.
    exact: Option<i32>,
}

const TITLE: Style = Style {
    east_asia: TITLE_FONT,
    latin: TITLE_FONT,
    size: TITLE_SIZE,
    bold: false,
    exact: Some(LINE_PITCH),
};
const BODY: Style = Style {
    east_asia: BODY_FONT,
    latin: LATIN_FONT,
    size: BODY_SIZE,
    bold: false,
    exact: Some(LINE_PITCH),
};
const CAPTION: Style = Style { bold: true, ..BODY };
const HEADING_1: Style = Style {
    east_asia: HEI_FONT,
    ..BODY
};
const HEADING_2: Style = Style {
    east_asia: KAI_FONT,
    ..BODY
};
const TABLE_TEXT: Style = Style {
    east_asia: BODY_FONT,
    latin: LATIN_FONT,
    size: TABLE_SIZE,
    bold: false,
    exact: None,
};
const TABLE_HEAD: Style = Style {
    bold: true,
    ..TABLE_TEXT
};

fn heading_style(level: u8) -> &'static Style {
    match level {
        0 | 1 => &HEADING_1,
        2 => &HEADING_2,
        _ => &BODY,
    }
}

fn fonts(east_asia: &str, latin: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(latin)
        .hi_ansi(latin)
        .cs(latin)
}

fn spacing(style: &Style) -> LineSpacing {
    let s = LineSpacing::new().before(0).after(0);
    match style.exact {
        Some(pitch) => s.line_rule(LineSpacingType::Exact).line(pitch),
        None => s.line_rule(LineSpacingType::Auto).line(240),
    }
}

fn styled_run(style: &Style) -> Run {
    let run = Run::new()
        .fonts(fonts(style.east_asia, style.latin))
        .size(style.size);
    if style.bold {
        run.bold()
    } else {
        run
    }
}

/// A paragraph with no text; its mark carries the style so the line has the style's height.
fn empty_paragraph(style: &Style) -> Paragraph {
    let p = Paragraph::new()
        .fonts(fonts(style.east_asia, style.latin))
        .size(style.size)
        .line_spacing(spacing(style));
    if style.bold {
        p.bold()
    } else {
        p
    }
}

/// One paragraph of sanitised text: tabs become Word tabs and line feeds line breaks.
fn text_paragraph(text: &str, style: &Style) -> Paragraph {
    let mut run = styled_run(style);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    empty_paragraph(style).add_run(run)
}

/// “— N —” in 四号 宋体, one character in from the outer edge.
fn page_number_footer(side: AlignmentType) -> Footer {
    let run = || {
        Run::new()
            .fonts(fonts(SONG_FONT, SONG_FONT))
            .size(FOOTER_SIZE)
    };
    let (left, right) = match side {
        AlignmentType::Left => (Some(FOOTER_INSET), None),
        _ => (None, Some(FOOTER_INSET)),
    };
    let p = Paragraph::new()
        .align(side)
        .indent(left, None, right, None)
        .fonts(fonts(SONG_FONT, SONG_FONT))
        .size(FOOTER_SIZE)
        .line_spacing(LineSpacing::new().before(0).after(0))
        .add_run(run().add_text("— "))
        .add_run(
            run()
                .add_field_char(docx_rs::FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(docx_rs::FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(docx_rs::FieldCharType::End, false),
        )
        .add_run(run().add_text(" —"));
    Footer::new().add_paragraph(p)
}

// ---- tables ----

/// One Word cell in grid order: either a cell of the model or the continuation of a cell merged
/// down from a row above.
enum Placed<'a> {
    Cell {
        cell: &'a Cell,
        column: usize,
        span: usize,
        merged_down: bool,
    },
    Continue {
        column: usize,
        span: usize,
    },
    /// Grid positions a short row leaves empty.
    Empty {
        column: usize,
    },
}

/// Lays the model's rows (which list only the cells that start in them) onto the grid, turning
/// rowspans into vMerge continuation cells in the rows below.
fn place(table: &Table, index: usize) -> Result<Vec<Vec<Placed<'_>>>, DocxError> {
    let columns = table.columns;
    let fault = |row| DocxError::TableGrid {
        table: index,
        row,
        columns,
    };
    // For each column: rows still covered by a cell from above, and that cell's colspan (set on
    // the cell's first column only).
    let mut carried: Vec<(usize, usize)> = vec![(0, 0); columns];
    let mut out = Vec::with_capacity(table.rows.len());
    for (r, row) in table.rows.iter().enumerate() {
        let rows_left = table.rows.len() - r;
        let mut placed = Vec::new();
        let mut cells = row.cells.iter();
        let mut c = 0;
        while c < columns {
            if carried[c].0 > 0 {
                let span = carried[c].1;
                placed.push(Placed::Continue { column: c, span });
                carried[c].0 -= 1;
                c += span;
                continue;
            }
            match cells.next() {
                Some(cell) => {
                    let span = cell.colspan.max(1);
                    if c + span > columns || (c..c + span).any(|k| carried[k].0 > 0) {
                        return Err(fault(r));
                    }
                    let down = cell.rowspan.max(1).min(rows_left) - 1;
                    if down > 0 {
                        carried[c] = (down, span);
                    }
                    placed.push(Placed::Cell {
                        cell,
                        column: c,
                        span,
                        merged_down: down > 0,
                    });
                    c += span;
                }
                None => {
                    placed.push(Placed::Empty { column: c });
                    c += 1;
                }
            }
        }
        if cells.next().is_some() {
            return Err(fault(r));
        }
        out.push(placed);
    }
    Ok(out)
}

/// Column widths in twips summing to the text width. Each column is weighted by the text of the
/// single-column cells starting in it, in half-width characters, capped so that long labels wrap:
/// header cells count at most 3 characters, labels merged down several rows 5, other labels 10. Columns that hold values (non-heading cells of body rows) all get the same width, as in the
/// official tables. One unit is added for the cell margins.
fn column_widths(table: &Table, grid: &[Vec<Placed<'_>>]) -> Vec<usize> {
    let columns = table.columns;
    let mut weight = vec![4usize; columns];
    let mut holds_values = vec![false; columns];
    for (placed, row) in grid.iter().zip(&table.rows) {
        for p in placed {
            if let Placed::Cell {
                cell,
                column,
                span: 1,
                merged_down,
            } = p
            {
                let value = !row.header && !cell.heading;
                let cap = if row.header || value {
                    6
                } else if *merged_down {
                    10
                } else {
                    20
                };
                weight[*column] = weight[*column].max(display_width(&cell.text).min(cap));
                holds_values[*column] |= value;
            }
        }
    }
    let value_weight = (0..columns)
        .filter(|&c| holds_values[c])
        .map(|c| weight[c])
        .max();
    if let Some(v) = value_weight {
        for c in (0..columns).filter(|&c| holds_values[c]) {
            weight[c] = v;
        }
    }
    let weight: Vec<usize> = weight.into_iter().map(|w| w + 1).collect();
    let total: usize = weight.iter().sum();
    let text_width = TEXT_WIDTH as usize;
    let mut widths: Vec<usize> = weight.iter().map(|w| text_width * w / total).collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += text_width - used;
    }
    widths
}

/// Width in half-width units: CJK and other wide characters count 2.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// The width of every row of every table of `doc` as the Word file lays it out (twips; each the sum of
/// its cells' widths, which span their columns): the model's cells placed on the grid with their spans
/// and vertical merges, and the column widths computed from their texts. This is the renderer's own arithmetic without docx-rs's object tree and XML writer: the overflow property
/// run calls it for every generated report and [`render`] for a sample (tests/overflow_props.rs).
pub fn table_grids(doc: &Document) -> Result<Vec<Vec<usize>>, DocxError> {
    let mut tables = Vec::new();
    for block in &doc.blocks {
        if let Block::Table(table) = block {
            let grid = place(table, tables.len())?;
            let widths = column_widths(table, &grid);
            let span_width = |column: usize, span: usize| -> usize {
                widths[column..column + span].iter().sum()
            };
            let rows = grid
                .iter()
                .map(|placed| {
                    placed
                        .iter()
                        .map(|p| match p {
                            Placed::Cell { column, span, .. }
                            | Placed::Continue { column, span } => span_width(*column, *span),
                            Placed::Empty { column } => widths[*column],
                        })
                        .sum()
                })
                .collect();
            tables.push(rows);
        }
    }
    Ok(tables)
}

fn word_table(table: &Table, index: usize) -> Result<WTable, DocxError> {
    let grid = place(table, index)?;
    let widths = column_widths(table, &grid);
    let span_width = |column: usize, span: usize| widths[column..column + span].iter().sum();
    // Word repeats only the header rows at the top of the table.
    let leading_headers = table.rows.iter().take_while(|r| r.header).count();

    let mut rows = Vec::with_capacity(grid.len());
    for (r, placed) in grid.iter().enumerate() {
        let header_row = table.rows[r].header;
        let cells = placed
            .iter()
            .map(|p| match p {
                Placed::Cell {
                    cell,
                    column,
                    span,
                    merged_down,
                } => {
                    // Column headers and block titles are bold wherever they stand (表二 repeats them
                    // inside the body); left-aligned row labels stay plain.
                    let style = if cell.heading && (header_row || cell.align == Align::Center) {
                        &TABLE_HEAD
                    } else {
                        &TABLE_TEXT
                    };
                    let align = match cell.align {
                        Align::Left => AlignmentType::Left,
                        Align::Center => AlignmentType::Center,
                        Align::Right => AlignmentType::Right,
                    };
                    let mut tc = TableCell::new()
                        .width(span_width(*column, *span), WidthType::Dxa)
                        .vertical_align(VAlignType::Center)
                        .add_paragraph(text_paragraph(&sanitize(&cell.text), style).align(align));
                    if *span > 1 {
                        tc = tc.grid_span(*span);
                    }
                    if *merged_down {
                        tc = tc.vertical_merge(VMergeType::Restart);
                    }
                    tc
                }
                Placed::Continue { column, span } => {
                    let tc = TableCell::new()
                        .width(span_width(*column, *span), WidthType::Dxa)
                        .vertical_align(VAlignType::Center)
                        .vertical_merge(VMergeType::Continue)
                        .add_paragraph(empty_paragraph(&TABLE_TEXT));
                    if *span > 1 {
                        tc.grid_span(*span)
                    } else {
                        tc
                    }
                }
                Placed::Empty { column } => TableCell::new()
                    .width(span_width(*column, 1), WidthType::Dxa)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(empty_paragraph(&TABLE_TEXT)),
            })
            .collect();
        let mut row = TableRow::new(cells);
        if r < leading_headers {
            // Marker turned into <w:tblHeader/> by `patch_document_xml`: docx-rs has no API for it.
            row = row.cant_split();
        }
        rows.push(row);
    }

    let border = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
    };
    let borders = TableBorders::with_empty()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV));
    Ok(WTable::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_MARGIN, 0, CELL_MARGIN))
        .set_borders(borders))
}

/// What docx-rs cannot write: repeated header rows (`w:tblHeader`) and the first-line indent in
/// characters (`w:firstLineChars`, so the indent follows the font size). Both markers are attribute
/// or element text that escaped user text cannot contain.
fn patch_document_xml(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    text.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .replace(
            &format!("w:firstLine=\"{INDENT_2_CHARS}\""),
            &format!("w:firstLineChars=\"200\" w:firstLine=\"{INDENT_2_CHARS}\""),
        )
        .into_bytes()
}

// ---- document properties ----

/// The fonts the document uses, each with the font Word substitutes where it is not installed
/// (`w:altName`): 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体 (GB/T 9704 practice).
const FONT_TABLE: [(&str, &str, &str, &str); 6] = [
    // name, fallback, charset (86 = GB2312), family
    (TITLE_FONT, SONG_FONT, "86", "roman"),
    (BODY_FONT, "仿宋", "86", "modern"),
    (HEI_FONT, "SimHei", "86", "modern"),
    (KAI_FONT, "楷体", "86", "modern"),
    (SONG_FONT, "SimSun", "86", "roman"),
    (LATIN_FONT, "", "00", "roman"),
];

fn font_table_xml() -> String {
    let fonts: String = FONT_TABLE
        .iter()
        .map(|(name, alt, charset, family)| {
            let alt = if alt.is_empty() {
                String::new()
            } else {
                format!(r#"<w:altName w:val="{alt}"/>"#)
            };
            format!(
                r#"<w:font w:name="{name}">{alt}<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{fonts}</w:fonts>"#
    )
}

fn core_xml(doc: &Document, date: &str) -> String {
    let unit = sanitize(doc.unit.trim()).replace(['\t', '\n'], " ");
    let title = sanitize(doc.title.trim()).replace(['\t', '\n'], " ");
    let subject = format!("{unit}{}年政务公开工作年度报告", doc.year);
    let creator = if unit.is_empty() {
        "gongkai".to_owned()
    } else {
        unit
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>",
            "<cp:lastModifiedBy>{creator}</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>zh-CN</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape_html(&title),
        subject = escape_html(&subject),
        creator = escape_html(&creator),
        date = escape_html(date),
    )
}

/// `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fff]]` and `Z` or `±HH:MM` (W3CDTF).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return false;
    }
    let (month, day) = (
        (b[5] - b'0') * 10 + b[6] - b'0',
        (b[8] - b'0') * 10 + b[9] - b'0',
    );
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if b.get(10) != Some(&b'T') || !(digits(11..13) && b.get(13) == Some(&b':') && digits(14..16)) {
        return false;
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') {
        if !digits(i + 1..i + 3) {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match &b[i..] {
        [b'Z'] => true,
        [b'+' | b'-', ..] => {
            b.len() == i + 6 && digits(i + 1..i + 3) && b[i + 3] == b':' && digits(i + 4..i + 6)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_row_spans_the_text_width() {
        let mut r = crate::model::Report::blank(2021);
        r.structure = crate::model::ReportStructure::Statutory;
        let doc = crate::report::build(&r, &crate::report::BuildOptions::default());
        let grids = table_grids(&doc).unwrap();
        assert_eq!(grids.len(), 3, "表二, 表三, 表四");
        for rows in &grids {
            assert!(!rows.is_empty());
            assert!(rows.iter().all(|w| *w == TEXT_WIDTH as usize), "{rows:?}");
        }
    }

    #[test]
    fn margins_in_twips() {
        assert_eq!(
            (MARGIN_TOP, MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_RIGHT),
            (2098, 1587, 1984, 1474)
        );
    }

    #[test]
    fn iso_dates() {
        for ok in [
            "2025-01-31",
            "2025-01-31T08:00Z",
            "2025-01-31T08:00:00Z",
            "2025-01-31T08:00:00.123+08:00",
        ] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "",
            "2025-1-31",
            "2025-13-01",
            "2025-01-31T",
            "2025-01-31T08:00:00",
            "2025-01-31 08:00Z",
            "<x>",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn sanitize_drops_controls() {
        assert_eq!(
            sanitize("a\u{0}b\u{1b}c\r\nd\re\tf\u{85}\u{FFFF}"),
            "abc\nd\ne\tf"
        );
    }
}
