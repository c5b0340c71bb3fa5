//! The built-in example carries the seed report's text verbatim: the title, sections 一 to 三, 五 and 六, and the
//! zeros of the 第二十条 tables; and the check finds nothing in it but the two categories the seed leaves empty.

mod common;
use common::{seed, seed_path, strip_bookmarks};

use gongkai::check::{self, Rule, Severity, Target};
use gongkai::example::{example_workspace, EXAMPLE_YEAR};
use gongkai::model::Report;

/// The non-empty, trimmed lines of the seed.
fn lines(seed: &str) -> Vec<&str> {
    seed.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

fn report() -> Report {
    example_workspace()
        .current()
        .expect("the example opens its report")
        .clone()
}

/// Every text field of the report, one per line.
fn corpus(r: &Report) -> String {
    let n = &r.narrative;
    let mut parts: Vec<&str> = vec![
        &r.title,
        &n.preamble,
        &n.goals,
        &n.disclosure_intro,
        &n.tables_note,
        &n.problems,
        &n.other,
    ];
    parts.extend(n.work_items.iter().map(String::as_str));
    for c in &r.categories {
        parts.push(&c.intro);
        for i in &c.items {
            parts.push(&i.name);
            parts.push(&i.text);
        }
    }
    parts.join("\n")
}

const CATEGORY_HEADINGS: [&str; 9] = [
    "（一）",
    "（二）",
    "（三）",
    "（四）",
    "（五）",
    "（六）",
    "（七）",
    "（八）",
    "（九）",
];

fn is_heading(line: &str) -> bool {
    ["一、", "二、", "三、"].iter().any(|h| line.starts_with(h))
        || CATEGORY_HEADINGS.iter().any(|h| line.starts_with(h))
}

/// "1、…" → "…"; other lines unchanged.
fn strip_numbering(line: &str) -> &str {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix('、') {
        Some(body) if rest.len() < line.len() => body,
        _ => line,
    }
}

/// A seed line "名称——文字" or "名称  文字" kept as an item's name and the first paragraph of its text.
fn is_split_item(line: &str, r: &Report) -> bool {
    r.categories.iter().flat_map(|c| &c.items).any(|item| {
        if item.name.is_empty() {
            return false;
        }
        let Some(rest) = line.strip_prefix(item.name.as_str()) else {
            return false;
        };
        let body = if let Some(body) = rest.strip_prefix("——") {
            body
        } else if rest.starts_with(char::is_whitespace) {
            rest.trim_start()
        } else {
            return false;
        };
        item.text.split('\n').next() == Some(body)
    })
}

/// The lines of the section that starts with `heading`, up to the next line starting with `next`.
fn section<'a>(lines: &[&'a str], heading: &str, next: Option<&str>) -> Vec<&'a str> {
    let start = lines
        .iter()
        .position(|l| *l == heading)
        .unwrap_or_else(|| panic!("the seed has no line {heading}"));
    lines[start + 1..]
        .iter()
        .take_while(|l| next.is_none_or(|n| !l.starts_with(n)))
        .copied()
        .collect()
}

#[test]
fn seed_text_up_to_section_four_is_in_the_example() {
    let seed = seed();
    let lines = lines(&seed);
    let end = lines
        .iter()
        .position(|l| *l == "四、主动公开政府信息情况")
        .expect("the seed has section 四");
    let r = report();
    let corpus = corpus(&r);
    // Stricter than containment: each seed line is a whole paragraph of some field, so that a short line such as
    // "督导检查结果公告" cannot pass by occurring inside a longer sentence.
    let paragraphs: Vec<&str> = corpus.split('\n').collect();
    let mut checked = 0;
    let mut missing = Vec::new();
    let mut not_whole = Vec::new();
    for line in &lines[..end] {
        if is_heading(line) {
            continue;
        }
        let line = strip_numbering(line);
        checked += 1;
        if is_split_item(line, &r) {
            continue;
        }
        if !corpus.contains(line) {
            missing.push(line);
        } else if !paragraphs.contains(&line) {
            not_whole.push(line);
        }
    }
    assert!(checked > 40, "only {checked} lines checked");
    assert!(
        missing.is_empty(),
        "seed lines missing from the example: {missing:#?}"
    );
    assert!(
        not_whole.is_empty(),
        "seed lines not kept as whole paragraphs: {not_whole:#?}"
    );
    assert_eq!(r.title, lines[0]);
}

#[test]
fn work_items_are_the_numbered_points_without_numbers() {
    let seed = seed();
    let lines = lines(&seed);
    let points: Vec<&str> = section(&lines, "二、工作开展情况", Some("三、"))
        .into_iter()
        .map(strip_numbering)
        .collect();
    assert_eq!(report().narrative.work_items, points);
}

#[test]
fn sections_five_and_six_are_verbatim() {
    let seed = seed();
    let lines = lines(&seed);
    let r = report();
    let five = section(&lines, "五、存在的主要问题及改进情况", Some("六、"));
    assert_eq!(r.narrative.problems, five.join("\n"));
    let six = section(&lines, "六、其他需要报告的事项", None);
    assert_eq!(r.narrative.other, six.join("\n"));
    assert_eq!(r.narrative.other, "无");
}

#[test]
fn tables_note_and_zero_cells_match_section_four() {
    let seed = seed();
    let lines = lines(&seed);
    let four = section(&lines, "四、主动公开政府信息情况", Some("五、"));
    let r = report();
    assert!(four.contains(&r.narrative.tables_note.as_str()));
    let zeros = four.iter().filter(|l| **l == "0").count();
    assert_eq!(zeros, r.tables.0.len(), "one table cell per 0 of the seed");
    assert!(r.tables.0.values().all(|v| v == "0"));
}

#[test]
fn check_finds_only_the_two_empty_categories() {
    let ws = example_workspace();
    let findings = check::check(&ws, EXAMPLE_YEAR);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "errors in the example: {findings:#?}"
    );
    let hints: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Hint)
        .map(|f| (f.rule, f.subject.as_str(), f.target.clone()))
        .collect();
    let empty = |key: &str| Target::Category {
        key: key.to_string(),
        item: None,
        field: "category-intro",
    };
    assert_eq!(
        hints,
        [
            (
                Rule::EmptyCategory,
                "民办学校信息",
                empty("private-schools")
            ),
            (Rule::EmptyCategory, "教育督导", empty("supervision")),
        ]
    );
}

#[test]
fn bookmarks_are_stripped() {
    assert_eq!(strip_bookmarks("a[bookmark: _GoBack]0"), "a0");
    assert_eq!(strip_bookmarks("[bookmark: x]y[bookmark: z]"), "y");
    assert_eq!(
        strip_bookmarks("open [bookmark: tail"),
        "open [bookmark: tail"
    );
    assert_eq!(strip_numbering("12、abc"), "abc");
    assert_eq!(strip_numbering("、abc"), "、abc");
    assert!(seed_path().ends_with("000_7785ecb1c462ef30.txt"));
}
