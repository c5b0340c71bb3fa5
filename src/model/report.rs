//! One year's report: unit, year, structure, narrative sections, category content and table cells.

use serde::{Deserialize, Serialize};

use super::submission::{Contribution, SchoolTask};
use crate::catalog::{self, Audience, DisclosureMode, Level, TableFormat};
use crate::cell::TableValues;

/// Which outline the report follows (docs/design.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReportStructure {
    /// 领域报告: 一、完成既定目标 … 六、其他需要报告的事项 (as in the seed).
    #[default]
    Field,
    /// 条例第五十条 statutory annual report.
    Statutory,
}

/// Sub-heads of 一、总体情况 in the statutory structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct OverviewSections {
    pub active: String,
    pub on_request: String,
    pub management: String,
    pub platform: String,
    pub supervision: String,
}

/// Free-text sections. Both structures' fields live side by side, so switching structure loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Narrative {
    /// Opening paragraph(s) before section 一.
    pub preamble: String,
    /// Field: 一、完成既定目标.
    pub goals: String,
    /// Field: 二、工作开展情况, one entry per numbered point.
    pub work_items: Vec<String>,
    /// Field: the sentence that opens 三、政务公开事项公开情况.
    pub disclosure_intro: String,
    /// Statutory: 一、总体情况.
    pub overview: OverviewSections,
    /// The line under the 第二十条 tables (e.g. 发布总数量).
    pub tables_note: String,
    /// 五、存在的主要问题及改进情况.
    pub problems: String,
    /// 六、其他需要报告的事项.
    pub other: String,
    /// Statutory 六: 信息处理费 line.
    pub fee_line: String,
}

impl Narrative {
    pub fn is_empty(&self) -> bool {
        *self == Narrative::default()
    }
}

/// Whether an item (or a whole category) was disclosed this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisclosureStatus {
    /// 已公开
    Published,
    /// 部分公开
    Partial,
    /// 未公开（须说明原因）
    NotPublished,
    /// 本年度无此项
    NotApplicable,
}

/// An optional count shown with an item, e.g. 发布信息 26 条.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ItemCount {
    pub label: String,
    pub value: u64,
    pub unit: String,
}

/// One second-level item (二级事项) as filled for this report: the catalogue columns (defaults from
/// `catalog::default_items`, editable per report), the status, and the text that goes into the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ItemContent {
    /// Stable id within the category (catalogue id, or `custom-N` for user items).
    pub id: String,
    pub name: String,
    /// The narrative text that goes into the report.
    pub text: String,
    /// 公开内容（要素）.
    pub content: String,
    /// 公开依据.
    pub basis: String,
    /// 公开时限.
    pub deadline: String,
    /// 公开主体.
    pub subject: String,
    /// 公开渠道和载体 of the catalogue (labels from `catalog::CHANNELS`).
    pub channels: Vec<String>,
    pub audience: Option<Audience>,
    pub mode: Option<DisclosureMode>,
    pub level: Option<Level>,
    pub status: Option<DisclosureStatus>,
    /// Why it was not disclosed (required with `NotPublished`).
    pub reason: String,
    /// The channels actually used this year.
    pub channels_used: Vec<String>,
    pub counts: Vec<ItemCount>,
    /// Whether schools fill this item, their instructions, and how their texts enter the report
    /// (schema 5). Left out of the JSON when it is the default (not assigned, nothing written).
    #[serde(skip_serializing_if = "SchoolTask::is_default")]
    pub schools: SchoolTask,
}

/// One first-level category (一级事项) as filled for this report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CategoryContent {
    /// Catalogue key, e.g. `policy` (docs/design.md §4).
    pub key: String,
    /// Text printed under the category heading before its items.
    pub intro: String,
    pub items: Vec<ItemContent>,
    /// `Some(NotApplicable)` marks the whole category 本年度无此项.
    pub status: Option<DisclosureStatus>,
}

impl CategoryContent {
    /// True when nothing of this year's content has been written (catalogue columns do not count).
    pub fn is_empty(&self) -> bool {
        self.intro.trim().is_empty()
            && self
                .items
                .iter()
                .all(|i| i.text.trim().is_empty() && i.status.is_none())
    }
}

/// 表三 and 表四 marked “本年度无相关情况”: the officer states that a blank table is blank because nothing
/// happened this year, so the check does not ask for it to be filled. The tables still print, with 0s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct NoCases {
    /// 表三 (收到和处理政府信息公开申请情况).
    pub table3: bool,
    /// 表四 (政府信息公开行政复议、行政诉讼情况).
    pub table4: bool,
}

/// One year's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub year: u16,
    #[serde(default)]
    pub unit_name: String,
    #[serde(default)]
    pub region: String,
    /// A title the user typed; empty means the default title of the structure ([`Report::default_title`]),
    /// so switching structure changes the default but never a typed title.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub structure: ReportStructure,
    /// `None` follows the year (`TableFormat::for_year`).
    #[serde(default)]
    pub table_format: Option<TableFormat>,
    #[serde(default)]
    pub narrative: Narrative,
    #[serde(default)]
    pub categories: Vec<CategoryContent>,
    #[serde(default)]
    pub tables: TableValues,
    /// Leave categories marked 本年度无此项 out of the exported report (otherwise: one line says so).
    #[serde(default)]
    pub omit_not_applicable: bool,
    /// Put the graphic (图解) after the title of the web page (.html) export (schema 2).
    #[serde(default)]
    pub graphic_in_html: bool,
    /// 表三/表四 marked “本年度无相关情况” (schema v3).
    #[serde(default)]
    pub no_cases: NoCases,
    /// The schools' merged submissions for this year, one per school, in `contribution_order`
    /// (schema 5).
    #[serde(default)]
    pub contributions: Vec<Contribution>,
}

impl Report {
    /// A blank report with the ten categories of the catalogue in order.
    pub fn blank(year: u16) -> Self {
        Report {
            year,
            unit_name: String::new(),
            region: String::new(),
            title: String::new(),
            structure: ReportStructure::default(),
            table_format: None,
            narrative: Narrative::default(),
            categories: catalog::CATEGORIES
                .iter()
                .map(|c| CategoryContent {
                    key: c.key.to_string(),
                    items: catalog::default_items(c.key)
                        .iter()
                        .map(catalog::ItemDef::to_content)
                        .collect(),
                    ..CategoryContent::default()
                })
                .collect(),
            tables: TableValues::default(),
            omit_not_applicable: false,
            graphic_in_html: false,
            no_cases: NoCases::default(),
            contributions: Vec::new(),
        }
    }

    pub fn effective_table_format(&self) -> TableFormat {
        self.table_format
            .unwrap_or_else(|| TableFormat::for_year(self.year))
    }

    /// The title of the structure: `<单位><年份>年政府信息公开工作年度报告` for a statutory report (条例第五十条),
    /// `<单位><年份>年政务公开工作年度报告` for a field report.
    pub fn default_title(&self) -> String {
        let kind = match self.structure {
            ReportStructure::Field => "政务公开",
            ReportStructure::Statutory => "政府信息公开",
        };
        format!("{}{}年{kind}工作年度报告", self.unit_name.trim(), self.year)
    }

    /// The typed title, else [`Report::default_title`].
    pub fn display_title(&self) -> String {
        if self.title.trim().is_empty() {
            self.default_title()
        } else {
            self.title.clone()
        }
    }

    pub fn category(&self, key: &str) -> Option<&CategoryContent> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// True when nothing has been entered or changed beyond the year.
    pub fn is_blank(&self) -> bool {
        *self == Report::blank(self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_year_unless_overridden() {
        let mut r = Report::blank(2020);
        assert_eq!(r.effective_table_format(), TableFormat::V2019);
        r.year = 2021;
        assert_eq!(r.effective_table_format(), TableFormat::V2021);
        r.table_format = Some(TableFormat::V2019);
        assert_eq!(r.effective_table_format(), TableFormat::V2019);
    }

    #[test]
    fn blank_report_has_ten_categories_and_is_blank() {
        let r = Report::blank(2024);
        assert_eq!(r.categories.len(), 10);
        assert!(r.is_blank());
    }

    #[test]
    fn any_entered_text_makes_report_non_blank() {
        let mut r = Report::blank(2024);
        r.narrative.other = "无".into();
        assert!(!r.is_blank());
        let mut r = Report::blank(2024);
        r.tables.set("t2/a20_1/rules/new_made", "0");
        assert!(!r.is_blank());
    }

    #[test]
    fn setting_a_blank_cell_removes_it() {
        let mut t = TableValues::default();
        t.set("k", "3");
        assert_eq!(t.get("k"), "3");
        t.set("k", "  ");
        assert_eq!(t.get("k"), "");
        assert!(t.0.is_empty());
    }

    #[test]
    fn default_title_uses_unit_and_year() {
        let mut r = Report::blank(2020);
        r.unit_name = "汽开区教育局".into();
        assert_eq!(r.display_title(), "汽开区教育局2020年政务公开工作年度报告");
    }

    #[test]
    fn statutory_default_title_and_typed_titles_stay() {
        let mut r = Report::blank(2021);
        r.unit_name = " 某区教育局 ".into();
        r.structure = ReportStructure::Statutory;
        assert_eq!(
            r.display_title(),
            "某区教育局2021年政府信息公开工作年度报告"
        );
        r.structure = ReportStructure::Field;
        assert_eq!(r.display_title(), "某区教育局2021年政务公开工作年度报告");
        // A typed title is never replaced by switching structure, even one equal to a default.
        for typed in ["我的标题", "某区教育局2021年政务公开工作年度报告"] {
            r.title = typed.into();
            for s in [ReportStructure::Statutory, ReportStructure::Field] {
                r.structure = s;
                assert_eq!(r.display_title(), typed);
            }
        }
    }
}
