//! The report as one document model (headings, paragraphs, tables with merged cells), built from a
//! `Report` and the catalogue (`build`), and rendered to bytes by each exporter. No exporter reads the
//! workspace itself: they all render a `Document`.

use serde::{Deserialize, Serialize};

mod build;
mod csv;
mod docx;
mod html;
mod markdown;
mod merged;

pub use self::csv::{
    neutralise as neutralise_csv, render as render_csv, write_records as write_csv,
};
pub use build::{
    build, chinese_numeral, heading_number, BuildOptions, NotApplicable, FIELD_SECTIONS,
    NOT_APPLICABLE_LINE, OVERVIEW_SECTIONS, STATUTORY_SECTIONS,
};
pub use docx::{
    parts as docx_parts, render as render_docx, sanitize as sanitize_docx_text,
    table_grids as docx_table_grids, DocxError,
};
pub use html::{
    escape as escape_html, render as render_html, render_with_graphic as render_html_with_graphic,
};
pub use markdown::{
    escape as escape_markdown, escape_inline as escape_markdown_inline, render as render_markdown,
};
pub use merged::details as contribution_details;
pub use merged::per_school as school_paragraphs;

/// A whole report, ready to render. It is serialisable because the app hands it as JSON to the DOCX
/// writer, a wasm module loaded on first use (`src/bin/docx.rs`); it is not a stored format.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    /// The title line (二号 小标宋 in Word).
    pub title: String,
    pub unit: String,
    pub year: u16,
    pub blocks: Vec<Block>,
}

/// One block of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A numbered heading. Levels follow GB/T 9704: 1 “一、” (黑体), 2 “（一）” (楷体), 3 “1.”, 4 “（1）”.
    Heading {
        level: u8,
        number: String,
        text: String,
    },
    /// A body paragraph (first-line indent 2 characters). Line breaks are not used inside: one
    /// paragraph per block.
    Paragraph(String),
    Table(Table),
}

/// A table with the official merged-cell structure. Rows list only the cells that start in them
/// (HTML semantics): a cell with `rowspan` 3 occupies the same column in the next two rows too.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    /// A caption above the table, if any (e.g. 表三's title); block titles are rows, not captions.
    pub caption: Option<String>,
    /// Number of grid columns.
    pub columns: usize,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Row {
    /// A header row (repeated on each page in Word, `<thead>` in HTML).
    pub header: bool,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    /// A label or header cell (bold/centred) rather than a value.
    pub heading: bool,
    /// Numbers are right-aligned; labels left; headers centred.
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl Cell {
    pub fn label(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            colspan: 1,
            rowspan: 1,
            heading: true,
            align: Align::Left,
        }
    }

    pub fn header(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            colspan: 1,
            rowspan: 1,
            heading: true,
            align: Align::Center,
        }
    }

    pub fn value(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            colspan: 1,
            rowspan: 1,
            heading: false,
            align: Align::Right,
        }
    }

    pub fn span(mut self, colspan: usize, rowspan: usize) -> Cell {
        self.colspan = colspan.max(1);
        self.rowspan = rowspan.max(1);
        self
    }
}

/// The export's file name: the document's title (`<单位><年份>年政府信息公开工作年度报告`, or the title the user
/// typed) made safe by [`crate::backup::safe_file_stem`] (Windows-forbidden characters, bidirectional
/// controls, at most 200 bytes), then `.<ext>`.
pub fn file_name(doc: &Document, extension: &str) -> String {
    let stem = crate::backup::safe_file_stem(doc.title.trim());
    format!("{stem}.{extension}")
}
