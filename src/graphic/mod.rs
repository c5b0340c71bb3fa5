//! 图解: the one-page graphic summary of a report, and its figures across the workspace's years.
//!
//! The same pattern as `report`: [`build`] turns a report (and the earlier years of the workspace) into
//! a [`Graphic`], a model of sections holding figures, bars, the applicant mix, the ten categories
//! and small charts across years; [`layout`] places it on a page ([`Layout::Portrait`] for a phone,
//! [`Layout::Landscape`] for a web page) as a [`Scene`] of shapes and texts, each text fitted to its
//! box by estimated width ([`measure`]); [`render_svg`] writes the scene as SVG text. No browser code,
//! no chart library.
//!
//! **Numbers.** Every number comes from the report's tables through the same functions the tables use
//! (`catalog::computed_cells` for totals, `cell::parse_cell` for typed cells), so the graphic and the
//! tables cannot disagree. In the SVG, every number names where it comes from: `data-cell="<key>"`
//! (one table cell), `data-sum="<key> <key> …"` (the sum of cells, e.g. （三）不予公开 over its eight
//! reasons), `data-item="<category>/<item id>/<n>"` (the n-th count of an item), plus `data-year` in the
//! charts across years. Labels are the catalogue's own wording.
//!
//! **Sections**, in order: 主动公开 (one tile per row of 表二: its main column as a large number, the other
//! columns of this year below); for a statutory report, or when 表三/表四 hold values: 新收 and 办结 as
//! large numbers, 表三's outcomes as bars (the eight reasons of （三）不予公开 one by one), the applicant
//! mix, and 行政复议 and 行政诉讼; for a field report, the ten categories with each item's status as a
//! mark and the counts the officer entered; when earlier years exist, a small bar chart per key figure
//! across the years, marking a jump ([`JUMP`]).

mod build;
mod figures;
mod layout;
pub mod measure;
mod scene;
mod trend;

pub use build::{build, build_for};
pub use figures::{key_figures, uses_table3, uses_table4, Number};
pub use layout::trend_svg;
pub use layout::{layout, Layout};
pub use scene::{escape, Anchor, Scene, Shape, Text};
pub use trend::{jump, trends, Jump, Threshold, Trend, TrendPoint, JUMP};

use crate::model::DisclosureStatus;

/// The graphic of one report.
#[derive(Debug, Clone, PartialEq)]
pub struct Graphic {
    pub title: String,
    pub unit: String,
    pub year: u16,
    pub sections: Vec<Section>,
}

/// A titled section (the report's own section headings).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub parts: Vec<Part>,
}

/// One part of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Large numbers in tiles.
    Figures(Vec<Figure>),
    /// A bar chart with a title (表三's outcomes).
    Bars { title: String, bars: Vec<Bar> },
    /// Two groups of applicants against each other.
    Applicants(Applicants),
    /// The ten categories of a field report.
    Categories(Vec<CategoryLine>),
    /// Small charts across years.
    Trends(Vec<Trend>),
}

/// A key figure: a label, a large number, a caption, and related numbers below.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Stable across years: the cells of its number (see [`Number::cells`]), joined by spaces.
    pub id: String,
    pub label: String,
    pub caption: String,
    pub number: Number,
    pub extras: Vec<Extra>,
    /// The typed cell to open for this figure (a total opens the first cell it sums).
    pub focus: String,
}

/// A labelled number under a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Extra {
    pub label: String,
    pub number: Number,
}

/// One bar: a label, a value, and its level (0 a main bar, 1 a reason under the bar before).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub number: Number,
    pub level: u8,
}

/// The applicant mix of one row of 表三.
#[derive(Debug, Clone, PartialEq)]
pub struct Applicants {
    pub title: String,
    /// The row counted (一、本年新收…).
    pub caption: String,
    /// 自然人, then 法人或其他组织 (the sum), each with its label.
    pub natural: Extra,
    pub organisations: Extra,
    /// The five kinds of 法人或其他组织.
    pub kinds: Vec<Extra>,
}

/// One category of a field report.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryLine {
    pub key: &'static str,
    pub name: &'static str,
    pub state: CategoryState,
    /// The items with content or a status, in order.
    pub items: Vec<ItemMark>,
    pub counts: Vec<CountLine>,
}

/// What a category holds this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryState {
    /// Intro, item text or an item status.
    Filled,
    /// Nothing yet, or left out of the report's categories.
    Empty,
    /// 本年度无此项 for the whole category.
    NotApplicable,
}

/// An item's mark: its status (none: text without a status).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemMark {
    pub name: String,
    pub status: Option<DisclosureStatus>,
}

/// A count the officer entered on an item, e.g. 发布信息 26 条.
#[derive(Debug, Clone, PartialEq)]
pub struct CountLine {
    pub label: String,
    pub value: u64,
    pub unit: String,
    /// `<category>/<item id>/<n>`: where the count is (`data-item`).
    pub source: String,
}

/// The graphic as SVG text, laid out for `layout`.
pub fn render_svg(graphic: &Graphic, layout: Layout) -> String {
    self::layout(graphic, layout).to_svg()
}

/// `<title>-图解.<ext>`: named after the report's title, as the report's exports are
/// (`report::file_name`), made safe by [`crate::backup::safe_file_stem`]; the title is cut so that the
/// stem, suffix included, stays within [`crate::backup::MAX_STEM_BYTES`] bytes.
pub fn file_name(graphic: &Graphic, extension: &str) -> String {
    let suffix = format!("-{}", crate::text::t().graphic.file_suffix);
    let room = crate::backup::MAX_STEM_BYTES.saturating_sub(suffix.len());
    let title = crate::backup::safe_file_stem(graphic.title.trim());
    let title = crate::backup::cut_to_bytes(&title, room);
    format!("{}{suffix}.{extension}", title.trim_end_matches(['.', ' ']))
}
