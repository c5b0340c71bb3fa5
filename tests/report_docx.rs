//! The .docx export, checked on the package it writes: page set-up, fonts, line pitch, footers,
//! document properties, and the statutory tables' merged cells (gridSpan / vMerge) against the model.

use std::io::{Cursor, Read};

use gongkai::report::{
    render_docx, sanitize_docx_text, Block, Cell, Document, DocxError, Row, Table,
};
use proptest::prelude::*;

mod support;
use support::xml::{parse, Node};

const DATE: &str = "2025-01-20T09:30:00+08:00";

// ---------------------------------------------------------------- reading the package

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("the .docx is a zip archive");
    let mut file = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is missing"));
    let mut s = String::new();
    file.read_to_string(&mut s).expect("UTF-8 part");
    s
}

fn part_names(docx: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    zip.file_names()
        .map(|n| n.expect("file name").into_owned())
        .collect()
}

// ---------------------------------------------------------------- the hand-built document

fn heading(level: u8, number: &str, text: &str) -> Block {
    Block::Heading {
        level,
        number: number.into(),
        text: text.into(),
    }
}

fn header_row(cells: Vec<Cell>) -> Row {
    Row {
        header: true,
        cells,
    }
}

fn body_row(cells: Vec<Cell>) -> Row {
    Row {
        header: false,
        cells,
    }
}

fn values(n: usize, v: &str) -> Vec<Cell> {
    (0..n).map(|_| Cell::value(v)).collect()
}

/// 表二 (2021): a block title row spanning all four columns above each block.
fn table_two() -> Table {
    let block = |title: &str| header_row(vec![Cell::header(title).span(4, 1)]);
    let mut rows = vec![
        block("第二十条第（一）项"),
        header_row(vec![
            Cell::header("信息内容"),
            Cell::header("本年制发件数"),
            Cell::header("本年废止件数"),
            Cell::header("现行有效件数"),
        ]),
        body_row([vec![Cell::label("规章")], values(3, "0")].concat()),
        body_row([vec![Cell::label("行政规范性文件")], values(3, "12")].concat()),
    ];
    for (title, items) in [
        ("第二十条第（五）项", vec!["行政许可"]),
        ("第二十条第（六）项", vec!["行政处罚", "行政强制"]),
        ("第二十条第（八）项", vec!["行政事业性收费"]),
    ] {
        rows.push(block(title));
        rows.push(header_row(vec![
            Cell::header("信息内容"),
            Cell::header("本年处理决定数量").span(3, 1),
        ]));
        for item in items {
            rows.push(body_row(vec![
                Cell::label(item),
                Cell::value("282.1").span(3, 1),
            ]));
        }
    }
    Table {
        caption: None,
        columns: 4,
        rows,
    }
}

/// 表三 (2021): three header rows, the 3×3 corner, and 三、本年度办理结果 down 22 rows.
fn table_three() -> Table {
    let mut rows = vec![
        header_row(vec![
            Cell::header("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
                .span(3, 3),
            Cell::header("申请人情况").span(7, 1),
        ]),
        header_row(vec![
            Cell::header("自然人").span(1, 2),
            Cell::header("法人或其他组织").span(5, 1),
            Cell::header("总计").span(1, 2),
        ]),
        header_row(
            [
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
            ]
            .into_iter()
            .map(Cell::header)
            .collect(),
        ),
    ];
    let full =
        |label: &str| body_row([vec![Cell::label(label).span(3, 1)], values(7, "1")].concat());
    rows.push(full("一、本年新收政府信息公开申请数量"));
    rows.push(full("二、上年结转政府信息公开申请数量"));
    let groups: [(&str, Vec<&str>); 7] = [
        ("（一）予以公开", vec![]),
        (
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            vec![],
        ),
        (
            "（三）不予公开",
            vec![
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”",
                "4.保护第三方合法权益",
                "5.属于三类内部事务信息",
                "6.属于四类过程性信息",
                "7.属于行政执法案卷",
                "8.属于行政查询事项",
            ],
        ),
        (
            "（四）无法提供",
            vec![
                "1.本机关不掌握相关政府信息",
                "2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确",
            ],
        ),
        (
            "（五）不予处理",
            vec![
                "1.信访举报投诉类申请",
                "2.重复申请",
                "3.要求提供公开出版物",
                "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息",
            ],
        ),
        (
            "（六）其他处理",
            vec![
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ],
        ),
        ("（七）总计", vec![]),
    ];
    let mut first = true;
    for (group, items) in groups {
        let mut lead = Vec::new();
        if first {
            lead.push(Cell::label("三、本年度办理结果").span(1, 22));
            first = false;
        }
        if items.is_empty() {
            lead.push(Cell::label(group).span(2, 1));
            rows.push(body_row([lead, values(7, "2")].concat()));
        } else {
            lead.push(Cell::label(group).span(1, items.len()));
            for (i, item) in items.iter().enumerate() {
                let mut cells = if i == 0 {
                    std::mem::take(&mut lead)
                } else {
                    vec![]
                };
                cells.push(Cell::label(*item));
                rows.push(body_row([cells, values(7, "3")].concat()));
            }
        }
    }
    rows.push(full("四、结转下年度继续办理"));
    Table {
        caption: Some("三、收到和处理政府信息公开申请情况".into()),
        columns: 10,
        rows,
    }
}

/// 表四: 行政复议 (5) | 行政诉讼 (10), two header levels below, then one row of 15 numbers.
fn table_four() -> Table {
    let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut second: Vec<Cell> = results
        .iter()
        .map(|t| Cell::header(*t).span(1, 2))
        .collect();
    second.push(Cell::header("未经复议直接起诉").span(5, 1));
    second.push(Cell::header("复议后起诉").span(5, 1));
    Table {
        caption: Some("四、政府信息公开行政复议、行政诉讼情况".into()),
        columns: 15,
        rows: vec![
            header_row(vec![
                Cell::header("行政复议").span(5, 1),
                Cell::header("行政诉讼").span(10, 1),
            ]),
            header_row(second),
            header_row(
                results
                    .iter()
                    .chain(results.iter())
                    .map(|t| Cell::header(*t))
                    .collect(),
            ),
            body_row(values(15, "0")),
        ],
    }
}

fn sample() -> Document {
    Document {
        title: "长春汽车经济技术开发区教育局2020年政府信息公开工作年度报告".into(),
        unit: "长春汽车经济技术开发区教育局".into(),
        year: 2020,
        blocks: vec![
            Block::Paragraph("本报告根据《中华人民共和国政府信息公开条例》编制。Times 2020".into()),
            heading(1, "一、", "总体情况"),
            heading(2, "（一）", "主动公开"),
            heading(3, "1.", "公开平台"),
            heading(4, "（1）", "门户网站"),
            Block::Paragraph("汽开区教育局通过门户网站公开信息。".into()),
            heading(1, "二、", "主动公开政府信息情况"),
            Block::Table(table_two()),
            Block::Table(table_three()),
            heading(1, "四、", "政府信息公开行政复议、行政诉讼情况"),
            Block::Table(table_four()),
        ],
    }
}

fn tables_of(doc: &Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------- merged cells

/// What a Word cell should be: its span, vMerge value, and text.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Expect {
    column: usize,
    span: usize,
    vmerge: Option<&'static str>,
    text: String,
}

/// (origin row, origin column, the cell) of a grid slot.
type Owner<'a> = (usize, usize, &'a Cell);

/// The Word rows a model table must become, derived independently from an occupancy grid.
fn expected_rows(table: &Table) -> Vec<Vec<Expect>> {
    let n = table.rows.len();
    // owner[r][c] = (origin row, origin column, cell)
    let mut owner: Vec<Vec<Option<Owner>>> = vec![vec![None; table.columns]; n];
    for (r, row) in table.rows.iter().enumerate() {
        let mut c = 0;
        for cell in &row.cells {
            while owner[r][c].is_some() {
                c += 1;
            }
            for row_slots in &mut owner[r..(r + cell.rowspan).min(n)] {
                for slot in &mut row_slots[c..c + cell.colspan] {
                    assert!(slot.is_none(), "test fixture overlaps");
                    *slot = Some((r, c, cell));
                }
            }
            c += cell.colspan;
        }
    }
    owner
        .iter()
        .enumerate()
        .map(|(r, slots)| {
            let mut out = Vec::new();
            let mut c = 0;
            while c < table.columns {
                let (or, oc, cell) = slots[c].expect("fixture fills the grid");
                assert_eq!(oc, c);
                let spans_down = (r + cell.rowspan).min(n) - or > 1;
                out.push(Expect {
                    column: c,
                    span: cell.colspan,
                    vmerge: match (or == r, spans_down) {
                        (true, true) => Some("restart"),
                        (true, false) => None,
                        (false, _) => Some("continue"),
                    },
                    text: if or == r {
                        cell.text.clone()
                    } else {
                        String::new()
                    },
                });
                c += cell.colspan;
            }
            out
        })
        .collect()
}

/// The Word rows as written.
fn actual_rows(tbl: &Node) -> Vec<Vec<Expect>> {
    tbl.kids("w:tr")
        .map(|tr| {
            let mut c = 0;
            tr.kids("w:tc")
                .map(|tc| {
                    let pr = tc.child("w:tcPr").expect("tcPr");
                    let span = pr
                        .child("w:gridSpan")
                        .map_or(1, |g| g.attr("w:val").unwrap().parse().unwrap());
                    let vmerge = pr.child("w:vMerge").map(|v| match v.attr("w:val") {
                        Some("restart") => "restart",
                        Some("continue") | None => "continue",
                        Some(other) => panic!("vMerge {other}"),
                    });
                    let e = Expect {
                        column: c,
                        span,
                        vmerge,
                        text: tc.w_text(),
                    };
                    c += span;
                    e
                })
                .collect()
        })
        .collect()
}

fn render(doc: &Document) -> Vec<u8> {
    render_docx(doc, DATE).expect("renders")
}

fn body_of(docx: &[u8]) -> Node {
    let root = parse(&part(docx, "word/document.xml"));
    assert_eq!(root.name, "w:document");
    let body = root.children.into_iter().find(|c| c.name == "w:body");
    body.expect("w:body")
}

// ---------------------------------------------------------------- tests

#[test]
fn page_is_a4_with_gb9704_margins() {
    let docx = render(&sample());
    let xml = part(&docx, "word/document.xml");
    assert!(
        xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4 page size"
    );
    let body = body_of(&docx);
    let sect = body.child("w:sectPr").expect("sectPr");
    let mar = sect.child("w:pgMar").expect("pgMar");
    // 37, 28, 35, 26 mm
    assert_eq!(mar.attr("w:top"), Some("2098"));
    assert_eq!(mar.attr("w:left"), Some("1587"));
    assert_eq!(mar.attr("w:bottom"), Some("1984"));
    assert_eq!(mar.attr("w:right"), Some("1474"));
}

#[test]
fn fonts_sizes_and_line_pitch() {
    let docx = render(&sample());
    let body = body_of(&docx);
    let paras: Vec<&Node> = body.kids("w:p").collect();
    let run_of = |p: &Node| -> (String, String, String, bool) {
        let rpr = p.child("w:r").unwrap().child("w:rPr").unwrap();
        let f = rpr.child("w:rFonts").unwrap();
        (
            f.attr("w:eastAsia").unwrap().to_owned(),
            f.attr("w:ascii").unwrap().to_owned(),
            rpr.child("w:sz").unwrap().attr("w:val").unwrap().to_owned(),
            p.child("w:pPr").unwrap().child("w:ind").is_some(),
        )
    };
    let find = |text: &str| -> &Node {
        paras
            .iter()
            .find(|p| p.w_text() == text)
            .unwrap_or_else(|| panic!("paragraph {text}"))
    };

    let title = find("长春汽车经济技术开发区教育局2020年政府信息公开工作年度报告");
    assert_eq!(run_of(title).0, "方正小标宋简体");
    assert_eq!(run_of(title).2, "44");
    let ppr = title.child("w:pPr").unwrap();
    assert_eq!(ppr.child("w:jc").unwrap().attr("w:val"), Some("center"));
    // A blank line after the title.
    let ti = paras.iter().position(|p| std::ptr::eq(*p, title)).unwrap();
    assert_eq!(paras[ti + 1].w_text(), "");

    let para = find("汽开区教育局通过门户网站公开信息。");
    assert_eq!(
        run_of(para),
        (
            "仿宋_GB2312".into(),
            "Times New Roman".into(),
            "32".into(),
            true
        )
    );
    let ppr = para.child("w:pPr").unwrap();
    let sp = ppr.child("w:spacing").unwrap();
    assert_eq!(sp.attr("w:line"), Some("578"));
    assert_eq!(sp.attr("w:lineRule"), Some("exact"));
    let ind = ppr.child("w:ind").unwrap();
    assert_eq!(ind.attr("w:firstLineChars"), Some("200"));
    assert_eq!(ind.attr("w:firstLine"), Some("640"));

    for (text, font) in [
        ("一、总体情况", "黑体"),
        ("（一）主动公开", "楷体_GB2312"),
        ("1.公开平台", "仿宋_GB2312"),
        ("（1）门户网站", "仿宋_GB2312"),
    ] {
        let p = find(text);
        let (east, latin, size, indented) = run_of(p);
        assert_eq!(
            (east.as_str(), latin.as_str(), size.as_str()),
            (font, "Times New Roman", "32"),
            "{text}"
        );
        assert!(indented, "{text} is indented two characters");
        let sp = p.child("w:pPr").unwrap().child("w:spacing").unwrap();
        assert_eq!(sp.attr("w:line"), Some("578"), "{text}");
        assert_eq!(sp.attr("w:lineRule"), Some("exact"), "{text}");
    }

    // Table captions are centred paragraphs right above their tables.
    let children: Vec<&Node> = body.children.iter().collect();
    for caption in [
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ] {
        let i = children
            .iter()
            .rposition(|n| n.name == "w:p" && n.w_text() == caption)
            .unwrap();
        assert_eq!(
            children[i + 1].name,
            "w:tbl",
            "{caption} is above its table"
        );
        let jc = children[i].child("w:pPr").unwrap().child("w:jc").unwrap();
        assert_eq!(jc.attr("w:val"), Some("center"));
    }

    // The default run font (styles.xml) is 仿宋 too, so Word's own empty paragraphs match.
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains("仿宋_GB2312"));
}

#[test]
fn tables_keep_the_official_merged_cells() {
    let doc = sample();
    let docx = render(&doc);
    let body = body_of(&docx);
    let tbls: Vec<&Node> = body.kids("w:tbl").collect();
    let model = tables_of(&doc);
    assert_eq!(tbls.len(), model.len());
    // Two model tables in a row stay two Word tables: a paragraph separates them.
    let kinds: Vec<&str> = body.children.iter().map(|n| n.name.as_str()).collect();
    assert!(!kinds.windows(2).any(|w| w == ["w:tbl", "w:tbl"]));
    assert_ne!(
        kinds.iter().rev().nth(1),
        Some(&"w:tbl"),
        "body does not end in a table"
    );

    for (i, (tbl, table)) in tbls.iter().zip(&model).enumerate() {
        let expected = expected_rows(table);
        let actual = actual_rows(tbl);
        assert_eq!(actual, expected, "table {i}");

        // Full width, fixed grid of the table's columns, borders.
        let pr = tbl.child("w:tblPr").unwrap();
        assert_eq!(pr.child("w:tblW").unwrap().attr("w:w"), Some("8845"));
        let grid: Vec<usize> = tbl
            .child("w:tblGrid")
            .unwrap()
            .kids("w:gridCol")
            .map(|g| g.attr("w:w").unwrap().parse().unwrap())
            .collect();
        assert_eq!(grid.len(), table.columns);
        assert_eq!(grid.iter().sum::<usize>(), 8845);
        let borders = pr.child("w:tblBorders").unwrap();
        for side in [
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ] {
            assert_eq!(
                borders.child(side).unwrap().attr("w:val"),
                Some("single"),
                "{side}"
            );
        }

        // Leading header rows repeat on each page.
        let leading = table.rows.iter().take_while(|r| r.header).count();
        for (r, tr) in tbl.kids("w:tr").enumerate() {
            let repeat = tr
                .child("w:trPr")
                .and_then(|p| p.child("w:tblHeader"))
                .is_some();
            assert_eq!(repeat, r < leading, "table {i} row {r} tblHeader");
        }

        // Values right, headers centred, table text 五号.
        for (tr, row) in tbl.kids("w:tr").zip(&table.rows) {
            let starts: Vec<&Node> = tr
                .kids("w:tc")
                .filter(|tc| {
                    tc.child("w:tcPr")
                        .unwrap()
                        .child("w:vMerge")
                        .and_then(|v| v.attr("w:val"))
                        != Some("continue")
                })
                .collect();
            assert_eq!(starts.len(), row.cells.len());
            for (tc, cell) in starts.iter().zip(&row.cells) {
                let p = tc.child("w:p").unwrap();
                let jc = p
                    .child("w:pPr")
                    .unwrap()
                    .child("w:jc")
                    .unwrap()
                    .attr("w:val")
                    .unwrap();
                let want = match cell.align {
                    gongkai::report::Align::Left => "left",
                    gongkai::report::Align::Center => "center",
                    gongkai::report::Align::Right => "right",
                };
                assert_eq!(jc, want, "{}", cell.text);
                let sz = p
                    .child("w:r")
                    .unwrap()
                    .child("w:rPr")
                    .unwrap()
                    .child("w:sz")
                    .unwrap();
                assert_eq!(sz.attr("w:val"), Some("21"));
            }
        }
    }

    // Counted by hand against the official structure.
    let count = |tbl: &Node, pred: &dyn Fn(&Node) -> bool| {
        tbl.find_all("w:tcPr")
            .into_iter()
            .filter(|p| pred(p))
            .count()
    };
    let spans = |t: &Node| count(t, &|p| p.child("w:gridSpan").is_some());
    let restarts = |t: &Node| {
        count(t, &|p| {
            p.child("w:vMerge").and_then(|v| v.attr("w:val")) == Some("restart")
        })
    };
    let continues = |t: &Node| {
        count(t, &|p| {
            p.child("w:vMerge").and_then(|v| v.attr("w:val")) == Some("continue")
        })
    };
    // 表二: 4 block titles + 3 headers + 4 values span columns; nothing spans rows.
    assert_eq!(
        (spans(tbls[0]), restarts(tbls[0]), continues(tbls[0])),
        (11, 0, 0)
    );
    // 表三: corner (3×3), 申请人情况, 法人或其他组织, 2 corner continuations, 7 wide labels;
    // restarts: corner, 自然人, 总计, 三、 and (三)(四)(五)(六);
    // continues: 2 + 1 + 1 + 21 + 7 + 2 + 4 + 2.
    assert_eq!(
        (spans(tbls[1]), restarts(tbls[1]), continues(tbls[1])),
        (11, 8, 40)
    );
    // 表四: 4 group headers; the five 行政复议 results span two rows.
    assert_eq!(
        (spans(tbls[2]), restarts(tbls[2]), continues(tbls[2])),
        (4, 5, 5)
    );

    // 表三's 三、本年度办理结果 sits in column 0 of data rows 5..=26.
    let rows = actual_rows(tbls[1]);
    assert_eq!(rows[5][0].text, "三、本年度办理结果");
    assert_eq!(rows[5][0].vmerge, Some("restart"));
    for row in &rows[6..=26] {
        assert_eq!((row[0].column, row[0].vmerge), (0, Some("continue")));
    }
    assert_eq!(rows[27][0].vmerge, None);
}

#[test]
fn footers_have_outer_page_numbers() {
    let docx = render(&sample());
    let names = part_names(&docx);
    let footers: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/footer") && n.ends_with(".xml"))
        .collect();
    assert_eq!(footers.len(), 2, "{names:?}");
    let mut sides = Vec::new();
    for name in footers {
        let xml = part(&docx, name);
        let ftr = parse(&xml);
        assert!(ftr
            .find_all("w:instrText")
            .iter()
            .any(|i| i.text.trim() == "PAGE"));
        let p = ftr.child("w:p").unwrap();
        assert_eq!(p.w_text(), "— 1 —");
        let fonts = ftr.find_all("w:rFonts");
        assert!(fonts.iter().all(|f| f.attr("w:eastAsia") == Some("宋体")));
        assert!(ftr
            .find_all("w:sz")
            .iter()
            .all(|s| s.attr("w:val") == Some("28")));
        sides.push(
            p.child("w:pPr")
                .unwrap()
                .child("w:jc")
                .unwrap()
                .attr("w:val")
                .unwrap()
                .to_owned(),
        );
    }
    sides.sort();
    assert_eq!(sides, ["left", "right"]);

    let body = body_of(&docx);
    let sect = body.child("w:sectPr").unwrap();
    let mut types: Vec<&str> = sect
        .kids("w:footerReference")
        .map(|f| f.attr("w:type").unwrap())
        .collect();
    types.sort();
    assert_eq!(types, ["default", "even"]);
    let settings = part(&docx, "word/settings.xml");
    assert!(settings.contains("w:evenAndOddHeaders"));
}

#[test]
fn core_properties_carry_title_unit_year_and_date() {
    let docx = render(&sample());
    let core = parse(&part(&docx, "docProps/core.xml"));
    let text = |n: &str| core.child(n).map(|c| c.text.clone()).unwrap_or_default();
    assert_eq!(
        text("dc:title"),
        "长春汽车经济技术开发区教育局2020年政府信息公开工作年度报告"
    );
    assert_eq!(text("dc:creator"), "长春汽车经济技术开发区教育局");
    assert!(
        text("dc:subject").contains("长春汽车经济技术开发区教育局")
            && text("dc:subject").contains("2020")
    );
    assert_eq!(text("dcterms:created"), DATE);
    assert_eq!(text("dcterms:modified"), DATE);
}

#[test]
fn every_part_is_well_formed() {
    let docx = render(&sample());
    for name in part_names(&docx) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            parse(&part(&docx, &name));
        }
    }
}

#[test]
fn rejects_bad_dates_and_tables_that_overflow_their_grid() {
    assert!(matches!(
        render_docx(&sample(), "yesterday"),
        Err(DocxError::InvalidDate(_))
    ));
    assert!(render_docx(&sample(), "2025-01-20").is_ok());

    let mut doc = sample();
    doc.blocks.push(Block::Table(Table {
        caption: None,
        columns: 2,
        rows: vec![
            body_row(vec![Cell::label("a").span(1, 2), Cell::value("1")]),
            body_row(vec![Cell::value("2"), Cell::value("3")]),
        ],
    }));
    assert_eq!(
        render_docx(&doc, DATE),
        Err(DocxError::TableGrid {
            table: 3,
            row: 1,
            columns: 2
        })
    );
}

#[test]
fn short_rows_are_padded_and_long_rowspans_clipped() {
    let table = Table {
        caption: None,
        columns: 3,
        rows: vec![
            body_row(vec![Cell::label("a").span(1, 9), Cell::value("1")]),
            body_row(vec![Cell::value("2"), Cell::value("3")]),
        ],
    };
    let doc = Document {
        blocks: vec![Block::Table(table)],
        ..Document::default()
    };
    let docx = render(&doc);
    let body = body_of(&docx);
    let rows = actual_rows(body.child("w:tbl").unwrap());
    let shape: Vec<Vec<(usize, Option<&str>, &str)>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|e| (e.column, e.vmerge, e.text.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            vec![(0, Some("restart"), "a"), (1, None, "1"), (2, None, "")],
            vec![(0, Some("continue"), ""), (1, None, "2"), (2, None, "3")],
        ]
    );
}

#[test]
fn example_report_renders() {
    let ws = gongkai::example::example_workspace();
    let report = ws.current().expect("the example has an open year");
    let doc = gongkai::report::build(report, &gongkai::report::BuildOptions::default());
    let docx = render(&doc);
    let body = body_of(&docx);
    parse(&part(&docx, "docProps/core.xml"));
    assert!(!doc.blocks.is_empty(), "build() fills the body");
    let text = body.w_text();
    assert!(text.contains("第二十条第（一）项"), "表二's block title");
    assert!(text.contains("汽开区"));
    assert_eq!(body.kids("w:tbl").count(), tables_of(&doc).len());
    for (tbl, table) in body.kids("w:tbl").zip(tables_of(&doc)) {
        assert_eq!(actual_rows(tbl), expected_rows(table));
    }
}

// ---------------------------------------------------------------- arbitrary text

fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        "[\\x00-\\x1f<>&\"'a-z\u{7f}\u{80}-\u{9f}\u{fffe}\u{ffff} ]{0,40}",
        Just("<script>alert('x & \"y\"')</script>".to_owned()),
        Just("]]><![CDATA[ &amp; &#0; &#x1F600;".to_owned()),
        Just("😀👨‍👩‍👧 𠀀 汽开区\r\n第二行\tTab".to_owned()),
        "[汽开区教育局0-9a-z ]{2000,6000}",
    ]
}

/// The pieces of sanitised text that must appear as text runs (tabs and line feeds become
/// `w:tab`/`w:br`).
fn pieces(s: &str) -> Vec<String> {
    sanitize_docx_text(s)
        .split(['\t', '\n'])
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn arbitrary_text_stays_well_formed_and_round_trips(
        title in nasty(),
        unit in nasty(),
        para in nasty(),
        head in nasty(),
        cell in nasty(),
        caption in nasty(),
    ) {
        let doc = Document {
            title: title.clone(),
            unit: unit.clone(),
            year: 2024,
            blocks: vec![
                heading(1, "一、", &head),
                Block::Paragraph(para.clone()),
                Block::Table(Table {
                    caption: Some(caption.clone()),
                    columns: 2,
                    rows: vec![
                        header_row(vec![Cell::header(cell.clone()).span(2, 1)]),
                        body_row(vec![Cell::label(cell.clone()).span(1, 2), Cell::value(cell.clone())]),
                        body_row(vec![Cell::value("1")]),
                    ],
                }),
            ],
        };
        let docx = render_docx(&doc, DATE).expect("renders");
        let body = body_of(&docx);
        let text = body.w_text();
        for s in [&title, &para, &head, &cell, &caption] {
            for piece in pieces(s) {
                prop_assert!(text.contains(&piece), "missing {:?}", piece);
            }
        }
        let core = parse(&part(&docx, "docProps/core.xml"));
        let title_prop = core.child("dc:title").map(|t| t.text.clone()).unwrap_or_default();
        let want = sanitize_docx_text(title.trim()).replace(['\t', '\n'], " ");
        prop_assert_eq!(title_prop, want);
        prop_assert!(core.child("dc:creator").is_some());
        for name in part_names(&docx) {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                parse(&part(&docx, &name));
            }
        }
    }
}

/// `GONGKAI_DOCX_OUT=/tmp/sample.docx cargo test --test report_docx write_sample` writes the
/// hand-built document for a look in Word or LibreOffice; `GONGKAI_DOCX_EXAMPLE_OUT` the example.
#[test]
fn write_sample() {
    if let Some(path) = std::env::var_os("GONGKAI_DOCX_OUT") {
        std::fs::write(path, render(&sample())).expect("write the sample");
    }
    if let Some(path) = std::env::var_os("GONGKAI_DOCX_EXAMPLE_OUT") {
        let ws = gongkai::example::example_workspace();
        let report = ws.current().expect("the example has an open year");
        let doc = gongkai::report::build(report, &gongkai::report::BuildOptions::default());
        std::fs::write(path, render(&doc)).expect("write the example");
    }
}

#[test]
fn font_table_names_the_fallbacks() {
    let bytes = gongkai::report::render_docx(
        &gongkai::report::Document {
            title: "标题".into(),
            unit: "单位".into(),
            year: 2020,
            blocks: vec![gongkai::report::Block::Paragraph("正文".into())],
        },
        "2021-01-20T09:00:00Z",
    )
    .expect("renders");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/fontTable.xml").expect("fontTable"),
        &mut xml,
    )
    .expect("UTF-8");
    for (font, fallback) in [
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("方正小标宋简体", "宋体"),
        ("黑体", "SimHei"),
    ] {
        assert!(
            xml.contains(&format!(
                r#"<w:font w:name="{font}"><w:altName w:val="{fallback}"/>"#
            )),
            "{font} → {fallback}: {xml}"
        );
    }
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("fontTable.xml is not well-formed: {e}"),
        }
    }
}
