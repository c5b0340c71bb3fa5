//! 图解 (`gongkai::graphic`): golden SVG files of the example and of a statutory report with three
//! years, in both layouts (`UPDATE_GOLDEN=1 cargo test --test graphic` rewrites them; render them to
//! PNG and look before committing); every SVG parses as XML; every number in it equals the value the
//! report's own tables show for the cells it names; hostile strings are escaped; every text fits the
//! box it was laid out in, with one-digit and six-digit figures and long unit names; and a property
//! test over generated reports.

use std::collections::BTreeMap;

use gongkai::catalog::{self, t3_key, t4_key, CellKind, TABLE2};
use gongkai::cell::parse_cell;
use gongkai::example::example_workspace;
use gongkai::graphic::{self, Layout, Scene};
use gongkai::model::{
    DisclosureStatus, ItemContent, ItemCount, Report, ReportStructure, TableFormat, Workspace,
};
use gongkai::report::{self, Block, BuildOptions};
use proptest::prelude::*;

mod support;
use support::xml::{parse, Node};

const LAYOUTS: [Layout; 2] = [Layout::Portrait, Layout::Landscape];

// ---------------------------------------------------------------- the reports

fn set(r: &mut Report, cells: &[(String, &str)]) {
    for (k, v) in cells {
        r.tables.set(k.clone(), *v);
    }
}

fn t2(block: &str, row: &str, col: &str) -> String {
    catalog::cell_key(TABLE2, block, row, col)
}

/// Three statutory years (2020 in the 2019 format, 2021 and 2022 in the 2021 format) with balanced
/// 表三s, a six-digit 新收 in 2022 and jumps from 2021 to 2022; 2022 is open.
fn statutory_workspace() -> Workspace {
    let mut ws = example_workspace();
    let r = ws.current_mut().expect("the example's report");
    r.structure = ReportStructure::Statutory;
    set(
        r,
        &[
            (t2("a20_1", "normative", "new_made"), "8"),
            (t2("a20_1", "normative", "new_published"), "8"),
            (t2("a20_1", "normative", "total_published"), "120"),
            (t2("a20_5", "license", "prev_count"), "1215"),
            (t2("a20_5", "license", "change"), "-35"),
            (t2("a20_5", "license", "decisions"), "1180"),
            (t2("a20_6", "penalty", "decisions"), "3"),
            (t2("a20_8", "fees", "change"), "增2"),
            (t2("a20_9", "procurement", "purchase_count"), "4"),
            (
                t2("a20_9", "procurement", "purchase_amount"),
                "1276.5534万元",
            ),
            (t3_key("new", "natural"), "3"),
            (t3_key("new", "business"), "1"),
            (t3_key("public", "natural"), "2"),
            (t3_key("withheld_secret", "business"), "1"),
            (t3_key("carry_next", "natural"), "1"),
            (t4_key("review", "upheld"), "1"),
            (t4_key("after_review", "pending"), "2"),
        ],
    );
    gongkai::carry::add_year_carried(&mut ws, 2021).expect("2021");
    let r = ws.current_mut().expect("2021 is open");
    set(
        r,
        &[
            (t2("a20_1", "rules", "issued"), "0"),
            (t2("a20_1", "normative", "issued"), "12"),
            (t2("a20_1", "normative", "repealed"), "3"),
            (t2("a20_1", "normative", "in_force"), "129"),
            (t2("a20_5", "license", "decisions"), "1234"),
            (t2("a20_6", "penalty", "decisions"), "5"),
            (t2("a20_6", "coercion", "decisions"), "1"),
            (t2("a20_8", "fees", "fee_amount"), "35.2"),
            (t3_key("new", "natural"), "25"),
            (t3_key("new", "business"), "4"),
            (t3_key("new", "research"), "1"),
            (t3_key("new", "legal"), "2"),
            (t3_key("public", "natural"), "15"),
            (t3_key("partial", "natural"), "3"),
            (t3_key("withheld_third_party", "natural"), "2"),
            (t3_key("unavailable_not_held", "natural"), "4"),
            (t3_key("rejected_repeat", "natural"), "1"),
            (t3_key("carry_next", "natural"), "1"),
            (t3_key("public", "business"), "2"),
            (t3_key("withheld_process", "business"), "1"),
            (t3_key("other_other", "business"), "1"),
            (t3_key("public", "research"), "1"),
            (t3_key("partial", "legal"), "1"),
            (t3_key("rejected_petition", "legal"), "1"),
            (t4_key("review", "upheld"), "2"),
            (t4_key("review", "corrected"), "1"),
            (t4_key("direct", "upheld"), "1"),
        ],
    );
    gongkai::carry::add_year_carried(&mut ws, 2022).expect("2022");
    let r = ws.current_mut().expect("2022 is open");
    set(
        r,
        &[
            (t2("a20_1", "normative", "issued"), "9"),
            (t2("a20_1", "normative", "repealed"), "1"),
            (t2("a20_1", "normative", "in_force"), "137"),
            (t2("a20_5", "license", "decisions"), "2100"),
            (t2("a20_6", "penalty", "decisions"), "4"),
            (t2("a20_8", "fees", "fee_amount"), "36万元"),
            (t3_key("new", "natural"), "123456"),
            (t3_key("new", "business"), "6"),
            (t3_key("new", "charity"), "2"),
            (t3_key("public", "natural"), "100000"),
            (t3_key("partial", "natural"), "20000"),
            (t3_key("withheld_secret", "natural"), "1"),
            (t3_key("withheld_law", "natural"), "2"),
            (t3_key("withheld_safety", "natural"), "3"),
            (t3_key("withheld_third_party", "natural"), "4"),
            (t3_key("withheld_internal", "natural"), "5"),
            (t3_key("withheld_process", "natural"), "6"),
            (t3_key("withheld_enforcement", "natural"), "7"),
            (t3_key("withheld_query", "natural"), "8"),
            (t3_key("unavailable_to_make", "natural"), "3000"),
            (t3_key("rejected_excessive", "natural"), "420"),
            (t3_key("carry_next", "natural"), "1"),
            (t3_key("public", "business"), "5"),
            (t3_key("other_unpaid", "business"), "1"),
            (t3_key("public", "charity"), "2"),
            (t4_key("review", "upheld"), "7"),
            (t4_key("review", "corrected"), "2"),
            (t4_key("review", "other"), "1"),
            (t4_key("review", "pending"), "3"),
            (t4_key("direct", "upheld"), "4"),
            (t4_key("direct", "corrected"), "1"),
            (t4_key("after_review", "pending"), "2"),
        ],
    );
    ws
}

fn svg_of(ws: &Workspace, layout: Layout) -> String {
    let year = ws.current_year.expect("an open year");
    graphic::render_svg(&graphic::build_for(ws, year).expect("a graphic"), layout)
}

fn scene_of(ws: &Workspace, layout: Layout) -> Scene {
    let year = ws.current_year.expect("an open year");
    graphic::layout(&graphic::build_for(ws, year).expect("a graphic"), layout)
}

// ---------------------------------------------------------------- what the tables show

/// The kind of a typed cell, from the catalogue (totals and 表三/表四 are counts).
fn kind_of(key: &str, format: TableFormat) -> CellKind {
    let parts: Vec<&str> = key.split('/').collect();
    if parts[0] == TABLE2 {
        if let Some(c) = catalog::table2(format)
            .iter()
            .find(|b| b.key == parts[1])
            .and_then(|b| b.column(parts[3]))
        {
            return c.kind;
        }
    }
    CellKind::Count
}

/// Every value cell of the report's tables as the report document prints it, by cell key: read from
/// `report::build` (the model every export renders), walking the catalogue in the builder's order.
fn printed_cells(r: &Report) -> BTreeMap<String, String> {
    let mut r = r.clone();
    r.structure = ReportStructure::Statutory;
    let format = r.effective_table_format();
    let doc = report::build(&r, &BuildOptions::default());
    let tables: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 3, "a statutory report prints three tables");
    let mut out = BTreeMap::new();
    // 表二: per block a title row, a header row, then one row per catalogue row.
    let mut rows = tables[0].rows.iter();
    for block in catalog::table2(format) {
        rows.next();
        rows.next();
        for row in block.rows {
            let cells = &rows.next().expect("a 表二 row").cells;
            for (c, cell) in block.columns.iter().zip(&cells[1..]) {
                out.insert(
                    catalog::cell_key(TABLE2, block.key, row.key, c.key),
                    cell.text.clone(),
                );
            }
        }
    }
    // 表三: three header rows, then one row per catalogue row, the values last.
    let t3 = catalog::table3(format);
    for (i, row) in t3.rows.iter().enumerate() {
        let cells = &tables[1].rows[3 + i].cells;
        let values = &cells[cells.len() - t3.columns.len()..];
        for (c, cell) in t3.columns.iter().zip(values) {
            out.insert(t3_key(row.key, c.key), cell.text.clone());
        }
    }
    // 表四: three header rows, then the fifteen values.
    let t4 = catalog::table4(format);
    for (key, cell) in t4.cell_keys().into_iter().zip(&tables[2].rows[3].cells) {
        out.insert(key, cell.text.clone());
    }
    out
}

/// The texts of the SVG's `<text>` elements.
fn texts(svg: &str) -> Vec<(String, Vec<(String, String)>)> {
    parse(svg)
        .find_all("text")
        .into_iter()
        .map(|n: &Node| (n.text.clone(), n.attrs.clone()))
        .collect()
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Looks like a figure: digits, an optional sign, decimals and 元/万元.
fn is_number(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_suffix("万元").or(t.strip_suffix('元')).unwrap_or(t);
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Checks every number of `svg` against the tables of the workspace's reports; returns how many
/// numbers were checked. With `all_named`, every text that looks like a number must name its
/// source (not for generated reports, whose names and labels may be digits themselves).
fn check_numbers(ws: &Workspace, svg: &str, all_named: bool) -> usize {
    check_numbers_with(ws, &printed(ws), svg, all_named)
}

/// Every report's printed cells, by year.
fn printed(ws: &Workspace) -> BTreeMap<u16, BTreeMap<String, String>> {
    ws.reports
        .iter()
        .map(|(y, r)| (*y, printed_cells(r)))
        .collect()
}

fn check_numbers_with(
    ws: &Workspace,
    printed: &BTreeMap<u16, BTreeMap<String, String>>,
    svg: &str,
    all_named: bool,
) -> usize {
    let year = ws.current_year.expect("open year");
    let mut checked = 0;
    for (text, attrs) in texts(svg) {
        let named = ["data-cell", "data-sum", "data-item", "data-year"]
            .iter()
            .any(|a| attr(&attrs, a).is_some());
        if all_named && is_number(&text) {
            assert!(named, "the number {text:?} does not name its source");
        }
        let y: u16 = attr(&attrs, "data-year").map_or(year, |y| y.parse().expect("a year"));
        let report = &ws.reports[&y];
        let format = report.effective_table_format();
        let cells = &printed[&y];
        if let Some(key) = attr(&attrs, "data-cell") {
            let kind = kind_of(key, format);
            let table = cells.get(key).expect("a printed cell");
            match (parse_cell(&text, kind), parse_cell(table, kind)) {
                (Ok(shown), Ok(printed)) => assert_eq!(
                    shown, printed,
                    "{y} {key}: graphic {text:?}, table {table:?}"
                ),
                // Text that is not a number (the check reports it) is drawn as the table prints it,
                // shortened only when it does not fit.
                _ => assert!(
                    table.starts_with(text.trim_end_matches('…')),
                    "{y} {key}: graphic {text:?}, table {table:?}"
                ),
            }
        } else if let Some(keys) = attr(&attrs, "data-sum") {
            // As the totals count them: unreadable text as 0.
            let sum: i64 = keys
                .split(' ')
                .map(|k| {
                    parse_cell(&cells[k], CellKind::Count)
                        .map(|v| v.as_count())
                        .unwrap_or(0)
                })
                .sum();
            assert_eq!(text, sum.to_string(), "{y} sum of {keys}");
        } else if let Some(source) = attr(&attrs, "data-item") {
            // `<category>/<item id>/<n>`; the id may hold `/` itself.
            let (category, rest) = source.split_once('/').expect("category/…");
            let (item, n) = rest.rsplit_once('/').expect("…/n");
            let item = report
                .category(category)
                .and_then(|c| c.items.iter().find(|i| i.id == item))
                .expect("the item exists");
            let n: usize = n.parse().expect("a count index");
            assert_eq!(text, item.counts[n].value.to_string(), "{source}");
        } else if let Some(y) = attr(&attrs, "data-year") {
            assert_eq!(text, y, "a year label");
        } else {
            continue;
        }
        checked += 1;
    }
    checked
}

/// Every text fits the box it was laid out in, and every box is on the page.
fn check_fit(scene: &Scene) {
    for t in scene.texts() {
        assert!(
            t.width() <= t.fit + 1e-6,
            "{:?} is {:.1} px wide in a box of {:.1} px",
            t.content,
            t.width(),
            t.fit
        );
        let (left, right) = t.box_span();
        assert!(
            left >= -1e-6 && right <= scene.width + 1e-6,
            "{:?} spans {left:.1}–{right:.1} on a page {} px wide",
            t.content,
            scene.width
        );
        assert!(
            t.y > 0.0 && t.y < scene.height,
            "{:?} below the page",
            t.content
        );
        if t.content.ends_with('…') {
            assert!(
                !is_number(t.content.trim_end_matches('…')),
                "a number was shortened: {t:?}"
            );
        }
    }
}

// ---------------------------------------------------------------- golden files

fn check_golden(name: &str, svg: &str) {
    support::golden::check(name, svg.as_bytes(), "graphic");
}

#[test]
fn golden_example() {
    let ws = example_workspace();
    check_golden(
        "graphic-example-portrait.svg",
        &svg_of(&ws, Layout::Portrait),
    );
    check_golden(
        "graphic-example-landscape.svg",
        &svg_of(&ws, Layout::Landscape),
    );
}

#[test]
fn golden_statutory_with_three_years() {
    let ws = statutory_workspace();
    check_golden(
        "graphic-statutory-portrait.svg",
        &svg_of(&ws, Layout::Portrait),
    );
    check_golden(
        "graphic-statutory-landscape.svg",
        &svg_of(&ws, Layout::Landscape),
    );
}

// ---------------------------------------------------------------- content

#[test]
fn the_example_reads_like_the_seed() {
    let ws = example_workspace();
    for layout in LAYOUTS {
        let svg = svg_of(&ws, layout);
        let root = parse(&svg);
        assert_eq!(root.name, "svg");
        assert_eq!(root.attr("data-layout"), Some(layout.key()));
        let all: Vec<String> = texts(&svg).into_iter().map(|(t, _)| t).collect();
        // Wrapped lines read as one text.
        let joined = all.concat();
        for label in [
            "教育局2020年政务公开工作年度报告",
            "主动公开政府信息情况",
            "规范性文件",
            "本年新公开数量",
            "政务公开事项公开情况",
            "民办学校信息",
            "未填写",
            "重要政策执行情况",
            "汽开区教育云平台公开本级政务信息",
        ] {
            assert!(joined.contains(label), "{layout:?}: {label} missing");
        }
        // A field report without 表三/表四 values draws neither.
        assert!(!all.iter().any(|t| t.contains("本年度办理结果")));
        assert!(!all.iter().any(|t| t == "行政复议"));
        // The counts entered on 学校美育、体育评价 (26 件, 6 条, 56 条).
        let counts: Vec<_> = texts(&svg)
            .into_iter()
            .filter(|(_, a)| {
                attr(a, "data-item")
                    .is_some_and(|s| s.starts_with("policy-execution/arts-sports-evaluation/"))
            })
            .map(|(t, _)| t)
            .collect();
        assert_eq!(counts, ["26", "6", "56"]);
        assert!(check_numbers(&ws, &svg, true) >= 8 + 3);
        check_fit(&graphic::layout(
            &graphic::build_for(&ws, 2020).unwrap(),
            layout,
        ));
    }
}

#[test]
fn statutory_numbers_equal_the_tables() {
    let ws = statutory_workspace();
    for layout in LAYOUTS {
        let svg = svg_of(&ws, layout);
        let n = check_numbers(&ws, &svg, true);
        assert!(n >= 60, "{layout:?}: only {n} numbers checked");
        check_fit(&scene_of(&ws, layout));
        let by_cell = |key: &str| -> Vec<String> {
            texts(&svg)
                .into_iter()
                .filter(|(_, a)| {
                    attr(a, "data-cell") == Some(key) && attr(a, "data-year").is_none()
                })
                .map(|(t, _)| t)
                .collect()
        };
        // Hand-checked: 新收 123456 + 6 + 2; （七）总计 = every outcome (123456 + 6 + 2 again, as
        // 上年结转 and 结转下年度 are both 1); 表二 as typed.
        assert_eq!(by_cell("t3/main/new/total"), ["123464"]);
        assert_eq!(by_cell("t3/main/total/total"), ["123464"]);
        assert_eq!(by_cell("t2/a20_5/license/decisions"), ["2100"]);
        assert_eq!(by_cell("t2/a20_8/fees/fee_amount"), ["36万元"]);
        assert_eq!(by_cell("t3/main/new/natural"), ["123456"]);
        let sums: Vec<_> = texts(&svg)
            .into_iter()
            .filter(|(_, a)| {
                attr(a, "data-sum").is_some_and(|s| s.split(' ').count() == 8)
                    && attr(a, "data-year").is_none()
            })
            .map(|(t, _)| t)
            .collect();
        assert_eq!(sums, ["36"], "（三）不予公开 over its eight reasons");
        // The charts across years: 2020–2022, with jumps marked.
        let years: Vec<_> = texts(&svg)
            .into_iter()
            .filter(|(_, a)| {
                attr(a, "data-cell") == Some("t2/a20_5/license/decisions")
                    && attr(a, "data-year").is_some()
            })
            .map(|(t, a)| (attr(&a, "data-year").unwrap_or_default().to_string(), t))
            .collect();
        assert_eq!(
            years,
            [
                ("2020".to_string(), "1180".to_string()),
                ("2021".into(), "1234".into()),
                ("2022".into(), "2100".into())
            ]
        );
        assert!(svg.contains("fill=\"#b3261e\""), "a jump is marked");
    }
}

#[test]
fn a_number_changes_with_its_cell() {
    let mut ws = example_workspace();
    let key = t2("a20_5", "license", "decisions");
    let find = |svg: &str| {
        texts(svg)
            .into_iter()
            .find(|(_, a)| attr(a, "data-cell") == Some(key.as_str()))
            .map(|(t, _)| t)
    };
    assert_eq!(find(&svg_of(&ws, Layout::Portrait)).as_deref(), Some("0"));
    ws.current_mut().unwrap().tables.set(key.clone(), "7");
    assert_eq!(find(&svg_of(&ws, Layout::Portrait)).as_deref(), Some("7"));
}

// ---------------------------------------------------------------- sizes and hostile text

/// A long unit name, six-digit figures in every cell, long item names and counts.
fn crowded(structure: ReportStructure, format: TableFormat) -> Workspace {
    let mut r = Report::blank(2022);
    r.unit_name = "吉林省长春市长春汽车经济技术开发区教育局（长春汽车经济技术开发区教育体育局、语言文字工作委员会办公室）".into();
    r.structure = structure;
    r.table_format = Some(format);
    for block in catalog::table2(format) {
        for row in block.rows {
            for c in block.columns {
                let v = match c.kind {
                    CellKind::Amount => "999999.9999万元",
                    CellKind::Change => "-999999",
                    CellKind::Count => "999999",
                };
                r.tables
                    .set(catalog::cell_key(TABLE2, block.key, row.key, c.key), v);
            }
        }
    }
    let t3 = catalog::table3(format);
    for row in t3.rows.iter().filter(|r| !r.computed) {
        for c in t3.input_columns() {
            r.tables.set(t3_key(row.key, c.key), "999999");
        }
    }
    for key in catalog::table4(format).cell_keys() {
        r.tables.set(key, "999999");
    }
    for c in &mut r.categories {
        for item in &mut c.items {
            item.status = Some(DisclosureStatus::Partial);
            item.counts = vec![ItemCount {
                label: "在长春市教育局官方网站及汽开区教育云平台公开发布的各类本级政务信息".into(),
                value: 999_999,
                unit: "条（次）".into(),
            }];
        }
        c.items.extend((0..30).map(|n| ItemContent {
            id: format!("custom-{n}"),
            name: "新增事项".into(),
            text: "已公开".into(),
            ..ItemContent::default()
        }));
    }
    let mut ws = Workspace::default();
    let mut before = r.clone();
    before.year = 2021;
    before.tables.set(t3_key("new", "natural"), "1");
    ws.reports.insert(2021, before);
    ws.reports.insert(2022, r);
    ws.current_year = Some(2022);
    ws
}

#[test]
fn six_digit_figures_and_long_names_fit_their_boxes() {
    for structure in [ReportStructure::Field, ReportStructure::Statutory] {
        for format in [TableFormat::V2019, TableFormat::V2021] {
            let ws = crowded(structure, format);
            for layout in LAYOUTS {
                let scene = scene_of(&ws, layout);
                check_fit(&scene);
                let svg = scene.to_svg();
                assert!(check_numbers(&ws, &svg, true) > 20);
                assert!(svg.contains(">999999<"));
                // 表三's 总计 of six six-digit columns: seven digits, still whole.
                assert!(
                    svg.contains(">5999994<"),
                    "{structure:?} {format:?} {layout:?}"
                );
            }
        }
    }
}

#[test]
fn one_digit_figures_are_drawn_large() {
    let mut ws = example_workspace();
    ws.current_mut()
        .unwrap()
        .tables
        .set(t2("a20_5", "license", "decisions"), "7");
    let scene = scene_of(&ws, Layout::Portrait);
    let seven = scene
        .texts()
        .into_iter()
        .find(|t| t.content == "7")
        .expect("the 7");
    assert_eq!(seven.font.size, 64.0, "one digit at the largest size");
    check_fit(&scene);
}

fn hostile_workspace(s: &str) -> Workspace {
    let mut ws = example_workspace();
    let r = ws.current_mut().unwrap();
    r.unit_name = s.to_string();
    r.title = s.to_string();
    r.structure = ReportStructure::Statutory;
    r.tables.set(t3_key("new", "natural"), s);
    let c = r
        .categories
        .iter_mut()
        .find(|c| c.key == "policy-execution")
        .unwrap();
    c.items[0].name = s.to_string();
    c.items[0].id = s.to_string();
    c.items[0].counts.push(ItemCount {
        label: s.to_string(),
        value: 3,
        unit: s.to_string(),
    });
    r.structure = ReportStructure::Field;
    ws
}

#[test]
fn hostile_strings_are_escaped() {
    let evil =
        "<script>alert('x')</script>&amp;\"><svg onload=alert(1)>\u{0}\u{1b}\u{fffe}\u{ffff}😀";
    let ws = hostile_workspace(evil);
    for layout in LAYOUTS {
        let svg = svg_of(&ws, layout);
        let root = parse(&svg);
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<svg onload"));
        assert_eq!(svg.matches("<svg").count(), 1);
        // The text survives, escaped and without the characters XML forbids.
        let all: Vec<String> = root
            .find_all("text")
            .iter()
            .map(|n| n.text.clone())
            .collect();
        assert!(
            all.iter().any(|t| t.contains("<script>alert('x')")),
            "{all:?}"
        );
        assert!(root
            .find_all("text")
            .iter()
            .any(|n| n.attr("data-item").is_some_and(|a| a.contains("<script>"))));
        check_fit(&scene_of(&ws, layout));
    }
    let name = graphic::file_name(&graphic::build_for(&ws, 2020).unwrap(), "svg");
    assert!(!name.contains(['<', '>', '"', '/', '\\', '|', '?', '*', ':', '\u{0}']));
    // Named after the typed (hostile) title.
    assert!(name.starts_with("_script_alert("), "{name}");
    assert!(name.ends_with("-图解.svg"), "{name}");
}

/// The graphic's files are named after the report's title, as the report's exports are, and a long
/// title is cut before the suffix, which stays.
#[test]
fn file_names_follow_the_title() {
    let mut ws = statutory_workspace();
    let year = ws.current_year.unwrap();
    let name = |ws: &gongkai::model::Workspace| {
        graphic::file_name(&graphic::build_for(ws, year).unwrap(), "png")
    };
    assert_eq!(
        name(&ws),
        format!("汽开区教育局{year}年政府信息公开工作年度报告-图解.png")
    );
    let r = ws.reports.get_mut(&year).unwrap();
    r.title = "自定义\u{202e}标题".into();
    assert_eq!(name(&ws), "自定义标题-图解.png");
    ws.reports.get_mut(&year).unwrap().title = "很长的标题".repeat(40);
    let long = name(&ws);
    let stem = long.strip_suffix(".png").unwrap();
    assert!(stem.len() <= gongkai::backup::MAX_STEM_BYTES, "{long}");
    assert!(stem.len() > gongkai::backup::MAX_STEM_BYTES - 3, "{long}");
    assert!(stem.ends_with("-图解"), "{long}");
}

// ---------------------------------------------------------------- property test

fn value_for(kind: CellKind) -> impl Strategy<Value = String> {
    let count = prop_oneof![
        4 => (0u32..1_000_000).prop_map(|n| n.to_string()),
        1 => (0u32..10).prop_map(|n| format!("{n}件")),
        1 => Just(String::new()),
        1 => Just("无".to_string()),
    ];
    match kind {
        CellKind::Count => count.boxed(),
        CellKind::Change => prop_oneof![
            (-999_999i32..1_000_000).prop_map(|n| n.to_string()),
            (0u32..1000).prop_map(|n| format!("增{n}")),
            (0u32..1000).prop_map(|n| format!("减{n}")),
        ]
        .boxed(),
        CellKind::Amount => prop_oneof![
            (0u32..1_000_000, 0u32..10000).prop_map(|(a, b)| format!("{a}.{b}万元")),
            (0u32..1_000_000).prop_map(|a| format!("{a}元")),
        ]
        .boxed(),
    }
}

/// Every typed cell of every table of both formats, with its kind.
fn all_cells() -> Vec<(String, CellKind)> {
    let mut out = Vec::new();
    for format in [TableFormat::V2019, TableFormat::V2021] {
        for block in catalog::table2(format) {
            for row in block.rows {
                for c in block.columns {
                    out.push((catalog::cell_key(TABLE2, block.key, row.key, c.key), c.kind));
                }
            }
        }
        let t3 = catalog::table3(format);
        for row in t3.rows.iter().filter(|r| !r.computed) {
            for c in t3.input_columns() {
                out.push((t3_key(row.key, c.key), CellKind::Count));
            }
        }
    }
    for key in catalog::table4(TableFormat::V2021).cell_keys() {
        if !key.ends_with("/total") {
            out.push((key, CellKind::Count));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

fn arb_report(year: u16) -> impl Strategy<Value = Report> {
    let cells = all_cells();
    let values: Vec<_> = cells
        .iter()
        .map(|(_, kind)| prop::option::weighted(0.4, value_for(*kind)))
        .collect();
    let name = prop_oneof![
        Just(String::new()),
        "[a-z<>&\"' ]{0,12}",
        "\\PC{0,40}",
        Just("吉林省长春市长春汽车经济技术开发区教育局（教育体育局）".to_string()),
    ];
    let item = (
        name.clone(),
        prop::option::of(prop::sample::select(vec![
            DisclosureStatus::Published,
            DisclosureStatus::Partial,
            DisclosureStatus::NotPublished,
            DisclosureStatus::NotApplicable,
        ])),
        prop::collection::vec((name.clone(), 0u64..10_000_000, "[条件次个]?"), 0..3),
    );
    (
        values,
        any::<bool>(),
        prop::option::of(prop::sample::select(vec![
            TableFormat::V2019,
            TableFormat::V2021,
        ])),
        name,
        prop::collection::vec(prop::collection::vec(item, 0..6), 10),
        prop::collection::vec(any::<bool>(), 10),
    )
        .prop_map(
            move |(values, statutory, format, unit, items, not_applicable)| {
                let mut r = Report::blank(year);
                r.unit_name = unit;
                r.table_format = format;
                if statutory {
                    r.structure = ReportStructure::Statutory;
                }
                for ((key, _), v) in cells.iter().zip(values) {
                    if let Some(v) = v {
                        r.tables.set(key.clone(), v);
                    }
                }
                for ((c, list), na) in r.categories.iter_mut().zip(items).zip(not_applicable) {
                    if na {
                        c.status = Some(DisclosureStatus::NotApplicable);
                    }
                    c.items = list
                        .into_iter()
                        .enumerate()
                        .map(|(n, (name, status, counts))| ItemContent {
                            id: format!("{name}-{n}"),
                            name: name.clone(),
                            text: name,
                            status,
                            counts: counts
                                .into_iter()
                                .map(|(label, value, unit)| ItemCount { label, value, unit })
                                .collect(),
                            ..ItemContent::default()
                        })
                        .collect();
                }
                r
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn generated_reports_give_valid_svg(
        earlier in prop::collection::vec(arb_report(2021), 0..2),
        current in arb_report(2022),
        older in arb_report(2020),
    ) {
        let mut ws = Workspace::default();
        ws.reports.insert(2022, current);
        ws.reports.insert(2020, older);
        for r in earlier {
            ws.reports.insert(2021, r);
        }
        ws.current_year = Some(2022);
        let printed = printed(&ws);
        for layout in LAYOUTS {
            let scene = scene_of(&ws, layout);
            check_fit(&scene);
            let svg = scene.to_svg();
            let root = parse(&svg);
            prop_assert_eq!(root.name.as_str(), "svg");
            check_numbers_with(&ws, &printed, &svg, false);
        }
    }
}
