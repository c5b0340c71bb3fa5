//! Reads an XLSX district table with a column mapping and prints what it reads as:
//! `cargo run --example xlsx_probe -- <file.xlsx> [column=role …]`.
use gongkai::district::mapping::{suggest, Role};
use gongkai::district::table::{import_with, ImportOptions};
use gongkai::district::xlsx::read_sheet;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(&args[0]).expect("file");
    let rows = read_sheet(&bytes, None).expect("sheet");
    for r in rows.iter().take(8) {
        println!("{:?}", r);
    }
    let mut m = suggest(&rows).expect("mapping");
    for a in &args[1..] {
        let (c, r) = a.split_once('=').expect("column=role");
        m.set(c.parse::<usize>().expect("column") - 1, Role::from_name(r));
    }
    let imported = import_with(
        &bytes,
        &ImportOptions {
            file_name: &args[0],
            sheet: None,
            mapping: Some(&m),
            legacy: None,
        },
    );
    println!(
        "kind {:?}, {} rules, {} areas, {} errors, notes {:?}",
        imported.kind,
        imported.rules.len(),
        imported.areas.len(),
        imported.errors.len(),
        imported.notes
    );
    for a in &imported.areas {
        println!(
            "row {} {:?} town {}: {} fragments",
            a.row,
            a.schools,
            a.town,
            a.fragments.len()
        );
    }
}
