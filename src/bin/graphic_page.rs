//! 图解 (`#/graphic`) as a wasm module of its own, loaded when the page opens, so that the workbench's
//! first load carries neither the page's Leptos views nor its PNG export (docs/delivery.md, “A page in
//! a module”; docs/performance.md). The workbench mounts the page into an element it provides and
//! hands it the workspace's reports as JSON (`GraphicPageData`); the page only reads them. The report
//! page's HTML export gets its graphic here too (`html_graphic`), so the graphic's layout code is not
//! in the first load either.

use gongkai::graphic::{self, Layout};
use gongkai::model::GraphicPageData;
use gongkai::ui::module_page;
use gongkai::ui::GraphicPage;
use wasm_bindgen::prelude::*;

fn main() {
    // A panic here fails that call; the workbench keeps running.
    gongkai::web::fatal::install_module_panic_hook("graphic-page");
}

/// Mounts page `page` (`graphic`) into `root` with its data (JSON of `GraphicPageData`), talking back
/// through `host`; returns the mount's number.
#[wasm_bindgen]
pub fn mount_page(
    page: &str,
    root: web_sys::HtmlElement,
    json: &str,
    host: JsValue,
) -> Result<u32, JsValue> {
    match page {
        "graphic" => module_page::mount::<GraphicPageData, _>(root, json, host, GraphicPage),
        other => Err(JsValue::from_str(&format!(
            "no page {other} in this module"
        ))),
    }
}

/// Hands mount `id` its data again (JSON), after a change made outside the page.
#[wasm_bindgen]
pub fn update_page(id: u32, json: &str) -> Result<(), JsValue> {
    module_page::update(id, json)
}

/// Takes mount `id` out of its element.
#[wasm_bindgen]
pub fn unmount_page(id: u32) {
    module_page::unmount(id);
}

/// The 图解 of the open report in the portrait layout (the width of a printed page), as SVG text for
/// the HTML export; empty when the report has no graphic. `json` is the JSON of `GraphicPageData`.
#[wasm_bindgen]
pub fn html_graphic(json: &str) -> Result<String, JsValue> {
    let GraphicPageData(w) =
        serde_json::from_str(json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(w.current_year
        .and_then(|year| graphic::build_for(&w, year))
        .map(|g| graphic::render_svg(&g, Layout::Portrait))
        .unwrap_or_default())
}
