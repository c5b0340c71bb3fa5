//! Hostile text in the exports: arbitrary strings (markup, `&`, quotes, control characters, emoji, very
//! long text) in the unit name, the narrative, an item's text and a table cell come out escaped in HTML
//! and Markdown; CSV fields that a spreadsheet would run as formulas are neutralised; file names lose
//! the characters Windows forbids.

use gongkai::catalog::{cell_key, TABLE2};
use gongkai::model::{DisclosureStatus, Report, ReportStructure};
use gongkai::report::{
    self, escape_html, escape_markdown_inline, neutralise_csv, render_csv, render_html,
    render_markdown, BuildOptions,
};
use proptest::prelude::*;

const CELL: &str = "t2/a20_1/rules/new_made";

/// Strings with the characters that matter, mixed with arbitrary text.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "<SCRIPT src=x>",
        "<img src=x onerror=alert(1)>",
        "&amp;",
        "&",
        "\"",
        "'",
        "|",
        "# ",
        "- ",
        "1. ",
        "*_`[]",
        "\\",
        "=HYPERLINK(\"x\")",
        "+1",
        "-35",
        "@x",
        "\u{0}",
        "\u{7}",
        "\u{1b}[31m",
        "\r\n",
        "\t",
        "\u{feff}",
        "😀👨‍👩‍👧",
        "政务公开",
        " ",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat()),
        any::<String>(),
        (any::<String>(), 0usize..400).prop_map(|(s, n)| s.repeat(n.min(4000 / (s.len() + 1)))),
    ]
}

fn report_with(unit: &str, narrative: &str, item: &str, cell: &str) -> Report {
    let mut r = Report::blank(2020);
    r.unit_name = unit.to_string();
    r.narrative.preamble = narrative.to_string();
    r.narrative.problems = narrative.to_string();
    if let Some(c) = r.categories.first_mut() {
        c.items[0].text = item.to_string();
        c.items[0].status = Some(DisclosureStatus::Published);
    }
    r.tables.set(CELL, cell);
    r
}

/// The trimmed, non-empty lines of a text field, as the document keeps them.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// No tag in `html` other than the ones the renderer writes.
fn assert_only_own_tags(html: &str) {
    const OWN: [&str; 26] = [
        "!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "style", "/style",
        "body", "/body", "article", "/article", "h", "/h", "p", "/p", "table", "/table", "thead",
        "/thead", "tbody", "/tbody", "t", "/t",
    ];
    // The stylesheet holds no `<`; everything else is markup we wrote or escaped text.
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
            .collect();
        assert!(
            OWN.iter().any(|own| name.starts_with(own))
                && !name.to_ascii_lowercase().starts_with("script")
                && !name.to_ascii_lowercase().starts_with("img"),
            "unexpected tag <{name} in HTML"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn html_escapes_everything(
        unit in hostile(),
        narrative in hostile(),
        item in hostile(),
        cell in hostile(),
    ) {
        for structure in [ReportStructure::Field, ReportStructure::Statutory] {
            let mut r = report_with(&unit, &narrative, &item, &cell);
            r.structure = structure;
            let doc = report::build(&r, &BuildOptions::default());
            let html = String::from_utf8(render_html(&doc)).expect("UTF-8");
            prop_assert!(!html.to_ascii_lowercase().contains("<script"));
            assert_only_own_tags(&html);
            prop_assert!(!html.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            prop_assert!(html.contains(&escape_html(r.display_title().trim())));
            for line in lines(&narrative) {
                prop_assert!(html.contains(&escape_html(line)), "narrative line {:?}", line);
            }
            if structure == ReportStructure::Field {
                for line in lines(&item) {
                    prop_assert!(html.contains(&escape_html(line)), "item line {:?}", line);
                }
            }
            let typed = r.tables.get(CELL).trim();
            if !typed.is_empty() {
                let shown = format!(">{}</td>", escape_html(typed));
                prop_assert!(html.contains(&shown), "cell {:?}", typed);
            }
        }
    }

    #[test]
    fn markdown_keeps_the_text_escaped(
        unit in hostile(),
        narrative in hostile(),
        item in hostile(),
        cell in hostile(),
    ) {
        let r = report_with(&unit, &narrative, &item, &cell);
        let doc = report::build(&r, &BuildOptions::default());
        let md = String::from_utf8(render_markdown(&doc)).expect("UTF-8");
        prop_assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
        // Every `<` and `|` of user text is escaped: raw ones are only the table's own pipes.
        for line in md.lines() {
            let table_row = line.starts_with("| ");
            let mut chars = line.chars().peekable();
            let mut escaped = false;
            for c in &mut chars {
                if escaped {
                    escaped = false;
                    continue;
                }
                match c {
                    '\\' => escaped = true,
                    '<' => prop_assert!(false, "raw < in {:?}", line),
                    '|' => prop_assert!(table_row, "raw | outside a table row in {:?}", line),
                    _ => {}
                }
            }
        }
        // Paragraphs don't start with a block marker.
        for block in md.split("\n\n").filter(|b| !b.starts_with('#') && !b.starts_with('|')) {
            let b = block.trim_start();
            prop_assert!(!b.starts_with(['#', '>', '-', '+', '=', '*']), "{:?}", b);
        }
        for line in lines(&narrative) {
            prop_assert!(
                md.contains(&report::escape_markdown(line)),
                "narrative line {:?}",
                line
            );
        }
        let typed = r.tables.get(CELL).trim();
        let in_cell = format!("| {} |", escape_markdown_inline(typed));
        prop_assert!(md.contains(&in_cell), "cell {:?}", typed);
    }

    #[test]
    fn csv_fields_never_start_a_formula(cell in hostile()) {
        let r = report_with("单位", "", "", &cell);
        let csv = render_csv(&report::build(&r, &BuildOptions::default()));
        let bom = "\u{FEFF}".as_bytes();
        prop_assert!(csv.starts_with(bom));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(&csv[3..]);
        let mut rows = 0;
        for record in reader.records() {
            let record = record.expect("valid CSV");
            prop_assert_eq!(record.len(), 5);
            for field in record.iter() {
                if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    prop_assert!(
                        field.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit() || c == '.'),
                        "formula-like field {:?}",
                        field
                    );
                }
            }
            rows += 1;
        }
        prop_assert_eq!(rows, 22);
    }
}

#[test]
fn csv_neutralisation_cases() {
    for (input, expected) in [
        ("=1+2", "'=1+2"),
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "'=HYPERLINK(\"http://x\",\"y\")",
        ),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-35", "-35"),
        ("+5", "+5"),
        ("12.5", "12.5"),
        ("增10", "增10"),
        ("0", "0"),
    ] {
        assert_eq!(neutralise_csv(input), expected, "{input:?}");
    }
    // A table cell holding a formula comes out neutralised, a negative number as typed.
    let mut r = Report::blank(2020);
    r.tables.set(CELL, "=cmd|' /C calc'!A0");
    r.tables
        .set(cell_key(TABLE2, "a20_5", "license", "change"), "-35");
    let csv = String::from_utf8(render_csv(&report::build(&r, &BuildOptions::default()))).unwrap();
    assert!(csv.contains(",'=cmd|' /C calc'!A0\r\n"), "{csv}");
    assert!(csv.contains("行政许可,本年增/减,-35\r\n"), "{csv}");
}

#[test]
fn file_names_lose_illegal_characters() {
    let r = report_with("a<b>:c\"d/e\\f|g?h*i\u{7}", "", "", "");
    let doc = report::build(&r, &BuildOptions::default());
    let name = report::file_name(&doc, "html");
    assert_eq!(name, "a_b__c_d_e_f_g_h_i_2020年政务公开工作年度报告.html");
    assert!(!name.contains(['<', '>', ':', '"', '/', '\\', '|', '?', '*']));
    let blank = report::build(&Report::blank(2024), &BuildOptions::default());
    assert_eq!(
        report::file_name(&blank, "md"),
        "2024年政务公开工作年度报告.md"
    );
}

/// The issue's file-name inputs: bidirectional controls go, the stem is cut at 100 characters on a
/// character boundary, and the name follows the title (statutory title, typed title).
#[test]
fn file_names_lose_bidi_controls_and_are_capped() {
    let mut r = report_with(
        "某区\u{202e}fdp.exe\u{2066}教育局\u{202a}\u{202b}\u{202c}\u{202d}\u{2067}\u{2068}\u{2069}",
        "",
        "",
        "",
    );
    r.structure = ReportStructure::Statutory;
    let doc = report::build(&r, &BuildOptions::default());
    assert_eq!(
        report::file_name(&doc, "docx"),
        "某区fdp.exe教育局2020年政府信息公开工作年度报告.docx"
    );
    r.unit_name = "很长的单位名称".repeat(30);
    let name = report::file_name(&report::build(&r, &BuildOptions::default()), "csv");
    let stem = name.strip_suffix(".csv").unwrap();
    assert_eq!(stem.chars().count(), 100);
    assert!(r.unit_name.starts_with(stem));
    r.unit_name = "😀".repeat(120);
    let name = report::file_name(&report::build(&r, &BuildOptions::default()), "md");
    assert_eq!(name, format!("{}.md", "😀".repeat(100)));
    r.title = "自定义标题".into();
    let name = report::file_name(&report::build(&r, &BuildOptions::default()), "md");
    assert_eq!(name, "自定义标题.md");
}

/// The issue's Markdown inputs: a control character before spaces and a block marker does not make a
/// heading, code block, quote, list or rule, in a paragraph, a work item or the title.
#[test]
fn markdown_control_characters_cannot_open_a_block() {
    let hostile = [
        "\u{1}   # 标题",
        "\u{1}    缩进代码",
        "\u{1}   > 引用",
        "\u{1}   - 列表",
        "\u{1}   * 列表",
        "\u{1}   + 列表",
        "\u{1}   1. 列表",
        "\u{1}   ---",
        "\u{1}   ***",
        "\u{1}   ___",
        "\u{1}   ```",
        "\u{7}\u{1b}\t# 标题",
    ];
    for text in hostile {
        let mut r = report_with(text, text, text, "");
        r.narrative.work_items = vec![text.to_string()];
        r.title = text.to_string();
        let md = String::from_utf8(render_markdown(&report::build(
            &r,
            &BuildOptions::default(),
        )))
        .unwrap();
        for line in md.lines() {
            let body = line.trim_start_matches(' ');
            let indent = line.len() - body.len();
            assert!(indent == 0, "indented line {line:?} from {text:?}");
            if !line.starts_with("#") && !line.starts_with("| ") {
                assert!(
                    !body.starts_with(['#', '>', '-', '+', '*', '_', '`', '=']),
                    "block marker in {line:?} from {text:?}"
                );
                let digits = body.chars().take_while(char::is_ascii_digit).count();
                assert!(
                    digits == 0 || !body[digits..].starts_with(['.', ')']),
                    "ordered list in {line:?} from {text:?}"
                );
            }
        }
    }
}

/// The issue's CSV inputs: full-width ＝ ＋ － ＠ and a control character before `=` are neutralised in
/// the exported file, in table cells.
#[test]
fn csv_full_width_and_hidden_formulas_are_neutralised() {
    for (cell, field) in [
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("\u{1} =1+1", "' =1+1"),
        ("\u{1}=1+1", "'=1+1"),
        // The document trims cells (also U+3000), so this one arrives as `=1+1`.
        ("\u{3000}=1+1", "'=1+1"),
    ] {
        let mut r = Report::blank(2020);
        r.tables.set(CELL, cell);
        let csv = render_csv(&report::build(&r, &BuildOptions::default()));
        let mut reader = csv::ReaderBuilder::new().from_reader(&csv[3..]);
        let values: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[4].to_string())
            .collect();
        assert!(values.contains(&field.to_string()), "{cell:?}: {values:?}");
        for v in &values {
            let first = v.chars().find(|c| !c.is_whitespace());
            assert!(
                !matches!(first, Some('=' | '+' | '@' | '＝' | '＋' | '－' | '＠')),
                "{v:?}"
            );
        }
    }
}
