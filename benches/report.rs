//! Benchmarks of the report engine on the built-in example: check, build, and each renderer.
//! Run with `scripts/bench.sh` (or `cargo bench`); criterion prints the times.

use criterion::{criterion_group, criterion_main, Criterion};
use gongkai::example::example_workspace;
use gongkai::model::ReportStructure;
use gongkai::report::{self, BuildOptions};
use std::hint::black_box;

fn report_engine(c: &mut Criterion) {
    let ws = example_workspace();
    let year = ws.current_year.unwrap_or(2020);
    let Some(report) = ws.current().cloned() else {
        return;
    };
    let options = BuildOptions::default();
    let doc = report::build(&report, &options);
    let mut statutory = report.clone();
    statutory.structure = ReportStructure::Statutory;
    let statutory_doc = report::build(&statutory, &options);

    c.bench_function("check (example)", |b| {
        b.iter(|| gongkai::check::check(black_box(&ws), year))
    });
    c.bench_function("build document (example)", |b| {
        b.iter(|| report::build(black_box(&report), &options))
    });
    c.bench_function("DOCX (example)", |b| {
        b.iter(|| report::render_docx(black_box(&doc), "2026-01-01T00:00:00Z"))
    });
    c.bench_function("DOCX (statutory, all tables)", |b| {
        b.iter(|| report::render_docx(black_box(&statutory_doc), "2026-01-01T00:00:00Z"))
    });
    c.bench_function("HTML (example)", |b| {
        b.iter(|| report::render_html(black_box(&doc)))
    });
    c.bench_function("Markdown (example)", |b| {
        b.iter(|| report::render_markdown(black_box(&doc)))
    });
    c.bench_function("CSV (statutory)", |b| {
        b.iter(|| report::render_csv(black_box(&statutory_doc)))
    });
    // What the preview does on every keystroke: rebuild the document and render it to HTML.
    c.bench_function("preview update = build + HTML (example)", |b| {
        b.iter(|| report::render_html(&report::build(black_box(&report), &options)))
    });
}

criterion_group!(benches, report_engine);
criterion_main!(benches);
