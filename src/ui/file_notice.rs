//! The notice of the single HTML file opened from disk (`file://`): storage belongs to the file's
//! path, so moving the file loses the local data, and the backup file is the safe copy. Shown until
//! the user dismisses it once.

use leptos::prelude::*;

use super::state::AppState;
use crate::text::t;
use crate::web::dom::is_file_protocol;
use crate::web::storage::BrowserStorage;

/// Storage key remembering that the notice was dismissed (per file, like all file:// storage).
const DISMISSED_KEY: &str = "gongkai:file-notice-dismissed";

fn dismissed() -> bool {
    BrowserStorage::attach()
        .and_then(|s| s.get(DISMISSED_KEY).ok().flatten())
        .is_some()
}

#[component]
pub fn FileNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(is_file_protocol() && !dismissed());
    let dismiss = move |_| {
        if let Some(s) = BrowserStorage::attach() {
            // If storage is blocked the notice simply comes back next time.
            let _ = s.set(DISMISSED_KEY, "1");
        }
        open.set(false);
    };
    let texts = t().delivery;
    view! {
        <Show when=move || open.get()>
            <div class="banner warn file-notice" data-testid="file-notice" role="note">
                <p>
                    <strong>{texts.file_notice_title}</strong>
                </p>
                <p>{texts.file_notice_body}</p>
                <div class="actions">
                    <button
                        data-testid="file-notice-backup"
                        on:click=move |_| state.export_backup()
                    >
                        {texts.file_notice_backup}
                    </button>
                    <button data-testid="file-notice-dismiss" on:click=dismiss>
                        {texts.file_notice_dismiss}
                    </button>
                </div>
            </div>
        </Show>
    }
}
