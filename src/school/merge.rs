//! Merging school submissions into the open report: a preview of every file of a batch (its school,
//! year and items, and what it would change) before anything is applied, then the merge.
//!
//! # Rules
//!
//! - A file that cannot be read (not JSON, another format, a bad field, time or date), whose content
//!   hash does not match its items, that is for another year or another unit than the open report, or
//!   from a school not in the workspace's school list, is **refused** with its reason; the other files
//!   of the batch go on.
//! - Files are ordered by their time (`created_at`), then, for the tie only a hand-edited file can
//!   produce, by hash, time text and school name. Per school, the **newest** file of the batch is the
//!   candidate; the school's other files in the batch are **superseded** (or the **same**, when
//!   identical to the candidate or to what is merged).
//! - Against the school's merged contribution, the candidate is **new** (none yet), **replaces** it
//!   (newer; the change is shown item by item), is the **same** (identical: nothing changes), or is
//!   **older**, which replaces the newer contribution only when the user confirms that file.
//!
//! So merging the same files in any order, in one batch or one by one, gives the same report
//! (`tests/school_merge.rs` checks it on generated batches). A contribution keeps its provenance: the
//! school id and name as the file gave them, the file's time and its hash.

use std::cmp::Ordering;

use super::file::FileError;
use super::submission::{read_submission, Submission};
use crate::dates::parse_time;
use crate::model::{contribution_order, Contribution, Report, School, SubmissionItem};

/// A file the user picked: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub name: String,
    pub text: String,
}

/// Why a file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a readable submission, or its hash does not match.
    Unreadable(FileError),
    /// No report is open.
    NoReport,
    OtherYear {
        file: u16,
        report: u16,
    },
    OtherUnit {
        file: String,
        report: String,
    },
    /// The school id is not in the workspace's school list.
    UnknownSchool {
        id: String,
        name: String,
    },
}

/// What a file does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Refused(Refusal),
    /// The school's first file for this report.
    New,
    /// Newer than the school's merged file (made at `previous`): replaces it.
    Replaces {
        previous: String,
    },
    /// Identical to the school's merged file or to another file of the batch: changes nothing.
    Same,
    /// File `by` of the batch, from the same school, is newer: this one is not used.
    Superseded {
        by: usize,
    },
    /// Older than the school's merged file (made at `current`): used only when confirmed.
    Older {
        current: String,
    },
}

/// How one item would change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Filled in the file, not in the merged contribution.
    Added,
    Changed,
    /// Filled in the merged contribution, empty or absent in the file.
    Removed,
    Unchanged,
    /// Empty in both.
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    pub name: String,
    pub kind: ChangeKind,
}

/// One file of the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReview {
    pub file: String,
    pub verdict: Verdict,
    /// The submission read from the file (`None` when it could not be read).
    pub submission: Option<Submission>,
    /// Item by item, against the school's merged contribution (empty for refused files).
    pub changes: Vec<ItemChange>,
}

impl FileReview {
    /// True when applying the batch uses this file (without confirmation).
    pub fn applies(&self) -> bool {
        matches!(self.verdict, Verdict::New | Verdict::Replaces { .. })
    }
}

/// The preview of a batch, file by file in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preview {
    pub files: Vec<FileReview>,
}

impl Preview {
    pub fn count(&self, f: impl Fn(&Verdict) -> bool) -> usize {
        self.files.iter().filter(|r| f(&r.verdict)).count()
    }
}

/// The order of files of one school: time, then hash, time text and name.
fn file_key(time: i64, hash: &str, created_at: &str, name: &str) -> (i64, String, String, String) {
    (
        time,
        hash.to_string(),
        created_at.to_string(),
        name.to_string(),
    )
}

fn submission_key(s: &Submission) -> (i64, String, String, String) {
    file_key(s.time(), &s.hash, &s.created_at, &s.school.name)
}

fn contribution_key(c: &Contribution) -> (i64, String, String, String) {
    let time = parse_time(&c.created_at).unwrap_or(i64::MIN);
    file_key(time, &c.hash, &c.created_at, &c.school_name)
}

/// Reads and checks one file against the open report and the school list.
fn check(
    report: Option<&Report>,
    schools: &[School],
    file: &Incoming,
) -> Result<Submission, Refusal> {
    let s = read_submission(&file.text).map_err(Refusal::Unreadable)?;
    let report = report.ok_or(Refusal::NoReport)?;
    if s.year != report.year {
        return Err(Refusal::OtherYear {
            file: s.year,
            report: report.year,
        });
    }
    if s.unit.trim() != report.unit_name.trim() {
        return Err(Refusal::OtherUnit {
            file: s.unit.clone(),
            report: report.unit_name.clone(),
        });
    }
    if !schools.iter().any(|x| x.id == s.school.id) {
        return Err(Refusal::UnknownSchool {
            id: s.school.id.clone(),
            name: s.school.name.clone(),
        });
    }
    Ok(s)
}

/// Item by item, what `incoming` would change against `merged`.
pub fn changes(merged: Option<&Contribution>, incoming: &[SubmissionItem]) -> Vec<ItemChange> {
    let mut out: Vec<ItemChange> = incoming
        .iter()
        .map(|i| {
            let old = merged.and_then(|c| c.item(&i.category, &i.item));
            let kind = match (old.filter(|o| o.is_filled()), i.is_filled()) {
                (None, false) => ChangeKind::Empty,
                (None, true) => ChangeKind::Added,
                (Some(_), false) => ChangeKind::Removed,
                (Some(o), true) if o == i => ChangeKind::Unchanged,
                (Some(_), true) => ChangeKind::Changed,
            };
            ItemChange {
                name: i.name.clone(),
                kind,
            }
        })
        .collect();
    if let Some(c) = merged {
        for old in &c.items {
            let gone = !incoming.iter().any(|i| i.key() == old.key());
            if gone && old.is_filled() {
                out.push(ItemChange {
                    name: old.name.clone(),
                    kind: ChangeKind::Removed,
                });
            }
        }
    }
    out
}

/// The preview of merging `files` into `report` (the open report) with the workspace's `schools`.
pub fn preview(report: Option<&Report>, schools: &[School], files: &[Incoming]) -> Preview {
    let checked: Vec<Result<Submission, Refusal>> =
        files.iter().map(|f| check(report, schools, f)).collect();
    let merged = |id: &str| report.and_then(|r| super::contribution_of(r, id));
    // The newest file of each school in the batch.
    let best = |id: &str| {
        checked
            .iter()
            .enumerate()
            .filter_map(|(n, c)| c.as_ref().ok().map(|s| (n, s)))
            .filter(|(_, s)| s.school.id == id)
            .max_by(|(na, a), (nb, b)| submission_key(a).cmp(&submission_key(b)).then(nb.cmp(na)))
            .map(|(n, s)| (n, submission_key(s)))
    };
    let files = files
        .iter()
        .zip(checked.iter())
        .enumerate()
        .map(|(n, (file, c))| {
            let s = match c {
                Err(refusal) => {
                    return FileReview {
                        file: file.name.clone(),
                        verdict: Verdict::Refused(refusal.clone()),
                        submission: None,
                        changes: Vec::new(),
                    }
                }
                Ok(s) => s,
            };
            let key = submission_key(s);
            let current = merged(&s.school.id);
            let current_key = current.map(contribution_key);
            let (best_n, best_key) = best(&s.school.id).unwrap_or((n, key.clone()));
            let verdict = if current_key.as_ref() == Some(&key) {
                Verdict::Same
            } else if best_n != n {
                if key == best_key {
                    Verdict::Same
                } else {
                    Verdict::Superseded { by: best_n }
                }
            } else {
                match (current, current_key.as_ref().map(|k| key.cmp(k))) {
                    (None, _) | (_, None) => Verdict::New,
                    (Some(c), Some(Ordering::Greater)) => Verdict::Replaces {
                        previous: c.created_at.clone(),
                    },
                    (Some(_), Some(Ordering::Equal)) => Verdict::Same,
                    (Some(c), Some(Ordering::Less)) => Verdict::Older {
                        current: c.created_at.clone(),
                    },
                }
            };
            FileReview {
                file: file.name.clone(),
                changes: changes(current, &s.items),
                verdict,
                submission: Some(s.clone()),
            }
        })
        .collect();
    Preview { files }
}

/// What applying a preview did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    pub added: usize,
    pub replaced: usize,
}

/// Puts `s` into `report` as its school's contribution: when the school has none, when `s` is newer,
/// or when `force` (a confirmed older file). Returns whether it was added, replaced, or neither.
pub fn merge_one(report: &mut Report, s: &Submission, force: bool) -> Applied {
    let mut items = s.items.clone();
    items.sort_by(|a, b| a.key().cmp(&b.key()));
    let contribution = Contribution {
        school_id: s.school.id.clone(),
        school_name: s.school.name.clone(),
        created_at: s.created_at.clone(),
        hash: s.hash.clone(),
        items,
        removed_school: false,
    };
    let list = &mut report.contributions;
    match list
        .iter()
        .position(|c| c.school_id == s.school.id && !c.removed_school)
    {
        Some(at) => {
            let ordering = submission_key(s).cmp(&contribution_key(&list[at]));
            if ordering == Ordering::Greater || (force && ordering == Ordering::Less) {
                list[at] = contribution;
                Applied {
                    added: 0,
                    replaced: 1,
                }
            } else {
                Applied::default()
            }
        }
        None => {
            let at = list.partition_point(|c| {
                contribution_order(&c.school_id) < contribution_order(&s.school.id)
            });
            list.insert(at, contribution);
            Applied {
                added: 1,
                replaced: 0,
            }
        }
    }
}

/// Applies a preview to `report`: every new or newer file, and the older files whose index is in
/// `confirmed`.
pub fn apply(report: &mut Report, preview: &Preview, confirmed: &[usize]) -> Applied {
    let mut total = Applied::default();
    for (n, review) in preview.files.iter().enumerate() {
        let older = matches!(review.verdict, Verdict::Older { .. });
        let chosen = review.applies() || (older && confirmed.contains(&n));
        if let (true, Some(s)) = (chosen, &review.submission) {
            let done = merge_one(report, s, older);
            total.added += done.added;
            total.replaced += done.replaced;
        }
    }
    total
}
