//! A quick probe of the native district query path, for profiling (`perf record`) and for comparing
//! changes faster than the criterion benchmark: builds the index of a generated district
//! (`district::synth`, seed 42) and prints, per query kind, the median, p99 and mean latency and how
//! many answers were right.
//!
//! `cargo run --profile overflow --example district_latency -- [rules, default 100000] [repetitions, default 5] [kind]`
//! (`perf record -g target/overflow/examples/district_latency 1000000` to profile; a third argument,
//! `RoadNumber`, `Community`, `Typo` or `Unknown`, times only that kind of query).

use gongkai::district::synth::{generate, QueryKind};
use gongkai::district::{DistrictIndex, Outcome};
use std::hint::black_box;
use std::time::Instant;

fn arg(i: usize, default: usize) -> usize {
    std::env::args()
        .nth(i)
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let rules = arg(1, 100_000);
    let reps = arg(2, 5).max(1);
    let synth = generate(rules, 20_000, 42);
    let t = Instant::now();
    let ix = DistrictIndex::build(&synth.published).expect("the generated data is valid");
    println!(
        "{rules} rules: index build {:.2} s, {:.1} MB",
        t.elapsed().as_secs_f64(),
        ix.memory().total() as f64 / 1048576.0
    );
    let kinds = [
        None,
        Some(QueryKind::RoadNumber),
        Some(QueryKind::Community),
        Some(QueryKind::Typo),
        Some(QueryKind::Unknown),
    ];
    let only = std::env::args().nth(3);
    for kind in kinds {
        let name = kind.map_or("mix".to_string(), |k| format!("{k:?}"));
        if only.as_ref().is_some_and(|o| *o != name) {
            continue;
        }
        let qs: Vec<_> = synth
            .queries
            .iter()
            .filter(|q| kind.is_none_or(|k| q.kind == k))
            .collect();
        let mut times = Vec::with_capacity(qs.len() * reps);
        let mut right = 0;
        for _ in 0..reps {
            for q in &qs {
                let t = Instant::now();
                let o = black_box(ix.search(black_box(&q.text)));
                times.push(t.elapsed().as_nanos() as u64);
                right += usize::from(match &o {
                    Outcome::Found(f) => f.primary.schools.first().copied() == q.expected,
                    _ => q.expected.is_none(),
                });
            }
        }
        times.sort_unstable();
        let mean = times.iter().sum::<u64>() as f64 / times.len() as f64;
        println!(
            "{name}: {} queries, median {:.2} µs, p99 {:.2} µs, mean {:.2} µs, answered right {}/{}",
            qs.len(),
            times[times.len() / 2] as f64 / 1e3,
            times[times.len() * 99 / 100] as f64 / 1e3,
            mean / 1e3,
            right / reps,
            qs.len()
        );
    }
}
