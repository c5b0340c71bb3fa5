//! The navigation: every route of docs/design.md §4, the ten categories generated from the
//! catalogue. A column
//! that stays in view beside the page; on a phone, a menu opened from the header (`open`).

use leptos::prelude::*;

use crate::catalog::CATEGORIES;
use crate::route::Route;
use crate::text::t;

#[component]
pub fn Nav(route: RwSignal<Route>, open: RwSignal<bool>) -> impl IntoView {
    let link = move |target: Route, label: &'static str| {
        let href = target.href();
        let aria_target = target.clone();
        let current = move || route.with(|r| *r == target);
        let aria = move || route.with(|r| (*r == aria_target).then_some("page"));
        view! {
            <li>
                <a
                    href=href
                    class:current=current
                    aria-current=aria
                    on:click=move |_| open.set(false)
                >
                    {label}
                </a>
            </li>
        }
    };
    let categories = CATEGORIES
        .iter()
        .map(|c| link(Route::Category(c.key), c.name))
        .collect_view();
    view! {
        <nav
            class="side-nav"
            id="side-nav"
            class:open=move || open.get()
            aria-label=t().nav_label
            data-testid="nav"
        >
            <ul>
                {link(Route::Overview, t().nav_overview)} {link(Route::Settings, t().nav_settings)}
            </ul>
            <p class="nav-group">{t().nav_categories}</p>
            <ul>{categories}</ul>
            <ul>
                {link(Route::Narrative, t().nav_narrative)} {link(Route::Tables, t().nav_tables)}
                {link(Route::Check, t().nav_check)} {link(Route::Report, t().nav_report)}
                {link(Route::Graphic, t().graphic.nav)} {link(Route::Schools, t().nav_schools)}
                {link(Route::School, t().nav_school)} {link(Route::Districts, t().nav_districts)}
                {link(Route::Lookup, t().nav_lookup)} {link(Route::Data, t().nav_data)}
            </ul>
        </nav>
    }
}
