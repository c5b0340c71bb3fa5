//! The real corpus: district tables as bureaus published them (`tests/fixtures/districts/real/`, each
//! folder with its source), imported the way a bureau imports them (the headings mapped automatically,
//! or as the folder's `mapping.tsv` corrects them), published, and asked the folder's address queries.
//! The expected answers were written by reading the published text. Prints the accuracy per district;
//! fails on any wrong school and when fewer than 95 % of all answers are right.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use gongkai::district::lookup::{Assignment, RuleHit};
use gongkai::district::mapping::{suggest, Mapping, Role};
use gongkai::district::pinyin::readings;
use gongkai::district::table::{csv_file_rows, import_with, ImportOptions};
use gongkai::district::{
    apply_import, load_index, publish, write_published, DistrictData, DistrictIndex, ImportMode,
    Outcome,
};
use gongkai::model::{School, Stage};

/// An answer for one 学段, as the parent page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    /// These schools, definitely (several: a pool, a choice, or an overlap shown as such).
    Definite(BTreeSet<String>),
    /// Only possibly these schools (an area without a map, unread text, “附近”).
    Possible(BTreeSet<String>),
    /// No school: 请咨询教育局 (nothing covers it, a number is needed, a name to choose).
    None,
}

impl Answer {
    fn parse(cell: &str) -> Option<Answer> {
        let cell = cell.trim();
        if cell.is_empty() {
            return None;
        }
        if cell == "-" {
            return Some(Answer::None);
        }
        let (possible, list) = match cell.strip_prefix('?') {
            Some(rest) => (true, rest),
            None => (false, cell),
        };
        let set: BTreeSet<String> = list.split('|').map(|s| s.trim().to_string()).collect();
        Some(if possible {
            Answer::Possible(set)
        } else {
            Answer::Definite(set)
        })
    }

    fn map(self, f: impl Fn(&str) -> String) -> Answer {
        match self {
            Answer::Definite(s) => Answer::Definite(s.iter().map(|n| f(n)).collect()),
            Answer::Possible(s) => Answer::Possible(s.iter().map(|n| f(n)).collect()),
            Answer::None => Answer::None,
        }
    }

    fn show(&self) -> String {
        match self {
            Answer::Definite(s) => s.iter().cloned().collect::<Vec<_>>().join("|"),
            Answer::Possible(s) => format!("?{}", s.iter().cloned().collect::<Vec<_>>().join("|")),
            Answer::None => "-".into(),
        }
    }
}

/// A school's name without the district's own prefix (“广州市越秀区东山培正小学” is 东山培正小学).
fn short(region: &str, name: &str) -> String {
    let mut name = gongkai::district::normalize::clean(name.trim());
    let mut parts = Vec::new();
    let mut part = String::new();
    for c in region.chars() {
        part.push(c);
        if matches!(c, '省' | '市' | '区' | '县') {
            parts.push(std::mem::take(&mut part));
        }
    }
    for p in parts {
        if let Some(rest) = name.strip_prefix(&p) {
            name = rest.to_string();
        }
    }
    name
}

fn names(ix: &DistrictIndex, ids: &[u32]) -> BTreeSet<String> {
    ids.iter()
        .filter_map(|i| ix.school(*i))
        .map(|s| short(&ix.meta.region, &s.name))
        .collect()
}

fn stage_ids<'a>(r: &RuleHit<'a>, stage: Stage) -> &'a [u32] {
    if stage == Stage::Primary {
        r.primary
    } else {
        r.middle
    }
}

/// What the page answers for one 学段.
fn answer(ix: &DistrictIndex, outcome: &Outcome, stage: Stage) -> Answer {
    let f = match outcome {
        Outcome::Found(f) => f,
        // Unread text that names the place: only possible.
        Outcome::NotFound { possible, .. } => {
            let schools: BTreeSet<String> = possible
                .iter()
                .flat_map(|r| names(ix, stage_ids(r, stage)))
                .collect();
            return if schools.is_empty() {
                Answer::None
            } else {
                Answer::Possible(schools)
            };
        }
        _ => return Answer::None,
    };
    let a: &Assignment = if stage == Stage::Primary {
        &f.primary
    } else {
        &f.middle
    };
    if !a.schools.is_empty() {
        return Answer::Definite(names(ix, &a.schools));
    }
    let possible: BTreeSet<String> = f
        .possible
        .iter()
        .flat_map(|r| names(ix, stage_ids(r, stage)))
        .collect();
    if possible.is_empty() {
        Answer::None
    } else {
        Answer::Possible(possible)
    }
}

/// Right, not right (but no wrong school), or a wrong school.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Right,
    Short,
    Wrong,
}

fn verdict(expected: &Answer, got: &Answer) -> Verdict {
    if expected == got {
        return Verdict::Right;
    }
    match (expected, got) {
        // A definite school the text does not give for this address is wrong, whatever was expected.
        (Answer::Definite(want), Answer::Definite(have)) if have.is_subset(want) => Verdict::Short,
        (_, Answer::Definite(_)) => Verdict::Wrong,
        _ => Verdict::Short,
    }
}

struct Folder {
    dir: PathBuf,
    name: String,
}

fn folders() -> Vec<Folder> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/districts/real");
    let mut out: Vec<Folder> = std::fs::read_dir(&root)
        .expect("the real corpus folder exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("queries.tsv").is_file())
        .map(|dir| Folder {
            name: dir.file_name().unwrap().to_string_lossy().into_owned(),
            dir,
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// `meta.tsv`: `key<TAB>value` lines (region, phone).
fn meta(dir: &Path, key: &str) -> String {
    std::fs::read_to_string(dir.join("meta.tsv"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('\t'))
        .unwrap_or("")
        .trim()
        .to_string()
}

/// The folder's tables, imported as a bureau would: every `table*.csv` / `table*.xlsx`, the headings
/// mapped automatically unless `mapping.tsv` corrects them.
fn import(dir: &Path) -> (Vec<School>, DistrictData, usize) {
    let mut schools = Vec::new();
    let mut data = DistrictData {
        region: meta(dir, "region"),
        bureau_phone: meta(dir, "phone"),
        ..DistrictData::default()
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("table") && (n.ends_with(".csv") || n.ends_with(".xlsx"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no table file", dir.display());
    let mut unread = 0;
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
        let mapping = corrected_mapping(dir, &file_name, &bytes);
        let imported = import_with(
            &bytes,
            &ImportOptions {
                file_name: &file_name,
                sheet: None,
                mapping: mapping.as_ref(),
                legacy: None,
            },
        );
        assert!(
            imported.kind.is_some(),
            "{file_name}: not read: {:?}",
            imported.errors.first()
        );
        unread += imported.unread().count();
        apply_import(&mut schools, &mut data, &imported, ImportMode::Append);
    }
    (schools, data, unread)
}

/// The mapping a bureau confirmed: the suggested one with the corrections of `mapping.tsv`
/// (`file<TAB>column (1-based)<TAB>role name`, role `-` = not read); `None` when there are none.
fn corrected_mapping(dir: &Path, file_name: &str, bytes: &[u8]) -> Option<Mapping> {
    let text = std::fs::read_to_string(dir.join("mapping.tsv")).ok()?;
    let fixes: Vec<(usize, Option<Role>)> = text
        .lines()
        .filter_map(|l| {
            let mut cells = l.split('\t');
            (cells.next()? == file_name).then_some(())?;
            let column: usize = cells.next()?.trim().parse().ok()?;
            let role = cells.next()?.trim();
            Some((column - 1, Role::from_name(role)))
        })
        .collect();
    if fixes.is_empty() {
        return None;
    }
    let rows = csv_file_rows(bytes, None).expect("the table reads as CSV");
    let mut m = suggest(&rows).expect("a header row");
    for (column, role) in fixes {
        m.set(column, role);
    }
    Some(m)
}

#[test]
fn the_real_corpus_gives_no_wrong_school() {
    let mut report = String::new();
    let (mut right, mut total, mut wrong) = (0usize, 0usize, Vec::new());
    let folders = folders();
    assert!(
        folders.len() >= 6,
        "the corpus holds {} districts",
        folders.len()
    );
    for folder in &folders {
        let (schools, data, unread) = import(&folder.dir);
        let json = write_published(&publish(&data, &schools, &readings));
        let ix = load_index(&json).expect("the published file loads");
        let queries = std::fs::read_to_string(folder.dir.join("queries.tsv")).unwrap();
        let (mut r, mut n) = (0, 0);
        let mut misses = String::new();
        for (i, line) in queries.lines().enumerate().skip(1) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let query = cells[0];
            let outcome = ix.search(query);
            for (col, stage) in [(1, Stage::Primary), (2, Stage::Middle)] {
                let Some(expected) = cells.get(col).and_then(|c| Answer::parse(c)) else {
                    continue;
                };
                let expected = expected.map(|n| short(&data.region, n));
                let got = answer(&ix, &outcome, stage);
                n += 1;
                match verdict(&expected, &got) {
                    Verdict::Right => r += 1,
                    v => {
                        let _ = writeln!(
                            misses,
                            "    {}line {}: {query} [{:?}] expected {} got {}",
                            if v == Verdict::Wrong { "WRONG " } else { "" },
                            i + 1,
                            stage,
                            expected.show(),
                            got.show()
                        );
                        if v == Verdict::Wrong {
                            wrong.push(format!("{}: {query}", folder.name));
                        }
                    }
                }
            }
        }
        let _ = writeln!(
            report,
            "  {:<40} {:>3}/{:<3} right ({:>5.1} %), {} rules, {} unread fragments",
            folder.name,
            r,
            n,
            100.0 * r as f64 / n.max(1) as f64,
            data.rules.len(),
            unread
        );
        report.push_str(&misses);
        assert!(n >= 30, "{}: only {n} answers to check", folder.name);
        right += r;
        total += n;
    }
    let share = 100.0 * right as f64 / total.max(1) as f64;
    println!(
        "real corpus: {right}/{total} answers right ({share:.1} %), {} wrong schools\n{report}",
        wrong.len()
    );
    assert!(wrong.is_empty(), "wrong schools: {wrong:#?}\n{report}");
    assert!(share >= 95.0, "only {share:.1} % right\n{report}");
}

/// Every rule read from the real tables, opened on the rules page and saved unchanged, is the same
// rule: an edit never changes a rule without being asked.
#[test]
fn every_real_rule_saves_unchanged() {
    use gongkai::district::editing::{fields_of, rule_from_fields};
    let mut checked = 0;
    let mut changed = Vec::new();
    for folder in &folders() {
        let (_, data, _) = import(&folder.dir);
        for rule in &data.rules {
            let plain = |r: &gongkai::district::Rule| gongkai::district::Rule {
                source: String::new(),
                ..r.clone()
            };
            let fields = fields_of(rule);
            match rule_from_fields(&fields) {
                Ok(saved) if plain(&saved) == plain(rule) => {}
                other => changed.push(format!("{}: {fields:?} → {other:?}", folder.name)),
            }
            checked += 1;
        }
    }
    assert!(checked > 3_000, "{checked} rules");
    assert!(
        changed.is_empty(),
        "{} of {checked} rules change:\n{}",
        changed.len(),
        changed[..changed.len().min(10)].join("\n")
    );
}
