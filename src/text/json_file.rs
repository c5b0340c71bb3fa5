//! The words every JSON file the app reads shares (a backup or the stored workspace, a school's
//! filling pack, submission or stored draft): an empty file, a text that is not JSON (where, and
//! whether it ended early), a top level that is not an object, a missing or too new schema version.
//! `Texts::load_error` and `SchoolPageTexts::file_error` both word these cases with them, so a broken
//! file reads the same on every page and serde's English never reaches the user.

/// Shared file-error strings of one locale.
pub struct JsonFileTexts {
    pub empty: &'static str,
    /// Not JSON: the line and column (1-based, from serde_json) and whether the text ended early.
    pub not_json: fn(usize, usize, bool) -> String,
    pub not_an_object: &'static str,
    pub missing_version: &'static str,
    pub too_new: fn(u64) -> String,
}

/// The shared file-error strings of the active locale.
pub fn json_file() -> &'static JsonFileTexts {
    &ZH_CN
}

/// Simplified Chinese.
pub static ZH_CN: JsonFileTexts = JsonFileTexts {
    empty: "文件是空的。",
    not_json: |line, column, truncated| {
        if truncated {
            format!("文件不是有效的 JSON 数据：内容在第 {line} 行第 {column} 列处意外结束，文件可能被截断或没有下载完整。")
        } else {
            format!("文件不是有效的 JSON 数据：第 {line} 行第 {column} 列附近格式错误，文件可能已损坏或被改动。")
        }
    },
    not_an_object: "文件内容不是本工作台的文件（最外层应为 JSON 对象）。",
    missing_version: "文件缺少数据版本号 schema_version，或版本号不是数字。",
    too_new: |v| format!("文件的数据版本为 {v}，比本程序支持的版本新。请使用新版工作台打开。"),
};
