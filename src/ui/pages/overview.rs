//! `#/`: the open report at a glance, completeness per category, backup reminder, the example button.

use leptos::prelude::*;

use crate::catalog::CATEGORIES;
use crate::check::Severity;
use crate::deadline;
use crate::model::parse_workspace;
use crate::page_data::GraphicPageData;
use crate::route::Route;
use crate::text::t;
use crate::ui::dialog::Dialog;
use crate::ui::module_host::module_page;
use crate::ui::pages::check::findings;
use crate::ui::state::AppState;
use crate::ui::widgets::StatutoryNote;
use crate::web::clock;
use crate::web::modules::{self, ModuleError};
use leptos::task::spawn_local;

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let report = move || state.ws.with(|ws| ws.current().cloned());
    let check = findings(state);
    // Trends need two years; only then is their module loaded.
    let several_years = Memo::new(move |_| state.ws.with(|w| w.reports.len() >= 2));
    let categories = move || {
        let r = report();
        CATEGORIES
            .iter()
            .map(|c| {
                let filled = r
                    .as_ref()
                    .and_then(|r| r.category(c.key))
                    .is_some_and(|cc| !cc.is_empty());
                view! {
                    <li class:filled=filled>
                        <a href=Route::Category(c.key).href()>{c.name}</a>
                        " "
                        <span class="tag">
                            {if filled { t().category_filled } else { t().category_empty }}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section data-testid="page-overview">
            <h2>{t().overview_title}</h2>
            <Show when=move || state.backup_due()>
                <p class="reminder" data-testid="backup-reminder">
                    {move || state.backup_reminder()}
                    " "
                    <a href="#/data">{t().export_backup}</a>
                </p>
            </Show>
            <Show when=move || state.ws.with(|w| w.is_blank())>
                <p class="hint">{t().overview_empty}</p>
            </Show>
            <dl class="facts">
                <dt>{t().overview_unit}</dt>
                <dd data-testid="overview-unit">
                    {move || {
                        report()
                            .map(|r| r.unit_name)
                            .filter(|u| !u.trim().is_empty())
                            .unwrap_or_else(|| t().unit_missing.to_string())
                    }}
                </dd>
                <dt>{t().overview_year}</dt>
                <dd data-testid="overview-year">
                    {move || report().map(|r| r.year.to_string()).unwrap_or_default()}
                </dd>
                <dt>{t().overview_structure}</dt>
                <dd>{move || report().map(|r| t().structure(r.structure)).unwrap_or_default()}</dd>
                <dt>{t().overview_format}</dt>
                <dd>
                    {move || {
                        report()
                            .map(|r| t().table_format(r.effective_table_format()))
                            .unwrap_or_default()
                    }}
                </dd>
                <dt>{t().safeguards.deadline_label}</dt>
                <dd data-testid="overview-deadline">
                    {move || {
                        report()
                            .map(|r| (t()
                                .safeguards
                                .deadline)(&deadline::deadline(r.year, clock::today())))
                            .unwrap_or_default()
                    }}
                </dd>
            </dl>
            <p class="check-summary" data-testid="overview-check">
                <a href="#/check">
                    {move || {
                        let errors = check
                            .with(|f| f.iter().filter(|f| f.severity == Severity::Error).count());
                        (t().check_summary)(errors, check.with(Vec::len) - errors)
                    }}
                </a>
            </p>
            <h3>{t().overview_categories}</h3>
            <StatutoryNote message=t().feedback.statutory_overview />
            <ul class="category-status" data-testid="category-status">
                {categories}
            </ul>
            {move || {
                if several_years.get() {
                    module_page::<GraphicPageData>("graphic-page", "trends", "overview-trends-host")
                } else {
                    // In the graphic-page module (docs/delivery.md, “A page in a module”).
                    view! {
                        <section class="trends" data-testid="trends">
                            <h3>{t().graphic.overview_trends}</h3>
                            <p class="hint">{t().graphic.overview_one_year}</p>
                        </section>
                    }
                        .into_any()
                }
            }}
            <LoadExample />
        </section>
    }
}

/// The example button; asks before replacing data that is not blank.
#[component]
pub fn LoadExample() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    // The example comes from the `graphic-page` module (loaded on first use, precached offline).
    let load = move || {
        confirming.set(false);
        spawn_local(async move {
            match modules::example_json()
                .await
                .map(|json| parse_workspace(&json))
            {
                Ok(Ok(ws)) => state.replace_all(ws, t().example_loaded),
                Ok(Err(e)) => state.alert.set(Some(t().load_error(&e))),
                Err(ModuleError::Load(m) | ModuleError::Failed(m)) => {
                    state.alert.set(Some((t().module_page.example_failed)(&m)));
                }
            }
        });
    };
    view! {
        <div class="load-example">
            <button
                data-testid="load-example"
                on:click=move |_| {
                    if state.ws.with_untracked(|w| w.is_blank()) {
                        load()
                    } else {
                        confirming.set(true)
                    }
                }
            >
                {t().load_example}
            </button>
            <Show when=move || confirming.get()>
                <Dialog
                    testid="confirm-replace"
                    title=t().load_example.to_string()
                    alert=true
                    on_close=Callback::new(move |()| confirming.set(false))
                >
                    <p>{t().confirm_replace_example}</p>
                    <div class="actions">
                        <button class="primary" data-testid="confirm-yes" on:click=move |_| load()>
                            {t().confirm_yes}
                        </button>
                        <button
                            data-testid="confirm-no"
                            autofocus=true
                            on:click=move |_| confirming.set(false)
                        >
                            {t().confirm_no}
                        </button>
                    </div>
                </Dialog>
            </Show>
        </div>
    }
}
