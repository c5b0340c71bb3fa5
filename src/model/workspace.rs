//! The workspace: every report of one unit, keyed by year, plus which year is open.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use thiserror::Error;

use super::{Report, School, SCHEMA_VERSION, WORKSPACE_FORMAT};
use crate::district::DistrictData;

/// Years a report may have.
pub const YEAR_RANGE: RangeInclusive<u16> = 2000..=2100;

/// Errors of workspace edits.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    #[error("year {0} is out of range")]
    YearOutOfRange(i64),
    #[error("a report for {0} already exists")]
    YearTaken(u16),
    #[error("no report for {0}")]
    NoSuchYear(u16),
}

/// Everything the app stores and backs up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub format: String,
    pub schema_version: u32,
    /// The year whose report is open.
    #[serde(default)]
    pub current_year: Option<u16>,
    #[serde(default)]
    pub reports: BTreeMap<u16, Report>,
    /// The district's schools, each once with a stable id (used by district rules and submissions).
    #[serde(default)]
    pub schools: Vec<School>,
    /// School-district data: rules, bureau phone, data date (schema v3).
    #[serde(default)]
    pub districts: DistrictData,
    /// A school's filling draft (school mode, `#/school`): only in the school's own storage slot,
    /// never in the bureau's workspace (schema 5). Kept as JSON: only the schools-page module reads
    /// it (as `school::Draft`, `SchoolPageData`), so the workbench's first load links no reader of
    /// drafts and packs (docs/performance.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_draft: Option<serde_json::Value>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            format: WORKSPACE_FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            current_year: None,
            reports: BTreeMap::new(),
            schools: Vec::new(),
            districts: DistrictData::default(),
            school_draft: None,
        }
    }
}

impl Workspace {
    /// A workspace with one blank report for `year` (the caller passes the year from its clock).
    pub fn blank(year: u16) -> Self {
        let mut ws = Workspace::default();
        ws.reports.insert(year, Report::blank(year));
        ws.current_year = Some(year);
        ws
    }

    /// The open report, if any.
    pub fn current(&self) -> Option<&Report> {
        self.current_year.and_then(|y| self.reports.get(&y))
    }

    pub fn current_mut(&mut self) -> Option<&mut Report> {
        let year = self.current_year?;
        self.reports.get_mut(&year)
    }

    /// True when no report holds any entered data: replacing it loses nothing.
    pub fn is_blank(&self) -> bool {
        self.reports.values().all(Report::is_blank)
            && self.schools.is_empty()
            && self.districts.is_empty()
            && self.school_draft.is_none()
    }

    /// Checks a year the user typed.
    pub fn validate_year(year: i64) -> Result<u16, ModelError> {
        u16::try_from(year)
            .ok()
            .filter(|y| YEAR_RANGE.contains(y))
            .ok_or(ModelError::YearOutOfRange(year))
    }

    /// Moves the report of `from` to `to` and keeps it open.
    pub fn change_year(&mut self, from: u16, to: u16) -> Result<(), ModelError> {
        Self::validate_year(i64::from(to))?;
        if from == to {
            return Ok(());
        }
        if self.reports.contains_key(&to) {
            return Err(ModelError::YearTaken(to));
        }
        let mut report = self
            .reports
            .remove(&from)
            .ok_or(ModelError::NoSuchYear(from))?;
        report.year = to;
        self.reports.insert(to, report);
        if self.current_year == Some(from) {
            self.current_year = Some(to);
        }
        Ok(())
    }

    /// Adds a blank report for `year` and opens it.
    pub fn add_year(&mut self, year: u16) -> Result<(), ModelError> {
        Self::validate_year(i64::from(year))?;
        if self.reports.contains_key(&year) {
            return Err(ModelError::YearTaken(year));
        }
        let mut report = Report::blank(year);
        if let Some(prev) = self.current() {
            report.unit_name = prev.unit_name.clone();
            report.region = prev.region.clone();
            report.structure = prev.structure;
        }
        self.reports.insert(year, report);
        self.current_year = Some(year);
        Ok(())
    }

    /// The year whose report a new report for `year` is carried forward from: `year - 1` if there is
    /// one, else the open report's year; `None` for a blank start.
    pub fn carry_source(&self, year: u16) -> Option<u16> {
        year.checked_sub(1)
            .filter(|y| self.reports.contains_key(y))
            .or(self.current_year.filter(|y| self.reports.contains_key(y)))
    }

    /// File-name stem `<单位>-<年份>` of the open report, for backups.
    pub fn file_stem(&self) -> String {
        match self.current() {
            Some(r) if !r.unit_name.trim().is_empty() => {
                format!("{}-{}", r.unit_name.trim(), r.year)
            }
            Some(r) => format!("未命名单位-{}", r.year),
            None => "未命名单位".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_preserves_everything() {
        let mut ws = Workspace::blank(2020);
        let r = ws.current_mut().unwrap();
        r.unit_name = "汽开区教育局".into();
        r.narrative.work_items = vec!["一".into(), "二".into()];
        r.tables.set("t2/a20_1/rules/new_made", "增10");
        r.table_format = Some(super::super::TableFormat::V2021);
        ws.add_year(2021).unwrap();
        let json = serde_json::to_string(&ws).unwrap();
        let back: Workspace = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ws);
    }

    #[test]
    fn year_validation() {
        assert_eq!(Workspace::validate_year(2020), Ok(2020));
        assert_eq!(
            Workspace::validate_year(1999),
            Err(ModelError::YearOutOfRange(1999))
        );
        assert_eq!(
            Workspace::validate_year(-5),
            Err(ModelError::YearOutOfRange(-5))
        );
        assert_eq!(
            Workspace::validate_year(70000),
            Err(ModelError::YearOutOfRange(70000))
        );
    }

    #[test]
    fn change_year_rekeys_and_refuses_taken_years() {
        let mut ws = Workspace::blank(2020);
        ws.add_year(2021).unwrap();
        assert_eq!(ws.change_year(2021, 2020), Err(ModelError::YearTaken(2020)));
        ws.change_year(2021, 2022).unwrap();
        assert_eq!(ws.current_year, Some(2022));
        assert_eq!(ws.current().unwrap().year, 2022);
        assert!(!ws.reports.contains_key(&2021));
    }

    #[test]
    fn add_year_copies_unit_settings() {
        let mut ws = Workspace::blank(2020);
        ws.current_mut().unwrap().unit_name = "某教育局".into();
        ws.add_year(2021).unwrap();
        assert_eq!(ws.current().unwrap().unit_name, "某教育局");
        assert_eq!(ws.add_year(2021), Err(ModelError::YearTaken(2021)));
    }

    #[test]
    fn file_stem_names_unit_and_year() {
        let mut ws = Workspace::blank(2020);
        assert_eq!(ws.file_stem(), "未命名单位-2020");
        ws.current_mut().unwrap().unit_name = " 汽开区教育局 ".into();
        assert_eq!(ws.file_stem(), "汽开区教育局-2020");
    }
}
