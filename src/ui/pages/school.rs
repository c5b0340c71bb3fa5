//! `#/school`: a school's own mode. It imports the bureau's filling pack, picks its name
//! (`school-select`), fills only the items assigned to schools (text, counts checked as typed, dates,
//! channels used), with the bureau's instructions beside each, and exports its submission
//! (`submission-export`). The draft is the workspace of the school's own storage slot
//! (`store::SCHOOL`), saved like any edit; nothing of the bureau's workbench is shown. The page runs
//! in the `schools-page` module (docs/delivery.md, “A page in a module”) on `SchoolPageData`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalog::{self, CHANNELS};
use crate::model::SubmissionItem;
use crate::page_data::SchoolPageData;
use crate::school::{read_pack, Draft, MAX_COUNT};
use crate::text::{school_page, t};
use crate::ui::dialog::Dialog;
use crate::ui::download::download_refusal;
use crate::ui::module_page::PageState;
use crate::ui::said::{Said, SaidHere};
use crate::ui::widgets::FilePicker;
use crate::web::clock;
use crate::web::dom::is_file_protocol;
use crate::web::download::download_text;
use crate::web::file_input::{read_text, take_files};

use super::school_style::SchoolStyle;

/// What the page works on (its data and the workbench's edit path).
type SchoolState = PageState<SchoolPageData>;

/// Downloads the draft as a submission file; the result is said next to the export button.
fn export_submission(state: SchoolState, said: Said) {
    let now = clock::now_iso();
    let file = state
        .data
        .with_untracked(|d| d.draft.as_ref().and_then(|d| d.submission_file(&now)));
    let Some((name, text)) = file else {
        return said.refused(school_page().pick_first);
    };
    if let Err(e) = download_text(&name, "application/json", &text) {
        said.refused(download_refusal(&e, t().download_failed));
    } else {
        said.done((school_page().exported)(&name));
    }
}

/// The names of the draft's items, filled and empty.
fn filled_and_empty(state: SchoolState) -> (Vec<String>, Vec<String>) {
    state.data.with(|w| {
        let mut filled = Vec::new();
        let mut empty = Vec::new();
        for i in w.draft.iter().flat_map(|d| &d.items) {
            let name = i.name.trim().to_string();
            if i.is_filled() {
                filled.push(name);
            } else {
                empty.push(name);
            }
        }
        (filled, empty)
    })
}

/// Edits the answer to `(category, item)` of the draft.
fn edit_answer(state: SchoolState, key: &(String, String), f: impl FnOnce(&mut SubmissionItem)) {
    state.edit(|w| {
        if let Some(a) = w.draft.as_mut().and_then(|d| d.answer_mut(&key.0, &key.1)) {
            f(a);
        }
    });
}

#[component]
pub fn SchoolPage() -> impl IntoView {
    let state = expect_context::<SchoolState>();
    let ts = school_page();
    let error = RwSignal::new(None::<String>);
    let said = Said::new();
    let on_pack = move |ev: leptos::ev::Event| {
        let Some(file) = take_files(&ev).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let name = file.name();
            let text = read_text(&file).await.unwrap_or_default();
            match read_pack(&text) {
                Ok(pack) => {
                    error.set(None);
                    said.clear();
                    let mut message = ts.pack_loaded.to_string();
                    state.edit(|w| match &mut w.draft {
                        Some(d) => message = (ts.pack_replaced)(d.adopt_pack(pack)),
                        None => w.draft = Some(Draft::new(pack)),
                    });
                    said.done(message);
                    request_animation_frame(|| {
                        crate::web::dom::focus("[data-testid=school-select]", false);
                    });
                }
                Err(e) => {
                    said.clear();
                    error.set(Some((ts.pack_error)(&name, &ts.file_error(&e))));
                }
            }
        });
    };
    let has_pack = move || state.data.with(|w| w.draft.is_some());
    let unreadable = move || state.data.with(|w| w.unreadable.is_some());
    view! {
        <section data-testid="page-school">
            <SchoolStyle />
            <h2>{ts.mode_title}</h2>
            {is_file_protocol()
                .then(|| {
                    view! {
                        <p class="hint" data-testid="school-file-note">
                            {ts.mode_file_note}
                        </p>
                    }
                })}
            <Show when=move || !unreadable() fallback=|| view! { <Unreadable /> }>
                <Show when=has_pack fallback=move || view! { <p>{ts.mode_intro}</p> }>
                    <Filling pack_said=said />
                </Show>
                <div class="card">
                    <h3>{move || if has_pack() { ts.pack_replace } else { ts.pack_import }}</h3>
                    <p class="hint">{ts.pack_import_hint}</p>
                    <FilePicker
                        testid="pack-import"
                        accept=".json,application/json"
                        label=ts.pack_import
                        on_change=on_pack
                    />
                    <Show when=move || !has_pack()>
                        <SaidHere said=said testid="pack-import-said" />
                    </Show>
                    <Show when=move || error.with(Option::is_some)>
                        <p class="field-error" data-testid="pack-error" role="alert">
                            {move || error.get().unwrap_or_default()}
                        </p>
                    </Show>
                </div>
            </Show>
            <p>
                <a href="#/" data-testid="to-bureau">
                    {ts.to_bureau}
                </a>
            </p>
        </section>
    }
}

/// Downloads the stored draft that does not read, as it is stored (JSON). `true` when the browser
/// took the file.
fn download_unreadable(state: SchoolState, said: Said) -> bool {
    let ts = school_page();
    let text = state.data.with_untracked(|d| {
        d.unreadable
            .as_ref()
            .and_then(|u| serde_json::to_string_pretty(&u.raw).ok())
    });
    let Some(text) = text else {
        return false;
    };
    if let Err(e) = download_text(ts.draft_download_file, "application/json", &text) {
        said.refused(download_refusal(&e, t().download_failed));
        return false;
    }
    said.done((ts.draft_downloaded)(ts.draft_download_file));
    true
}

/// A stored draft that does not read: why, its download, and 重新开始 (after the download, with a
/// confirmation), which clears it so that a pack can be imported again (撤销 brings it back).
#[component]
fn Unreadable() -> impl IntoView {
    let state = expect_context::<SchoolState>();
    let ts = school_page();
    let downloaded = RwSignal::new(false);
    let said = Said::new();
    let asking = RwSignal::new(false);
    let reason = move || {
        state
            .data
            .with(|w| w.unreadable.as_ref().map(|u| u.reason.clone()))
            .unwrap_or_default()
    };
    let restart = move |_| {
        asking.set(false);
        state.edit_undoable(|w| {
            let had = w.unreadable.is_some();
            w.restart();
            had.then(|| ts.draft_restarted.to_string())
        });
    };
    view! {
        <div class="banner error" role="alert" data-testid="school-draft-unreadable">
            <p data-testid="school-draft-reason">{reason}</p>
            <p class="hint" id="school-draft-next">
                {move || {
                    if downloaded.get() { ts.draft_restart_ready } else { ts.draft_restart_first }
                }}
            </p>
            <div class="actions">
                <button
                    class="primary"
                    data-testid="school-draft-download"
                    on:click=move |_| {
                        if download_unreadable(state, said) {
                            downloaded.set(true);
                        }
                    }
                >
                    {ts.draft_download}
                </button>
                <button
                    data-testid="school-draft-restart"
                    aria-describedby="school-draft-next"
                    disabled=move || !downloaded.get()
                    on:click=move |_| asking.set(true)
                >
                    {ts.draft_restart}
                </button>
            </div>
            <SaidHere said=said testid="school-draft-said" />
        </div>
        <Show when=move || asking.get()>
            <Dialog
                testid="school-draft-restart-dialog"
                title=ts.draft_restart_title.to_string()
                alert=true
                on_close=Callback::new(move |()| asking.set(false))
            >
                <p>{ts.draft_restart_body}</p>
                <div class="actions">
                    <button
                        class="primary"
                        data-testid="school-draft-restart-confirm"
                        on:click=restart
                    >
                        {ts.draft_restart_confirm}
                    </button>
                    <button
                        data-testid="school-draft-restart-cancel"
                        autofocus=true
                        on:click=move |_| asking.set(false)
                    >
                        {ts.cancel}
                    </button>
                </div>
            </Dialog>
        </Show>
    }
}

/// The pack's school list, the items and the export.
#[component]
fn Filling(pack_said: Said) -> impl IntoView {
    let state = expect_context::<SchoolState>();
    let ts = school_page();
    let draft = move |f: &dyn Fn(&Draft) -> String| {
        state
            .data
            .with(|w| w.draft.as_ref().map(f).unwrap_or_default())
    };
    let keys = Memo::new(move |_| {
        state.data.with(|w| {
            w.draft
                .as_ref()
                .map(|d| {
                    d.items
                        .iter()
                        .map(|i| (i.category.clone(), i.item.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let schools = move || {
        state.data.with(|w| {
            w.draft
                .as_ref()
                .map(|d| {
                    d.pack
                        .schools
                        .iter()
                        .map(|s| (s.id.clone(), s.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let chosen = move || draft(&|d| d.school_id.clone());
    let said = Said::new();
    let summary = RwSignal::new(false);
    let ask = move |_| {
        let picked = state
            .data
            .with_untracked(|w| w.draft.as_ref().is_some_and(|d| d.school().is_some()));
        if picked {
            said.clear();
            summary.set(true);
        } else {
            said.refused(ts.pick_first);
        }
    };
    let go = move |_| {
        summary.set(false);
        export_submission(state, said);
    };
    let back = move |_| {
        summary.set(false);
        let empty = state.data.with_untracked(|w| {
            w.draft.as_ref().and_then(|d| {
                d.items
                    .iter()
                    .find(|i| !i.is_filled())
                    .map(|i| format!("{}/{}", i.category, i.item))
            })
        });
        if let Some(key) = empty {
            request_animation_frame(move || {
                crate::web::dom::focus(
                    &format!("[data-item=\"{key}\"] [data-testid=school-item-text]"),
                    true,
                );
            });
        }
    };
    view! {
        <p data-testid="school-pack">
            {move || draft(
                &|d| (ts
                    .pack_line)(
                    &d.pack.unit,
                    d.pack.year,
                    d.school().map(|s| s.name.as_str()).unwrap_or(""),
                ),
            )}
        </p>
        <SaidHere said=pack_said testid="pack-import-said" />
        <label class="block">
            <span>{ts.pick_school}</span>
            <select
                data-testid="school-select"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    state
                        .edit(|w| {
                            if let Some(d) = &mut w.draft {
                                d.school_id = id;
                            }
                        });
                }
            >
                <option value="" selected=move || chosen().is_empty()>
                    {ts.pick_placeholder}
                </option>
                {move || {
                    schools()
                        .into_iter()
                        .map(|(id, name)| {
                            let value = id.clone();
                            view! {
                                <option value=value selected=move || chosen() == id>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
        <p class="hint" data-testid="school-progress">
            {move || draft(&|d| (ts.progress)(d.filled(), d.items.len()))}
        </p>
        <div class="items">
            <For each=move || keys.get() key=|k| k.clone() let:k>
                <Answer key=k />
            </For>
        </div>
        <div class="card">
            <h3>{school_page().export}</h3>
            <p class="hint">{ts.export_hint}</p>
            <button class="primary" data-testid="submission-export" on:click=ask>
                {school_page().export}
            </button>
            <SaidHere said=said testid="submission-export-said" />
        </div>
        <Show when=move || summary.get()>
            <Dialog
                testid="submission-summary"
                title=ts.summary_title.to_string()
                on_close=Callback::new(move |()| summary.set(false))
            >
                {move || {
                    let (filled, empty) = filled_and_empty(state);
                    let all = empty.is_empty();
                    view! {
                        <p data-testid="summary-filled">
                            <strong>
                                {(ts.summary_filled)(filled.len(), filled.len() + empty.len())}
                            </strong>
                            {filled.join(t().list_separator)}
                        </p>
                        {if all {
                            view! { <p data-testid="summary-all">{ts.summary_all_filled}</p> }
                                .into_any()
                        } else {
                            view! {
                                <p class="field-error" data-testid="summary-empty">
                                    <strong>{ts.summary_empty}</strong>
                                    {empty.join(t().list_separator)}
                                </p>
                            }
                                .into_any()
                        }}
                        <div class="actions">
                            <button class="primary" data-testid="summary-export" on:click=go>
                                {if all { ts.export_now } else { ts.export_anyway }}
                            </button>
                            <button data-testid="summary-back" autofocus=true on:click=back>
                                {ts.back_to_filling}
                            </button>
                        </div>
                    }
                }}
            </Dialog>
        </Show>
    }
}

/// Reads the answer to `key` of the draft.
fn answer<T: Default>(
    state: SchoolState,
    key: StoredValue<(String, String)>,
    f: impl FnOnce(&SubmissionItem) -> T,
) -> T {
    state.data.with(|w| {
        w.draft
            .as_ref()
            .and_then(|d| key.with_value(|k| d.items.iter().find(|i| i.key() == (&k.0, &k.1))))
            .map(f)
            .unwrap_or_default()
    })
}

/// One assigned item: the bureau's instructions and the school's answer.
#[component]
fn Answer(key: (String, String)) -> impl IntoView {
    let state = expect_context::<SchoolState>();
    let ts = school_page();
    let key = StoredValue::new(key);
    let instructions = move || {
        state.data.with(|w| {
            w.draft
                .as_ref()
                .and_then(|d| {
                    key.with_value(|k| {
                        d.pack
                            .items
                            .iter()
                            .find(|i| i.category == k.0 && i.item == k.1)
                    })
                })
                .map(|i| i.instructions.clone())
                .unwrap_or_default()
        })
    };
    let category = key.with_value(|k| catalog::category(&k.0).map(|c| c.name).unwrap_or(""));
    let verb = key.with_value(|k| catalog::date_verb(&k.0, &k.1));
    let counts = move || answer(state, key, |a| a.counts.len());
    let dates = move || answer(state, key, |a| a.dates.len());
    let edit =
        move |f: Box<dyn FnOnce(&mut SubmissionItem)>| key.with_value(|k| edit_answer(state, k, f));
    view! {
        <article
            class="item card"
            data-testid="school-item"
            data-item=move || key.with_value(|k| format!("{}/{}", k.0, k.1))
        >
            <h3>
                <small class="hint">{category}</small>
                " "
                {move || answer(state, key, |a| a.name.clone())}
            </h3>
            <Show when=move || !instructions().trim().is_empty()>
                <div class="instructions" data-testid="school-item-instructions">
                    <strong>{ts.instructions}</strong>
                    <span>{instructions}</span>
                </div>
            </Show>
            <label class="block">
                <span>{ts.answer_text}</span>
                <textarea
                    data-testid="school-item-text"
                    rows="4"
                    prop:value=move || answer(state, key, |a| a.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |a| a.text = v));
                    }
                ></textarea>
            </label>
            <Show when=move || counts() != 0>
                <div class="inline-form">
                    <For each=move || 0..counts() key=|n| *n let:n>
                        {
                            let error = RwSignal::new(None::<String>);
                            let label = move || answer(
                                state,
                                key,
                                |a| {
                                    a.counts
                                        .get(n)
                                        .map(|c| {
                                            if c.unit.trim().is_empty() {
                                                c.label.clone()
                                            } else {
                                                format!("{}（{}）", c.label, c.unit)
                                            }
                                        })
                                        .unwrap_or_default()
                                },
                            );
                            view! {
                                <label>
                                    <span>{label}</span>
                                    <input
                                        type="text"
                                        inputmode="numeric"
                                        class="num"
                                        data-testid="school-item-count"
                                        aria-invalid=move || {
                                            error.with(Option::is_some).then_some("true")
                                        }
                                        prop:value=move || answer(
                                            state,
                                            key,
                                            |a| {
                                                a.counts
                                                    .get(n)
                                                    .and_then(|c| c.value)
                                                    .map(|v| v.to_string())
                                                    .unwrap_or_default()
                                            },
                                        )
                                        on:input=move |ev| {
                                            let v = event_target_value(&ev);
                                            let parsed = if v.trim().is_empty() {
                                                Ok(None)
                                            } else {
                                                v.trim()
                                                    .parse::<u64>()
                                                    .ok()
                                                    .filter(|x| *x <= MAX_COUNT)
                                                    .map(Some)
                                                    .ok_or(())
                                            };
                                            match parsed {
                                                Ok(value) => {
                                                    error.set(None);
                                                    edit(
                                                        Box::new(move |a| {
                                                            if let Some(c) = a.counts.get_mut(n) {
                                                                c.value = value;
                                                            }
                                                        }),
                                                    );
                                                }
                                                Err(()) => error.set(Some(t().count_invalid.to_string())),
                                            }
                                        }
                                    />
                                    <Show when=move || error.with(Option::is_some)>
                                        <span
                                            class="field-error"
                                            data-testid="school-item-count-error"
                                            role="alert"
                                        >
                                            {move || error.get().unwrap_or_default()}
                                        </span>
                                    </Show>
                                </label>
                            }
                        }
                    </For>
                </div>
            </Show>
            <fieldset class="chips">
                <legend>{(ts.dates_of)(verb)}</legend>
                <For each=move || 0..dates() key=|n| *n let:n>
                    <span class="date">
                        <input
                            type="date"
                            data-testid="school-item-date"
                            aria-label=format!("{}{}", (ts.dates_of)(verb), n + 1)
                            prop:value=move || answer(
                                state,
                                key,
                                |a| a.dates.get(n).cloned().unwrap_or_default(),
                            )
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                edit(
                                    Box::new(move |a| {
                                        if let Some(d) = a.dates.get_mut(n) {
                                            *d = v;
                                        }
                                    }),
                                );
                            }
                        />
                        <button
                            class="remove"
                            aria-label=(ts.date_remove)(n + 1)
                            on:click=move |_| edit(
                                Box::new(move |a| {
                                    if n < a.dates.len() {
                                        a.dates.remove(n);
                                    }
                                }),
                            )
                        >
                            "×"
                        </button>
                    </span>
                </For>
                <button
                    data-testid="school-date-add"
                    on:click=move |_| edit(Box::new(|a| a.dates.push(String::new())))
                >
                    {(ts.date_add_of)(verb)}
                </button>
            </fieldset>
            <fieldset class="chips">
                <legend>{ts.answer_channels}</legend>
                {CHANNELS
                    .iter()
                    .map(|ch| {
                        let checked = move || answer(
                            state,
                            key,
                            |a| a.channels_used.iter().any(|c| c == ch),
                        );
                        view! {
                            <label class="chip">
                                <input
                                    type="checkbox"
                                    data-testid="school-item-channel"
                                    value=*ch
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        edit(
                                            Box::new(move |a| {
                                                a.channels_used.retain(|c| c != ch);
                                                if on {
                                                    a.channels_used.push(ch.to_string());
                                                    a.channels_used
                                                        .sort_by_key(|c| CHANNELS.iter().position(|x| x == c));
                                                }
                                            }),
                                        );
                                    }
                                />
                                {*ch}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </article>
    }
}
