//! Short excerpts of user text for messages: an error or a finding quotes at most a few dozen
//! characters of a bad value (never a whole 5 MB field), on one line, without control characters.

/// How many characters of a value a message quotes.
pub const EXCERPT_CHARS: usize = 40;

/// `text` cut to [`EXCERPT_CHARS`] characters (with “…” when cut), line breaks and tabs as spaces,
/// other control characters and bidirectional controls dropped.
pub fn excerpt(text: &str) -> String {
    excerpt_to(text, EXCERPT_CHARS)
}

/// As [`excerpt`], cut to `max` characters.
pub fn excerpt_to(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() || is_bidi_control(c) => None,
            c => Some(c),
        })
        .peekable();
    let mut n = 0;
    while let Some(c) = chars.next() {
        if n == max {
            out.push('…');
            break;
        }
        out.push(c);
        n += 1;
        if n == max && chars.peek().is_none() {
            break;
        }
    }
    out
}

/// The bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F,
/// U+061C), which can make text display in another order than it is stored.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept() {
        assert_eq!(excerpt("汽开区教育局"), "汽开区教育局");
        assert_eq!(excerpt(""), "");
        assert_eq!(excerpt_to("abc", 3), "abc");
    }

    #[test]
    fn long_text_is_cut_on_a_character() {
        let long = "政".repeat(5_000_000);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(excerpt_to("abcd", 3), "abc…");
    }

    #[test]
    fn controls_go_line_breaks_become_spaces() {
        assert_eq!(excerpt("a\nb\u{7}c\u{202e}d\te"), "a bcd e");
    }
}
