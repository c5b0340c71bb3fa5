//! The school pages (`#/schools`, the bureau's merge page with its dashboard, and `#/school`, the
//! school mode) as a wasm module of their own, loaded when one of them opens, so that the workbench's
//! first load carries none of the Leptos and serde code they instantiate (docs/delivery.md, “A page
//! in a module”; docs/performance.md). The workbench mounts the page into an element it provides,
//! hands it its data as JSON (`SchoolsPageData`: the school list and the open report;
//! `SchoolPageData`: the school's draft), and saves what the page sends back through the host object.

use gongkai::page_data::{SchoolPageData, SchoolsPageData};
use gongkai::ui::{SchoolPage, SchoolsPage};

gongkai::module_page! {
    module: "schools-page",
    pages: {
        "schools" => SchoolsPageData, SchoolsPage,
        "school" => SchoolPageData, SchoolPage,
    }
}
