//! The parent lookup page (学区查询) as HTML: its skeleton, the data's header (date, phone, the
//! illustrative mark), the suggestions as the parent types and each answer of the index, worded with
//! `text::lookup`. Pure: strings in, HTML out, so that the same page runs in its own small binary
//! (`src/bin/lookup.rs`) and in the workbench's `#/lookup`, and is tested natively. It links no
//! report, DOCX, XLSX or pinyin code and not `text.rs`'s `ZH_CN`. `embed` puts published data into
//! the single-file page.

pub mod embed;
mod render;

pub use render::{meta_html, outcome_html, skeleton, suggestions_html, Suggestions};

/// Element ids of the skeleton, which the shell looks up.
pub mod ids {
    pub const FORM: &str = "lk-form";
    pub const INPUT: &str = "lk-input";
    pub const SUGGESTIONS: &str = "lk-suggestions";
    pub const SUGGESTIONS_STATUS: &str = "lk-suggestions-status";
    pub const RESULTS: &str = "lk-results";
    pub const META: &str = "lk-meta";
    pub const HINT: &str = "lk-hint";
    /// The `<script type="application/json">` of the single-file page that carries `districts.json`.
    pub const DATA: &str = "gongkai-districts";
}

/// `data-` attribute of a button that runs a query (suggestions, choices, candidates).
pub const QUERY_ATTR: &str = "data-q";

/// Text as HTML text or attribute value: the report's own escaping (entities, control characters
/// dropped), so the page and the exports escape alike.
pub use crate::html::escape as esc;
