//! The school pages (`#/schools`, the bureau's merge page with its dashboard, and `#/school`, the
//! school mode) as a wasm module of their own, loaded when one of them opens, so that the workbench's
//! first load carries none of the Leptos and serde code they instantiate (docs/delivery.md, “A page
//! in a module”; docs/performance.md). The workbench mounts the page into an element it provides,
//! hands it its data as JSON (`SchoolsPageData`: the school list and the open report;
//! `SchoolPageData`: the school's draft), and saves what the page sends back through the host object.

use gongkai::model::{SchoolPageData, SchoolsPageData};
use gongkai::ui::module_page;
use gongkai::ui::{SchoolPage, SchoolsPage};
use wasm_bindgen::prelude::*;

fn main() {
    // A panic here fails that call; the workbench keeps running.
    gongkai::web::fatal::install_module_panic_hook("schools-page");
}

/// Mounts page `page` (`schools` or `school`) into `root` with its data (JSON of its page data),
/// talking back through `host`; returns the mount's number.
#[wasm_bindgen]
pub fn mount_page(
    page: &str,
    root: web_sys::HtmlElement,
    json: &str,
    host: JsValue,
) -> Result<u32, JsValue> {
    match page {
        "schools" => module_page::mount::<SchoolsPageData, _>(root, json, host, SchoolsPage),
        "school" => module_page::mount::<SchoolPageData, _>(root, json, host, SchoolPage),
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
