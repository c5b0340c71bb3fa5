//! Explains how a district table is read and a query answered, for whoever is improving the parser:
//! `cargo run --example district_explain -- <folder of tests/fixtures/districts/real> [query…]`
//! prints each school's fragments (read, possible, unread, note) with the rules they became, then each
//! query's outcome. With `--grep <text>` only the schools whose text contains it.

use gongkai::district::mapping::{suggest, Role};
use gongkai::district::pinyin::readings;
use gongkai::district::spec::print_numbers;
use gongkai::district::table::{csv_file_rows, import_with, ImportOptions};
use gongkai::district::{
    apply_import, load_index, publish, write_published, DistrictData, ImportMode,
};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = args.first() else {
        eprintln!("usage: district_explain <folder> [--grep text] [query…]");
        return;
    };
    let dir = Path::new(folder);
    let mut grep = None;
    let mut queries = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        if a == "--grep" {
            grep = it.next().cloned();
        } else {
            queries.push(a.clone());
        }
    }
    let meta = std::fs::read_to_string(dir.join("meta.tsv")).unwrap_or_default();
    let get = |k: &str| {
        meta.lines()
            .find_map(|l| l.strip_prefix(k)?.strip_prefix('\t'))
            .unwrap_or("")
            .to_string()
    };
    let mut schools = Vec::new();
    let mut data = DistrictData {
        region: get("region"),
        bureau_phone: get("phone"),
        ..DistrictData::default()
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            n.starts_with("table") && (n.ends_with(".csv") || n.ends_with(".xlsx"))
        })
        .collect();
    files.sort();
    let fixes = std::fs::read_to_string(dir.join("mapping.tsv")).unwrap_or_default();
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let mut mapping = None;
        for l in fixes.lines() {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() == 3 && c[0] == name {
                let m = mapping
                    .get_or_insert_with(|| suggest(&csv_file_rows(&bytes, None).unwrap()).unwrap());
                m.set(c[1].parse::<usize>().unwrap() - 1, Role::from_name(c[2]));
            }
        }
        let imported = import_with(
            &bytes,
            &ImportOptions {
                file_name: &name,
                sheet: None,
                mapping: mapping.as_ref(),
                legacy: None,
            },
        );
        println!(
            "# {name}: {:?}, {} rules, {} errors",
            imported.kind,
            imported.rules.len(),
            imported.errors.len()
        );
        for e in &imported.errors {
            println!("  error: {e}");
        }
        for a in &imported.areas {
            if grep.as_ref().is_some_and(|g| {
                !a.text.contains(g.as_str()) && !a.schools.iter().any(|s| s.contains(g.as_str()))
            }) {
                continue;
            }
            println!(
                "## row {} {:?} {:?} town={}",
                a.row, a.schools, a.stage, a.town
            );
            for f in &a.fragments {
                println!("  [{:?}] {}", f.state, f.text);
                if f.state == gongkai::district::FragmentState::Unread {
                    for pf in gongkai::district::parse_fragments(&f.text) {
                        if let Some(e) = &pf.error {
                            println!("      ✗ {:?} in “{}”", e, pf.text);
                        }
                    }
                }
                for r in imported.rules.iter().filter(|r| r.fragment == f.id) {
                    println!(
                        "      → {:?} {}{} {} {}{}{}",
                        r.kind,
                        if r.town.is_empty() {
                            String::new()
                        } else {
                            format!("<{}>", r.town)
                        },
                        r.name,
                        print_numbers(&r.numbers),
                        if r.part.is_empty() {
                            String::new()
                        } else {
                            format!(" part={}", r.part)
                        },
                        if r.note.is_empty() {
                            String::new()
                        } else {
                            format!(" note={}", r.note)
                        },
                        if r.aliases.is_empty() {
                            String::new()
                        } else {
                            format!(" aliases={:?}", r.aliases)
                        },
                    );
                }
            }
        }
        apply_import(&mut schools, &mut data, &imported, ImportMode::Append);
    }
    let json = write_published(&publish(&data, &schools, &readings));
    let ix = load_index(&json).expect("loads");
    for q in queries {
        println!("? {q}\n  {:#?}", ix.search(&q));
    }
}
