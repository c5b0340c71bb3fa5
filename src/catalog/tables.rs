//! The statutory tables as data: 表二 (第二十条) blocks, 表三 (依申请) rows and columns, 表四 (复议/诉讼)
//! cells, in the 2019 trial format and the 2021 format. Labels are verbatim (reference §1.3–1.4).

use crate::model::TableFormat;

/// A labelled row or column of a statutory table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub key: &'static str,
    pub label: &'static str,
}

const fn l(key: &'static str, label: &'static str) -> Label {
    Label { key, label }
}

/// One block of 表二 (第二十条第（X）项): a title row spanning all columns, a header row, data rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub key: &'static str,
    pub title: &'static str,
    /// Header of the label column.
    pub label_header: &'static str,
    pub columns: &'static [Label],
    pub rows: &'static [Label],
}

/// Key of 表二 in [`crate::model::TableValues`].
pub const TABLE2: &str = "t2";

const INFO: &str = "信息内容";

const T2_2019: [Block; 5] = [
    Block {
        key: "a20_1",
        title: "第二十条第（一）项",
        label_header: INFO,
        columns: &[
            l("new_made", "本年新制作数量"),
            l("new_published", "本年新公开数量"),
            l("total_published", "对外公开总数量"),
        ],
        rows: &[l("rules", "规章"), l("normative", "规范性文件")],
    },
    Block {
        key: "a20_5",
        title: "第二十条第（五）项",
        label_header: INFO,
        columns: &[
            l("prev_count", "上一年项目数量"),
            l("change", "本年增/减"),
            l("decisions", "处理决定数量"),
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
            l("prev_count", "上一年项目数量"),
            l("change", "本年增/减"),
            l("decisions", "处理决定数量"),
        ],
        rows: &[l("penalty", "行政处罚"), l("coercion", "行政强制")],
    },
    Block {
        key: "a20_8",
        title: "第二十条第（八）项",
        label_header: INFO,
        columns: &[l("prev_count", "上一年项目数量"), l("change", "本年增/减")],
        rows: &[l("fees", "行政事业性收费")],
    },
    Block {
        key: "a20_9",
        title: "第二十条第（九）项",
        label_header: INFO,
        columns: &[
            l("purchase_count", "采购项目数量"),
            l("purchase_amount", "采购总金额"),
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
            l("issued", "本年制发件数"),
            l("repealed", "本年废止件数"),
            l("in_force", "现行有效件数"),
        ],
        rows: &[l("rules", "规章"), l("normative", "行政规范性文件")],
    },
    Block {
        key: "a20_5",
        title: "第二十条第（五）项",
        label_header: INFO,
        columns: &[l("decisions", "本年处理决定数量")],
        rows: &[l("license", "行政许可")],
    },
    Block {
        key: "a20_6",
        title: "第二十条第（六）项",
        label_header: INFO,
        columns: &[l("decisions", "本年处理决定数量")],
        rows: &[l("penalty", "行政处罚"), l("coercion", "行政强制")],
    },
    Block {
        key: "a20_8",
        title: "第二十条第（八）项",
        label_header: INFO,
        columns: &[l("fee_amount", "本年收费金额（单位：万元）")],
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

/// Key of one cell in [`crate::model::TableValues`]: `table/block/row/column`.
pub fn cell_key(table: &str, block: &str, row: &str, column: &str) -> String {
    format!("{table}/{block}/{row}/{column}")
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
    fn keys_are_unique_within_each_block() {
        for f in [TableFormat::V2019, TableFormat::V2021] {
            for b in table2(f) {
                let mut keys: Vec<_> = b.rows.iter().chain(b.columns).map(|l| l.key).collect();
                let n = keys.len();
                keys.sort();
                keys.dedup();
                assert_eq!(keys.len(), n, "{}", b.title);
            }
        }
    }
}
