//! The root component: state, hash router, page shell (header, banners, navigation, page).

use leptos::ev;
use leptos::prelude::*;

use super::banner::Banners;
use super::nav::Nav;
use super::pages::{
    CategoryPage, CheckPage, ComingSoon, DataPage, NarrativePage, NotFound, Overview, ReportPage,
    SettingsPage, TablesPage,
};
use super::state::{AppState, SaveStatus};
use crate::check::Focus;
use crate::route::Route;
use crate::text::t;
use crate::web::{clock, dom};

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);

    let route = RwSignal::new(Route::parse(&current_hash()));
    let on_hash = window_event_listener(ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });
    let on_storage = window_event_listener(ev::storage, move |e| {
        state.on_external_write(e.key());
    });
    // After a navigation the focus goes to the control a link names (`#/tables?cell=…`, from a check
    // finding). On the first load it stays where the browser puts it.
    Effect::new(move |_| {
        route.track();
        request_animation_frame(move || {
            let focus = Focus::from_query(
                dom::hash_param("focus").as_deref(),
                dom::hash_param("item").as_deref(),
                dom::hash_param("cell").as_deref(),
            );
            if let Some(f) = focus {
                dom::focus(&f.selector(), f.selects_text());
            }
        });
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
    });

    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{t().app_title}</h1>
                <p class="subtitle">{t().app_subtitle}</p>
            </div>
            <SaveStatusView/>
        </header>
        <Banners/>
        <div class="layout">
            <Nav route=route/>
            <main class="page" id="main">
                {move || match route.get() {
                    Route::Overview => view! { <Overview/> }.into_any(),
                    Route::Settings => view! { <SettingsPage/> }.into_any(),
                    Route::Data => view! { <DataPage/> }.into_any(),
                    Route::Category(key) => view! { <CategoryPage key=key/> }.into_any(),
                    Route::Narrative => view! { <NarrativePage/> }.into_any(),
                    Route::Check => view! { <CheckPage/> }.into_any(),
                    Route::Tables => view! { <TablesPage/> }.into_any(),
                    Route::Report => view! { <ReportPage/> }.into_any(),
                    Route::NotFound(_) => view! { <NotFound/> }.into_any(),
                    other => view! { <ComingSoon route=other/> }.into_any(),
                }}
            </main>
        </div>
    }
}

#[component]
fn SaveStatusView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = move || match state.status.get() {
        SaveStatus::Clean => t().status_clean.to_string(),
        SaveStatus::Saving => t().status_saving.to_string(),
        SaveStatus::Saved(at) => (t().status_saved)(&clock::time_of_day(at)),
        SaveStatus::Failed => t().status_failed.to_string(),
        SaveStatus::MemoryOnly => t().status_memory.to_string(),
        SaveStatus::Conflict => t().status_conflict.to_string(),
    };
    let class = move || match state.status.get() {
        SaveStatus::Failed | SaveStatus::MemoryOnly | SaveStatus::Conflict => "save-status bad",
        SaveStatus::Saving => "save-status busy",
        _ => "save-status",
    };
    view! { <p class=class data-testid="save-status" role="status" aria-live="polite">{label}</p> }
}
