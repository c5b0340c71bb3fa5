//! Property tests: any workspace survives storage encoding and backup export/import unchanged.

use gongkai::backup;
use gongkai::model::{ItemContent, Report, ReportStructure, TableFormat, Workspace};
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
        prop::collection::btree_map("[a-z0-9/_]{1,20}", ".{1,12}", 0..6),
        (any::<String>(), any::<String>()),
    )
        .prop_map(
            |(year, unit, problems, work, format, statutory, cells, (name, text))| {
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
}
