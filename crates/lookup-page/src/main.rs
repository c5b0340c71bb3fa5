//! The parent lookup page (`dist/lookup/index.html`, `dist/lookup.html`): its own small binary, with
//! no Leptos, report, DOCX, XLSX or pinyin code (docs/performance.md). It shows the page at once, then
//! reads the published data: from the page itself when the data is embedded (the single file the
//! workbench hands out), else from `districts.json` beside the page; and answers what the parent types.
//! The workbench loads the same binary as its `lookup` module for `#/lookup` (`mount_lookup`).

mod widget;

use gongkai_district::district::{load_index, load_index_bytes, DistrictIndex, PublishError};
use gongkai_district::lookup::ids;
use gongkai_district::lookup_text::ZH_CN as T;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use widget::LookupWidget;

#[wasm_bindgen]
extern "C" {
    /// `promise.then(ok, err)`: callbacks instead of Rust futures, whose executor would cost the
    /// page ~3 KB gzip for its one fetch.
    type Thenable;

    #[wasm_bindgen(method, js_name = then)]
    fn then_with(this: &Thenable, ok: &JsValue, err: &JsValue) -> Thenable;
}

/// The element the page is written into.
const ROOT: &str = "lookup-root";
/// The published file beside the page.
const DATA_FILE: &str = "districts.json";

fn main() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id(ROOT) else {
        // Loaded as the workbench's module: `mount_lookup` does the work when asked.
        gongkai_fatal::install_module_panic_hook("lookup");
        return;
    };
    gongkai_fatal::install_panic_hook();
    let Ok(widget) = LookupWidget::mount(&root, true) else {
        return;
    };
    // The page lives as long as the document.
    let widget: &'static LookupWidget = Box::leak(Box::new(widget));
    let embedded = doc
        .get_element_by_id(ids::DATA)
        .and_then(|e| e.text_content())
        .filter(|t| !t.trim().is_empty());
    match embedded {
        Some(json) => show(widget, build(&json)),
        None => fetch_data(widget),
    }
}

thread_local! {
    /// The page the workbench mounted last (a new mount replaces it and its listeners).
    static MOUNTED: RefCell<Option<LookupWidget>> = const { RefCell::new(None) };
}

/// The workbench's `#/lookup`: the page in `root` (a section of the workbench, so headings one level
/// down), answering from `json`, the workspace's data as published (readings included).
#[wasm_bindgen]
pub fn mount_lookup(root: web_sys::Element, json: &str) -> Result<(), JsValue> {
    let widget = LookupWidget::mount(&root, false)?;
    show(&widget, build(json));
    MOUNTED.with(|m| *m.borrow_mut() = Some(widget));
    Ok(())
}

fn build(json: &str) -> Result<DistrictIndex, PublishError> {
    load_index(json)
}

fn show(widget: &LookupWidget, index: Result<DistrictIndex, PublishError>) {
    match index {
        Ok(ix) if ix.rule_count() == 0 => widget.show_problem(T.no_data),
        Ok(ix) => widget.set_index(ix),
        Err(e) => widget.show_problem(&(T.bad_data)(&T.data_error(&e))),
    }
}

/// Reads `districts.json` beside the page into `widget`; a message when it cannot be fetched
/// (missing, or the page opened from file://).
fn fetch_data(widget: &'static LookupWidget) {
    let Some(window) = web_sys::window() else {
        return widget.show_problem(T.no_data_file);
    };
    // The bytes, not the text: a JS string handed to wasm is copied at three bytes a character.
    let on_response = Closure::once_into_js(move |r: JsValue| -> JsValue {
        match r.dyn_into::<web_sys::Response>() {
            Ok(r) if r.ok() => r
                .array_buffer()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED),
            _ => JsValue::UNDEFINED,
        }
    });
    let on_text =
        Closure::once_into_js(
            move |body: JsValue| match body.dyn_into::<js_sys::ArrayBuffer>() {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    show(widget, load_index_bytes(&bytes));
                }
                Err(_) => widget.show_problem(T.no_data_file),
            },
        );
    let on_error = Closure::once_into_js(move |_: JsValue| widget.show_problem(T.no_data_file));
    let fetched: Thenable = window.fetch_with_str(DATA_FILE).unchecked_into();
    fetched
        .then_with(&on_response, &JsValue::UNDEFINED)
        .then_with(&on_text, &on_error);
}
