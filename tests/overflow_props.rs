//! Property tests under overflow checks: generated reports (cells at and beyond the limits, huge
//! numbers in the text, both structures and formats, a previous year, few items per category) go
//! through the check and all four renderers without a panic. On **every** report: `check::check` with
//! every finding's wording, `report::build`, the HTML, Markdown and CSV renderers, the DOCX renderer's
//! table layout (`report::docx_table_grids`: cells on the grid, spans, merges, column widths — its own
//! arithmetic; every row must be as wide as the others) and the export file name. On a sample: the
//! whole DOCX file (docx-rs's XML and the ZIP package, every 250th report: a DOCX costs about ten times
//! the rest of a case) and the 图解 in both layouts with the overview's trends (every 100th).
//!
//! One test spreads the reports over the machine's cores (`std::thread::scope`, one proptest runner
//! with its own seed per thread) and prints what it ran. `scripts/test.sh` runs this file in the
//! `overflow` cargo profile (optimised, overflow checks on) with 10⁶ reports; plain `cargo test` (also
//! overflow-checked) runs 2,000. Run it alone:
//! `cargo test --locked --profile overflow --test overflow_props`.
//! `GONGKAI_OVERFLOW_CASES=<n>` sets the number of reports, `GONGKAI_OVERFLOW_THREADS=<n>` the threads,
//! `GONGKAI_OVERFLOW_DOCX_EVERY=<n>` and `GONGKAI_OVERFLOW_GRAPHIC_EVERY=<n>` the samples (1: every
//! report).

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use gongkai::catalog::all_cell_keys;
use gongkai::check;
use gongkai::graphic::{self, Layout};
use gongkai::model::{NoCases, Report, ReportStructure, TableFormat, Workspace};
use gongkai::report::{self, BuildOptions, NotApplicable};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Reports in all: 10⁶ in an optimised build, 2,000 in a debug build.
fn cases() -> u32 {
    env_number("GONGKAI_OVERFLOW_CASES").unwrap_or(if cfg!(debug_assertions) {
        2_000
    } else {
        1_000_000
    })
}

fn env_number(name: &str) -> Option<u32> {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
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
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| all_cell_keys().into_iter().collect())
}

/// `Report::blank(year)`, made once per year and cloned (the same for every case).
fn blank(year: u16) -> Report {
    static BLANK: OnceLock<BTreeMap<u16, Report>> = OnceLock::new();
    BLANK
        .get_or_init(|| (2018..=2022).map(|y| (y, Report::blank(y))).collect())
        .get(&year)
        .cloned()
        .unwrap_or_else(|| Report::blank(year))
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
        // Items kept per category (a small report: the catalogue's defaults hold up to a dozen).
        0usize..3,
    )
        .prop_map(
            move |(statutory, format, cells, sentences, (t3, t4, omit), unit, items)| {
                let mut r = blank(year);
                r.unit_name = unit.to_string();
                if statutory {
                    r.structure = ReportStructure::Statutory;
                    // A statutory report has no categories to print or check (as in the v1 fixture).
                    r.categories.clear();
                }
                for c in &mut r.categories {
                    c.items.truncate(items);
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

/// What one report goes through besides the check, the document, HTML, Markdown, CSV, the DOCX table
/// layout and the file name.
#[derive(Clone, Copy)]
struct Sample {
    /// The whole DOCX file: docx-rs's XML and the ZIP package.
    docx: bool,
    /// The 图解 in both layouts, its file name, and the overview's trends.
    graphic: bool,
}

/// The check and the renderers on the open report.
fn run_everything(ws: &Workspace, sample: Sample) -> Result<(), TestCaseError> {
    let year = ws.current_year.unwrap_or(2021);
    let findings = check::check(ws, year);
    for f in &findings {
        prop_assert!(!gongkai::text::t().finding(f).is_empty());
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
    let grids = report::docx_table_grids(&doc);
    prop_assert!(grids.is_ok());
    for rows in grids.iter().flatten() {
        // Every row of a table spans the same width (the text width).
        prop_assert!(rows.windows(2).all(|w| w[0] == w[1]), "{rows:?}");
    }
    if sample.docx {
        let bytes = report::render_docx(&doc, "2026-01-01T00:00:00Z");
        prop_assert!(bytes.is_ok_and(|b| b.starts_with(b"PK")));
    }
    prop_assert!(report::file_name(&doc, "docx").chars().count() <= 105);
    if sample.graphic {
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

/// What one thread ran.
#[derive(Default)]
struct Ran {
    reports: u64,
    docx: u64,
    graphic: u64,
}

/// `cases` reports drawn from the seed of thread `thread`; every `docx_every`-th also as a whole DOCX,
/// every `graphic_every`-th also as 图解.
fn run_share(thread: usize, cases: u32, docx_every: u32, graphic_every: u32) -> Ran {
    let label = format!("overflow-{thread}");
    let config = Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        ..Config::default()
    };
    let seed: [u8; 32] = core::array::from_fn(|i| label.as_bytes()[i % label.len()]);
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let ran = std::cell::RefCell::new(Ran::default());
    let result = runner.run(&workspace_strategy(), |ws| {
        let i = ran.borrow().reports;
        let sample = Sample {
            docx: i % u64::from(docx_every) == 0,
            graphic: i % u64::from(graphic_every) == 0,
        };
        let outcome = run_everything(&ws, sample);
        let mut ran = ran.borrow_mut();
        ran.reports += 1;
        ran.docx += u64::from(sample.docx);
        ran.graphic += u64::from(sample.graphic);
        outcome
    });
    if let Err(e) = result {
        panic!("{label}: {e}");
    }
    ran.into_inner()
}

/// The profile really checks overflow: otherwise these tests would prove nothing about it.
#[test]
fn overflow_checks_are_on() {
    let max = std::hint::black_box(i64::MAX);
    let wrapped = std::panic::catch_unwind(|| max + std::hint::black_box(1));
    assert!(wrapped.is_err(), "this build does not check overflow");
}

#[test]
fn generated_reports_through_the_check_and_every_renderer() {
    let total = cases();
    let threads = env_number("GONGKAI_OVERFLOW_THREADS")
        .map(|n| n as usize)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .min(total as usize)
        .max(1);
    let docx_every = env_number("GONGKAI_OVERFLOW_DOCX_EVERY").unwrap_or(250);
    let graphic_every = env_number("GONGKAI_OVERFLOW_GRAPHIC_EVERY").unwrap_or(100);
    let started = Instant::now();
    let shares: Vec<Ran> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                // The first `total % threads` threads take one report more.
                let share = total / threads as u32 + u32::from((t as u32) < total % threads as u32);
                scope.spawn(move || run_share(t, share, docx_every, graphic_every))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let sum = |f: fn(&Ran) -> u64| shares.iter().map(f).sum::<u64>();
    let (reports, docx, graphics) = (sum(|r| r.reports), sum(|r| r.docx), sum(|r| r.graphic));
    // Written past the test harness's capture, so that every run shows what it proved.
    let _ = writeln!(
        std::io::stderr(),
        "overflow_props: {reports} generated reports on {threads} threads in {:.1} s, each through \
         the check, the document, HTML, Markdown, CSV and the DOCX table layout; {docx} also as a \
         whole DOCX file, {graphics} also as 图解 and trends",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(reports, u64::from(total));
}
