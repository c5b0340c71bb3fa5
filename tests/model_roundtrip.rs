//! Property tests: any workspace survives storage encoding and backup export/import unchanged.

use gongkai::backup;
use gongkai::catalog::all_cell_keys;
use gongkai::model::{ItemContent, NoCases, Report, ReportStructure, TableFormat, Workspace};
use gongkai::store::{self, Envelope, Stamp};
use proptest::prelude::*;

fn report() -> impl Strategy<Value = Report> {
    (
        2000u16..=2100,
        any::<String>(),
        any::<String>(),
        prop::collection::vec(any::<String>(), 0..4),
        prop::option::of(prop_oneof![
            Just(TableFormat::V2019),
            Just(TableFormat::V2021)
        ]),
        any::<bool>(),
        prop::collection::btree_map(
            prop::sample::select(all_cell_keys().into_iter().collect::<Vec<_>>()),
            ".{1,12}",
            0..6,
        ),
        (any::<String>(), any::<String>(), any::<(bool, bool)>()),
    )
        .prop_map(
            |(year, unit, problems, work, format, statutory, cells, (name, text, marks))| {
                let mut r = Report::blank(year);
                r.unit_name = unit;
                r.narrative.problems = problems;
                r.narrative.work_items = work;
                r.table_format = format;
                if statutory {
                    r.structure = ReportStructure::Statutory;
                }
                for (k, v) in cells {
                    r.tables.set(k, v);
                }
                r.no_cases = NoCases {
                    table3: marks.0,
                    table4: marks.1,
                };
                r.categories[0].items.push(ItemContent {
                    id: "custom-1".into(),
                    name,
                    text,
                    ..ItemContent::default()
                });
                r
            },
        )
}

fn workspace() -> impl Strategy<Value = Workspace> {
    prop::collection::vec(report(), 0..4).prop_map(|reports| {
        let mut ws = Workspace::default();
        for r in reports {
            ws.current_year = Some(r.year);
            ws.reports.insert(r.year, r);
        }
        ws
    })
}

proptest! {
    #[test]
    fn backup_round_trip(ws in workspace()) {
        let text = backup::export(&ws, "2026-11-26T00:00:00Z");
        prop_assert_eq!(backup::import(&text).unwrap(), ws);
    }

    #[test]
    fn storage_round_trip(ws in workspace(), rev in 0u64..1_000_000, backup_rev in 0u64..1_000_000) {
        let env = Envelope::new(ws, Stamp::new(rev, "tab"), 1.7e12, backup_rev);
        prop_assert_eq!(store::decode(&env.encode()).unwrap(), env);
    }

    #[test]
    fn arbitrary_text_never_panics_the_decoder(raw in ".{0,200}") {
        let _ = store::startup(Some(raw.clone()));
        let _ = backup::import(&raw);
    }

    /// `decode` and the stamp reader agree on every envelope head: the stamp is read exactly when the
    /// envelope decodes (the workspace inside is valid here).
    #[test]
    fn decode_and_peek_agree(
        fields in prop::collection::vec(
            (
                prop::sample::select(vec!["format", "revision", "writer", "saved_at", "backup_revision", "other"]),
                prop::sample::select(vec![
                    "\"gongkai-store\"", "\"x\"", "3", "-1", "1.5", "null", "true", "[]", "{}", "\"w\"", "18446744073709551615", "18446744073709551616",
                ]),
            ),
            0..7,
        ),
    ) {
        let ws = serde_json::to_string(&Workspace::blank(2021)).unwrap();
        let mut members: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        members.push(format!("\"workspace\":{ws}"));
        let raw = format!("{{{}}}", members.join(","));
        let peeked = store::peek_stamp(&raw);
        let decoded = store::decode(&raw);
        prop_assert_eq!(peeked.is_some(), decoded.is_ok(), "{} {:?}", raw, decoded);
        if let (Some(stamp), Ok(env)) = (peeked, decoded) {
            prop_assert_eq!(stamp, env.stamp());
        }
    }
}
