//! The browser the page runs in: its user agent, whether the app is installed to the home screen,
//! and persistent storage (`navigator.storage.persist()`), each failure read as “unknown”.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::browser::{classify, Browser};

/// The engine and in-app browser, from the user agent (default when it cannot be read).
pub fn current() -> Browser {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .map(|ua| classify(&ua))
        .unwrap_or_default()
}

/// True when the page runs as an app added to the home screen (standalone display; iOS also sets
/// `navigator.standalone`), where WebKit does not apply its 7-day limit.
fn installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    standalone
        || js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
            .is_ok_and(|v| v.is_truthy())
}

/// True where WebKit may delete the site's storage after 7 days without a visit: WebKit, not
/// installed to the home screen.
pub fn storage_limited() -> bool {
    current().webkit && !installed()
}

/// The page's address, for “请在浏览器中打开”.
pub fn address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Whether storage is persistent now (`None`: the browser has no StorageManager).
pub async fn persisted() -> Option<bool> {
    let storage = storage_manager()?;
    bool_of(storage.persisted().ok()?).await
}

/// Asks the browser to keep the site's storage (Firefox asks the user; Chromium and WebKit decide by
/// themselves). `None`: no StorageManager, or the request failed.
pub async fn request_persist() -> Option<bool> {
    let storage = storage_manager()?;
    bool_of(storage.persist().ok()?).await
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing in old engines and in insecure contexts (plain http other than localhost).
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?;
    has.then(|| navigator.storage())
}

async fn bool_of(promise: js_sys::Promise) -> Option<bool> {
    JsFuture::from(promise).await.ok()?.as_bool()
}
