//! The laid-out graphic: shapes and fitted texts at fixed positions, and their SVG text. Coordinates
//! are px of the SVG's user space (1 px = 1 CSS px at 1×); numbers are written with one decimal at most.

use std::fmt::Write;

use super::measure::{self, Font};
use crate::report::escape_html;

/// The font stack: what Chinese office machines have (Microsoft YaHei on Windows, PingFang on macOS,
/// the 统信/麒麟 defaults on Linux), then Noto/Source Han, then any sans-serif. No web fonts.
pub const FONT_FAMILY: &str = "'Microsoft YaHei', '微软雅黑', 'PingFang SC', 'Hiragino Sans GB', \
'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'SimHei', '黑体', sans-serif";

/// Where a text's `x` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One line of text, fitted to a box of `fit` px (its estimated width never exceeds it).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: f64,
    /// The baseline.
    pub y: f64,
    pub content: String,
    pub font: Font,
    pub anchor: Anchor,
    pub fill: &'static str,
    /// The width of the box the text was fitted to.
    pub fit: f64,
    /// `data-*` attributes naming the source of a number (`cell`, `sum`, `item`, `year`).
    pub data: Vec<(&'static str, String)>,
}

impl Text {
    /// The horizontal extent of the text's box.
    pub fn box_span(&self) -> (f64, f64) {
        match self.anchor {
            Anchor::Start => (self.x, self.x + self.fit),
            Anchor::Middle => (self.x - self.fit / 2.0, self.x + self.fit / 2.0),
            Anchor::End => (self.x - self.fit, self.x),
        }
    }

    /// The estimated width of the content.
    pub fn width(&self) -> f64 {
        measure::width(&self.content, self.font)
    }
}

/// A shape of the scene.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        rx: f64,
        fill: &'static str,
        stroke: Option<&'static str>,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &'static str,
        width: f64,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: &'static str,
        stroke: Option<&'static str>,
    },
    /// An SVG path (`d`), for marks.
    Path {
        d: String,
        fill: &'static str,
        stroke: Option<&'static str>,
    },
    Text(Text),
    /// A link around shapes (the overview's jump marks).
    Link {
        href: String,
        label: String,
        testid: &'static str,
        shapes: Vec<Shape>,
    },
}

/// A whole picture.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// The accessible name (`<title>`).
    pub title: String,
    /// `data-layout` of the root, e.g. `portrait`.
    pub kind: &'static str,
    /// The root's ARIA role: `img` for a picture, `group` when it holds links (an `img`'s content
    /// is hidden from assistive technology).
    pub role: &'static str,
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// Every text, links included.
    pub fn texts(&self) -> Vec<&Text> {
        fn walk<'a>(shapes: &'a [Shape], out: &mut Vec<&'a Text>) {
            for s in shapes {
                match s {
                    Shape::Text(t) => out.push(t),
                    Shape::Link { shapes, .. } => walk(shapes, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.shapes, &mut out);
        out
    }

    /// The scene as a standalone SVG document (also valid inline in HTML).
    pub fn to_svg(&self) -> String {
        let mut out = String::with_capacity(256 + self.shapes.len() * 120);
        let (w, h) = (num(self.width), num(self.height));
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" role=\"{role}\" aria-label=\"{title}\" data-layout=\"{kind}\" \
             font-family=\"{font}\">\n<title>{title}</title>\n\
             <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            title = escape(&self.title),
            kind = self.kind,
            role = self.role,
            // A constant without `"`, `&` or `<`: its single quotes need no escaping.
            font = FONT_FAMILY,
        );
        for s in &self.shapes {
            write_shape(&mut out, s);
        }
        out.push_str("</svg>\n");
        out
    }
}

fn write_shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            rx,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"",
                num(*x),
                num(*y),
                num(w.max(0.0)),
                num(h.max(0.0))
            );
            if *rx > 0.0 {
                let _ = write!(out, " rx=\"{}\"", num(*rx));
            }
            if let Some(s) = stroke {
                let _ = write!(out, " stroke=\"{s}\" stroke-width=\"1.5\"");
            }
            out.push_str("/>\n");
        }
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
            width,
        } => {
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"/>",
                num(*x1),
                num(*y1),
                num(*x2),
                num(*y2),
                num(*width)
            );
        }
        Shape::Circle {
            cx,
            cy,
            r,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"",
                num(*cx),
                num(*cy),
                num(*r)
            );
            if let Some(s) = stroke {
                let _ = write!(out, " stroke=\"{s}\" stroke-width=\"2\"");
            }
            out.push_str("/>\n");
        }
        Shape::Path { d, fill, stroke } => {
            let _ = write!(out, "<path d=\"{}\" fill=\"{fill}\"", escape(d));
            if let Some(s) = stroke {
                let _ = write!(
                    out,
                    " stroke=\"{s}\" stroke-width=\"2\" stroke-linecap=\"round\""
                );
            }
            out.push_str("/>\n");
        }
        Shape::Text(t) => write_text(out, t),
        Shape::Link {
            href,
            label,
            testid,
            shapes,
        } => {
            let _ = writeln!(
                out,
                "<a href=\"{}\" aria-label=\"{}\" data-testid=\"{testid}\"><title>{}</title>",
                escape(href),
                escape(label),
                escape(label)
            );
            for s in shapes {
                write_shape(out, s);
            }
            out.push_str("</a>\n");
        }
    }
}

fn write_text(out: &mut String, t: &Text) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"",
        num(t.x),
        num(t.y),
        num(t.font.size)
    );
    if t.font.bold {
        out.push_str(" font-weight=\"700\"");
    }
    match t.anchor {
        Anchor::Start => {}
        Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
        Anchor::End => out.push_str(" text-anchor=\"end\""),
    }
    let _ = write!(out, " fill=\"{}\" data-fit=\"{}\"", t.fill, num(t.fit));
    for (k, v) in &t.data {
        let _ = write!(out, " data-{k}=\"{}\"", escape(v));
    }
    let _ = writeln!(out, ">{}</text>", escape(&t.content));
}

/// A coordinate with at most one decimal, without a trailing “.0”. Written with integer formatting
/// only (float formatting would add its own code to the wasm).
pub(crate) fn num(v: f64) -> String {
    let tenths = if v.is_finite() {
        (v * 10.0).round() as i64
    } else {
        0
    };
    let (sign, abs) = if tenths < 0 {
        ("-", -tenths)
    } else {
        ("", tenths)
    };
    match abs % 10 {
        0 => format!("{sign}{}", abs / 10),
        d => format!("{sign}{}.{d}", abs / 10),
    }
}

/// `text` for SVG (XML) text and attribute values: the HTML export's escaping (`& < > " '` as entities,
/// control characters other than tab and line feed dropped), and without U+FFFE and U+FFFF, which XML
/// does not allow either.
pub fn escape(text: &str) -> String {
    if text.contains(['\u{fffe}', '\u{ffff}']) {
        escape_html(&text.replace(['\u{fffe}', '\u{ffff}'], ""))
    } else {
        escape_html(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_at_most_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(0.05), "0.1");
    }

    #[test]
    fn escape_keeps_xml_well_formed() {
        assert_eq!(
            escape("<a href='x'>&\"\u{0}\u{1b}\u{fffe}\u{ffff}</a>\n"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\n"
        );
        assert_eq!(escape("政务公开 😀"), "政务公开 😀");
    }

    #[test]
    fn svg_root_and_texts() {
        let scene = Scene {
            width: 100.0,
            height: 50.5,
            title: "图<解>".into(),
            kind: "portrait",
            role: "img",
            shapes: vec![Shape::Text(Text {
                x: 10.0,
                y: 20.0,
                content: "7 & 8".into(),
                font: Font::bold(20.0),
                anchor: Anchor::End,
                fill: "#000000",
                fit: 80.0,
                data: vec![("cell", "t3/main/new/total".into())],
            })],
        };
        let svg = scene.to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50.5\" viewBox=\"0 0 100 50.5\""));
        assert!(svg.contains("<title>图&lt;解&gt;</title>"));
        assert!(svg.contains(
            "<text x=\"10\" y=\"20\" font-size=\"20\" font-weight=\"700\" text-anchor=\"end\" \
             fill=\"#000000\" data-fit=\"80\" data-cell=\"t3/main/new/total\">7 &amp; 8</text>"
        ));
        assert!(svg.ends_with("</svg>\n"));
    }
}
