//! The bureau's district pages (`#/districts`, and `#/lookup`, which publishes the data for the parent
//! page's own binary) as a wasm module of its own, loaded when the page opens,
//! so that the workbench's first load carries none of the Leptos and serde code the page instantiates
//! (docs/delivery.md, “A page in a module”; docs/performance.md). The workbench mounts the page into an
//! element it provides, hands it the workspace's `schools` and `districts` as JSON, and saves what the
//! page sends back through the host object.

use gongkai::model::DistrictsPageData;
use gongkai::ui::module_page;
use gongkai::ui::{DistrictsPage, LookupPage};
use wasm_bindgen::prelude::*;

fn main() {
    // A panic here fails that call; the workbench keeps running.
    gongkai::web::fatal::install_module_panic_hook("districts-page");
}

/// Mounts page `page` (`districts`, or `lookup`: the workbench's `#/lookup`) into `root` with its data (JSON of `DistrictsPageData`), talking
/// back through `host`; returns the mount's number.
#[wasm_bindgen]
pub fn mount_page(
    page: &str,
    root: web_sys::HtmlElement,
    json: &str,
    host: JsValue,
) -> Result<u32, JsValue> {
    match page {
        "districts" => module_page::mount::<DistrictsPageData, _>(root, json, host, DistrictsPage),
        "lookup" => module_page::mount::<DistrictsPageData, _>(root, json, host, LookupPage),
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
