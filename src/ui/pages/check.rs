//! `#/check`: every finding of the check (体检), errors first, each linking to the field to fix.

use leptos::prelude::*;

use crate::check::{self, Finding, Severity};
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
                <p class="ok" data-testid="check-clean">
                    {t().check_clean}
                </p>
            </Show>
            <ul class="findings">
                {move || {
                    findings
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(n, f)| {
                            let class = if f.severity == Severity::Error {
                                "finding error"
                            } else {
                                "finding hint"
                            };
                            let message_id = format!("finding-{n}");
                            view! {
                                <li
                                    class=class
                                    data-testid="check-finding"
                                    data-severity=t().severity(f.severity)
                                    data-rule=f.rule.key()
                                >
                                    <span class="severity">{t().severity(f.severity)}</span>
                                    " "
                                    <span class="message" id=message_id.clone()>
                                        {t().finding(&f)}
                                    </span>
                                    " "
                                    <a
                                        class="go-fix"
                                        href=f.target.link().href()
                                        aria-describedby=message_id.clone()
                                    >
                                        {t().check_go_fix}
                                    </a>
                                    {f
                                        .also
                                        .as_ref()
                                        .map(|also| {
                                            view! {
                                                " "
                                                <a
                                                    class="go-also"
                                                    data-testid="check-finding-also"
                                                    href=also.link().href()
                                                    aria-describedby=message_id.clone()
                                                >
                                                    {t().safeguards.check_go_cell}
                                                </a>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
