//! Small DOM helpers: moving focus (to a control, to the page heading, back to a dialog's opener),
//! modal dialogs, reading the query part of the hash, clipboard text of a paste.

use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` (or the first input, textarea or select inside it),
/// opening any folded `<details>` around it; with `select`, its text is selected so that typing replaces
/// it. The browser scrolls it into view (below the sticky header, see `scroll-padding-top`). False when
/// nothing matches.
pub fn focus(selector: &str, select: bool) -> bool {
    let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) else {
        return false;
    };
    let target: web_sys::Element = match el
        .query_selector("input, textarea, select, button")
        .ok()
        .flatten()
    {
        Some(inner)
            if !matches!(
                el.tag_name().as_str(),
                "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON"
            ) =>
        {
            inner
        }
        _ => el,
    };
    let mut folded = target.closest("details:not([open])").ok().flatten();
    while let Some(details) = folded {
        let _ = details.set_attribute("open", "");
        folded = details.closest("details:not([open])").ok().flatten();
    }
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        if select {
            input.select();
        }
        true
    } else if let Some(h) = target.dyn_ref::<web_sys::HtmlElement>() {
        h.focus().is_ok()
    } else {
        false
    }
}

/// Moves the focus to the page heading (`main h2`), making it focusable from script only.
pub fn focus_heading() -> bool {
    let Some(h) = document()
        .and_then(|d| d.query_selector("main h2").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let _ = h.set_attribute("tabindex", "-1");
    h.focus().is_ok()
}

/// True when the focused element is inside the element matching `selector`.
pub fn focus_within(selector: &str) -> bool {
    document()
        .and_then(|d| d.active_element())
        .and_then(|a| a.closest(selector).ok().flatten())
        .is_some()
}

static NEXT_MARK: AtomicU32 = AtomicU32::new(1);

/// Marks the focused element so that [`restore_focus`] can return to it (a dialog's opener).
pub fn remember_focus() -> Option<u32> {
    let active = document()?.active_element()?;
    let mark = NEXT_MARK.fetch_add(1, Ordering::Relaxed);
    active
        .set_attribute("data-return-focus", &mark.to_string())
        .ok()?;
    Some(mark)
}

/// Closes the open `<dialog>` matching `selector` (while a modal dialog is open, nothing outside it
/// can take the focus).
pub fn close_dialog(selector: &str) {
    if let Some(dialog) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
    {
        dialog.close();
    }
}

/// Focuses the element marked by [`remember_focus`]; if it is gone, the page heading.
pub fn restore_focus(mark: Option<u32>) {
    let marked = mark.and_then(|m| {
        document()?
            .query_selector(&format!("[data-return-focus=\"{m}\"]"))
            .ok()
            .flatten()
    });
    match marked.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.remove_attribute("data-return-focus");
            let _ = el.focus();
        }
        None => {
            focus_heading();
        }
    }
}

/// Opens a `<dialog>` as a modal: the rest of the page is inert, and the browser focuses the dialog's
/// first control.
pub fn show_modal(dialog: &web_sys::HtmlDialogElement) {
    if !dialog.open() {
        let _ = dialog.show_modal();
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
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

/// Whether the page was opened from disk (`file://`), where storage belongs to the file's path.
pub fn is_file_protocol() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// This page's address with `hash` as its route (e.g. `#/school`), for telling others where to open
/// it; empty when the page is a local file (its path means nothing on another computer).
pub fn served_address(hash: &str) -> String {
    if is_file_protocol() {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| format!("{}{hash}", h.split('#').next().unwrap_or_default()))
        .unwrap_or_default()
}
