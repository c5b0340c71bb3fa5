//! The workspace data model (schema v5): reports by year, their narrative, categories and table values;
//! the school list and the district data; school assignments and merged school submissions, and in a
//! school's own storage its filling draft.

mod migrate;
mod page_data;
mod report;
mod submission;
mod workspace;

pub use gongkai_district::school::{
    next_school_id, school_number, School, Stage, Warning, WarningLevel,
};
pub use migrate::{
    parse_workspace, workspace_from_value, FieldProblem, LoadError, ValueKind, MAX_FIELD_BYTES,
    SUPPORTED_SCHEMA,
};
pub use page_data::{
    read_page_data, DistrictsPageData, GraphicPageData, PageData, SchoolDraftData, SchoolPageData,
    SchoolsPageData, UnreadableDraft,
};
pub use report::{
    Audience, CategoryContent, DisclosureMode, DisclosureStatus, ItemContent, ItemCount, Level,
    Narrative, NoCases, OverviewSections, Report, ReportStructure, TableFormat, TableValues,
};
pub use submission::{
    contribution_order, Contribution, CountField, Placement, SchoolCount, SchoolTask,
    SubmissionItem,
};
pub use workspace::{ModelError, Workspace, YEAR_RANGE};

/// The `format` tag of a workspace, both in storage and in backup files.
pub const WORKSPACE_FORMAT: &str = "gongkai-workspace";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 5;
