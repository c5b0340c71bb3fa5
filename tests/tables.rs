//! The statutory tables: definitions verbatim from the reference, tolerant cell parsing, computed
//! totals, every arithmetic and cross-year rule (passing and failing), and carrying a report forward.

use gongkai::carry::carry_forward;
use gongkai::catalog::{self, computed_cells, t3_key, t4_key, CellKind, T3_CORNER, T3_RESULTS};
use gongkai::cell::{parse_cell, parse_clipboard, CellError, CellValue};
use gongkai::check::{self, Finding, Rule, Severity, Target};
use gongkai::model::{
    DisclosureStatus, ItemCount, Report, ReportStructure, TableFormat, Workspace,
};
use proptest::prelude::*;

const V2019: TableFormat = TableFormat::V2019;
const V2021: TableFormat = TableFormat::V2021;

const TABLE_RULES: [Rule; 11] = [
    Rule::RequestBalance,
    Rule::OutcomeTotal,
    Rule::ApplicantTotal,
    Rule::AppealTotal,
    Rule::CarryOver,
    Rule::ProjectCount,
    Rule::InvalidCell,
    Rule::NegativeCount,
    Rule::NegativeAmount,
    Rule::CellTooLarge,
    Rule::InForceCount,
];

// ---------------------------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------------------------

#[test]
fn table3_rows_and_columns_are_verbatim() {
    for (format, rows) in [(V2019, 23), (V2021, 25)] {
        let t = catalog::table3(format);
        assert_eq!(t.rows.len(), rows, "{format:?}");
        let labels: Vec<_> = t.columns.iter().map(|c| c.label).collect();
        assert_eq!(
            labels,
            [
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计"
            ]
        );
        let keys: Vec<_> = t.columns.iter().map(|c| c.key).collect();
        assert_eq!(
            keys,
            ["natural", "business", "research", "charity", "legal", "other", "total"]
        );
        assert!(t.columns.iter().all(|c| c.kind == CellKind::Count));
        assert_eq!(
            t.columns.iter().filter(|c| c.computed).count(),
            1,
            "only 总计 is computed"
        );
        let computed: Vec<_> = t
            .rows
            .iter()
            .filter(|r| r.computed)
            .map(|r| r.label)
            .collect();
        assert_eq!(computed, ["（七）总计"]);
        assert_eq!(t.rows[0].label, "一、本年新收政府信息公开申请数量");
        assert_eq!(t.rows[1].label, "二、上年结转政府信息公开申请数量");
        assert_eq!(t.rows[rows - 1].label, "四、结转下年度继续办理");
        assert_eq!(
            t.rows[3].label,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        );
        assert_eq!(t.rows[6].label, "3.危及“三安全一稳定”");
        assert_eq!(t.rows[6].subgroup, Some("（三）不予公开"));
        let in_results = t
            .rows
            .iter()
            .filter(|r| r.group == Some(T3_RESULTS))
            .count();
        assert_eq!(
            in_results,
            rows - 3,
            "三、本年度办理结果 spans all but 一、二、四"
        );
        let subgroups: Vec<_> =
            t.rows
                .iter()
                .filter_map(|r| r.subgroup)
                .fold(Vec::new(), |mut v, s| {
                    if v.last() != Some(&s) {
                        v.push(s);
                    }
                    v
                });
        let expected: &[&str] = if format == V2019 {
            &["（三）不予公开", "（四）无法提供", "（五）不予处理"]
        } else {
            &[
                "（三）不予公开",
                "（四）无法提供",
                "（五）不予处理",
                "（六）其他处理",
            ]
        };
        assert_eq!(subgroups, expected);
        // The 3-row header, corner first.
        assert_eq!(t.header.len(), 3);
        assert_eq!(t.header[0][0].text, T3_CORNER);
        assert_eq!(
            T3_CORNER,
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        );
        assert_eq!((t.header[0][0].colspan, t.header[0][0].rowspan), (3, 3));
        assert_eq!(
            (t.header[0][1].text, t.header[0][1].colspan),
            ("申请人情况", 7)
        );
        let row2: Vec<_> = t.header[1]
            .iter()
            .map(|s| (s.text, s.colspan, s.rowspan))
            .collect();
        assert_eq!(
            row2,
            [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)]
        );
    }
    let r2019 = catalog::table3(V2019);
    assert_eq!(r2019.row("other").map(|r| r.label), Some("（六）其他处理"));
    assert_eq!(t3_key("new", "natural"), "t3/main/new/natural");
}

#[test]
fn table3_2021_splits_other_handling_verbatim() {
    let t = catalog::table3(V2021);
    let other: Vec<_> = t
        .rows
        .iter()
        .filter(|r| r.subgroup == Some("（六）其他处理"))
        .map(|r| r.label)
        .collect();
    assert_eq!(
        other,
        [
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他"
        ]
    );
    assert!(t.row("other").is_none());
}

#[test]
fn table4_has_three_groups_of_five() {
    for format in [V2019, V2021] {
        let t = catalog::table4(format);
        let keys = t.cell_keys();
        assert_eq!(keys.len(), 15);
        assert_eq!(keys[0], "t4/review/main/upheld");
        assert_eq!(t4_key("review", "upheld"), keys[0]);
        let groups: Vec<_> = t.groups.iter().map(|g| (g.label, g.parent)).collect();
        assert_eq!(
            groups,
            [
                ("行政复议", None),
                ("未经复议直接起诉", Some("行政诉讼")),
                ("复议后起诉", Some("行政诉讼"))
            ]
        );
        let cols: Vec<_> = t.columns.iter().map(|c| (c.label, c.computed)).collect();
        assert_eq!(
            cols,
            [
                ("结果维持", false),
                ("结果纠正", false),
                ("其他结果", false),
                ("尚未审结", false),
                ("总计", true)
            ]
        );
        let top: Vec<_> = t.header[0].iter().map(|s| (s.text, s.colspan)).collect();
        assert_eq!(top, [("行政复议", 5), ("行政诉讼", 10)]);
        assert_eq!(t.header[2].len(), 10);
    }
}

#[test]
fn table2_blocks_per_format() {
    let t19 = catalog::table2(V2019);
    let t21 = catalog::table2(V2021);
    assert_eq!(t19.len(), 5);
    assert_eq!(t21.len(), 4);
    let labels = |b: &catalog::Block| b.columns.iter().map(|c| c.label).collect::<Vec<_>>();
    assert_eq!(
        labels(&t19[0]),
        ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
    );
    assert_eq!(
        labels(&t19[1]),
        ["上一年项目数量", "本年增/减", "处理决定数量"]
    );
    assert_eq!(labels(&t19[4]), ["采购项目数量", "采购总金额"]);
    assert_eq!(t19[1].rows[1].label, "其他对外管理服务事项");
    assert_eq!(
        labels(&t21[0]),
        ["本年制发件数", "本年废止件数", "现行有效件数"]
    );
    assert_eq!(t21[0].rows[1].label, "行政规范性文件");
    assert_eq!(labels(&t21[3]), ["本年收费金额（单位：万元）"]);
    assert_eq!(t21[3].columns[0].kind, CellKind::Amount);
    assert_eq!(t19[1].columns[1].kind, CellKind::Change);
    assert_eq!(t19[4].columns[1].kind, CellKind::Amount);
    assert!(t19.iter().chain(t21).all(|b| b.label_header == "信息内容"));
}

// ---------------------------------------------------------------------------------------------
// Cell parsing
// ---------------------------------------------------------------------------------------------

#[test]
fn tolerant_parsing_of_real_world_quirks() {
    use CellKind::*;
    let int = |n| Ok(CellValue::Integer(n));
    let cases: &[(&str, CellKind, Result<CellValue, CellError>)] = &[
        ("增10", Change, int(10)),
        ("减3", Change, int(-3)),
        ("-35", Change, int(-35)),
        ("+5", Change, int(5)),
        ("－35", Change, int(-35)),
        ("0", Count, int(0)),
        ("1215", Count, int(1215)),
        ("1,215", Count, int(1215)),
        ("1，215", Count, int(1215)),
        ("１２１５", Count, int(1215)),
        (" 18 ", Count, int(18)),
        ("", Count, Ok(CellValue::Blank)),
        ("   ", Change, Ok(CellValue::Blank)),
        ("\u{3000}", Amount, Ok(CellValue::Blank)),
        ("十", Count, Err(CellError::NotANumber(Count))),
        ("abc", Change, Err(CellError::NotANumber(Change))),
        ("1.5", Count, Err(CellError::Fraction(Count))),
        ("-1", Count, Err(CellError::Negative(Count))),
        ("增10", Count, Err(CellError::SignNotAllowed)),
        ("+5", Count, Err(CellError::SignNotAllowed)),
        ("251000元", Count, Err(CellError::UnitNotAllowed)),
        ("1,21", Count, Err(CellError::BadSeparator)),
        ("-5", Amount, Err(CellError::Negative(Amount))),
        ("五万元", Amount, Err(CellError::NotANumber(Amount))),
    ];
    for (text, kind, expected) in cases {
        assert_eq!(&parse_cell(text, *kind), expected, "{text:?} as {kind:?}");
    }
    let amount = |text: &str| parse_cell(text, Amount).map(|v| v.to_string());
    assert_eq!(amount("1276.5534万元"), Ok("1276.5534万元".into()));
    assert_eq!(amount("251000元"), Ok("251000元".into()));
    assert_eq!(amount("282.1"), Ok("282.1".into()));
    assert_eq!(amount("172"), Ok("172".into()));
    assert_eq!(amount("0"), Ok("0".into()));
    assert_eq!(parse_cell("", Count).unwrap().as_count(), 0);
    assert_eq!(parse_cell("减3", Change).unwrap().as_count(), -3);
    assert_eq!(CellError::Negative(Count).message(), "只能填写非负整数");
}

#[test]
fn clipboard_blocks_from_excel_and_wps() {
    assert_eq!(
        parse_clipboard("1\t2\t3\r\n4\t\t6\r\n"),
        vec![vec!["1", "2", "3"], vec!["4", "", "6"]]
    );
    assert_eq!(parse_clipboard("7\n8\n"), vec![vec!["7"], vec!["8"]]);
    assert_eq!(parse_clipboard("增10"), vec![vec!["增10"]]);
    assert_eq!(
        parse_clipboard("\"line1\nline2\"\t\"a\"\"b\"\t\"x\ty\"\n"),
        vec![vec!["line1\nline2", "a\"b", "x\ty"]]
    );
    assert!(parse_clipboard("").is_empty());
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

fn report(year: u16, structure: ReportStructure, cells: &[(&str, &str)]) -> Report {
    let mut r = Report::blank(year);
    r.structure = structure;
    for (k, v) in cells {
        r.tables.set(*k, *v);
    }
    r
}

fn statutory(year: u16, cells: &[(&str, &str)]) -> Report {
    report(year, ReportStructure::Statutory, cells)
}

/// The table findings for `current`, through the workspace check, with `previous` as the year before.
fn findings(current: Report, previous: Option<Report>) -> Vec<Finding> {
    let mut ws = Workspace::default();
    let year = current.year;
    if let Some(p) = previous {
        ws.reports.insert(p.year, p);
    }
    ws.reports.insert(year, current);
    check::check(&ws, year)
        .into_iter()
        .filter(|f| TABLE_RULES.contains(&f.rule))
        .collect()
}

fn summary(fs: &[Finding]) -> Vec<(Rule, String)> {
    fs.iter()
        .map(|f| match &f.target {
            Target::Cell(k) => (f.rule, k.clone()),
            other => panic!("table finding with target {other:?}"),
        })
        .collect()
}

struct Case {
    name: &'static str,
    year: u16,
    cells: &'static [(&'static str, &'static str)],
    expected: &'static [(Rule, &'static str)],
}

/// A balanced 2021 table: 一 5 + 二 1 = （七）4 + 四 2 for 自然人; 商业企业 3 = 3 + 0.
const BALANCED: &[(&str, &str)] = &[
    ("t3/main/new/natural", "5"),
    ("t3/main/carried/natural", "1"),
    ("t3/main/public/natural", "2"),
    ("t3/main/withheld_secret/natural", "1"),
    ("t3/main/other_other/natural", "1"),
    ("t3/main/carry_next/natural", "2"),
    ("t3/main/new/business", "3"),
    ("t3/main/partial/business", "3"),
];

const CASES: &[Case] = &[
    Case {
        name: "empty statutory report",
        year: 2021,
        cells: &[],
        expected: &[],
    },
    Case {
        name: "balanced",
        year: 2021,
        cells: BALANCED,
        expected: &[],
    },
    Case {
        name: "request balance broken in one column",
        year: 2021,
        cells: &[
            ("t3/main/new/research", "4"),
            ("t3/main/public/research", "1"),
            ("t3/main/carry_next/research", "2"),
        ],
        expected: &[(Rule::RequestBalance, "t3/main/carry_next/research")],
    },
    Case {
        name: "2019 （六）其他处理 counts in the outcome total",
        year: 2020,
        cells: &[("t3/main/new/other", "2"), ("t3/main/other/other", "2")],
        expected: &[],
    },
    Case {
        name: "typed （七）总计 that matches",
        year: 2021,
        cells: &[
            ("t3/main/new/legal", "3"),
            ("t3/main/public/legal", "1"),
            ("t3/main/rejected_repeat/legal", "2"),
            ("t3/main/total/legal", "3"),
        ],
        expected: &[],
    },
    Case {
        name: "typed （七）总计 that does not match",
        year: 2021,
        cells: &[
            ("t3/main/new/legal", "3"),
            ("t3/main/public/legal", "1"),
            ("t3/main/rejected_repeat/legal", "2"),
            ("t3/main/total/legal", "4"),
        ],
        expected: &[(Rule::OutcomeTotal, "t3/main/total/legal")],
    },
    Case {
        name: "typed 总计 column that matches",
        year: 2021,
        cells: &[
            ("t3/main/new/natural", "2"),
            ("t3/main/new/charity", "1"),
            ("t3/main/new/total", "3"),
            ("t3/main/carry_next/natural", "2"),
            ("t3/main/carry_next/charity", "1"),
        ],
        expected: &[],
    },
    Case {
        name: "typed 总计 column that does not match",
        year: 2021,
        cells: &[
            ("t3/main/new/natural", "2"),
            ("t3/main/new/charity", "1"),
            ("t3/main/new/total", "4"),
            ("t3/main/carry_next/natural", "2"),
            ("t3/main/carry_next/charity", "1"),
        ],
        expected: &[(Rule::ApplicantTotal, "t3/main/new/total")],
    },
    Case {
        name: "typed 总计 of （七） compares with the computed outcome totals",
        year: 2021,
        cells: &[
            ("t3/main/new/natural", "2"),
            ("t3/main/public/natural", "2"),
            ("t3/main/total/total", "5"),
        ],
        expected: &[(Rule::ApplicantTotal, "t3/main/total/total")],
    },
    Case {
        name: "表四 totals that match",
        year: 2021,
        cells: &[
            ("t4/review/main/upheld", "1"),
            ("t4/review/main/pending", "2"),
            ("t4/review/main/total", "3"),
            ("t4/after_review/main/total", "0"),
        ],
        expected: &[],
    },
    Case {
        name: "表四 totals that do not match",
        year: 2021,
        cells: &[
            ("t4/review/main/upheld", "1"),
            ("t4/review/main/total", "1"),
            ("t4/direct/main/corrected", "2"),
            ("t4/direct/main/total", "3"),
        ],
        expected: &[(Rule::AppealTotal, "t4/direct/main/total")],
    },
    Case {
        name: "readable quirks are not invalid",
        year: 2020,
        cells: &[
            ("t2/a20_5/license/prev_count", "8"),
            ("t2/a20_5/license/change", "增10"),
            ("t2/a20_5/license/decisions", "18"),
            ("t2/a20_9/procurement/purchase_count", "16"),
            ("t2/a20_9/procurement/purchase_amount", "1276.5534万元"),
            ("t2/a20_6/penalty/change", "-35"),
        ],
        expected: &[],
    },
    Case {
        name: "unreadable cells",
        year: 2021,
        cells: &[
            ("t2/a20_8/fees/fee_amount", "约三百万"),
            ("t3/main/public/natural", "1.5"),
            ("t3/main/new/natural", "1.5"),
            ("t4/review/main/upheld", "-1"),
        ],
        expected: &[
            (Rule::InvalidCell, "t2/a20_8/fees/fee_amount"),
            (Rule::InvalidCell, "t3/main/new/natural"),
            (Rule::InvalidCell, "t3/main/public/natural"),
            (Rule::NegativeCount, "t4/review/main/upheld"),
        ],
    },
    Case {
        name: "a negative count, a negative amount and a number above 10¹² are named as such",
        year: 2021,
        cells: &[
            ("t2/a20_1/rules/issued", "-3"),
            ("t2/a20_8/fees/fee_amount", "-5万元"),
            ("t3/main/new/legal", "1000000000001"),
            ("t3/main/new/natural", "9223372036854775807"),
            ("t3/main/new/other", "1000000000000"),
            ("t3/main/carry_next/other", "1000000000000"),
        ],
        expected: &[
            (Rule::NegativeCount, "t2/a20_1/rules/issued"),
            (Rule::NegativeAmount, "t2/a20_8/fees/fee_amount"),
            (Rule::CellTooLarge, "t3/main/new/natural"),
            (Rule::CellTooLarge, "t3/main/new/legal"),
        ],
    },
];

#[test]
fn rules_on_one_report() {
    for case in CASES {
        let fs = findings(statutory(case.year, case.cells), None);
        let expected: Vec<_> = case
            .expected
            .iter()
            .map(|(r, k)| (*r, k.to_string()))
            .collect();
        assert_eq!(summary(&fs), expected, "{}", case.name);
    }
}

#[test]
fn findings_carry_verbatim_labels_and_numbers() {
    let fs = findings(
        statutory(
            2021,
            &[
                ("t3/main/new/research", "4"),
                ("t3/main/public/research", "1"),
                ("t3/main/carry_next/research", "2"),
            ],
        ),
        None,
    );
    let f = &fs[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.subject, "科研机构");
    let labels = |ts: &[check::Term]| {
        ts.iter()
            .map(|t| (t.label.clone(), t.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        labels(&f.lhs),
        [
            ("一、本年新收政府信息公开申请数量".to_string(), 4),
            ("二、上年结转政府信息公开申请数量".to_string(), 0)
        ]
    );
    assert_eq!(
        labels(&f.rhs),
        [
            ("（七）总计".to_string(), 1),
            ("四、结转下年度继续办理".to_string(), 2)
        ]
    );

    let fs = findings(statutory(2021, &[("t4/direct/main/total", "3")]), None);
    assert_eq!(fs[0].subject, "行政诉讼 · 未经复议直接起诉");
    assert_eq!(
        fs[0].rhs,
        [check::Term {
            label: "总计".into(),
            value: 3
        }]
    );

    let fs = findings(
        statutory(2021, &[("t3/main/withheld_safety/natural", "x")]),
        None,
    );
    assert_eq!(
        fs[0].subject,
        "（三）不予公开 3.危及“三安全一稳定” · 自然人"
    );
    assert_eq!(fs[0].found, "x");
    assert_eq!(fs[0].rule, Rule::InvalidCell);
}

#[test]
fn field_reports_check_only_table2() {
    let fs = findings(
        report(
            2020,
            ReportStructure::Field,
            &[
                ("t3/main/new/natural", "5"),
                ("t4/review/main/total", "9"),
                ("t2/a20_1/rules/new_made", "x"),
            ],
        ),
        None,
    );
    assert_eq!(
        summary(&fs),
        [(Rule::InvalidCell, "t2/a20_1/rules/new_made".to_string())]
    );
}

#[test]
fn carry_over_compares_with_last_year() {
    let prev = statutory(
        2020,
        &[
            ("t3/main/carry_next/natural", "2"),
            ("t3/main/new/natural", "2"),
        ],
    );
    // Passing: 二 = last year's 四.
    let ok = statutory(
        2021,
        &[
            ("t3/main/carried/natural", "2"),
            ("t3/main/public/natural", "2"),
        ],
    );
    assert_eq!(summary(&findings(ok.clone(), Some(prev.clone()))), []);
    // Failing.
    let bad = statutory(
        2021,
        &[
            ("t3/main/carried/natural", "3"),
            ("t3/main/public/natural", "3"),
        ],
    );
    let fs = findings(bad.clone(), Some(prev.clone()));
    assert_eq!(
        summary(&fs),
        [(Rule::CarryOver, "t3/main/carried/natural".to_string())]
    );
    assert_eq!(fs[0].rhs[0].label, "2020年 四、结转下年度继续办理");
    assert_eq!(fs[0].lhs[0].label, "二、上年结转政府信息公开申请数量");
    // No previous report, or a previous field report: nothing to compare with.
    assert_eq!(summary(&findings(bad.clone(), None)), []);
    let mut field = prev;
    field.structure = ReportStructure::Field;
    assert_eq!(summary(&findings(bad, Some(field))), []);
}

#[test]
fn project_count_is_a_hint_in_the_2019_format() {
    let prev = statutory(
        2019,
        &[
            ("t2/a20_5/license/prev_count", "8"),
            ("t2/a20_5/license/change", "增10"),
            ("t2/a20_6/penalty/prev_count", "1215"),
            ("t2/a20_6/penalty/change", "-35"),
        ],
    );
    let ok = statutory(
        2020,
        &[
            ("t2/a20_5/license/prev_count", "18"),
            ("t2/a20_6/penalty/prev_count", "1,180"),
        ],
    );
    assert_eq!(summary(&findings(ok, Some(prev.clone()))), []);
    let bad = statutory(
        2020,
        &[
            ("t2/a20_5/license/prev_count", "8"),
            ("t2/a20_6/penalty/prev_count", "1180"),
        ],
    );
    let fs = findings(bad.clone(), Some(prev.clone()));
    assert_eq!(
        summary(&fs),
        [(
            Rule::ProjectCount,
            "t2/a20_5/license/prev_count".to_string()
        )]
    );
    assert_eq!(fs[0].severity, Severity::Hint);
    assert_eq!(fs[0].subject, "第二十条第（五）项 · 行政许可");
    assert_eq!(Finding::sum(&fs[0].rhs), 18);
    // Field reports are checked too (表二 exists in both structures).
    let mut field = bad.clone();
    field.structure = ReportStructure::Field;
    assert_eq!(findings(field, Some(prev.clone())).len(), 1);
    // Not when either year uses the 2021 format.
    let mut later = bad;
    later.table_format = Some(V2021);
    assert_eq!(summary(&findings(later, Some(prev))), []);
}

#[test]
fn in_force_count_is_a_hint_in_the_2021_format() {
    let prev = statutory(
        2021,
        &[
            ("t2/a20_1/normative/in_force", "10"),
            ("t2/a20_1/rules/issued", "4"),
        ],
    );
    // 10 + 3 − 1 = 12.
    let ok = statutory(
        2022,
        &[
            ("t2/a20_1/normative/issued", "3"),
            ("t2/a20_1/normative/repealed", "1"),
            ("t2/a20_1/normative/in_force", "12"),
        ],
    );
    assert_eq!(summary(&findings(ok.clone(), Some(prev.clone()))), []);
    let mut bad = ok.clone();
    bad.tables.set("t2/a20_1/normative/in_force", "13");
    let fs = findings(bad.clone(), Some(prev.clone()));
    assert_eq!(
        summary(&fs),
        [(
            Rule::InForceCount,
            "t2/a20_1/normative/in_force".to_string()
        )]
    );
    assert_eq!(fs[0].severity, Severity::Hint);
    assert_eq!(fs[0].subject, "第二十条第（一）项 · 行政规范性文件");
    assert_eq!(Finding::sum(&fs[0].lhs), 13);
    assert_eq!(Finding::sum(&fs[0].rhs), 12);
    let labels: Vec<_> = fs[0].rhs.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        ["2021年 现行有效件数", "本年制发件数", "−本年废止件数"]
    );
    // 规章: last year's 现行有效件数 is blank, so there is nothing to compare with.
    // No previous year, or a previous year in the 2019 format: no hint.
    assert_eq!(summary(&findings(bad.clone(), None)), []);
    let mut prev_2019 = prev;
    prev_2019.table_format = Some(V2019);
    assert_eq!(summary(&findings(bad, Some(prev_2019))), []);
}

#[test]
fn sums_at_the_limits_never_wrap() {
    // Every typed cell of 表三 and 表四 at the largest value a cell takes.
    for format in [V2019, V2021] {
        let mut r = statutory(if format == V2019 { 2020 } else { 2022 }, &[]);
        for key in typed_cells(format) {
            r.tables.set(key, "1000000000000");
        }
        let c = computed_cells(&r.tables, format);
        let rows = catalog::table3(format)
            .rows
            .iter()
            .filter(|r| r.is_outcome())
            .count() as i64;
        assert_eq!(c[&t3_key("total", "natural")], rows * 1_000_000_000_000);
        assert_eq!(c[&t3_key("total", "total")], rows * 6 * 1_000_000_000_000);
        assert!(c.values().all(|v| *v > 0));
        // Values a cell refuses count as 0 in the totals, and are reported.
        r.tables
            .set(t3_key("public", "natural"), "9223372036854775807");
        let c2 = computed_cells(&r.tables, format);
        assert_eq!(
            c2[&t3_key("total", "natural")],
            (rows - 1) * 1_000_000_000_000
        );
        let fs = findings(r, None);
        assert!(fs.iter().any(|f| f.rule == Rule::CellTooLarge));
    }
    // Two huge values can no longer wrap （七）总计 to 0 and hide an imbalance.
    let r = statutory(
        2021,
        &[
            ("t3/main/public/natural", "9223372036854775807"),
            ("t3/main/partial/natural", "9223372036854775807"),
            ("t3/main/new/natural", "5"),
        ],
    );
    let rules: Vec<Rule> = findings(r, None).iter().map(|f| f.rule).collect();
    assert!(rules.contains(&Rule::CellTooLarge));
    assert!(rules.contains(&Rule::RequestBalance));
    // Saturating sums of the terms of a finding.
    let term = |value| gongkai::check::Term {
        label: String::new(),
        value,
    };
    assert_eq!(Finding::sum(&[term(i64::MAX), term(i64::MAX)]), i64::MAX);
    assert_eq!(Finding::sum(&[term(i64::MIN), term(-1)]), i64::MIN);
}

// ---------------------------------------------------------------------------------------------
// Computed cells
// ---------------------------------------------------------------------------------------------

#[test]
fn computed_cells_cover_every_total() {
    let r = statutory(2021, BALANCED);
    let c = computed_cells(&r.tables, V2021);
    assert_eq!(c[&t3_key("total", "natural")], 4);
    assert_eq!(c[&t3_key("total", "business")], 3);
    assert_eq!(c[&t3_key("total", "total")], 7);
    assert_eq!(c[&t3_key("new", "total")], 8);
    assert_eq!(c[&t4_key("after_review", "total")], 0);
    assert_eq!(c.len(), 6 + 25 + 3);
    assert_eq!(computed_cells(&r.tables, V2019).len(), 6 + 23 + 3);
}

/// Every typed (non-computed) cell of 表三 and 表四 in `format`.
fn typed_cells(format: TableFormat) -> Vec<String> {
    let t3 = catalog::table3(format);
    let t4 = catalog::table4(format);
    let mut keys: Vec<String> = t3
        .rows
        .iter()
        .filter(|r| !r.computed)
        .flat_map(|r| t3.input_columns().map(move |c| t3_key(r.key, c.key)))
        .collect();
    keys.extend(t4.groups.iter().flat_map(|g| {
        t4.columns
            .iter()
            .filter(|c| !c.computed)
            .map(move |c| t4_key(g.key, c.key))
    }));
    keys
}

proptest! {
    #[test]
    fn stored_computed_values_never_break_totals(
        v2021 in any::<bool>(),
        values in proptest::collection::vec(0u32..1000, 200),
    ) {
        let format = if v2021 { V2021 } else { V2019 };
        let mut r = statutory(if v2021 { 2022 } else { 2020 }, &[]);
        for (key, v) in typed_cells(format).into_iter().zip(&values) {
            r.tables.set(key, v.to_string());
        }
        for (key, v) in computed_cells(&r.tables, format) {
            r.tables.set(key, v.to_string());
        }
        let fs = findings(r.clone(), None);
        prop_assert!(
            !fs.iter().any(|f| matches!(f.rule, Rule::OutcomeTotal | Rule::ApplicantTotal | Rule::AppealTotal | Rule::InvalidCell)),
            "{fs:?}"
        );

        // Set 四 to 一 + 二 − （七） where that is not negative: those columns balance.
        let computed = computed_cells(&r.tables, format);
        let mut balanced = Vec::new();
        for c in catalog::table3(format).input_columns() {
            let get = |row: &str| r.tables.get(&t3_key(row, c.key)).parse::<i64>().unwrap_or(0);
            let rest = get("new") + get("carried") - computed[&t3_key("total", c.key)];
            if rest >= 0 {
                r.tables.set(t3_key("carry_next", c.key), rest.to_string());
                balanced.push(c.label.to_string());
            }
        }
        for (key, v) in computed_cells(&r.tables, format) {
            r.tables.set(key, v.to_string());
        }
        let fs = findings(r, None);
        prop_assert!(
            !fs.iter().any(|f| f.rule != Rule::RequestBalance),
            "{fs:?}"
        );
        prop_assert!(
            !fs.iter().any(|f| balanced.contains(&f.subject)),
            "{fs:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Carry forward
// ---------------------------------------------------------------------------------------------

fn filled_2019() -> Report {
    let mut r = statutory(
        2019,
        &[
            ("t2/a20_5/license/prev_count", "8"),
            ("t2/a20_5/license/change", "增10"),
            ("t2/a20_6/penalty/prev_count", "1215"),
            ("t2/a20_6/penalty/change", "-35"),
            ("t2/a20_6/coercion/prev_count", "x"),
            ("t2/a20_8/fees/prev_count", "5"),
            ("t3/main/carry_next/natural", "3"),
            ("t3/main/carry_next/other", "1"),
            ("t3/main/new/natural", "9"),
        ],
    );
    r.unit_name = "某区教育局".into();
    r.region = "某市某区".into();
    r.title = "自定义标题".into();
    r.narrative.other = "无".into();
    let cat = &mut r.categories[0];
    cat.intro = "本年度发布政策文件".into();
    cat.status = Some(DisclosureStatus::Published);
    let item = &mut cat.items[0];
    item.name = "改过的事项名称".into();
    item.basis = "《某条例》".into();
    item.channels = vec!["政府网站".into()];
    item.text = "今年的文字".into();
    item.status = Some(DisclosureStatus::NotPublished);
    item.reason = "原因".into();
    item.channels_used = vec!["政府网站".into()];
    item.counts = vec![ItemCount {
        label: "发布信息".into(),
        value: 26,
        unit: "条".into(),
    }];
    r
}

#[test]
fn carry_forward_prefills_tables_and_copies_the_catalogue() {
    let prev = filled_2019();
    let next = carry_forward(&prev, 2020);
    assert_eq!(next.year, 2020);
    assert_eq!(next.unit_name, "某区教育局");
    assert_eq!(next.region, "某市某区");
    assert_eq!(next.structure, ReportStructure::Statutory);
    assert_eq!(next.title, "");
    assert_eq!(next.table_format, None);
    assert!(next.narrative.is_empty());
    // 表二: 上一年项目数量 = 8 + 10, 1215 − 35, 5 + 0; the unreadable row is left blank.
    let t = |k: &str| next.tables.get(k).to_string();
    assert_eq!(t("t2/a20_5/license/prev_count"), "18");
    assert_eq!(t("t2/a20_6/penalty/prev_count"), "1180");
    assert_eq!(t("t2/a20_8/fees/prev_count"), "5");
    assert_eq!(t("t2/a20_6/coercion/prev_count"), "");
    assert_eq!(t("t2/a20_5/license/change"), "");
    // 表三: 二、上年结转 = last year's 四.
    assert_eq!(t("t3/main/carried/natural"), "3");
    assert_eq!(t("t3/main/carried/other"), "1");
    assert_eq!(t("t3/main/carried/business"), "");
    assert_eq!(t("t3/main/new/natural"), "");
    assert_eq!(next.tables.0.len(), 5);
    // Catalogue columns copied; this year's texts not.
    let cat = &next.categories[0];
    assert_eq!(cat.key, prev.categories[0].key);
    assert_eq!(cat.intro, "");
    assert_eq!(cat.status, None);
    let item = &cat.items[0];
    assert_eq!(item.id, prev.categories[0].items[0].id);
    assert_eq!(item.name, "改过的事项名称");
    assert_eq!(item.basis, "《某条例》");
    assert_eq!(item.channels, ["政府网站"]);
    assert_eq!(item.content, prev.categories[0].items[0].content);
    assert_eq!(item.deadline, prev.categories[0].items[0].deadline);
    assert_eq!(item.audience, prev.categories[0].items[0].audience);
    assert_eq!(item.text, "");
    assert_eq!(item.status, None);
    assert_eq!(item.reason, "");
    assert!(item.channels_used.is_empty() && item.counts.is_empty());
    assert_eq!(next.categories.len(), prev.categories.len());
    // The carried report passes the cross-year rules against the report it came from.
    let cross_year: Vec<_> = findings(next, Some(prev))
        .into_iter()
        .filter(|f| matches!(f.rule, Rule::CarryOver | Rule::ProjectCount))
        .collect();
    assert_eq!(cross_year, []);
}

#[test]
fn carry_forward_into_the_2021_format_skips_project_counts() {
    let mut prev = filled_2019();
    prev.year = 2020;
    let next = carry_forward(&prev, 2021);
    assert_eq!(next.effective_table_format(), V2021);
    assert!(next
        .tables
        .0
        .keys()
        .all(|k| k.starts_with("t3/main/carried/")));
    assert_eq!(next.tables.get("t3/main/carried/natural"), "3");
}

#[test]
fn workspace_adds_a_carried_year() {
    let mut ws = Workspace::default();
    ws.reports.insert(2019, filled_2019());
    ws.current_year = Some(2019);
    gongkai::carry::add_year_carried(&mut ws, 2020).unwrap();
    assert_eq!(ws.current_year, Some(2020));
    let r = ws.current().unwrap();
    assert_eq!(r.tables.get("t2/a20_5/license/prev_count"), "18");
    assert_eq!(r.unit_name, "某区教育局");
    assert!(gongkai::carry::add_year_carried(&mut ws, 2020).is_err());
}
