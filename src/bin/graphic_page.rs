//! The workbench's less used graphics and the built-in example as a wasm module of its own, loaded
//! on first use, so that the workbench's first load carries none of them (docs/delivery.md, “A page
//! in a module”; docs/performance.md): the pages 图解 (`#/graphic`, with its PNG export) and the
//! overview's trends across years (`trends`, mounted when the workspace has two years or more),
//! both on the workspace's reports as JSON (`GraphicPageData`, which they only read); the report
//! page's HTML export's graphic (`html_graphic`), so the graphic's layout code is not in the first
//! load either; and the built-in example for 载入内置示例 (`example_json`).

use gongkai::graphic::{self, Layout};
use gongkai::page_data::GraphicPageData;
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
