//! gongkai (政务公开年报工作台): the pure core first, then the browser shell and the components.

// -- pure core: no web_sys, js_sys, wasm_bindgen or leptos (enforced by tests/tidy.rs) --
pub mod archive;
pub mod backup;
pub mod browser;
pub mod carry;
pub mod catalog;
pub mod cell;
pub mod check;
pub mod dates;
pub mod deadline;
pub use gongkai_district::district;
pub mod edit;
pub mod example;
pub mod excerpt;
pub mod graphic;
pub mod grid;
pub use gongkai_district::lookup;
pub mod model;
pub mod page_data;
pub mod report;
pub mod route;
pub mod school;
pub mod store;
pub mod text;

// -- shell --
pub mod ui;
pub mod web;
