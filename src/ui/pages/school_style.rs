//! The school pages' style sheet (`style/schools.css`), rendered with each school page, so that only
//! the schools-page module carries it and the workbench's first load does not (docs/delivery.md).

use leptos::prelude::*;

const CSS: &str = include_str!("../../../style/schools.css");

/// A `<style>` element with the school pages' rules; it goes when the page goes.
#[component]
pub fn SchoolStyle() -> impl IntoView {
    view! { <style>{CSS}</style> }
}
