//! The edits of a workspace, as data: each one names what it changes and carries the new value, so
//! it can be tested natively, logged, replayed and inverted (`apply` returns the inverse).

use serde::{Deserialize, Serialize};

use crate::district::{DistrictData, Rule};
use crate::model::{
    Audience, Contribution, DisclosureMode, DisclosureStatus, ItemContent, ItemCount, Level,
    Report, ReportStructure, School, SchoolTask, TableFormat,
};

/// One change of the workspace. Every `Set…` edit carries the whole new value of one field; its
/// inverse is the same edit with the old value. `Insert…` and `Remove…` are each other's inverse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// 单位名称, 地区 or a typed title of one year's report.
    SetReportText {
        year: u16,
        field: ReportText,
        value: String,
    },
    /// 报告结构 (field or statutory).
    SetStructure {
        year: u16,
        structure: ReportStructure,
    },
    /// The 表格格式 of a year; `None` follows the year.
    SetTableFormat {
        year: u16,
        format: Option<TableFormat>,
    },
    /// One switch of a report's settings.
    SetReportFlag {
        year: u16,
        flag: ReportFlag,
        value: bool,
    },
    /// One cell of the statutory tables, keyed `table/block/row/column`; `""` is a blank cell. Build
    /// it with [`Edit::cell`], which turns a blank typed value into `""`.
    SetCell {
        year: u16,
        key: String,
        value: String,
    },
    /// One free-text section of the narrative.
    SetNarrative {
        year: u16,
        field: NarrativeText,
        value: String,
    },
    /// 二、工作开展情况, one entry per numbered point.
    SetWorkItems { year: u16, items: Vec<String> },
    /// The text under a category's heading.
    SetCategoryIntro {
        year: u16,
        category: String,
        value: String,
    },
    /// A whole category marked (for instance 本年度无此项), or not.
    SetCategoryStatus {
        year: u16,
        category: String,
        status: Option<DisclosureStatus>,
    },
    /// One field of one item (rename, status, text, catalogue columns, counts, school task).
    SetItem {
        year: u16,
        category: String,
        item: String,
        field: ItemField,
    },
    /// An item added, or restored, at `index` of its category.
    InsertItem {
        year: u16,
        category: String,
        index: usize,
        item: Box<ItemContent>,
    },
    /// An item deleted.
    RemoveItem {
        year: u16,
        category: String,
        item: String,
    },
    /// The schools' merged submissions of a year, all at once (a merge, or its undo).
    SetContributions {
        year: u16,
        contributions: Vec<Contribution>,
    },
    /// A year's report added (a new year, a year imported).
    InsertReport { report: Box<Report> },
    /// A year's report deleted; not the open one (open another year first).
    RemoveReport { year: u16 },
    /// Which year is open.
    SetCurrentYear { year: Option<u16> },
    /// A school added at `index` of the list; its id must be new.
    InsertSchool { index: usize, school: Box<School> },
    /// The school with this id deleted.
    RemoveSchool { id: String },
    /// A school's fields changed (found by its id, which stays).
    SetSchool { school: Box<School> },
    /// One text of the district data (地区, 教育局电话, 数据日期, 说明).
    SetDistrictText { field: DistrictText, value: String },
    /// A rule added at `index`.
    InsertRule { index: usize, rule: Box<Rule> },
    /// The rule at `index` deleted.
    RemoveRule { index: usize },
    /// The rule at `index` replaced.
    SetRule { index: usize, rule: Box<Rule> },
    /// The whole district data at once (an import that replaces it, or its undo).
    SetDistricts { data: Box<DistrictData> },
    /// Several edits as one: applied in order, undone in reverse, all or none.
    Batch(Vec<Edit>),
}

impl Edit {
    /// A cell edit as typed: a value of only spaces is a blank cell.
    pub fn cell(year: u16, key: impl Into<String>, value: impl Into<String>) -> Edit {
        let value = value.into();
        Edit::SetCell {
            year,
            key: key.into(),
            value: if value.trim().is_empty() {
                String::new()
            } else {
                value
            },
        }
    }
}

/// The texts of a report's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportText {
    UnitName,
    Region,
    /// A typed title; `""` gives the structure's default title.
    Title,
}

/// The switches of a report's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportFlag {
    /// Leave categories marked 本年度无此项 out of the export.
    OmitNotApplicable,
    /// Put 图解 after the title of the web page export.
    GraphicInHtml,
    /// 表三 marked 本年度无相关情况.
    NoCasesTable3,
    /// 表四 marked 本年度无相关情况.
    NoCasesTable4,
}

/// The free-text sections of the narrative (both structures').
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NarrativeText {
    Preamble,
    Goals,
    DisclosureIntro,
    OverviewActive,
    OverviewOnRequest,
    OverviewManagement,
    OverviewPlatform,
    OverviewSupervision,
    TablesNote,
    Problems,
    Other,
    FeeLine,
}

/// One field of an item, with its new value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum ItemField {
    Name(String),
    Text(String),
    Content(String),
    Basis(String),
    Deadline(String),
    Subject(String),
    Channels(Vec<String>),
    Audience(Option<Audience>),
    Mode(Option<DisclosureMode>),
    Level(Option<Level>),
    Status(Option<DisclosureStatus>),
    Reason(String),
    ChannelsUsed(Vec<String>),
    Counts(Vec<ItemCount>),
    Schools(SchoolTask),
}

/// The texts of the district data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DistrictText {
    Region,
    BureauPhone,
    DataDate,
    Note,
}
