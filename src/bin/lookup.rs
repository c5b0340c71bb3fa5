//! The parent lookup page (`dist/lookup/index.html`, `dist/lookup.html`): its own small binary, with
//! no Leptos, report, DOCX, XLSX or pinyin code (docs/performance.md). It shows the page at once, then
//! reads the published data: from the page itself when the data is embedded (the single file the
//! workbench hands out), else from `districts.json` beside the page; and answers what the parent types.

use gongkai::district::{load_index, DistrictIndex, PublishError};
use gongkai::lookup::ids;
use gongkai::text::lookup::ZH_CN as T;
use gongkai::ui::lookup_widget::LookupWidget;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The element the page is written into.
const ROOT: &str = "lookup-root";
/// The published file beside the page.
const DATA_FILE: &str = "districts.json";

fn main() {
    gongkai::web::fatal::install_panic_hook();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id(ROOT) else {
        return;
    };
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
        None => wasm_bindgen_futures::spawn_local(async move {
            match fetch_text(DATA_FILE).await {
                Some(json) => show(widget, build(&json)),
                None => widget.show_problem(T.no_data_file),
            }
        }),
    }
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

/// The text of a file beside the page; `None` when it cannot be fetched (missing, or file://).
async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
