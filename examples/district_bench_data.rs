//! Writes the data of the browser benchmark (`node benches/browser/district.mjs`, which runs it): a
//! generated district of about `rules` rules and `queries` queries from `district::synth`, as
//! `<out>/<label>-districts.json` (the published file the wasm index loads), `<label>-rows.json` (one
//! `[name, numbers, primary school, wording]` per rule, what the JS libraries index) and
//! `<label>-queries.json` (`[text, kind, expected primary school or null]`).
//!
//! `cargo run --profile overflow --example district_bench_data -- <rules> <queries> <out> <label>`

use gongkai::district::synth::{generate, QueryKind};
use gongkai::district::write_published;
use serde_json::json;
use std::path::Path;

fn arg(i: usize, default: &str) -> String {
    std::env::args()
        .nth(i)
        .unwrap_or_else(|| default.to_string())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules: usize = arg(1, "100000").parse()?;
    let queries: usize = arg(2, "2000").parse()?;
    let out = arg(3, "benches/browser/data");
    let label = arg(4, "100k");
    let synth = generate(rules, queries, 42);
    let p = &synth.published;
    std::fs::create_dir_all(&out)?;
    let out = Path::new(&out);
    std::fs::write(
        out.join(format!("{label}-districts.json")),
        write_published(p),
    )?;
    let rows: Vec<_> = p
        .rules
        .iter()
        .map(|r| {
            json!([
                p.places[r.0 as usize].0,
                r.1,
                r.2.first().map_or(-1, |s| i64::from(*s)),
                p.texts[r.4 as usize]
            ])
        })
        .collect();
    std::fs::write(
        out.join(format!("{label}-rows.json")),
        serde_json::to_string(&rows)?,
    )?;
    let qs: Vec<_> = synth
        .queries
        .iter()
        .map(|q| {
            let kind = match q.kind {
                QueryKind::RoadNumber => "road+number",
                QueryKind::Community => "community",
                QueryKind::Typo => "typo",
                QueryKind::Unknown => "unknown",
            };
            json!([q.text, kind, q.expected])
        })
        .collect();
    std::fs::write(
        out.join(format!("{label}-queries.json")),
        serde_json::to_string(&qs)?,
    )?;
    println!(
        "{label}: {} rules, {} places, {} queries written to {}",
        p.rules.len(),
        p.places.len(),
        qs.len(),
        out.display()
    );
    Ok(())
}
