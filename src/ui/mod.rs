//! Components and pages. They wire the core to the shell: no domain rule is decided here.

pub mod app;
mod banner;
mod dialog;
mod file_notice;
pub mod lookup_widget;
mod nav;
mod pages;
pub mod state;
mod widgets;
