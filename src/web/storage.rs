//! localStorage access with every failure turned into a value: blocked storage, a full quota, other errors.

use thiserror::Error;
use wasm_bindgen::JsCast;

use crate::store::PROBE_KEY;

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// No usable localStorage (private mode, file:// with cookies blocked, …).
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// The write exceeded the quota; the previous value is untouched.
    #[error("quota exceeded")]
    Quota,
    #[error("storage error: {0}")]
    Other(String),
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", ex.name(), ex.message())
    } else {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }
}

fn is_quota(e: &wasm_bindgen::JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|ex| {
        let name = ex.name();
        name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || ex.code() == 22
    })
}

/// A handle on the page's localStorage.
#[derive(Clone)]
pub struct BrowserStorage(web_sys::Storage);

impl BrowserStorage {
    /// Opens localStorage and checks that it can be written. A full store still opens (reads work);
    /// the quota shows up on the first real write.
    pub fn open() -> Result<BrowserStorage, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        let storage = match window.local_storage() {
            Ok(Some(s)) => s,
            Ok(None) => return Err(StorageError::Unavailable("localStorage is null".into())),
            Err(e) => return Err(StorageError::Unavailable(describe(&e))),
        };
        let store = BrowserStorage(storage);
        match store.set(PROBE_KEY, "1") {
            Ok(()) | Err(StorageError::Quota) => {}
            Err(e) => return Err(StorageError::Unavailable(e.to_string())),
        }
        let _ = store.0.remove_item(PROBE_KEY);
        Ok(store)
    }

    /// The page's localStorage without the write probe, for calls after start-up.
    pub fn attach() -> Option<BrowserStorage> {
        web_sys::window()?
            .local_storage()
            .ok()
            .flatten()
            .map(BrowserStorage)
    }

    /// Characters stored under `key` (0 when absent).
    pub fn len_of(&self, key: &str) -> usize {
        self.get(key)
            .ok()
            .flatten()
            .map_or(0, |v| v.encode_utf16().count())
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0
            .get_item(key)
            .map_err(|e| StorageError::Other(describe(&e)))
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StorageError::Quota
            } else {
                StorageError::Other(describe(&e))
            }
        })
    }

    /// Every key in storage (of this origin, or of all files under `file://`).
    pub fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }

    pub fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}
