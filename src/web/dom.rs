//! Small DOM helpers: moving focus, reading the query part of the hash, clipboard text of a paste.

use wasm_bindgen::JsCast;

/// Focuses (and selects the text of) the first element matching `selector`. False when none matches.
pub fn focus(selector: &str) -> bool {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return false;
    };
    let target: web_sys::Element = match el.query_selector("input, textarea, select").ok().flatten()
    {
        Some(inner) if !matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") => inner,
        _ => el,
    };
    target.scroll_into_view_with_bool(false);
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
        true
    } else if let Some(h) = target.dyn_ref::<web_sys::HtmlElement>() {
        h.focus().is_ok()
    } else {
        false
    }
}

/// The value of `name` in the query part of `location.hash` (`#/tables?focus=…`).
pub fn hash_param(name: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let query = hash.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| {
            js_sys::decode_uri_component(v)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| v.to_string())
        })
    })
}

/// The plain text of a paste event.
pub fn pasted_text(ev: &web_sys::Event) -> Option<String> {
    ev.dyn_ref::<web_sys::ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text/plain")
        .ok()
}

/// Caret position and text length of the input an event came from.
pub fn caret(ev: &web_sys::Event) -> Option<(u32, u32)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let len = input.value().encode_utf16().count() as u32;
    let pos = input.selection_start().ok().flatten().unwrap_or(len);
    Some((pos, len))
}
