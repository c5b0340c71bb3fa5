//! The school list, the dashboard and the report agree whatever the bureau does: generated sequences
//! of adding, renaming and deleting schools (keeping or removing their text), merging submissions
//! and 撤销. After every step, every school paragraph of the report belongs to a school of the list
//! or is marked as from a deleted school, the dashboard counts exactly the linked files, and 撤销
//! brings the list and the report back as they were.

use gongkai::model::{RemovedSchool, Stage, Workspace};
use gongkai::report::{self, Block, BuildOptions};
use gongkai::school::{
    add_school, apply, dashboard, make_pack, preview, read_pack, relink, remove_school, restore,
    synth, write_pack, write_submission, Draft, Incoming, Status,
};
use proptest::prelude::*;

#[path = "support/fuzz_seed.rs"]
mod fuzz_seed;

const NAMES: [&str; 4] = ["甲小学", "乙中学", "丙小学", "丁学校"];

#[derive(Debug, Clone)]
enum Step {
    Add(usize),
    Rename(usize, usize),
    Remove(usize, bool),
    Merge(usize, u64),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..NAMES.len()).prop_map(Step::Add),
        (0..6usize, 0..NAMES.len()).prop_map(|(a, b)| Step::Rename(a, b)),
        (0..6usize, any::<bool>()).prop_map(|(a, b)| Step::Remove(a, b)),
        (0..6usize, 1..50u64).prop_map(|(a, b)| Step::Merge(a, b)),
        Just(Step::Undo),
    ]
}

/// School `n` files a submission through the real path (pack → draft → file → preview → merge).
fn merge(ws: &mut Workspace, n: usize, count: u64, at: &str) {
    let Ok(pack) = make_pack(ws, "2024-12-01T00:00:00Z") else {
        return;
    };
    let mut draft = Draft::new(read_pack(&write_pack(&pack)).unwrap());
    draft.school_id = ws.schools[n].id.clone();
    let a = draft.answer_mut("policy-execution", "open-day").unwrap();
    a.text = format!("开放日{count}。");
    a.counts[0].value = Some(count);
    let s = draft.submission(at).unwrap();
    let files = [Incoming {
        name: "f".into(),
        text: write_submission(&s),
    }];
    let p = preview(ws.current(), &ws.schools, &files);
    apply(ws.current_mut().unwrap(), &p, &[]);
}

/// The workspace and the school held for 撤销 (the workspace stores it as JSON).
#[derive(Clone)]
struct World {
    ws: Workspace,
    held: Option<RemovedSchool>,
}

fn run(world: &mut World, step: &Step, tick: usize) {
    let World { ws, held } = world;
    let removed_school = held;
    let Workspace {
        schools,
        reports,
        current_year,
        ..
    } = ws;
    let report = current_year.and_then(|y| reports.get_mut(&y));
    match *step {
        Step::Add(k) => {
            add_school(
                schools,
                report,
                removed_school.as_ref(),
                NAMES[k],
                Stage::Primary,
            );
        }
        Step::Rename(i, k) => {
            let at = i % schools.len().max(1);
            if let Some(s) = schools.get_mut(at) {
                s.name = NAMES[k].to_string();
            }
            if let Some(r) = report {
                relink(schools, r);
            }
        }
        Step::Remove(i, keep) => {
            if let Some(id) = schools.get(i % schools.len().max(1)).map(|s| s.id.clone()) {
                remove_school(schools, report, removed_school, &id, keep).unwrap();
            }
        }
        Step::Undo => {
            restore(schools, report, removed_school);
        }
        Step::Merge(i, count) => {
            if !ws.schools.is_empty() {
                let n = i % ws.schools.len();
                merge(
                    ws,
                    n,
                    count,
                    &format!("2025-01-{:02}T08:00:00.000Z", 1 + tick % 28),
                );
            }
        }
    }
}

fn check(ws: &Workspace) {
    let report = ws.current().unwrap();
    let ids: Vec<&str> = ws.schools.iter().map(|s| s.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "school ids repeat");
    let mut linked = 0;
    for c in &report.contributions {
        if c.removed_school {
            assert!(
                !ids.contains(&c.school_id.as_str()),
                "a marked text has a school of the list"
            );
        } else {
            assert!(
                ids.contains(&c.school_id.as_str()),
                "a text of no school: {}",
                c.school_name
            );
            linked += 1;
        }
    }
    let board = dashboard(report, &ws.schools);
    assert_eq!(board.rows.len() - board.count(Status::NotYet), linked);
    // Every school paragraph of the document is a linked school's or a marked one's.
    let doc = report::build(report, &BuildOptions::default());
    for block in &doc.blocks {
        let Block::Paragraph(p) = block else { continue };
        let Some((name, _)) = p.split_once('：') else {
            continue;
        };
        let from: Vec<_> = report
            .contributions
            .iter()
            .filter(|c| c.school_name.trim() == name)
            .collect();
        if from.is_empty() {
            continue;
        }
        assert!(
            from.iter()
                .all(|c| c.removed_school || ws.schools.iter().any(|s| s.id == c.school_id)),
            "paragraph of {name} belongs to no school and is not marked"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        rng_seed: fuzz_seed::seed(),
        ..ProptestConfig::default()
    })]

    #[test]
    fn list_dashboard_and_report_agree(steps in prop::collection::vec(step(), 1..14)) {
        let mut world = World { ws: synth::workspace(3), held: None };
        check(&world.ws);
        for (tick, s) in steps.iter().enumerate() {
            let before = (world.ws.schools.clone(), world.ws.current().cloned());
            run(&mut world, s, tick);
            check(&world.ws);
            // 撤销 right after a deletion gives back the list and the report exactly.
            if matches!(s, Step::Remove(..)) && before.0 != world.ws.schools {
                let mut undone = world.clone();
                run(&mut undone, &Step::Undo, tick);
                prop_assert_eq!(&undone.ws.schools, &before.0);
                prop_assert_eq!(undone.ws.current(), before.1.as_ref());
            }
        }
    }
}

#[test]
fn a_deleted_school_added_again_by_name_gets_its_text_back() {
    let mut ws = synth::workspace(3);
    merge(&mut ws, 0, 7, "2025-01-02T08:00:00.000Z");
    let name = ws.schools[0].name.clone();
    let id = ws.schools[0].id.clone();
    let year = ws.current_year.unwrap();
    let r = ws.reports.get_mut(&year).unwrap();
    let mut held = None;
    remove_school(&mut ws.schools, Some(&mut *r), &mut held, &id, true).unwrap();
    let board = dashboard(r, &ws.schools);
    assert_eq!(
        board.count(Status::Submitted) + board.count(Status::Outdated),
        0
    );
    assert!(r.contributions[0].removed_school);
    add_school(
        &mut ws.schools,
        Some(&mut *r),
        held.as_ref(),
        &name,
        Stage::Primary,
    );
    let board = dashboard(r, &ws.schools);
    assert_eq!(board.count(Status::Submitted), 1);
    assert!(!r.contributions[0].removed_school);
}
