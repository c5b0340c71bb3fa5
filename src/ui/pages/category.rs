//! `#/category/<key>`: one generic form for any category, generated from the catalogue: the category's
//! intro and 本年度无此项 mark, then each item with its status, text, channels, counts and catalogue columns.
//! Deleting an item or a count can be undone for a few seconds; removed default items come back one by
//! one, as the user picks them. With the statutory structure, a note says the page is not printed.

use leptos::prelude::*;

use crate::catalog::{self, CHANNELS};
use crate::model::{
    Audience, CategoryContent, DisclosureMode, DisclosureStatus, ItemContent, ItemCount, Level,
    Workspace,
};
use crate::text::t;
use crate::ui::dialog::Dialog;
use crate::ui::state::{AppState, UndoFn};
use crate::ui::widgets::{CheckLine, StatutoryNote};

use super::item_schools::ItemSchoolsNote;

const STATUSES: [DisclosureStatus; 4] = [
    DisclosureStatus::Published,
    DisclosureStatus::Partial,
    DisclosureStatus::NotPublished,
    DisclosureStatus::NotApplicable,
];

fn status_key(s: Option<DisclosureStatus>) -> &'static str {
    match s {
        None => "",
        Some(DisclosureStatus::Published) => "published",
        Some(DisclosureStatus::Partial) => "partial",
        Some(DisclosureStatus::NotPublished) => "not_published",
        Some(DisclosureStatus::NotApplicable) => "not_applicable",
    }
}

fn status_from_key(k: &str) -> Option<DisclosureStatus> {
    STATUSES.into_iter().find(|s| status_key(Some(*s)) == k)
}

fn category_of<'a>(w: &'a Workspace, key: &str) -> Option<&'a CategoryContent> {
    w.current()?.categories.iter().find(|c| c.key == key)
}

/// Edits the category `key` of the open report, creating it if the report lacks it.
fn edit_category(state: AppState, key: &'static str, f: impl FnOnce(&mut CategoryContent)) {
    state.edit(|w| {
        if let Some(r) = w.current_mut() {
            if !r.categories.iter().any(|c| c.key == key) {
                r.categories.push(CategoryContent {
                    key: key.to_string(),
                    ..CategoryContent::default()
                });
            }
            if let Some(c) = r.categories.iter_mut().find(|c| c.key == key) {
                f(c);
            }
        }
    });
}

fn edit_item(state: AppState, key: &'static str, id: &str, f: impl FnOnce(&mut ItemContent)) {
    edit_category(state, key, |c| {
        if let Some(i) = c.items.iter_mut().find(|i| i.id == id) {
            f(i);
        }
    });
}

/// The category `key` of the report of `year`, if there is one.
fn category_in<'a>(w: &'a mut Workspace, year: u16, key: &str) -> Option<&'a mut CategoryContent> {
    w.reports
        .get_mut(&year)?
        .categories
        .iter_mut()
        .find(|c| c.key == key)
}

/// Removes item `id` of category `key` in the open report, with the edit that puts it back in its place.
fn remove_item(w: &mut Workspace, key: &'static str, id: &str) -> Option<(String, UndoFn)> {
    let year = w.current_year?;
    let c = category_in(w, year, key)?;
    let at = c.items.iter().position(|i| i.id == id)?;
    let item = c.items.remove(at);
    let message = (t().feedback.item_removed)(item.name.trim());
    let undo: UndoFn = Box::new(move |w| {
        if let Some(c) = category_in(w, year, key) {
            if !c.items.iter().any(|i| i.id == item.id) {
                c.items.insert(at.min(c.items.len()), item);
            }
        }
    });
    Some((message, undo))
}

/// Removes count `n` of item `id`, with the edit that puts it back.
fn remove_count(
    w: &mut Workspace,
    key: &'static str,
    id: &str,
    n: usize,
) -> Option<(String, UndoFn)> {
    let year = w.current_year?;
    let item = category_in(w, year, key)?
        .items
        .iter_mut()
        .find(|i| i.id == id)?;
    if n >= item.counts.len() {
        return None;
    }
    let count = item.counts.remove(n);
    let message = (t().feedback.count_removed)(count.label.trim());
    let id = id.to_string();
    let undo: UndoFn = Box::new(move |w| {
        if let Some(i) =
            category_in(w, year, key).and_then(|c| c.items.iter_mut().find(|i| i.id == id))
        {
            i.counts.insert(n.min(i.counts.len()), count);
        }
    });
    Some((message, undo))
}

#[component]
pub fn CategoryPage(key: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = catalog::category(key).map(|c| c.name).unwrap_or(key);
    let ids = Memo::new(move |_| {
        state.ws.with(|w| {
            category_of(w, key)
                .map(|c| c.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let none_this_year = move || {
        state.ws.with(|w| {
            category_of(w, key).is_some_and(|c| c.status == Some(DisclosureStatus::NotApplicable))
        })
    };
    let intro = move || {
        state.ws.with(|w| {
            category_of(w, key)
                .map(|c| c.intro.clone())
                .unwrap_or_default()
        })
    };
    let add_item = move |_| {
        edit_category(state, key, |c| {
            let n = (1..)
                .find(|n| !c.items.iter().any(|i| i.id == format!("custom-{n}")))
                .unwrap_or(1);
            c.items.push(ItemContent {
                id: format!("custom-{n}"),
                name: t().item_new_name.to_string(),
                deadline: catalog::DEFAULT_DEADLINE.to_string(),
                ..ItemContent::default()
            });
        })
    };
    let picking = RwSignal::new(false);

    view! {
        <section data-testid="page-category" data-category=key>
            <h2>{name}</h2>
            <StatutoryNote message=t().feedback.statutory_categories />
            <Show when=move || state.ws.with(|w| w.current().is_none())>
                <p class="hint">{t().no_report}</p>
            </Show>
            <CheckLine
                testid="category-none"
                label=t().category_none_this_year
                checked=none_this_year
                on_change=move |on| edit_category(
                    state,
                    key,
                    |c| {
                        c.status = on.then_some(DisclosureStatus::NotApplicable);
                    },
                )
            />
            <label class="block">
                <span>{t().category_intro}</span>
                <textarea
                    data-testid="category-intro"
                    rows="3"
                    prop:value=intro
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit_category(state, key, |c| c.intro = v);
                    }
                ></textarea>
            </label>
            <div class="items">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <ItemCard key=key id=id />
                </For>
            </div>
            <div class="actions">
                <button data-testid="item-add" on:click=add_item>
                    {t().item_add}
                </button>
                <button data-testid="items-restore" on:click=move |_| picking.set(true)>
                    {t().items_restore}
                </button>
            </div>
            <Show when=move || picking.get()>
                <RestorePicker key=key on_close=Callback::new(move |()| picking.set(false)) />
            </Show>
        </section>
    }
}

#[component]
fn ItemCard(key: &'static str, id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let item = move || {
        state.ws.with(|w| {
            category_of(w, key).and_then(|c| {
                c.items
                    .iter()
                    .find(|i| id.with_value(|x| &i.id == x))
                    .cloned()
            })
        })
    };
    let field =
        move |f: fn(&ItemContent) -> String| move || item().map(|i| f(&i)).unwrap_or_default();
    let set = move |f: fn(&mut ItemContent, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            id.with_value(|id| edit_item(state, key, id, |i| f(i, v)));
        }
    };
    let status = move || item().and_then(|i| i.status);
    let checklist = move |used: bool| {
        CHANNELS
            .iter()
            .map(|ch| {
                let checked = move || {
                    item().is_some_and(|i| {
                        let list = if used { &i.channels_used } else { &i.channels };
                        list.iter().any(|c| c == ch)
                    })
                };
                view! {
                    <label class="chip">
                        <input
                            type="checkbox"
                            data-testid=if used { "item-channel-used" } else { "item-channel" }
                            value=*ch
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                id.with_value(|id| edit_item(
                                    state,
                                    key,
                                    id,
                                    |i| {
                                        let list = if used {
                                            &mut i.channels_used
                                        } else {
                                            &mut i.channels
                                        };
                                        list.retain(|c| c != ch);
                                        if on {
                                            list.push(ch.to_string());
                                            list.sort_by_key(|c| CHANNELS.iter().position(|x| x == c));
                                        }
                                    },
                                ));
                            }
                        />
                        {*ch}
                    </label>
                }
            })
            .collect_view()
    };
    let choice = move |label: &'static str,
                       testid: &'static str,
                       options: Vec<(&'static str, &'static str)>,
                       get: fn(&ItemContent) -> &'static str,
                       put: fn(&mut ItemContent, &str)| {
        view! {
            <label>
                <span>{label}</span>
                <select
                    data-testid=testid
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        id.with_value(|id| edit_item(state, key, id, |i| put(i, &v)));
                    }
                >
                    <option
                        value=""
                        selected=move || item().map(|i| get(&i)).unwrap_or("").is_empty()
                    >
                        "—"
                    </option>
                    {options
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = move || item().map(|i| get(&i)) == Some(v);
                            view! {
                                <option value=v selected=selected>
                                    {l}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        }
    };

    view! {
        <article class="item card" data-testid="item" data-item-id=move || id.get_value()>
            <div class="item-head">
                <textarea
                    class="item-name"
                    data-testid="item-name"
                    rows="1"
                    aria-label=t().item_name
                    prop:value=field(|i| i.name.clone())
                    on:input=set(|i, v| i.name = v.replace(['\n', '\r'], ""))
                    on:keydown=|ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                        }
                    }
                ></textarea>
                <select
                    data-testid="item-status"
                    aria-label=t().item_status
                    on:change=move |ev| {
                        let v = status_from_key(&event_target_value(&ev));
                        id.with_value(|id| edit_item(state, key, id, |i| i.status = v));
                    }
                >
                    <option value="" selected=move || status().is_none()>
                        {t().item_status_unset}
                    </option>
                    {STATUSES
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option
                                    value=status_key(Some(s))
                                    selected=move || status() == Some(s)
                                >
                                    {t().status(s)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button
                    class="remove"
                    data-testid="item-remove"
                    aria-label=move || (t()
                        .feedback
                        .item_remove_label)(&field(|i| i.name.clone())())
                    on:click=move |_| {
                        let id = id.get_value();
                        state.edit_undoable(|w| remove_item(w, key, &id));
                    }
                >
                    {t().item_remove}
                </button>
            </div>
            <Show when=move || status() == Some(DisclosureStatus::NotPublished)>
                <label class="block">
                    <span>{t().item_reason}</span>
                    <input
                        type="text"
                        data-testid="item-reason"
                        prop:value=field(|i| i.reason.clone())
                        on:input=set(|i, v| i.reason = v)
                    />
                </label>
            </Show>
            <label class="block">
                <span>{t().item_text}</span>
                <textarea
                    data-testid="item-text"
                    rows="4"
                    prop:value=field(|i| i.text.clone())
                    on:input=set(|i, v| i.text = v)
                ></textarea>
            </label>
            <fieldset class="chips">
                <legend>{t().item_channels_used}</legend>
                {checklist(true)}
            </fieldset>
            <Counts key=key id=id />
            <ItemSchoolsNote key=key id=id />
            <details class="catalogue-columns">
                <summary>{t().item_catalogue_columns}</summary>
                <label class="block">
                    <span>{t().item_content}</span>
                    <textarea
                        rows="2"
                        data-testid="item-content"
                        prop:value=field(|i| i.content.clone())
                        on:input=set(|i, v| i.content = v)
                    ></textarea>
                </label>
                <label class="block">
                    <span>{t().item_basis}</span>
                    <input
                        type="text"
                        data-testid="item-basis"
                        prop:value=field(|i| i.basis.clone())
                        on:input=set(|i, v| i.basis = v)
                    />
                </label>
                <label class="block">
                    <span>{t().item_deadline}</span>
                    <input
                        type="text"
                        data-testid="item-deadline"
                        prop:value=field(|i| i.deadline.clone())
                        on:input=set(|i, v| i.deadline = v)
                    />
                </label>
                <label class="block">
                    <span>{t().item_subject}</span>
                    <input
                        type="text"
                        data-testid="item-subject"
                        prop:value=field(|i| i.subject.clone())
                        on:input=set(|i, v| i.subject = v)
                    />
                </label>
                <fieldset class="chips">
                    <legend>{t().item_channels}</legend>
                    {checklist(false)}
                </fieldset>
                <div class="inline-form">
                    {choice(
                        t().item_audience,
                        "item-audience",
                        vec![
                            ("public", t().audience(Audience::Public)),
                            ("specific", t().audience(Audience::SpecificGroup)),
                        ],
                        |i| match i.audience {
                            Some(Audience::Public) => "public",
                            Some(Audience::SpecificGroup) => "specific",
                            None => "",
                        },
                        |i, v| {
                            i.audience = match v {
                                "public" => Some(Audience::Public),
                                "specific" => Some(Audience::SpecificGroup),
                                _ => None,
                            };
                        },
                    )}
                    {choice(
                        t().item_mode,
                        "item-mode",
                        vec![
                            ("active", t().mode(DisclosureMode::Active)),
                            ("on_request", t().mode(DisclosureMode::OnRequest)),
                        ],
                        |i| match i.mode {
                            Some(DisclosureMode::Active) => "active",
                            Some(DisclosureMode::OnRequest) => "on_request",
                            None => "",
                        },
                        |i, v| {
                            i.mode = match v {
                                "active" => Some(DisclosureMode::Active),
                                "on_request" => Some(DisclosureMode::OnRequest),
                                _ => None,
                            };
                        },
                    )}
                    {choice(
                        t().item_level,
                        "item-level",
                        vec![
                            ("county", t().level(Level::County)),
                            ("township", t().level(Level::Township)),
                            ("school", t().level(Level::School)),
                        ],
                        |i| match i.level {
                            Some(Level::County) => "county",
                            Some(Level::Township) => "township",
                            Some(Level::School) => "school",
                            None => "",
                        },
                        |i, v| {
                            i.level = match v {
                                "county" => Some(Level::County),
                                "township" => Some(Level::Township),
                                "school" => Some(Level::School),
                                _ => None,
                            };
                        },
                    )}
                </div>
            </details>
        </article>
    }
}

/// Optional counts of an item (e.g. 发布信息 26 条); the number is checked as it is typed.
#[component]
fn Counts(key: &'static str, id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let counts = move || {
        state.ws.with(|w| {
            category_of(w, key)
                .and_then(|c| c.items.iter().find(|i| id.with_value(|x| &i.id == x)))
                .map(|i| i.counts.len())
                .unwrap_or(0)
        })
    };
    let edit_count = move |n: usize, f: Box<dyn FnOnce(&mut ItemCount)>| {
        id.with_value(|id| {
            edit_item(state, key, id, |i| {
                if let Some(c) = i.counts.get_mut(n) {
                    f(c)
                }
            })
        });
    };
    let get = move |n: usize, f: fn(&ItemCount) -> String| {
        move || {
            state.ws.with(|w| {
                category_of(w, key)
                    .and_then(|c| c.items.iter().find(|i| id.with_value(|x| &i.id == x)))
                    .and_then(|i| i.counts.get(n).map(f))
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <div class="counts">
            <For each=move || 0..counts() key=|n| *n let:n>
                {
                    let error = RwSignal::new(None::<String>);
                    view! {
                        <div class="inline-form count">
                            <label>
                                <span>{t().count_label}</span>
                                <input
                                    type="text"
                                    class="count-label"
                                    data-testid="item-count-label"
                                    prop:value=get(n, |c| c.label.clone())
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        edit_count(n, Box::new(move |c| c.label = v));
                                    }
                                />
                            </label>
                            <label>
                                <span>{t().feedback.count_value}</span>
                                <input
                                    type="text"
                                    inputmode="numeric"
                                    class="num"
                                    data-testid="item-count-value"
                                    aria-invalid=move || {
                                        error.with(Option::is_some).then_some("true")
                                    }
                                    prop:value=get(n, |c| c.value.to_string())
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        match crate::cell::parse_cell(
                                            &v,
                                            crate::cell::CellKind::Count,
                                        ) {
                                            Ok(crate::cell::CellValue::Integer(x)) => {
                                                error.set(None);
                                                edit_count(
                                                    n,
                                                    Box::new(move |c| c.value = x.unsigned_abs()),
                                                );
                                            }
                                            Err(e) => error.set(Some(e.message())),
                                            Ok(_) => error.set(Some(t().count_invalid.to_string())),
                                        }
                                    }
                                />
                            </label>
                            <label>
                                <span>{t().count_unit}</span>
                                <input
                                    type="text"
                                    class="unit"
                                    data-testid="item-count-unit"
                                    prop:value=get(n, |c| c.unit.clone())
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        edit_count(n, Box::new(move |c| c.unit = v));
                                    }
                                />
                            </label>
                            <button
                                class="remove"
                                data-testid="item-count-remove"
                                aria-label=move || (t()
                                    .feedback
                                    .count_remove_label)(&get(n, |c| c.label.clone())())
                                on:click=move |_| {
                                    let id = id.get_value();
                                    state.edit_undoable(|w| remove_count(w, key, &id, n));
                                }
                            >
                                {t().item_remove}
                            </button>
                            <Show when=move || error.with(Option::is_some)>
                                <span
                                    class="field-error"
                                    data-testid="item-count-error"
                                    role="alert"
                                >
                                    {move || error.get().unwrap_or_default()}
                                </span>
                            </Show>
                        </div>
                    }
                }
            </For>
            <button
                data-testid="item-count-add"
                on:click=move |_| {
                    id.with_value(|id| edit_item(
                        state,
                        key,
                        id,
                        |i| {
                            i.counts
                                .push(ItemCount {
                                    label: t().count_default_label.to_string(),
                                    value: 0,
                                    unit: t().count_default_unit.to_string(),
                                })
                        },
                    ))
                }
            >
                {t().count_add}
            </button>
        </div>
    }
}

/// “恢复目录中的默认事项”: the default items this category no longer has, each with a checkbox; only the
/// ones ticked come back.
#[component]
fn RestorePicker(key: &'static str, on_close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let missing: Vec<(&'static str, &'static str)> = state.ws.with_untracked(|w| {
        let blank = CategoryContent {
            key: key.to_string(),
            ..CategoryContent::default()
        };
        crate::model::missing_defaults(category_of(w, key).unwrap_or(&blank))
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect()
    });
    let chosen = RwSignal::new(Vec::<&'static str>::new());
    let none_missing = missing.is_empty();
    let restore = move |_| {
        let ids = chosen.get_untracked();
        let mut added = 0;
        edit_category(state, key, |c| {
            added = crate::model::restore_some_defaults(c, |id| ids.contains(&id));
        });
        on_close.run(());
        state.notice.set(Some((t().feedback.restored)(added)));
    };
    view! {
        <Dialog testid="restore-dialog" title=t().items_restore.to_string() on_close=on_close>
            {if none_missing {
                view! { <p data-testid="restore-none">{t().feedback.restore_none}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{t().feedback.restore_intro}</p>
                    <ul class="restore-list">
                        {missing
                            .into_iter()
                            .map(|(id, name)| {
                                view! {
                                    <li>
                                        <label class="check-line">
                                            <input
                                                type="checkbox"
                                                data-testid="restore-choice"
                                                value=id
                                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    chosen
                                                        .update(|c| {
                                                            c.retain(|x| *x != id);
                                                            if on {
                                                                c.push(id);
                                                            }
                                                        });
                                                }
                                            />
                                            {name}
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <div class="actions">
                <Show when=move || !none_missing>
                    <button
                        class="primary"
                        data-testid="restore-confirm"
                        disabled=move || chosen.with(Vec::is_empty)
                        on:click=restore
                    >
                        {t().feedback.restore_confirm}
                    </button>
                </Show>
                <button data-testid="restore-cancel" on:click=move |_| on_close.run(())>
                    {t().feedback.cancel}
                </button>
            </div>
        </Dialog>
    }
}
