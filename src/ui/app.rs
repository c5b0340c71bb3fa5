//! The root component: state, hash router, page shell (skip link, sticky header with the save status and
//! the phone menu, banners, navigation, page), and where the focus goes after a navigation. `#/school`
//! is a school's own mode, with its own storage slot and only its page.

use leptos::ev;
use leptos::prelude::*;

use super::banner::Banners;
use super::file_notice::FileNotice;
use super::module_host::module_page;
use super::nav::Nav;
use super::pages::{
    CategoryPage, CheckPage, ComingSoon, DataPage, NarrativePage, NotFound, Overview, ReportPage,
    SettingsPage, TablesPage,
};
use super::state::{AppState, SaveStatus};
use crate::check::Focus;
use crate::page_data::{DistrictsPageData, GraphicPageData, SchoolDraftData, SchoolsPageData};
use crate::route::Route;
use crate::store::{SCHOOL, WORKSPACE};
use crate::text::t;
use crate::web::{clock, dom};

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    // `#/school` is a school's own mode: its draft lives in its own storage slot, and the page shows
    // nothing of the bureau's workbench. Moving between the modes reloads the page into the other one.
    let school_mode = Route::parse(&current_hash()) == Route::School;
    let state = AppState::start(if school_mode { SCHOOL } else { WORKSPACE });
    provide_context(state);

    let route = RwSignal::new(Route::parse(&current_hash()));
    let on_hash = window_event_listener(ev::hashchange, move |_| {
        let next = Route::parse(&current_hash());
        if (next == Route::School) != school_mode {
            state.flush();
            let _ = window().location().reload();
            return;
        }
        route.set(next);
    });
    let on_storage = window_event_listener(ev::storage, move |e| {
        state.on_external_write(e.key());
    });
    // A pending edit is saved when the page is hidden or closed: the autosave timer would not fire.
    // (`visibilitychange` is fired at the document and bubbles to the window.)
    let on_hidden = window_event_listener(ev::visibilitychange, move |_| state.flush());
    let on_pagehide = window_event_listener(ev::pagehide, move |_| state.flush());
    // After a navigation the focus goes to the control a link names (`#/tables?cell=…`, from a check
    // finding), else to the page heading, so that keyboard and screen-reader users start at the page.
    // On the first load it stays where the browser puts it.
    Effect::new(move |first: Option<()>| {
        route.track();
        // `year=<year>` (a trend's jump mark) opens that year's report first.
        if let Some(year) = dom::hash_param("year").and_then(|y| y.parse::<u16>().ok()) {
            let switch = state
                .ws
                .with_untracked(|w| w.reports.contains_key(&year) && w.current_year != Some(year));
            if switch {
                state.edit(|w| w.current_year = Some(year));
            }
        }
        let navigated = first.is_some();
        request_animation_frame(move || {
            let focus = Focus::from_query(
                dom::hash_param("focus").as_deref(),
                dom::hash_param("item").as_deref(),
                dom::hash_param("cell").as_deref(),
            );
            if let Some(f) = focus {
                if dom::focus(&f.selector(), f.selects_text()) {
                    return;
                }
            }
            if navigated {
                dom::focus_heading();
            }
        });
    });
    let menu_open = RwSignal::new(false);
    Effect::new(move |_| {
        route.track();
        menu_open.set(false);
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
        on_hidden.remove();
        on_pagehide.remove();
    });

    // The school mode shows its page alone: no navigation, no menu, no single-file notice (the page
    // has its own).
    let bureau = !school_mode;
    let subtitle = if school_mode {
        t().school.mode_subtitle
    } else {
        t().app_subtitle
    };
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                dom::focus_heading();
            }
        >
            {t().feedback.skip_link}
        </a>
        <header class="app-header">
            <div class="brand">
                <h1>{t().app_title}</h1>
                <p class="subtitle">{subtitle}</p>
            </div>
            <SaveStatusView />
            {bureau
                .then(|| {
                    view! {
                        <button
                            class="menu-button"
                            data-testid="menu-button"
                            aria-controls="side-nav"
                            aria-expanded=move || menu_open.get().to_string()
                            on:click=move |_| menu_open.update(|o| *o = !*o)
                        >
                            {move || {
                                if menu_open.get() {
                                    t().feedback.menu_close
                                } else {
                                    t().feedback.menu
                                }
                            }}
                        </button>
                    }
                })}
        </header>
        <Banners />
        {bureau.then(|| view! { <FileNotice /> })}
        <div class="layout">
            {bureau.then(|| view! { <Nav route=route open=menu_open /> })}
            <main class="page" class:school-mode=school_mode id="main">
                // The school pages run in the `schools-page` module, the district pages in
                // `districts-page` (docs/delivery.md, “A page in a module”).
                {move || {
                    if school_mode {
                        return module_page::<
                            SchoolDraftData,
                        >("schools-page", "school", "page-school-host");
                    }
                    match route.get() {
                        Route::Overview => view! { <Overview /> }.into_any(),
                        Route::Settings => view! { <SettingsPage /> }.into_any(),
                        Route::Data => view! { <DataPage /> }.into_any(),
                        Route::Category(key) => view! { <CategoryPage key=key /> }.into_any(),
                        Route::Narrative => view! { <NarrativePage /> }.into_any(),
                        Route::Check => view! { <CheckPage /> }.into_any(),
                        Route::Tables => view! { <TablesPage /> }.into_any(),
                        Route::Report => view! { <ReportPage /> }.into_any(),
                        Route::Graphic => {
                            module_page::<
                                GraphicPageData,
                            >("graphic-page", "graphic", "page-graphic-host")
                        }
                        Route::Schools => {
                            module_page::<
                                SchoolsPageData,
                            >("schools-page", "schools", "page-schools-host")
                        }
                        Route::Districts => {
                            module_page::<
                                DistrictsPageData,
                            >("districts-page", "districts", "page-districts-host")
                        }
                        Route::Lookup => {
                            module_page::<
                                DistrictsPageData,
                            >("districts-page", "lookup", "page-lookup-host")
                        }
                        Route::NotFound(_) => view! { <NotFound /> }.into_any(),
                        other => view! { <ComingSoon route=other /> }.into_any(),
                    }
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
    view! {
        <p class=class data-testid="save-status" role="status" aria-live="polite">
            {label}
        </p>
    }
}
