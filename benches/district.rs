//! Benchmarks of the district lookup at 100k and 10⁶ generated rules (`district::synth`): index build,
//! and one query per iteration over a mix of road + number, community names, one-character typos and
//! unknown roads. Before the timings it prints the index's memory (by part, and the heap it really
//! holds, counted by this binary's allocator), the published file's size, and top-1 correctness.
//! Run with `scripts/bench.sh` (or `cargo bench --bench district`).

// The counting allocator below wraps the system allocator: the only unsafe code of the project.
#![allow(unsafe_code)]

use criterion::{criterion_group, criterion_main, Criterion};
use gongkai::district::synth::{generate, QueryKind};
use gongkai::district::{parse_query, write_published, DistrictIndex, Outcome};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        LIVE.fetch_add(new, Ordering::Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const MB: f64 = 1024.0 * 1024.0;

fn district(c: &mut Criterion) {
    for (label, rules) in [("100k", 100_000), ("1M", 1_000_000)] {
        let synth = generate(rules, 20_000, 42);
        let json = write_published(&synth.published);
        let before = LIVE.load(Ordering::Relaxed);
        let t = Instant::now();
        let ix = DistrictIndex::build(&synth.published).expect("index builds");
        let build = t.elapsed();
        let held = LIVE.load(Ordering::Relaxed) - before;
        let m = ix.memory();
        println!(
            "district {label}: {} rules, {} places, districts.json {:.1} MB; build {:.2} s; \
             heap held by the index {:.1} MB (names {:.1}, tables {:.1}, readings {:.1}, segments {:.1}, rules {:.1}, texts {:.1})",
            ix.rule_count(),
            ix.place_count(),
            json.len() as f64 / MB,
            build.as_secs_f64(),
            held as f64 / MB,
            m.names as f64 / MB,
            m.tables as f64 / MB,
            m.readings as f64 / MB,
            m.segments as f64 / MB,
            m.rules as f64 / MB,
            m.texts as f64 / MB,
        );
        for kind in [
            QueryKind::RoadNumber,
            QueryKind::Community,
            QueryKind::Typo,
            QueryKind::Unknown,
        ] {
            let qs: Vec<_> = synth.queries.iter().filter(|q| q.kind == kind).collect();
            let first = |o: &Outcome| match o {
                Outcome::Found(f) => f.primary.schools.first().copied(),
                _ => None,
            };
            let (mut right, mut top1) = (0, 0);
            for q in &qs {
                let outcome = ix.search(&q.text);
                let got = first(&outcome);
                right += usize::from(got == q.expected);
                // Top-1: the answer, or when the parent is asked to choose or offered a close name,
                // the first place offered.
                let address = || parse_query(&q.text, &ix.meta.region).address;
                let got = match &outcome {
                    Outcome::Choose(hits) => first(&ix.resolve(hits[0], &address())),
                    Outcome::NotFound { did_you_mean, .. } if !did_you_mean.is_empty() => {
                        first(&ix.resolve(did_you_mean[0], &address()))
                    }
                    _ => got,
                };
                top1 += usize::from(got == q.expected);
            }
            println!(
                "district {label}: {kind:?}: answered correctly {right}/{n}, top-1 correct {top1}/{n}",
                n = qs.len()
            );
        }
        let mut g = c.benchmark_group(format!("district {label}"));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if rules > 100_000 { 40 } else { 10 }));
        g.bench_function("index build", |b| {
            b.iter(|| DistrictIndex::build(black_box(&synth.published)))
        });
        g.finish();
        let mut g = c.benchmark_group(format!("district {label}"));
        let mut i = 0;
        g.bench_function("query (mix)", |b| {
            b.iter(|| {
                i = (i + 1) % synth.queries.len();
                black_box(ix.search(black_box(&synth.queries[i].text)));
            })
        });
        for kind in [QueryKind::RoadNumber, QueryKind::Typo, QueryKind::Unknown] {
            let qs: Vec<_> = synth.queries.iter().filter(|q| q.kind == kind).collect();
            let mut i = 0;
            g.bench_function(format!("query ({kind:?})"), |b| {
                b.iter(|| {
                    i = (i + 1) % qs.len();
                    black_box(ix.search(black_box(&qs[i].text)));
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, district);
criterion_main!(benches);
