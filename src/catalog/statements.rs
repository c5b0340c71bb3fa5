//! The figures real reports state in their prose, as data: each quantity the tables hold that a
//! narrative sentence may state (“全年共收到政府信息公开申请12件”, “予以公开及部分公开258件”,
//! “主动公开规范性文件3件”, “行政复议1起”), where it sits in the tables, and its usual wordings.
//! The check (`check::statements`) reads sentences with these wordings and compares
//! (docs/reference/official-formats.md §1.5
//! rule 6). To cover a new wording, add it here.
//!
//! A wording is `before` + a number + a unit + `after`: “收到政府信息公开申请” 12 “件”, or “收到” 12 “件”
//! “政府信息公开申请”. Between `before` and the number only the [`FILLERS`] may stand (“共”, “为”, “：”);
//! a sentence whose clause carries a [`QUALIFIERS`] word before the wording (a channel, an applicant
//! kind, another year, a comparison, schools) is about a part or another period and is not read.

use super::TableFormat;
use super::{table2, Block, Column, Label, T2_IN_FORCE, T2_ISSUED, T2_REPEALED};

/// Where a stated quantity sits in the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// 表三: the 总计 column of these rows, summed. Rows a format does not have are skipped; a
    /// quantity none of whose rows exist in the format is not read.
    Table3Rows(&'static [&'static str]),
    /// 表四: the 总计 of these groups, summed.
    Table4Groups(&'static [&'static str]),
    /// 表二: one cell; the column per format (`None`: that format has no such column).
    Table2 {
        block: &'static str,
        row: &'static str,
        v2019: Option<&'static str>,
        v2021: Option<&'static str>,
    },
}

/// The 表二 cell a `Source::Table2` quantity reads in one table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table2Cell {
    pub block: &'static Block,
    pub row: &'static Label,
    pub column: &'static Column,
}

impl Source {
    /// The 表二 cell this source reads in `format`: `None` for the other sources, when the source
    /// names no column for `format`, or when that format's 表二 lacks the block, the row or the
    /// column.
    pub fn table2_cell(&self, format: TableFormat) -> Option<Table2Cell> {
        let Source::Table2 {
            block,
            row,
            v2019,
            v2021,
        } = *self
        else {
            return None;
        };
        let column = match format {
            TableFormat::V2019 => v2019?,
            TableFormat::V2021 => v2021?,
        };
        let block = table2(format).iter().find(|b| b.key == block)?;
        let row = block.rows.iter().find(|r| r.key == row)?;
        let column = block.column(column)?;
        Some(Table2Cell { block, row, column })
    }
}

/// One way of stating a quantity: `before` number unit `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    pub before: &'static str,
    pub after: &'static str,
}

/// A quantity of the tables that narratives state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub key: &'static str,
    /// What the number is, as the finding names it.
    pub label: &'static str,
    pub source: Source,
    /// The counting words that may follow the number.
    pub units: &'static [&'static str],
    pub wordings: &'static [Wording],
}

const fn w(before: &'static str) -> Wording {
    Wording { before, after: "" }
}

const fn wa(before: &'static str, after: &'static str) -> Wording {
    Wording { before, after }
}

/// What may stand between a wording's `before` and its number (any of them, repeated).
pub const FILLERS: [&str; 16] = [
    "共计", "合计", "总计", "总数", "数量", "件数", "共", "计", "为", "是", "达", "了", "：", ":",
    " ", "\u{3000}",
];

/// Words that, before a wording in the same clause, make it a statement about a part (a channel, an
/// applicant kind, schools, another table's matter), another period or a comparison: not read.
pub const QUALIFIERS: [&str; 52] = [
    "通过",
    "网上",
    "网络",
    "在线",
    "线上",
    "当面",
    "现场",
    "信函",
    "传真",
    "邮件",
    "邮寄",
    "电话",
    "自然人",
    "法人",
    "企业",
    "科研机构",
    "公益组织",
    "法律服务机构",
    "其他组织",
    "同比",
    "环比",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "上年",
    "去年",
    "上一年",
    "前年",
    "上半年",
    "下半年",
    "季度",
    "月份",
    "平均",
    "日均",
    "月均",
    "累计",
    "历年",
    "以来",
    "学校",
    "下属",
    "所属",
    "各单位",
    "全市",
    "全省",
    "全县",
    "许可",
    "处罚",
    "强制",
    "复议",
    "诉讼",
    "收费",
];

/// Conjunctions: a wording right after one of these shares its number with what comes before
/// (“行政复议、行政诉讼共1起”), so it is not read.
pub const CONJUNCTIONS: [&str; 7] = ["、", "和", "及", "与", "或", "以及", "或者"];

const APPLICATIONS: &[&str] = &["件", "个", "份", "条"];
const CASES: &[&str] = &["起", "件", "宗", "个"];
const DOCUMENTS: &[&str] = &["件", "个", "份", "篇"];
const DECISIONS: &[&str] = &["件", "起", "个", "次", "宗"];

const WITHHELD: &[&str] = &[
    "withheld_secret",
    "withheld_law",
    "withheld_safety",
    "withheld_third_party",
    "withheld_internal",
    "withheld_process",
    "withheld_enforcement",
    "withheld_query",
];
const UNAVAILABLE: &[&str] = &[
    "unavailable_not_held",
    "unavailable_to_make",
    "unavailable_unclear",
];
const NOT_HANDLED: &[&str] = &[
    "rejected_petition",
    "rejected_repeat",
    "rejected_publication",
    "rejected_excessive",
    "rejected_confirm",
];
const OTHER_HANDLING: &[&str] = &[
    "other",
    "other_no_correction",
    "other_unpaid",
    "other_other",
];

/// Every quantity the check reads, 表三 first, then 表四 and 表二.
pub const QUANTITIES: [Quantity; 20] = [
    Quantity {
        key: "applications_new",
        label: "本年新收政府信息公开申请数",
        source: Source::Table3Rows(&["new"]),
        units: APPLICATIONS,
        wordings: &[
            w("收到政府信息公开申请"),
            w("新收政府信息公开申请"),
            w("受理政府信息公开申请"),
            w("接收政府信息公开申请"),
            w("收到信息公开申请"),
            w("受理信息公开申请"),
            w("收到依申请公开申请"),
            w("受理依申请公开申请"),
            w("收到依申请公开"),
            w("受理依申请公开"),
            wa("收到", "政府信息公开申请"),
            wa("受理", "政府信息公开申请"),
            wa("新收", "政府信息公开申请"),
            wa("收到", "信息公开申请"),
            wa("收到", "依申请公开申请"),
        ],
    },
    Quantity {
        key: "applications_carried",
        label: "上年结转政府信息公开申请数",
        source: Source::Table3Rows(&["carried"]),
        units: APPLICATIONS,
        wordings: &[
            w("上年结转政府信息公开申请"),
            w("上年结转申请"),
            w("上年结转"),
            w("上年度结转"),
            w("上一年度结转"),
        ],
    },
    Quantity {
        key: "public_and_partial",
        label: "予以公开及部分公开数",
        source: Source::Table3Rows(&["public", "partial"]),
        units: APPLICATIONS,
        wordings: &[
            w("予以公开及部分公开"),
            w("予以公开和部分公开"),
            w("予以公开或部分公开"),
            w("予以公开、部分公开"),
            w("全部公开及部分公开"),
            w("全部公开和部分公开"),
        ],
    },
    Quantity {
        key: "public",
        label: "予以公开数",
        source: Source::Table3Rows(&["public"]),
        units: APPLICATIONS,
        wordings: &[w("予以公开"), w("全部公开"), w("同意公开")],
    },
    Quantity {
        key: "partial",
        label: "部分公开数",
        source: Source::Table3Rows(&["partial"]),
        units: APPLICATIONS,
        wordings: &[w("部分公开"), w("予以部分公开")],
    },
    Quantity {
        key: "withheld",
        label: "不予公开数",
        source: Source::Table3Rows(WITHHELD),
        units: APPLICATIONS,
        wordings: &[w("不予公开")],
    },
    Quantity {
        key: "unavailable",
        label: "无法提供数",
        source: Source::Table3Rows(UNAVAILABLE),
        units: APPLICATIONS,
        wordings: &[w("无法提供")],
    },
    Quantity {
        key: "not_handled",
        label: "不予处理数",
        source: Source::Table3Rows(NOT_HANDLED),
        units: APPLICATIONS,
        wordings: &[w("不予处理")],
    },
    Quantity {
        key: "other_handling",
        label: "其他处理数",
        source: Source::Table3Rows(OTHER_HANDLING),
        units: APPLICATIONS,
        wordings: &[w("其他处理")],
    },
    Quantity {
        key: "handled",
        label: "本年度办理结果总计",
        source: Source::Table3Rows(&["total"]),
        units: APPLICATIONS,
        wordings: &[
            w("办结政府信息公开申请"),
            w("办理完毕政府信息公开申请"),
            w("答复政府信息公开申请"),
            wa("办结", "政府信息公开申请"),
            wa("答复", "政府信息公开申请"),
        ],
    },
    Quantity {
        key: "carry_next",
        label: "结转下年度继续办理数",
        source: Source::Table3Rows(&["carry_next"]),
        units: APPLICATIONS,
        wordings: &[
            w("结转下年度继续办理"),
            w("结转下年度办理"),
            w("结转下年度"),
            w("结转至下年度"),
            w("结转下一年度"),
            w("转入下年度办理"),
        ],
    },
    Quantity {
        key: "review",
        label: "政府信息公开行政复议数",
        source: Source::Table4Groups(&["review"]),
        units: CASES,
        wordings: &[
            w("行政复议"),
            w("行政复议案件"),
            w("被申请行政复议"),
            w("政府信息公开行政复议"),
            w("政府信息公开行政复议案件"),
        ],
    },
    Quantity {
        key: "litigation",
        label: "政府信息公开行政诉讼数",
        source: Source::Table4Groups(&["direct", "after_review"]),
        units: CASES,
        wordings: &[
            w("行政诉讼"),
            w("行政诉讼案件"),
            w("被提起行政诉讼"),
            w("政府信息公开行政诉讼"),
            w("政府信息公开行政诉讼案件"),
        ],
    },
    Quantity {
        key: "normative_issued",
        label: "本年制发（新制作）规范性文件数",
        source: Source::Table2 {
            block: "a20_1",
            row: "normative",
            v2019: Some("new_made"),
            v2021: Some(T2_ISSUED),
        },
        units: DOCUMENTS,
        wordings: &[
            w("制发规范性文件"),
            w("制发行政规范性文件"),
            w("制定规范性文件"),
            w("制定行政规范性文件"),
            w("印发规范性文件"),
            w("印发行政规范性文件"),
            w("出台规范性文件"),
            w("出台行政规范性文件"),
            w("新制作规范性文件"),
        ],
    },
    Quantity {
        key: "normative_published",
        label: "本年主动公开（新公开）规范性文件数",
        source: Source::Table2 {
            block: "a20_1",
            row: "normative",
            v2019: Some("new_published"),
            v2021: Some(T2_ISSUED),
        },
        units: DOCUMENTS,
        wordings: &[
            w("主动公开规范性文件"),
            w("主动公开行政规范性文件"),
            w("新公开规范性文件"),
            w("公开规范性文件"),
            w("公开行政规范性文件"),
        ],
    },
    Quantity {
        key: "normative_repealed",
        label: "本年废止规范性文件数",
        source: Source::Table2 {
            block: "a20_1",
            row: "normative",
            v2019: None,
            v2021: Some(T2_REPEALED),
        },
        units: DOCUMENTS,
        wordings: &[
            w("废止规范性文件"),
            w("废止行政规范性文件"),
            w("清理废止规范性文件"),
        ],
    },
    Quantity {
        key: "normative_in_force",
        label: "现行有效规范性文件数",
        source: Source::Table2 {
            block: "a20_1",
            row: "normative",
            v2019: None,
            v2021: Some(T2_IN_FORCE),
        },
        units: DOCUMENTS,
        wordings: &[
            w("现行有效规范性文件"),
            w("现行有效的规范性文件"),
            w("现行有效行政规范性文件"),
            w("现行有效的行政规范性文件"),
        ],
    },
    Quantity {
        key: "license_decisions",
        label: "行政许可处理决定数",
        source: Source::Table2 {
            block: "a20_5",
            row: "license",
            v2019: Some("decisions"),
            v2021: Some("decisions"),
        },
        units: DECISIONS,
        wordings: &[
            w("作出行政许可决定"),
            w("行政许可决定"),
            w("行政许可处理决定"),
            w("办理行政许可"),
            w("办结行政许可"),
        ],
    },
    Quantity {
        key: "penalty_decisions",
        label: "行政处罚处理决定数",
        source: Source::Table2 {
            block: "a20_6",
            row: "penalty",
            v2019: Some("decisions"),
            v2021: Some("decisions"),
        },
        units: DECISIONS,
        wordings: &[
            w("作出行政处罚决定"),
            w("行政处罚决定"),
            w("实施行政处罚"),
            w("办理行政处罚"),
            w("行政处罚案件"),
        ],
    },
    Quantity {
        key: "coercion_decisions",
        label: "行政强制处理决定数",
        source: Source::Table2 {
            block: "a20_6",
            row: "coercion",
            v2019: Some("decisions"),
            v2021: Some("decisions"),
        },
        units: DECISIONS,
        wordings: &[w("实施行政强制"), w("采取行政强制措施"), w("行政强制措施")],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{all_cell_keys, t3_key, t4_key, T4_TOTAL};

    #[test]
    fn every_source_names_catalogue_cells() {
        let keys = all_cell_keys();
        for q in &QUANTITIES {
            match q.source {
                Source::Table3Rows(rows) => {
                    assert!(
                        rows.iter().any(|r| keys.contains(&t3_key(r, "total"))),
                        "{}",
                        q.key
                    );
                    for r in rows {
                        assert!(keys.contains(&t3_key(r, "natural")), "{} {r}", q.key);
                    }
                }
                Source::Table4Groups(groups) => {
                    for g in groups {
                        assert!(keys.contains(&t4_key(g, T4_TOTAL)), "{} {g}", q.key);
                    }
                }
                Source::Table2 { v2019, v2021, .. } => {
                    for (format, col) in [(TableFormat::V2019, v2019), (TableFormat::V2021, v2021)]
                    {
                        if col.is_some() {
                            assert!(
                                q.source.table2_cell(format).is_some(),
                                "{} {col:?} in {format:?}",
                                q.key
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_table2_cell_is_only_where_the_format_has_it() {
        let by_key = |key: &str| QUANTITIES.iter().find(|q| q.key == key).unwrap().source;
        let repealed = by_key("normative_repealed");
        assert_eq!(repealed.table2_cell(TableFormat::V2019), None);
        let cell = repealed.table2_cell(TableFormat::V2021).unwrap();
        assert_eq!(
            (cell.block.key, cell.row.key, cell.column.key),
            ("a20_1", "normative", T2_REPEALED)
        );
        let wrong_row = Source::Table2 {
            block: "a20_1",
            row: "no-such-row",
            v2019: Some(T2_REPEALED),
            v2021: Some(T2_REPEALED),
        };
        assert_eq!(wrong_row.table2_cell(TableFormat::V2021), None);
        assert_eq!(
            by_key("applications_new").table2_cell(TableFormat::V2021),
            None
        );
    }

    #[test]
    fn keys_are_unique_and_wordings_not_empty() {
        let mut keys: Vec<_> = QUANTITIES.iter().map(|q| q.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), QUANTITIES.len());
        for q in &QUANTITIES {
            assert!(!q.wordings.is_empty() && !q.units.is_empty(), "{}", q.key);
            for wd in q.wordings {
                assert!(!wd.before.is_empty(), "{}", q.key);
            }
        }
    }
}
