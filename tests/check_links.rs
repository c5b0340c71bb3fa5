//! Every finding type of the check links to the one control it is about. `tests/fixtures/every-finding.json`
//! (also loaded by `tests/e2e/findings.test.mjs`, which clicks each link in the browser) gives every rule
//! at least once, in one structure or the other, as it is or in its 2021 variant ([`variant_2021`]: both
//! years in the 2021 format, 表四 cleared, for the rules of that format and of a blank table); here each
//! rule's target is checked against the control that fixes it, and a finding's second link (`also`)
//! against its cell.

use std::collections::BTreeSet;
use std::path::Path;

use gongkai::backup;
use gongkai::check::{check, Focus, Rule, Target};
use gongkai::model::{ReportStructure, TableFormat, Workspace};
use gongkai::route::Route;

fn fixture() -> Workspace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-finding.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    backup::import(&text).expect("the fixture loads")
}

/// The fixture in the 2021 format in both years, with 现行有效件数 that do not follow last year's, and
/// 表四 cleared (blank and not marked 本年度无相关情况). The e2e test builds the same variant.
fn variant_2021(mut ws: Workspace) -> Workspace {
    for (year, in_force) in [(2019, "10"), (2020, "3")] {
        let r = ws
            .reports
            .get_mut(&year)
            .expect("the fixture has 2019 and 2020");
        r.table_format = Some(TableFormat::V2021);
        r.tables.set("t2/a20_1/normative/in_force", in_force);
    }
    let r = ws.reports.get_mut(&2020).unwrap();
    r.tables.0.retain(|k, _| !k.starts_with("t4/"));
    ws
}

/// The page and the `data-testid`s of the controls that fix a finding of `rule`. Exhaustive: a new
/// rule does not compile until it says where it is fixed.
fn expected(rule: Rule) -> (fn(&Route) -> bool, &'static [&'static str]) {
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
        | Rule::InvalidCell
        | Rule::NegativeCount
        | Rule::NegativeAmount
        | Rule::CellTooLarge
        | Rule::InForceCount => (tables, &["cell"]),
        Rule::EmptyCategory => (category, &["category-intro"]),
        Rule::EmptyItem => (category, &["item-text"]),
        Rule::MissingReason => (category, &["item-reason"]),
        Rule::MissingUnit => (settings, &["settings-unit"]),
        Rule::MissingYear => (settings, &["settings-year"]),
        // 六 has its own field.
        Rule::EmptySection => (narrative, &["narrative-problems", "narrative-other"]),
        Rule::EmptyOverviewSection => (
            narrative,
            &[
                "narrative-overview-active",
                "narrative-overview-on-request",
                "narrative-overview-management",
                "narrative-overview-platform",
                "narrative-overview-supervision",
            ],
        ),
        Rule::EmptyTable | Rule::MarkedTableFilled => (tables, &["table-t3-none", "table-t4-none"]),
        // The sentence's text field; the cell is the second link.
        Rule::TextTableMismatch => (
            narrative,
            &["narrative-overview-on-request", "narrative-work-item"],
        ),
    }
}

/// Rules that no loadable workspace can give: a report's year is checked on every load, so a year
/// outside 2000–2100 never reaches the check (`check::completeness` tests its target directly).
const UNREACHABLE: [Rule; 1] = [Rule::MissingYear];

#[test]
fn the_fixture_gives_every_finding_type_and_each_links_to_its_control() {
    let base = fixture();
    let year = base.current_year.expect("a report is open");
    let mut seen = BTreeSet::new();
    for (mut ws, structure) in [
        (base.clone(), ReportStructure::Statutory),
        (base.clone(), ReportStructure::Field),
        (variant_2021(base), ReportStructure::Statutory),
    ] {
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
            assert!(
                control.contains(&named),
                "{:?} focuses {named}, not {control:?}",
                f.rule
            );
            // The link names the control precisely: a cell by its key, an item's field in that item.
            match (&f.target, &link.focus) {
                (gongkai::check::Target::Cell(key), Focus::Cell(k)) => assert_eq!(key, k),
                (
                    gongkai::check::Target::Category { item: Some(id), .. },
                    Focus::ItemField { item, .. },
                ) => assert_eq!(id, item),
                (Target::WorkItem(n), Focus::ItemField { item, .. }) => {
                    assert_eq!(*item, format!("work-{n}"))
                }
                (_, Focus::Cell(_) | Focus::ItemField { .. }) => {
                    panic!("{:?}: {:?} for {:?}", f.rule, link.focus, f.target)
                }
                _ => {}
            }
            // A second link names a cell, precisely.
            match (f.rule, &f.also) {
                (Rule::TextTableMismatch, Some(Target::Cell(key))) => {
                    assert_eq!(
                        f.also.as_ref().unwrap().link().focus,
                        Focus::Cell(key.clone())
                    );
                    assert_eq!(f.also.as_ref().unwrap().link().route, Route::Tables);
                }
                (Rule::TextTableMismatch, other) => {
                    panic!("text finding with second link {other:?}")
                }
                (_, None) => {}
                (rule, Some(other)) => panic!("{rule:?} has a second link {other:?}"),
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
