//! Workspace backup files (`*.gongkai.json`): writing them, reading them back, and the summary of
//! what an import would change, shown before anything is replaced.

use serde_json::Value;

use crate::model::{parse_workspace, LoadError, Workspace};

/// File extension of backups.
pub const BACKUP_SUFFIX: &str = ".gongkai.json";

/// The backup file's bytes: the workspace with `exported_at` (ISO 8601 text from the caller's clock).
pub fn export(ws: &Workspace, exported_at: &str) -> String {
    let mut value = serde_json::to_value(ws).unwrap_or(Value::Null);
    if let Value::Object(obj) = &mut value {
        obj.insert("exported_at".into(), Value::String(exported_at.to_string()));
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The backup's file name `<单位>-<年份>.gongkai.json`, with characters Windows forbids replaced.
pub fn file_name(ws: &Workspace) -> String {
    format!("{}{}", safe_file_stem(&ws.file_stem()), BACKUP_SUFFIX)
}

/// Replaces characters that are illegal in Windows file names (and control characters) with `_`.
pub fn safe_file_stem(stem: &str) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_end_matches(['.', ' ']).trim_start();
    if trimmed.is_empty() {
        "gongkai".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Reads a backup file: the same checks and migrations as stored data.
pub fn import(raw: &str) -> Result<Workspace, LoadError> {
    parse_workspace(raw)
}

/// What replacing `current` by `incoming` would do, year by year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub unit_before: String,
    pub unit_after: String,
    /// Years only in the file.
    pub added: Vec<u16>,
    /// Years only in the current data: they would be gone.
    pub removed: Vec<u16>,
    /// Years in both whose content differs.
    pub changed: Vec<u16>,
    /// Years in both with identical content.
    pub unchanged: Vec<u16>,
    /// School list and district rules: counts before and after, and whether anything differs.
    pub schools_before: usize,
    pub schools_after: usize,
    pub rules_before: usize,
    pub rules_after: usize,
    pub districts_changed: bool,
}

impl ImportSummary {
    pub fn is_noop(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && !self.districts_changed
    }
}

pub fn summarize(current: &Workspace, incoming: &Workspace) -> ImportSummary {
    let unit = |ws: &Workspace| {
        ws.current()
            .map(|r| r.unit_name.clone())
            .unwrap_or_default()
    };
    let mut s = ImportSummary {
        unit_before: unit(current),
        unit_after: unit(incoming),
        schools_before: current.schools.len(),
        schools_after: incoming.schools.len(),
        rules_before: current.districts.rules.len(),
        rules_after: incoming.districts.rules.len(),
        districts_changed: current.schools != incoming.schools
            || current.districts != incoming.districts,
        ..ImportSummary::default()
    };
    for (year, report) in &incoming.reports {
        match current.reports.get(year) {
            None => s.added.push(*year),
            Some(old) if old == report => s.unchanged.push(*year),
            Some(_) => s.changed.push(*year),
        }
    }
    s.removed = current
        .reports
        .keys()
        .filter(|y| !incoming.reports.contains_key(y))
        .copied()
        .collect();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_then_import_gives_identical_workspace() {
        let mut ws = Workspace::blank(2020);
        ws.current_mut().unwrap().unit_name = "汽开区教育局".into();
        let text = export(&ws, "2026-11-26T10:00:00Z");
        assert!(text.contains("\"exported_at\": \"2026-11-26T10:00:00Z\""));
        assert_eq!(import(&text), Ok(ws));
    }

    #[test]
    fn file_name_is_windows_safe() {
        let mut ws = Workspace::blank(2020);
        ws.current_mut().unwrap().unit_name = "a/b:c*教育局?".into();
        assert_eq!(file_name(&ws), "a_b_c_教育局_-2020.gongkai.json");
        assert_eq!(safe_file_stem("  ..."), "gongkai");
        assert_eq!(safe_file_stem("x\u{7}y. "), "x_y");
    }

    #[test]
    fn summary_lists_added_removed_changed() {
        let mut current = Workspace::blank(2019);
        current.add_year(2020).unwrap();
        let mut incoming = current.clone();
        incoming.reports.remove(&2019);
        incoming.current_mut().unwrap().unit_name = "新".into();
        incoming.add_year(2021).unwrap();
        let s = summarize(&current, &incoming);
        assert_eq!(s.added, vec![2021]);
        assert_eq!(s.removed, vec![2019]);
        assert_eq!(s.changed, vec![2020]);
        assert!(!s.is_noop());
        assert!(summarize(&current, &current).is_noop());
    }

    #[test]
    fn summary_counts_district_changes() {
        let current = Workspace::blank(2020);
        let incoming = crate::example::example_workspace();
        let s = summarize(&current, &incoming);
        assert!(s.districts_changed);
        assert_eq!((s.schools_before, s.rules_before), (0, 0));
        assert_eq!(s.schools_after, incoming.schools.len());
        assert_eq!(s.rules_after, incoming.districts.rules.len());
        let mut same_years = current.clone();
        same_years.districts.bureau_phone = "1".into();
        assert!(!summarize(&current, &same_years).is_noop());
    }
}
