//! 图解 (`#/graphic`) as a wasm module of its own, loaded when the page opens, so that the workbench's
//! first load carries neither the page's Leptos views nor its PNG export (docs/delivery.md, “A page in
//! a module”; docs/performance.md). The workbench mounts the page into an element it provides and
//! hands it the workspace's reports as JSON (`GraphicPageData`); the page only reads them. The report
//! page's HTML export gets its graphic here too (`html_graphic`), so the graphic's layout code is not
//! in the first load either.

use gongkai::graphic::{self, Layout};
use gongkai::model::GraphicPageData;
use gongkai::ui::{GraphicPage, Trends};
use wasm_bindgen::prelude::*;

gongkai::module_page! {
    module: "graphic-page",
    pages: {
        "graphic" => GraphicPageData, GraphicPage,
        // The overview's trends across years.
        "trends" => GraphicPageData, Trends,
    }
}

/// The built-in example (`example::example_workspace`) as the JSON of a workspace, for the overview's
/// 载入内置示例: the example's text and builder live here rather than in the first load.
#[wasm_bindgen]
pub fn example_json() -> Result<String, JsValue> {
    serde_json::to_string(&gongkai::example::example_workspace())
        .map_err(|e| JsValue::from_str(&e.to_string()))
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
