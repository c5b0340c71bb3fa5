//! Text widths without a layout engine: SVG draws text where it is told and never wraps it, so the
//! layout estimates how wide a string will be and wraps, shrinks or shortens it to fit its box.
//!
//! The estimate is deliberately generous, so that real fonts come out narrower than their box:
//! Chinese characters and full-width forms are one em (as in every CJK font); digits 0.6 em (Microsoft
//! YaHei draws them at about 0.53, SimHei at 0.5, Noto Sans CJK at 0.55); Latin letters 0.56–0.7 em;
//! narrow punctuation and spaces 0.3–0.35 em; emoji and anything unknown 1.25 em. Bold adds 6 %.
//! The browser check in `tests/e2e/graphic.test.mjs` compares these estimates with what Chromium draws.

/// The width of one character in em.
fn advance(c: char) -> f64 {
    match c {
        '0'..='9' => 0.6,
        'i' | 'l' | 'j' | 'I' | '!' | '|' | '\'' | '.' | ',' | ':' | ';' => 0.32,
        ' ' => 0.32,
        'f' | 't' | 'r' => 0.42,
        'm' | 'w' => 0.86,
        'M' | 'W' => 0.95,
        'a'..='z' => 0.58,
        'A'..='Z' => 0.7,
        '(' | ')' | '[' | ']' | '{' | '}' | '/' | '\\' | '-' | '"' => 0.42,
        '+' | '=' | '<' | '>' | '~' | '*' | '#' | '%' | '&' | '@' | '$' | '?' | '_' | '^' | '`' => {
            0.7
        }
        '…' | '—' | '·' => 1.0,
        // Combining marks and zero-width characters take no room of their own.
        '\u{300}'..='\u{36f}' | '\u{200b}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' => {
            0.0
        }
        c if is_wide(c) => 1.0,
        c if (c as u32) < 0x2e80 => 0.7,
        _ => 1.25,
    }
}

/// Chinese, Japanese and Korean characters, CJK punctuation and full-width forms.
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{303e}'
        | '\u{3041}'..='\u{33ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a000}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{2fffd}'
        | '\u{30000}'..='\u{3fffd}')
}

/// How a text is set: size in px and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }

    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }
}

/// The estimated width of `text` in px.
pub fn width(text: &str, font: Font) -> f64 {
    let em: f64 = text.chars().map(advance).sum();
    em * font.size * if font.bold { 1.06 } else { 1.0 }
}

/// The ellipsis that marks shortened text.
pub const ELLIPSIS: char = '…';

/// `text` if it fits `max` px, else its longest prefix that fits with “…” after it (possibly “…”
/// alone, or nothing when not even that fits).
pub fn ellipsize(text: &str, font: Font, max: f64) -> String {
    if width(text, font) <= max {
        return text.to_string();
    }
    cut(text, font, max)
}

/// The longest prefix of `text` that fits `max` px with “…” after it, always ending in “…” (or nothing
/// when not even “…” fits).
fn cut(text: &str, font: Font, max: f64) -> String {
    if width("…", font) > max {
        return String::new();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        out.push(ELLIPSIS);
        let fits = width(&out, font) <= max;
        out.pop();
        if !fits {
            out.pop();
            break;
        }
    }
    let mut out = out.trim_end().to_string();
    out.push(ELLIPSIS);
    out
}

/// Characters that must not start a line (closing punctuation), kept with the character before.
fn no_line_start(c: char) -> bool {
    "，。、；：？！）》」』】〕”’,.;:?!)]}%".contains(c)
}

/// Splits `text` into pieces that wrap as units: one wide character (with any closing punctuation
/// that follows it), a run of other non-space characters (a word or number), or spaces.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        debug_assert_eq!(at, start);
        let mut j = i + 1;
        if c.is_whitespace() {
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
        } else if !is_wide(c) && !no_line_start(c) {
            while j < chars.len() && {
                let d = chars[j].1;
                !d.is_whitespace() && !is_wide(d)
            } {
                j += 1;
            }
        }
        while j < chars.len() && no_line_start(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
        out.push(&text[start..end]);
        start = end;
        i = j;
    }
    out
}

/// Wraps `text` into lines no wider than `max` px, breaking between Chinese characters and at spaces,
/// and inside a word only when the word alone is too wide. At most `max_lines` lines: the last one
/// ends in “…” when text is left over. Line breaks and control characters in `text` count as spaces.
pub fn wrap(text: &str, font: Font, max: f64, max_lines: usize) -> Vec<String> {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(&clean) {
        let candidate = format!("{line}{piece}");
        if width(candidate.trim_end(), font) <= max {
            line = candidate;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
        }
        line = String::new();
        if piece.trim().is_empty() {
            continue;
        }
        // A piece wider than a whole line is cut by characters.
        for c in piece.chars() {
            let candidate = format!("{line}{c}");
            if width(&candidate, font) <= max || line.is_empty() {
                line = candidate;
            } else {
                lines.push(line);
                line = c.to_string();
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() > max_lines.max(1) {
        let keep = max_lines.max(1);
        let rest = lines[keep - 1..].join("");
        lines.truncate(keep - 1);
        lines.push(cut(&rest, font, max));
    }
    // A single character wider than the box (a huge size in a tiny box) is shortened like the rest.
    for l in &mut lines {
        if width(l, font) > max {
            *l = ellipsize(l, font, max);
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// The largest size from `largest` down to `smallest` (in steps of 2 px) at which `text` fits `max` px,
/// or `smallest` when none does.
pub fn fit_size(text: &str, bold: bool, largest: f64, smallest: f64, max: f64) -> f64 {
    let mut size = largest;
    while size > smallest {
        if width(text, Font { size, bold }) <= max {
            return size;
        }
        size -= 2.0;
    }
    smallest
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Font = Font::regular(20.0);

    #[test]
    fn chinese_is_full_width_and_digits_about_half() {
        assert_eq!(width("政务公开", F), 80.0);
        assert_eq!(width("123456", F), 72.0);
        assert!(width("123456", Font::bold(20.0)) > 72.0);
        assert_eq!(width("", F), 0.0);
        assert_eq!(width("（一）", F), 60.0);
    }

    #[test]
    fn ellipsize_keeps_what_fits() {
        assert_eq!(ellipsize("政务公开", F, 80.0), "政务公开");
        assert_eq!(ellipsize("政务公开", F, 79.0), "政务…");
        assert_eq!(ellipsize("政务公开", F, 20.0), "…");
        assert_eq!(ellipsize("政务公开", F, 10.0), "");
        for max in [0.0, 5.0, 33.0, 61.0, 200.0] {
            assert!(width(&ellipsize("长春汽车经济技术开发区 Education", F, max), F) <= max);
        }
    }

    #[test]
    fn wrap_breaks_between_characters_and_keeps_numbers_whole() {
        let lines = wrap("汽开区教育云平台公开本级政务信息 123456 件", F, 200.0, 5);
        assert_eq!(lines, ["汽开区教育云平台公开", "本级政务信息 123456", "件"]);
        // Closing punctuation stays with the character before.
        let lines = wrap("甲乙丙丁戊己庚辛壬癸，子丑", F, 200.0, 5);
        assert_eq!(lines[0], "甲乙丙丁戊己庚辛壬");
        assert!(lines[1].starts_with("癸，"));
    }

    #[test]
    fn wrap_limits_lines_with_an_ellipsis() {
        let text = "某".repeat(100);
        let lines = wrap(&text, F, 100.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| width(l, F) <= 100.0));
        let long_word = "x".repeat(300);
        let lines = wrap(&long_word, F, 100.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| width(l, F) <= 100.0));
        assert!(wrap("  \n\t ", F, 100.0, 3).is_empty());
        assert!(wrap("某", Font::regular(50.0), 10.0, 3).is_empty());
    }

    #[test]
    fn fit_size_shrinks_long_numbers() {
        assert_eq!(fit_size("7", true, 72.0, 36.0, 300.0), 72.0);
        let s = fit_size("123456789", true, 72.0, 36.0, 300.0);
        assert!(s < 72.0 && width("123456789", Font::bold(s)) <= 300.0);
        assert_eq!(fit_size(&"9".repeat(40), true, 72.0, 36.0, 300.0), 36.0);
    }
}
