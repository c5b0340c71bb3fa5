//! The stored form of the workspace in browser storage: an envelope with a revision counter, its
//! decoding, and the rules that keep two tabs from overwriting each other. Pure: no browser here.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::excerpt::excerpt;
use crate::model::{workspace_from_value, FieldProblem, LoadError, Workspace};

/// The storage key of the workspace envelope. App-specific, since file:// storage is shared by files.
pub const WORKSPACE_KEY: &str = "gongkai:workspace";
/// Where unreadable stored text is kept so that nothing is lost: this key (written by earlier builds,
/// the oldest copy) and `<CORRUPT_KEY>:<n>` for the n-th copy ([`unreadable_key`]).
pub const CORRUPT_KEY: &str = "gongkai:workspace:unreadable";
/// At most this many distinct unreadable copies are kept; the oldest goes first.
pub const MAX_UNREADABLE_COPIES: usize = 5;
/// Written and removed at start to learn whether storage works.
pub const PROBE_KEY: &str = "gongkai:probe";
/// `format` of the envelope.
pub const ENVELOPE_FORMAT: &str = "gongkai-store";

/// Where one kind of data lives in browser storage: its envelope and the copy of unreadable text.
/// The bureau's workspace and a school's draft (school mode) have slots of their own, so that neither
/// overwrites the other in the same browser; both follow the same envelope and two-tab rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub key: &'static str,
    pub corrupt_key: &'static str,
}

/// The bureau's workspace.
pub const WORKSPACE: Slot = Slot {
    key: WORKSPACE_KEY,
    corrupt_key: CORRUPT_KEY,
};

/// A school's filling draft (`#/school`): a workspace holding only `school_draft`.
pub const SCHOOL: Slot = Slot {
    key: "gongkai:school",
    corrupt_key: "gongkai:school:unreadable",
};

/// Identity of one stored revision: its number and the tab that wrote it. Two tabs that save at the
/// same instant can both write the same number; the writer tells their revisions apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamp {
    pub revision: u64,
    pub writer: String,
}

impl Stamp {
    pub fn new(revision: u64, writer: impl Into<String>) -> Self {
        Stamp {
            revision,
            writer: writer.into(),
        }
    }
}

/// What is written under [`WORKSPACE_KEY`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    /// Increases by one with every save from any tab (saturating at `u64::MAX`).
    pub revision: u64,
    /// Random id of the tab that wrote this revision (from the caller's randomness).
    #[serde(default)]
    pub writer: String,
    /// Milliseconds since the epoch, from the caller's clock.
    pub saved_at: f64,
    /// The revision that was last exported as a backup (0: never).
    #[serde(default)]
    pub backup_revision: u64,
    /// When the first save after the last backup happened (ms since the epoch; absent: every saved
    /// change is in a backup, or the envelope predates this field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_since: Option<f64>,
    pub workspace: Workspace,
}

impl Envelope {
    pub fn new(workspace: Workspace, stamp: Stamp, saved_at: f64, backup_revision: u64) -> Self {
        Envelope {
            format: ENVELOPE_FORMAT.to_string(),
            revision: stamp.revision,
            writer: stamp.writer,
            saved_at,
            pending_since: None,
            backup_revision,
            workspace,
        }
    }

    pub fn stamp(&self) -> Stamp {
        Stamp::new(self.revision, self.writer.clone())
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// True when changes were saved since the last backup export.
    pub fn needs_backup(&self) -> bool {
        self.revision > self.backup_revision && !self.workspace.is_blank()
    }
}

/// The envelope as read from storage, with the workspace still unread (`W` = [`IgnoredAny`]) or as
/// JSON (`W` = [`Value`]). [`peek_stamp`] and [`decode`] both read stored text through this one type, so
/// they agree on what a valid envelope is: a wrong-typed field, a duplicated field, a missing
/// `workspace` or trailing text fail both.
#[derive(Deserialize)]
struct Head<W> {
    format: String,
    revision: u64,
    #[serde(default)]
    writer: String,
    #[serde(default)]
    saved_at: f64,
    #[serde(default)]
    backup_revision: u64,
    #[serde(default)]
    pending_since: Option<f64>,
    workspace: W,
}

impl<W> Head<W> {
    fn stamp(&self) -> Stamp {
        Stamp::new(self.revision, self.writer.clone())
    }
}

fn read_head<W: DeserializeOwned>(raw: &str) -> Result<Head<W>, LoadError> {
    let syntax = |e: serde_json::Error| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
        detail: e.to_string(),
    };
    if !raw.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<IgnoredAny>(raw) {
            Ok(_) => LoadError::NotAnObject,
            Err(e) => syntax(e),
        });
    }
    let mut de = serde_json::Deserializer::from_str(raw);
    let head: Head<W> = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return syntax(inner);
        }
        let problem = FieldProblem::from_serde(&inner.to_string());
        match problem {
            FieldProblem::WrongType { .. } if path == "." => LoadError::NotAnObject,
            problem => LoadError::BadField {
                path: if path == "." { String::new() } else { path },
                problem,
            },
        }
    })?;
    de.end().map_err(syntax)?;
    if head.format != ENVELOPE_FORMAT {
        return Err(LoadError::WrongFormat(excerpt(&head.format)));
    }
    Ok(head)
}

/// Decodes stored text. The workspace inside goes through the same checks and migrations as a backup.
pub fn decode(raw: &str) -> Result<Envelope, LoadError> {
    let head: Head<Value> = read_head(raw)?;
    let stamp = head.stamp();
    let workspace = workspace_from_value(head.workspace).map_err(|e| e.within("workspace"))?;
    let mut env = Envelope::new(workspace, stamp, head.saved_at, head.backup_revision);
    env.pending_since = head.pending_since;
    Ok(env)
}

/// When the changes not in a backup began, after a save of `revision` at `now`: unchanged while
/// changes wait, `now` for the first one, none once the backup covers `revision`. An envelope written
/// before this field counts from its next save.
pub fn pending_since(
    previous: Option<f64>,
    revision: u64,
    backup_revision: u64,
    now: f64,
) -> Option<f64> {
    (revision > backup_revision).then(|| previous.unwrap_or(now))
}

/// The stamp of stored text without building the workspace inside: what a save or a `storage` event
/// needs to apply the two-tab rules. `None` when the text is not an envelope by the rules of [`decode`]
/// (which may still refuse the workspace inside).
pub fn peek_stamp(raw: &str) -> Option<Stamp> {
    read_head::<IgnoredAny>(raw).ok().map(|h| h.stamp())
}

/// What a save finds in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Nothing stored.
    Absent,
    /// A readable envelope with this stamp.
    Readable(Stamp),
    /// Text that [`decode`] refuses: it must be kept aside before anything is written over it.
    Unreadable(LoadError),
}

/// Classifies stored text before a save. Text stamped with `base` is this tab's own last write (or the
/// revision it loaded) and is not read again; any other text is decoded in full, since a save may
/// overwrite it.
pub fn inspect_stored(raw: Option<&str>, base: &Stamp) -> Stored {
    let Some(raw) = raw else {
        return Stored::Absent;
    };
    match peek_stamp(raw) {
        Some(stamp) if stamp == *base => Stored::Readable(stamp),
        _ => match decode(raw) {
            Ok(env) => Stored::Readable(env.stamp()),
            Err(e) => Stored::Unreadable(e),
        },
    }
}

/// The key of the `n`-th unreadable copy of the bureau's workspace ([`Slot::unreadable_key`]).
pub fn unreadable_key(n: u64) -> String {
    WORKSPACE.unreadable_key(n)
}

/// The number of an unreadable copy of the bureau's workspace ([`Slot::unreadable_number`]).
pub fn unreadable_number(key: &str) -> Option<u64> {
    WORKSPACE.unreadable_number(key)
}

impl Slot {
    /// The key of the `n`-th unreadable copy (`n` ≥ 1); 0 is the single key of earlier builds.
    pub fn unreadable_key(self, n: u64) -> String {
        if n == 0 {
            self.corrupt_key.to_string()
        } else {
            format!("{}:{n}", self.corrupt_key)
        }
    }

    /// The number of an unreadable-copy key of this slot (0 for its `corrupt_key`), `None` for any
    /// other key.
    pub fn unreadable_number(self, key: &str) -> Option<u64> {
        if key == self.corrupt_key {
            return Some(0);
        }
        let n = key.strip_prefix(self.corrupt_key)?.strip_prefix(':')?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
            return None;
        }
        n.parse().ok()
    }

    /// [`plan_preserve`] for this slot's unreadable copies.
    pub fn plan_preserve(self, existing: &[(String, String)], raw: &str) -> PreservePlan {
        if let Some((key, _)) = existing.iter().find(|(_, text)| text == raw) {
            return PreservePlan::AlreadyKept(key.clone());
        }
        let mut numbered: Vec<(u64, &String)> = existing
            .iter()
            .filter_map(|(k, _)| self.unreadable_number(k).map(|n| (n, k)))
            .collect();
        numbered.sort();
        let next = numbered
            .last()
            .map_or(1, |(n, _)| n.saturating_add(1).max(1));
        let excess = (numbered.len() + 1).saturating_sub(MAX_UNREADABLE_COPIES);
        PreservePlan::Write {
            key: self.unreadable_key(next),
            drop: numbered
                .iter()
                .take(excess)
                .map(|(_, k)| (*k).clone())
                .collect(),
        }
    }
}

/// How to keep one more unreadable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreservePlan {
    /// The same text is already kept under this key.
    AlreadyKept(String),
    /// Write the text under `key`, then remove `drop` (the oldest copies beyond
    /// [`MAX_UNREADABLE_COPIES`]), and tell the user that they were dropped.
    Write { key: String, drop: Vec<String> },
}

/// Plans keeping `raw` beside the unreadable copies in storage (`existing`: key and text of every key
/// for which [`unreadable_number`] is `Some`, in any order). Distinct texts are all kept, up to
/// [`MAX_UNREADABLE_COPIES`]; the oldest (lowest number) go first.
pub fn plan_preserve(existing: &[(String, String)], raw: &str) -> PreservePlan {
    WORKSPACE.plan_preserve(existing, raw)
}

/// What the stored value looked like at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Startup {
    /// Nothing stored yet.
    Empty,
    Loaded(Box<Envelope>),
    /// Unreadable: the raw text must be kept, never overwritten silently.
    Corrupt {
        raw: String,
        error: LoadError,
    },
}

pub fn startup(stored: Option<String>) -> Startup {
    match stored {
        None => Startup::Empty,
        Some(raw) => match decode(&raw) {
            Ok(env) => Startup::Loaded(Box::new(env)),
            Err(error) => Startup::Corrupt { raw, error },
        },
    }
}

/// Whether a tab may write its workspace now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveDecision {
    /// Write with this revision.
    Write { revision: u64 },
    /// Storage holds a revision this tab's data does not derive from: ask the user.
    Conflict { theirs: u64 },
    /// The revision counter is at its limit (`u64::MAX`, only reachable through edited storage): no
    /// higher revision can be written, so nothing is; the tab keeps its data and says so.
    AtLimit,
}

/// `base` is the stored revision this tab's data derives from; `stored` is what storage holds now
/// (`None` when absent or unreadable).
pub fn decide_save(base: &Stamp, stored: Option<&Stamp>) -> SaveDecision {
    match stored {
        Some(theirs) if foreign(base, theirs) => SaveDecision::Conflict {
            theirs: theirs.revision,
        },
        Some(theirs) => next_revision(theirs.revision.max(base.revision)),
        None => next_revision(base.revision),
    }
}

/// A write one above `revision`, or [`SaveDecision::AtLimit`] when there is none.
fn next_revision(revision: u64) -> SaveDecision {
    match revision.checked_add(1) {
        Some(revision) => SaveDecision::Write { revision },
        None => SaveDecision::AtLimit,
    }
}

/// True when `stored` is a revision this tab has not seen: newer, or the same number written by another
/// tab (two saves at the same instant; the later one replaced ours).
fn foreign(base: &Stamp, stored: &Stamp) -> bool {
    stored.revision > base.revision
        || (stored.revision == base.revision && stored.writer != base.writer)
}

/// What a tab does when another tab wrote storage (a `storage` event).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExternalChange {
    /// Storage holds this tab's revision or an older one: nothing to do.
    Ignore,
    /// A newer revision, and this tab has no unsaved edits: take it.
    Reload,
    /// This tab has data that storage does not hold (unsaved edits, or its last write was replaced by a
    /// same-numbered one): let the user choose.
    Conflict,
}

/// `stored` is what storage holds now, re-read after the event.
pub fn on_external_change(base: &Stamp, dirty: bool, stored: &Stamp) -> ExternalChange {
    if !foreign(base, stored) {
        ExternalChange::Ignore
    } else if dirty || stored.revision == base.revision {
        ExternalChange::Conflict
    } else {
        ExternalChange::Reload
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(rev: u64) -> Envelope {
        Envelope::new(Workspace::blank(2020), Stamp::new(rev, "tab-a"), 1.5e12, 0)
    }

    #[test]
    fn envelope_round_trip() {
        let e = env(7);
        assert_eq!(decode(&e.encode()), Ok(e));
    }

    #[test]
    fn startup_classifies_stored_text() {
        assert_eq!(startup(None), Startup::Empty);
        assert_eq!(
            startup(Some(env(3).encode())),
            Startup::Loaded(Box::new(env(3)))
        );
        for raw in [
            "{not json",
            "[]",
            "{\"format\":\"x\"}",
            "{\"format\":\"gongkai-store\"}",
        ] {
            match startup(Some(raw.to_string())) {
                Startup::Corrupt { raw: kept, .. } => assert_eq!(kept, raw),
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    #[test]
    fn truncated_store_is_corrupt_not_a_panic() {
        let full = env(2).encode();
        for cut in [1, full.len() / 3, full.len() - 1] {
            let cut = (0..=cut)
                .rev()
                .find(|i| full.is_char_boundary(*i))
                .unwrap_or(0);
            assert!(matches!(
                startup(Some(full[..cut].to_string())),
                Startup::Corrupt { .. }
            ));
        }
    }

    #[test]
    fn bad_workspace_field_is_reported_with_its_path() {
        let raw = r#"{"format":"gongkai-store","revision":1,"saved_at":0,
            "workspace":{"format":"gongkai-workspace","schema_version":1,"current_year":"x"}}"#;
        match decode(raw) {
            Err(LoadError::BadField { path, .. }) => assert_eq!(path, "workspace.current_year"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn peek_reads_the_stamp_without_the_workspace() {
        assert_eq!(peek_stamp(&env(7).encode()), Some(Stamp::new(7, "tab-a")));
        let head_only =
            r#"{"format":"gongkai-store","revision":3,"writer":"b","workspace":{"x":1}}"#;
        assert_eq!(peek_stamp(head_only), Some(Stamp::new(3, "b")));
        assert_eq!(peek_stamp(r#"{"format":"other","revision":3}"#), None);
        assert_eq!(peek_stamp("{not json"), None);
    }

    fn st(rev: u64, writer: &str) -> Stamp {
        Stamp::new(rev, writer)
    }

    #[test]
    fn save_proceeds_when_storage_holds_our_revision_or_older() {
        assert_eq!(
            decide_save(&st(4, "a"), Some(&st(4, "a"))),
            SaveDecision::Write { revision: 5 }
        );
        assert_eq!(
            decide_save(&st(0, "a"), None),
            SaveDecision::Write { revision: 1 }
        );
        assert_eq!(
            decide_save(&st(6, "a"), Some(&st(2, "b"))),
            SaveDecision::Write { revision: 7 }
        );
        // We took b's revision 3 and edited it: ours to overwrite.
        assert_eq!(
            decide_save(&st(3, "b"), Some(&st(3, "b"))),
            SaveDecision::Write { revision: 4 }
        );
    }

    #[test]
    fn save_refuses_to_overwrite_a_revision_it_has_not_seen() {
        assert_eq!(
            decide_save(&st(4, "a"), Some(&st(5, "b"))),
            SaveDecision::Conflict { theirs: 5 }
        );
        assert_eq!(
            decide_save(&st(4, "a"), Some(&st(4, "b"))),
            SaveDecision::Conflict { theirs: 4 },
            "same number, other writer: our write was replaced"
        );
    }

    #[test]
    fn external_change_reloads_only_a_clean_tab() {
        assert_eq!(
            on_external_change(&st(3, "a"), false, &st(3, "a")),
            ExternalChange::Ignore
        );
        assert_eq!(
            on_external_change(&st(3, "a"), true, &st(2, "b")),
            ExternalChange::Ignore
        );
        assert_eq!(
            on_external_change(&st(3, "a"), false, &st(4, "b")),
            ExternalChange::Reload
        );
        assert_eq!(
            on_external_change(&st(3, "a"), true, &st(4, "b")),
            ExternalChange::Conflict
        );
    }

    #[test]
    fn simultaneous_saves_of_the_same_number_are_a_conflict_for_the_loser() {
        // a and b both saved revision 4 at once; storage kept b's. a must not believe it is saved.
        assert_eq!(
            on_external_change(&st(4, "a"), false, &st(4, "b")),
            ExternalChange::Conflict
        );
        // b, the winner, sees its own revision and does nothing.
        assert_eq!(
            on_external_change(&st(4, "b"), false, &st(4, "b")),
            ExternalChange::Ignore
        );
    }

    #[test]
    fn backup_reminder_follows_revisions() {
        let mut e = env(3);
        assert!(!e.needs_backup(), "a blank workspace needs no backup");
        e.workspace.current_mut().unwrap().unit_name = "x".into();
        assert!(e.needs_backup());
        e.backup_revision = 3;
        assert!(!e.needs_backup());
    }

    #[test]
    fn changes_wait_for_a_backup_from_their_first_save() {
        // First save after a backup: starts now; later saves keep the start; the backup ends it.
        assert_eq!(pending_since(None, 5, 4, 100.0), Some(100.0));
        assert_eq!(pending_since(Some(100.0), 6, 4, 900.0), Some(100.0));
        assert_eq!(pending_since(Some(100.0), 6, 6, 950.0), None);
        // The field goes through storage, and an envelope without it reads as none.
        let mut e = env(7);
        e.pending_since = Some(1_764_000_000_000.0);
        assert_eq!(decode(&e.encode()).unwrap().pending_since, e.pending_since);
        e.pending_since = None;
        assert!(!e.encode().contains("pending_since"));
        assert_eq!(decode(&e.encode()).unwrap().pending_since, None);
    }

    /// A valid envelope's text with its head fields replaced by `head` (JSON members, no braces).
    fn with_head(head: &str) -> String {
        let ws = serde_json::to_string(&Workspace::blank(2020)).unwrap();
        format!("{{{head},\"workspace\":{ws}}}")
    }

    #[test]
    fn decode_and_peek_agree_on_every_head() {
        let heads = [
            (
                r#""format":"gongkai-store","revision":3,"writer":"a","saved_at":1"#,
                true,
            ),
            (r#""format":"gongkai-store","revision":3"#, true),
            (r#""format":"gongkai-store","revision":3,"writer":7"#, false),
            (
                r#""format":"gongkai-store","revision":3,"writer":null"#,
                false,
            ),
            (
                r#""format":"gongkai-store","revision":3,"revision":4"#,
                false,
            ),
            (
                r#""format":"gongkai-store","format":"gongkai-store","revision":3"#,
                false,
            ),
            (r#""format":"gongkai-store","revision":-1"#, false),
            (r#""format":"gongkai-store","revision":1.5"#, false),
            (r#""format":"gongkai-store","revision":"3""#, false),
            (r#""format":"gongkai-store""#, false),
            (r#""format":"other","revision":3"#, false),
            (r#""format":5,"revision":3"#, false),
            (
                r#""format":"gongkai-store","revision":3,"saved_at":"x""#,
                false,
            ),
            (
                r#""format":"gongkai-store","revision":3,"backup_revision":-2"#,
                false,
            ),
            (
                r#""format":"gongkai-store","revision":3,"extra":[1,2]"#,
                true,
            ),
        ];
        for (head, valid) in heads {
            let raw = with_head(head);
            assert_eq!(peek_stamp(&raw).is_some(), valid, "peek {head}");
            assert_eq!(
                decode(&raw).is_ok(),
                valid,
                "decode {head}: {:?}",
                decode(&raw)
            );
        }
        for raw in [
            "",
            "[]",
            r#"["gongkai-store",1,"a",0,0,{}]"#,
            "\"x\"",
            r#"{"format":"gongkai-store","revision":3}"#,
            &format!("{} trailing", env(3).encode()),
        ] {
            assert_eq!(peek_stamp(raw), None, "{raw}");
            assert!(decode(raw).is_err(), "{raw}");
        }
        assert_eq!(decode("[]"), Err(LoadError::NotAnObject));
    }

    #[test]
    fn a_save_reads_only_foreign_text_in_full() {
        let mine = Stamp::new(4, "tab-a");
        assert_eq!(inspect_stored(None, &mine), Stored::Absent);
        let ours = Envelope::new(Workspace::blank(2020), mine.clone(), 0.0, 0).encode();
        assert_eq!(
            inspect_stored(Some(&ours), &mine),
            Stored::Readable(mine.clone())
        );
        let theirs = env(5).encode();
        assert_eq!(
            inspect_stored(Some(&theirs), &mine),
            Stored::Readable(Stamp::new(5, "tab-a"))
        );
        // A valid head over a workspace this build cannot read (another build's newer schema).
        let current = format!("\"schema_version\":{}", crate::model::SCHEMA_VERSION);
        assert!(theirs.contains(&current));
        let newer = theirs.replace(&current, "\"schema_version\":99");
        assert!(matches!(
            inspect_stored(Some(&newer), &mine),
            Stored::Unreadable(LoadError::TooNew(99))
        ));
        assert!(matches!(
            inspect_stored(Some("{garbage"), &mine),
            Stored::Unreadable(LoadError::NotJson { .. })
        ));
    }

    #[test]
    fn unreadable_keys_are_numbered() {
        assert_eq!(unreadable_key(0), CORRUPT_KEY);
        assert_eq!(unreadable_key(3), "gongkai:workspace:unreadable:3");
        assert_eq!(unreadable_number(CORRUPT_KEY), Some(0));
        assert_eq!(
            unreadable_number("gongkai:workspace:unreadable:12"),
            Some(12)
        );
        for other in [
            WORKSPACE_KEY,
            "gongkai:workspace:unreadable:",
            "gongkai:workspace:unreadable:x",
            "gongkai:workspace:unreadable:01",
            "gongkai:workspace:unreadablex",
        ] {
            assert_eq!(unreadable_number(other), None, "{other}");
        }
    }

    #[test]
    fn the_school_slot_keeps_its_unreadable_copies_apart_from_the_workspace() {
        assert_eq!(SCHOOL.unreadable_key(2), "gongkai:school:unreadable:2");
        assert_eq!(
            SCHOOL.unreadable_number("gongkai:school:unreadable:2"),
            Some(2)
        );
        assert_eq!(
            SCHOOL.unreadable_number("gongkai:school:unreadable"),
            Some(0)
        );
        assert_eq!(
            SCHOOL.unreadable_number("gongkai:workspace:unreadable:2"),
            None
        );
        assert_eq!(unreadable_number("gongkai:school:unreadable:2"), None);
        // The workspace's copies do not count against the school's, nor the other way round.
        let workspace_copy = (unreadable_key(1), "broken".to_string());
        assert_eq!(
            SCHOOL.plan_preserve(std::slice::from_ref(&workspace_copy), "other"),
            PreservePlan::Write {
                key: "gongkai:school:unreadable:1".into(),
                drop: Vec::new()
            }
        );
    }

    #[test]
    fn every_distinct_unreadable_text_is_kept_oldest_dropped_first() {
        let mut kept: Vec<(String, String)> = Vec::new();
        let mut dropped = Vec::new();
        for i in 0..8 {
            let raw = format!("broken {i}");
            match plan_preserve(&kept, &raw) {
                PreservePlan::Write { key, drop } => {
                    kept.push((key, raw.clone()));
                    kept.retain(|(k, _)| !drop.contains(k));
                    dropped.extend(drop);
                }
                other => panic!("{other:?}"),
            }
            // The same text again is not copied twice.
            assert!(matches!(
                plan_preserve(&kept, &raw),
                PreservePlan::AlreadyKept(_)
            ));
        }
        assert_eq!(kept.len(), MAX_UNREADABLE_COPIES);
        let texts: Vec<_> = kept.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["broken 3", "broken 4", "broken 5", "broken 6", "broken 7"]
        );
        assert_eq!(
            dropped,
            (1..=3).map(unreadable_key).collect::<Vec<_>>(),
            "the oldest go first"
        );
        // The key of earlier builds counts as the oldest copy.
        let legacy = vec![(CORRUPT_KEY.to_string(), "old".to_string())];
        assert_eq!(
            plan_preserve(&legacy, "new"),
            PreservePlan::Write {
                key: unreadable_key(1),
                drop: vec![]
            }
        );
        let mut full: Vec<(String, String)> = (0..5)
            .map(|n| (unreadable_key(n), format!("t{n}")))
            .collect();
        full.reverse();
        assert_eq!(
            plan_preserve(&full, "new"),
            PreservePlan::Write {
                key: unreadable_key(5),
                drop: vec![CORRUPT_KEY.to_string()]
            }
        );
    }

    /// Issue 22: `decide_save(MAX, MAX)` wrote revision MAX again, not above the stored one. At the
    /// limit the save is refused; one below it, the last revision is still written.
    #[test]
    fn a_revision_at_the_limit_is_never_written_again() {
        assert_eq!(
            decide_save(&st(u64::MAX, "a"), Some(&st(u64::MAX, "a"))),
            SaveDecision::AtLimit
        );
        assert_eq!(decide_save(&st(u64::MAX, "a"), None), SaveDecision::AtLimit);
        assert_eq!(
            decide_save(&st(3, "a"), Some(&st(u64::MAX, "b"))),
            SaveDecision::Conflict { theirs: u64::MAX },
            "another tab's newer revision is still a conflict"
        );
        assert_eq!(
            decide_save(&st(u64::MAX - 1, "a"), Some(&st(u64::MAX - 1, "a"))),
            SaveDecision::Write { revision: u64::MAX }
        );
    }
}
