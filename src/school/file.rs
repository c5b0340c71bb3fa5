//! Reading the two school file formats (filling pack, submission): the checks they share (text,
//! JSON, `format`, `schema_version`, typed fields) and their errors, which `text::school` words in
//! Chinese. No serde message ever reaches the user: a bad field is reported by its path.

use serde::de::DeserializeOwned;
use serde_json::Value;
use thiserror::Error;

use crate::excerpt::excerpt;
use crate::model::YEAR_RANGE;

/// Why a pack or a submission file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    #[error("empty file")]
    Empty,
    /// Not JSON: where (1-based), and whether the text ended early (serde_json's `Category::Eof`).
    #[error("not JSON at line {line} column {column}")]
    NotJson {
        line: usize,
        column: usize,
        truncated: bool,
    },
    #[error("top level is not an object")]
    NotAnObject,
    /// `format` is not the one expected (`found`, an excerpt of it, is empty when it is missing).
    #[error("format {found:?} instead of {expected}")]
    WrongFormat {
        expected: &'static str,
        found: String,
    },
    #[error("schema_version missing or not a number")]
    MissingVersion,
    #[error("schema_version {0} is newer than this build")]
    TooNew(u64),
    /// A field is missing or has the wrong type: its path, e.g. `items[2].counts[0].value`.
    #[error("field {0}")]
    BadField(String),
    #[error("year {0} out of range")]
    BadYear(u16),
    #[error("created_at {0:?} is not an RFC 3339 time")]
    BadTime(String),
    #[error("date {0:?} is not YYYY-MM-DD")]
    BadDate(String),
    #[error("a count is larger than 2^53 - 1")]
    CountTooLarge,
    /// The same item (or school id) twice.
    #[error("{0} appears twice")]
    Duplicate(String),
    #[error("no school id")]
    NoSchool,
    #[error("no items")]
    NoItems,
    /// The content hash does not match the items: the file was changed or damaged.
    #[error("content hash does not match")]
    WrongHash,
}

/// Parses `raw` (a leading BOM tolerated) as the JSON object of format `format`, version at most
/// `version`, into `T`.
pub fn read_typed<T: DeserializeOwned>(
    raw: &str,
    format: &'static str,
    version: u32,
) -> Result<T, FileError> {
    let raw = raw.trim_start_matches('\u{feff}');
    if raw.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let value: Value = serde_json::from_str(raw).map_err(|e| FileError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
    })?;
    let Value::Object(obj) = &value else {
        return Err(FileError::NotAnObject);
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == format => {}
        other => {
            return Err(FileError::WrongFormat {
                expected: format,
                found: match other {
                    Some(Value::String(f)) => excerpt(f),
                    Some(v) => excerpt(&v.to_string()),
                    None => String::new(),
                },
            })
        }
    }
    let found = obj
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(FileError::MissingVersion)?;
    if found > u64::from(version) {
        return Err(FileError::TooNew(found));
    }
    read_value(value)
}

/// Reads an already parsed JSON value into `T`; a field that is missing or of the wrong type is
/// reported by its path ([`FileError::BadField`]), never by serde's message.
pub fn read_value<T: DeserializeOwned>(value: Value) -> Result<T, FileError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        // A missing field is reported at the object that lacks it: name the field itself.
        let path = e.path().to_string();
        let message = e.inner().to_string();
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|m| m.split('`').next());
        FileError::BadField(match (missing, path.as_str()) {
            (Some(field), ".") => field.to_string(),
            (Some(field), _) => format!("{path}.{field}"),
            (None, _) => path,
        })
    })
}

/// Refuses a year outside the app's range.
pub fn check_year(year: u16) -> Result<(), FileError> {
    if YEAR_RANGE.contains(&year) {
        Ok(())
    } else {
        Err(FileError::BadYear(year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct T {
        format: String,
        schema_version: u32,
        n: u8,
    }

    fn read(raw: &str) -> Result<T, FileError> {
        read_typed(raw, "f", 1)
    }

    #[test]
    fn each_kind_of_bad_file() {
        assert!(read("\u{feff}{\"format\":\"f\",\"schema_version\":1,\"n\":3}").is_ok());
        assert_eq!(read(" ").unwrap_err(), FileError::Empty);
        assert_eq!(
            read("{").unwrap_err(),
            FileError::NotJson {
                line: 1,
                column: 1,
                truncated: true
            }
        );
        assert_eq!(
            read("{\n \"format\": f}").unwrap_err(),
            FileError::NotJson {
                line: 2,
                column: 13,
                truncated: false
            }
        );
        assert_eq!(read("[]").unwrap_err(), FileError::NotAnObject);
        assert_eq!(
            read(r#"{"format":"g"}"#).unwrap_err(),
            FileError::WrongFormat {
                expected: "f",
                found: "g".into()
            }
        );
        assert_eq!(
            read(r#"{"schema_version":1}"#).unwrap_err(),
            FileError::WrongFormat {
                expected: "f",
                found: String::new()
            }
        );
        assert_eq!(
            read(r#"{"format":"f","schema_version":"1"}"#).unwrap_err(),
            FileError::MissingVersion
        );
        assert_eq!(
            read(r#"{"format":"f","schema_version":2}"#).unwrap_err(),
            FileError::TooNew(2)
        );
        assert_eq!(
            read(r#"{"format":"f","schema_version":1,"n":300}"#).unwrap_err(),
            FileError::BadField("n".into())
        );
        assert_eq!(
            read(r#"{"format":"f","schema_version":1}"#).unwrap_err(),
            FileError::BadField("n".into())
        );
        assert_eq!(check_year(1999), Err(FileError::BadYear(1999)));
    }

    /// Issue 22: a 6,000-character `format` (a text, or another value) is kept as a short excerpt.
    #[test]
    fn a_long_format_is_kept_as_an_excerpt() {
        let long = "格".repeat(6_000);
        for format in [format!("\"{long}\""), format!("[\"{long}\"]")] {
            let Err(FileError::WrongFormat { found, .. }) = read(&format!(
                r#"{{"format":{format},"schema_version":1,"n":1}}"#
            )) else {
                panic!("read");
            };
            assert!(found.chars().count() <= 50, "{}", found.chars().count());
            assert!(found.contains("格格格"), "{}", excerpt(&found));
        }
    }
}
