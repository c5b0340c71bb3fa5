//! Property test of the edit vocabulary: generated sequences of edits, each applied with `apply`, then
//! their inverses applied newest first, give back the workspace byte for byte through the backup
//! format. Edits that cannot apply (a missing year, item, school or rule) are refused and change
//! nothing. Deterministic seeds; `GONGKAI_EDIT_CASES=<n>` sets the number of sequences (100,000 in
//! the optimised `overflow` step of `scripts/test.sh`, 2,000 in the debug `cargo test`), shared between
//! the cores by case number, so the same cases run whatever the number of threads.

use gongkai::backup;
use gongkai::catalog::all_cell_keys;
use gongkai::district::spec::Numbers;
use gongkai::district::synth::Rng;
use gongkai::district::{PlaceKind, Rule};
use gongkai::edit::{apply, DistrictText, Edit, ItemField, NarrativeText, ReportFlag, ReportText};
use gongkai::example::example_workspace;
use gongkai::model::{
    DisclosureStatus, ItemContent, ItemCount, Report, ReportStructure, School, Stage, TableFormat,
    Workspace,
};

const STAMP: &str = "2026-12-07T00:00:00Z";

fn cases() -> u64 {
    std::env::var("GONGKAI_EDIT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            2_000
        } else {
            100_000
        })
}

const TEXTS: &[&str] = &[
    "",
    " ",
    "增10",
    "1276.5534万元",
    "汽开区教育局",
    "<b>&amp;",
    "0",
    "\u{202e}x",
];

fn text(rng: &mut Rng) -> String {
    let mut s = TEXTS[rng.below(TEXTS.len() as u64) as usize].to_string();
    if rng.chance(30) {
        s.push_str(&rng.below(1_000_000).to_string());
    }
    s
}

fn pick<'a, T>(rng: &mut Rng, list: &'a [T]) -> Option<&'a T> {
    if list.is_empty() {
        None
    } else {
        list.get(rng.below(list.len() as u64) as usize)
    }
}

fn status(rng: &mut Rng) -> Option<DisclosureStatus> {
    match rng.below(5) {
        0 => Some(DisclosureStatus::Published),
        1 => Some(DisclosureStatus::Partial),
        2 => Some(DisclosureStatus::NotPublished),
        3 => Some(DisclosureStatus::NotApplicable),
        _ => None,
    }
}

/// A year of the workspace, or now and then one it does not have.
fn year(rng: &mut Rng, ws: &Workspace) -> u16 {
    let years: Vec<u16> = ws.reports.keys().copied().collect();
    match pick(rng, &years) {
        Some(y) if !rng.chance(5) => *y,
        _ => 2000 + rng.below(101) as u16,
    }
}

/// `(year, category key, item id)` of the workspace, or now and then names it does not have.
fn item_of(rng: &mut Rng, ws: &Workspace) -> (u16, String, String) {
    let y = year(rng, ws);
    let Some(r) = ws.reports.get(&y) else {
        return (y, "policy".into(), "custom-1".into());
    };
    let Some(c) = pick(rng, &r.categories) else {
        return (y, "nothing".into(), "nothing".into());
    };
    let item = match pick(rng, &c.items) {
        Some(i) if !rng.chance(5) => i.id.clone(),
        _ => format!("custom-{}", rng.below(50)),
    };
    let key = if rng.chance(3) {
        "no-such-category".to_string()
    } else {
        c.key.clone()
    };
    (y, key, item)
}

fn item_field(rng: &mut Rng) -> ItemField {
    match rng.below(8) {
        0 => ItemField::Name(text(rng)),
        1 => ItemField::Text(text(rng)),
        2 => ItemField::Status(status(rng)),
        3 => ItemField::Reason(text(rng)),
        4 => ItemField::Channels(vec![text(rng), text(rng)]),
        5 => ItemField::ChannelsUsed(vec![text(rng)]),
        6 => ItemField::Counts(vec![ItemCount {
            label: text(rng),
            value: rng.next_u64(),
            unit: "条".into(),
        }]),
        _ => ItemField::Basis(text(rng)),
    }
}

fn school(rng: &mut Rng, ws: &Workspace) -> School {
    let mut s = School::new(&ws.schools, &text(rng), Stage::Primary);
    if rng.chance(10) {
        if let Some(existing) = pick(rng, &ws.schools) {
            s.id = existing.id.clone();
        }
    }
    s.phone = text(rng);
    s
}

fn rule(rng: &mut Rng) -> Rule {
    Rule {
        kind: PlaceKind::Road,
        name: format!("东风{}路", rng.below(100)),
        aliases: Vec::new(),
        roads: Vec::new(),
        numbers: Numbers::default(),
        except: Vec::new(),
        part: String::new(),
        primary: vec![format!("school-{}", rng.below(5))],
        middle: Vec::new(),
        note: text(rng),
        source: text(rng),
        town: String::new(),
        fragment: 0,
    }
}

fn edit(rng: &mut Rng, ws: &Workspace, keys: &[String], depth: u32) -> Edit {
    match rng.below(if depth > 0 { 21 } else { 22 }) {
        0 => Edit::SetReportText {
            year: year(rng, ws),
            field: [ReportText::UnitName, ReportText::Region, ReportText::Title]
                [rng.below(3) as usize],
            value: text(rng),
        },
        1 => Edit::SetStructure {
            year: year(rng, ws),
            structure: if rng.chance(50) {
                ReportStructure::Field
            } else {
                ReportStructure::Statutory
            },
        },
        2 => Edit::SetTableFormat {
            year: year(rng, ws),
            format: [None, Some(TableFormat::V2019), Some(TableFormat::V2021)]
                [rng.below(3) as usize],
        },
        3 => Edit::SetReportFlag {
            year: year(rng, ws),
            flag: [
                ReportFlag::OmitNotApplicable,
                ReportFlag::GraphicInHtml,
                ReportFlag::NoCasesTable3,
                ReportFlag::NoCasesTable4,
            ][rng.below(4) as usize],
            value: rng.chance(50),
        },
        4 | 5 => {
            let key = pick(rng, keys).cloned().unwrap_or_default();
            if rng.chance(50) {
                Edit::cell(year(rng, ws), key, text(rng))
            } else {
                Edit::SetCell {
                    year: year(rng, ws),
                    key,
                    value: text(rng),
                }
            }
        }
        6 => Edit::SetNarrative {
            year: year(rng, ws),
            field: [
                NarrativeText::Preamble,
                NarrativeText::Goals,
                NarrativeText::OverviewActive,
                NarrativeText::Problems,
                NarrativeText::FeeLine,
            ][rng.below(5) as usize],
            value: text(rng),
        },
        7 => Edit::SetWorkItems {
            year: year(rng, ws),
            items: (0..rng.below(3)).map(|_| text(rng)).collect(),
        },
        8 => {
            let (year, category, _) = item_of(rng, ws);
            Edit::SetCategoryIntro {
                year,
                category,
                value: text(rng),
            }
        }
        9 => {
            let (year, category, _) = item_of(rng, ws);
            Edit::SetCategoryStatus {
                year,
                category,
                status: status(rng),
            }
        }
        10 | 11 => {
            let (year, category, item) = item_of(rng, ws);
            Edit::SetItem {
                year,
                category,
                item,
                field: item_field(rng),
            }
        }
        12 => {
            let (year, category, item) = item_of(rng, ws);
            Edit::RemoveItem {
                year,
                category,
                item,
            }
        }
        13 => {
            let (year, category, id) = item_of(rng, ws);
            Edit::InsertItem {
                year,
                category,
                index: rng.below(12) as usize,
                item: Box::new(ItemContent {
                    id,
                    name: text(rng),
                    status: status(rng),
                    ..ItemContent::default()
                }),
            }
        }
        14 => {
            let y = year(rng, ws);
            if rng.chance(50) {
                Edit::InsertReport {
                    report: Box::new(Report::blank(y)),
                }
            } else {
                Edit::RemoveReport { year: y }
            }
        }
        15 => Edit::SetCurrentYear {
            year: if rng.chance(10) {
                None
            } else {
                Some(year(rng, ws))
            },
        },
        16 => Edit::InsertSchool {
            index: rng.below(ws.schools.len() as u64 + 2) as usize,
            school: Box::new(school(rng, ws)),
        },
        17 => match pick(rng, &ws.schools) {
            Some(s) if rng.chance(50) => Edit::RemoveSchool { id: s.id.clone() },
            Some(s) => {
                let mut s = s.clone();
                s.name = text(rng);
                Edit::SetSchool {
                    school: Box::new(s),
                }
            }
            None => Edit::RemoveSchool {
                id: "school-1".into(),
            },
        },
        18 => Edit::SetDistrictText {
            field: [
                DistrictText::Region,
                DistrictText::BureauPhone,
                DistrictText::DataDate,
                DistrictText::Note,
            ][rng.below(4) as usize],
            value: text(rng),
        },
        19 => {
            let len = ws.districts.rules.len() as u64;
            let index = rng.below(len + 2) as usize;
            match rng.below(3) {
                0 => Edit::InsertRule {
                    index,
                    rule: Box::new(rule(rng)),
                },
                1 => Edit::RemoveRule { index },
                _ => Edit::SetRule {
                    index,
                    rule: Box::new(rule(rng)),
                },
            }
        }
        20 => {
            let mut data = ws.districts.clone();
            data.rules
                .truncate(rng.below(data.rules.len() as u64 + 1) as usize);
            data.illustrative = rng.chance(50);
            Edit::SetDistricts {
                data: Box::new(data),
            }
        }
        _ => Edit::Batch(
            (0..1 + rng.below(4))
                .map(|_| edit(rng, ws, keys, depth + 1))
                .collect(),
        ),
    }
}

fn bases() -> Vec<Workspace> {
    let example = example_workspace();
    let mut two_years = Workspace::blank(2021);
    two_years.reports.insert(2020, Report::blank(2020));
    vec![example, Workspace::blank(2026), two_years]
}

#[test]
fn every_edit_sequence_is_undone_by_its_inverses() {
    let keys: Vec<String> = all_cell_keys().into_iter().collect();
    let bases: Vec<(Workspace, String)> = bases()
        .into_iter()
        .map(|ws| {
            let bytes = backup::export(&ws, STAMP);
            (ws, bytes)
        })
        .collect();
    let total = cases();
    // The cases are shared between threads by number (each case has its own seed), so the result
    // does not depend on the number of threads.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let (applied, refused) = std::thread::scope(|scope| {
        let shares: Vec<_> = (0..threads)
            .map(|share| {
                let (keys, bases) = (&keys, &bases);
                scope.spawn(move || run_share(share, threads, total, keys, bases))
            })
            .collect();
        shares
            .into_iter()
            .map(|h| h.join().expect("a share panicked"))
            .fold((0, 0), |(a, r), (a2, r2)| (a + a2, r + r2))
    });
    eprintln!(
        "edit_inverse: {total} sequences, {applied} edits applied and undone, {refused} refused unchanged"
    );
}

/// Cases `share`, `share + threads`, … below `total`: the edits applied and refused.
fn run_share(
    share: u64,
    threads: u64,
    total: u64,
    keys: &[String],
    bases: &[(Workspace, String)],
) -> (u64, u64) {
    let (mut applied, mut refused) = (0u64, 0u64);
    for case in (share..total).step_by(threads as usize) {
        let mut rng = Rng::new(0xed17 ^ case.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (base, bytes) = &bases[(case % bases.len() as u64) as usize];
        let mut ws = base.clone();
        let mut undo = Vec::new();
        for _ in 0..1 + rng.below(12) {
            let e = edit(&mut rng, &ws, keys, 0);
            let before = ws.clone();
            match apply(&mut ws, e.clone()) {
                Ok(inverse) => {
                    applied += 1;
                    // The inverse of the inverse does what the edit did.
                    if rng.chance(10) {
                        let after = ws.clone();
                        let redo = apply(&mut ws, inverse.clone()).expect("an inverse applies");
                        assert!(
                            ws == before,
                            "case {case}: the inverse of {e:?} did not undo it"
                        );
                        apply(&mut ws, redo).expect("a redo applies");
                        assert!(
                            ws == after,
                            "case {case}: the redo of {e:?} did not redo it"
                        );
                    }
                    undo.push(inverse);
                }
                Err(_) => {
                    refused += 1;
                    assert_eq!(
                        ws, before,
                        "case {case}: a refused edit changed the workspace: {e:?}"
                    );
                }
            }
        }
        for inverse in undo.into_iter().rev() {
            apply(&mut ws, inverse).expect("an inverse applies");
        }
        assert!(
            &backup::export(&ws, STAMP) == bytes,
            "case {case}: the inverses did not give back the backup byte for byte"
        );
    }
    (applied, refused)
}
