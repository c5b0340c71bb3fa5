//! Property tests under overflow checks: generated reports (cells at and beyond the limits, huge
//! numbers in the text, both structures and formats, a previous year) go through the check, the
//! document builder and the HTML, Markdown and CSV renderers, every 100th also through the DOCX
//! renderer and every 10th through the 图解 and the overview's trends, without a panic.
//! `scripts/test.sh` runs this file a second time in the `overflow` cargo profile (optimised, overflow
//! checks on) with 4 × 250 000 = 10⁶ reports (10⁴ DOCX, 10⁵ 图解); under plain `cargo test` (also
//! overflow-checked) it runs 4 × 500. Run it alone:
//! `cargo test --locked --profile overflow --test overflow_props`; `GONGKAI_OVERFLOW_CASES=<n>` sets
//! the cases of each of the four tests, `GONGKAI_OVERFLOW_DOCX_EVERY=1` renders every DOCX,
//! `GONGKAI_OVERFLOW_GRAPHIC_EVERY=1` draws every 图解.

use gongkai::catalog::all_cell_keys;
use gongkai::check;
use gongkai::graphic::{self, Layout};
use gongkai::model::{NoCases, Report, ReportStructure, TableFormat, Workspace};
use gongkai::report::{self, BuildOptions, NotApplicable};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Cases per test: 250 000 in an optimised build (4 tests: 10⁶ reports), 500 in a debug build.
fn cases() -> u32 {
    std::env::var("GONGKAI_OVERFLOW_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 500 } else { 250_000 })
}

/// Cell texts at and around every limit, and a few ordinary ones.
const CELLS: [&str; 24] = [
    "0",
    "1",
    "7",
    "1000000000000",
    "1,000,000,000,000",
    "1000000000001",
    "999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551615",
    "99999999999999999999999999",
    "-1",
    "-1000000000000",
    "增1000000000000",
    "减1000000000000",
    "减1000000000001",
    "+5",
    "1276.5534万元",
    "1000000000000.999999万元",
    "1000000000001元",
    "０００１２",
    "x",
    "=1+1",
];

/// Narrative sentences stating figures, some beyond any limit.
const SENTENCES: [&str; 12] = [
    "全年共收到政府信息公开申请{n}件。",
    "予以公开及部分公开{n}件，",
    "行政复议{n}起；行政诉讼{n}起。",
    "主动公开规范性文件{n}件",
    "现行有效规范性文件{n}件",
    "上年结转{n}件，结转下年度继续办理{n}件",
    "作出行政许可决定{n}件",
    "收到{n}件政府信息公开申请",
    "不予公开{n}件、无法提供{n}件",
    "2020年收到政府信息公开申请{n}件",
    "\u{1}   # {n}",
    "{n}",
];

const NUMBERS: [&str; 10] = [
    "0",
    "3",
    "1000000000000",
    "1000000000001",
    "9223372036854775807",
    "99999999999999999999",
    "一百零五",
    "九千九百九十九万九千九百九十九万",
    "1,215",
    "１２",
];

/// Every cell key of the catalogue, computed once.
fn keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| all_cell_keys().into_iter().collect())
}

fn report_strategy(year: u16) -> impl Strategy<Value = Report> {
    let keys = keys();
    (
        any::<bool>(),
        prop::option::of(any::<bool>()),
        prop::collection::vec(
            (
                prop::sample::select(keys),
                prop::sample::select(CELLS.to_vec()),
            ),
            0..10,
        ),
        prop::collection::vec(
            (
                prop::sample::select(SENTENCES.to_vec()),
                prop::sample::select(NUMBERS.to_vec()),
            ),
            0..4,
        ),
        any::<(bool, bool, bool)>(),
        prop::sample::select(vec!["", "某区教育局", "\u{202e}单位", "=cmd"]),
    )
        .prop_map(
            move |(statutory, format, cells, sentences, (t3, t4, omit), unit)| {
                let mut r = Report::blank(year);
                r.unit_name = unit.to_string();
                if statutory {
                    r.structure = ReportStructure::Statutory;
                    // A statutory report has no categories to print or check (as in the v1 fixture).
                    r.categories.clear();
                }
                r.table_format = format.map(|v2021| {
                    if v2021 {
                        TableFormat::V2021
                    } else {
                        TableFormat::V2019
                    }
                });
                for (key, value) in cells {
                    r.tables.set(key, value);
                }
                let text: String = sentences.iter().map(|(s, n)| s.replace("{n}", n)).collect();
                r.narrative.overview.on_request = text.clone();
                r.narrative.problems = text;
                r.no_cases = NoCases {
                    table3: t3,
                    table4: t4,
                };
                r.omit_not_applicable = omit;
                r
            },
        )
}

/// This year's report and, sometimes, last year's.
fn workspace_strategy() -> impl Strategy<Value = Workspace> {
    prop::sample::select(vec![2019u16, 2020, 2021, 2022])
        .prop_flat_map(|year| {
            (
                report_strategy(year),
                prop::option::of(report_strategy(year - 1)),
            )
        })
        .prop_map(|(this, previous)| {
            let mut ws = Workspace {
                current_year: Some(this.year),
                ..Workspace::default()
            };
            if let Some(p) = previous {
                ws.reports.insert(p.year, p);
            }
            ws.reports.insert(this.year, this);
            ws
        })
}

/// Every how many reports the DOCX renderer runs too: 100 by default (`GONGKAI_OVERFLOW_DOCX_EVERY`;
/// 1 for every report). A DOCX costs 10–40 times the rest of a case (docx-rs writes every part of the
/// package), so 10⁶ of them would take most of an hour on two cores; see docs/testing.md.
fn docx_every() -> u32 {
    std::env::var("GONGKAI_OVERFLOW_DOCX_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(100)
}

/// Every how many reports the 图解 (SVG, both layouts) and the overview's trends are drawn too:
/// `GONGKAI_OVERFLOW_GRAPHIC_EVERY`, by default every 10th (a graphic costs about twice the rest of a
/// case; 10⁵ of them in the 10⁶ run).
fn graphic_every() -> u32 {
    std::env::var("GONGKAI_OVERFLOW_GRAPHIC_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(10)
}

/// The check and the renderers on the open report (DOCX when `docx`, the 图解 in both layouts and the
/// overview's trends when `graphic`).
fn run_everything(ws: &Workspace, docx: bool, graphic: bool) -> Result<(), TestCaseError> {
    let year = ws.current_year.unwrap_or(2021);
    let findings = check::check(ws, year);
    for f in &findings {
        let _ = gongkai::text::t().finding(f);
    }
    let r = &ws.reports[&year];
    let options = BuildOptions {
        not_applicable: if r.omit_not_applicable {
            NotApplicable::Omit
        } else {
            NotApplicable::OneLine
        },
    };
    let doc = report::build(r, &options);
    prop_assert!(!report::render_html(&doc).is_empty());
    prop_assert!(!report::render_markdown(&doc).is_empty());
    prop_assert!(report::render_csv(&doc).len() > 3);
    if docx {
        let bytes = report::render_docx(&doc, "2026-01-01T00:00:00Z");
        prop_assert!(bytes.is_ok_and(|b| b.starts_with(b"PK")));
    }
    prop_assert!(report::file_name(&doc, "docx").chars().count() <= 105);
    if graphic {
        if let Some(g) = graphic::build_for(ws, year) {
            for layout in [Layout::Portrait, Layout::Landscape] {
                prop_assert!(graphic::render_svg(&g, layout).starts_with("<svg"));
            }
            prop_assert!(graphic::file_name(&g, "svg").chars().count() <= 105);
        }
        // The overview's trends across the years, with their jumps.
        let reports: Vec<&Report> = ws.reports.values().collect();
        for trend in graphic::trends(&reports) {
            prop_assert!(graphic::trend_svg(&trend).starts_with("<svg"));
        }
    }
    Ok(())
}

fn run(seed_label: &str) {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        // Each test draws its own sequence of reports.
        rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
        ..Config::default()
    };
    let seed: [u8; 32] = core::array::from_fn(|i| seed_label.as_bytes()[i % seed_label.len()]);
    let rng = proptest::test_runner::TestRng::from_seed(config.rng_algorithm, &seed);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let every = docx_every();
    let graphic_every = graphic_every();
    let n = std::sync::atomic::AtomicU32::new(0);
    let result = runner.run(&workspace_strategy(), |ws| {
        let i = n.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        run_everything(
            &ws,
            i.is_multiple_of(every),
            i.is_multiple_of(graphic_every),
        )
    });
    if let Err(e) = result {
        panic!("{seed_label}: {e}");
    }
}

/// The profile really checks overflow: otherwise these tests would prove nothing about it.
#[test]
fn overflow_checks_are_on() {
    let max = std::hint::black_box(i64::MAX);
    let wrapped = std::panic::catch_unwind(|| max + std::hint::black_box(1));
    assert!(wrapped.is_err(), "this build does not check overflow");
}

#[test]
fn reports_a() {
    run("overflow-a");
}

#[test]
fn reports_b() {
    run("overflow-b");
}

#[test]
fn reports_c() {
    run("overflow-c");
}

#[test]
fn reports_d() {
    run("overflow-d");
}
