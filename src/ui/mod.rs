//! Components and pages. They wire the core to the shell: no domain rule is decided here.

pub mod app;
mod banner;
mod dialog;
pub mod download;
mod file_notice;
pub mod module_host;
pub mod module_page;
mod nav;
mod pages;
pub mod said;
/// The district pages, mounted by their module (`src/bin/districts_page.rs`).
pub use pages::{DistrictsPage, GraphicPage, LookupPage, Trends};
/// The school pages, mounted by their module (`src/bin/schools_page.rs`).
pub use pages::{SchoolPage, SchoolsPage};
pub mod state;
mod widgets;
