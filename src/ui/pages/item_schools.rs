//! On `#/schools` (the `schools-page` module): the items schools fill, category by category. For each
//! item: whether schools fill it, the bureau's instructions and the counts asked for (what the
//! filling pack carries), and, once files are merged, each school's text with its file time and how
//! the contributions enter the report. The category page itself only says so and links here
//! (`ItemSchoolsNote`), so that the workbench's first load does not carry these controls.

use leptos::prelude::*;

use crate::catalog;
use crate::model::{CountField, ItemContent, Placement};
use crate::page_data::SchoolsPageData;
use crate::report::contribution_details;
use crate::text::{school_page, t};
use crate::ui::module_page::PageState;
use crate::ui::state::AppState;
use crate::ui::widgets::CheckLine;
use crate::web::clock::local_datetime;

type SchoolsState = PageState<SchoolsPageData>;

/// Reads item `id` of category `key` in the open report.
fn item_of<T: Default>(
    state: SchoolsState,
    key: &str,
    id: StoredValue<String>,
    f: impl FnOnce(&ItemContent) -> T,
) -> T {
    state.data.with(|d| {
        d.report()
            .and_then(|r| r.category(key))
            .and_then(|c| id.with_value(|id| c.items.iter().find(|i| &i.id == id)))
            .map(f)
            .unwrap_or_default()
    })
}

/// Edits item `id` of category `key` in the open report.
fn edit_item(state: SchoolsState, key: &str, id: &str, f: impl FnOnce(&mut ItemContent)) {
    state.edit(|d| {
        let item = d
            .report_mut()
            .and_then(|r| r.categories.iter_mut().find(|c| c.key == key))
            .and_then(|c| c.items.iter_mut().find(|i| i.id == id));
        if let Some(i) = item {
            f(i);
        }
    });
}

/// Every item of the open report, category by category, with its school assignment. A category
/// with an item schools fill is open.
#[component]
pub fn SchoolItems() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let items = move |key: &'static str| {
        state.data.with(|d| {
            d.report()
                .and_then(|r| r.category(key))
                .map(|c| {
                    c.items
                        .iter()
                        .map(|i| (i.id.clone(), i.name.clone(), i.schools.assigned))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="card" data-testid="school-items">
            <h3>{ts.items_title}</h3>
            <p class="hint">{ts.items_hint}</p>
            {catalog::CATEGORIES
                .iter()
                .map(|def| {
                    let key = def.key;
                    let assigned = move || items(key).iter().filter(|i| i.2).count();
                    let any = move || items(key).iter().any(|i| i.2);
                    view! {
                        <details class="school-items" open=any>
                            <summary>
                                {def.name}" "
                                <small class="hint">
                                    {move || (ts.items_assigned)(assigned())}
                                </small>
                            </summary>
                            <For each=move || items(key) key=|i| i.0.clone() let:i>
                                <div
                                    class="school-item"
                                    data-testid="school-item-task"
                                    data-item=format!("{key}/{}", i.0)
                                >
                                    <h4>{i.1.clone()}</h4>
                                    <ItemSchools key=key id=StoredValue::new(i.0.clone()) />
                                </div>
                            </For>
                        </details>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// On the category page (the workbench): whether schools fill the item and how many have sent it,
/// with a link to `#/schools`, where it is set.
#[component]
pub fn ItemSchoolsNote(key: &'static str, id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let line = move || {
        state.ws.with(|w| {
            let r = w.current()?;
            let assigned = r
                .category(key)
                .and_then(|c| id.with_value(|id| c.items.iter().find(|i| &i.id == id)))
                .is_some_and(|i| i.schools.assigned);
            let sent = r
                .contributions
                .iter()
                .filter(|c| id.with_value(|id| c.item(key, id)).is_some())
                .count();
            (assigned || sent > 0).then(|| (t().school.item_note)(assigned, sent))
        })
    };
    view! {
        {move || {
            line()
                .map(|l| {
                    view! {
                        <p class="hint" data-testid="item-schools-note">
                            {l}
                            " "
                            <a href="#/schools">{t().school.item_note_link}</a>
                        </p>
                    }
                })
        }}
    }
}

#[component]
fn ItemSchools(key: &'static str, id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let assigned = move || item_of(state, key, id, |i| i.schools.assigned);
    let edit = move |f: Box<dyn FnOnce(&mut ItemContent)>| {
        id.with_value(|id| edit_item(state, key, id, f));
    };
    let fields = move || item_of(state, key, id, |i| i.schools.counts.len());
    let contributions = move || {
        state.data.with(|d| {
            d.report()
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
            <label class="count-field">
                <span>{if unit { ts.item_count_unit } else { ts.item_count_name }}</span>
                <input
                    type="text"
                    placeholder=if unit {
                        ts.item_count_unit_example
                    } else {
                        ts.item_count_name_example
                    }
                    class=if unit { "unit" } else { "count-label" }
                    data-testid=if unit {
                        "item-school-count-unit"
                    } else {
                        "item-school-count-label"
                    }
                    prop:value=move || item_of(
                        state,
                        key,
                        id,
                        |i| {
                            i.schools
                                .counts
                                .get(n)
                                .map(|f| if unit { f.unit.clone() } else { f.label.clone() })
                                .unwrap_or_default()
                        },
                    )
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(
                            Box::new(move |i| {
                                if let Some(f) = i.schools.counts.get_mut(n) {
                                    if unit { f.unit = v } else { f.label = v }
                                }
                            }),
                        );
                    }
                />
            </label>
        }
    };
    // A labelled text area bound to one text of the item.
    let text_area = move |label: &'static str,
                          testid: &'static str,
                          rows: &'static str,
                          get: fn(&ItemContent) -> String,
                          set: fn(&mut ItemContent, String)| {
        view! {
            <label class="block">
                <span>{label}</span>
                <textarea
                    data-testid=testid
                    rows=rows
                    prop:value=move || item_of(state, key, id, get)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |i| set(i, v)));
                    }
                ></textarea>
            </label>
        }
    };
    view! {
        <div class="item-schools">
            <CheckLine
                testid="item-schools"
                label=ts.item_assigned
                checked=assigned
                on_change=move |on| edit(Box::new(move |i| i.schools.assigned = on))
            />
            <Show when=assigned>
                {text_area(
                    ts.item_instructions,
                    "item-instructions",
                    "2",
                    |i| i.schools.instructions.clone(),
                    |i, v| i.schools.instructions = v,
                )} <fieldset class="chips">
                    <legend>{ts.item_counts}</legend>
                    <For each=move || 0..fields() key=|n| *n let:n>
                        <span class="inline-form">
                            {field_input(n, false)} {field_input(n, true)}
                            <button
                                class="remove"
                                aria-label=move || (ts
                                    .item_count_remove)(
                                    &item_of(
                                        state,
                                        key,
                                        id,
                                        |i| {
                                            i.schools
                                                .counts
                                                .get(n)
                                                .map(|f| f.label.clone())
                                                .unwrap_or_default()
                                        },
                                    ),
                                )
                                on:click=move |_| edit(
                                    Box::new(move |i| {
                                        if n < i.schools.counts.len() {
                                            i.schools.counts.remove(n);
                                        }
                                    }),
                                )
                            >
                                {t().item_remove}
                            </button>
                        </span>
                    </For>
                    <button
                        data-testid="item-school-count-add"
                        on:click=move |_| edit(
                            Box::new(|i| {
                                i.schools
                                    .counts
                                    .push(CountField {
                                        label: String::new(),
                                        unit: String::new(),
                                    })
                            }),
                        )
                    >
                        {ts.item_count_add}
                    </button>
                </fieldset>
            </Show>
            <Show when=move || !contributions().is_empty()>
                <details class="contributions" data-testid="item-contributions" open=true>
                    <summary>{move || (ts.item_contributions)(contributions().len())}</summary>
                    <ul>
                        {move || {
                            contributions()
                                .into_iter()
                                .map(|(school, at, a)| {
                                    let text = if a.text.trim().is_empty() {
                                        ts.item_nothing.to_string()
                                    } else {
                                        a.text.clone()
                                    };
                                    view! {
                                        <li data-testid="item-contribution">
                                            <p>
                                                <strong>{school}</strong>
                                                " "
                                                <small class="hint">
                                                    {(ts.item_file_time)(&local_datetime(&at))}
                                                </small>
                                            </p>
                                            <p class="contribution-text">{text}</p>
                                            <p class="hint">
                                                {contribution_details(
                                                    &a,
                                                    crate::catalog::date_verb(&a.category, &a.item),
                                                )}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                    <fieldset class="chips">
                        <legend>{ts.item_placement}</legend>
                        {Placement::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <label class="check-line">
                                        <input
                                            type="radio"
                                            name=move || {
                                                id.with_value(|id| format!("placement-{key}-{id}"))
                                            }
                                            data-testid="item-placement"
                                            value=p.key()
                                            prop:checked=move || placement() == p
                                            on:change=move |_| edit(
                                                Box::new(move |i| i.schools.placement = p),
                                            )
                                        />
                                        {ts.placement(p)}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <Show when=move || {
                        placement() == Placement::Summary
                    }>
                        {text_area(
                            ts.item_summary,
                            "item-summary",
                            "3",
                            |i| i.schools.summary.clone(),
                            |i, v| i.schools.summary = v,
                        )}
                    </Show>
                </details>
            </Show>
        </div>
    }
}
