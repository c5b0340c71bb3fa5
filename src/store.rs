//! The stored form of the workspace in browser storage: an envelope with a revision counter, its
//! decoding, and the rules that keep two tabs from overwriting each other. Pure: no browser here.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{parse_workspace, LoadError, Workspace};

/// The storage key of the workspace envelope. App-specific, since file:// storage is shared by files.
pub const WORKSPACE_KEY: &str = "gongkai:workspace";
/// Where unreadable stored text is kept so that nothing is lost.
pub const CORRUPT_KEY: &str = "gongkai:workspace:unreadable";
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
    /// Increases by one with every save from any tab.
    pub revision: u64,
    /// Random id of the tab that wrote this revision (from the caller's randomness).
    #[serde(default)]
    pub writer: String,
    /// Milliseconds since the epoch, from the caller's clock.
    pub saved_at: f64,
    /// The revision that was last exported as a backup (0: never).
    #[serde(default)]
    pub backup_revision: u64,
    pub workspace: Workspace,
}

impl Envelope {
    pub fn new(workspace: Workspace, stamp: Stamp, saved_at: f64, backup_revision: u64) -> Self {
        Envelope {
            format: ENVELOPE_FORMAT.to_string(),
            revision: stamp.revision,
            writer: stamp.writer,
            saved_at,
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

/// Decodes stored text. The workspace inside goes through the same checks and migrations as a backup.
pub fn decode(raw: &str) -> Result<Envelope, LoadError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let Value::Object(mut obj) = value else {
        return Err(LoadError::NotAnObject);
    };
    if obj.get("format").and_then(Value::as_str) != Some(ENVELOPE_FORMAT) {
        return Err(LoadError::WrongFormat(
            obj.get("format").map(Value::to_string).unwrap_or_default(),
        ));
    }
    let field_error = |path: &str| LoadError::BadField {
        path: path.to_string(),
        detail: "missing or wrong type".to_string(),
    };
    let revision = obj
        .get("revision")
        .and_then(Value::as_u64)
        .ok_or_else(|| field_error("revision"))?;
    let writer = obj
        .get("writer")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let saved_at = obj.get("saved_at").and_then(Value::as_f64).unwrap_or(0.0);
    let backup_revision = obj
        .get("backup_revision")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let ws_value = obj
        .remove("workspace")
        .ok_or_else(|| field_error("workspace"))?;
    let workspace = parse_workspace(&ws_value.to_string()).map_err(|e| match e {
        LoadError::BadField { path, detail } => LoadError::BadField {
            path: format!("workspace.{path}"),
            detail,
        },
        other => other,
    })?;
    Ok(Envelope::new(
        workspace,
        Stamp::new(revision, writer),
        saved_at,
        backup_revision,
    ))
}

/// The stamp of stored text without reading the workspace inside: what a save or a `storage` event
/// needs to apply the two-tab rules. `None` when the text is not an envelope.
pub fn peek_stamp(raw: &str) -> Option<Stamp> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        revision: u64,
        #[serde(default)]
        writer: String,
    }
    let head: Head = serde_json::from_str(raw).ok()?;
    (head.format == ENVELOPE_FORMAT).then(|| Stamp::new(head.revision, head.writer))
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
}

/// `base` is the stored revision this tab's data derives from; `stored` is what storage holds now
/// (`None` when absent or unreadable).
pub fn decide_save(base: &Stamp, stored: Option<&Stamp>) -> SaveDecision {
    match stored {
        Some(theirs) if foreign(base, theirs) => SaveDecision::Conflict {
            theirs: theirs.revision,
        },
        Some(theirs) => SaveDecision::Write {
            revision: theirs.revision.max(base.revision) + 1,
        },
        None => SaveDecision::Write {
            revision: base.revision + 1,
        },
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
}
