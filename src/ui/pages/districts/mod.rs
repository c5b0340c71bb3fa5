//! `#/districts` (学区数据), the bureau's page: import district tables, the bureau's phone, data date and
//! note, the conflicts to look at before publishing, the rules (search, add, edit, delete), the school
//! list with its 招生预警, and publishing for parents. Example data is marked as illustrative.
//! The page runs in its own lazily loaded wasm module (`src/bin/districts_page.rs`, docs/delivery.md):
//! it works on `DistrictsPageData` through `PageState`, and the workbench saves what it edits.

mod import;
mod publish;
mod review;
mod rules;
mod schools;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::district::editing::check_phone;
use crate::district::problems::{problems, Problem};
use crate::page_data::DistrictsPageData;
use crate::text::t;
use crate::ui::module_page::PageState;
use crate::web::dom::focus;
use crate::web::tick::next_tick;

pub use publish::published_with_readings;

/// The state the district page's components share.
pub type DistrictsState = PageState<DistrictsPageData>;

/// What one card asks another to show: the rule table's search, the fragment the review opens.
#[derive(Clone, Copy)]
pub struct DistrictsLinks {
    pub rule_query: RwSignal<String>,
    pub fragment: RwSignal<Option<u32>>,
}

#[component]
pub fn DistrictsPage() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    provide_context(DistrictsLinks {
        rule_query: RwSignal::new(String::new()),
        fragment: RwSignal::new(None),
    });
    let illustrative = move || state.data.with(|w| w.districts.illustrative);
    let empty = move || {
        state
            .data
            .with(|w| w.districts.rules.is_empty() && w.schools.is_empty())
    };
    view! {
        <section data-testid="page-districts">
            <h2>{words.title}</h2>
            <p class="hint">{words.intro}</p>
            <Show when=illustrative>
                <p class="structure-note" data-testid="district-illustrative">
                    {words.illustrative}
                </p>
            </Show>
            <Show when=empty>
                <p class="reminder" data-testid="district-empty">
                    {words.empty}
                </p>
            </Show>
            <import::ImportCard />
            <BureauCard />
            <ProblemsCard />
            <review::ReviewCard />
            <rules::RulesCard />
            <schools::SchoolsCard />
            <publish::PublishCard />
        </section>
    }
}

/// The bureau's region, phone, data date and note, shown to parents with every answer.
#[component]
fn BureauCard() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    let phone_ok = move || state.data.with(|w| check_phone(&w.districts.bureau_phone));
    view! {
        <div class="card" data-testid="district-bureau">
            <h3>{words.bureau_title}</h3>
            <div class="form">
                <label>
                    <span>{words.bureau_region}</span>
                    <input
                        type="text"
                        data-testid="district-region"
                        prop:value=move || state.data.with(|w| w.districts.region.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.edit(|w| w.districts.region = v);
                        }
                    />
                </label>
                <label>
                    <span>{words.bureau_phone}</span>
                    <input
                        type="text"
                        inputmode="tel"
                        data-testid="district-phone"
                        aria-invalid=move || (!phone_ok()).to_string()
                        aria-describedby="district-phone-error"
                        prop:value=move || state.data.with(|w| w.districts.bureau_phone.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.edit(|w| w.districts.bureau_phone = v);
                        }
                    />
                    <span
                        class="field-error"
                        id="district-phone-error"
                        data-testid="district-phone-error"
                        aria-live="polite"
                    >
                        {move || if phone_ok() { "" } else { words.bureau_phone_bad }}
                    </span>
                </label>
                <label>
                    <span>{words.bureau_date}</span>
                    <input
                        type="date"
                        data-testid="district-date"
                        prop:value=move || state.data.with(|w| w.districts.data_date.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.edit(|w| w.districts.data_date = v);
                        }
                    />
                </label>
                <label>
                    <span>{words.bureau_note}</span>
                    <textarea
                        rows="2"
                        data-testid="district-note"
                        prop:value=move || state.data.with(|w| w.districts.note.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.edit(|w| w.districts.note = v);
                        }
                    ></textarea>
                </label>
            </div>
        </div>
    }
}

/// What to look at before publishing (发布前核对): overlaps, gaps, schools not in the list, unread
/// fragments; each once, with a button to the rule or the fragment.
#[component]
fn ProblemsCard() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let links = expect_context::<DistrictsLinks>();
    let words = t().district_page;
    let review = t().district_review;
    let found = Memo::new(move |_| {
        state.data.with(|w| {
            problems(&w.districts, &w.schools)
                .into_iter()
                .map(|p| {
                    let text = t().district.problem(&p, &w.districts);
                    let rule = match &p {
                        Problem::Overlap { a, .. } => Some(*a),
                        Problem::Gap { before, .. } => Some(*before),
                        Problem::UnknownSchool { rules, .. } => rules.first().copied(),
                        Problem::Unread { .. } => None,
                    }
                    .and_then(|i| w.districts.rules.get(i))
                    .map(|r| {
                        if r.source.is_empty() {
                            r.name.clone()
                        } else {
                            r.source.clone()
                        }
                    });
                    let fragment = match p {
                        Problem::Unread { fragment, .. } => Some(fragment),
                        _ => None,
                    };
                    (text, rule, fragment)
                })
                .collect::<Vec<_>>()
        })
    });
    let to_rule = move |query: String| {
        links.rule_query.set(query);
        spawn_local(async move {
            next_tick().await;
            focus("[data-testid=district-rule-search]", false);
        });
    };
    view! {
        <div class="card" data-testid="district-conflicts">
            <h3>{move || (words.conflicts_title)(found.with(Vec::len))}</h3>
            <Show
                when=move || found.with(|f| !f.is_empty())
                fallback=move || {
                    view! {
                        <p class="ok" data-testid="district-conflicts-none">
                            {words.conflicts_none}
                        </p>
                    }
                }
            >
                <p class="hint">{words.conflicts_hint}</p>
                <ul class="findings">
                    {move || {
                        found
                            .get()
                            .into_iter()
                            .map(|(text, rule, fragment)| {
                                view! {
                                    <li class="finding hint" data-testid="district-conflict">
                                        {text}
                                        {rule
                                            .map(|q| {
                                                view! {
                                                    " "
                                                    <button
                                                        class="link"
                                                        data-testid="district-conflict-rule"
                                                        on:click=move |_| to_rule(q.clone())
                                                    >
                                                        {review.problem_rule}
                                                    </button>
                                                }
                                            })}
                                        {fragment
                                            .map(|id| {
                                                view! {
                                                    " "
                                                    <button
                                                        class="link"
                                                        data-testid="district-conflict-fragment"
                                                        on:click=move |_| links.fragment.set(Some(id))
                                                    >
                                                        {review.problem_fragment}
                                                    </button>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}
