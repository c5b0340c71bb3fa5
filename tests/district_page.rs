//! The district pages' core: reading a table in steps gives what reading it at once gives; the preview
//! stays linear on a large file; readings computed elsewhere land where `publish` puts them; the
//! example's published file shipped with the parent page (`lookup/districts.json`) is current; and
//! the parent page's answers carry the schools, addresses, phones, warnings, the original wording, the
//! date and the bureau's note, never a guessed school.

use gongkai::district::example::{example_district, RULES_CSV};
use gongkai::district::pinyin::readings;
use gongkai::district::table::csv_rows;
use gongkai::district::{
    import_rows, load_index, parse_numbers, preview_import, publish, reading_names, set_readings,
    write_published, DistrictData, ImportJob, ImportMode, Row, Rule,
};
use gongkai::district::{ImportError, ImportErrorKind};
use gongkai::lookup::{embed, outcome_html, suggestions_html};
use gongkai::text::lookup::ZH_CN as T;

#[test]
fn reading_in_steps_equals_reading_at_once() {
    let mut text = String::from("标题行\n");
    text.push_str(RULES_CSV);
    text.push_str("坏行,1-号,甲小学,,\n,,,,\n");
    let rows = csv_rows(&text).unwrap();
    let whole = import_rows(&rows);
    assert_eq!(whole.errors.len(), 1);
    for chunk in [1, 2, 7, 1000] {
        let mut job = ImportJob::new(&rows);
        let mut steps = 0;
        let mut last = 0;
        while !job.step(chunk) {
            let (done, total) = job.progress();
            assert!(done > last && done <= total);
            last = done;
            steps += 1;
        }
        assert_eq!(job.progress().0, rows.len());
        assert_eq!(job.finish(), whole, "chunk {chunk}");
        assert_eq!(steps + 1, (rows.len() - 2).div_ceil(chunk).max(1));
    }
    // A file without a header fails at once, in steps too.
    let bad = vec![Row {
        number: 1,
        cells: vec!["x".into(), "y".into()],
    }];
    let mut job = ImportJob::new(&bad);
    assert!(job.step(10));
    assert_eq!(job.finish(), import_rows(&bad));
}

#[test]
fn the_preview_of_a_large_file_is_linear() {
    let rules: Vec<Rule> = (0..30_000)
        .map(|i| {
            let mut r = Rule::new(&format!("第{i}路"), parse_numbers("1-99号(单号)").unwrap());
            r.primary = vec![format!("第{}小学", i % 40)];
            r
        })
        .collect();
    let (schools, current) = example_district();
    let imported = gongkai::district::Imported {
        kind: None,
        rules: rules.clone(),
        errors: Vec::new(),
        rows: rules.len(),
        ..gongkai::district::Imported::failed(ImportError::file(ImportErrorKind::Empty))
    };
    let started = std::time::Instant::now();
    let p = preview_import(&schools, &current, &imported, ImportMode::Replace);
    // Not a timing assertion: a quadratic preview would take minutes here, a linear one milliseconds.
    let elapsed = started.elapsed();
    assert_eq!(p.rules_after, 30_000);
    assert_eq!(p.rules_removed, current.rules.len());
    let same = preview_import(
        &schools,
        &current,
        &imported_of(&current),
        ImportMode::Replace,
    );
    assert_eq!((same.rules_new, same.rules_removed), (0, 0));
    eprintln!("preview of 30,000 rules: {elapsed:?}");
}

fn imported_of(d: &DistrictData) -> gongkai::district::Imported {
    gongkai::district::Imported {
        kind: None,
        rules: d.rules.clone(),
        errors: Vec::new(),
        rows: d.rules.len(),
        ..gongkai::district::Imported::failed(ImportError::file(ImportErrorKind::Empty))
    }
}

#[test]
fn readings_set_afterwards_equal_readings_computed_while_publishing() {
    let (schools, data) = example_district();
    let direct = publish(&data, &schools, &readings);
    let mut later = publish(&data, &schools, &|_| Vec::new());
    let names = reading_names(&later);
    assert!(!names.is_empty());
    let computed: Vec<Vec<String>> = names.iter().map(|n| readings(n)).collect();
    set_readings(&mut later, computed);
    assert_eq!(later, direct);
}

/// `lookup/districts.json`: the example's published data, which the build ships beside the parent
/// page and inside `dist/lookup.html`. `UPDATE_GOLDEN=1 cargo test --test district_page` rewrites it.
#[test]
fn the_shipped_example_data_is_current() {
    let (schools, data) = example_district();
    let json = write_published(&publish(&data, &schools, &readings));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lookup/districts.json");
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::write(&path, &json).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == json,
        "lookup/districts.json is not the example's published data: run `UPDATE_GOLDEN=1 cargo test --test district_page`"
    );
}

fn example_json() -> String {
    let (schools, data) = example_district();
    write_published(&publish(&data, &schools, &readings))
}

fn answer(query: &str) -> String {
    let ix = load_index(&example_json()).unwrap();
    outcome_html(&ix, &ix.search(query), query, &T, 2)
}

#[test]
fn a_found_address_shows_schools_warnings_wording_date_and_note() {
    let html = answer("东风大街3号");
    assert!(html.contains("data-testid=\"lookup-result\""));
    assert!(html.contains("data-kind=\"found\""));
    // primary and middle school, with address, phone and 招生预警
    for part in [
        "汽开区第一实验小学",
        "东风大街1888号",
        "href=\"tel:0431-85000001\"",
        "红色预警",
        "汽开区第一中学",
        "一级预警",
        "数据日期：2024-05-01",
        "东风大街 1—99号（单号）",
        "以教育局当年发布的招生公告和入学通知为准",
    ] {
        assert!(html.contains(part), "{part} missing in {html}");
    }
    // the note comes first, above the schools
    assert!(html.find("lookup-note").unwrap() < html.find("汽开区第一实验小学").unwrap());
    // several middle schools
    let html = answer("飞跃路680弄");
    assert!(html.contains("汽开区第一中学") && html.contains("汽开区第二中学"));
}

#[test]
fn nothing_found_gives_the_phone_and_no_school() {
    let html = answer("不存在路5号");
    assert!(html.contains("data-testid=\"lookup-empty\""));
    assert!(html.contains("0431-85000000"));
    assert!(!html.contains("小学"), "{html}");
    let html = answer("东风大街");
    assert!(
        html.contains("data-testid=\"lookup-need-number\""),
        "{html}"
    );
    assert!(html.matches("data-testid=\"lookup-candidate\"").count() >= 3);
    assert!(html.contains("请补充门牌号"));
}

/// A number no rule of a known road covers lists the road's rules, never another rule's school; a
/// close name is offered as a button and not searched; unread text that names the place is shown as
/// possible, with its wording.
#[test]
fn uncovered_numbers_close_names_and_unread_text() {
    let html = answer("永丰村5组");
    assert!(html.contains("data-testid=\"lookup-empty\""), "{html}");
    assert!(
        html.contains("找到了“永丰村”，但没有覆盖“5组”的划片规则"),
        "{html}"
    );
    assert!(html.contains("data-testid=\"lookup-listed\""), "{html}");
    assert!(!html.contains("data-testid=\"lookup-school\""), "{html}");
    let html = answer("东风大接88号");
    assert!(html.contains("data-testid=\"lookup-empty\""), "{html}");
    assert!(html.contains("您要找的是不是"), "{html}");
    assert!(
        html.contains("data-testid=\"lookup-did-you-mean\" data-q=\"东风大街88号\""),
        "{html}"
    );
    assert!(!html.contains("data-testid=\"lookup-school\""), "{html}");
    // A fragment the workbench could not read, naming 和平路.
    let (schools, mut data) = example_district();
    let csv = "学校,学段,服务区域\n汽开区创业小学,小学,和平路5-x号\n";
    let imported = gongkai::district::import_file(csv.as_bytes(), None, None);
    let mut schools = schools;
    gongkai::district::apply_import(&mut schools, &mut data, &imported, ImportMode::Append);
    let ix = load_index(&write_published(&publish(&data, &schools, &readings))).unwrap();
    let html = outcome_html(&ix, &ix.search("和平路5号"), "和平路5号", &T, 2);
    assert!(html.contains("data-testid=\"lookup-possible\""), "{html}");
    assert!(html.contains("和平路5-x号"), "{html}");
    assert!(html.contains("汽开区创业小学"), "{html}");
    assert!(html.contains("0431-85000000"), "{html}");
}

#[test]
fn boundary_roads_are_possible_matches_with_their_wording() {
    let html = answer("锦程大街2000号");
    assert!(html.contains("data-testid=\"lookup-possible\""), "{html}");
    assert!(html.contains("所围成的区域"), "{html}");
}

#[test]
fn typed_text_is_escaped_and_suggestions_carry_the_numbers() {
    let html = answer("<img src=x>路1号");
    assert!(!html.contains("<img"), "{html}");
    let ix = load_index(&example_json()).unwrap();
    let s = suggestions_html(&ix, "dfdj 88", &T);
    assert!(s.count >= 1);
    assert!(s.html.contains("data-q=\"东风大街88号\""), "{}", s.html);
    let s = suggestions_html(&ix, "锦", &T);
    assert!(
        s.html.contains("锦程大街") && s.html.contains("锦绣名苑"),
        "{}",
        s.html
    );
}

#[test]
fn the_single_file_takes_published_data() {
    let page = "<script type=\"application/json\" id=\"gongkai-districts\"></script>";
    let json = example_json();
    let html = embed::embed_data(page, &json).unwrap();
    let back = embed::embedded_data(&html).unwrap();
    assert!(load_index(back).is_ok());
}
