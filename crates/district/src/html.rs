//! HTML escaping, one way for every page and export: the parent lookup page writes its answers with
//! it, and the report's HTML, DOCX and graphic exports (`gongkai::report`) escape alike.

/// True for the control characters every export drops: all but `\n` and `\t`.
pub fn is_dropped_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` for HTML text or attribute values: `& < > " '` as entities, control characters other than
/// `\n` and `\t` removed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_dropped_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(
            escape("<script>alert('x&y')</script>\"\u{0}\u{7}\r\n\t"),
            "&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;&quot;\n\t"
        );
        assert_eq!(escape("政务公开 😀"), "政务公开 😀");
    }
}
