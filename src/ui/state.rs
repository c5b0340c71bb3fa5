//! The app state shared by all pages, and its persistence: debounced autosave, storage failures,
//! unreadable stored data and the two-tab revision protocol (rules in `store`).

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

use crate::backup;
use crate::model::{LoadError, Workspace};
use crate::store::{
    self, Envelope, ExternalChange, PreservePlan, SaveDecision, Slot, Stamp, Startup, Stored,
    MAX_UNREADABLE_COPIES, SCHOOL,
};
use crate::text::t;
use crate::ui::download::download_refusal;
use crate::web::download::download_text;
use crate::web::random::tab_id;
use crate::web::storage::{BrowserStorage, StorageError};
use crate::web::{browser, clock};

/// Autosave runs this long after the last edit.
pub const SAVE_DELAY: Duration = Duration::from_millis(600);

/// A passing notice (“已载入内置示例。”) disappears after this long.
pub const NOTICE_TIME: Duration = Duration::from_secs(6);

/// A deletion can be taken back for this long.
pub const UNDO_TIME: Duration = Duration::from_secs(10);

/// Puts back what an edit removed.
pub type UndoFn = Box<dyn FnOnce(&mut Workspace) + Send + Sync>;

/// What `save-status` shows.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing edited since the page loaded.
    Clean,
    Saving,
    /// Saved at this time (ms since the epoch).
    Saved(f64),
    Failed,
    /// Storage is unusable: nothing is ever saved.
    MemoryOnly,
    /// Not saved because another tab wrote a newer revision.
    Conflict,
}

/// Why storage does not work right now.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageIssue {
    Blocked,
    Quota,
    Failed(String),
    /// The stored revision is at its limit: no save can be written (`SaveDecision::AtLimit`).
    RevisionLimit,
}

/// Stored data that could not be read, at start-up or by a save.
#[derive(Debug, Clone, PartialEq)]
pub struct CorruptNotice {
    pub raw: String,
    pub reason: String,
    /// The raw text was copied to an unreadable-copy key (`store::plan_preserve`); otherwise this tab
    /// never writes storage.
    pub preserved: bool,
    /// Found by a save (written by another tab or build) rather than at start-up: this tab's data stays.
    pub during_save: bool,
}

/// Bookkeeping of the persistence protocol, not shown directly.
#[derive(Debug, Clone, Default)]
struct Persist {
    /// This tab's writer id in the envelope.
    tab: String,
    /// The stored revision this tab's data derives from.
    base: Stamp,
    /// Edits not yet written.
    dirty: bool,
    /// Never write storage (blocked, or unreadable data that could not be preserved).
    memory_only: bool,
    timer: Option<TimeoutHandle>,
    /// Persistent storage was asked for in this tab (once, at the first save of real data).
    persist_asked: bool,
    /// When the saved changes not in a backup began ([`store::pending_since`]).
    pending_since: Option<f64>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    pub status: RwSignal<SaveStatus>,
    pub issue: RwSignal<Option<StorageIssue>>,
    pub corrupt: RwSignal<Option<CorruptNotice>>,
    /// Revision of a newer write by another tab while this one has unsaved edits.
    pub conflict: RwSignal<Option<u64>>,
    /// A passing message (example loaded, backup imported, …); it disappears after [`NOTICE_TIME`].
    pub notice: RwSignal<Option<String>>,
    /// A message that stays until it is closed (a failed download, cells a paste could not read).
    pub alert: RwSignal<Option<String>>,
    /// What the last deletion removed, while it can be taken back ([`AppState::undo`]).
    pub undo_text: RwSignal<Option<String>>,
    undo_fn: StoredValue<Option<UndoFn>>,
    /// The stored revision this tab is at, and the one last backed up.
    pub revision: RwSignal<u64>,
    pub backup_revision: RwSignal<u64>,
    /// What 数据与备份 says of persistent storage, once the browser answered.
    pub persisted: RwSignal<Option<String>>,
    persist: StoredValue<Persist>,
    /// Where this tab's data lives: the bureau's workspace, or a school's draft (school mode).
    pub slot: Slot,
}

impl AppState {
    /// Probes storage, reads the data stored in `slot` and classifies what it found.
    pub fn start(slot: Slot) -> AppState {
        let blank = || {
            if slot == SCHOOL {
                Workspace::default()
            } else {
                Workspace::blank(crate::deadline::year_due_next(clock::today()))
            }
        };
        let state = AppState {
            ws: RwSignal::new(Workspace::default()),
            status: RwSignal::new(SaveStatus::Clean),
            issue: RwSignal::new(None),
            corrupt: RwSignal::new(None),
            conflict: RwSignal::new(None),
            notice: RwSignal::new(None),
            alert: RwSignal::new(None),
            undo_text: RwSignal::new(None),
            undo_fn: StoredValue::new(None),
            revision: RwSignal::new(0),
            backup_revision: RwSignal::new(0),
            persisted: RwSignal::new(None),
            persist: StoredValue::new(Persist {
                tab: tab_id(),
                ..Persist::default()
            }),
            slot,
        };
        let storage = match BrowserStorage::open() {
            Ok(s) => s,
            Err(_) => {
                state.ws.set(blank());
                state.go_memory_only(StorageIssue::Blocked);
                return state;
            }
        };
        let stored = match storage.get(slot.key) {
            Ok(v) => v,
            Err(_) => {
                state.ws.set(blank());
                state.go_memory_only(StorageIssue::Blocked);
                return state;
            }
        };
        match store::startup(stored) {
            Startup::Empty => state.ws.set(blank()),
            Startup::Loaded(env) => state.adopt(*env),
            Startup::Corrupt { raw, error } => {
                state.ws.set(blank());
                state.keep_unreadable(&storage, raw, &error, false);
            }
        }
        state
    }

    /// Copies unreadable stored text aside (every distinct text is kept, the oldest copies beyond
    /// `MAX_UNREADABLE_COPIES` dropped and the user told) and shows the banner. If the copy cannot be
    /// written, this tab never writes storage, so the text is not overwritten. True when preserved.
    fn keep_unreadable(
        &self,
        storage: &BrowserStorage,
        raw: String,
        error: &LoadError,
        during_save: bool,
    ) -> bool {
        let preserved = match preserve_unreadable(storage, self.slot, &raw) {
            Ok(0) => true,
            Ok(dropped) => {
                self.notice.set(Some((t().safeguards.unreadable_dropped)(
                    dropped,
                    MAX_UNREADABLE_COPIES,
                )));
                true
            }
            Err(()) => false,
        };
        if !preserved {
            self.persist.update_value(|p| p.memory_only = true);
            self.status.set(SaveStatus::MemoryOnly);
        }
        self.corrupt.set(Some(CorruptNotice {
            raw,
            reason: t().load_error(error),
            preserved,
            during_save,
        }));
        preserved
    }

    fn go_memory_only(&self, issue: StorageIssue) {
        self.persist.update_value(|p| p.memory_only = true);
        self.issue.set(Some(issue));
        self.status.set(SaveStatus::MemoryOnly);
    }

    /// Takes a stored envelope as this tab's clean state.
    fn adopt(&self, env: Envelope) {
        if let Some(timer) = self.persist.with_value(|p| p.timer) {
            timer.clear();
        }
        self.persist.update_value(|p| {
            p.base = env.stamp();
            p.dirty = false;
            p.timer = None;
        });
        self.revision.set(env.revision);
        self.backup_revision.set(env.backup_revision);
        self.persist
            .update_value(|p| p.pending_since = env.pending_since);
        self.ws.set(env.workspace);
        self.forget_undo();
    }

    /// Applies an edit and schedules the autosave.
    pub fn edit(&self, f: impl FnOnce(&mut Workspace)) {
        self.ws.update(f);
        self.persist.update_value(|p| p.dirty = true);
        if self.persist.with_value(|p| p.memory_only) {
            return;
        }
        if self.conflict.get_untracked().is_some() {
            self.status.set(SaveStatus::Conflict);
            return;
        }
        self.status.set(SaveStatus::Saving);
        let this = *self;
        if let Some(old) = self.persist.with_value(|p| p.timer) {
            old.clear();
        }
        let handle = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY).ok();
        self.persist.update_value(|p| p.timer = handle);
    }

    /// Applies an edit that removes something, and offers to take it back for [`UNDO_TIME`]: `f` returns
    /// the message to show and the edit that puts it back (`None`: nothing was removed).
    pub fn edit_undoable(&self, f: impl FnOnce(&mut Workspace) -> Option<(String, UndoFn)>) {
        let mut offer = None;
        self.edit(|w| offer = f(w));
        if let Some((text, undo)) = offer {
            self.undo_fn.set_value(Some(undo));
            self.undo_text.set(Some(text));
        }
    }

    /// Takes back the last deletion, if it is still on offer.
    pub fn undo(&self) {
        let Some(undo) = self.undo_fn.try_update_value(Option::take).flatten() else {
            return;
        };
        self.undo_text.set(None);
        self.edit(undo);
        self.notice.set(Some(t().feedback.undone.to_string()));
    }

    /// Withdraws the offer to undo (it expired, or the data it refers to was replaced).
    pub fn forget_undo(&self) {
        self.undo_fn.set_value(None);
        self.undo_text.set(None);
    }

    /// Saves a pending edit now instead of after the delay: the page is being hidden or closed
    /// (`visibilitychange`, `pagehide`), and a timer would never fire.
    pub fn flush(&self) {
        let pending = self.persist.with_value(|p| p.timer.is_some());
        if pending {
            if let Some(timer) = self.persist.with_value(|p| p.timer) {
                timer.clear();
            }
            self.save_now();
        }
    }

    /// True in school mode (`#/school`: a school's draft, in its own storage slot).
    pub fn school_mode(&self) -> bool {
        self.slot == SCHOOL
    }

    /// Writes the workspace now, unless another tab wrote a newer revision. Stored text that cannot be
    /// read (from another tab or another build) is copied aside first, as at start-up.
    pub fn save_now(&self) {
        self.persist.update_value(|p| p.timer = None);
        if self.persist.with_value(|p| p.memory_only) {
            self.status.set(SaveStatus::MemoryOnly);
            return;
        }
        let Some(storage) = BrowserStorage::attach() else {
            self.go_memory_only(StorageIssue::Blocked);
            return;
        };
        let base = self.persist.with_value(|p| p.base.clone());
        let raw = storage.get(self.slot.key).ok().flatten();
        let stored = match store::inspect_stored(raw.as_deref(), &base) {
            Stored::Absent => None,
            Stored::Readable(stamp) => Some(stamp),
            Stored::Unreadable(error) => {
                let raw = raw.unwrap_or_default();
                if !self.keep_unreadable(&storage, raw, &error, true) {
                    return;
                }
                None
            }
        };
        match store::decide_save(&base, stored.as_ref()) {
            SaveDecision::Conflict { theirs, .. } => {
                self.conflict.set(Some(theirs));
                self.status.set(SaveStatus::Conflict);
            }
            SaveDecision::Write { revision } => self.write(&storage, revision),
            SaveDecision::AtLimit => {
                // Nothing is written: the stored data stays, this tab's edits stay unsaved in memory.
                self.issue.set(Some(StorageIssue::RevisionLimit));
                self.status.set(SaveStatus::Failed);
            }
        }
    }

    fn write(&self, storage: &BrowserStorage, revision: u64) {
        let now = clock::now_ms();
        let stamp = Stamp::new(revision, self.persist.with_value(|p| p.tab.clone()));
        let mut env = Envelope::new(
            self.ws.get_untracked(),
            stamp.clone(),
            now,
            self.backup_revision.get_untracked(),
        );
        let since = self.persist.with_value(|p| p.pending_since);
        env.pending_since = store::pending_since(since, revision, env.backup_revision, now);
        match storage.set(self.slot.key, &env.encode()) {
            Ok(()) => {
                self.persist
                    .update_value(|p| p.pending_since = env.pending_since);
                if !env.workspace.is_blank() {
                    self.ask_to_persist();
                }
                self.persist.update_value(|p| {
                    p.base = stamp;
                    p.dirty = false;
                });
                self.revision.set(revision);
                self.issue.set(None);
                self.status.set(SaveStatus::Saved(now));
            }
            Err(e) => {
                self.issue.set(Some(match e {
                    StorageError::Quota => StorageIssue::Quota,
                    other => StorageIssue::Failed(other.to_string()),
                }));
                self.status.set(SaveStatus::Failed);
            }
        }
    }

    /// Another tab wrote storage (`storage` event). The event only triggers a re-read: what counts is
    /// what storage holds now, since two tabs' events can cross.
    pub fn on_external_write(&self, key: Option<String>) {
        if key.as_deref() != Some(self.slot.key) || self.persist.with_value(|p| p.memory_only) {
            return;
        }
        let Some(storage) = BrowserStorage::attach() else {
            return;
        };
        let Some(stamp) = stored_stamp(&storage, self.slot) else {
            return;
        };
        let (base, dirty) = self.persist.with_value(|p| (p.base.clone(), p.dirty));
        match store::on_external_change(&base, dirty, &stamp) {
            ExternalChange::Ignore => {}
            ExternalChange::Reload => {
                // Only now is the whole workspace read (and checked).
                let Some(env) = stored_envelope(&storage, self.slot) else {
                    return;
                };
                self.adopt(env);
                self.status.set(SaveStatus::Saved(clock::now_ms()));
                self.notice
                    .set(Some(t().reloaded_from_other_tab.to_string()));
            }
            ExternalChange::Conflict => {
                self.conflict.set(Some(stamp.revision));
                self.status.set(SaveStatus::Conflict);
            }
        }
    }

    /// Conflict: drop this tab's edits and take the stored data.
    pub fn use_theirs(&self) {
        if let Some(env) = BrowserStorage::attach().and_then(|s| stored_envelope(&s, self.slot)) {
            self.adopt(env);
            self.status.set(SaveStatus::Saved(clock::now_ms()));
        }
        self.conflict.set(None);
    }

    /// Conflict: write this tab's data over the newer revision, knowingly.
    pub fn keep_mine(&self) {
        if self.conflict.get_untracked().is_none() {
            return;
        }
        // Take over the stored revision only if it can be read; unreadable text is left for `save_now`,
        // which copies it aside before writing over it.
        let stored = BrowserStorage::attach()
            .and_then(|s| s.get(self.slot.key).ok().flatten())
            .and_then(|raw| store::decode(&raw).ok());
        if let Some(env) = stored {
            self.persist.update_value(|p| p.base = env.stamp());
        }
        self.conflict.set(None);
        self.save_now();
    }

    /// Replaces the whole workspace (example, import) as one edit.
    pub fn replace_all(&self, ws: Workspace, notice: &str) {
        self.forget_undo();
        self.edit(move |w| *w = ws);
        self.notice.set(Some(notice.to_string()));
    }

    /// Downloads the backup file and records the revision as backed up. In school mode the school's
    /// safe copy is its submission file, which the page exports: this says so instead.
    pub fn export_backup(&self) {
        if self.school_mode() {
            self.alert.set(Some(t().school.storage_hint.to_string()));
            return;
        }
        let ws = self.ws.get_untracked();
        let text = backup::export(&ws, &clock::now_iso());
        let name = backup::file_name(&ws);
        if let Err(e) = download_text(&name, "application/json", &text) {
            self.alert
                .set(Some(download_refusal(&e, t().download_failed)));
            return;
        }
        self.notice.set(Some((t().feedback.backup_exported)(&name)));
        let (base, dirty) = self.persist.with_value(|p| (p.base.clone(), p.dirty));
        // With unsaved edits the backup is newer than `base`: it counts once they are saved.
        let backed_up = if dirty {
            base.revision.saturating_add(1)
        } else {
            base.revision
        };
        self.backup_revision.set(backed_up);
        self.persist.update_value(|p| p.pending_since = None);
        if !dirty && !self.persist.with_value(|p| p.memory_only) {
            if let Some(storage) = BrowserStorage::attach() {
                // Same revision, same writer: only the backup mark changes, other tabs ignore it.
                if stored_stamp(&storage, self.slot) == Some(base.clone()) {
                    let env = Envelope::new(ws, base, clock::now_ms(), backed_up);
                    let _ = storage.set(self.slot.key, &env.encode());
                }
            }
        }
    }

    /// Asks once per tab for persistent storage (`navigator.storage.persist()`), unless granted already.
    fn ask_to_persist(&self) {
        if self.persist.with_value(|p| p.persist_asked) {
            return;
        }
        self.persist.update_value(|p| p.persist_asked = true);
        let state = *self;
        leptos::task::spawn_local(async move {
            let now = match browser::persisted().await {
                Some(false) => browser::request_persist().await,
                known => known,
            };
            state.say_persisted(now);
        });
    }

    /// Words what the browser answered about persistent storage (`None`: no StorageManager).
    pub fn say_persisted(&self, persisted: Option<bool>) {
        let words = t().browser;
        let text = match persisted {
            None => words.persist_unsupported,
            Some(true) => words.persist_granted,
            Some(false) if self.ws.with_untracked(Workspace::is_blank) => words.persist_not_asked,
            Some(false) => words.persist_denied,
        };
        self.persisted
            .set(Some(format!("{}{text}", words.persist_label)));
    }

    /// Whole days that saved changes have waited for a backup, once the reminder's interval is past
    /// (a day in WebKit, a week elsewhere: `crate::browser::backup_interval_days`).
    pub fn backup_overdue(&self) -> Option<u32> {
        self.revision.track();
        self.backup_revision.track();
        crate::browser::backup_overdue(
            self.persist.with_value(|p| p.pending_since),
            clock::now_ms(),
            crate::browser::backup_interval_days(browser::storage_limited()),
        )
    }

    /// 概览's backup reminder, when saved changes are not in a backup: how many days they have
    /// waited once that is past the interval, else the plain reminder.
    pub fn backup_reminder(&self) -> Option<String> {
        self.backup_due().then(|| {
            self.backup_overdue()
                .map_or(t().backup_reminder.to_string(), t().browser.backup_overdue)
        })
    }

    /// True when saved changes are newer than the last backup.
    pub fn backup_due(&self) -> bool {
        self.revision.get() > self.backup_revision.get() && !self.ws.with(Workspace::is_blank)
    }

    /// Downloads the unreadable stored text found at start-up.
    pub fn download_corrupt(&self) {
        if let Some(c) = self.corrupt.get_untracked() {
            let name = (t().corrupt_file_name)(clock::now_ms() as u64);
            if let Err(e) = download_text(&name, "text/plain;charset=utf-8", &c.raw) {
                self.alert
                    .set(Some(download_refusal(&e, t().download_failed)));
            }
        }
    }
}

/// Every unreadable copy in storage: key and text, oldest first.
pub fn unreadable_copies(storage: &BrowserStorage, slot: Slot) -> Vec<(String, String)> {
    let mut copies: Vec<(u64, String, String)> = storage
        .keys()
        .into_iter()
        .filter_map(|k| {
            let n = slot.unreadable_number(&k)?;
            let text = storage.get(&k).ok().flatten()?;
            Some((n, k, text))
        })
        .collect();
    copies.sort();
    copies.into_iter().map(|(_, k, text)| (k, text)).collect()
}

/// Keeps `raw` beside the other unreadable copies (`store::plan_preserve`). When the quota is full, the
/// oldest copies make room. Returns how many copies were dropped; `Err` when `raw` could not be kept.
fn preserve_unreadable(storage: &BrowserStorage, slot: Slot, raw: &str) -> Result<usize, ()> {
    let existing = unreadable_copies(storage, slot);
    let (key, drop) = match slot.plan_preserve(&existing, raw) {
        PreservePlan::AlreadyKept(_) => return Ok(0),
        PreservePlan::Write { key, drop } => (key, drop),
    };
    let mut removed: Vec<String> = Vec::new();
    let mut oldest = existing.iter().map(|(k, _)| k.clone());
    loop {
        match storage.set(&key, raw) {
            Ok(()) => break,
            Err(StorageError::Quota) => match oldest.next() {
                Some(k) => {
                    storage.remove(&k);
                    removed.push(k);
                }
                None => return Err(()),
            },
            Err(_) => return Err(()),
        }
    }
    for k in drop {
        if !removed.contains(&k) {
            storage.remove(&k);
            removed.push(k);
        }
    }
    Ok(removed.len())
}

/// The stamp of the envelope in storage now, without reading its workspace.
fn stored_stamp(storage: &BrowserStorage, slot: Slot) -> Option<Stamp> {
    storage
        .get(slot.key)
        .ok()
        .flatten()
        .and_then(|raw| store::peek_stamp(&raw))
}

/// The envelope in storage now, if there is a readable one.
fn stored_envelope(storage: &BrowserStorage, slot: Slot) -> Option<Envelope> {
    storage
        .get(slot.key)
        .ok()
        .flatten()
        .and_then(|raw| store::decode(&raw).ok())
}
