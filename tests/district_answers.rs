//! Property tests of the lookup's answers: for any generated rule table and any address,
//! every school answered is one that a rule covering that address names (checked by brute force over
//! the rules as imported), or the answer gives no school (empty, a choice, a number to add, or only
//! possible matches). A number between two listed ranges, which no rule covers, is never answered
//! with a school. Tables are written as CSV and go through the import, publishing and the published
//! file, as a bureau's do.
//!
//! `GONGKAI_DISTRICT_ANSWER_CASES=<n>` sets the tables tried (default 1,000 in a debug build, 10,000
//! optimised); each table is asked 60 addresses.

use std::collections::BTreeSet;

use gongkai::district::pinyin::readings;
use gongkai::district::spec::{Address, Cover};
use gongkai::district::synth::Rng;
use gongkai::district::{
    apply_import, import_file, load_index, publish, write_published, DistrictData, DistrictIndex,
    ImportMode, Outcome, Rule,
};
use gongkai::model::School;

const PLACES: [&str; 4] = ["和平路", "建设路", "人民街", "永丰村"];
const SCHOOLS: [&str; 5] = ["甲小学", "乙小学", "丙小学", "丁小学", "戊小学"];

/// One 门牌号 cell of the shapes real tables use.
fn numbers(rng: &mut Rng) -> String {
    let a = 1 + rng.below(120) as u32;
    let b = a + rng.below(80) as u32;
    let c = a + rng.below((b - a + 1) as u64) as u32;
    match rng.below(12) {
        0 => format!("{a}-{b}号"),
        1 => format!("{a}-{b}号（单号）"),
        2 => format!("{a}-{b}号（双号）"),
        3 => format!("{a}号"),
        4 => format!("{a}号以上"),
        5 => format!("{b}号以下"),
        6 => "全部".to_string(),
        7 => format!("{a}-{b}号（不含{c}号）"),
        8 => format!("{}栋", a % 30 + 1),
        9 => format!("{}-{}栋", a % 30 + 1, a % 30 + 1 + b % 5),
        10 => format!("{}组", a % 12 + 1),
        _ => format!("{a}号、{b}号"),
    }
}

fn table(rng: &mut Rng) -> String {
    let mut csv = String::from("道路或小区,门牌号,对口小学,对口初中\n");
    for _ in 0..1 + rng.below(12) {
        let place = PLACES[rng.below(PLACES.len() as u64) as usize];
        let school = SCHOOLS[rng.below(SCHOOLS.len() as u64) as usize];
        csv.push_str(&format!("{place},{},{school},\n", numbers(rng)));
    }
    csv
}

fn query(rng: &mut Rng) -> String {
    let place = PLACES[rng.below(PLACES.len() as u64) as usize];
    let n = 1 + rng.below(220);
    match rng.below(8) {
        0 => format!("{place}{}栋", n % 32 + 1),
        1 => format!("{place}{}组", n % 14 + 1),
        2 => place.to_string(),
        3 => format!("{place}{n}号{}栋{}单元", n % 5 + 1, n % 3 + 1),
        _ => format!("{place}{n}号"),
    }
}

/// Whether a rule of the table definitely covers the address.
fn covers(rule: &Rule, a: &Address) -> bool {
    let n = &rule.numbers;
    let listed = n.items.is_empty() || n.items.iter().any(|s| s.covers(a) == Cover::Yes);
    let left_out = n.except.iter().any(|s| s.covers(a) != Cover::No);
    listed && !left_out && rule.part.is_empty()
}

fn built(csv: &str) -> (DistrictIndex, DistrictData) {
    let imported = import_file(csv.as_bytes(), None, None);
    assert!(imported.errors.is_empty(), "{csv}: {:?}", imported.errors);
    let mut schools: Vec<School> = Vec::new();
    let mut data = DistrictData::default();
    apply_import(&mut schools, &mut data, &imported, ImportMode::Replace);
    let ix = load_index(&write_published(&publish(&data, &schools, &readings))).expect("index");
    (ix, data)
}

fn cases() -> u64 {
    std::env::var("GONGKAI_DISTRICT_ANSWER_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            1_000
        } else {
            10_000
        })
}

#[test]
fn every_school_answered_is_named_by_a_rule_covering_the_address() {
    let (mut answered, mut asked) = (0usize, 0usize);
    for seed in 0..cases() {
        let mut rng = Rng::new(0x5eed_0017 ^ seed);
        let csv = table(&mut rng);
        let (ix, data) = built(&csv);
        for _ in 0..60 {
            let q = query(&mut rng);
            asked += 1;
            let Outcome::Found(found) = ix.search(&q) else {
                continue;
            };
            let place = found.place.name;
            let allowed: BTreeSet<&str> = data
                .rules
                .iter()
                .filter(|r| r.name == place && covers(r, &found.address))
                .flat_map(|r| r.primary.iter().map(String::as_str))
                .collect();
            let given: Vec<&str> = found
                .primary
                .schools
                .iter()
                .map(|i| ix.school(*i).expect("school").name.as_str())
                .collect();
            if !given.is_empty() {
                answered += 1;
            }
            for s in &given {
                assert!(
                    allowed.contains(s),
                    "{q:?} answered {s} (allowed {allowed:?}) with the table\n{csv}"
                );
            }
        }
    }
    println!("{asked} addresses asked, {answered} answered with a school, none by a rule not covering it");
    assert!(
        answered * 10 > asked,
        "too few answers to mean anything: {answered} of {asked}"
    );
}

/// 和平路 1-9号 and 21-29号 name schools; 10 to 20 lie between them and are covered by nothing.
#[test]
fn a_number_between_two_listed_ranges_gets_no_school() {
    for (a, b) in [
        ("1-9号", "21-29号"),
        ("1-9号（单号）", "21-29号（单号）"),
        ("9号以下", "21号以上"),
    ] {
        let csv = format!(
            "道路或小区,门牌号,对口小学,对口初中\n和平路,{a},甲小学,\n和平路,{b},乙小学,\n"
        );
        let (ix, _) = built(&csv);
        for n in 10..=20 {
            let q = format!("和平路{n}号");
            match ix.search(&q) {
                Outcome::Found(f) => assert!(
                    f.primary.schools.is_empty() && f.middle.schools.is_empty(),
                    "{q} with {a} / {b}: {f:?}"
                ),
                Outcome::NotFound { .. } => {}
                other => panic!("{q}: {other:?}"),
            }
        }
    }
}
