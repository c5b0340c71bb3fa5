//! `#/data`: backup export and import (with a summary before anything is replaced), storage status.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backup::{self, ImportSummary};
use crate::browser::backup_interval_days;
use crate::model::Workspace;
use crate::store::WORKSPACE_KEY;
use crate::text::t;
use crate::ui::dialog::Dialog;
use crate::ui::download::download_refusal;
use crate::ui::pages::overview::LoadExample;
use crate::ui::state::{unreadable_copies, AppState};
use crate::ui::widgets::FilePicker;
use crate::web::download::download_text;
use crate::web::file_input::{read_text, take_files};
use crate::web::storage::BrowserStorage;
use crate::web::{browser, clock};

/// A checked backup waiting for the user's confirmation.
#[derive(Clone)]
struct PendingImport {
    file: String,
    workspace: Workspace,
    summary: ImportSummary,
}

fn years(list: &[u16]) -> String {
    list.iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(t().list_separator)
}

#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = RwSignal::new(None::<PendingImport>);
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = take_files(&ev).into_iter().next() else {
            return;
        };
        error.set(None);
        pending.set(None);
        reading.set(true);
        spawn_local(async move {
            let name = file.name();
            let text = read_text(&file).await;
            reading.set(false);
            let Some(text) = text else {
                error.set(Some((t().import_error)(&name, t().file_read_failed)));
                return;
            };
            match backup::import(&text) {
                Ok(workspace) => {
                    let summary = state
                        .ws
                        .with_untracked(|cur| backup::summarize(cur, &workspace));
                    pending.set(Some(PendingImport {
                        file: name,
                        workspace,
                        summary,
                    }));
                }
                Err(e) => error.set(Some((t().import_error)(&name, &t().load_error(&e)))),
            }
        });
    };
    let confirm = move |_| {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            state.replace_all(p.workspace, t().import_done);
        }
    };

    view! {
        <section data-testid="page-data">
            <h2>{t().data_title}</h2>
            <div class="card">
                <h3>{t().export_backup}</h3>
                <p class="hint">{t().export_backup_hint}</p>
                <button data-testid="export-backup" on:click=move |_| state.export_backup()>
                    {t().export_backup}
                </button>
            </div>
            <div class="card">
                <h3>{t().import_backup}</h3>
                <p class="hint">{t().import_backup_hint}</p>
                <FilePicker
                    testid="import-backup"
                    accept=".json,application/json"
                    label=t().import_backup
                    on_change=on_file
                />
                <Show when=move || reading.get()>
                    <p role="status">{t().import_reading}</p>
                </Show>
                <Show when=move || error.with(Option::is_some)>
                    <p class="field-error" data-testid="import-error" role="alert">
                        {move || error.get().unwrap_or_default()}
                    </p>
                </Show>
                {move || {
                    pending
                        .get()
                        .map(|p| {
                            view! {
                                <Dialog
                                    testid="import-summary"
                                    title=(t().import_summary_title)(&p.file)
                                    alert=true
                                    on_close=Callback::new(move |()| pending.set(None))
                                >
                                    <ul>
                                        <li>
                                            {(t()
                                                .import_unit)(
                                                &p.summary.unit_before,
                                                &p.summary.unit_after,
                                            )}
                                        </li>
                                        {(!p.summary.added.is_empty())
                                            .then(|| {
                                                view! {
                                                    <li>{t().import_added}"：" {years(&p.summary.added)}</li>
                                                }
                                            })}
                                        {(!p.summary.removed.is_empty())
                                            .then(|| {
                                                view! {
                                                    <li class="danger">
                                                        {t().import_removed}"：" {years(&p.summary.removed)}
                                                    </li>
                                                }
                                            })}
                                        {(!p.summary.changed.is_empty())
                                            .then(|| {
                                                view! {
                                                    <li>
                                                        {t().import_changed}"：" {years(&p.summary.changed)}
                                                    </li>
                                                }
                                            })}
                                        {(!p.summary.unchanged.is_empty())
                                            .then(|| {
                                                view! {
                                                    <li>
                                                        {t().import_unchanged}"：" {years(&p.summary.unchanged)}
                                                    </li>
                                                }
                                            })}
                                    </ul>
                                    {p
                                        .summary
                                        .is_noop()
                                        .then(|| view! { <p>{t().import_noop}</p> })}
                                    <div class="actions">
                                        <button
                                            class="primary"
                                            data-testid="import-confirm"
                                            on:click=confirm
                                        >
                                            {t().import_confirm}
                                        </button>
                                        <button
                                            data-testid="import-cancel"
                                            autofocus=true
                                            on:click=move |_| pending.set(None)
                                        >
                                            {t().import_cancel}
                                        </button>
                                    </div>
                                </Dialog>
                            }
                        })
                }}
            </div>
            <StorageStatus />
            <LoadExample />
        </section>
    }
}

#[component]
fn StorageStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Keys of the unreadable copies kept in storage, oldest first.
    let copies = RwSignal::new(
        BrowserStorage::attach()
            .map(|s| {
                unreadable_copies(&s, state.slot)
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    let download = move |key: String, n: usize| {
        let text = BrowserStorage::attach().and_then(|s| s.get(&key).ok().flatten());
        let name = (t().corrupt_file_name)(clock::now_ms() as u64);
        let name = name.replacen(".txt", &format!("-{n}.txt"), 1);
        let Some(text) = text else {
            state.notice.set(Some(t().download_failed.to_string()));
            return;
        };
        if let Err(e) = download_text(&name, "text/plain;charset=utf-8", &text) {
            state
                .notice
                .set(Some(download_refusal(&e, t().download_failed)));
        }
    };
    spawn_local(async move { state.say_persisted(browser::persisted().await) });
    // WebKit deletes the storage of a site not visited for 7 days, unless it is on the home screen.
    let webkit = browser::storage_limited();
    let size_kb = move || {
        state.revision.track();
        BrowserStorage::attach().map(|s| s.len_of(WORKSPACE_KEY) as f64 * 2.0 / 1024.0)
    };
    view! {
        <div class="card" data-testid="storage-status">
            <h3>{t().storage_status_title}</h3>
            <p>
                {move || {
                    if state.issue.with(Option::is_some)
                        || state.corrupt.with(|c| c.as_ref().is_some_and(|c| !c.preserved))
                    {
                        t().storage_mode_memory
                    } else {
                        t().storage_mode_ok
                    }
                }}
            </p>
            <p>{move || (t().storage_revision)(state.revision.get())}</p>
            <p>{move || size_kb().map(t().storage_size).unwrap_or_default()}</p>
            <p data-testid="storage-persist">{move || state.persisted.get()}</p>
            {webkit
                .then(|| {
                    view! {
                        <p class="reminder" data-testid="storage-webkit">
                            {(t().browser.webkit_limit)(backup_interval_days(true))}
                            {move || state.backup_reminder()}
                        </p>
                    }
                })}
            <Show when=move || copies.with(|c| !c.is_empty())>
                <p data-testid="unreadable-copies">
                    {move || (t().safeguards.unreadable_copies)(copies.with(Vec::len))}
                </p>
                <div class="actions">
                    {move || {
                        copies
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, key)| {
                                view! {
                                    <button
                                        data-testid="download-unreadable"
                                        on:click=move |_| download(key.clone(), i + 1)
                                    >
                                        {(t().safeguards.unreadable_download)(i + 1)}
                                    </button>
                                }
                            })
                            .collect_view()
                    }}
                    <button
                        data-testid="delete-unreadable"
                        on:click=move |_| {
                            if let Some(s) = BrowserStorage::attach() {
                                for key in copies.get_untracked() {
                                    s.remove(&key);
                                }
                            }
                            copies.set(Vec::new());
                        }
                    >
                        {t().safeguards.unreadable_delete_all}
                    </button>
                </div>
            </Show>
        </div>
    }
}
