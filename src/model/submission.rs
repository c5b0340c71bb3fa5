//! What the workspace stores of school submissions (schema 5): the bureau's assignment on an item
//! (`SchoolTask`: schools fill it, with instructions, the counts asked for, and how the schools'
//! answers enter the report), an item as a school filled it (`SubmissionItem`), and a school's merged
//! contribution to one year's report with its provenance (`Contribution`).
//!
//! The fields of `SubmissionItem` and `SchoolCount` are declared in alphabetical order on purpose:
//! serialised by serde_json they are then the RFC 8785 canonical JSON the content hash is taken over
//! (`school::canonical`).

use serde::{Deserialize, Serialize};

use gongkai_district::school::School;

/// How the schools' contributions to an item enter the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// One paragraph per school, after the item's own text.
    #[default]
    PerSchool,
    /// The bureau's own summary paragraph (`SchoolTask::summary`) instead of the schools' texts.
    Summary,
    /// The counts added up over the schools (a sentence with the totals, and a table per school).
    Counts,
    /// Kept, but not printed.
    Omit,
}

impl Placement {
    pub const ALL: [Placement; 4] = [
        Placement::PerSchool,
        Placement::Summary,
        Placement::Counts,
        Placement::Omit,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Placement::PerSchool => "per_school",
            Placement::Summary => "summary",
            Placement::Counts => "counts",
            Placement::Omit => "omit",
        }
    }
}

/// A count the bureau asks the schools to fill, e.g. 举办学校开放日 (次).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CountField {
    pub label: String,
    pub unit: String,
}

/// Whether schools fill an item, and what the bureau asks of them. Defaults come from the catalogue
/// (`catalog::ItemDef::schools`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolTask {
    /// Schools fill this item (it goes into the filling pack).
    pub assigned: bool,
    /// The bureau's instructions, shown to the schools with the item.
    pub instructions: String,
    /// The counts each school fills.
    pub counts: Vec<CountField>,
    /// How the schools' contributions enter the report.
    pub placement: Placement,
    /// The bureau's summary paragraph(s), printed with [`Placement::Summary`].
    pub summary: String,
}

impl SchoolTask {
    pub fn is_default(&self) -> bool {
        *self == SchoolTask::default()
    }
}

/// A count as a school filled it; `value` is `None` until typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolCount {
    pub label: String,
    pub unit: String,
    pub value: Option<u64>,
}

/// One item as a school filled it. Fields in alphabetical order (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SubmissionItem {
    /// Catalogue key of the category, e.g. `students`.
    pub category: String,
    /// The channels the school used this year (labels of `catalog::CHANNELS`).
    pub channels_used: Vec<String>,
    pub counts: Vec<SchoolCount>,
    /// Dates (`YYYY-MM-DD`), e.g. of each 开放日.
    pub dates: Vec<String>,
    /// The item's id within its category.
    pub item: String,
    /// The item's name as the pack gave it.
    pub name: String,
    /// The school's text.
    pub text: String,
}

impl SubmissionItem {
    /// True when the school wrote or entered something for this item.
    pub fn is_filled(&self) -> bool {
        !self.text.trim().is_empty()
            || !self.dates.is_empty()
            || self.counts.iter().any(|c| c.value.is_some())
    }

    /// `(category, item)`: the item's identity across pack, submission and report.
    pub fn key(&self) -> (&str, &str) {
        (&self.category, &self.item)
    }
}

/// A school's submission merged into a year's report, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contribution {
    pub school_id: String,
    /// The school's name as its file gave it.
    pub school_name: String,
    /// When the school exported the file (ISO 8601, the school's clock).
    pub created_at: String,
    /// The file's content hash (`sha256:<hex>`).
    pub hash: String,
    pub items: Vec<SubmissionItem>,
    /// Its school was deleted from the list and the bureau kept its text in the report, under the
    /// name above (`school::remove_school`). Written only when true.
    #[serde(skip_serializing_if = "is_false")]
    pub removed_school: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Contribution {
    /// The school's item `(category, item)`, if its file had it.
    pub fn item(&self, category: &str, item: &str) -> Option<&SubmissionItem> {
        self.items.iter().find(|i| i.key() == (category, item))
    }
}

/// What the bureau chose for the merged text of a school it deletes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedText {
    /// The school had no text in the open report.
    #[default]
    None,
    /// Kept in the report under the school's name (the contribution is marked `removed_school`).
    Kept,
    /// Taken out of the report (held in [`RemovedSchool::contribution`] for 撤销).
    Removed,
}

/// The school deleted last, held until the next deletion so that 撤销 can bring it back, also after a
/// reload (the schools page keeps it in browser storage, docs/data-formats.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedSchool {
    pub school: School,
    /// Its place in the list.
    pub index: usize,
    /// The year of the report open when it was deleted.
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub text: RemovedText,
    /// Its contribution taken out of that report ([`RemovedText::Removed`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<Contribution>,
}

/// The order contributions are kept and printed in: by the number of the school id (`school-2`
/// before `school-10`), then by the id itself.
pub fn contribution_order(school_id: &str) -> (u64, &str) {
    let n = school_id
        .strip_prefix("school-")
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(u64::MAX);
    (n, school_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_means_text_dates_or_a_typed_count() {
        let mut i = SubmissionItem::default();
        assert!(!i.is_filled());
        i.counts.push(SchoolCount {
            label: "举办学校开放日".into(),
            unit: "次".into(),
            value: None,
        });
        assert!(!i.is_filled());
        i.counts[0].value = Some(0);
        assert!(i.is_filled());
        let mut i = SubmissionItem {
            text: "  ".into(),
            ..SubmissionItem::default()
        };
        assert!(!i.is_filled());
        i.dates.push("2020-05-01".into());
        assert!(i.is_filled());
    }

    #[test]
    fn contributions_sort_by_the_school_number() {
        let mut ids = vec!["school-10", "school-2", "x", "school-1"];
        ids.sort_by_key(|id| contribution_order(id));
        assert_eq!(ids, ["school-1", "school-2", "school-10", "x"]);
    }
}
