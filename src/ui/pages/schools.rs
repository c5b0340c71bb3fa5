//! `#/schools`: the bureau's side of school submissions — download the filling pack, import many
//! submission files at once (picked or dropped) with a preview of each file before anything is merged,
//! the dashboard of who has submitted (and the CSV of who has not), and the school list shared with
//! the district data. Every decision is the core's (`school`); this page reads files and downloads.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalog;
use crate::model::{School, Stage};
use crate::page_data::SchoolsPageData;
use crate::school::{
    apply, assigned_items, dashboard, make_pack_of, missing_csv, pack_file_name, preview,
    write_pack, ChangeKind, Dashboard, Incoming, MissingWords, Preview, Status, Verdict,
};
use crate::text::{school_page, t};
use crate::ui::module_page::PageState;
use crate::ui::widgets::FilePicker;

use super::item_schools::SchoolItems;
use crate::web::clock::{self, local_datetime};
use crate::web::dom;
use crate::web::download::{download_bytes, download_text};
use crate::web::file_input::{dropped_files, read_text, take_files};

/// What the page works on (its data and the workbench's edit path).
type SchoolsState = PageState<SchoolsPageData>;

#[component]
pub fn SchoolsPage() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    view! {
        <section data-testid="page-schools">
            <h2>{ts.title}</h2>
            <p class="hint">{ts.intro}</p>
            <Show when=move || state.data.with(|d| d.report().is_none())>
                <p class="hint">{t().no_report}</p>
            </Show>
            <PackCard />
            <SchoolItems />
            <ImportCard />
            <Board />
            <SchoolList />
            <p>
                <a href="#/school">{ts.to_school_mode}</a>
            </p>
        </section>
    }
}

/// The items assigned to schools and the pack download.
#[component]
fn PackCard() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let problem = move || {
        state
            .data
            .with(|d| make_pack_of(d.report(), &d.schools, "").err())
    };
    let assigned = move || {
        state
            .data
            .with(|d| d.report().map(assigned_items).unwrap_or_default())
    };
    let download = move |_| {
        let now = clock::now_iso();
        let made = state
            .data
            .with_untracked(|d| make_pack_of(d.report(), &d.schools, &now));
        let Ok(pack) = made else { return };
        let name = pack_file_name(&pack);
        if download_text(&name, "application/json", &write_pack(&pack)).is_err() {
            state.alert(t().download_failed.to_string());
        } else {
            state.notice((t().feedback.exported)(&name));
        }
    };
    view! {
        <div class="card">
            <h3>{ts.pack_title}</h3>
            <p class="hint">{ts.pack_hint}</p>
            <h4>{ts.assigned_title}</h4>
            <ul data-testid="assigned-items">
                {move || {
                    assigned()
                        .into_iter()
                        .map(|i| {
                            let category = catalog::category(&i.category)
                                .map(|c| c.name)
                                .unwrap_or("");
                            view! {
                                <li>
                                    <a href=format!(
                                        "#/category/{}",
                                        i.category,
                                    )>{category}" · "{i.name}</a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="hint">{ts.assigned_hint}</p>
            <Show when=move || problem().is_some()>
                <p class="field-error" data-testid="pack-problem">
                    {move || problem().map(|p| ts.pack_problem(p)).unwrap_or_default()}
                </p>
            </Show>
            <button
                class="primary"
                data-testid="pack-export"
                disabled=move || problem().is_some()
                on:click=download
            >
                {ts.pack_export}
            </button>
        </div>
    }
}

fn verdict_key(v: &Verdict) -> &'static str {
    match v {
        Verdict::Refused(_) => "refused",
        Verdict::New => "new",
        Verdict::Replaces { .. } => "replaces",
        Verdict::Same => "same",
        Verdict::Superseded { .. } => "superseded",
        Verdict::Older { .. } => "older",
    }
}

/// Importing submissions: the picker, the drop box, and the preview.
#[component]
fn ImportCard() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let pending = RwSignal::new(None::<Preview>);
    let confirmed = RwSignal::new(Vec::<usize>::new());
    let reading = RwSignal::new(0usize);
    let read_all = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        reading.set(files.len());
        pending.set(None);
        spawn_local(async move {
            let mut incoming = Vec::with_capacity(files.len());
            for f in &files {
                let text = read_text(f).await.unwrap_or_default();
                incoming.push(Incoming {
                    name: f.name(),
                    text,
                });
            }
            reading.set(0);
            let p = state
                .data
                .with_untracked(|d| preview(d.report(), &d.schools, &incoming));
            confirmed.set(Vec::new());
            pending.set(Some(p));
            request_animation_frame(|| {
                dom::focus("[data-testid=merge-preview] h3", false);
            });
        });
    };
    let merge = move |_| {
        let (Some(p), chosen) = (pending.get_untracked(), confirmed.get_untracked()) else {
            return;
        };
        pending.set(None);
        if p.files.iter().all(|f| !f.applies()) && chosen.is_empty() {
            state.notice(ts.nothing_to_apply.to_string());
            return;
        }
        let mut done = Default::default();
        state.edit(|d| {
            if let Some(r) = d.report_mut() {
                done = apply(r, &p, &chosen);
            }
        });
        let done: crate::school::Applied = done;
        state.notice((ts.applied)(done.added, done.replaced));
    };
    view! {
        <div class="card">
            <h3>{ts.import_title}</h3>
            <p class="hint">{ts.import_hint}</p>
            <div
                class="drop-zone"
                data-testid="submission-drop"
                on:dragover=|ev| ev.prevent_default()
                on:drop=move |ev| {
                    ev.prevent_default();
                    read_all(dropped_files(&ev));
                }
            >
                <FilePicker
                    testid="submission-import"
                    accept=".json,application/json"
                    label=ts.import_label
                    multiple=true
                    on_change=move |ev| read_all(take_files(&ev))
                />
                <p class="hint">{ts.drop_here}</p>
            </div>
            <Show when=move || reading.get() != 0>
                <p role="status">{move || (ts.reading)(reading.get())}</p>
            </Show>
            {move || pending.get().map(|p| view! { <PreviewView preview=p confirmed=confirmed /> })}
            <Show when=move || pending.with(Option::is_some)>
                <div class="actions">
                    <button class="primary" data-testid="merge-apply" on:click=merge>
                        {ts.apply}
                    </button>
                    <button data-testid="merge-cancel" on:click=move |_| pending.set(None)>
                        {ts.cancel}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The preview of a batch: each file's school, year, items and what it would change.
#[component]
fn PreviewView(preview: Preview, confirmed: RwSignal<Vec<usize>>) -> impl IntoView {
    let ts = school_page();
    let counts = (ts.preview_counts)(
        preview.files.iter().filter(|f| f.applies()).count(),
        preview.count(|v| matches!(v, Verdict::Same | Verdict::Superseded { .. })),
        preview.count(|v| matches!(v, Verdict::Older { .. })),
        preview.count(|v| matches!(v, Verdict::Refused(_))),
    );
    let time = |iso: &str| local_datetime(iso);
    let files = preview
        .files
        .into_iter()
        .enumerate()
        .map(|(n, f)| {
            let refused = matches!(f.verdict, Verdict::Refused(_));
            let older = matches!(f.verdict, Verdict::Older { .. });
            let school = f.submission.as_ref().map(|s| {
                let filled = s.items.iter().filter(|i| i.is_filled()).count();
                (ts.preview_school)(&s.school.name, s.year, filled)
            });
            let changed: Vec<String> = f
                .changes
                .iter()
                .filter(|c| {
                    matches!(
                        c.kind,
                        ChangeKind::Added | ChangeKind::Changed | ChangeKind::Removed
                    )
                })
                .map(|c| format!("{}（{}）", c.name, ts.change(c.kind)))
                .collect();
            view! {
                <li
                    class="merge-file"
                    data-testid="merge-file"
                    data-verdict=verdict_key(&f.verdict)
                >
                    <p>
                        <strong>{f.file.clone()}</strong>
                    </p>
                    {school.map(|s| view! { <p data-testid="merge-school">{s}</p> })}
                    <p
                        class:field-error=refused
                        data-testid=if refused { "merge-refusal" } else { "merge-verdict" }
                    >
                        {ts.verdict(&f.verdict, &time)}
                    </p>
                    {(!changed.is_empty() && !refused)
                        .then(|| {
                            view! {
                                <p class="hint" data-testid="merge-changes">
                                    {ts.preview_changes}
                                    {changed.join(t().list_separator)}
                                </p>
                            }
                        })}
                    {older
                        .then(|| {
                            view! {
                                <label class="check-line">
                                    <input
                                        type="checkbox"
                                        data-testid="merge-confirm-older"
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            confirmed
                                                .update(|c| {
                                                    c.retain(|x| *x != n);
                                                    if on {
                                                        c.push(n);
                                                    }
                                                });
                                        }
                                    />
                                    {ts.confirm_older}
                                </label>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div
            class="merge-preview"
            data-testid="merge-preview"
            role="region"
            aria-label=ts.preview_title
        >
            <h3 tabindex="-1">{ts.preview_title}</h3>
            <p data-testid="merge-counts">{counts}</p>
            <ul class="merge-files">{files}</ul>
        </div>
    }
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Submitted => "submitted",
        Status::NotYet => "not_yet",
        Status::Outdated => "outdated",
    }
}

/// Who has submitted, per school and per item, and the CSV of the schools still missing.
#[component]
fn Board() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let board = Memo::new(move |_| {
        state.data.with(|d| {
            d.report()
                .map(|r| dashboard(r, &d.schools))
                .unwrap_or_default()
        })
    });
    let export = move |_| {
        let (bytes, name) = state.data.with_untracked(|w| {
            let words = MissingWords {
                header: ts.missing_header,
                status: |s| school_page().status(s),
                stage: |s| school_page().stage(s),
            };
            let bytes = missing_csv(&board.get_untracked(), &w.schools, &words, local_datetime);
            let (unit, year) = w
                .report()
                .map(|r| (r.unit_name.trim().to_string(), r.year))
                .unwrap_or_default();
            (
                bytes,
                crate::backup::safe_file_stem(&(ts.missing_file)(&unit, year)),
            )
        });
        if download_bytes(&name, "text/csv;charset=utf-8", &bytes).is_err() {
            state.alert(t().download_failed.to_string());
        } else {
            state.notice((t().feedback.exported)(&name));
        }
    };
    let rows = move || {
        board.with(|b: &Dashboard| {
            b.rows
                .iter()
                .map(|r| {
                    let filled = r.filled.iter().filter(|f| **f).count();
                    let time = r
                        .created_at
                        .as_deref()
                        .map(local_datetime)
                        .unwrap_or_else(|| "—".into());
                    view! {
                        <li
                            data-testid="school-row"
                            data-school=r.school_id.clone()
                            data-status=status_key(r.status)
                        >
                            <strong>{r.name.clone()}</strong>
                            " "
                            <span class=format!(
                                "status {}",
                                status_key(r.status),
                            )>{ts.status(r.status)}</span>
                            " "
                            <span>{ts.col_time}" "{time}</span>
                            " "
                            <span>{ts.col_filled}" "{(ts.filled_of)(filled, r.filled.len())}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let per_item = move || {
        board.with(|b| {
            let total = b.rows.len();
            b.items
                .iter()
                .enumerate()
                .map(|(n, i)| {
                    view! {
                        <li data-testid="item-completeness">
                            {(ts.item_filled)(&i.name, b.filled_count(n), total)}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="card" data-testid="school-dashboard">
            <h3>{ts.dashboard_title}</h3>
            <p data-testid="dashboard-counts">
                {move || {
                    board
                        .with(|b| (ts
                            .dashboard_counts)(
                            b.count(Status::Submitted),
                            b.count(Status::NotYet),
                            b.count(Status::Outdated),
                        ))
                }}
            </p>
            <ul class="school-status">{rows}</ul>
            <h4>{ts.per_item_title}</h4>
            <ul>{per_item}</ul>
            <Show
                when=move || board.with(|b| b.missing().next().is_some())
                fallback=move || view! { <p class="hint">{ts.no_schools_missing}</p> }
            >
                <button data-testid="missing-export" on:click=export>
                    {ts.missing_export}
                </button>
            </Show>
        </div>
    }
}

/// Removes school `id`; the message offers 撤销 (the workbench keeps the list as it was).
fn remove_school(d: &mut SchoolsPageData, id: &str) -> Option<String> {
    let at = d.schools.iter().position(|s| s.id == id)?;
    let school = d.schools.remove(at);
    Some((school_page().school_removed)(school.name.trim()))
}

const STAGES: [(Stage, &str); 3] = [
    (Stage::Primary, "primary"),
    (Stage::Middle, "middle"),
    (Stage::Both, "both"),
];

/// The school list (shared with the district data): name, 学段, address, phone.
#[component]
fn SchoolList() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let ids = Memo::new(move |_| {
        state
            .data
            .with(|d| d.schools.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
    });
    let add = move |_| {
        state.edit(|w| {
            let s = School::new(&w.schools, ts.school_new_name, Stage::Primary);
            w.schools.push(s);
        })
    };
    view! {
        <div class="card" data-testid="school-list">
            <h3>{ts.list_title}</h3>
            <p class="hint">{ts.list_hint}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="hint">{ts.list_empty}</p>
            </Show>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <SchoolEditor id=id />
            </For>
            <button data-testid="school-add" on:click=add>
                {ts.school_add}
            </button>
        </div>
    }
}

#[component]
fn SchoolEditor(id: String) -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let id = StoredValue::new(id);
    let get = move |f: fn(&School) -> String| {
        move || {
            state.data.with(|w| {
                id.with_value(|id| w.schools.iter().find(|s| &s.id == id).map(f))
                    .unwrap_or_default()
            })
        }
    };
    let edit = move |f: Box<dyn FnOnce(&mut School)>| {
        state.edit(|w| {
            if let Some(s) = id.with_value(|id| w.schools.iter_mut().find(|s| &s.id == id)) {
                f(s);
            }
        });
    };
    // A labelled text input bound to one text of the school.
    let text_field = move |label: &'static str,
                           testid: &'static str,
                           read: fn(&School) -> String,
                           write: fn(&mut School, String)| {
        view! {
            <label>
                <span>{label}</span>
                <input
                    type="text"
                    data-testid=testid
                    prop:value=get(read)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |s| write(s, v)));
                    }
                />
            </label>
        }
    };
    let stage = move || {
        state
            .data
            .with(|w| id.with_value(|id| w.schools.iter().find(|s| &s.id == id).map(|s| s.stage)))
    };
    view! {
        <div class="inline-form school-editor" data-testid="school-editor">
            {text_field(ts.school_name, "school-name", |s| s.name.clone(), |s, v| s.name = v)}
            <label>
                <span>{ts.school_stage}</span>
                <select
                    data-testid="school-stage"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let chosen = STAGES
                            .iter()
                            .find(|(_, k)| *k == v)
                            .map(|(s, _)| *s)
                            .unwrap_or_default();
                        edit(Box::new(move |s| s.stage = chosen));
                    }
                >
                    {STAGES
                        .iter()
                        .map(|(s, k)| {
                            view! {
                                <option value=*k selected=move || stage() == Some(*s)>
                                    {ts.stage(*s)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            {text_field(
                ts.school_address,
                "school-address",
                |s| s.address.clone(),
                |s, v| s.address = v,
            )}
            {text_field(ts.school_phone, "school-phone", |s| s.phone.clone(), |s, v| s.phone = v)}
            <button
                class="remove"
                data-testid="school-remove"
                aria-label=move || (ts.school_remove_label)(&get(|s| s.name.clone())())
                on:click=move |_| {
                    let id = id.get_value();
                    state.edit_undoable(|w| remove_school(w, &id));
                }
            >
                {t().item_remove}
            </button>
        </div>
    }
}
