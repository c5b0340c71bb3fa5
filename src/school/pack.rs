//! The filling pack (填报包, `<单位>-<年度>.gongkai-pack.json`): what the bureau sends every school —
//! the unit, the year, the school list (so that a school picks its name instead of typing it), and
//! the items assigned to schools with the bureau's instructions and the counts asked for.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::file::{check_year, read_typed, FileError};
use crate::backup::safe_file_stem;
use crate::catalog;
use crate::dates::parse_time;
use crate::model::{CountField, Report, School, SchoolCount, Stage, SubmissionItem, Workspace};

/// `format` of a pack.
pub const PACK_FORMAT: &str = "gongkai-pack";
/// The pack version this build writes and the newest it reads.
pub const PACK_VERSION: u32 = 1;
/// File-name suffix of a pack.
pub const PACK_SUFFIX: &str = ".gongkai-pack.json";

/// A filling pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    pub format: String,
    pub schema_version: u32,
    /// How a school opens its filling page, for whoever opens this file (the bureau's words; read
    /// by no program).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how_to_open: String,
    /// When the bureau made it (ISO 8601, the bureau's clock).
    pub created_at: String,
    pub unit: String,
    pub year: u16,
    pub schools: Vec<PackSchool>,
    pub items: Vec<PackItem>,
}

/// A school of the pack's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackSchool {
    /// The id of the bureau's school list; a submission carries it back.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub stage: Stage,
}

/// An item schools fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackItem {
    pub category: String,
    pub item: String,
    pub name: String,
    #[serde(default)]
    pub instructions: String,
    #[serde(default)]
    pub counts: Vec<CountField>,
}

impl PackItem {
    /// An answer to this item with nothing filled: its keys and name, and one empty count per count
    /// it asks for (a school's draft starts from it; generated submissions fill it).
    pub fn blank_answer(&self) -> SubmissionItem {
        SubmissionItem {
            category: self.category.clone(),
            item: self.item.clone(),
            name: self.name.clone(),
            counts: self
                .counts
                .iter()
                .map(|f| SchoolCount {
                    label: f.label.clone(),
                    unit: f.unit.clone(),
                    value: None,
                })
                .collect(),
            ..SubmissionItem::default()
        }
    }
}

/// Why the bureau cannot make a pack now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackProblem {
    NoReport,
    NoUnit,
    NoSchools,
    NoItems,
}

/// The items of `report` assigned to schools, in catalogue order (category by category, items in
/// the report's order).
pub fn assigned_items(report: &Report) -> Vec<PackItem> {
    catalog::CATEGORIES
        .iter()
        .filter_map(|def| report.category(def.key))
        .flat_map(|c| {
            c.items
                .iter()
                .filter(|i| i.schools.assigned)
                .map(|i| PackItem {
                    category: c.key.clone(),
                    item: i.id.clone(),
                    name: i.name.trim().to_string(),
                    instructions: i.schools.instructions.trim().to_string(),
                    counts: i
                        .schools
                        .counts
                        .iter()
                        .filter(|f| !f.label.trim().is_empty())
                        .map(|f| CountField {
                            label: f.label.trim().to_string(),
                            unit: f.unit.trim().to_string(),
                        })
                        .collect(),
                })
        })
        .collect()
}

/// The pack of the open report, made at `created_at` (the caller's clock).
pub fn make_pack(ws: &Workspace, created_at: &str) -> Result<Pack, PackProblem> {
    make_pack_of(ws.current(), &ws.schools, created_at)
}

/// The pack of `report` for `schools` (what `#/schools` holds), made at `created_at`.
pub fn make_pack_of(
    report: Option<&Report>,
    schools: &[School],
    created_at: &str,
) -> Result<Pack, PackProblem> {
    let report = report.ok_or(PackProblem::NoReport)?;
    let unit = report.unit_name.trim();
    if unit.is_empty() {
        return Err(PackProblem::NoUnit);
    }
    let schools: Vec<PackSchool> = schools
        .iter()
        .filter(|s| !s.name.trim().is_empty())
        .map(|s| PackSchool {
            id: s.id.clone(),
            name: s.name.trim().to_string(),
            stage: s.stage,
        })
        .collect();
    if schools.is_empty() {
        return Err(PackProblem::NoSchools);
    }
    let items = assigned_items(report);
    if items.is_empty() {
        return Err(PackProblem::NoItems);
    }
    Ok(Pack {
        format: PACK_FORMAT.to_string(),
        schema_version: PACK_VERSION,
        how_to_open: String::new(),
        created_at: created_at.to_string(),
        unit: unit.to_string(),
        year: report.year,
        schools,
        items,
    })
}

/// The pack's file text (indented JSON).
pub fn write_pack(pack: &Pack) -> String {
    serde_json::to_string_pretty(pack).unwrap_or_default()
}

/// `<单位>-<年度>.gongkai-pack.json`.
pub fn pack_file_name(pack: &Pack) -> String {
    format!(
        "{}{PACK_SUFFIX}",
        safe_file_stem(&format!("{}-{}", pack.unit, pack.year))
    )
}

/// Reads a pack file.
pub fn read_pack(raw: &str) -> Result<Pack, FileError> {
    let pack: Pack = read_typed(raw, PACK_FORMAT, PACK_VERSION)?;
    check_year(pack.year)?;
    if parse_time(&pack.created_at).is_none() {
        return Err(FileError::BadTime(pack.created_at));
    }
    let mut ids = HashSet::new();
    for s in &pack.schools {
        if s.id.trim().is_empty() {
            return Err(FileError::NoSchool);
        }
        if !ids.insert(s.id.as_str()) {
            return Err(FileError::Duplicate(s.name.clone()));
        }
    }
    if pack.schools.is_empty() {
        return Err(FileError::NoSchool);
    }
    let mut keys = HashSet::new();
    for i in &pack.items {
        if !keys.insert((i.category.as_str(), i.item.as_str())) {
            return Err(FileError::Duplicate(i.name.clone()));
        }
    }
    if pack.items.is_empty() {
        return Err(FileError::NoItems);
    }
    Ok(pack)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::School;

    fn workspace() -> Workspace {
        let mut ws = Workspace::blank(2024);
        ws.current_mut().unwrap().unit_name = " 示例县教育局 ".into();
        let s = School::new(&ws.schools, "示例县长青小学", Stage::Primary);
        ws.schools.push(s);
        ws
    }

    #[test]
    fn the_pack_holds_unit_year_schools_and_the_assigned_items_in_order() {
        let mut ws = workspace();
        let r = ws.current_mut().unwrap();
        let awards = r
            .categories
            .iter_mut()
            .find(|c| c.key == "students")
            .unwrap()
            .items
            .iter_mut()
            .find(|i| i.id == "student-awards")
            .unwrap();
        awards.schools.instructions = " 请写明评选程序。 ".into();
        let pack = make_pack(&ws, "2024-12-01T08:00:00.000Z").unwrap();
        assert_eq!(pack.unit, "示例县教育局");
        assert_eq!(pack.year, 2024);
        assert_eq!(pack.schools.len(), 1);
        assert_eq!(pack.schools[0].id, "school-1");
        let keys: Vec<_> = pack
            .items
            .iter()
            .map(|i| format!("{}/{}", i.category, i.item))
            .collect();
        assert_eq!(
            keys,
            [
                "enrollment/plan",
                "enrollment/school-intro",
                "students/student-awards",
                "policy-execution/open-day",
                "safety/safety-rules",
                "safety/safety-management"
            ]
        );
        let awards = &pack.items[2];
        assert_eq!(awards.instructions, "请写明评选程序。");
        assert_eq!(pack.items[3].counts[0].label, "举办学校开放日");
        assert_eq!(pack_file_name(&pack), "示例县教育局-2024.gongkai-pack.json");
        assert_eq!(read_pack(&write_pack(&pack)), Ok(pack));
    }

    #[test]
    fn a_pack_needs_a_unit_schools_and_items() {
        let mut ws = workspace();
        ws.schools.clear();
        assert_eq!(make_pack(&ws, "t"), Err(PackProblem::NoSchools));
        let mut ws = workspace();
        ws.current_mut().unwrap().unit_name.clear();
        assert_eq!(make_pack(&ws, "t"), Err(PackProblem::NoUnit));
        let mut ws = workspace();
        for c in &mut ws.current_mut().unwrap().categories {
            for i in &mut c.items {
                i.schools.assigned = false;
            }
        }
        assert_eq!(make_pack(&ws, "t"), Err(PackProblem::NoItems));
        assert_eq!(
            make_pack(&Workspace::default(), "t"),
            Err(PackProblem::NoReport)
        );
    }

    #[test]
    fn bad_packs_are_refused() {
        let pack = make_pack(&workspace(), "2024-12-01T08:00:00Z").unwrap();
        let with = |f: &dyn Fn(&mut Pack)| {
            let mut p = pack.clone();
            f(&mut p);
            read_pack(&write_pack(&p))
        };
        assert_eq!(
            with(&|p| p.created_at = "昨天".into()),
            Err(FileError::BadTime("昨天".into()))
        );
        assert_eq!(with(&|p| p.year = 1900), Err(FileError::BadYear(1900)));
        assert_eq!(with(&|p| p.schools.clear()), Err(FileError::NoSchool));
        assert_eq!(with(&|p| p.items.clear()), Err(FileError::NoItems));
        assert!(matches!(
            with(&|p| {
                let s = p.schools[0].clone();
                p.schools.push(s)
            }),
            Err(FileError::Duplicate(_))
        ));
        assert!(matches!(
            read_pack(r#"{"format":"gongkai-submission","schema_version":1}"#),
            Err(FileError::WrongFormat { .. })
        ));
    }
}
