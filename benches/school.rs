//! Benchmark of the bureau's merge: 300 generated submissions (`school::synth`, one per school of a
//! 300-school unit, every assigned item answered) read, previewed and applied in one batch, then the
//! same batch again (every file a duplicate). Prints the file sizes and the median and worst of ten
//! runs; asserts nothing. Run with `scripts/bench.sh` (or `cargo bench --bench school`).

use gongkai::school::{apply, preview, synth, Incoming};
use std::hint::black_box;
use std::time::{Duration, Instant};

const FILES: usize = 300;
const RUNS: usize = 10;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(label: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "school merge: {label}: median {:.1} ms, worst {:.1} ms ({RUNS} runs)",
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1])
    );
}

fn main() {
    let ws = synth::workspace(FILES);
    let files: Vec<Incoming> = synth::files(&ws, FILES, 42)
        .into_iter()
        .map(|(name, text)| Incoming { name, text })
        .collect();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    println!(
        "school merge: {FILES} submissions, {:.1} KB in all, {:.1} KB each on average",
        bytes as f64 / 1024.0,
        bytes as f64 / 1024.0 / FILES as f64
    );
    let (mut first, mut again) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let mut report = ws.current().expect("a report").clone();
        let start = Instant::now();
        let p = preview(Some(&report), &ws.schools, &files);
        let done = apply(&mut report, &p, &[]);
        first.push(start.elapsed());
        assert_eq!(done.added, FILES);

        let start = Instant::now();
        let p = preview(Some(&report), &ws.schools, &files);
        let done = apply(&mut report, &p, &[]);
        again.push(start.elapsed());
        assert_eq!(done.added + done.replaced, 0);
        black_box(&report);
    }
    summary("preview + apply into an empty report", first);
    summary("the same 300 files again (all duplicates)", again);
}
