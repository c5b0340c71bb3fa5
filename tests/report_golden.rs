//! Golden files for the HTML, Markdown, CSV and DOCX (`word/document.xml`) exports: the built-in example (field structure, the seed)
//! and the example switched to the statutory structure with a few 表三/表四 values. `UPDATE_GOLDEN=1 cargo
//! test --test report_golden` rewrites `tests/golden/`; review the diff before committing it.

use gongkai::catalog::{t3_key, t4_key};
use gongkai::example::example_workspace;
use gongkai::model::{Report, ReportStructure};
use gongkai::report::{self, BuildOptions, Document};

mod support;

fn example() -> Report {
    example_workspace()
        .current()
        .expect("the example opens its report")
        .clone()
}

/// The example as a statutory report (2019 format, as the year gives), with 总体情况, a fee line and
/// some 表三/表四 values, including a typed total the export must ignore.
fn statutory() -> Report {
    let mut r = example();
    r.structure = ReportStructure::Statutory;
    let n = &mut r.narrative;
    n.overview.active = "2020年主动公开政府信息26条。".into();
    n.overview.on_request = "2020年收到政府信息公开申请3件。".into();
    n.overview.supervision = "政务公开工作纳入年度考核。".into();
    n.fee_line = "本年度未收取信息处理费。".into();
    for (key, value) in [
        (t3_key("new", "natural"), "3"),
        (t3_key("new", "business"), "1"),
        (t3_key("public", "natural"), "2"),
        (t3_key("withheld_secret", "business"), "1"),
        (t3_key("carry_next", "natural"), "1"),
        (t3_key("public", "total"), "99"),
        (t4_key("review", "upheld"), "1"),
        (t4_key("after_review", "pending"), "2"),
    ] {
        r.tables.set(key, value);
    }
    r
}

fn doc(r: &Report) -> Document {
    report::build(r, &BuildOptions::default())
}

/// Compares `actual` with `tests/golden/<name>`, or writes it when `UPDATE_GOLDEN=1`.
fn check(name: &str, actual: &[u8]) {
    support::golden::check(name, actual, "report_golden");
}

#[test]
fn example_html() {
    check("example.html", &report::render_html(&doc(&example())));
}

#[test]
fn example_markdown() {
    check("example.md", &report::render_markdown(&doc(&example())));
}

#[test]
fn example_csv() {
    check("example.csv", &report::render_csv(&doc(&example())));
}

#[test]
fn statutory_html() {
    check("statutory.html", &report::render_html(&doc(&statutory())));
}

#[test]
fn statutory_markdown() {
    check("statutory.md", &report::render_markdown(&doc(&statutory())));
}

#[test]
fn statutory_csv() {
    check("statutory.csv", &report::render_csv(&doc(&statutory())));
}

/// `word/document.xml` of the DOCX, one paragraph or table row per line so that a diff shows where.
fn docx_document_xml(d: &Document) -> Vec<u8> {
    let bytes = report::render_docx(d, "2021-01-20T09:00:00Z").expect("the DOCX renders");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("word/document.xml"),
        &mut xml,
    )
    .expect("UTF-8 XML");
    normalise_para_ids(&xml)
        .replace("</w:p>", "</w:p>\n")
        .replace("</w:tr>", "</w:tr>\n")
        .into_bytes()
}

/// docx-rs numbers paragraphs (`w14:paraId`) with a counter shared by the whole process, so the ids
/// depend on what else rendered before; they are replaced by `*` before comparing.
fn normalise_para_ids(xml: &str) -> String {
    const ATTR: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(ATTR) {
        out.push_str(&rest[..at + ATTR.len()]);
        rest = &rest[at + ATTR.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.push('*');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn example_docx() {
    check("example.document.xml", &docx_document_xml(&doc(&example())));
}

#[test]
fn statutory_docx() {
    check(
        "statutory.document.xml",
        &docx_document_xml(&doc(&statutory())),
    );
}

#[test]
fn exports_are_deterministic() {
    let d = doc(&statutory());
    assert_eq!(report::render_html(&d), report::render_html(&d));
    assert_eq!(doc(&statutory()), d);
}

#[test]
fn csv_has_bom_and_only_the_structures_tables() {
    let field = report::render_csv(&doc(&example()));
    assert!(field.starts_with("\u{FEFF}表格,分块,行,列,数值\r\n".as_bytes()));
    let field = String::from_utf8(field).unwrap();
    assert!(field.contains("表二") && !field.contains("表三") && !field.contains("表四"));
    // 2019 表二: 2×3 + 2×3 + 2×3 + 1×2 + 1×2 cells.
    assert_eq!(field.lines().count(), 1 + 22);
    let statutory = String::from_utf8(report::render_csv(&doc(&statutory()))).unwrap();
    let lines: Vec<_> = statutory.lines().collect();
    // 表三: 23 rows × 7 columns; 表四: 15 cells.
    assert_eq!(lines.len(), 1 + 22 + 23 * 7 + 15);
    assert!(lines.contains(&"表三,,三、本年度办理结果 / （一）予以公开,申请人情况 / 总计,2"));
    assert!(lines.contains(&"表三,,三、本年度办理结果 / （七）总计,申请人情况 / 总计,3"));
    assert!(lines.contains(&"表四,,,行政诉讼 / 复议后起诉 / 总计,2"));
}

#[test]
fn file_names_follow_the_title() {
    // The example carries the seed's own title.
    let d = doc(&example());
    assert_eq!(
        report::file_name(&d, "html"),
        "教育局2020年政务公开工作年度报告.html"
    );
    let mut r = example();
    r.title.clear();
    assert_eq!(
        report::file_name(&doc(&r), "docx"),
        "汽开区教育局2020年政务公开工作年度报告.docx"
    );
    r.structure = gongkai::model::ReportStructure::Statutory;
    assert_eq!(
        report::file_name(&doc(&r), "docx"),
        "汽开区教育局2020年政府信息公开工作年度报告.docx"
    );
}
