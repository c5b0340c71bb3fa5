//! `#/schools`: the bureau's side of school submissions — download the filling pack, import many
//! submission files at once (picked or dropped) with a preview of each file before anything is merged,
//! the dashboard of who has submitted (and the CSV of who has not), and the school list shared with
//! the district data. Every decision is the core's (`school`); this page reads files and downloads.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalog;
use crate::model::{Placement, RemovedSchool, RemovedText, School, Stage};
use crate::page_data::SchoolsPageData;
use crate::report::school_paragraphs;
use crate::school::{
    add_school, apply, assigned_items, consequence, dashboard, kept_from_removed, make_pack_of,
    missing_csv, pack_file_name, preview, relink, remove_school, restore, write_pack, ChangeKind,
    Consequence, Dashboard, Incoming, MissingWords, Preview, Status, Verdict,
};
use crate::text::{school_page, t};
use crate::ui::dialog::Dialog;
use crate::ui::module_page::PageState;
use crate::ui::said::{Said, SaidHere};
use crate::ui::widgets::FilePicker;

use super::item_schools::SchoolItems;
use super::school_style::SchoolStyle;
use crate::ui::download::download_refusal;
use crate::web::clock::{self, local_datetime};
use crate::web::dom;
use crate::web::download::{download_bytes, download_text};
use crate::web::file_input::{dropped_files, read_text, take_files};
use crate::web::storage::BrowserStorage;

/// What the page works on (its data and the workbench's edit path).
type SchoolsState = PageState<SchoolsPageData>;

#[component]
pub fn SchoolsPage() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    view! {
        <section data-testid="page-schools">
            <SchoolStyle />
            <h2>{ts.title}</h2>
            <p class="hint">{ts.intro}</p>
            <Show when=move || state.data.with(|d| d.report().is_none())>
                <p class="hint">{t().no_report}</p>
            </Show>
            <p class="hint" data-testid="school-how-to-open">
                {ts.how_to_open}
            </p>
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
    let said = Said::new();
    let download = move |_| {
        let now = clock::now_iso();
        let made = state
            .data
            .with_untracked(|d| make_pack_of(d.report(), &d.schools, &now));
        let mut pack = match made {
            Ok(pack) => pack,
            Err(p) => return said.refused(ts.pack_problem(p)),
        };
        pack.how_to_open = (ts.pack_how_to_open)(&dom::served_address("#/school"));
        let name = pack_file_name(&pack);
        if let Err(e) = download_text(&name, "application/json", &write_pack(&pack)) {
            said.refused(download_refusal(&e, t().download_failed));
        } else {
            said.done((t().feedback.exported)(&name));
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
            <SaidHere said=said testid="pack-export-said" />
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
    let said = Said::new();
    let read_all = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        reading.set(files.len());
        pending.set(None);
        said.clear();
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
            return said.refused(ts.nothing_to_apply);
        }
        let mut done = Default::default();
        state.edit(|d| {
            if let Some(r) = d.report_mut() {
                done = apply(r, &p, &chosen);
            }
        });
        let done: crate::school::Applied = done;
        said.done((ts.applied)(done.added, done.replaced));
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
            <SaidHere said=said testid="merge-said" />
        </div>
    }
}

/// The preview of a batch: each file's school, year, items and what it would change.
#[component]
fn PreviewView(preview: Preview, confirmed: RwSignal<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let placement = move |category: &str, item: &str| {
        state.data.with_untracked(|d| {
            d.report()
                .and_then(|r| r.category(category))
                .and_then(|c| c.items.iter().find(|i| i.id == item))
                .map(|i| i.schools.placement)
                .unwrap_or_default()
        })
    };
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
            let prose: Vec<String> = f
                .submission
                .as_ref()
                .filter(|_| !refused)
                .map(|s| {
                    s.items
                        .iter()
                        .filter(|i| i.is_filled())
                        .flat_map(|i| match placement(&i.category, &i.item) {
                            Placement::PerSchool => school_paragraphs(
                                s.school.name.trim(),
                                i,
                                catalog::date_verb(&i.category, &i.item),
                            ),
                            other => vec![format!("{}{}", i.name, (ts.preview_placement)(other))],
                        })
                        .collect()
                })
                .unwrap_or_default();
            let has_prose = f.submission.is_some() && !refused;
            let empty: Vec<String> = f
                .submission
                .as_ref()
                .filter(|_| !refused)
                .map(|s| {
                    s.items
                        .iter()
                        .filter(|i| !i.is_filled())
                        .map(|i| i.name.trim().to_string())
                        .collect()
                })
                .unwrap_or_default();
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
                    {(!empty.is_empty())
                        .then(|| {
                            view! {
                                <p class="field-error" data-testid="merge-empty">
                                    {ts.preview_empty}
                                    {empty.join(t().list_separator)}
                                </p>
                            }
                        })}
                    {has_prose
                        .then(|| {
                            let none = prose.is_empty();
                            view! {
                                <div class="merge-prose" data-testid="merge-prose">
                                    <p class="hint">{ts.preview_prose}</p>
                                    {none
                                        .then(|| {
                                            view! { <p class="hint">{ts.preview_prose_none}</p> }
                                        })}
                                    {prose
                                        .into_iter()
                                        .map(|p| view! { <p class="prose">{p}</p> })
                                        .collect_view()}
                                </div>
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

/// The icon beside a status (the colour and the word say it too).
fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Submitted => "✓",
        Status::NotYet => "○",
        Status::Outdated => "!",
    }
}

/// Who has submitted, per school and per item, and the CSV of the schools still missing.
#[component]
fn Board() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let said = Said::new();
    let board = Memo::new(move |_| {
        state.data.with(|d| {
            d.report()
                .map(|r| dashboard(r, &d.schools))
                .unwrap_or_default()
        })
    });
    let kept = move || {
        state
            .data
            .with(|d| d.report().map(kept_from_removed).unwrap_or_default())
    };
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
        if let Err(e) = download_bytes(&name, "text/csv;charset=utf-8", &bytes) {
            said.refused(download_refusal(&e, t().download_failed));
        } else {
            said.done((t().feedback.exported)(&name));
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
                    let filled = (ts.filled_of)(filled, r.filled.len());
                    let title = format!("{} {time} · {} {filled}", ts.col_time, ts.col_filled);
                    view! {
                        <li
                            class=format!("school-row {}", status_key(r.status))
                            data-testid="school-row"
                            data-school=r.school_id.clone()
                            data-status=status_key(r.status)
                            title=title
                        >
                            <span class="status-icon" aria-hidden="true">
                                {status_icon(r.status)}
                            </span>
                            <span class="status">{ts.status(r.status)}</span>
                            <strong>{r.name.clone()}</strong>
                            <span class="hint">{filled}</span>
                            <span class="hint school-time">{time}</span>
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
    let count = move |status: Status, help: &'static str| {
        view! {
            <span
                class=format!("count {}", status_key(status))
                title=help
                data-testid=format!("count-{}", status_key(status))
            >
                {status_icon(status)}
                " "
                {ts.status(status)}
                " "
                <strong>{move || board.with(|b| b.count(status))}</strong>
                " "
                {ts.schools_unit}
            </span>
        }
    };
    view! {
        <div class="card" data-testid="school-dashboard">
            <h3>{ts.dashboard_title}</h3>
            <p class="dashboard-counts" data-testid="dashboard-counts">
                {count(Status::NotYet, ts.count_not_yet_help)}
                {count(Status::Outdated, ts.count_outdated_help)}
                {count(Status::Submitted, ts.count_submitted_help)}
            </p>
            <p class="hint" data-testid="dashboard-help">
                {ts.counts_help}
            </p>
            <ul class="school-status">{rows}</ul>
            <Show when=move || !kept().is_empty()>
                <p class="hint" data-testid="kept-from-removed">
                    {move || (ts.kept_from_removed)(&kept().join(t().list_separator))}
                </p>
            </Show>
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
            <SaidHere said=said testid="missing-export-said" />
        </div>
    }
}

const STAGES: [(Stage, &str); 3] = [
    (Stage::Primary, "primary"),
    (Stage::Middle, "middle"),
    (Stage::Both, "both"),
];

/// A line of the school list: a school, or the place of the school deleted last (with 撤销).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Entry {
    School(String),
    Removed,
    /// After 撤销: the line saying which school came back, after it.
    Restored,
}

/// Where the school deleted last is held for 撤销, so that a reload keeps it (docs/data-formats.md,
/// browser storage). Undo data only: a value that does not read means nothing to undo.
const HELD_KEY: &str = "gongkai:removed-school";

fn load_held() -> Option<RemovedSchool> {
    let text = BrowserStorage::attach()?.get(HELD_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Holds `now` (or nothing) for 撤销: in the page, and in storage for a reload. A failed write (a full
/// store) keeps 撤销 for this visit.
fn hold(held: RwSignal<Option<RemovedSchool>>, now: Option<RemovedSchool>) {
    if let Some(store) = BrowserStorage::attach() {
        match now.as_ref().and_then(|h| serde_json::to_string(h).ok()) {
            Some(text) => {
                let _ = store.set(HELD_KEY, &text);
            }
            None => store.remove(HELD_KEY),
        }
    }
    held.set(now);
}

/// Deletes school `id` (its text kept in the report or taken out) and holds it in `held`; its line,
/// which says so and offers 撤销, then takes the focus.
fn delete(state: SchoolsState, held: RwSignal<Option<RemovedSchool>>, id: &str, keep: bool) {
    let mut done = None;
    let mut now = held.get_untracked();
    state.edit(|d| {
        done = remove_school(&mut d.schools, d.report.as_mut(), &mut now, id, keep);
    });
    if done.is_some() {
        hold(held, now);
        request_animation_frame(|| {
            dom::focus("[data-testid=school-restore]", false);
        });
    }
}

/// The school list (shared with the district data): name, 学段, address, phone. Deleting a school
/// whose file was merged asks first what becomes of its text; the deleted school keeps its place in
/// the list with 撤销 until the next deletion, also after a reload.
#[component]
fn SchoolList() -> impl IntoView {
    let state = expect_context::<SchoolsState>();
    let ts = school_page();
    let said = Said::new();
    let asking = RwSignal::new(None::<(String, Consequence)>);
    let restored = RwSignal::new(None::<(String, String)>);
    let held = RwSignal::new(load_held());
    let entries = Memo::new(move |_| {
        state.data.with(|d| {
            let mut list: Vec<Entry> = d
                .schools
                .iter()
                .map(|s| Entry::School(s.id.clone()))
                .collect();
            if let Some(r) = held.get() {
                list.insert(r.index.min(list.len()), Entry::Removed);
            }
            let after = restored.with(|r| {
                r.as_ref()
                    .and_then(|(id, _)| d.schools.iter().position(|s| &s.id == id))
            });
            if let Some(at) = after {
                list.insert(at + 1, Entry::Restored);
            }
            list
        })
    });
    let empty = move || state.data.with(|d| d.schools.is_empty());
    let add = move |_| {
        let held = held.get_untracked();
        state.edit(|d| {
            let report = d.report.as_mut();
            add_school(
                &mut d.schools,
                report,
                held.as_ref(),
                ts.school_new_name,
                Stage::Primary,
            );
        });
        said.clear();
        restored.set(None);
    };
    let ask_or_delete = Callback::new(move |id: String| {
        said.clear();
        restored.set(None);
        let c = state
            .data
            .with_untracked(|d| consequence(&d.schools, d.report(), &d.ruled, &id));
        match c {
            Some(c) => asking.set(Some((id, c))),
            None => delete(state, held, &id, false),
        }
    });
    let choose = move |keep: bool| {
        if let Some((id, _)) = asking.get_untracked() {
            asking.set(None);
            delete(state, held, &id, keep);
        }
    };
    let undo = move |_| {
        let mut done = None;
        let mut now = held.get_untracked();
        let id = now
            .as_ref()
            .map(|r| r.school.id.clone())
            .unwrap_or_default();
        state.edit(|d| {
            done = restore(&mut d.schools, d.report.as_mut(), &mut now);
        });
        if done.is_some() {
            hold(held, now);
        }
        match done {
            Some(name) => {
                restored.set(Some((id, (ts.restored)(&name))));
                request_animation_frame(|| {
                    dom::focus("[data-testid=school-restored]", false);
                });
            }
            None => said.refused(ts.restore_blocked),
        }
    };
    let removed_line = move || {
        held.with(|h| {
            h.as_ref()
                .map(|r| {
                    let name = r.school.name.trim();
                    if r.text == RemovedText::Kept {
                        (ts.removed_kept)(name)
                    } else {
                        (ts.removed_dropped)(name)
                    }
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="card" data-testid="school-list">
            <h3>{ts.list_title}</h3>
            <p class="hint">{ts.list_hint}</p>
            <Show when=empty>
                <p class="hint">{ts.list_empty}</p>
            </Show>
            <For each=move || entries.get() key=|e| e.clone() let:entry>
                {match entry {
                    Entry::School(id) => {
                        view! { <SchoolEditor id=id on_remove=ask_or_delete /> }.into_any()
                    }
                    Entry::Removed => {
                        view! {
                            <div class="removed-school" data-testid="school-removed">
                                <span role="status" id="school-removed-text">
                                    {removed_line}
                                </span>
                                <button
                                    data-testid="school-restore"
                                    aria-describedby="school-removed-text"
                                    on:click=undo
                                >
                                    {ts.restore}
                                </button>
                                <SaidHere said=said testid="school-list-said" />
                            </div>
                        }
                            .into_any()
                    }
                    Entry::Restored => {
                        view! {
                            <p
                                class="restored-school"
                                role="status"
                                tabindex="-1"
                                data-testid="school-restored"
                            >
                                {move || restored.get().map(|(_, m)| m).unwrap_or_default()}
                            </p>
                        }
                            .into_any()
                    }
                }}
            </For>
            <button data-testid="school-add" on:click=add>
                {ts.school_add}
            </button>
        </div>
        <Show when=move || asking.with(Option::is_some)>
            <Dialog
                testid="school-remove-dialog"
                title=asking
                    .with_untracked(|a| a.as_ref().map(|(_, c)| (ts.remove_title)(&c.name)))
                    .unwrap_or_default()
                alert=true
                on_close=Callback::new(move |()| asking.set(None))
            >
                {move || {
                    asking
                        .get()
                        .map(|(_, c)| {
                            view! {
                                {c
                                    .merged
                                    .then(|| view! { <p>{(ts.remove_body)(c.filled_items)}</p> })}
                                {(c.rules != 0)
                                    .then(|| {
                                        view! {
                                            <p data-testid="school-remove-rules">
                                                {(ts.remove_rules)(c.rules)}
                                            </p>
                                        }
                                    })}
                                <div class="actions stacked">
                                    {if c.merged {
                                        view! {
                                            <button
                                                class="primary"
                                                data-testid="school-remove-keep"
                                                on:click=move |_| choose(true)
                                            >
                                                {ts.remove_keep}
                                            </button>
                                            <button
                                                data-testid="school-remove-drop"
                                                on:click=move |_| choose(false)
                                            >
                                                {ts.remove_drop}
                                            </button>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <button
                                                class="primary"
                                                data-testid="school-remove-confirm"
                                                on:click=move |_| choose(false)
                                            >
                                                {ts.remove_confirm}
                                            </button>
                                        }
                                            .into_any()
                                    }}
                                    <button
                                        data-testid="school-remove-cancel"
                                        autofocus=true
                                        on:click=move |_| asking.set(None)
                                    >
                                        {ts.cancel}
                                    </button>
                                </div>
                            }
                        })
                }}
            </Dialog>
        </Show>
    }
}

#[component]
fn SchoolEditor(id: String, on_remove: Callback<String>) -> impl IntoView {
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
            <label>
                <span>{ts.school_name}</span>
                <input
                    type="text"
                    data-testid="school-name"
                    prop:value=get(|s| s.name.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        state
                            .edit(|d| {
                                let at = id
                                    .with_value(|id| d.schools.iter().position(|s| &s.id == id));
                                if let Some(at) = at {
                                    d.schools[at].name = v;
                                }
                                if let Some(r) = d.report.as_mut() {
                                    relink(&d.schools, r);
                                }
                            });
                    }
                />
            </label>
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
                on:click=move |_| on_remove.run(id.get_value())
            >
                {t().item_remove}
            </button>
        </div>
    }
}
