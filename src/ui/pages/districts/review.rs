//! The review card of `#/districts` (逐段核对): each school's imported 服务区域 text with its fragments
//! marked as read, possible, unread or a note; a fragment opens to show the rules it became and to be
//! rewritten in place, which reads it again (`district::review::fix_fragment`). Filters show the
//! schools with unread or possible fragments.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::district::review::{counts, fix_fragment, FixError};
use crate::district::{AreaText, FragmentState, Rule};
use crate::text::t;
use crate::ui::pages::districts::{DistrictsLinks, DistrictsState};
use crate::web::dom::focus;
use crate::web::tick::next_tick;

/// Schools shown at first, and added by “显示更多”.
const PAGE: usize = 30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Unread,
    Possible,
}

fn state_name(s: FragmentState) -> &'static str {
    match s {
        FragmentState::Read => "read",
        FragmentState::Possible => "possible",
        FragmentState::Unread => "unread",
        FragmentState::Note => "note",
    }
}

/// The wording of fragment `id` of an area (its correction, else as published).
fn a_wording(area: &AreaText, id: u32) -> String {
    area.fragments
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.wording().to_string())
        .unwrap_or_default()
}

/// The text of an area cut into its fragments and the plain text between them.
fn pieces(area: &AreaText) -> Vec<(Option<usize>, String)> {
    let chars: Vec<char> = area.text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0usize;
    for (i, f) in area.fragments.iter().enumerate() {
        let start = (f.start as usize).min(chars.len());
        let end = (start + f.text.chars().count()).min(chars.len());
        if start > at {
            out.push((None, chars[at..start].iter().collect()));
        }
        if start >= at {
            out.push((Some(i), f.text.clone()));
            at = end;
        }
    }
    if at < chars.len() {
        out.push((None, chars[at..].iter().collect()));
    }
    out
}

#[component]
pub fn ReviewCard() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let review = t().district_review;
    let filter = RwSignal::new(Filter::All);
    let shown = RwSignal::new(PAGE);
    // The fragment open for reading and rewriting, and what is typed.
    let open = RwSignal::new(None::<u32>);
    let typed = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(u32, String)>);
    // The fragment opened last stays in view after it is corrected, whatever the filter says.
    let pinned = RwSignal::new(None::<u32>);

    let matching = Memo::new(move |_| {
        let f = filter.get();
        state.data.with(|w| {
            w.districts
                .areas
                .iter()
                .enumerate()
                .filter(|(_, a)| {
                    let has = |s: FragmentState| a.fragments.iter().any(|x| x.state == s);
                    let kept =
                        pinned.with(|p| p.is_some_and(|id| a.fragments.iter().any(|x| x.id == id)));
                    kept || match f {
                        Filter::All => true,
                        Filter::Unread => has(FragmentState::Unread),
                        Filter::Possible => has(FragmentState::Possible),
                    }
                })
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    let total = move || state.data.with(|w| w.districts.areas.len());
    let schools = move || {
        state.data.with(|w| {
            let names: std::collections::HashSet<&String> =
                w.districts.areas.iter().flat_map(|a| &a.schools).collect();
            names.len()
        })
    };

    // A problem's “去核对”: every school shown, enough of them, the fragment open and focused.
    let links = expect_context::<DistrictsLinks>();
    Effect::new(move |_| {
        let Some(id) = links.fragment.get() else {
            return;
        };
        let place = state.data.with_untracked(|w| {
            w.districts
                .areas
                .iter()
                .position(|a| a.fragments.iter().any(|f| f.id == id))
                .map(|at| {
                    let wording = a_wording(&w.districts.areas[at], id);
                    (at, wording)
                })
        });
        let Some((at, wording)) = place else {
            return;
        };
        filter.set(Filter::All);
        shown.update(|n| *n = (*n).max(at + 1));
        typed.set(wording);
        message.set(None);
        open.set(Some(id));
        pinned.set(Some(id));
        links.fragment.set(None);
        spawn_local(async move {
            next_tick().await;
            focus(&format!("[data-fragment=\"{id}\"]"), false);
        });
    });

    let save = move |id: u32| {
        let wording = typed.get_untracked();
        let mut result = Err(FixError::NoFragment);
        state.edit(|w| result = fix_fragment(&mut w.districts, id, &wording));
        let text = match result {
            Ok(s) => (review.review_fixed)(review.state(s)),
            Err(FixError::Empty) => review.review_empty_fix.to_string(),
            Err(FixError::NoFragment) => review.review_gone.to_string(),
        };
        message.set(Some((id, text)));
    };

    let fragment_view = move |area: &AreaText, i: usize, rules: &[Rule]| {
        let f = &area.fragments[i];
        let id = f.id;
        let state_label = review.state(f.state);
        let fixed = f.fix.is_some();
        let read_as: Vec<String> = rules
            .iter()
            .filter(|r| r.fragment == id)
            .map(|r| review.rule_line(r))
            .collect();
        let wording = f.wording().to_string();
        let shown_text = f.text.clone();
        let is_open = move || open.get() == Some(id);
        view! {
            <span class="fragment-wrap">
                <button
                    class=format!("fragment fragment-{}", state_name(f.state))
                    data-testid="district-review-fragment"
                    data-state=state_name(f.state)
                    data-fragment=id.to_string()
                    aria-expanded=move || is_open().to_string()
                    title=state_label
                    on:click=move |_| {
                        if open.get_untracked() == Some(id) {
                            open.set(None);
                        } else {
                            typed.set(wording.clone());
                            message.set(None);
                            open.set(Some(id));
                            pinned.set(Some(id));
                        }
                    }
                >
                    {shown_text}
                    {fixed.then(|| view! { <small>{review.review_fixed_mark}</small> })}
                </button>
                <Show when=is_open>
                    <span class="fragment-detail" data-testid="district-review-detail">
                        <span class="hint">{state_label}</span>
                        {if read_as.is_empty() {
                            view! { <span class="hint">{review.review_no_rules}</span> }.into_any()
                        } else {
                            view! {
                                <span class="hint">{review.review_rules}</span>
                                <ul>
                                    {read_as
                                        .iter()
                                        .map(|r| {
                                            view! {
                                                <li data-testid="district-review-rule">{r.clone()}</li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                        <label>
                            <span>{review.review_fix_label}</span>
                            <input
                                type="text"
                                data-testid="district-review-input"
                                placeholder=review.review_fix_hint
                                prop:value=move || typed.get()
                                on:input=move |ev| typed.set(event_target_value(&ev))
                                on:keydown=move |ev| {
                                    if ev.key() == "Enter" {
                                        ev.prevent_default();
                                        save(id);
                                    }
                                }
                            />
                        </label>
                        <span class="actions">
                            <button
                                class="primary"
                                data-testid="district-review-save"
                                on:click=move |_| save(id)
                            >
                                {review.review_save}
                            </button>
                            <button
                                data-testid="district-review-close"
                                on:click=move |_| open.set(None)
                            >
                                {review.review_close}
                            </button>
                        </span>
                        <span role="status" data-testid="district-review-message">
                            {move || message.get().filter(|(m, _)| *m == id).map(|(_, text)| text)}
                        </span>
                    </span>
                </Show>
            </span>
        }
    };

    let areas = move || {
        let ids = matching.get();
        let limit = shown.get();
        state.data.with(|w| {
            ids.iter()
                .take(limit)
                .filter_map(|i| w.districts.areas.get(*i).map(|a| (*i, a)))
                .map(|(i, a)| {
                    let c = counts(a, &w.districts.rules);
                    let schools = a.schools.join(t().list_separator);
                    let row = (review.review_row)(a.row);
                    let text = pieces(a)
                        .into_iter()
                        .map(|(f, text)| match f {
                            Some(f) => fragment_view(a, f, &w.districts.rules).into_any(),
                            None => view! { <span>{text}</span> }.into_any(),
                        })
                        .collect_view();
                    view! {
                        <li
                            class="review-area"
                            data-testid="district-review-school"
                            id=format!("district-area-{i}")
                        >
                            <p>
                                <strong>{schools}</strong>
                                " "
                                <span class="hint">{row}" · "{(review.review_counts)(&c)}</span>
                            </p>
                            <p class="review-text">{text}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="card" data-testid="district-review">
            <h3>{move || (review.review_title)(total(), schools())}</h3>
            <p class="hint">{review.review_hint}</p>
            <div class="inline-form">
                <label>
                    <span>{review.review_filter}</span>
                    <select
                        data-testid="district-review-filter"
                        prop:value=move || match filter.get() {
                            Filter::All => "all",
                            Filter::Unread => "unread",
                            Filter::Possible => "possible",
                        }
                        on:change=move |ev| {
                            filter
                                .set(
                                    match event_target_value(&ev).as_str() {
                                        "unread" => Filter::Unread,
                                        "possible" => Filter::Possible,
                                        _ => Filter::All,
                                    },
                                );
                            shown.set(PAGE);
                            pinned.set(None);
                        }
                    >
                        <option value="all">{review.review_filter_all}</option>
                        <option value="unread">{review.review_filter_unread}</option>
                        <option value="possible">{review.review_filter_possible}</option>
                    </select>
                </label>
            </div>
            <Show
                when=move || matching.with(|m| !m.is_empty())
                fallback=move || {
                    view! {
                        <p class="hint" data-testid="district-review-none">
                            {review.review_none}
                        </p>
                    }
                }
            >
                <ul class="review-list">{areas}</ul>
            </Show>
            <Show when=move || { matching.with(Vec::len) > shown.get() }>
                <button
                    data-testid="district-review-more"
                    on:click=move |_| shown.update(|n| *n += PAGE)
                >
                    {review.review_more}
                </button>
            </Show>
        </div>
    }
}
