//! Banners under the header: storage problems (`storage-error`), two-tab conflicts, passing notices.

use leptos::prelude::*;

use super::state::{AppState, StorageIssue};
use crate::text::t;

#[component]
pub fn Banners() -> impl IntoView {
    let state = expect_context::<AppState>();
    let storage_message = move || {
        let mut lines = Vec::new();
        if let Some(c) = state.corrupt.get() {
            lines.push(if c.preserved {
                (t().storage_corrupt)(&c.reason)
            } else {
                t().storage_corrupt_unsaved.to_string()
            });
        }
        match state.issue.get() {
            Some(StorageIssue::Blocked) => lines.push(t().storage_blocked.to_string()),
            Some(StorageIssue::Quota) => lines.push(t().storage_quota.to_string()),
            Some(StorageIssue::Failed(m)) => lines.push((t().storage_failed)(&m)),
            None => {}
        }
        lines
    };
    view! {
        <Show when=move || !storage_message().is_empty()>
            <div class="banner error" data-testid="storage-error" role="alert">
                {move || storage_message().into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                <div class="actions">
                    <Show when=move || state.corrupt.with(Option::is_some)>
                        <button data-testid="download-corrupt" on:click=move |_| state.download_corrupt()>
                            {t().download_corrupt}
                        </button>
                    </Show>
                    <button data-testid="banner-export-backup" on:click=move |_| state.export_backup()>
                        {t().banner_export}
                    </button>
                </div>
            </div>
        </Show>
        <Show when=move || state.conflict.with(Option::is_some)>
            <div class="banner warn" data-testid="conflict" role="alert">
                <p>{move || (t().conflict_body)(state.conflict.get().unwrap_or_default())}</p>
                <div class="actions">
                    <button data-testid="conflict-use-theirs" on:click=move |_| state.use_theirs()>
                        {t().conflict_use_theirs}
                    </button>
                    <button data-testid="conflict-keep-mine" on:click=move |_| state.keep_mine()>
                        {t().conflict_keep_mine}
                    </button>
                    <button on:click=move |_| state.export_backup()>{t().banner_export}</button>
                </div>
            </div>
        </Show>
        <Show when=move || state.notice.with(Option::is_some)>
            <div class="banner info" data-testid="notice" role="status">
                <p>{move || state.notice.get().unwrap_or_default()}</p>
                <button class="close" aria-label=t().close on:click=move |_| state.notice.set(None)>"×"</button>
            </div>
        </Show>
    }
}
