//! `#/check`: every finding of the check (体检), errors first, each linking to the field to fix.

use leptos::prelude::*;

use crate::check::{self, Finding, Severity, Target};
use crate::route::Route;
use crate::text::t;
use crate::ui::state::AppState;

/// The findings for the open report, recomputed when the workspace changes.
pub fn findings(state: AppState) -> Memo<Vec<Finding>> {
    Memo::new(move |_| {
        state.ws.with(|w| {
            w.current_year
                .map(|y| check::check(w, y))
                .unwrap_or_default()
        })
    })
}

/// Where a finding's link leads: the page, with the field in the query so the page can focus it.
pub fn target_href(target: &Target) -> String {
    match target {
        Target::Settings(field) => format!("{}?focus={field}", Route::Settings.href()),
        Target::Category { key, item: None } => match crate::catalog::category(key) {
            Some(c) => Route::Category(c.key).href(),
            None => Route::Overview.href(),
        },
        Target::Category {
            key,
            item: Some(id),
        } => match crate::catalog::category(key) {
            Some(c) => format!("{}?focus={id}", Route::Category(c.key).href()),
            None => Route::Overview.href(),
        },
        Target::Cell(cell) => format!("{}?focus={cell}", Route::Tables.href()),
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = findings(state);
    let count = move || findings.with(Vec::len);
    let errors =
        move || findings.with(|f| f.iter().filter(|f| f.severity == Severity::Error).count());
    view! {
        <section data-testid="page-check">
            <h2>{t().nav_check}</h2>
            <p>
                {t().check_total} <strong data-testid="check-count">{count}</strong>
                {move || (t().check_breakdown)(errors(), count() - errors())}
            </p>
            <Show when=move || count() == 0>
                <p class="ok" data-testid="check-clean">{t().check_clean}</p>
            </Show>
            <ul class="findings">
                {move || findings.get().into_iter().map(|f| {
                    let class = if f.severity == Severity::Error { "finding error" } else { "finding hint" };
                    view! {
                        <li class=class data-testid="check-finding" data-severity=t().severity(f.severity)>
                            <span class="severity">{t().severity(f.severity)}</span>
                            " "
                            <span class="message">{t().finding(&f)}</span>
                            " "
                            <a href=target_href(&f.target)>{t().check_go_fix}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
