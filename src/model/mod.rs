//! The workspace data model (schema v5): reports by year, their narrative, categories and table values;
//! the school list and the district data; school assignments and merged school submissions, and in a
//! school's own storage its filling draft.

mod defaults;
mod migrate;
mod report;
mod submission;
mod workspace;

pub use crate::catalog::{Audience, DisclosureMode, Level, TableFormat};
pub use crate::cell::TableValues;
pub use defaults::{missing_defaults, restore_defaults, restore_some_defaults};
pub use gongkai_district::school::{
    next_school_id, school_number, School, Stage, Warning, WarningLevel,
};
pub use migrate::{
    parse_workspace, workspace_from_value, FieldProblem, LoadError, ValueKind, MAX_FIELD_BYTES,
    SUPPORTED_SCHEMA,
};
pub use report::{
    CategoryContent, DisclosureStatus, ItemContent, ItemCount, Narrative, NoCases,
    OverviewSections, Report, ReportStructure,
};
pub use submission::{
    contribution_order, Contribution, CountField, Placement, RemovedSchool, RemovedText,
    SchoolCount, SchoolTask, SubmissionItem,
};
pub use workspace::{ModelError, Workspace, YEAR_RANGE};

/// The `format` tag of a workspace, both in storage and in backup files.
pub const WORKSPACE_FORMAT: &str = "gongkai-workspace";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 5;
