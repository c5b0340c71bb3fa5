//! The school list as the bureau changes it on `#/schools`, keeping the list, the dashboard and the
//! report in agreement: deleting a school whose file was merged asks what becomes of its text (kept
//! in the report under its name, or taken out), the deleted school is held for 撤销 until the next
//! deletion (the schools page keeps it in browser storage, so a reload keeps it), adding or renaming a school to a
//! deleted school's name brings its kept text back, and new schools never take an id a kept text or
//! the held school still uses.

use crate::model::{
    contribution_order, Contribution, RemovedSchool, RemovedText, Report, School, Stage,
};

/// What deleting a school touches, for the question asked first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consequence {
    pub name: String,
    /// A file of it is merged into the open report.
    pub merged: bool,
    /// Items of its merged file that print in the report.
    pub filled_items: usize,
    /// District rules that assign addresses to it.
    pub rules: usize,
}

/// The contribution of school `id` in `report` (not one kept from a deleted school).
pub fn contribution_of<'a>(report: &'a Report, id: &str) -> Option<&'a Contribution> {
    report
        .contributions
        .iter()
        .find(|c| c.school_id == id && !c.removed_school)
}

/// What deleting school `id` touches, with `ruled` the school of each district rule (an id per rule
/// and school); `None` when nothing needs asking (no file of it is merged, no rule assigns it).
pub fn consequence(
    schools: &[School],
    report: Option<&Report>,
    ruled: &[String],
    id: &str,
) -> Option<Consequence> {
    let school = schools.iter().find(|s| s.id == id)?;
    let c = report.and_then(|r| contribution_of(r, id));
    let rules = ruled.iter().filter(|r| *r == id).count();
    (c.is_some() || rules != 0).then(|| Consequence {
        name: school.name.trim().to_string(),
        merged: c.is_some(),
        filled_items: c.map_or(0, |c| c.items.iter().filter(|i| i.is_filled()).count()),
        rules,
    })
}

/// Deletes school `id`. Its merged text in the open `report` is kept under its name (`keep`) or taken
/// out; either way the school is held in `held` (replacing the one held before) for [`restore`].
/// Returns the name, or `None` when no school has that id.
pub fn remove_school(
    schools: &mut Vec<School>,
    report: Option<&mut Report>,
    held: &mut Option<RemovedSchool>,
    id: &str,
    keep: bool,
) -> Option<String> {
    let index = schools.iter().position(|s| s.id == id)?;
    let school = schools.remove(index);
    let year = report.as_ref().map(|r| r.year);
    let mut text = RemovedText::None;
    let mut taken = None;
    if let Some(r) = report {
        if let Some(at) = r
            .contributions
            .iter()
            .position(|c| c.school_id == id && !c.removed_school)
        {
            if keep {
                r.contributions[at].removed_school = true;
                text = RemovedText::Kept;
            } else {
                taken = Some(r.contributions.remove(at));
                text = RemovedText::Removed;
            }
        }
    }
    let name = school.name.trim().to_string();
    *held = Some(RemovedSchool {
        school,
        index,
        year,
        text,
        contribution: taken,
    });
    Some(name)
}

/// Brings the held school back to its place, with its text as it was in its report (when that report
/// is `report`). Returns its name; `None` when none is held, or a school with its id is in the list
/// again.
pub fn restore(
    schools: &mut Vec<School>,
    report: Option<&mut Report>,
    held: &mut Option<RemovedSchool>,
) -> Option<String> {
    let removed = held.take()?;
    if schools.iter().any(|s| s.id == removed.school.id) {
        *held = Some(removed);
        return None;
    }
    let id = removed.school.id.clone();
    let name = removed.school.name.trim().to_string();
    schools.insert(removed.index.min(schools.len()), removed.school);
    if let Some(r) = report.filter(|r| Some(r.year) == removed.year) {
        match (removed.text, removed.contribution) {
            (RemovedText::Removed, Some(c)) => {
                let key = contribution_order(&c.school_id);
                let at = r
                    .contributions
                    .partition_point(|x| contribution_order(&x.school_id) < key);
                r.contributions.insert(at, c);
            }
            _ => unmark(r, &id),
        }
    }
    Some(name)
}

fn unmark(report: &mut Report, id: &str) {
    if contribution_of(report, id).is_some() {
        return;
    }
    if let Some(c) = report
        .contributions
        .iter_mut()
        .find(|c| c.school_id == id && c.removed_school)
    {
        c.removed_school = false;
    }
}

/// Adds a school named `name`, with an id no school, kept text or held school uses, and brings back
/// the kept text of a deleted school of that name. Returns the new school's id.
pub fn add_school(
    schools: &mut Vec<School>,
    report: Option<&mut Report>,
    held: Option<&RemovedSchool>,
    name: &str,
    stage: Stage,
) -> String {
    let mut taken: Vec<School> = schools.clone();
    let ids = report
        .as_deref()
        .map(|r| {
            r.contributions
                .iter()
                .map(|c| c.school_id.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    taken.extend(
        ids.into_iter()
            .chain(held.map(|h| h.school.id.clone()))
            .map(|id| School {
                id,
                ..School::new(&[], "", Stage::Primary)
            }),
    );
    let school = School::new(&taken, name, stage);
    let id = school.id.clone();
    schools.push(school);
    if let Some(r) = report {
        relink(schools, r);
    }
    id
}

/// Gives the kept text of a deleted school back to a school of the list with the same name (trimmed)
/// that has no text of its own in `report`. Returns how many were given back.
pub fn relink(schools: &[School], report: &mut Report) -> usize {
    let mut n = 0;
    for s in schools {
        let name = s.name.trim();
        if name.is_empty() || contribution_of(report, &s.id).is_some() {
            continue;
        }
        if let Some(c) = report
            .contributions
            .iter_mut()
            .find(|c| c.removed_school && c.school_name.trim() == name)
        {
            c.school_id = s.id.clone();
            c.removed_school = false;
            n += 1;
        }
    }
    if n != 0 {
        report.contributions.sort_by(|a, b| {
            contribution_order(&a.school_id).cmp(&contribution_order(&b.school_id))
        });
    }
    n
}

/// The names of deleted schools whose text is kept in `report`.
pub fn kept_from_removed(report: &Report) -> Vec<String> {
    report
        .contributions
        .iter()
        .filter(|c| c.removed_school)
        .map(|c| c.school_name.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SubmissionItem;

    fn setup() -> (Vec<School>, Report) {
        let mut schools = Vec::new();
        let mut report = Report::blank(2020);
        for name in ["甲小学", "乙中学"] {
            add_school(&mut schools, Some(&mut report), None, name, Stage::Primary);
        }
        report.contributions.push(Contribution {
            school_id: schools[0].id.clone(),
            school_name: "甲小学".into(),
            items: vec![SubmissionItem {
                category: "students".into(),
                item: "x".into(),
                text: "内容".into(),
                ..SubmissionItem::default()
            }],
            ..Contribution::default()
        });
        (schools, report)
    }

    #[test]
    fn deleting_asks_only_for_a_school_with_a_merged_file_or_rules() {
        let (schools, report) = setup();
        let c = consequence(&schools, Some(&report), &[], &schools[0].id).unwrap();
        assert_eq!(
            (c.name.as_str(), c.merged, c.filled_items),
            ("甲小学", true, 1)
        );
        assert_eq!(
            consequence(&schools, Some(&report), &[], &schools[1].id),
            None
        );
        let ruled = [schools[1].id.clone(), schools[1].id.clone()];
        let c = consequence(&schools, Some(&report), &ruled, &schools[1].id).unwrap();
        assert_eq!((c.merged, c.rules), (false, 2));
    }

    #[test]
    fn kept_text_stays_marked_and_comes_back_with_the_name() {
        let (mut schools, mut report) = setup();
        let mut held = None;
        let id = schools[0].id.clone();
        remove_school(&mut schools, Some(&mut report), &mut held, &id, true).unwrap();
        assert_eq!(kept_from_removed(&report), ["甲小学"]);
        let new = add_school(
            &mut schools,
            Some(&mut report),
            held.as_ref(),
            "甲小学",
            Stage::Primary,
        );
        assert_ne!(new, id, "a new school never takes the id of a kept text");
        assert!(contribution_of(&report, &new).is_some());
        assert!(kept_from_removed(&report).is_empty());
    }

    #[test]
    fn removed_text_comes_back_with_restore_only() {
        let (mut schools, mut report) = setup();
        let before = (schools.clone(), report.clone());
        let mut held = None;
        let id = schools[0].id.clone();
        remove_school(&mut schools, Some(&mut report), &mut held, &id, false).unwrap();
        assert!(report.contributions.is_empty());
        assert_eq!(
            restore(&mut schools, Some(&mut report), &mut held).as_deref(),
            Some("甲小学")
        );
        assert_eq!((schools, report), before);
        assert!(held.is_none());
    }
}
