//! The bureau's dashboard of school submissions for the open report: every school of the list as
//! submitted, not yet, or outdated (its file lacks an item assigned since), with the time of its last
//! file and, per assigned item, whether it filled it; and the CSV of the schools still missing.

use super::pack::{assigned_items, PackItem};
use crate::model::{Contribution, Report, School, Stage};
use crate::report::write_csv;

/// Where a school stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Its file covers every item assigned now.
    Submitted,
    NotYet,
    /// Its file lacks an item assigned to schools after it was made.
    Outdated,
}

/// One school's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolRow {
    pub school_id: String,
    pub name: String,
    pub stage: Stage,
    pub status: Status,
    /// The time of its merged file.
    pub created_at: Option<String>,
    /// Per assigned item (in `Dashboard::items` order): filled in its file.
    pub filled: Vec<bool>,
}

/// The dashboard of the open report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dashboard {
    /// The items assigned to schools now.
    pub items: Vec<PackItem>,
    pub rows: Vec<SchoolRow>,
}

impl Dashboard {
    /// How many schools filled assigned item `n`.
    pub fn filled_count(&self, n: usize) -> usize {
        self.rows
            .iter()
            .filter(|r| r.filled.get(n).copied().unwrap_or(false))
            .count()
    }

    pub fn count(&self, status: Status) -> usize {
        self.rows.iter().filter(|r| r.status == status).count()
    }

    /// The schools that have not submitted, or whose file is outdated.
    pub fn missing(&self) -> impl Iterator<Item = &SchoolRow> {
        self.rows.iter().filter(|r| r.status != Status::Submitted)
    }
}

fn row(school: &School, items: &[PackItem], merged: Option<&Contribution>) -> SchoolRow {
    let answer = |i: &PackItem| merged.and_then(|c| c.item(&i.category, &i.item));
    let status = match merged {
        None => Status::NotYet,
        Some(_) if items.iter().any(|i| answer(i).is_none()) => Status::Outdated,
        Some(_) => Status::Submitted,
    };
    SchoolRow {
        school_id: school.id.clone(),
        name: school.name.clone(),
        stage: school.stage,
        status,
        created_at: merged.map(|c| c.created_at.clone()),
        filled: items
            .iter()
            .map(|i| answer(i).is_some_and(|a| a.is_filled()))
            .collect(),
    }
}

/// The dashboard of `report` over the workspace's `schools`: schools not yet submitted first, then
/// outdated, then submitted, each in list order.
pub fn dashboard(report: &Report, schools: &[School]) -> Dashboard {
    let items = assigned_items(report);
    let rows = schools
        .iter()
        .map(|s| {
            let merged = super::contribution_of(report, &s.id);
            row(s, &items, merged)
        })
        .collect::<Vec<_>>();
    let mut rows = rows;
    rows.sort_by_key(|r: &SchoolRow| match r.status {
        Status::NotYet => 0,
        Status::Outdated => 1,
        Status::Submitted => 2,
    });
    Dashboard { items, rows }
}

/// The words of the missing-schools CSV (from `text`).
pub struct MissingWords {
    /// 学校, 学段, 地址, 电话, 状态, 最近文件时间.
    pub header: [&'static str; 6],
    pub status: fn(Status) -> &'static str,
    pub stage: fn(Stage) -> &'static str,
}

/// The schools still missing as CSV (BOM, CRLF, formulas neutralised), with address and phone from
/// the school list; `time` words a file time.
pub fn missing_csv(
    d: &Dashboard,
    schools: &[School],
    words: &MissingWords,
    time: impl Fn(&str) -> String,
) -> Vec<u8> {
    let mut records = vec![words.header.map(String::from).to_vec()];
    for r in d.missing() {
        let school = schools.iter().find(|s| s.id == r.school_id);
        records.push(vec![
            r.name.clone(),
            (words.stage)(r.stage).to_string(),
            school.map(|s| s.address.clone()).unwrap_or_default(),
            school.map(|s| s.phone.clone()).unwrap_or_default(),
            (words.status)(r.status).to_string(),
            r.created_at.as_deref().map(&time).unwrap_or_default(),
        ]);
    }
    write_csv(&records)
}
