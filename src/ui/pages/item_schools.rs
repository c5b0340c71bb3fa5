//! The school part of an item on `#/category/<key>`: whether schools fill it, the bureau's
//! instructions and the counts asked for (what the filling pack carries), and, once files are merged,
//! each school's text with its file time and how the contributions enter the report.

use leptos::prelude::*;

use super::category::edit_item;
use crate::model::{CountField, ItemContent, Placement};
use crate::report::contribution_details;
use crate::text::t;
use crate::ui::state::AppState;
use crate::web::clock::local_datetime;

/// Reads item `id` of category `key` in the open report.
fn item_of<T: Default>(
    state: AppState,
    key: &str,
    id: StoredValue<String>,
    f: impl FnOnce(&ItemContent) -> T,
) -> T {
    state.ws.with(|w| {
        w.current()
            .and_then(|r| r.category(key))
            .and_then(|c| id.with_value(|id| c.items.iter().find(|i| &i.id == id)))
            .map(f)
            .unwrap_or_default()
    })
}

#[component]
pub fn ItemSchools(key: &'static str, id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ts = t().school;
    let assigned = move || item_of(state, key, id, |i| i.schools.assigned);
    let edit = move |f: Box<dyn FnOnce(&mut ItemContent)>| {
        id.with_value(|id| edit_item(state, key, id, f));
    };
    let fields = move || item_of(state, key, id, |i| i.schools.counts.len());
    let contributions = move || {
        state.ws.with(|w| {
            w.current()
                .map(|r| {
                    r.contributions
                        .iter()
                        .filter_map(|c| {
                            let a = id.with_value(|id| c.item(key, id))?;
                            Some((c.school_name.clone(), c.created_at.clone(), a.clone()))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let placement = move || item_of(state, key, id, |i| i.schools.placement);
    let field_input = move |n: usize, unit: bool| {
        view! {
            <input
                type="text"
                class=if unit { "unit" } else { "count-label" }
                data-testid=if unit { "item-school-count-unit" } else { "item-school-count-label" }
                aria-label=if unit { t().count_unit } else { t().count_label }
                prop:value=move || item_of(state, key, id, |i| i.schools.counts.get(n).map(|f| if unit { f.unit.clone() } else { f.label.clone() }).unwrap_or_default())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    edit(Box::new(move |i| if let Some(f) = i.schools.counts.get_mut(n) {
                        if unit { f.unit = v } else { f.label = v }
                    }));
                }
            />
        }
    };
    view! {
        <div class="item-schools">
            <label class="check-line">
                <input
                    type="checkbox"
                    data-testid="item-schools"
                    prop:checked=assigned
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit(Box::new(move |i| i.schools.assigned = on));
                    }
                />
                {ts.item_assigned}
            </label>
            <Show when=assigned>
                <label class="block">
                    <span>{ts.item_instructions}</span>
                    <textarea
                        data-testid="item-instructions"
                        rows="2"
                        prop:value=move || item_of(state, key, id, |i| i.schools.instructions.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            edit(Box::new(move |i| i.schools.instructions = v));
                        }
                    ></textarea>
                </label>
                <fieldset class="chips">
                    <legend>{ts.item_counts}</legend>
                    <For each=move || 0..fields() key=|n| *n let:n>
                        <span class="inline-form">
                            {field_input(n, false)}
                            {field_input(n, true)}
                            <button
                                class="remove"
                                aria-label=move || (ts.item_count_remove)(&item_of(state, key, id, |i| i.schools.counts.get(n).map(|f| f.label.clone()).unwrap_or_default()))
                                on:click=move |_| edit(Box::new(move |i| if n < i.schools.counts.len() { i.schools.counts.remove(n); }))
                            >
                                {t().item_remove}
                            </button>
                        </span>
                    </For>
                    <button
                        data-testid="item-school-count-add"
                        on:click=move |_| edit(Box::new(|i| i.schools.counts.push(CountField {
                            label: t().school.item_count_label_default.to_string(),
                            unit: t().count_default_unit.to_string(),
                        })))
                    >
                        {ts.item_count_add}
                    </button>
                </fieldset>
            </Show>
            <Show when=move || !contributions().is_empty()>
                <details class="contributions" data-testid="item-contributions" open=true>
                    <summary>{move || (ts.item_contributions)(contributions().len())}</summary>
                    <ul>
                        {move || contributions()
                            .into_iter()
                            .map(|(school, at, a)| {
                                let text = if a.text.trim().is_empty() { ts.item_nothing.to_string() } else { a.text.clone() };
                                view! {
                                    <li data-testid="item-contribution">
                                        <p><strong>{school}</strong>" "<small class="hint">{(ts.item_file_time)(&local_datetime(&at))}</small></p>
                                        <p class="contribution-text">{text}</p>
                                        <p class="hint">{contribution_details(&a)}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <fieldset class="chips">
                        <legend>{ts.item_placement}</legend>
                        {Placement::ALL
                            .into_iter()
                            .map(|p| view! {
                                <label class="check-line">
                                    <input
                                        type="radio"
                                        name=move || id.with_value(|id| format!("placement-{key}-{id}"))
                                        data-testid="item-placement"
                                        value=p.key()
                                        prop:checked=move || placement() == p
                                        on:change=move |_| edit(Box::new(move |i| i.schools.placement = p))
                                    />
                                    {ts.placement(p)}
                                </label>
                            })
                            .collect_view()}
                    </fieldset>
                    <Show when=move || placement() == Placement::Summary>
                        <label class="block">
                            <span>{ts.item_summary}</span>
                            <textarea
                                data-testid="item-summary"
                                rows="3"
                                prop:value=move || item_of(state, key, id, |i| i.schools.summary.clone())
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit(Box::new(move |i| i.schools.summary = v));
                                }
                            ></textarea>
                        </label>
                    </Show>
                </details>
            </Show>
        </div>
    }
}
