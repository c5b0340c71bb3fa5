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

/// The longest file-name stem written, in bytes of UTF-8 (the extension comes on top): well inside the
/// 255 bytes most file systems allow, whatever the characters (Chinese takes 3 bytes each).
pub const MAX_STEM_BYTES: usize = 200;

/// The longest start of `text` that holds at most `max` bytes and ends on a character boundary.
pub fn cut_to_bytes(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A file-name stem safe on Windows, macOS and Linux: characters Windows forbids (`<>:"/\|?*`) and
/// control characters become `_`; bidirectional controls (U+202A–U+202E, U+2066–U+2069, and the
/// marks U+200E, U+200F, U+061C), which can disguise an extension (“report\u{202e}fdp.exe”), are
/// removed; the stem is cut to [`MAX_STEM_BYTES`] bytes (never inside a character), loses
/// trailing dots and spaces, and a name Windows reserves (`CON`, `NUL`, `COM1` …) gets a leading `_`.
pub fn safe_file_stem(stem: &str) -> String {
    let cleaned: String = stem
        .chars()
        .filter(|c| !crate::excerpt::is_bidi_control(*c))
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cut_to_bytes(cleaned.trim_start(), MAX_STEM_BYTES).trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        return "gongkai".to_string();
    }
    let base = trimmed
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    let reserved = matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((base.starts_with("COM") || base.starts_with("LPT"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit());
    if reserved {
        format!("_{trimmed}")
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
    fn file_stems_lose_bidi_controls_and_are_capped() {
        assert_eq!(safe_file_stem("报告\u{202e}xcod.exe"), "报告xcod.exe");
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}',
        ] {
            assert_eq!(safe_file_stem(&format!("a{c}b")), "ab", "{c:?}");
        }
        let long = "政务公开".repeat(40);
        let stem = safe_file_stem(&long);
        assert_eq!(stem.len(), 198, "66 characters of 3 bytes");
        assert!(long.starts_with(&stem));
        // A four-byte character at the cut is kept whole or not at all.
        let emoji = "😀".repeat(150);
        assert_eq!(safe_file_stem(&emoji), "😀".repeat(MAX_STEM_BYTES / 4));
        // Cutting may expose a trailing dot or space: it goes too.
        let dotted = format!("{}.x", "a".repeat(MAX_STEM_BYTES - 1));
        assert_eq!(safe_file_stem(&dotted), "a".repeat(MAX_STEM_BYTES - 1));
        assert_eq!(safe_file_stem("con"), "_con");
        assert_eq!(safe_file_stem("COM1.备份"), "_COM1.备份");
        assert_eq!(safe_file_stem("COMX"), "COMX");
        assert_eq!(safe_file_stem("\u{202e}\u{2066}"), "gongkai");
    }

    /// Issue 22: 100 three-byte characters made a 300-byte stem, over the 255 bytes most file systems
    /// allow for a name. The stem is cut by bytes, on a character boundary.
    #[test]
    fn file_stems_are_cut_by_bytes() {
        let stem = safe_file_stem(&"教".repeat(100));
        assert_eq!(stem, "教".repeat(66));
        assert!(stem.len() <= MAX_STEM_BYTES);
        let mut ws = Workspace::blank(2020);
        ws.current_mut().unwrap().unit_name = "教".repeat(100);
        assert!(file_name(&ws).len() <= 255, "{}", file_name(&ws).len());
        // Mixed widths: never more than the limit, never inside a character.
        for n in 0..8 {
            let text = format!("{}{}", "a".repeat(n), "教😀".repeat(60));
            let stem = safe_file_stem(&text);
            assert!(stem.len() <= MAX_STEM_BYTES && stem.len() > MAX_STEM_BYTES - 4);
            assert!(text.starts_with(&stem));
        }
        assert_eq!(cut_to_bytes("教育", 5), "教");
        assert_eq!(cut_to_bytes("教育", 6), "教育");
        assert_eq!(cut_to_bytes("教育", 2), "");
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
