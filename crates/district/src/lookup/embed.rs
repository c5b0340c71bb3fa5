//! Published data inside the single-file lookup page: `lookup.html` carries `districts.json` in a
//! `<script type="application/json" id="gongkai-districts">` element, which the page reads before it
//! looks for a `districts.json` beside it. The workbench puts the bureau's data there to hand out one
//! file that works from a website, an e-mail or a phone's downloads (file://).

use super::ids;

/// Why the data could not be put into the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedError {
    /// The page has no data element: not the lookup page of this build.
    NoPlaceholder,
}

/// JSON as the text of a `<script>` element: `</` can end the element and `<!--` can open a comment
/// in it, so both are written with an escaped slash or angle bracket, which JSON reads the same.
pub fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

/// The page with its data element's text replaced by `json`.
pub fn embed_data(html: &str, json: &str) -> Result<String, EmbedError> {
    let open = format!("id=\"{}\"", ids::DATA);
    let at = html.find(&open).ok_or(EmbedError::NoPlaceholder)?;
    let start = at + html[at..].find('>').ok_or(EmbedError::NoPlaceholder)? + 1;
    let end = start
        + html[start..]
            .find("</script>")
            .ok_or(EmbedError::NoPlaceholder)?;
    let mut out = String::with_capacity(html.len() + json.len());
    out.push_str(&html[..start]);
    out.push_str(&script_safe(json));
    out.push_str(&html[end..]);
    Ok(out)
}

/// The text of the page's data element, if it has one (what the page itself reads through the DOM).
pub fn embedded_data(html: &str) -> Option<&str> {
    let open = format!("id=\"{}\"", ids::DATA);
    let at = html.find(&open)?;
    let start = at + html[at..].find('>')? + 1;
    let end = start + html[start..].find("</script>")?;
    Some(&html[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><script type=\"application/json\" id=\"gongkai-districts\">{\"old\":1}</script>\
                        <script>boot()</script></head></html>";

    #[test]
    fn data_replaces_the_placeholder_and_stays_json() {
        let json = r#"{"note":"</script><script>alert(1)</script><!-- x"}"#;
        let page = embed_data(PAGE, json).unwrap();
        let inside = embedded_data(&page).unwrap();
        assert!(!inside.contains("</"), "{inside}");
        assert!(!inside.contains("<!--"), "{inside}");
        let a: serde_json::Value = serde_json::from_str(inside).unwrap();
        let b: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(a, b);
        assert!(page.ends_with("<script>boot()</script></head></html>"));
    }

    #[test]
    fn a_page_without_the_element_is_refused() {
        assert_eq!(
            embed_data("<html></html>", "{}"),
            Err(EmbedError::NoPlaceholder)
        );
    }
}
