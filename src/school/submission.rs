//! The submission file (`<学校>-<年度>.gongkai-submission.json`): one school's items for one year,
//! with the school id and name, the unit, the time it was made (the caller's clock) and the content
//! hash over the canonical items (`canonical`), so that a changed or damaged file is detected.
//! Reading checks everything a merge relies on and never panics (`tests/school_fuzz.rs`).

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::canonical::{content_hash, MAX_COUNT};
use super::file::{check_year, read_typed, FileError};
use crate::backup::safe_file_stem;
use crate::dates::{parse_date, parse_time};
use crate::model::SubmissionItem;

/// `format` of a submission.
pub const SUBMISSION_FORMAT: &str = "gongkai-submission";
/// The submission version this build writes and the newest it reads.
pub const SUBMISSION_VERSION: u32 = 1;
/// File-name suffix of a submission.
pub const SUBMISSION_SUFFIX: &str = ".gongkai-submission.json";

/// The school a submission is from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionSchool {
    pub id: String,
    pub name: String,
}

/// A submission file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub format: String,
    pub schema_version: u32,
    pub school: SubmissionSchool,
    pub unit: String,
    pub year: u16,
    /// When the school exported it (RFC 3339, the school's clock).
    pub created_at: String,
    pub items: Vec<SubmissionItem>,
    /// `sha256:<hex>` over the canonical items.
    pub hash: String,
}

impl Submission {
    /// A submission of `items`, with its hash.
    pub fn new(
        school: SubmissionSchool,
        unit: &str,
        year: u16,
        created_at: &str,
        items: Vec<SubmissionItem>,
    ) -> Submission {
        Submission {
            format: SUBMISSION_FORMAT.to_string(),
            schema_version: SUBMISSION_VERSION,
            hash: content_hash(&items),
            school,
            unit: unit.to_string(),
            year,
            created_at: created_at.to_string(),
            items,
        }
    }

    /// The file's time in milliseconds since the epoch (checked by the reader).
    pub fn time(&self) -> i64 {
        parse_time(&self.created_at).unwrap_or(i64::MIN)
    }
}

/// The file's text (indented JSON).
pub fn write_submission(s: &Submission) -> String {
    serde_json::to_string_pretty(s).unwrap_or_default()
}

/// `<学校>-<年度>.gongkai-submission.json`.
pub fn submission_file_name(s: &Submission) -> String {
    format!(
        "{}{SUBMISSION_SUFFIX}",
        safe_file_stem(&format!("{}-{}", s.school.name.trim(), s.year))
    )
}

/// Reads a submission file: format, version and types, the year, the time, every date and count,
/// no item twice, and the content hash.
pub fn read_submission(raw: &str) -> Result<Submission, FileError> {
    let s: Submission = read_typed(raw, SUBMISSION_FORMAT, SUBMISSION_VERSION)?;
    check_year(s.year)?;
    if s.school.id.trim().is_empty() {
        return Err(FileError::NoSchool);
    }
    if parse_time(&s.created_at).is_none() {
        return Err(FileError::BadTime(s.created_at));
    }
    let mut keys = HashSet::new();
    for item in &s.items {
        if !keys.insert(item.key()) {
            return Err(FileError::Duplicate(item.name.clone()));
        }
        if let Some(d) = item.dates.iter().find(|d| parse_date(d).is_none()) {
            return Err(FileError::BadDate(d.clone()));
        }
        if item
            .counts
            .iter()
            .any(|c| c.value.is_some_and(|v| v > MAX_COUNT))
        {
            return Err(FileError::CountTooLarge);
        }
    }
    if content_hash(&s.items) != s.hash {
        return Err(FileError::WrongHash);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SchoolCount;

    fn sample() -> Submission {
        Submission::new(
            SubmissionSchool {
                id: "school-1".into(),
                name: "汽开区第一实验小学".into(),
            },
            "汽开区教育局",
            2020,
            "2020-12-01T08:00:00.000Z",
            vec![SubmissionItem {
                category: "policy-execution".into(),
                item: "open-day".into(),
                name: "学校开放日及信息公开活动".into(),
                text: "每学期举办开放日。".into(),
                counts: vec![SchoolCount {
                    label: "举办学校开放日".into(),
                    unit: "次".into(),
                    value: Some(2),
                }],
                dates: vec!["2020-05-01".into(), "2020-11-12".into()],
                channels_used: vec!["两微一端".into()],
            }],
        )
    }

    #[test]
    fn write_then_read_gives_the_same_submission() {
        let s = sample();
        let text = write_submission(&s);
        assert_eq!(read_submission(&text), Ok(s.clone()));
        assert_eq!(
            submission_file_name(&s),
            "汽开区第一实验小学-2020.gongkai-submission.json"
        );
        // Reformatting the file (other indentation, keys in another order) keeps it valid.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read_submission(&value.to_string()), Ok(s));
    }

    #[test]
    fn any_change_to_the_items_breaks_the_hash() {
        let mut s = sample();
        s.items[0].text.push('。');
        assert_eq!(
            read_submission(&write_submission(&s)),
            Err(FileError::WrongHash)
        );
        let mut s = sample();
        s.items[0].counts[0].value = Some(3);
        assert_eq!(
            read_submission(&write_submission(&s)),
            Err(FileError::WrongHash)
        );
        // The school, year and unit are outside the hash: the merge checks them against the report.
        let mut s = sample();
        s.unit = "别的单位".into();
        assert!(read_submission(&write_submission(&s)).is_ok());
    }

    #[test]
    fn bad_values_are_refused_by_name() {
        let with = |f: &dyn Fn(&mut Submission)| {
            let mut s = sample();
            f(&mut s);
            s.hash = content_hash(&s.items);
            read_submission(&write_submission(&s))
        };
        assert_eq!(
            with(&|s| s.items[0].dates[0] = "2020-02-30".into()),
            Err(FileError::BadDate("2020-02-30".into()))
        );
        assert_eq!(
            with(&|s| s.items[0].counts[0].value = Some(MAX_COUNT + 1)),
            Err(FileError::CountTooLarge)
        );
        assert_eq!(
            with(&|s| s.created_at = "2020-12-01".into()),
            Err(FileError::BadTime("2020-12-01".into()))
        );
        assert_eq!(
            with(&|s| s.school.id = " ".into()),
            Err(FileError::NoSchool)
        );
        assert_eq!(with(&|s| s.year = 3000), Err(FileError::BadYear(3000)));
        assert!(matches!(
            with(&|s| {
                let i = s.items[0].clone();
                s.items.push(i)
            }),
            Err(FileError::Duplicate(_))
        ));
        assert_eq!(
            read_submission(r#"{"format":"gongkai-submission","schema_version":1,"year":2020}"#),
            Err(FileError::BadField("school".into()))
        );
    }
}
