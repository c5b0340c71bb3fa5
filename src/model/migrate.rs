//! Reading a workspace from JSON: format and version checks, migrations from every older schema, typed
//! parse, and the checks that let in only what the app can show (limits, catalogue keys, unique ids).

use std::collections::BTreeSet;

use serde_json::{Map, Value};
use thiserror::Error;

use super::{school_number, Workspace, SCHEMA_VERSION, WORKSPACE_FORMAT, YEAR_RANGE};
use crate::catalog;
use crate::cell::MAX_CELL;
use crate::excerpt::{excerpt, excerpt_to};

/// Schema versions this build can read (older ones are migrated).
pub const SUPPORTED_SCHEMA: std::ops::RangeInclusive<u32> = 0..=SCHEMA_VERSION;

/// The longest text a single field (or object key) may hold, in bytes of UTF-8: 1 MB. Browser storage
/// holds about 5 MB in all, and no report section comes near this.
pub const MAX_FIELD_BYTES: usize = 1_000_000;

/// How many characters of a field path a message quotes (paths can contain keys from the file).
const PATH_CHARS: usize = 80;

/// Why a workspace file or stored value could not be read. Chinese messages live in `text`; every
/// string taken from the input is a short excerpt (`crate::excerpt`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("empty input")]
    Empty,
    /// `truncated`: the text ended early (serde_json's `Category::Eof`). `detail` is serde's
    /// English, for developers only; it is never shown.
    #[error("not JSON at line {line} column {column}: {detail}")]
    NotJson {
        line: usize,
        column: usize,
        truncated: bool,
        detail: String,
    },
    #[error("top level is not an object")]
    NotAnObject,
    #[error("format is {0:?}, not a gongkai workspace")]
    WrongFormat(String),
    #[error("schema_version missing or not a number")]
    MissingVersion,
    #[error("schema_version {0} is newer than this build")]
    TooNew(u64),
    #[error("field {path}: {problem:?}")]
    BadField { path: String, problem: FieldProblem },
    #[error("report stored under {key} says year {year}")]
    YearMismatch { key: u16, year: u16 },
    #[error("year {0} out of range")]
    YearOutOfRange(u16),
    /// A text longer than [`MAX_FIELD_BYTES`].
    #[error("field {path} holds {bytes} bytes")]
    TooLong { path: String, bytes: usize },
    /// A category key the catalogue does not have.
    #[error("report {year}: unknown category {key:?}")]
    UnknownCategory { year: u16, key: String },
    #[error("report {year}: category {key:?} appears twice")]
    DuplicateCategory { year: u16, key: String },
    /// Two items of one category with the same id.
    #[error("report {year}: category {category:?} has item id {id:?} twice")]
    DuplicateItem {
        year: u16,
        category: String,
        id: String,
    },
    /// A table cell key outside the catalogue (`catalog::all_cell_keys`).
    #[error("report {year}: unknown table cell {key:?}")]
    UnknownCell { year: u16, key: String },
    /// A school id not of the form `school-N` (`school::school_number`); an excerpt of it.
    #[error("school id {0:?} is not of the form school-N")]
    BadSchoolId(String),
    /// Two schools of the list with one id.
    #[error("school id {0:?} appears twice")]
    DuplicateSchoolId(String),
}

impl LoadError {
    /// The same error with field paths under `prefix` (the workspace inside a storage envelope).
    pub fn within(self, prefix: &str) -> LoadError {
        let join = |path: String| excerpt_to(&format!("{prefix}.{path}"), PATH_CHARS);
        match self {
            LoadError::BadField { path, problem } => LoadError::BadField {
                path: join(path),
                problem,
            },
            LoadError::TooLong { path, bytes } => LoadError::TooLong {
                path: join(path),
                bytes,
            },
            other => other,
        }
    }
}

/// What is wrong with one field, classified from the deserializer's error so that no English reaches
/// the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// A value of the wrong kind.
    WrongType {
        expected: ValueKind,
        found: ValueKind,
    },
    /// Not one of the words the field allows (`found` is an excerpt).
    UnknownValue { found: String, allowed: Vec<String> },
    /// A required field is missing.
    Missing(String),
    /// A field appears twice in one object.
    Duplicate(String),
    /// A number outside the field's range (a year above 65535, a count above `cell::MAX_CELL`).
    OutOfRange,
    /// Anything else.
    Invalid,
}

/// The kinds of JSON value a message names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Integer,
    Number,
    Boolean,
    List,
    Object,
    Null,
    Other,
}

impl FieldProblem {
    /// Classifies a message of serde / serde_json (“invalid type: integer `42`, expected a string”, “unknown
    /// variant `x`, expected one of `a`, `b`”, “missing field `year`” …).
    pub fn from_serde(message: &str) -> FieldProblem {
        // serde_json appends “ at line L column C” to errors from text; not to errors from a Value.
        let message = match message.rfind(" at line ") {
            Some(i) if message[i..].contains(" column ") => &message[..i],
            _ => message,
        };
        let quoted = |rest: &str| -> String {
            let inner = rest.strip_prefix('`').unwrap_or(rest);
            excerpt(inner.strip_suffix('`').unwrap_or(inner))
        };
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            return FieldProblem::WrongType {
                expected: ValueKind::from_expected(expected),
                found: ValueKind::from_unexpected(found),
            };
        }
        if let Some(rest) = message.strip_prefix("invalid value: ") {
            let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            let integer = |k| matches!(k, ValueKind::Integer | ValueKind::Number);
            return if integer(ValueKind::from_unexpected(found))
                && integer(ValueKind::from_expected(expected))
            {
                FieldProblem::OutOfRange
            } else {
                FieldProblem::Invalid
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            let expected = expected.strip_prefix("one of ").unwrap_or(expected);
            let allowed = expected
                .split([',', ' '])
                .filter(|w| w.starts_with('`') && w.ends_with('`') && w.len() > 1)
                .map(quoted)
                .collect();
            return FieldProblem::UnknownValue {
                found: quoted(found),
                allowed,
            };
        }
        if let Some(rest) = message.strip_prefix("missing field ") {
            return FieldProblem::Missing(quoted(rest));
        }
        if let Some(rest) = message.strip_prefix("duplicate field ") {
            return FieldProblem::Duplicate(quoted(rest));
        }
        FieldProblem::Invalid
    }
}

impl ValueKind {
    /// From serde's description of the value found (“integer `42`”, “string \"x\"”, “map” …).
    fn from_unexpected(found: &str) -> ValueKind {
        let f = found.trim();
        if f.starts_with("string") || f.starts_with("character") {
            ValueKind::Text
        } else if f.starts_with("integer") {
            ValueKind::Integer
        } else if f.starts_with("floating point") {
            ValueKind::Number
        } else if f.starts_with("boolean") {
            ValueKind::Boolean
        } else if f.starts_with("sequence") {
            ValueKind::List
        } else if f.starts_with("map") {
            ValueKind::Object
        } else if f.starts_with("unit") || f.starts_with("null") {
            ValueKind::Null
        } else {
            ValueKind::Other
        }
    }

    /// From serde's description of what was expected (“a string”, “u16”, “struct Report” …).
    fn from_expected(expected: &str) -> ValueKind {
        let e = expected.trim();
        let integer = [
            "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        ];
        if e.contains("string") || e.contains("variant") || e.contains("char") {
            ValueKind::Text
        } else if integer.contains(&e) || e.contains("integer") {
            ValueKind::Integer
        } else if e == "f32" || e == "f64" || e.contains("float") {
            ValueKind::Number
        } else if e.contains("boolean") {
            ValueKind::Boolean
        } else if e.contains("sequence") || e.contains("tuple") {
            ValueKind::List
        } else if e.starts_with("struct") || e.contains("map") {
            ValueKind::Object
        } else {
            ValueKind::Other
        }
    }
}

/// Parses a workspace of any supported schema version and migrates it to the current one.
pub fn parse_workspace(raw: &str) -> Result<Workspace, LoadError> {
    let raw = raw.trim_start_matches('\u{feff}');
    if raw.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let value: Value = serde_json::from_str(raw).map_err(|e| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
        detail: e.to_string(),
    })?;
    workspace_from_value(value)
}

/// Same as [`parse_workspace`], for an already parsed JSON value.
pub fn workspace_from_value(value: Value) -> Result<Workspace, LoadError> {
    let Value::Object(mut obj) = value else {
        return Err(LoadError::NotAnObject);
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == WORKSPACE_FORMAT => {}
        Some(Value::String(f)) => return Err(LoadError::WrongFormat(excerpt(f))),
        Some(other) => return Err(LoadError::WrongFormat(excerpt(&other.to_string()))),
        None => return Err(LoadError::WrongFormat(String::new())),
    }
    let version = obj
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(LoadError::MissingVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::TooNew(version));
    }
    if version == 0 {
        obj = migrate_v0_to_v1(obj);
    }
    if version <= 1 {
        obj = migrate_v1_to_v2(obj);
    }
    if version <= 2 {
        obj = migrate_v2_to_v3(obj);
    }
    if version <= 3 {
        obj = migrate_v3_to_v4(obj);
    }
    if version <= 4 {
        obj = migrate_v4_to_v5(obj);
    }
    let value = Value::Object(obj);
    check_lengths(&value, &mut String::new())?;
    let ws: Workspace =
        serde_path_to_error::deserialize(value).map_err(|e| LoadError::BadField {
            path: excerpt_to(&e.path().to_string(), PATH_CHARS),
            problem: FieldProblem::from_serde(&e.inner().to_string()),
        })?;
    validate(ws)
}

/// Refuses any string or object key longer than [`MAX_FIELD_BYTES`], naming its path.
fn check_lengths(value: &Value, path: &mut String) -> Result<(), LoadError> {
    let too_long = |path: &str, bytes: usize| LoadError::TooLong {
        path: excerpt_to(if path.is_empty() { "." } else { path }, PATH_CHARS),
        bytes,
    };
    match value {
        Value::String(s) if s.len() > MAX_FIELD_BYTES => Err(too_long(path, s.len())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_lengths(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                if key.len() > MAX_FIELD_BYTES {
                    path.push_str(&excerpt(key));
                    return Err(too_long(path, key.len()));
                }
                path.push_str(key);
                check_lengths(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// What the typed parse cannot check: year keys, catalogue keys, unique ids, bounded counts.
fn validate(mut ws: Workspace) -> Result<Workspace, LoadError> {
    let mut school_ids = BTreeSet::new();
    for school in &ws.schools {
        if school_number(&school.id).is_none() {
            return Err(LoadError::BadSchoolId(excerpt(&school.id)));
        }
        if !school_ids.insert(school.id.as_str()) {
            return Err(LoadError::DuplicateSchoolId(school.id.clone()));
        }
    }
    let cell_keys = catalog::all_cell_keys();
    for (key, report) in &ws.reports {
        if *key != report.year {
            return Err(LoadError::YearMismatch {
                key: *key,
                year: report.year,
            });
        }
        if !YEAR_RANGE.contains(key) {
            return Err(LoadError::YearOutOfRange(*key));
        }
        let year = *key;
        let mut seen = BTreeSet::new();
        for (c, category) in report.categories.iter().enumerate() {
            if catalog::category(&category.key).is_none() {
                return Err(LoadError::UnknownCategory {
                    year,
                    key: excerpt(&category.key),
                });
            }
            if !seen.insert(category.key.as_str()) {
                return Err(LoadError::DuplicateCategory {
                    year,
                    key: category.key.clone(),
                });
            }
            let mut ids = BTreeSet::new();
            for (i, item) in category.items.iter().enumerate() {
                if !ids.insert(item.id.as_str()) {
                    return Err(LoadError::DuplicateItem {
                        year,
                        category: category.key.clone(),
                        id: excerpt(&item.id),
                    });
                }
                if let Some(n) = item.counts.iter().position(|c| c.value > MAX_CELL as u64) {
                    return Err(LoadError::BadField {
                        path: format!(
                            "reports.{year}.categories[{c}].items[{i}].counts[{n}].value"
                        ),
                        problem: FieldProblem::OutOfRange,
                    });
                }
            }
        }
        if let Some(k) = report.tables.0.keys().find(|k| !cell_keys.contains(*k)) {
            return Err(LoadError::UnknownCell {
                year,
                key: excerpt(k),
            });
        }
    }
    if ws.current_year.is_none_or(|y| !ws.reports.contains_key(&y)) {
        ws.current_year = ws.reports.keys().next_back().copied();
    }
    ws.schema_version = SCHEMA_VERSION;
    Ok(ws)
}

/// v2 had no school list and no district data: both start empty.
fn migrate_v2_to_v3(mut obj: Map<String, Value>) -> Map<String, Value> {
    obj.insert("schema_version".into(), Value::from(3));
    obj.entry("schools")
        .or_insert_with(|| Value::Array(Vec::new()));
    obj.entry("districts")
        .or_insert_with(|| Value::Object(Map::new()));
    obj
}

/// v0 (pre-release files) held a single report flat at the top level, 二、工作开展情况 as one text with
/// one point per line, and table cells under `table2` keyed `block.row.column`.
fn migrate_v0_to_v1(old: Map<String, Value>) -> Map<String, Value> {
    let text = |k: &str| old.get(k).cloned().unwrap_or(Value::String(String::new()));
    let sections = old
        .get("sections")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let section = |k: &str| {
        sections
            .get(k)
            .cloned()
            .unwrap_or(Value::String(String::new()))
    };
    let work_items: Vec<Value> = sections
        .get("work")
        .and_then(Value::as_str)
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Value::String(l.to_string()))
        .collect();
    let mut tables = Map::new();
    if let Some(cells) = old.get("table2").and_then(Value::as_object) {
        for (k, v) in cells {
            tables.insert(format!("t2/{}", k.replace('.', "/")), v.clone());
        }
    }
    let year = old.get("year").cloned().unwrap_or(Value::Null);
    let mut report = Map::new();
    report.insert("year".into(), year.clone());
    report.insert("unit_name".into(), text("unit_name"));
    report.insert("region".into(), text("region"));
    if let Some(s) = old.get("structure") {
        report.insert("structure".into(), s.clone());
    }
    let mut narrative = Map::new();
    narrative.insert("preamble".into(), section("preamble"));
    narrative.insert("goals".into(), section("goals"));
    narrative.insert("work_items".into(), Value::Array(work_items));
    narrative.insert("problems".into(), section("problems"));
    narrative.insert("other".into(), section("other"));
    report.insert("narrative".into(), Value::Object(narrative));
    report.insert("tables".into(), Value::Object(tables));

    let mut reports = Map::new();
    let key = match &year {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => "0".to_string(),
    };
    reports.insert(key, Value::Object(report));
    let mut new = Map::new();
    new.insert("format".into(), Value::String(WORKSPACE_FORMAT.into()));
    new.insert("schema_version".into(), Value::from(1));
    new.insert("current_year".into(), year);
    new.insert("reports".into(), Value::Object(reports));
    new
}

/// v2 adds `graphic_in_html` to each report (the graphic after the title of the HTML export), off
/// for reports written before it existed.
fn migrate_v1_to_v2(mut obj: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(reports)) = obj.get_mut("reports") {
        for report in reports.values_mut() {
            if let Value::Object(r) = report {
                r.entry("graphic_in_html").or_insert(Value::Bool(false));
            }
        }
    }
    obj.insert("schema_version".into(), Value::from(2));
    obj
}

/// v4 adds `no_cases` to each report (表三/表四 marked 本年度无相关情况), absent meaning unmarked. v4
/// also began checking imports against the catalogue and the limits of `validate`; an older file that
/// breaks them is refused like any other.
fn migrate_v3_to_v4(mut obj: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(reports)) = obj.get_mut("reports") {
        for report in reports.values_mut() {
            if let Value::Object(r) = report {
                r.entry("no_cases")
                    .or_insert_with(|| serde_json::json!({ "table3": false, "table4": false }));
            }
        }
    }
    obj.insert("schema_version".into(), Value::from(4));
    obj
}

/// v4 had no school assignments: every catalogue item that schools fill by default (the seed's
/// school-published items, `catalog::ItemDef::schools`) gets its default assignment; other items stay
/// unassigned. Reports get an empty list of merged contributions.
fn migrate_v4_to_v5(mut obj: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(reports)) = obj.get_mut("reports") {
        for report in reports.values_mut() {
            let Value::Object(r) = report else { continue };
            r.entry("contributions")
                .or_insert_with(|| Value::Array(Vec::new()));
            let Some(Value::Array(categories)) = r.get_mut("categories") else {
                continue;
            };
            for category in categories {
                let Value::Object(c) = category else { continue };
                let key = c
                    .get("key")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let Some(Value::Array(items)) = c.get_mut("items") else {
                    continue;
                };
                for item in items {
                    let Value::Object(i) = item else { continue };
                    let id = i.get("id").and_then(Value::as_str).unwrap_or("");
                    let task = crate::catalog::default_item(&key, id).map(|d| d.school_task());
                    if let Some(task) = task.filter(|t| t.assigned) {
                        i.entry("schools")
                            .or_insert_with(|| serde_json::to_value(task).unwrap_or(Value::Null));
                    }
                }
            }
        }
    }
    obj.insert("schema_version".into(), Value::from(5));
    obj
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_workspace_parses() {
        let ws = Workspace::blank(2021);
        let back = parse_workspace(&serde_json::to_string(&ws).unwrap()).unwrap();
        assert_eq!(back, ws);
    }

    #[test]
    fn bom_is_ignored() {
        let json = format!(
            "\u{feff}{}",
            serde_json::to_string(&Workspace::blank(2021)).unwrap()
        );
        assert!(parse_workspace(&json).is_ok());
    }

    #[test]
    fn rejects_each_kind_of_bad_input() {
        assert_eq!(parse_workspace("  "), Err(LoadError::Empty));
        assert!(matches!(
            parse_workspace("{\"format\": "),
            Err(LoadError::NotJson {
                line: 1,
                truncated: true,
                ..
            })
        ));
        assert!(matches!(
            parse_workspace("{\n  \"format\": x}"),
            Err(LoadError::NotJson {
                line: 2,
                truncated: false,
                ..
            })
        ));
        assert_eq!(parse_workspace("[1,2]"), Err(LoadError::NotAnObject));
        assert_eq!(
            parse_workspace(r#"{"format":"other","schema_version":1}"#),
            Err(LoadError::WrongFormat("other".into()))
        );
        assert_eq!(
            parse_workspace(r#"{"schema_version":1}"#),
            Err(LoadError::WrongFormat(String::new()))
        );
        assert_eq!(
            parse_workspace(r#"{"format":"gongkai-workspace"}"#),
            Err(LoadError::MissingVersion)
        );
        assert_eq!(
            parse_workspace(r#"{"format":"gongkai-workspace","schema_version":"1"}"#),
            Err(LoadError::MissingVersion)
        );
        assert_eq!(
            parse_workspace(r#"{"format":"gongkai-workspace","schema_version":99}"#),
            Err(LoadError::TooNew(99))
        );
    }

    /// Issue 22: a backup holding the school id `school-18446744073709551615` was accepted, and the
    /// next new school's id (one above the highest) then overflowed. Only `school-N` with N from 1 to
    /// nine digits is read, each id once.
    #[test]
    fn school_ids_outside_the_format_are_refused() {
        use crate::model::{School, Stage};
        let with_ids = |ids: &[&str]| {
            let mut ws = Workspace::blank(2020);
            for id in ids {
                let mut s = School::new(&ws.schools, "甲小学", Stage::Primary);
                s.id = id.to_string();
                ws.schools.push(s);
            }
            parse_workspace(&serde_json::to_string(&ws).unwrap())
        };
        assert_eq!(
            with_ids(&["school-1", "school-18446744073709551615"]),
            Err(LoadError::BadSchoolId("school-18446744073709551615".into()))
        );
        for bad in [
            "school-0",
            "school-01",
            "school-1000000000",
            "school-",
            "school-+1",
            "school-1 ",
            "School-1",
            "x",
            "",
        ] {
            assert_eq!(
                with_ids(&[bad]),
                Err(LoadError::BadSchoolId(bad.into())),
                "{bad:?}"
            );
        }
        let long = format!("school-{}", "9".repeat(6_000));
        match with_ids(&[&long]) {
            Err(LoadError::BadSchoolId(id)) => assert!(id.chars().count() <= 41, "{id}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            with_ids(&["school-2", "school-7", "school-2"]),
            Err(LoadError::DuplicateSchoolId("school-2".into()))
        );
        let ws = with_ids(&["school-1", "school-999999999", "school-20"]).unwrap();
        assert_eq!(ws.schools.len(), 3);
    }

    #[test]
    fn wrong_type_names_the_field() {
        let raw = r#"{"format":"gongkai-workspace","schema_version":2,
            "reports":{"2020":{"year":2020,"unit_name":42}}}"#;
        match parse_workspace(raw) {
            Err(LoadError::BadField { path, .. }) => assert_eq!(path, "reports.2020.unit_name"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn v1_and_v2_get_an_empty_school_list_and_district_data() {
        let raw =
            r#"{"format":"gongkai-workspace","schema_version":1,"reports":{"2020":{"year":2020}}}"#;
        let ws = parse_workspace(raw).unwrap();
        assert_eq!(ws.schema_version, SCHEMA_VERSION);
        assert!(ws.schools.is_empty());
        assert!(ws.districts.is_empty());
    }

    #[test]
    fn bad_district_numbers_name_the_field() {
        let raw = r#"{"format":"gongkai-workspace","schema_version":3,
            "districts":{"rules":[{"name":"长青路","numbers":"1-x号"}]}}"#;
        match parse_workspace(raw) {
            Err(LoadError::BadField { path, .. }) => {
                assert_eq!(path, "districts.rules[0].numbers")
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn year_key_must_match_report() {
        let raw = r#"{"format":"gongkai-workspace","schema_version":1,
            "reports":{"2020":{"year":2021}}}"#;
        assert_eq!(
            parse_workspace(raw),
            Err(LoadError::YearMismatch {
                key: 2020,
                year: 2021
            })
        );
    }

    #[test]
    fn v1_reports_get_the_graphic_option_off() {
        let raw = r#"{"format":"gongkai-workspace","schema_version":1,
            "reports":{"2020":{"year":2020,"omit_not_applicable":true}}}"#;
        let ws = parse_workspace(raw).unwrap();
        assert_eq!(ws.schema_version, SCHEMA_VERSION);
        assert!(!ws.reports[&2020].graphic_in_html);
        assert!(ws.reports[&2020].omit_not_applicable);
        let raw = r#"{"format":"gongkai-workspace","schema_version":2,
            "reports":{"2020":{"year":2020,"graphic_in_html":true}}}"#;
        assert!(parse_workspace(raw).unwrap().reports[&2020].graphic_in_html);
    }

    #[test]
    fn dangling_current_year_falls_back_to_latest() {
        let raw = r#"{"format":"gongkai-workspace","schema_version":1,"current_year":1999,
            "reports":{"2020":{"year":2020},"2021":{"year":2021}}}"#;
        assert_eq!(parse_workspace(raw).unwrap().current_year, Some(2021));
    }

    fn with_report(report: &str) -> String {
        format!(
            r#"{{"format":"gongkai-workspace","schema_version":4,"reports":{{"2020":{report}}}}}"#
        )
    }

    #[test]
    fn serde_english_is_classified() {
        use FieldProblem::*;
        use ValueKind::*;
        let cases = [
            (
                "invalid type: integer `42`, expected a string",
                WrongType {
                    expected: Text,
                    found: Integer,
                },
            ),
            (
                "invalid type: string \"x\", expected u16 at line 1 column 9",
                WrongType {
                    expected: Integer,
                    found: Text,
                },
            ),
            (
                "invalid type: map, expected a sequence",
                WrongType {
                    expected: List,
                    found: Object,
                },
            ),
            (
                "invalid type: null, expected a boolean",
                WrongType {
                    expected: Boolean,
                    found: Null,
                },
            ),
            ("invalid value: integer `70000`, expected u16", OutOfRange),
            (
                "unknown variant `x`, expected one of `field`, `statutory`",
                UnknownValue {
                    found: "x".into(),
                    allowed: vec!["field".into(), "statutory".into()],
                },
            ),
            (
                "unknown variant `a`, expected `2019` or `2021`",
                UnknownValue {
                    found: "a".into(),
                    allowed: vec!["2019".into(), "2021".into()],
                },
            ),
            ("missing field `year`", Missing("year".into())),
            ("duplicate field `revision`", Duplicate("revision".into())),
            ("something else entirely", Invalid),
        ];
        for (message, expected) in cases {
            assert_eq!(FieldProblem::from_serde(message), expected, "{message}");
        }
    }

    #[test]
    fn bad_values_are_quoted_as_short_excerpts() {
        let long = "x".repeat(200_000);
        let raw = with_report(&format!(r#"{{"year":2020,"structure":"{long}"}}"#));
        match parse_workspace(&raw) {
            Err(LoadError::BadField {
                path,
                problem: FieldProblem::UnknownValue { found, allowed },
            }) => {
                assert_eq!(path, "reports.2020.structure");
                assert!(found.chars().count() <= crate::excerpt::EXCERPT_CHARS + 1);
                assert_eq!(allowed, ["field", "statutory"]);
            }
            other => panic!("{other:?}"),
        }
        let raw = format!(r#"{{"format":"{long}","schema_version":4}}"#);
        match parse_workspace(&raw) {
            Err(LoadError::WrongFormat(f)) => assert!(f.len() < 200),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fields_longer_than_the_limit_are_refused_with_their_path() {
        let at_limit = "政".repeat(MAX_FIELD_BYTES / 3);
        let ok = with_report(&format!(r#"{{"year":2020,"unit_name":"{at_limit}"}}"#));
        assert!(parse_workspace(&ok).is_ok());
        let over = format!("{at_limit}政");
        let raw = with_report(&format!(
            r#"{{"year":2020,"narrative":{{"work_items":["a","{over}"]}}}}"#
        ));
        assert_eq!(
            parse_workspace(&raw),
            Err(LoadError::TooLong {
                path: "reports.2020.narrative.work_items[1]".into(),
                bytes: over.len()
            })
        );
        let key = "k".repeat(MAX_FIELD_BYTES + 1);
        let raw = with_report(&format!(r#"{{"year":2020,"tables":{{"{key}":"1"}}}}"#));
        assert!(matches!(
            parse_workspace(&raw),
            Err(LoadError::TooLong { path, .. }) if path.chars().count() <= PATH_CHARS + 1
        ));
    }

    #[test]
    fn categories_must_be_known_and_unique() {
        let raw = with_report(r#"{"year":2020,"categories":[{"key":"policy"},{"key":"nope"}]}"#);
        assert_eq!(
            parse_workspace(&raw),
            Err(LoadError::UnknownCategory {
                year: 2020,
                key: "nope".into()
            })
        );
        let raw = with_report(r#"{"year":2020,"categories":[{"key":"policy"},{"key":"policy"}]}"#);
        assert_eq!(
            parse_workspace(&raw),
            Err(LoadError::DuplicateCategory {
                year: 2020,
                key: "policy".into()
            })
        );
        let ok = with_report(r#"{"year":2020,"categories":[{"key":"policy"},{"key":"safety"}]}"#);
        assert!(parse_workspace(&ok).is_ok());
    }

    #[test]
    fn item_ids_are_unique_within_a_category() {
        let raw = with_report(
            r#"{"year":2020,"categories":[{"key":"policy","items":[{"id":"a"},{"id":"b"},{"id":"a"}]}]}"#,
        );
        assert_eq!(
            parse_workspace(&raw),
            Err(LoadError::DuplicateItem {
                year: 2020,
                category: "policy".into(),
                id: "a".into()
            })
        );
        // The same id in two categories is fine.
        let ok = with_report(
            r#"{"year":2020,"categories":[{"key":"policy","items":[{"id":"a"}]},{"key":"safety","items":[{"id":"a"}]}]}"#,
        );
        assert!(parse_workspace(&ok).is_ok());
    }

    #[test]
    fn table_keys_come_from_the_catalogue() {
        let raw =
            with_report(r#"{"year":2020,"tables":{"t2/a20_1/rules/new_made":"1","t9/x":"2"}}"#);
        assert_eq!(
            parse_workspace(&raw),
            Err(LoadError::UnknownCell {
                year: 2020,
                key: "t9/x".into()
            })
        );
        let ok = with_report(
            r#"{"year":2020,"tables":{"t2/a20_1/rules/new_made":"1","t3/main/total/total":"9"}}"#,
        );
        assert!(parse_workspace(&ok).is_ok());
    }

    #[test]
    fn item_counts_are_bounded() {
        let item = |v: &str| {
            with_report(&format!(
                r#"{{"year":2020,"categories":[{{"key":"policy","items":[{{"id":"a","counts":[{{"value":{v}}}]}}]}}]}}"#
            ))
        };
        assert!(parse_workspace(&item("1000000000000")).is_ok());
        assert_eq!(
            parse_workspace(&item("1000000000001")),
            Err(LoadError::BadField {
                path: "reports.2020.categories[0].items[0].counts[0].value".into(),
                problem: FieldProblem::OutOfRange
            })
        );
    }

    #[test]
    fn older_versions_gain_the_no_cases_marks_unset() {
        for version in [1, 2, 3] {
            let raw = format!(
                r#"{{"format":"gongkai-workspace","schema_version":{version},"reports":{{"2021":{{"year":2021,"graphic_in_html":true}}}}}}"#
            );
            let ws = parse_workspace(&raw).unwrap();
            assert_eq!(ws.schema_version, SCHEMA_VERSION);
            let r = &ws.reports[&2021];
            assert_eq!(r.no_cases, crate::model::NoCases::default());
            // The v1 → v2 step keeps a value that is already there.
            assert!(r.graphic_in_html, "v{version}");
        }
        let raw = r#"{"format":"gongkai-workspace","schema_version":4,
            "reports":{"2021":{"year":2021,"no_cases":{"table3":true}}}}"#;
        assert_eq!(
            parse_workspace(raw).unwrap().reports[&2021].no_cases,
            crate::model::NoCases {
                table3: true,
                table4: false
            }
        );
    }
}
