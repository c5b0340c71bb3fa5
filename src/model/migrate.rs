//! Reading a workspace from JSON: format and version checks, migrations from every older schema, typed parse.

use serde_json::{Map, Value};
use thiserror::Error;

use super::{Workspace, SCHEMA_VERSION, WORKSPACE_FORMAT, YEAR_RANGE};

/// Schema versions this build can read (older ones are migrated).
pub const SUPPORTED_SCHEMA: std::ops::RangeInclusive<u32> = 0..=SCHEMA_VERSION;

/// Why a workspace file or stored value could not be read. Chinese messages live in `text`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("empty input")]
    Empty,
    #[error("not JSON at line {line} column {column}: {detail}")]
    NotJson {
        line: usize,
        column: usize,
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
    #[error("field {path}: {detail}")]
    BadField { path: String, detail: String },
    #[error("report stored under {key} says year {year}")]
    YearMismatch { key: u16, year: u16 },
    #[error("year {0} out of range")]
    YearOutOfRange(u16),
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
        Some(Value::String(f)) => return Err(LoadError::WrongFormat(f.clone())),
        Some(other) => return Err(LoadError::WrongFormat(other.to_string())),
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
    let ws: Workspace =
        serde_path_to_error::deserialize(Value::Object(obj)).map_err(|e| LoadError::BadField {
            path: e.path().to_string(),
            detail: e.inner().to_string(),
        })?;
    validate(ws)
}

fn validate(mut ws: Workspace) -> Result<Workspace, LoadError> {
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

/// v3 had no school assignments: every catalogue item that schools fill by default (the seed's
/// school-published items, `catalog::ItemDef::schools`) gets its default assignment; other items stay
/// unassigned. Reports get an empty list of merged contributions.
fn migrate_v3_to_v4(mut obj: Map<String, Value>) -> Map<String, Value> {
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
    obj.insert("schema_version".into(), Value::from(4));
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
            Err(LoadError::NotJson { line: 1, .. })
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
}
