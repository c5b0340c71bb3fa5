//! District edge inputs that once gave a wrong answer or changed a rule, each with the input
//! quoted: an alias hiding a place's own rule, rules that an unchanged edit changed, the school cell
//! naming two schools, a hand-edited districts.json, and workbooks with a row number or a part too
//! large.

use gongkai::district::area::{parse_area, parse_place_numbers, print_place};
use gongkai::district::editing::{fields_of, rule_from_fields, RuleFields};
use gongkai::district::pinyin::readings;
use gongkai::district::spec::print_numbers;
use gongkai::district::{
    apply_import, import_file, load_index, publish, write_published, DistrictData, DistrictIndex,
    ImportMode, Outcome, PlaceKind, Rule,
};
use gongkai::model::School;

fn index_of(csv: &str) -> DistrictIndex {
    let imported = import_file(csv.as_bytes(), None, None);
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    let mut schools: Vec<School> = Vec::new();
    let mut data = DistrictData::default();
    apply_import(&mut schools, &mut data, &imported, ImportMode::Replace);
    load_index(&write_published(&publish(&data, &schools, &readings))).expect("index")
}

/// The primary schools answered (names), and whether the answer is contested.
fn primary(ix: &DistrictIndex, q: &str) -> (Vec<String>, bool) {
    match ix.search(q) {
        Outcome::Found(f) => (
            f.primary
                .schools
                .iter()
                .map(|i| ix.school(*i).expect("school").name.clone())
                .collect(),
            f.primary.contested,
        ),
        other => panic!("{q}: {other:?}"),
    }
}

/// Issue 22, 1: the alias matched first and the place's own, more specific rule was never consulted.
#[test]
fn the_most_specific_rule_wins_whether_the_name_is_own_or_an_alias() {
    let ix = index_of(
        "道路或小区,门牌号,对口小学,对口初中\n\
         锦绣名苑（原锦绣家园）,全部,甲小学,\n\
         锦绣家园,1-10号,乙小学,\n",
    );
    assert_eq!(
        primary(&ix, "锦绣家园5号"),
        (vec!["乙小学".to_string()], false)
    );
    assert_eq!(
        primary(&ix, "锦绣家园11号"),
        (vec!["甲小学".to_string()], false)
    );
    assert_eq!(
        primary(&ix, "锦绣名苑5号"),
        (vec!["甲小学".to_string()], false)
    );
    // Equally specific: a tie, shown as one.
    let ix = index_of(
        "道路或小区,门牌号,对口小学,对口初中\n\
         锦绣名苑（原锦绣家园）,1-10号,甲小学,\n\
         锦绣家园,1-10号,乙小学,\n",
    );
    let (mut names, contested) = primary(&ix, "锦绣家园5号");
    names.sort();
    assert_eq!(names, ["乙小学", "甲小学"]);
    assert!(contested);
}

fn plain(r: &Rule) -> Rule {
    Rule {
        source: String::new(),
        ..r.clone()
    }
}

/// Opening a rule and saving it unchanged gives the same rule.
fn saved_unchanged(rule: &Rule) -> Rule {
    let mut rule = rule.clone();
    if rule.primary.is_empty() && rule.middle.is_empty() {
        rule.primary = vec!["甲小学".into()];
    }
    let back = rule_from_fields(&fields_of(&rule))
        .unwrap_or_else(|e| panic!("{:?} does not save: {e:?}", fields_of(&rule)));
    assert_eq!(plain(&back), plain(&rule), "{:?}", fields_of(&rule));
    back
}

/// The documented round trip of a rule table row.
fn reads_back(rule: &Rule) {
    let again = parse_place_numbers(&print_place(rule), &print_numbers(&rule.numbers))
        .unwrap_or_else(|e| {
            panic!(
                "{} {}: {e:?}",
                print_place(rule),
                print_numbers(&rule.numbers)
            )
        });
    let without = |r: &Rule| Rule {
        note: String::new(),
        town: String::new(),
        primary: Vec::new(),
        middle: Vec::new(),
        fragment: 0,
        ..plain(r)
    };
    assert_eq!(without(&again), without(rule));
}

/// Issue 22, “an edit that changes a rule without being asked”.
#[test]
fn an_unchanged_edit_keeps_the_rule() {
    // A boundary in a place cell with empty numbers: imported as a boundary, saved as one.
    let rule = parse_place_numbers("东风大街—创业大街—锦程大街—长沈路所围成的区域", "").unwrap();
    assert_eq!(rule.kind, PlaceKind::Boundary);
    saved_unchanged(&rule);
    reads_back(&rule);
    // `0合围` read NoPlace on the way back.
    let rule = parse_area("0合围").rules.remove(0);
    assert_eq!(rule.kind, PlaceKind::Boundary);
    saved_unchanged(&rule);
    reads_back(&rule);
    // Circled digits and digits inside a name.
    for text in ["x①", "村①", "东2风:"] {
        let parsed = parse_area(text);
        assert!(parsed.errors.is_empty(), "{text}: {:?}", parsed.errors);
        for rule in &parsed.rules {
            let saved = saved_unchanged(rule);
            assert!(saved.numbers.is_all(), "{text}: {saved:?}");
            reads_back(rule);
        }
    }
    // A long number inside a name is refused the same way on both paths, never accepted on one.
    assert!(!parse_area("东4897562风大街").errors.is_empty());
    assert!(rule_from_fields(&RuleFields {
        place: "东4897562风大街".into(),
        primary: "甲小学".into(),
        ..RuleFields::default()
    })
    .is_err());
    // Ordinary community names with a number in them.
    for (place, numbers, name) in [
        ("万科城3期", "", "万科城3期"),
        ("东方2号院", "全部", "东方2号院"),
        ("东方2号院", "", "东方2号院"),
    ] {
        let rule = parse_place_numbers(place, numbers).unwrap();
        assert_eq!(rule.name, name, "{place} {numbers}");
        assert!(rule.numbers.is_all(), "{place} {numbers}");
        saved_unchanged(&rule);
        reads_back(&rule);
    }
    // A road's numbers in its place cell still read as numbers.
    let rule = parse_place_numbers("朝阳路2号院", "").unwrap();
    assert_eq!(
        (rule.name.as_str(), print_numbers(&rule.numbers).as_str()),
        ("朝阳路", "2号(院)")
    );
}

/// Issue 22, “a school cell 甲小学、乙小学 in a 服务区域 table”: both schools on import, both when saved.
#[test]
fn a_school_cell_naming_two_schools_reads_the_same_on_import_and_save() {
    for sep in ["、", ",", "/", "；"] {
        let cell = format!("甲小学{sep}乙小学");
        let csv = format!("学校,学段,服务区域\n\"{cell}\",小学,和平路1-9号\n");
        let imported = import_file(csv.as_bytes(), None, None);
        assert!(imported.errors.is_empty(), "{sep}: {:?}", imported.errors);
        assert_eq!(imported.schools.len(), 2, "{sep}");
        let rule = &imported.rules[0];
        assert_eq!(rule.primary, ["甲小学", "乙小学"], "{sep}");
        saved_unchanged(rule);
        let back = rule_from_fields(&RuleFields {
            primary: cell.clone(),
            ..fields_of(rule)
        })
        .unwrap();
        assert_eq!(back.primary, rule.primary, "{sep}");
    }
}

/// Issue 22, “a hand-edited districts.json”: a rule with boundary roads but without the possible flag
/// is still a possible match, marked so.
#[test]
fn boundary_roads_make_a_possible_match_whatever_the_flags() {
    use gongkai::district::example::example_district;
    use gongkai::district::read_published;
    let (schools, data) = example_district();
    let mut published = publish(&data, &schools, &readings);
    let mut cleared = 0;
    for rule in &mut published.rules {
        if !rule.7.is_empty() {
            rule.6 = 0;
            cleared += 1;
        }
    }
    assert!(cleared > 0);
    let json = write_published(&published);
    assert_eq!(
        read_published(&json).expect("reads").rules[0].6,
        published.rules[0].6
    );
    let ix = load_index(&json).expect("index");
    let Outcome::Found(f) = ix.search("长沈路20号") else {
        panic!("长沈路20号")
    };
    assert_eq!(f.possible.len(), 1);
    assert!(f.possible.iter().all(|r| r.possible), "{:?}", f.possible);
}

/// A workbook of one sheet whose XML is `sheet` (deflated).
fn workbook(sheet: &str) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let parts = [
        (
            "xl/workbook.xml",
            r#"<workbook><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts).expect("zip");
        zip.write_all(text.as_bytes()).expect("zip");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

/// Issue 22, 3: `<row r="18446744073709551615">…</row><row>…</row>` overflowed (`r.number + 1`); in
/// release the rows were numbered `[18446744073709551615, 0]`.
#[test]
fn a_row_number_that_does_not_fit_is_a_damaged_file() {
    use gongkai::district::xlsx::{read_sheet, XlsxError};
    let cell = r#"<c t="inlineStr"><is><t>东风大街</t></is></c>"#;
    let sheet = format!(
        r#"<worksheet><sheetData><row r="18446744073709551615">{cell}</row><row>{cell}</row></sheetData></worksheet>"#
    );
    assert_eq!(
        read_sheet(&workbook(&sheet), None),
        Err(XlsxError::BadPart("xl/worksheets/sheet1.xml".into()))
    );
    // Numbers that fit keep the file's order; a row without one follows the last.
    let sheet = format!(
        r#"<worksheet><sheetData><row r="7">{cell}</row><row>{cell}</row><row r="3">{cell}</row></sheetData></worksheet>"#
    );
    let rows = read_sheet(&workbook(&sheet), None).expect("reads");
    let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [7, 8, 3]);
    let sheet = format!(
        r#"<worksheet><sheetData><row r="1048576">{cell}</row><row>{cell}</row></sheetData></worksheet>"#
    );
    assert!(read_sheet(&workbook(&sheet), None).is_err());
}

/// Issue 22: a 100 MB sheet inside a 97 KB workbook was read whole; parts are read up to a limit (here
/// a sheet 1 MB over it, which deflates as the 100 MB one does).
#[test]
fn a_part_that_unpacks_beyond_the_limit_is_refused() {
    use gongkai::district::xlsx::{read_sheet, XlsxError, MAX_PART_BYTES};
    let mut sheet = String::from("<worksheet><sheetData>");
    sheet.push_str(&" ".repeat(MAX_PART_BYTES as usize + (1 << 20)));
    sheet.push_str("</sheetData></worksheet>");
    let bytes = workbook(&sheet);
    assert!(bytes.len() < 200 * 1024, "{} bytes", bytes.len());
    assert!(sheet.len() as u64 > MAX_PART_BYTES);
    assert_eq!(
        read_sheet(&bytes, None),
        Err(XlsxError::TooLarge("xl/worksheets/sheet1.xml".into()))
    );
    let message = gongkai::text::t()
        .district
        .import_error(&gongkai::district::ImportError::file(
            gongkai::district::ImportErrorKind::Xlsx(XlsxError::TooLarge("x".repeat(5_000))),
        ));
    assert!(message.chars().count() < 200, "{message}");
}
