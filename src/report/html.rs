//! The report as one self-contained HTML file: inline CSS for A4 print (GB/T 9704 fonts and margins),
//! no scripts, fonts, images or links, so that everything inside `<body>` can be pasted into a CMS.
//!
//! Every string of the document is escaped (`& < > " '`) and loses its control characters other than
//! `\n` and `\t` ([`escape`]). The title is `<h1>`; heading levels 1–4 are `<h2>`–`<h5>` with the number
//! in front of the text; paragraphs are `<p>`. Tables keep their merged cells (`colspan`/`rowspan`),
//! carry `border="1"` so that they keep their rules without the stylesheet, put the leading header rows
//! in `<thead>` (repeated on each printed page) and draw heading cells as `<th>`; alignment is an inline
//! `style` on each cell.

use std::fmt::Write;

use super::{Align, Block, Cell, Document, Table};

/// The stylesheet: A4 page, 3号仿宋 body with a fixed 28.9pt line (22 lines a page), 2号小标宋 title,
/// 黑体 level 1, 楷体 level 2.
const CSS: &str = r#"@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #fff; }
body { margin: 0; color: #000; background: #fff; }
.report { box-sizing: border-box; max-width: 156mm; margin: 0 auto; padding: 12mm 0;
  font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Songti SC", serif;
  font-size: 16pt; line-height: 28.9pt; }
.report h1 { margin: 0 0 28.9pt; text-align: center; font-weight: normal; font-size: 22pt; line-height: 1.5;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "小标宋", "宋体", "SimSun", "Songti SC", serif; }
.report h2, .report h3, .report h4, .report h5 { margin: 0; text-indent: 2em; font-size: 16pt;
  line-height: 28.9pt; font-weight: normal; }
.report h2 { font-family: "黑体", "SimHei", "Heiti SC", "Microsoft YaHei", sans-serif; }
.report h3 { font-family: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Kaiti SC", serif; }
.report p { margin: 0; text-indent: 2em; text-align: justify; }
.report table { width: 100%; margin: 14pt 0; border-collapse: collapse; font-size: 12pt; line-height: 1.4; }
.report caption { padding-bottom: 4pt; font-weight: bold; }
.report th, .report td { padding: 2pt 4pt; border: 1px solid #000; vertical-align: middle; }
.report th { font-weight: bold; }
.report thead { display: table-header-group; }
.report tr { page-break-inside: avoid; break-inside: avoid; }
@media print { .report { max-width: none; padding: 0; } }
"#;

/// The rules for the graphic after the title, added only when there is one: as wide as the text,
/// never wider, kept on one page where it fits.
const GRAPHIC_CSS: &str =
    ".report figure.graphic { margin: 0 0 28.9pt; text-align: center; break-inside: avoid; }
.report figure.graphic svg { max-width: 100%; height: auto; }
";

/// The whole HTML file, UTF-8.
pub fn render(doc: &Document) -> Vec<u8> {
    render_string(doc).into_bytes()
}

/// The whole HTML file with `graphic` (an SVG document, from `graphic::render_svg`) after the title.
pub fn render_with_graphic(doc: &Document, graphic: Option<&str>) -> Vec<u8> {
    render_string_with(doc, graphic).into_bytes()
}

/// The whole HTML file as text.
pub fn render_string(doc: &Document) -> String {
    render_string_with(doc, None)
}

fn render_string_with(doc: &Document, graphic: Option<&str>) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    out.push_str(&escape(&doc.title));
    out.push_str("</title>\n<style>\n");
    out.push_str(CSS);
    if graphic.is_some() {
        out.push_str(GRAPHIC_CSS);
    }
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&body(doc, graphic));
    out.push_str("</body>\n</html>\n");
    out
}

/// The part to paste into a CMS: the report as one `<article>`, with `graphic` (SVG text, already
/// escaped by its renderer) after the title.
fn body(doc: &Document, graphic: Option<&str>) -> String {
    let mut out = String::from("<article class=\"report\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&doc.title));
    if let Some(svg) = graphic {
        out.push_str("<figure class=\"graphic\">\n");
        out.push_str(svg.trim_end());
        out.push_str("\n</figure>\n");
    }
    for block in &doc.blocks {
        match block {
            Block::Heading {
                level,
                number,
                text,
            } => {
                let h = (*level).clamp(1, 4) + 1;
                let _ = writeln!(
                    out,
                    "<h{h} class=\"level-{}\">{}{}</h{h}>",
                    h - 1,
                    escape(number),
                    escape(text)
                );
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Block::Table(table) => write_table(&mut out, table),
        }
    }
    out.push_str("</article>\n");
    out
}

fn write_table(out: &mut String, table: &Table) {
    out.push_str("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    if let Some(caption) = &table.caption {
        let _ = writeln!(out, "<caption>{}</caption>", escape(caption));
    }
    let head = table.rows.iter().take_while(|r| r.header).count();
    let (header, body) = table.rows.split_at(head);
    if !header.is_empty() {
        out.push_str("<thead>\n");
        for row in header {
            write_row(out, &row.cells);
        }
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in body {
        write_row(out, &row.cells);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn write_row(out: &mut String, cells: &[Cell]) {
    out.push_str("<tr>");
    for cell in cells {
        let tag = if cell.heading { "th" } else { "td" };
        let _ = write!(out, "<{tag}");
        if cell.colspan > 1 {
            let _ = write!(out, " colspan=\"{}\"", cell.colspan);
        }
        if cell.rowspan > 1 {
            let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
        }
        let align = match cell.align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        };
        let _ = write!(
            out,
            " style=\"text-align:{align}\">{}</{tag}>",
            escape(&cell.text)
        );
    }
    out.push_str("</tr>\n");
}

pub use gongkai_district::html::escape;
pub(crate) use gongkai_district::html::is_dropped_control;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Row;

    #[test]
    fn tables_keep_spans_and_header_rows() {
        let doc = Document {
            title: "T".into(),
            blocks: vec![Block::Table(Table {
                caption: Some("表<三>".into()),
                columns: 2,
                rows: vec![
                    Row {
                        header: true,
                        cells: vec![Cell::header("合并").span(2, 1)],
                    },
                    Row {
                        header: false,
                        cells: vec![Cell::label("行"), Cell::value("-35")],
                    },
                ],
            })],
            ..Document::default()
        };
        let html = render_string(&doc);
        assert!(html.contains("<caption>表&lt;三&gt;</caption>"));
        assert!(html.contains(
            "<thead>\n<tr><th colspan=\"2\" style=\"text-align:center\">合并</th></tr>\n</thead>"
        ));
        assert!(html.contains(
            "<tr><th style=\"text-align:left\">行</th><td style=\"text-align:right\">-35</td></tr>"
        ));
        assert!(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"));
        assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
        assert!(!html.contains("figure"));
    }

    #[test]
    fn the_graphic_follows_the_title() {
        let doc = Document {
            title: "T".into(),
            blocks: vec![Block::Paragraph("正文".into())],
            ..Document::default()
        };
        let html = String::from_utf8(render_with_graphic(&doc, Some("<svg></svg>\n"))).unwrap();
        assert!(html.contains(
            "<h1>T</h1>\n<figure class=\"graphic\">\n<svg></svg>\n</figure>\n<p>正文</p>"
        ));
        assert!(html.contains(".report figure.graphic svg { max-width: 100%; height: auto; }"));
        assert_eq!(render_with_graphic(&doc, None), render(&doc));
    }
}
