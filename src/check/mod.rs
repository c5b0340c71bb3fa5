//! The check (体检): every finding about a report, from the table arithmetic and cross-year continuity
//! (`tables`), from completeness (`completeness`, by the report's structure) and from the figures the
//! narrative states against the tables (`statements`). Findings are data; `text` words them.

mod completeness;
mod link;
mod statements;
mod tables;

pub use link::{Focus, Link};
pub use statements::{narrative_fields, stated_numbers, Statement};

use crate::cell::saturating_sum;
use crate::model::Workspace;

/// 错误 for arithmetic, 提示 for completeness and soft rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Hint,
}

/// Which rule a finding breaks. Worded by `text::Texts::rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// 表三, per column: 一 + 二 = 三（七）总计 + 四.
    RequestBalance,
    /// 表三, per column: （七）总计 = the sum of the outcome rows.
    OutcomeTotal,
    /// 表三, per row: 总计 = the sum of the six applicant columns.
    ApplicantTotal,
    /// 表四: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计, per group.
    AppealTotal,
    /// 表三 二、上年结转 = last year's 四、结转下年度继续办理, per column.
    CarryOver,
    /// 表二 (2019, soft): 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
    ProjectCount,
    /// A cell holds text that is not a number of the expected kind.
    InvalidCell,
    /// A category has no content and is not marked 本年度无此项.
    EmptyCategory,
    /// An item has no text and no status.
    EmptyItem,
    /// 未公开 without a reason.
    MissingReason,
    MissingUnit,
    MissingYear,
    /// 五、存在的主要问题及改进情况 or 六、其他需要报告的事项 has no text.
    EmptySection,
    /// A count cell holds a negative number (“只能填写非负整数”).
    NegativeCount,
    /// An amount cell holds a negative number.
    NegativeAmount,
    /// A cell holds a number above `cell::MAX_CELL` (imported data; typing refuses it).
    CellTooLarge,
    /// Statutory: a sub-head of 一、总体情况 has no text.
    EmptyOverviewSection,
    /// Statutory: 表三 or 表四 is entirely blank and not marked “本年度无相关情况”.
    EmptyTable,
    /// Statutory: 表三 or 表四 is marked “本年度无相关情况” but holds something other than zeros.
    MarkedTableFilled,
    /// A number stated in the narrative differs from the table (docs/reference/official-formats.md
    /// §1.5 rule 6).
    TextTableMismatch,
    /// 表二 (2021, soft): 现行有效件数 ≈ last year's 现行有效件数 + 本年制发件数 − 本年废止件数.
    InForceCount,
}

impl Rule {
    /// Every rule, in declaration order (`index` keeps this list complete).
    pub const ALL: [Rule; 21] = [
        Rule::RequestBalance,
        Rule::OutcomeTotal,
        Rule::ApplicantTotal,
        Rule::AppealTotal,
        Rule::CarryOver,
        Rule::ProjectCount,
        Rule::InvalidCell,
        Rule::EmptyCategory,
        Rule::EmptyItem,
        Rule::MissingReason,
        Rule::MissingUnit,
        Rule::MissingYear,
        Rule::EmptySection,
        Rule::NegativeCount,
        Rule::NegativeAmount,
        Rule::CellTooLarge,
        Rule::EmptyOverviewSection,
        Rule::EmptyTable,
        Rule::MarkedTableFilled,
        Rule::TextTableMismatch,
        Rule::InForceCount,
    ];

    /// The rule's place in [`Rule::ALL`]. The match is exhaustive, so a new rule cannot be added
    /// without a place; the test `all_lists_every_rule` then fails until `ALL` holds it.
    pub const fn index(self) -> usize {
        match self {
            Rule::RequestBalance => 0,
            Rule::OutcomeTotal => 1,
            Rule::ApplicantTotal => 2,
            Rule::AppealTotal => 3,
            Rule::CarryOver => 4,
            Rule::ProjectCount => 5,
            Rule::InvalidCell => 6,
            Rule::EmptyCategory => 7,
            Rule::EmptyItem => 8,
            Rule::MissingReason => 9,
            Rule::MissingUnit => 10,
            Rule::MissingYear => 11,
            Rule::EmptySection => 12,
            Rule::NegativeCount => 13,
            Rule::NegativeAmount => 14,
            Rule::CellTooLarge => 15,
            Rule::EmptyOverviewSection => 16,
            Rule::EmptyTable => 17,
            Rule::MarkedTableFilled => 18,
            Rule::TextTableMismatch => 19,
            Rule::InForceCount => 20,
        }
    }

    /// A stable ASCII name (the `data-rule` of a finding on `#/check`).
    pub const fn key(self) -> &'static str {
        match self {
            Rule::RequestBalance => "request-balance",
            Rule::OutcomeTotal => "outcome-total",
            Rule::ApplicantTotal => "applicant-total",
            Rule::AppealTotal => "appeal-total",
            Rule::CarryOver => "carry-over",
            Rule::ProjectCount => "project-count",
            Rule::InvalidCell => "invalid-cell",
            Rule::EmptyCategory => "empty-category",
            Rule::EmptyItem => "empty-item",
            Rule::MissingReason => "missing-reason",
            Rule::MissingUnit => "missing-unit",
            Rule::MissingYear => "missing-year",
            Rule::EmptySection => "empty-section",
            Rule::NegativeCount => "negative-count",
            Rule::NegativeAmount => "negative-amount",
            Rule::CellTooLarge => "cell-too-large",
            Rule::EmptyOverviewSection => "empty-overview-section",
            Rule::EmptyTable => "empty-table",
            Rule::MarkedTableFilled => "marked-table-filled",
            Rule::TextTableMismatch => "text-table-mismatch",
            Rule::InForceCount => "in-force-count",
        }
    }
}

/// One side of an equation, with the labels as printed in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub label: String,
    pub value: i64,
}

/// The control where the user fixes a finding. [`Target::link`] turns it into a page and a control to
/// focus there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A field of `#/settings`, by its `data-testid`.
    Settings(&'static str),
    /// A control of `#/category/<key>`, by its `data-testid`: one of the category's own (`item: None`)
    /// or one of the item `item`.
    Category {
        key: String,
        item: Option<String>,
        field: &'static str,
    },
    /// A field of `#/narrative`, by its `data-testid`.
    Narrative(&'static str),
    /// A cell of `#/tables`, by its `TableValues` key.
    Cell(String),
    /// The text of the n-th point (from 0) of 二、工作开展情况 on `#/narrative`.
    WorkItem(usize),
    /// The “本年度无相关情况” checkbox of a table on `#/tables` (`t3` or `t4`); its `data-testid` is
    /// `table-<key>-none`.
    TableMark(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub rule: Rule,
    /// What the rule was applied to, verbatim from the catalogue (a column, row, group, category or
    /// item name; a cell's row and column).
    pub subject: String,
    /// The two sides of the broken equation (empty for non-arithmetic rules).
    pub lhs: Vec<Term>,
    pub rhs: Vec<Term>,
    /// For the cell rules: the text found; for `TextTableMismatch`: the sentence. Text may hold any
    /// length; `text` quotes an excerpt.
    pub found: String,
    pub target: Target,
    /// A second place the finding is about, linked too: for `TextTableMismatch`, the table cell.
    pub also: Option<Target>,
}

impl Finding {
    /// The sum of a side, saturating (cells are bounded by `cell::MAX_CELL`, so it never needs to).
    pub fn sum(terms: &[Term]) -> i64 {
        saturating_sum(terms.iter().map(|t| t.value))
    }
}

/// All findings for the report of `year`, errors first; the previous year's report (if any) feeds the
/// cross-year rules.
pub fn check(ws: &Workspace, year: u16) -> Vec<Finding> {
    let Some(report) = ws.reports.get(&year) else {
        return Vec::new();
    };
    let previous = year.checked_sub(1).and_then(|y| ws.reports.get(&y));
    let mut findings = tables::check(report, previous);
    findings.extend(completeness::check(report));
    findings.extend(statements::check(report));
    findings.sort_by_key(|f| f.severity);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_rule() {
        for (i, rule) in Rule::ALL.iter().enumerate() {
            assert_eq!(rule.index(), i, "{rule:?}");
        }
        let mut keys: Vec<_> = Rule::ALL.iter().map(|r| r.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Rule::ALL.len(), "rule keys must be distinct");
    }
}
