//! Placing the graphic on a page: a portrait layout 720 px wide for a phone (about half size on the
//! screen, so its smallest text is 21 px), a landscape layout 1200 px wide for a web page. Sections
//! stack downwards; the height follows the content.
//!
//! Every text is fitted to a box before it is placed: titles and labels wrap (at most two or three
//! lines, then “…”), single-line labels are shortened with “…”, and large numbers shrink (down to half
//! their size) until they fit their tile. Numbers are never shortened unless even the smallest size
//! is too wide, which only unreadable text can be.
//!
//! **Colours** are one dark blue, a middle and a light tint, on white: about 22 %, 54 % and 84 %
//! lightness, so bars, segments and tiles stay apart in greyscale print. Item statuses are told apart
//! by shape (filled, half-filled, ×, –, ring), not by colour; the jump mark is a triangle pointing
//! up or down.

use super::measure::{self, ellipsize, fit_size, wrap, Font};
use super::scene::{num, Anchor, Scene, Shape, Text};
use super::trend::{Trend, TrendPoint};
use super::{
    Applicants, Bar, CategoryLine, CategoryState, Extra, Figure, Graphic, Number, Part, Section,
};
use crate::model::DisclosureStatus;
use crate::route::Route;
use crate::text::t;

/// Page shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// 720 px wide, one column: for a phone.
    #[default]
    Portrait,
    /// 1200 px wide, tiles four abreast: for a web page.
    Landscape,
}

impl Layout {
    /// `portrait` / `landscape` (the SVG's `data-layout`, the page's select values).
    pub fn key(self) -> &'static str {
        match self {
            Layout::Portrait => "portrait",
            Layout::Landscape => "landscape",
        }
    }

    pub fn parse(key: &str) -> Option<Layout> {
        match key {
            "portrait" => Some(Layout::Portrait),
            "landscape" => Some(Layout::Landscape),
            _ => None,
        }
    }
}

pub(crate) const DARK: &str = "#1f3a5f";
pub(crate) const MID: &str = "#6b8fbf";
pub(crate) const LIGHT: &str = "#c9d8ea";
pub(crate) const TILE: &str = "#edf2f8";
pub(crate) const TRACK: &str = "#dae2eb";
pub(crate) const INK: &str = "#1f2328";
pub(crate) const MUTED: &str = "#59626e";
/// Zero figures: drawn, but quieter than the figures that are not zero.
pub(crate) const FAINT: &str = "#7d8692";
pub(crate) const ACCENT: &str = "#b3261e";
const WHITE: &str = "#ffffff";
const HEADER_SUB: &str = "#dbe5f1";

/// Line height as a multiple of the font size.
const LINE: f64 = 1.35;
/// At most this many years in a chart across years (the latest ones).
pub(crate) const MAX_YEARS: usize = 6;

/// Sizes of one layout, in px.
pub(crate) struct Metrics {
    width: f64,
    margin: f64,
    gap: f64,
    pad: f64,
    title: f64,
    subtitle: f64,
    section: f64,
    label: f64,
    body: f64,
    pub(crate) small: f64,
    num_max: f64,
    num_min: f64,
    figure_columns: usize,
    category_columns: usize,
    trend_columns: usize,
    side_by_side: bool,
}

const PORTRAIT: Metrics = Metrics {
    width: 720.0,
    margin: 28.0,
    gap: 14.0,
    pad: 16.0,
    title: 42.0,
    subtitle: 24.0,
    section: 30.0,
    label: 25.0,
    body: 24.0,
    small: 21.0,
    num_max: 64.0,
    num_min: 24.0,
    figure_columns: 2,
    category_columns: 1,
    trend_columns: 2,
    side_by_side: false,
};

const LANDSCAPE: Metrics = Metrics {
    width: 1200.0,
    margin: 40.0,
    gap: 18.0,
    pad: 16.0,
    title: 44.0,
    subtitle: 22.0,
    section: 28.0,
    label: 22.0,
    body: 20.0,
    small: 17.0,
    num_max: 64.0,
    num_min: 24.0,
    figure_columns: 4,
    category_columns: 2,
    trend_columns: 3,
    side_by_side: true,
};

fn metrics(layout: Layout) -> &'static Metrics {
    match layout {
        Layout::Portrait => &PORTRAIT,
        Layout::Landscape => &LANDSCAPE,
    }
}

/// Control characters as spaces, runs of white space as one space.
fn clean(text: &str) -> String {
    let spaced: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `data-*` attributes naming a number's cells.
fn number_data(n: &Number) -> Vec<(&'static str, String)> {
    match n.cells.as_slice() {
        [one] => vec![("cell", one.clone())],
        many => vec![("sum", many.join(" "))],
    }
}

/// Collects shapes.
pub(crate) struct Painter {
    pub(crate) shapes: Vec<Shape>,
}

impl Painter {
    /// One line of text: `content` shortened to fit `fit` px; `y` is the baseline.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f64,
        y: f64,
        content: &str,
        font: Font,
        anchor: Anchor,
        fill: &'static str,
        fit: f64,
        data: Vec<(&'static str, String)>,
    ) -> f64 {
        let content = ellipsize(&clean(content), font, fit);
        let width = measure::width(&content, font);
        self.shapes.push(Shape::Text(Text {
            x,
            y,
            content,
            font,
            anchor,
            fill,
            fit,
            data,
        }));
        width
    }

    /// Wrapped lines from `top`; returns the height used.
    #[allow(clippy::too_many_arguments)]
    fn lines(
        &mut self,
        x: f64,
        top: f64,
        text: &str,
        font: Font,
        fill: &'static str,
        max: f64,
        max_lines: usize,
    ) -> f64 {
        let lines = wrap(text, font, max, max_lines);
        let step = font.size * LINE;
        for (i, line) in lines.iter().enumerate() {
            let y = top + step * i as f64 + baseline(font.size);
            self.text(x, y, line, font, Anchor::Start, fill, max, Vec::new());
        }
        step * lines.len() as f64
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, rx: f64, fill: &'static str) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w,
            h,
            rx,
            fill,
            stroke: None,
        });
    }
}

/// The baseline of a line of `size` px whose box starts at 0 (line height [`LINE`]).
fn baseline(size: f64) -> f64 {
    size * 1.05
}

/// The baseline that centres a line of `size` px on `cy`.
fn centred(cy: f64, size: f64) -> f64 {
    cy + size * 0.36
}

/// The graphic placed for `layout`.
pub fn layout(graphic: &Graphic, layout: Layout) -> Scene {
    let m = metrics(layout);
    let mut p = Painter { shapes: Vec::new() };
    let x = m.margin;
    let w = m.width - 2.0 * m.margin;
    let mut y = header(&mut p, m, graphic);
    for section in &graphic.sections {
        y += m.gap * 2.0;
        y = draw_section(&mut p, m, section, x, y, w);
    }
    y += m.gap * 2.0;
    p.shapes.push(Shape::Line {
        x1: x,
        y1: y,
        x2: x + w,
        y2: y,
        stroke: TRACK,
        width: 1.5,
    });
    y += m.gap;
    y += p.lines(
        x,
        y,
        t().graphic.footer,
        Font::regular(m.small),
        MUTED,
        w,
        3,
    );
    Scene {
        width: m.width,
        height: (y + m.margin).ceil(),
        title: format!("{}（{}）", graphic.title, t().graphic.tag),
        kind: layout.key(),
        role: "img",
        shapes: p.shapes,
    }
}

/// The dark band: tag, title (shrunk to two lines if it can be, three at most), unit and year.
fn header(p: &mut Painter, m: &Metrics, g: &Graphic) -> f64 {
    let x = m.margin;
    let w = m.width - 2.0 * m.margin;
    let band = p.shapes.len();
    p.rect(0.0, 0.0, m.width, 0.0, 0.0, DARK);
    let mut y = m.margin;

    let tag_font = Font::bold(m.small);
    let tag = t().graphic.tag;
    let tag_w = measure::width(tag, tag_font) + 20.0;
    let tag_h = m.small * 1.6;
    p.shapes.push(Shape::Rect {
        x,
        y,
        w: tag_w,
        h: tag_h,
        rx: 4.0,
        fill: DARK,
        stroke: Some(WHITE),
    });
    p.text(
        x + 10.0,
        centred(y + tag_h / 2.0, m.small),
        tag,
        tag_font,
        Anchor::Start,
        WHITE,
        tag_w - 20.0,
        Vec::new(),
    );
    y += tag_h + m.gap;

    // The largest size that sets the title on one line, else on two, else three lines at the smallest.
    let title = clean(&g.title);
    let sizes = [m.title, m.title - 4.0, m.title - 8.0];
    let lines_at = |s: f64| wrap(&title, Font::bold(s), w, usize::MAX).len();
    let size = [1, 2]
        .into_iter()
        .find_map(|n| sizes.into_iter().find(|&s| lines_at(s) <= n))
        .unwrap_or(m.title - 8.0);
    y += p.lines(x, y, &title, Font::bold(size), WHITE, w, 3);
    y += m.gap * 0.5;
    let subtitle = (t().graphic.subtitle)(&g.unit, g.year);
    y += p.lines(x, y, &subtitle, Font::regular(m.subtitle), HEADER_SUB, w, 2);
    y += m.margin * 0.8;
    if let Some(Shape::Rect { h, .. }) = p.shapes.get_mut(band) {
        *h = y;
    }
    y
}

fn draw_section(p: &mut Painter, m: &Metrics, s: &Section, x: f64, y: f64, w: f64) -> f64 {
    let font = Font::bold(m.section);
    p.rect(x, y + m.section * 0.2, 6.0, m.section * 1.05, 0.0, DARK);
    let mut y = y + p.lines(x + 16.0, y, &s.title, font, INK, w - 16.0, 2) + m.gap * 0.75;
    let mut i = 0;
    while i < s.parts.len() {
        let pair = m.side_by_side
            && matches!(s.parts[i], Part::Bars { .. })
            && matches!(s.parts.get(i + 1), Some(Part::Applicants(_)));
        if pair {
            let left = ((w - 2.0 * m.gap) * 0.58).floor();
            let right = w - 2.0 * m.gap - left;
            let h1 = draw_part(p, m, &s.parts[i], x, y, left);
            let h2 = draw_part(p, m, &s.parts[i + 1], x + left + 2.0 * m.gap, y, right);
            y += h1.max(h2) + m.gap * 1.5;
            i += 2;
        } else {
            y += draw_part(p, m, &s.parts[i], x, y, w) + m.gap * 1.5;
            i += 1;
        }
    }
    y - m.gap * 1.5
}

fn draw_part(p: &mut Painter, m: &Metrics, part: &Part, x: f64, y: f64, w: f64) -> f64 {
    match part {
        Part::Figures(f) => figures(p, m, f, x, y, w),
        Part::Bars { title, bars: b } => bars(p, m, title, b, x, y, w),
        Part::Applicants(a) => applicants(p, m, a, x, y, w),
        Part::Categories(c) => categories(p, m, c, x, y, w),
        Part::Trends(t) => trends(p, m, t, x, y, w),
    }
}

/// True for a zero count, and for a zero amount (“0”, “0元”, “0.0万元”).
fn is_zero(n: &Number) -> bool {
    n.value == Some(0)
        || (n.value.is_none()
            && n.text.starts_with(|c: char| c.is_ascii_digit())
            && n.text
                .chars()
                .filter(char::is_ascii_digit)
                .all(|c| c == '0'))
}

/// The colour of a number: quieter when it is zero.
fn number_fill(n: &Number) -> &'static str {
    if is_zero(n) {
        FAINT
    } else {
        DARK
    }
}

/// The colour of a small number: quieter when it is zero.
fn small_fill(n: &Number) -> &'static str {
    if is_zero(n) {
        FAINT
    } else {
        INK
    }
}

/// Tiles in a grid; the numbers of a row share one size (the largest at which all of them fit).
fn figures(p: &mut Painter, m: &Metrics, figs: &[Figure], x: f64, y: f64, w: f64) -> f64 {
    if figs.is_empty() {
        return 0.0;
    }
    let columns = m.figure_columns.min(figs.len()).max(1);
    let tile_w = ((w - (columns - 1) as f64 * m.gap) / columns as f64).floor();
    let inner = tile_w - 2.0 * m.pad;
    let label_font = Font::bold(m.label);
    let small = Font::regular(m.small);
    let mut top = y;
    for row in figs.chunks(columns) {
        let size = row
            .iter()
            .map(|f| fit_size(&f.number.text, true, m.num_max, m.num_min, inner))
            .fold(m.num_max, f64::min);
        let height = |f: &Figure| {
            let label = wrap(&f.label, label_font, inner, 2).len() as f64 * m.label * LINE;
            let caption = wrap(&f.caption, small, inner, 2).len() as f64 * m.small * LINE;
            let extras = f.extras.len() as f64 * m.small * LINE;
            2.0 * m.pad + label + size * 1.2 + caption + extras
        };
        let row_h = row.iter().map(height).fold(0.0, f64::max);
        for (i, f) in row.iter().enumerate() {
            let tx = x + i as f64 * (tile_w + m.gap);
            p.rect(tx, top, tile_w, row_h, 10.0, TILE);
            let cx = tx + m.pad;
            let mut cy = top + m.pad;
            cy += p.lines(cx, cy, &f.label, label_font, INK, inner, 2);
            p.text(
                cx,
                cy + size * 0.95,
                &f.number.text,
                Font::bold(size),
                Anchor::Start,
                number_fill(&f.number),
                inner,
                number_data(&f.number),
            );
            cy += size * 1.2;
            cy += p.lines(cx, cy, &f.caption, small, MUTED, inner, 2);
            for e in &f.extras {
                extra_line(p, e, cx, cy, inner, small);
                cy += m.small * LINE;
            }
        }
        top += row_h + m.gap;
    }
    top - m.gap - y
}

/// “label ……… value” on one line from `top`: the value right-aligned, the label shortened to fit.
fn extra_line(p: &mut Painter, e: &Extra, x: f64, top: f64, w: f64, font: Font) {
    let bold = Font::bold(font.size);
    // The value is never shortened while it fits the line; the label gives way.
    let value_w = (measure::width(&clean(&e.number.text), bold) + 1.0).min(w);
    let y = top + baseline(font.size);
    p.text(
        x + w,
        y,
        &e.number.text,
        bold,
        Anchor::End,
        small_fill(&e.number),
        value_w,
        number_data(&e.number),
    );
    p.text(
        x,
        y,
        &e.label,
        font,
        Anchor::Start,
        MUTED,
        (w - value_w - 8.0).max(0.0),
        Vec::new(),
    );
}

/// Horizontal bars: labels left, bars on a track, the value after each bar.
fn bars(p: &mut Painter, m: &Metrics, title: &str, list: &[Bar], x: f64, y: f64, w: f64) -> f64 {
    let mut top = y + p.lines(x, y, title, Font::bold(m.label), INK, w, 2) + m.gap * 0.5;
    let font = |b: &Bar| {
        if b.level == 0 {
            Font::regular(m.body)
        } else {
            Font::regular(m.small)
        }
    };
    let value_font = |b: &Bar| Font::bold(font(b).size);
    let indent = m.small * 1.2;
    let indent_of = |b: &Bar| if b.level == 0 { 0.0 } else { indent };
    let label_w = list
        .iter()
        .map(|b| measure::width(&clean(&b.label), font(b)) + indent_of(b))
        .fold(0.0, f64::max)
        .min(w * 0.5)
        .ceil();
    let value_w = list
        .iter()
        .map(|b| measure::width(&clean(&b.number.text), value_font(b)))
        .fold(0.0, f64::max)
        .min(w * 0.25)
        + 10.0;
    let track_x = x + label_w + 10.0;
    let track_w = (w - label_w - 10.0 - value_w).max(1.0);
    let max = list
        .iter()
        .map(|b| b.number.count())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    for b in list {
        let size = font(b).size;
        let row_h = size * if b.level == 0 { 1.8 } else { 1.6 };
        let bar_h = size * if b.level == 0 { 0.9 } else { 0.7 };
        let cy = top + row_h / 2.0;
        let dy = centred(cy, size);
        p.text(
            x + indent_of(b),
            dy,
            &b.label,
            font(b),
            Anchor::Start,
            if b.level == 0 { INK } else { MUTED },
            label_w - indent_of(b),
            Vec::new(),
        );
        p.rect(track_x, cy - bar_h / 2.0, track_w, bar_h, 3.0, TRACK);
        let count = b.number.count().max(0) as f64;
        let len = if count > 0.0 {
            (track_w * count / max).max(2.0)
        } else {
            0.0
        };
        if len > 0.0 {
            let fill = if b.level == 0 { DARK } else { MID };
            p.rect(track_x, cy - bar_h / 2.0, len, bar_h, 3.0, fill);
        }
        p.text(
            track_x + len + 6.0,
            dy,
            &b.number.text,
            value_font(b),
            Anchor::Start,
            number_fill(&b.number),
            value_w - 6.0,
            number_data(&b.number),
        );
        top += row_h;
    }
    top - y
}

/// One bar split between 自然人 and 法人或其他组织, a legend with both numbers, then the five kinds.
fn applicants(p: &mut Painter, m: &Metrics, a: &Applicants, x: f64, y: f64, w: f64) -> f64 {
    let mut top = y + p.lines(x, y, &a.title, Font::bold(m.label), INK, w, 2);
    top += p.lines(x, top, &a.caption, Font::regular(m.small), MUTED, w, 2) + m.gap * 0.5;
    let bar_h = m.body * 1.6;
    let (n, o) = (
        a.natural.number.count().max(0) as f64,
        a.organisations.number.count().max(0) as f64,
    );
    if n + o > 0.0 {
        let split = w * n / (n + o);
        p.rect(x, top, split, bar_h, 0.0, DARK);
        p.rect(x + split, top, w - split, bar_h, 0.0, LIGHT);
        if n > 0.0 && o > 0.0 {
            p.shapes.push(Shape::Line {
                x1: x + split,
                y1: top,
                x2: x + split,
                y2: top + bar_h,
                stroke: WHITE,
                width: 3.0,
            });
        }
    } else {
        p.rect(x, top, w, bar_h, 0.0, TRACK);
    }
    top += bar_h + m.gap * 0.75;
    let swatch = m.body * 0.8;
    let line = m.body * LINE;
    for (fill, e) in [(DARK, &a.natural), (LIGHT, &a.organisations)] {
        p.shapes.push(Shape::Rect {
            x,
            y: top + (line - swatch) / 2.0,
            w: swatch,
            h: swatch,
            rx: 2.0,
            fill,
            stroke: Some(DARK),
        });
        extra_line(
            p,
            e,
            x + swatch + 8.0,
            top,
            w - swatch - 8.0,
            Font::regular(m.body),
        );
        top += line;
    }
    top += m.gap * 0.25;
    top += flow_pairs(p, &a.kinds, x, top, w, m.small);
    top - y
}

/// “label value” pairs left to right, wrapping onto new lines; returns the height.
fn flow_pairs(p: &mut Painter, pairs: &[Extra], x: f64, top: f64, w: f64, size: f64) -> f64 {
    let font = Font::regular(size);
    let bold = Font::bold(size);
    let line = size * LINE;
    let (mut cx, mut cy) = (x, top);
    for e in pairs {
        let value = clean(&e.number.text);
        let value_w = measure::width(&value, bold).min(w * 0.5) + 1.0;
        let label_w = measure::width(&clean(&e.label), font)
            .min(w - value_w - 6.0)
            .max(0.0);
        let pair_w = label_w + 6.0 + value_w;
        if cx > x && cx + pair_w > x + w {
            cx = x;
            cy += line;
        }
        let y = cy + baseline(size);
        p.text(
            cx,
            y,
            &e.label,
            font,
            Anchor::Start,
            MUTED,
            label_w,
            Vec::new(),
        );
        p.text(
            cx + label_w + 6.0,
            y,
            &value,
            bold,
            Anchor::Start,
            small_fill(&e.number),
            value_w,
            number_data(&e.number),
        );
        cx += pair_w + size * 1.2;
    }
    if pairs.is_empty() {
        0.0
    } else {
        cy + line - top
    }
}

/// The status mark of an item, centred on (`cx`, `cy`), `r` px in radius.
fn mark(p: &mut Painter, status: Option<DisclosureStatus>, cx: f64, cy: f64, r: f64) {
    match status {
        Some(DisclosureStatus::Published) => p.shapes.push(Shape::Circle {
            cx,
            cy,
            r,
            fill: DARK,
            stroke: None,
        }),
        Some(DisclosureStatus::Partial) => {
            p.shapes.push(Shape::Circle {
                cx,
                cy,
                r: r - 1.0,
                fill: WHITE,
                stroke: Some(DARK),
            });
            p.shapes.push(Shape::Path {
                d: format!(
                    "M{} {}A{} {} 0 0 0 {} {}Z",
                    num(cx),
                    num(cy - r),
                    num(r),
                    num(r),
                    num(cx),
                    num(cy + r)
                ),
                fill: DARK,
                stroke: None,
            });
        }
        Some(DisclosureStatus::NotPublished) => {
            let d = r * 0.8;
            p.shapes.push(Shape::Path {
                d: format!(
                    "M{} {}L{} {}M{} {}L{} {}",
                    num(cx - d),
                    num(cy - d),
                    num(cx + d),
                    num(cy + d),
                    num(cx + d),
                    num(cy - d),
                    num(cx - d),
                    num(cy + d)
                ),
                fill: "none",
                stroke: Some(ACCENT),
            });
        }
        Some(DisclosureStatus::NotApplicable) => p.shapes.push(Shape::Line {
            x1: cx - r,
            y1: cy,
            x2: cx + r,
            y2: cy,
            stroke: MUTED,
            width: 3.0,
        }),
        None => p.shapes.push(Shape::Circle {
            cx,
            cy,
            r: r - 1.0,
            fill: WHITE,
            stroke: Some(MUTED),
        }),
    }
}

/// The legend of the marks, then each category: its name, its items' marks (or 本年度无此项 / 未填写 /
/// 已填写), and the counts entered under it.
fn categories(p: &mut Painter, m: &Metrics, list: &[CategoryLine], x: f64, y: f64, w: f64) -> f64 {
    let g = &t().graphic;
    let small = Font::regular(m.small);
    let r = m.small * 0.42;
    let step = 2.0 * r + 7.0;
    // Legend.
    let legend = [
        (Some(DisclosureStatus::Published), g.published),
        (Some(DisclosureStatus::Partial), g.partial),
        (Some(DisclosureStatus::NotPublished), g.not_published),
        (Some(DisclosureStatus::NotApplicable), g.not_applicable),
        (None, g.unset),
    ];
    let (mut cx, mut top) = (x, y);
    for (status, word) in legend {
        let word_w = measure::width(word, small);
        let item_w = 2.0 * r + 6.0 + word_w;
        if cx > x && cx + item_w > x + w {
            cx = x;
            top += m.small * LINE;
        }
        mark(p, status, cx + r, top + m.small * LINE / 2.0, r);
        p.text(
            cx + 2.0 * r + 6.0,
            top + baseline(m.small),
            word,
            small,
            Anchor::Start,
            MUTED,
            word_w,
            Vec::new(),
        );
        cx += item_w + m.small;
    }
    top += m.small * LINE + m.gap * 0.5;

    let columns = m.category_columns.max(1);
    let col_w = ((w - (columns - 1) as f64 * m.gap) / columns as f64).floor();
    let name_font = Font::bold(m.label);
    let line_h = m.label * LINE;
    let count_h = m.body * LINE;
    for row in list.chunks(columns) {
        // Lay out every cell of the row, then draw the row at the height of the tallest.
        let plans: Vec<_> = row
            .iter()
            .map(|c| {
                let name_w = measure::width(c.name, name_font).min(col_w * 0.5).ceil();
                let area = (col_w - name_w - 16.0).max(step);
                let per_line = ((area / step).floor() as usize).max(1);
                let mark_lines = c.items.len().div_ceil(per_line).max(1);
                let head = line_h.max(mark_lines as f64 * step);
                (
                    name_w,
                    per_line,
                    head,
                    head + c.counts.len() as f64 * count_h,
                )
            })
            .collect();
        let row_h = plans.iter().map(|p| p.3).fold(0.0, f64::max) + m.gap * 0.6;
        for (i, (c, &(name_w, per_line, head, _))) in row.iter().zip(&plans).enumerate() {
            let cx = x + i as f64 * (col_w + m.gap);
            p.text(
                cx,
                top + baseline(m.label),
                c.name,
                name_font,
                Anchor::Start,
                INK,
                name_w,
                Vec::new(),
            );
            let right = cx + col_w;
            let word = match c.state {
                CategoryState::NotApplicable => Some((g.not_applicable, true)),
                CategoryState::Empty => Some((g.category_empty, true)),
                CategoryState::Filled if c.items.is_empty() => Some((g.category_filled, false)),
                CategoryState::Filled => None,
            };
            if let Some((word, with_mark)) = word {
                let room = col_w - name_w - 16.0 - if with_mark { step } else { 0.0 };
                let word_w = p.text(
                    right,
                    top + baseline(m.label) - (m.label - m.small) * 0.3,
                    word,
                    small,
                    Anchor::End,
                    MUTED,
                    room.max(0.0),
                    Vec::new(),
                );
                if with_mark {
                    let status = if c.state == CategoryState::NotApplicable {
                        Some(DisclosureStatus::NotApplicable)
                    } else {
                        None
                    };
                    mark(p, status, right - word_w - 6.0 - r, top + line_h / 2.0, r);
                }
            } else {
                // Marks right-aligned, wrapping onto more lines.
                let one_line = c.items.len() <= per_line;
                for (n, item) in c.items.iter().enumerate() {
                    let (line, col) = (n / per_line, n % per_line);
                    let in_line = (c.items.len() - line * per_line).min(per_line);
                    let mx = right - (in_line - col) as f64 * step + step / 2.0;
                    let my = if one_line {
                        top + line_h / 2.0
                    } else {
                        top + step / 2.0 + line as f64 * step
                    };
                    mark(p, item.status, mx, my, r);
                }
            }
            let mut cy = top + head;
            for count in &c.counts {
                count_line(p, m, count, cx, cy, col_w);
                cy += count_h;
            }
        }
        top += row_h;
        p.shapes.push(Shape::Line {
            x1: x,
            y1: top - m.gap * 0.3,
            x2: x + w,
            y2: top - m.gap * 0.3,
            stroke: TRACK,
            width: 1.0,
        });
    }
    top - y
}

/// “26 件 发布信息”: the value large, its unit, the label after it (shortened to fit).
fn count_line(p: &mut Painter, m: &Metrics, c: &super::CountLine, x: f64, top: f64, w: f64) {
    let value = c.value.to_string();
    let bold = Font::bold(m.body);
    let small = Font::regular(m.small);
    let y = top + baseline(m.body);
    let value_w = measure::width(&value, bold) + 1.0;
    p.text(
        x,
        y,
        &value,
        bold,
        Anchor::Start,
        DARK,
        value_w,
        vec![("item", c.source.clone())],
    );
    let unit_max = (w * 0.2).min(w - value_w - 4.0).max(0.0);
    let unit_w = p.text(
        x + value_w + 4.0,
        y,
        &c.unit,
        small,
        Anchor::Start,
        INK,
        unit_max,
        Vec::new(),
    );
    let label_x = x + value_w + 4.0 + unit_w + 10.0;
    p.text(
        label_x,
        y,
        &c.label,
        small,
        Anchor::Start,
        MUTED,
        (x + w - label_x).max(0.0),
        Vec::new(),
    );
}

/// Small charts across years in a grid of tiles.
fn trends(p: &mut Painter, m: &Metrics, list: &[Trend], x: f64, y: f64, w: f64) -> f64 {
    if list.is_empty() {
        return 0.0;
    }
    let columns = m.trend_columns.min(list.len()).max(1);
    let tile_w = ((w - (columns - 1) as f64 * m.gap) / columns as f64).floor();
    let inner = tile_w - 2.0 * m.pad;
    let bold = Font::bold(m.small);
    let small = Font::regular(m.small * 0.9);
    let chart_h = m.small * 7.0;
    let has_caption = list.iter().any(|t| !t.caption.is_empty());
    let tile_h = 2.0 * m.pad
        + m.small * LINE
        + if has_caption { small.size * LINE } else { 0.0 }
        + m.gap * 0.5
        + chart_h;
    let mut top = y;
    for row in list.chunks(columns) {
        for (i, tr) in row.iter().enumerate() {
            let tx = x + i as f64 * (tile_w + m.gap);
            p.rect(tx, top, tile_w, tile_h, 10.0, TILE);
            let mut cy = top + m.pad;
            p.text(
                tx + m.pad,
                cy + baseline(m.small),
                &tr.label,
                bold,
                Anchor::Start,
                INK,
                inner,
                Vec::new(),
            );
            cy += m.small * LINE;
            if has_caption {
                p.text(
                    tx + m.pad,
                    cy + baseline(small.size),
                    &tr.caption,
                    small,
                    Anchor::Start,
                    MUTED,
                    inner,
                    Vec::new(),
                );
                cy += small.size * LINE;
            }
            cy += m.gap * 0.5;
            let from = tr.points.len().saturating_sub(MAX_YEARS);
            chart(
                p,
                &tr.points[from..],
                tx + m.pad,
                cy,
                inner,
                chart_h,
                m.small,
                None,
            );
        }
        top += tile_h + m.gap;
    }
    top - m.gap - y
}

/// Makes the link of a jump mark: (href, accessible name) for a point.
pub(crate) type JumpLink<'a> = &'a dyn Fn(&TrendPoint) -> Option<(String, String)>;

/// A small bar chart of `points` in the box (`x`, `y`, `w`, `h`): one bar per year (the last year
/// darker), its value above it, the year below, and a triangle over a jump (a link when `link` gives
/// one). Values and years shrink to their slot.
#[allow(clippy::too_many_arguments)]
pub(crate) fn chart(
    p: &mut Painter,
    points: &[TrendPoint],
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    size: f64,
    link: Option<JumpLink>,
) {
    if points.is_empty() {
        return;
    }
    let n = points.len();
    let slot = w / n as f64;
    let widest = points
        .iter()
        .map(|pt| pt.number.text.as_str())
        .max_by(|a, b| {
            measure::width(a, Font::bold(10.0)).total_cmp(&measure::width(b, Font::bold(10.0)))
        })
        .unwrap_or("0");
    let value_size = fit_size(&clean(widest), true, size * 0.95, 10.0, slot - 4.0);
    let year_size = fit_size("2020", false, size * 0.85, 9.0, slot - 2.0);
    let mark = value_size * 0.7;
    let top_room = value_size * 1.25 + mark + 4.0;
    let bottom_room = year_size * 1.5;
    let area = (h - top_room - bottom_room).max(4.0);
    let values: Vec<i64> = points.iter().map(|pt| pt.number.count()).collect();
    let hi = values.iter().copied().max().unwrap_or(0).max(0);
    let lo = values.iter().copied().min().unwrap_or(0).min(0);
    // In floating point: a difference of two figures never overflows.
    let range = (hi as f64 - lo as f64).max(1.0);
    let level = |v: i64| y + top_room + area * (hi as f64 - v as f64) / range;
    let zero = level(0);
    p.shapes.push(Shape::Line {
        x1: x,
        y1: zero,
        x2: x + w,
        y2: zero,
        stroke: TRACK,
        width: 1.5,
    });
    let bar_w = (slot * 0.55).min(28.0);
    for (i, pt) in points.iter().enumerate() {
        let cx = x + slot * (i as f64 + 0.5);
        let v = values[i];
        let vy = level(v);
        let (bar_top, bar_bottom) = (vy.min(zero), vy.max(zero));
        if v != 0 {
            let fill = if i + 1 == n { DARK } else { MID };
            p.rect(
                cx - bar_w / 2.0,
                bar_top,
                bar_w,
                (bar_bottom - bar_top).max(1.5),
                2.0,
                fill,
            );
        }
        let label_y = bar_top - 5.0;
        let mut data = number_data(&pt.number);
        data.push(("year", pt.year.to_string()));
        p.text(
            cx,
            label_y,
            &pt.number.text,
            Font::bold(value_size),
            Anchor::Middle,
            number_fill(&pt.number),
            slot - 4.0,
            data,
        );
        p.text(
            cx,
            y + h - bottom_room + year_size * 1.2,
            &pt.year.to_string(),
            Font::regular(year_size),
            Anchor::Middle,
            MUTED,
            slot - 2.0,
            vec![("year", pt.year.to_string())],
        );
        if let Some(j) = pt.jump {
            let my = label_y - value_size * 1.05 - mark / 2.0;
            let half = mark / 2.0;
            let d = if j.to >= j.from {
                format!(
                    "M{} {}L{} {}L{} {}Z",
                    num(cx),
                    num(my - half),
                    num(cx + half),
                    num(my + half),
                    num(cx - half),
                    num(my + half)
                )
            } else {
                format!(
                    "M{} {}L{} {}L{} {}Z",
                    num(cx),
                    num(my + half),
                    num(cx + half),
                    num(my - half),
                    num(cx - half),
                    num(my - half)
                )
            };
            let shape = Shape::Path {
                d,
                fill: ACCENT,
                stroke: None,
            };
            match link.and_then(|l| l(pt)) {
                Some((href, label)) => {
                    // A larger transparent target around the triangle, for fingers.
                    let target = Shape::Rect {
                        x: cx - slot / 2.0,
                        y: my - mark,
                        w: slot,
                        h: mark * 2.0,
                        rx: 0.0,
                        fill: "transparent",
                        stroke: None,
                    };
                    p.shapes.push(Shape::Link {
                        href,
                        label,
                        testid: "trend-jump",
                        shapes: vec![target, shape],
                    })
                }
                None => p.shapes.push(shape),
            }
        }
    }
}

/// The overview's chart of one series (its last six years), 240 × 110 px, each jump a link to the
/// figure's cell in that year's tables (`#/tables?year=<year>&cell=<cell>`).
pub fn trend_svg(trend: &Trend) -> String {
    let (width, height) = (240.0, 110.0);
    let mut p = Painter { shapes: Vec::new() };
    let from = trend.points.len().saturating_sub(MAX_YEARS);
    let link = |pt: &TrendPoint| {
        pt.jump.map(|j| {
            (
                format!(
                    "{}?year={}&cell={}",
                    Route::Tables.href(),
                    pt.year,
                    trend.focus
                ),
                (t().graphic.jump)(pt.year, j.from, j.to),
            )
        })
    };
    chart(
        &mut p,
        &trend.points[from..],
        4.0,
        4.0,
        width - 8.0,
        height - 8.0,
        15.0,
        Some(&link),
    );
    let summary: Vec<(u16, String)> = trend.points[from..]
        .iter()
        .map(|pt| (pt.year, pt.number.text.clone()))
        .collect();
    Scene {
        width,
        height,
        title: (t().graphic.trend_summary)(&trend.label, &summary),
        kind: "trend",
        role: "group",
        shapes: p.shapes,
    }
    .to_svg()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance (WCAG) of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn colours_stay_apart_in_greyscale() {
        // Each fill is clearly lighter than the one before it, so bars, segments, tracks and tiles
        // stay distinguishable when printed in grey.
        let fills = [DARK, MID, LIGHT, TRACK, TILE, WHITE];
        for pair in fills.windows(2) {
            assert!(
                contrast(pair[0], pair[1]) >= 1.1,
                "{} and {} are too close in grey",
                pair[0],
                pair[1]
            );
        }
        assert!(contrast(DARK, MID) >= 2.5);
        assert!(contrast(MID, LIGHT) >= 2.0);
        // Text: body text 4.5:1 on tiles; zero figures (large) 3:1.
        for text in [INK, MUTED, DARK] {
            assert!(contrast(text, TILE) >= 4.5, "{text}");
        }
        assert!(contrast(FAINT, TILE) >= 3.0);
        assert!(contrast(HEADER_SUB, DARK) >= 4.5);
    }

    #[test]
    fn layouts_round_trip_their_keys() {
        for l in [Layout::Portrait, Layout::Landscape] {
            assert_eq!(Layout::parse(l.key()), Some(l));
        }
        assert_eq!(Layout::parse("square"), None);
    }
}
