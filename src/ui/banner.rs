//! Banners under the header: storage problems (`storage-error`), two-tab conflicts, lasting alerts,
//! passing notices (gone after a few seconds) and the offer to undo a deletion.

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

use super::state::{AppState, StorageIssue, NOTICE_TIME, UNDO_TIME};
use crate::text::t;
use crate::web::dom;

/// Clears `message` `after` it was set, unless it changed meanwhile; waits while the focus is inside
/// the banner `selector` (the user is about to press its button).
fn expire(
    message: RwSignal<Option<String>>,
    after: Duration,
    selector: &'static str,
    on_expire: impl Fn() + Copy + Send + Sync + 'static,
) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    fn arm(
        message: RwSignal<Option<String>>,
        shown: String,
        after: Duration,
        selector: &'static str,
        timer: StoredValue<Option<TimeoutHandle>>,
        on_expire: impl Fn() + Copy + Send + Sync + 'static,
    ) {
        let handle = set_timeout_with_handle(
            move || {
                if message.try_with_untracked(|m| m.as_deref() == Some(shown.as_str()))
                    != Some(true)
                {
                    return;
                }
                if dom::focus_within(selector) {
                    arm(message, shown, after, selector, timer, on_expire);
                } else {
                    on_expire();
                }
            },
            after,
        )
        .ok();
        timer.try_set_value(handle);
    }
    Effect::new(move |_| {
        if let Some(old) = timer.try_update_value(Option::take).flatten() {
            old.clear();
        }
        if let Some(shown) = message.get() {
            arm(message, shown, after, selector, timer, on_expire);
        }
    });
}

#[component]
pub fn Banners() -> impl IntoView {
    let state = expect_context::<AppState>();
    expire(
        state.notice,
        NOTICE_TIME,
        "[data-testid=notice]",
        move || state.notice.set(None),
    );
    expire(
        state.undo_text,
        UNDO_TIME,
        "[data-testid=undo-offer]",
        move || state.forget_undo(),
    );
    // In school mode the safe copy is the submission file, which the page itself exports.
    let bureau = !state.school_mode();
    let storage_message = move || {
        let mut lines = Vec::new();
        if let Some(c) = state.corrupt.get() {
            lines.push(if c.preserved && c.during_save {
                (t().safeguards.storage_corrupt_on_save)(&c.reason)
            } else if c.preserved {
                (t().storage_corrupt)(&c.reason)
            } else {
                t().storage_corrupt_unsaved.to_string()
            });
        }
        match state.issue.get() {
            Some(StorageIssue::Blocked) => lines.push(t().storage_blocked.to_string()),
            Some(StorageIssue::Quota) => lines.push(t().storage_quota.to_string()),
            Some(StorageIssue::Failed(m)) => lines.push((t().storage_failed)(&m)),
            Some(StorageIssue::RevisionLimit) => lines.push(t().storage_revision_limit.to_string()),
            None => {}
        }
        if !bureau && !lines.is_empty() {
            lines.push(t().school.storage_hint.to_string());
        }
        lines
    };
    view! {
        <Show when=move || !storage_message().is_empty()>
            <div class="banner error" data-testid="storage-error" role="alert">
                {move || storage_message().into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                <div class="actions">
                    <Show when=move || state.corrupt.with(Option::is_some)>
                        <button
                            data-testid="download-corrupt"
                            on:click=move |_| state.download_corrupt()
                        >
                            {t().download_corrupt}
                        </button>
                    </Show>
                    {bureau
                        .then(|| {
                            view! {
                                <button
                                    data-testid="banner-export-backup"
                                    on:click=move |_| state.export_backup()
                                >
                                    {t().banner_export}
                                </button>
                            }
                        })}
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
                    {bureau
                        .then(|| {
                            view! {
                                <button on:click=move |_| {
                                    state.export_backup()
                                }>{t().banner_export}</button>
                            }
                        })}
                </div>
            </div>
        </Show>
        <Show when=move || state.alert.with(Option::is_some)>
            <div class="banner warn" data-testid="alert" role="alert">
                <p>{move || state.alert.get().unwrap_or_default()}</p>
                <button class="close" aria-label=t().close on:click=move |_| state.alert.set(None)>
                    "×"
                </button>
            </div>
        </Show>
        <div class="live" role="status" aria-live="polite">
            <Show when=move || state.undo_text.with(Option::is_some)>
                <div class="banner info" data-testid="undo-offer">
                    <p>{move || state.undo_text.get().unwrap_or_default()}</p>
                    <div class="actions">
                        <button data-testid="undo" on:click=move |_| state.undo()>
                            {t().feedback.undo}
                        </button>
                        <button
                            class="close"
                            aria-label=t().close
                            on:click=move |_| state.forget_undo()
                        >
                            "×"
                        </button>
                    </div>
                </div>
            </Show>
            <Show when=move || state.notice.with(Option::is_some)>
                <div class="banner info" data-testid="notice">
                    <p>{move || state.notice.get().unwrap_or_default()}</p>
                    <button
                        class="close"
                        aria-label=t().close
                        on:click=move |_| state.notice.set(None)
                    >
                        "×"
                    </button>
                </div>
            </Show>
        </div>
    }
}
