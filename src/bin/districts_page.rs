//! The bureau's district pages (`#/districts`, and `#/lookup`, which publishes the data for the parent
//! page's own binary) as a wasm module of its own, loaded when the page opens,
//! so that the workbench's first load carries none of the Leptos and serde code the page instantiates
//! (docs/delivery.md, “A page in a module”; docs/performance.md). The workbench mounts the page into an
//! element it provides, hands it the workspace's `schools` and `districts` as JSON, and saves what the
//! page sends back through the host object.

use gongkai::page_data::DistrictsPageData;
use gongkai::ui::{DistrictsPage, LookupPage};

gongkai::module_page! {
    module: "districts-page",
    pages: {
        "districts" => DistrictsPageData, DistrictsPage,
        // The workbench's `#/lookup`.
        "lookup" => DistrictsPageData, LookupPage,
    }
}
