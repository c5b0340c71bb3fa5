//! Strings of the safeguards, zh-CN, as a sub-struct of `text::Texts` (`t().safeguards`): the
//! structure-aware check, numbers in the text against the tables, the publication deadline, the
//! “本年度无相关情况” marks, import limits and kept copies of unreadable data.

use crate::deadline::{Deadline, DeadlineStatus};
use crate::model::{FieldProblem, ValueKind};

pub struct SafeguardTexts {
    /// 概览: the label of the publication deadline.
    pub deadline_label: &'static str,
    /// The deadline of the open report and how far it is.
    pub deadline: fn(&Deadline) -> String,
    /// 法定表格: the mark above 表三 and 表四.
    pub no_cases: &'static str,
    pub no_cases_hint: &'static str,
    /// 体检: the second link of a finding, to its table cell.
    pub check_go_cell: &'static str,
    /// 数据与备份: how many unreadable copies are kept.
    pub unreadable_copies: fn(usize) -> String,
    pub unreadable_download: fn(usize) -> String,
    pub unreadable_delete_all: &'static str,
    /// A save found unreadable text in storage and kept it aside, dropping the oldest copies.
    pub unreadable_dropped: fn(usize, usize) -> String,
    /// A save found stored text it cannot read (from another tab or another build).
    pub storage_corrupt_on_save: fn(&str) -> String,
}

impl SafeguardTexts {
    /// A field's problem, after “字段“…””.
    pub fn field_problem(&self, p: &FieldProblem) -> String {
        match p {
            FieldProblem::WrongType { expected, found } => {
                format!(
                    "应为{}，文件中是{}",
                    value_kind(*expected),
                    value_kind(*found)
                )
            }
            FieldProblem::UnknownValue { found, allowed } if allowed.is_empty() => {
                format!("的取值“{found}”无法识别")
            }
            FieldProblem::UnknownValue { found, allowed } => {
                format!(
                    "的取值“{found}”无法识别，可用的取值为：{}",
                    allowed.join("、")
                )
            }
            FieldProblem::Missing(name) => format!("缺少必填项“{name}”"),
            FieldProblem::Duplicate(name) => format!("中“{name}”出现了不止一次"),
            FieldProblem::OutOfRange => "的数字超出允许的范围".into(),
            FieldProblem::Invalid => "的内容格式不对".into(),
        }
    }
}

fn value_kind(k: ValueKind) -> &'static str {
    match k {
        ValueKind::Text => "文字",
        ValueKind::Integer => "整数",
        ValueKind::Number => "数字",
        ValueKind::Boolean => "是/否（true/false）",
        ValueKind::List => "列表",
        ValueKind::Object => "对象",
        ValueKind::Null => "空值（null）",
        ValueKind::Other => "其他内容",
    }
}

pub static SAFEGUARDS_ZH_CN: SafeguardTexts = SafeguardTexts {
    deadline_label: "发布期限",
    deadline: |d| {
        let when = format!(
            "{}年{}月{}日前（条例第四十九条）",
            d.date.year, d.date.month, d.date.day
        );
        match d.status {
            DeadlineStatus::DaysLeft(n) => format!("{when}，还有 {n} 天"),
            DeadlineStatus::Today => format!("{when}，今天截止"),
            DeadlineStatus::Overdue(n) => format!("{when}，已过期 {n} 天"),
        }
    },
    no_cases: "本年度无相关情况",
    no_cases_hint: "勾选后表示本表全部为 0 是如实填报，体检不再提示本表为空。",
    check_go_cell: "去表格",
    unreadable_copies: |n| format!("浏览器中另存着 {n} 份无法读取的旧数据。"),
    unreadable_download: |n| format!("下载第 {n} 份"),
    unreadable_delete_all: "删除这些旧数据",
    unreadable_dropped: |dropped, kept| {
        format!("无法读取的数据副本最多保留 {kept} 份，已删除最早的 {dropped} 份。")
    },
    storage_corrupt_on_save: |why| {
        format!("保存时发现浏览器中的数据无法读取（可能由另一窗口或另一版本写入）：{why} 原始内容已原样另存，可下载交技术人员恢复；本窗口的数据已保存。")
    },
};
