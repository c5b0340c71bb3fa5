//! Every finding type of the check links to the one control it is about. `tests/fixtures/every-finding.json`
//! (also loaded by `tests/e2e/findings.test.mjs`, which clicks each link in the browser) gives every rule
//! at least once, in one structure or the other; here each rule's target is checked against the control
//! that fixes it.

use std::collections::BTreeSet;
use std::path::Path;

use gongkai::backup;
use gongkai::check::{check, Focus, Rule};
use gongkai::model::{ReportStructure, Workspace};
use gongkai::route::Route;

fn fixture() -> Workspace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-finding.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    backup::import(&text).expect("the fixture loads")
}

/// The page and the `data-testid` of the control that fixes a finding of `rule`. Exhaustive: a new
/// rule does not compile until it says where it is fixed.
fn expected(rule: Rule) -> (fn(&Route) -> bool, &'static str) {
    fn tables(r: &Route) -> bool {
        *r == Route::Tables
    }
    fn settings(r: &Route) -> bool {
        *r == Route::Settings
    }
    fn category(r: &Route) -> bool {
        matches!(r, Route::Category(_))
    }
    fn narrative(r: &Route) -> bool {
        *r == Route::Narrative
    }
    match rule {
        Rule::RequestBalance
        | Rule::OutcomeTotal
        | Rule::ApplicantTotal
        | Rule::AppealTotal
        | Rule::CarryOver
        | Rule::ProjectCount
        | Rule::InvalidCell => (tables, "cell"),
        Rule::EmptyCategory => (category, "category-intro"),
        Rule::EmptyItem => (category, "item-text"),
        Rule::MissingReason => (category, "item-reason"),
        Rule::MissingUnit => (settings, "settings-unit"),
        Rule::MissingYear => (settings, "settings-year"),
        Rule::EmptySection => (narrative, "narrative-problems"),
    }
}

/// Rules that no loadable workspace can give: a report's year is checked on every load, so a year
/// outside 2000–2100 never reaches the check (`check::completeness` tests its target directly).
const UNREACHABLE: [Rule; 1] = [Rule::MissingYear];

#[test]
fn the_fixture_gives_every_finding_type_and_each_links_to_its_control() {
    let mut ws = fixture();
    let year = ws.current_year.expect("a report is open");
    let mut seen = BTreeSet::new();
    for structure in [ReportStructure::Statutory, ReportStructure::Field] {
        ws.reports.get_mut(&year).unwrap().structure = structure;
        for f in check(&ws, year) {
            seen.insert(f.rule.index());
            let link = f.target.link();
            let (page, control) = expected(f.rule);
            assert!(page(&link.route), "{:?} leads to {:?}", f.rule, link.route);
            let named = match &link.focus {
                Focus::TestId(id) => id.as_str(),
                Focus::ItemField { field, .. } => field.as_str(),
                Focus::Cell(_) => "cell",
            };
            // 六 has its own field; every other rule has exactly one control.
            let ok =
                named == control || (f.rule == Rule::EmptySection && named == "narrative-other");
            assert!(ok, "{:?} focuses {named}, not {control}", f.rule);
            // The link names the control precisely: a cell by its key, an item's field in that item.
            match (&f.target, &link.focus) {
                (gongkai::check::Target::Cell(key), Focus::Cell(k)) => assert_eq!(key, k),
                (
                    gongkai::check::Target::Category { item: Some(id), .. },
                    Focus::ItemField { item, .. },
                ) => assert_eq!(id, item),
                (_, Focus::Cell(_) | Focus::ItemField { .. }) => {
                    panic!("{:?}: {:?} for {:?}", f.rule, link.focus, f.target)
                }
                _ => {}
            }
        }
    }
    let missing: Vec<Rule> = Rule::ALL
        .into_iter()
        .filter(|r| !seen.contains(&r.index()) && !UNREACHABLE.contains(r))
        .collect();
    assert!(
        missing.is_empty(),
        "the fixture gives no finding of {missing:?}"
    );
}
