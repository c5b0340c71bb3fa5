//! The statutory tables as data: 表二 (第二十条) blocks, 表三 (依申请) rows and columns, 表四 (复议/诉讼)
//! cells, in the 2019 trial format and the 2021 format, plus the values of their computed cells.
//! Labels are verbatim (docs/reference/official-formats.md §1.3–1.4).
//!
//! # Cell keys
//!
//! Every cell is stored in [`TableValues`] under [`cell_key`]`(table, block, row, column)`, i.e.
//! `table/block/row/column`, all parts ASCII:
//!
//! - 表二: `t2/<block>/<row>/<column>`, e.g. `t2/a20_5/license/change` (第二十条第（五）项 · 行政许可 ·
//!   本年增/减). Blocks, rows and columns come from [`table2`].
//! - 表三: `t3/main/<row>/<column>`, e.g. `t3/main/new/natural` (一、本年新收… · 自然人); block is
//!   always [`T3_BLOCK`]. Rows and columns come from [`table3`].
//! - 表四: `t4/<group>/main/<column>`, e.g. `t4/review/main/upheld` (行政复议 · 结果维持); row is always
//!   [`T4_ROW`]. Groups and columns come from [`table4`].
//!
//! Computed cells (表三 总计 column and （七）总计 row, 表四 总计 columns) are normally not stored; their
//! values come from [`computed_cells`]. Data imported from elsewhere may still carry typed totals under
//! the same keys; the check compares them with the computed values.

use std::collections::BTreeMap;

pub use crate::cell::CellKind;
use crate::cell::TableValues;
use crate::cell::{parse_cell, saturating_sum};
use serde::{Deserialize, Serialize};

/// The national table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableFormat {
    /// 2019 trial format (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports.
    #[serde(rename = "2019")]
    V2019,
    /// 2021 format (国办公开办函〔2021〕30号), from the 2021 report on.
    #[serde(rename = "2021")]
    V2021,
}

impl TableFormat {
    /// The format a report of `year` uses unless the user overrides it.
    pub fn for_year(year: u16) -> Self {
        if year <= 2020 {
            TableFormat::V2019
        } else {
            TableFormat::V2021
        }
    }
}

/// A labelled row of 表二.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub key: &'static str,
    pub label: &'static str,
}

const fn l(key: &'static str, label: &'static str) -> Label {
    Label { key, label }
}

/// A data column of a statutory table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: CellKind,
    /// True when the column is the sum of the others (总计); its cells are not typed.
    pub computed: bool,
}

const fn count(key: &'static str, label: &'static str) -> Column {
    Column {
        key,
        label,
        kind: CellKind::Count,
        computed: false,
    }
}

const fn change(key: &'static str, label: &'static str) -> Column {
    Column {
        key,
        label,
        kind: CellKind::Change,
        computed: false,
    }
}

const fn amount(key: &'static str, label: &'static str) -> Column {
    Column {
        key,
        label,
        kind: CellKind::Amount,
        computed: false,
    }
}

const fn total(key: &'static str, label: &'static str) -> Column {
    Column {
        key,
        label,
        kind: CellKind::Count,
        computed: true,
    }
}

/// One header cell with its spans, for drawing multi-row headers (`colspan`/`rowspan` as in HTML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub text: &'static str,
    pub colspan: u8,
    pub rowspan: u8,
}

const fn span(text: &'static str, colspan: u8, rowspan: u8) -> Span {
    Span {
        text,
        colspan,
        rowspan,
    }
}

// ---------------------------------------------------------------------------------------------
// 表二
// ---------------------------------------------------------------------------------------------

/// One block of 表二 (第二十条第（X）项): a title row spanning all columns, a header row, data rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub key: &'static str,
    pub title: &'static str,
    /// Header of the label column.
    pub label_header: &'static str,
    pub columns: &'static [Column],
    pub rows: &'static [Label],
}

impl Block {
    pub fn column(&self, key: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.key == key)
    }
}

/// Key of 表二 in [`TableValues`].
pub const TABLE2: &str = "t2";
/// 表二 (2019) column 上一年项目数量.
pub const T2_PREV_COUNT: &str = "prev_count";
/// 表二 (2019) column 本年增/减.
pub const T2_CHANGE: &str = "change";
/// 表二 (2021) column 本年制发件数.
pub const T2_ISSUED: &str = "issued";
/// 表二 (2021) column 本年废止件数.
pub const T2_REPEALED: &str = "repealed";
/// 表二 (2021) column 现行有效件数.
pub const T2_IN_FORCE: &str = "in_force";

const INFO: &str = "信息内容";

const T2_2019: [Block; 5] = [
    Block {
        key: "a20_1",
        title: "第二十条第（一）项",
        label_header: INFO,
        columns: &[
            count("new_made", "本年新制作数量"),
            count("new_published", "本年新公开数量"),
            count("total_published", "对外公开总数量"),
        ],
        rows: &[l("rules", "规章"), l("normative", "规范性文件")],
    },
    Block {
        key: "a20_5",
        title: "第二十条第（五）项",
        label_header: INFO,
        columns: &[
            count(T2_PREV_COUNT, "上一年项目数量"),
            change(T2_CHANGE, "本年增/减"),
            count("decisions", "处理决定数量"),
        ],
        rows: &[
            l("license", "行政许可"),
            l("other_services", "其他对外管理服务事项"),
        ],
    },
    Block {
        key: "a20_6",
        title: "第二十条第（六）项",
        label_header: INFO,
        columns: &[
            count(T2_PREV_COUNT, "上一年项目数量"),
            change(T2_CHANGE, "本年增/减"),
            count("decisions", "处理决定数量"),
        ],
        rows: &[l("penalty", "行政处罚"), l("coercion", "行政强制")],
    },
    Block {
        key: "a20_8",
        title: "第二十条第（八）项",
        label_header: INFO,
        columns: &[
            count(T2_PREV_COUNT, "上一年项目数量"),
            change(T2_CHANGE, "本年增/减"),
        ],
        rows: &[l("fees", "行政事业性收费")],
    },
    Block {
        key: "a20_9",
        title: "第二十条第（九）项",
        label_header: INFO,
        columns: &[
            count("purchase_count", "采购项目数量"),
            amount("purchase_amount", "采购总金额"),
        ],
        rows: &[l("procurement", "政府集中采购")],
    },
];

const T2_2021: [Block; 4] = [
    Block {
        key: "a20_1",
        title: "第二十条第（一）项",
        label_header: INFO,
        columns: &[
            count(T2_ISSUED, "本年制发件数"),
            count(T2_REPEALED, "本年废止件数"),
            count(T2_IN_FORCE, "现行有效件数"),
        ],
        rows: &[l("rules", "规章"), l("normative", "行政规范性文件")],
    },
    Block {
        key: "a20_5",
        title: "第二十条第（五）项",
        label_header: INFO,
        columns: &[count("decisions", "本年处理决定数量")],
        rows: &[l("license", "行政许可")],
    },
    Block {
        key: "a20_6",
        title: "第二十条第（六）项",
        label_header: INFO,
        columns: &[count("decisions", "本年处理决定数量")],
        rows: &[l("penalty", "行政处罚"), l("coercion", "行政强制")],
    },
    Block {
        key: "a20_8",
        title: "第二十条第（八）项",
        label_header: INFO,
        columns: &[amount("fee_amount", "本年收费金额（单位：万元）")],
        rows: &[l("fees", "行政事业性收费")],
    },
];

/// The blocks of 表二 (主动公开政府信息情况) in `format`.
pub fn table2(format: TableFormat) -> &'static [Block] {
    match format {
        TableFormat::V2019 => &T2_2019,
        TableFormat::V2021 => &T2_2021,
    }
}

// ---------------------------------------------------------------------------------------------
// 表三
// ---------------------------------------------------------------------------------------------

/// Key of 表三 (收到和处理政府信息公开申请情况) in [`TableValues`].
pub const TABLE3: &str = "t3";
/// The only block of 表三.
pub const T3_BLOCK: &str = "main";
/// 表三 row 一、本年新收政府信息公开申请数量.
pub const T3_NEW: &str = "new";
/// 表三 row 二、上年结转政府信息公开申请数量.
pub const T3_CARRIED: &str = "carried";
/// 表三 row （七）总计 (computed).
pub const T3_TOTAL_ROW: &str = "total";
/// 表三 row 四、结转下年度继续办理.
pub const T3_CARRY_NEXT: &str = "carry_next";
/// 表三 column 总计 (computed).
pub const T3_TOTAL_COLUMN: &str = "total";

/// The vertical label of 表三's outcome rows.
pub const T3_RESULTS: &str = "三、本年度办理结果";
/// The corner cell of 表三's header (colspan 3 × rowspan 3).
pub const T3_CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// One data row of 表三.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub key: &'static str,
    /// The row's own label, e.g. “1.属于国家秘密” or “一、本年新收政府信息公开申请数量”.
    pub label: &'static str,
    /// First-level vertical label the row sits under ([`T3_RESULTS`] for the outcome rows).
    pub group: Option<&'static str>,
    /// Second-level vertical label, e.g. “（三）不予公开” for its eight sub-rows.
    pub subgroup: Option<&'static str>,
    /// True for （七）总计, the sum of the outcome rows.
    pub computed: bool,
}

impl Row {
    /// True for the rows summed into （七）总计.
    pub fn is_outcome(&self) -> bool {
        self.group == Some(T3_RESULTS) && !self.computed
    }

    /// The label with its second-level group, e.g. “（三）不予公开 1.属于国家秘密”.
    pub fn full_label(&self) -> String {
        match self.subgroup {
            Some(s) => format!("{s} {}", self.label),
            None => self.label.to_string(),
        }
    }
}

const fn top(key: &'static str, label: &'static str) -> Row {
    Row {
        key,
        label,
        group: None,
        subgroup: None,
        computed: false,
    }
}

const fn outcome(key: &'static str, label: &'static str) -> Row {
    Row {
        key,
        label,
        group: Some(T3_RESULTS),
        subgroup: None,
        computed: false,
    }
}

const fn sub(subgroup: &'static str, key: &'static str, label: &'static str) -> Row {
    Row {
        key,
        label,
        group: Some(T3_RESULTS),
        subgroup: Some(subgroup),
        computed: false,
    }
}

const WITHHELD: &str = "（三）不予公开";
/// 表三's subgroup （三）不予公开, whose eight reasons the graphic shows one by one.
pub const T3_WITHHELD: &str = WITHHELD;
const UNAVAILABLE: &str = "（四）无法提供";
const NOT_HANDLED: &str = "（五）不予处理";
const OTHER: &str = "（六）其他处理";

const R_NEW: Row = top(T3_NEW, "一、本年新收政府信息公开申请数量");
const R_CARRIED: Row = top(T3_CARRIED, "二、上年结转政府信息公开申请数量");
const R_PUBLIC: Row = outcome("public", "（一）予以公开");
const R_PARTIAL: Row = outcome(
    "partial",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
);
const R_W1: Row = sub(WITHHELD, "withheld_secret", "1.属于国家秘密");
const R_W2: Row = sub(WITHHELD, "withheld_law", "2.其他法律行政法规禁止公开");
const R_W3: Row = sub(WITHHELD, "withheld_safety", "3.危及“三安全一稳定”");
const R_W4: Row = sub(WITHHELD, "withheld_third_party", "4.保护第三方合法权益");
const R_W5: Row = sub(WITHHELD, "withheld_internal", "5.属于三类内部事务信息");
const R_W6: Row = sub(WITHHELD, "withheld_process", "6.属于四类过程性信息");
const R_W7: Row = sub(WITHHELD, "withheld_enforcement", "7.属于行政执法案卷");
const R_W8: Row = sub(WITHHELD, "withheld_query", "8.属于行政查询事项");
const R_U1: Row = sub(
    UNAVAILABLE,
    "unavailable_not_held",
    "1.本机关不掌握相关政府信息",
);
const R_U2: Row = sub(
    UNAVAILABLE,
    "unavailable_to_make",
    "2.没有现成信息需要另行制作",
);
const R_U3: Row = sub(
    UNAVAILABLE,
    "unavailable_unclear",
    "3.补正后申请内容仍不明确",
);
const R_N1: Row = sub(NOT_HANDLED, "rejected_petition", "1.信访举报投诉类申请");
const R_N2: Row = sub(NOT_HANDLED, "rejected_repeat", "2.重复申请");
const R_N3: Row = sub(NOT_HANDLED, "rejected_publication", "3.要求提供公开出版物");
const R_N4: Row = sub(
    NOT_HANDLED,
    "rejected_excessive",
    "4.无正当理由大量反复申请",
);
const R_N5: Row = sub(
    NOT_HANDLED,
    "rejected_confirm",
    "5.要求行政机关确认或重新出具已获取信息",
);
const R_OTHER_2019: Row = outcome("other", OTHER);
const R_O1: Row = sub(
    OTHER,
    "other_no_correction",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
);
const R_O2: Row = sub(
    OTHER,
    "other_unpaid",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
);
const R_O3: Row = sub(OTHER, "other_other", "3.其他");
const R_TOTAL: Row = Row {
    key: T3_TOTAL_ROW,
    label: "（七）总计",
    group: Some(T3_RESULTS),
    subgroup: None,
    computed: true,
};
const R_CARRY_NEXT: Row = top(T3_CARRY_NEXT, "四、结转下年度继续办理");

const T3_ROWS_2019: [Row; 23] = [
    R_NEW,
    R_CARRIED,
    R_PUBLIC,
    R_PARTIAL,
    R_W1,
    R_W2,
    R_W3,
    R_W4,
    R_W5,
    R_W6,
    R_W7,
    R_W8,
    R_U1,
    R_U2,
    R_U3,
    R_N1,
    R_N2,
    R_N3,
    R_N4,
    R_N5,
    R_OTHER_2019,
    R_TOTAL,
    R_CARRY_NEXT,
];

const T3_ROWS_2021: [Row; 25] = [
    R_NEW,
    R_CARRIED,
    R_PUBLIC,
    R_PARTIAL,
    R_W1,
    R_W2,
    R_W3,
    R_W4,
    R_W5,
    R_W6,
    R_W7,
    R_W8,
    R_U1,
    R_U2,
    R_U3,
    R_N1,
    R_N2,
    R_N3,
    R_N4,
    R_N5,
    R_O1,
    R_O2,
    R_O3,
    R_TOTAL,
    R_CARRY_NEXT,
];

const T3_COLUMNS: [Column; 7] = [
    count("natural", "自然人"),
    count("business", "商业企业"),
    count("research", "科研机构"),
    count("charity", "社会公益组织"),
    count("legal", "法律服务机构"),
    count("other", "其他"),
    total(T3_TOTAL_COLUMN, "总计"),
];

/// 表三's header over the six applicant columns.
pub const T3_APPLICANTS: &str = "申请人情况";
/// 表三's header over the five applicant columns after 自然人.
pub const T3_ORGANISATIONS: &str = "法人或其他组织";

/// 表三's header: three rows, the corner cell first (draw data columns in [`Table3::columns`] order).
const T3_HEADER: [&[Span]; 3] = [
    &[span(T3_CORNER, 3, 3), span(T3_APPLICANTS, 7, 1)],
    &[
        span("自然人", 1, 2),
        span(T3_ORGANISATIONS, 5, 1),
        span("总计", 1, 2),
    ],
    &[
        span("商业企业", 1, 1),
        span("科研机构", 1, 1),
        span("社会公益组织", 1, 1),
        span("法律服务机构", 1, 1),
        span("其他", 1, 1),
    ],
];

/// 表三 (收到和处理政府信息公开申请情况) in one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table3 {
    /// Header rows, as drawn (the first cell of the first row is the corner [`T3_CORNER`]).
    pub header: &'static [&'static [Span]],
    /// The seven data columns; 总计 is computed.
    pub columns: &'static [Column],
    pub rows: &'static [Row],
}

impl Table3 {
    /// Number of label columns to the left of the data (the corner's colspan).
    pub const LABEL_COLUMNS: u8 = 3;

    pub fn row(&self, key: &str) -> Option<&'static Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    pub fn column(&self, key: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    /// The typed (non-computed) columns: the six applicant kinds.
    pub fn input_columns(&self) -> impl Iterator<Item = &'static Column> {
        self.columns.iter().filter(|c| !c.computed)
    }

    /// The label cells to draw before the data of row `index` (fill [`Self::LABEL_COLUMNS`] columns):
    /// a group or subgroup cell appears on the first row of its run with the run's length as rowspan.
    pub fn label_cells(&self, index: usize) -> Vec<Span> {
        let rows = self.rows;
        let Some(row) = rows.get(index) else {
            return Vec::new();
        };
        let run = |same: &dyn Fn(&Row) -> bool| -> Option<u8> {
            if index > 0 && same(&rows[index - 1]) {
                return None;
            }
            let n = rows[index..].iter().take_while(|r| same(r)).count();
            Some(u8::try_from(n).unwrap_or(u8::MAX))
        };
        let mut cells = Vec::new();
        let Some(group) = row.group else {
            cells.push(span(row.label, Self::LABEL_COLUMNS, 1));
            return cells;
        };
        if let Some(n) = run(&|r: &Row| r.group == Some(group)) {
            cells.push(span(group, 1, n));
        }
        match row.subgroup {
            Some(s) => {
                if let Some(n) = run(&|r: &Row| r.group == Some(group) && r.subgroup == Some(s)) {
                    cells.push(span(s, 1, n));
                }
                cells.push(span(row.label, 1, 1));
            }
            None => cells.push(span(row.label, 2, 1)),
        }
        cells
    }
}

const T3_2019: Table3 = Table3 {
    header: &T3_HEADER,
    columns: &T3_COLUMNS,
    rows: &T3_ROWS_2019,
};

const T3_2021: Table3 = Table3 {
    header: &T3_HEADER,
    columns: &T3_COLUMNS,
    rows: &T3_ROWS_2021,
};

/// 表三 in `format`: 23 rows (2019) or 25 rows (2021, （六）其他处理 split into three), 7 columns.
pub fn table3(format: TableFormat) -> &'static Table3 {
    match format {
        TableFormat::V2019 => &T3_2019,
        TableFormat::V2021 => &T3_2021,
    }
}

// ---------------------------------------------------------------------------------------------
// 表四
// ---------------------------------------------------------------------------------------------

/// Key of 表四 (政府信息公开行政复议、行政诉讼情况) in [`TableValues`].
pub const TABLE4: &str = "t4";
/// The only row of 表四.
pub const T4_ROW: &str = "main";
/// 表四 column 总计 (computed) in every group.
pub const T4_TOTAL: &str = "total";

/// One group of 表四: 行政复议, or one of the two 行政诉讼 groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub key: &'static str,
    pub label: &'static str,
    /// The spanning label above it (行政诉讼), if any.
    pub parent: Option<&'static str>,
}

impl Group {
    /// “行政复议”, “行政诉讼 · 未经复议直接起诉”.
    pub fn full_label(&self) -> String {
        match self.parent {
            Some(p) => format!("{p} · {}", self.label),
            None => self.label.to_string(),
        }
    }
}

/// 表四: three groups of the same five columns, one data row without a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table4 {
    /// Header rows, as drawn (three rows; the data row follows without a row label).
    pub header: &'static [&'static [Span]],
    pub groups: &'static [Group],
    /// The five columns of each group; 总计 is computed.
    pub columns: &'static [Column],
}

impl Table4 {
    pub fn group(&self, key: &str) -> Option<&'static Group> {
        self.groups.iter().find(|g| g.key == key)
    }

    /// Every cell key, group by group (15 keys).
    pub fn cell_keys(&self) -> Vec<String> {
        self.groups
            .iter()
            .flat_map(|g| {
                self.columns
                    .iter()
                    .map(move |c| cell_key(TABLE4, g.key, T4_ROW, c.key))
            })
            .collect()
    }
}

const LITIGATION: &str = "行政诉讼";

const T4: Table4 = Table4 {
    header: &[
        &[span("行政复议", 5, 1), span(LITIGATION, 10, 1)],
        &[
            span("结果维持", 1, 2),
            span("结果纠正", 1, 2),
            span("其他结果", 1, 2),
            span("尚未审结", 1, 2),
            span("总计", 1, 2),
            span("未经复议直接起诉", 5, 1),
            span("复议后起诉", 5, 1),
        ],
        &[
            span("结果维持", 1, 1),
            span("结果纠正", 1, 1),
            span("其他结果", 1, 1),
            span("尚未审结", 1, 1),
            span("总计", 1, 1),
            span("结果维持", 1, 1),
            span("结果纠正", 1, 1),
            span("其他结果", 1, 1),
            span("尚未审结", 1, 1),
            span("总计", 1, 1),
        ],
    ],
    groups: &[
        Group {
            key: "review",
            label: "行政复议",
            parent: None,
        },
        Group {
            key: "direct",
            label: "未经复议直接起诉",
            parent: Some(LITIGATION),
        },
        Group {
            key: "after_review",
            label: "复议后起诉",
            parent: Some(LITIGATION),
        },
    ],
    columns: &[
        count("upheld", "结果维持"),
        count("corrected", "结果纠正"),
        count("other", "其他结果"),
        count("pending", "尚未审结"),
        total(T4_TOTAL, "总计"),
    ],
};

/// 表四, the same in both formats.
pub fn table4(_format: TableFormat) -> &'static Table4 {
    &T4
}

// ---------------------------------------------------------------------------------------------
// Keys and computed cells
// ---------------------------------------------------------------------------------------------

/// Key of one cell in [`TableValues`]: `table/block/row/column` (see the module doc).
pub fn cell_key(table: &str, block: &str, row: &str, column: &str) -> String {
    format!("{table}/{block}/{row}/{column}")
}

/// Key of a 表三 cell: `t3/main/<row>/<column>`.
pub fn t3_key(row: &str, column: &str) -> String {
    cell_key(TABLE3, T3_BLOCK, row, column)
}

/// Key of a 表四 cell: `t4/<group>/main/<column>`.
pub fn t4_key(group: &str, column: &str) -> String {
    cell_key(TABLE4, group, T4_ROW, column)
}

/// Every key a [`TableValues`] may hold: the cells of 表二, 表三 and 表四 in both formats, typed and
/// computed (a stored total from another tool is kept and compared by the check).
pub fn all_cell_keys() -> std::collections::BTreeSet<String> {
    let mut keys = std::collections::BTreeSet::new();
    for format in [TableFormat::V2019, TableFormat::V2021] {
        for b in table2(format) {
            for r in b.rows {
                for c in b.columns {
                    keys.insert(cell_key(TABLE2, b.key, r.key, c.key));
                }
            }
        }
        let t3 = table3(format);
        for r in t3.rows {
            for c in t3.columns {
                keys.insert(t3_key(r.key, c.key));
            }
        }
        keys.extend(table4(format).cell_keys());
    }
    keys
}

/// The integer in a stored count cell; blank, invalid or amount text counts as 0.
pub fn count_value(values: &TableValues, key: &str, kind: CellKind) -> i64 {
    parse_cell(values.get(key), kind)
        .map(|v| v.as_count())
        .unwrap_or(0)
}

/// The value of every computed cell of 表三 and 表四 in `format`, keyed as in [`TableValues`], from
/// the typed cells only (blank or invalid text counts as 0; stored totals are ignored):
/// 表三 总计 column for every row, （七）总计 for every column (the outcome rows,
/// docs/reference/official-formats.md §1.5 rule 2),
/// and each 表四 group's 总计. Sums saturate (cells are bounded by `cell::MAX_CELL`, so they never need to).
pub fn computed_cells(values: &TableValues, format: TableFormat) -> BTreeMap<String, i64> {
    let t3 = table3(format);
    let mut out = BTreeMap::new();
    // One pass over the typed cells of 表三: each row's sum, and each column's sum of the outcome rows.
    let mut row_sums = vec![0i64; t3.rows.len()];
    let mut outcome_sums = vec![0i64; t3.columns.len()];
    for (row, column, text) in typed(values, TABLE3, T3_BLOCK) {
        let Some(r) = t3.rows.iter().position(|r| r.key == row && !r.computed) else {
            continue;
        };
        let Some(c) = t3
            .columns
            .iter()
            .position(|c| c.key == column && !c.computed)
        else {
            continue;
        };
        let v = count_of(text, t3.columns[c].kind);
        row_sums[r] = row_sums[r].saturating_add(v);
        if t3.rows[r].is_outcome() {
            outcome_sums[c] = outcome_sums[c].saturating_add(v);
        }
    }
    for (c, col) in t3.columns.iter().enumerate().filter(|(_, c)| !c.computed) {
        out.insert(t3_key(T3_TOTAL_ROW, col.key), outcome_sums[c]);
    }
    for (r, row) in t3.rows.iter().enumerate() {
        let sum = if row.computed {
            saturating_sum(outcome_sums.iter().copied())
        } else {
            row_sums[r]
        };
        out.insert(t3_key(row.key, T3_TOTAL_COLUMN), sum);
    }
    let t4 = table4(format);
    for g in t4.groups {
        let sum = saturating_sum(
            typed(values, TABLE4, g.key)
                .filter(|(row, _, _)| *row == T4_ROW)
                .filter_map(|(_, column, text)| {
                    let c = t4.columns.iter().find(|c| c.key == column && !c.computed)?;
                    Some(count_of(text, c.kind))
                }),
        );
        out.insert(t4_key(g.key, T4_TOTAL), sum);
    }
    out
}

/// The stored cells of one block of a table as `(row, column, text)`, in key order.
fn typed<'a>(
    values: &'a TableValues,
    table: &str,
    block: &str,
) -> impl Iterator<Item = (&'a str, &'a str, &'a str)> {
    let prefix = format!("{table}/{block}/");
    let skip = prefix.len();
    values
        .0
        .range(prefix.clone()..)
        .take_while(move |(k, _)| k.starts_with(&prefix))
        .filter_map(move |(k, v)| {
            let (row, column) = k.get(skip..)?.split_once('/')?;
            Some((row, column, v.as_str()))
        })
}

/// The integer of a count cell's text; blank, invalid or amount text counts as 0.
fn count_of(text: &str, kind: CellKind) -> i64 {
    parse_cell(text, kind).map(|v| v.as_count()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table2_blocks_match_the_formats() {
        let titles = |f| table2(f).iter().map(|b| b.title).collect::<Vec<_>>();
        assert_eq!(
            titles(TableFormat::V2019),
            [
                "第二十条第（一）项",
                "第二十条第（五）项",
                "第二十条第（六）项",
                "第二十条第（八）项",
                "第二十条第（九）项"
            ]
        );
        assert_eq!(titles(TableFormat::V2021).len(), 4);
        assert_eq!(
            table2(TableFormat::V2021)[0].rows[1].label,
            "行政规范性文件"
        );
        assert_eq!(table2(TableFormat::V2019)[0].rows[1].label, "规范性文件");
    }

    #[test]
    fn table2_column_kinds() {
        let kind = |f, block: &str, col: &str| {
            table2(f)
                .iter()
                .find(|b| b.key == block)
                .and_then(|b| b.column(col))
                .map(|c| c.kind)
        };
        use CellKind::*;
        assert_eq!(kind(TableFormat::V2019, "a20_5", "change"), Some(Change));
        assert_eq!(kind(TableFormat::V2019, "a20_5", "prev_count"), Some(Count));
        assert_eq!(
            kind(TableFormat::V2019, "a20_9", "purchase_amount"),
            Some(Amount)
        );
        assert_eq!(
            kind(TableFormat::V2021, "a20_8", "fee_amount"),
            Some(Amount)
        );
        assert_eq!(kind(TableFormat::V2021, "a20_1", "issued"), Some(Count));
    }

    #[test]
    fn keys_are_unique_within_each_block() {
        for f in [TableFormat::V2019, TableFormat::V2021] {
            for b in table2(f) {
                let mut keys: Vec<_> = b
                    .rows
                    .iter()
                    .map(|l| l.key)
                    .chain(b.columns.iter().map(|c| c.key))
                    .collect();
                let n = keys.len();
                keys.sort();
                keys.dedup();
                assert_eq!(keys.len(), n, "{}", b.title);
            }
            let t3 = table3(f);
            let mut keys: Vec<_> = t3.rows.iter().map(|r| r.key).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), t3.rows.len());
        }
    }

    #[test]
    fn table3_label_cells_span_the_three_label_columns() {
        for f in [TableFormat::V2019, TableFormat::V2021] {
            let t = table3(f);
            // Each label column is covered exactly once per row.
            let mut covered = vec![0u8; t.rows.len()];
            for i in 0..t.rows.len() {
                for c in t.label_cells(i) {
                    for n in &mut covered[i..i + usize::from(c.rowspan)] {
                        *n += c.colspan;
                    }
                }
            }
            assert!(covered.iter().all(|&n| n == Table3::LABEL_COLUMNS), "{f:?}");
            let results = t
                .rows
                .iter()
                .filter(|r| r.group == Some(T3_RESULTS))
                .count();
            assert_eq!(t.label_cells(2)[0], span(T3_RESULTS, 1, results as u8));
        }
        assert_eq!(
            table3(TableFormat::V2019).label_cells(4)[0],
            span("（三）不予公开", 1, 8)
        );
        assert_eq!(table3(TableFormat::V2019).label_cells(5).len(), 1);
    }

    #[test]
    fn header_spans_add_up() {
        let width = |row: &[Span]| row.iter().map(|s| usize::from(s.colspan)).sum::<usize>();
        assert_eq!(width(T3_HEADER[0]), 10);
        assert_eq!(width(T3_HEADER[1]) + width(T3_HEADER[2]), 12);
        let t4 = table4(TableFormat::V2019);
        assert_eq!(width(t4.header[0]), 15);
        assert_eq!(t4.cell_keys().len(), 15);
    }

    #[test]
    fn all_cell_keys_cover_both_formats() {
        let keys = all_cell_keys();
        assert!(keys.contains("t2/a20_9/procurement/purchase_amount"));
        assert!(keys.contains("t2/a20_1/normative/in_force"));
        assert!(keys.contains(&t3_key("other", "natural")));
        assert!(keys.contains(&t3_key("other_unpaid", T3_TOTAL_COLUMN)));
        assert!(keys.contains(&t4_key("after_review", T4_TOTAL)));
        assert!(!keys.contains("t2/a20_1/rules/nope"));
        // 表二: 22 cells (2019) + 7 only in 2021; 表三: 26 distinct rows × 7; 表四: 15.
        assert_eq!(keys.len(), 29 + 26 * 7 + 15);
    }

    #[test]
    fn computed_cells_sum_typed_cells_only() {
        let mut v = TableValues::default();
        v.set(t3_key("public", "natural"), "3");
        v.set(t3_key("withheld_secret", "natural"), "2");
        v.set(t3_key("public", "legal"), "1");
        v.set(t3_key("new", "natural"), "x");
        v.set(t3_key(T3_TOTAL_ROW, "natural"), "99");
        v.set(t4_key("review", "upheld"), "4");
        v.set(t4_key("review", "pending"), "1");
        let c = computed_cells(&v, TableFormat::V2021);
        assert_eq!(c[&t3_key(T3_TOTAL_ROW, "natural")], 5);
        assert_eq!(c[&t3_key(T3_TOTAL_ROW, "legal")], 1);
        assert_eq!(c[&t3_key("public", T3_TOTAL_COLUMN)], 4);
        assert_eq!(c[&t3_key(T3_TOTAL_ROW, T3_TOTAL_COLUMN)], 6);
        assert_eq!(c[&t3_key("new", T3_TOTAL_COLUMN)], 0);
        assert_eq!(c[&t4_key("review", T4_TOTAL)], 5);
        assert_eq!(c[&t4_key("direct", T4_TOTAL)], 0);
        assert_eq!(c.len(), 6 + 25 + 3);
    }
}
