//! Fuzzing of the submission parser: 10⁶ generated inputs (4 × 250,000 proptest cases, run two at a
//! time on two cores). Each input is a
//! small valid submission damaged at the character level (deletions, insertions of JSON and date
//! fragments, truncation), at the JSON level (a field replaced by a value of another type, a huge or
//! negative number, an impossible date; half of these with the hash recomputed so the checks behind
//! the hash are reached), or plain noise. None may panic; a file that reads writes back to the same
//! submission with a matching hash, and the merge preview and apply take it without panicking.
//!
//! The 10⁶ run is cheap only optimised: `scripts/test.sh` runs it in the `overflow` cargo profile
//! (`cargo test --locked --profile overflow --test district_fuzz --test school_fuzz`). The debug
//! `cargo test` runs 4 × 2,000 cases. `GONGKAI_FUZZ_CASES=<n>` sets the cases per test.

#[path = "support/fuzz_seed.rs"]
mod fuzz_seed;

use gongkai::district::synth::Rng;
use gongkai::model::{Report, School, SubmissionItem};
use gongkai::school::{
    apply, content_hash, preview, read_submission, synth, write_submission, Incoming,
};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// The bureau's report and schools, and one small valid submission (text and JSON).
struct Base {
    report: Report,
    schools: Vec<School>,
    text: String,
    json: Value,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let ws = synth::workspace(2);
        let mut rng = Rng::new(7);
        let mut s = synth::submission(&ws, 0, 10, &mut rng);
        // Keep the input small: two items, one with a count and a date.
        s.items
            .retain(|i| i.item == "open-day" || i.item == "student-awards");
        s.items[0].dates = vec!["2024-05-01".into()];
        s.hash = content_hash(&s.items);
        let text = write_submission(&s);
        Base {
            report: ws.current().expect("a report").clone(),
            schools: ws.schools.clone(),
            json: serde_json::from_str(&text).expect("valid JSON"),
            text,
        }
    })
}

const FRAGMENTS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "true",
    "0",
    "-1",
    "1e999",
    "9007199254740993",
    "18446744073709551616",
    "65535",
    "\"2024-02-30\"",
    "\"2024-13-01\"",
    "\"\"",
    "\\u0000",
    "\\ud800",
    "\\",
    "sha256:",
    "\"sha256:00\"",
    "学校",
    "开放日",
    "\u{feff}",
    "\u{0}",
    "　",
    "\"items\"",
    "\"hash\"",
    "\"year\"",
    "\"created_at\"",
    "\"school\"",
    "\"counts\"",
    "\"value\"",
    "T25:61:00Z",
    "+08:00",
    "2024-12-31T23:59:60Z",
    "gongkai-submission",
    "gongkai-pack",
];

fn fragment(rng: &mut Rng) -> &'static str {
    FRAGMENTS[rng.below(FRAGMENTS.len() as u64) as usize]
}

/// A char boundary of `s` at most `at`.
fn boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn damage_text(rng: &mut Rng) -> String {
    let mut s = base().text.clone();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&s, rng.below(s.len() as u64 + 1) as usize);
        match rng.below(4) {
            0 => {
                let end = boundary(&s, at + rng.below(12) as usize);
                s.replace_range(at..end.max(at), "");
            }
            1 | 2 => s.insert_str(at, fragment(rng)),
            _ => s.truncate(at),
        }
    }
    s
}

fn random_value(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => Value::from(rng.next_u64()),
        3 => Value::from(-(rng.below(1000) as i64)),
        4 => Value::from(1.5),
        5 => Value::from(fragment(rng)),
        6 => Value::from(format!("2024-{:02}-{:02}", rng.below(15), rng.below(35))),
        7 => Value::Array(vec![Value::from(fragment(rng))]),
        _ => Value::Object(Default::default()),
    }
}

/// Replaces one value at a random depth of `v`, or removes an object's key.
fn mutate(v: &mut Value, rng: &mut Rng) {
    let descend = rng.chance(70);
    match v {
        Value::Object(map) if descend && !map.is_empty() => {
            let n = rng.below(map.len() as u64) as usize;
            let key = map.keys().nth(n).cloned().unwrap_or_default();
            if rng.chance(10) {
                map.remove(&key);
            } else if let Some(child) = map.get_mut(&key) {
                mutate(child, rng);
            }
        }
        Value::Array(list) if descend && !list.is_empty() => {
            let n = rng.below(list.len() as u64) as usize;
            if rng.chance(10) {
                let copy = list[n].clone();
                list.push(copy);
            } else {
                mutate(&mut list[n], rng);
            }
        }
        _ => *v = random_value(rng),
    }
}

fn damage_json(rng: &mut Rng) -> String {
    let mut v = base().json.clone();
    for _ in 0..1 + rng.below(3) {
        mutate(&mut v, rng);
    }
    if rng.chance(50) {
        let items = v
            .get("items")
            .cloned()
            .and_then(|i| serde_json::from_value::<Vec<SubmissionItem>>(i).ok());
        if let (Some(items), Value::Object(map)) = (items, &mut v) {
            map.insert("hash".into(), Value::from(content_hash(&items)));
        }
    }
    v.to_string()
}

fn noise(rng: &mut Rng) -> String {
    (0..rng.below(12))
        .map(|_| {
            if rng.chance(80) {
                fragment(rng).to_string()
            } else {
                char::from_u32(rng.below(0x3_0000) as u32)
                    .unwrap_or('?')
                    .to_string()
            }
        })
        .collect()
}

fn generate(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    match rng.below(10) {
        0..=4 => damage_text(&mut rng),
        5..=8 => damage_json(&mut rng),
        _ => noise(&mut rng),
    }
}

fn check(input: &str) -> Result<(), TestCaseError> {
    let Ok(s) = read_submission(input) else {
        return Ok(());
    };
    prop_assert_eq!(&s.hash, &content_hash(&s.items));
    let again = read_submission(&write_submission(&s));
    prop_assert_eq!(again.as_ref(), Ok(&s));
    let b = base();
    let file = Incoming {
        name: "fuzz.gongkai-submission.json".into(),
        text: input.to_string(),
    };
    let p = preview(Some(&b.report), &b.schools, &[file]);
    let mut report = b.report.clone();
    apply(&mut report, &p, &[0]);
    Ok(())
}

#[test]
fn the_base_input_reads_and_most_damage_is_refused() {
    assert!(read_submission(&base().text).is_ok());
    let (mut read, mut total) = (0, 2000);
    for seed in 0..total {
        if read_submission(&generate(seed)).is_ok() {
            read += 1;
        }
    }
    total -= read;
    assert!(read > 0, "some generated inputs must still be valid");
    assert!(total > read, "most damaged inputs must be refused");
}

/// Cases per test (four tests): `GONGKAI_FUZZ_CASES`, else 250,000 optimised (10⁶ in all, the
/// `overflow` profile step of `scripts/test.sh`) and 2,000 in a debug `cargo test`.
fn cases() -> u32 {
    std::env::var("GONGKAI_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            2_000
        } else {
            250_000
        })
}

/// Runs `cases()` generated inputs from proptest seeds mixed with `salt`, and prints how many ran
/// (`cargo test … -- --show-output` shows it). A failure panics with proptest's smallest failing seed.
fn fuzz(salt: u64) {
    let config = ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        rng_seed: fuzz_seed::seed(),
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let ran = AtomicU64::new(0);
    let result = runner.run(&any::<u64>(), |seed| {
        ran.fetch_add(1, Ordering::Relaxed);
        check(&generate(seed ^ salt))
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    println!(
        "school_fuzz {salt:#x}: {} generated inputs, no panic",
        ran.load(Ordering::Relaxed)
    );
}

#[test]
fn submission_parser_survives_a() {
    fuzz(0);
}

#[test]
fn submission_parser_survives_b() {
    fuzz(0xb);
}

#[test]
fn submission_parser_survives_c() {
    fuzz(0xc);
}

#[test]
fn submission_parser_survives_d() {
    fuzz(0xd);
}
