//! Building the graphic's model from a report and the earlier years (see the module doc of `graphic`
//! for the sections and where each number comes from).

use super::figures::{key_figures, short_label, Values};
use super::trend::trends;
use super::{
    Applicants, Bar, CategoryLine, CategoryState, CountLine, Extra, Graphic, ItemMark, Part,
    Section,
};
use crate::catalog::{
    self, t3_key, T3_APPLICANTS, T3_NEW, T3_ORGANISATIONS, T3_RESULTS, T3_TOTAL_COLUMN, T3_WITHHELD,
};
use crate::model::{DisclosureStatus, Report, ReportStructure, Workspace};
use crate::report::{FIELD_SECTIONS, STATUTORY_SECTIONS};
use crate::text::t;

/// The graphic of the report of `year` in `ws`, with the workspace's earlier years; `None` when
/// there is no such report.
pub fn build_for(ws: &Workspace, year: u16) -> Option<Graphic> {
    let report = ws.reports.get(&year)?;
    let earlier: Vec<&Report> = ws.reports.range(..year).map(|(_, r)| r).collect();
    Some(build(report, &earlier))
}

/// The graphic of `report`; `earlier` are the reports of earlier years (any order), for the charts
/// across years.
pub fn build(report: &Report, earlier: &[&Report]) -> Graphic {
    let [table2, requests, appeals] = key_figures(report);
    let shown: Vec<String> = [&table2, &requests, &appeals]
        .into_iter()
        .flatten()
        .map(|f| f.id.clone())
        .collect();
    let statutory = report.structure == ReportStructure::Statutory;
    let mut sections = vec![Section {
        title: STATUTORY_SECTIONS[1].to_string(),
        parts: vec![Part::Figures(table2)],
    }];
    if !statutory {
        sections.push(Section {
            title: FIELD_SECTIONS[2].to_string(),
            parts: vec![Part::Categories(categories(report))],
        });
    }
    if !requests.is_empty() {
        let v = Values::new(report);
        sections.push(Section {
            title: STATUTORY_SECTIONS[2].to_string(),
            parts: vec![
                Part::Figures(requests),
                Part::Bars {
                    title: T3_RESULTS.to_string(),
                    bars: outcomes(&v),
                },
                Part::Applicants(applicants(&v)),
            ],
        });
    }
    if !appeals.is_empty() {
        sections.push(Section {
            title: STATUTORY_SECTIONS[3].to_string(),
            parts: vec![Part::Figures(appeals)],
        });
    }
    let mut years: Vec<&Report> = earlier
        .iter()
        .copied()
        .filter(|r| r.year < report.year)
        .collect();
    years.push(report);
    // The same figures as above, across the years.
    let across: Vec<_> = trends(&years)
        .into_iter()
        .filter(|t| shown.contains(&t.id))
        .collect();
    if !across.is_empty() {
        sections.push(Section {
            title: t().graphic.trends_title.to_string(),
            parts: vec![Part::Trends(across)],
        });
    }
    Graphic {
        title: report.display_title().trim().to_string(),
        unit: report.unit_name.trim().to_string(),
        year: report.year,
        sections,
    }
}

/// 表三's outcome rows as bars, by their 总计 column: a row of its own is one bar; a group of rows
/// (（三）…（六）) is one bar of their sum, and the rows of （三）不予公开 follow it as reasons.
fn outcomes(v: &Values) -> Vec<Bar> {
    let t3 = catalog::table3(v.format);
    let mut bars = Vec::new();
    let rows: Vec<_> = t3.rows.iter().filter(|r| r.is_outcome()).collect();
    let mut i = 0;
    while i < rows.len() {
        let row = rows[i];
        let Some(group) = row.subgroup else {
            bars.push(Bar {
                label: short_label(row.label, true),
                number: v.cell(t3_key(row.key, T3_TOTAL_COLUMN)),
                level: 0,
            });
            i += 1;
            continue;
        };
        let members: Vec<_> = rows[i..]
            .iter()
            .take_while(|r| r.subgroup == Some(group))
            .collect();
        bars.push(Bar {
            label: short_label(group, true),
            number: v.sum(
                members
                    .iter()
                    .map(|r| t3_key(r.key, T3_TOTAL_COLUMN))
                    .collect(),
            ),
            level: 0,
        });
        if group == T3_WITHHELD {
            bars.extend(members.iter().map(|r| Bar {
                label: short_label(r.label, true),
                number: v.cell(t3_key(r.key, T3_TOTAL_COLUMN)),
                level: 1,
            }));
        }
        i += members.len();
    }
    bars
}

/// 自然人 against 法人或其他组织 in 一、本年新收.
fn applicants(v: &Values) -> Applicants {
    let t3 = catalog::table3(v.format);
    let mut inputs = t3.input_columns();
    let natural = inputs.next();
    let kinds: Vec<_> = inputs.collect();
    Applicants {
        title: T3_APPLICANTS.to_string(),
        caption: t3
            .row(T3_NEW)
            .map(|r| short_label(r.label, false))
            .unwrap_or_default(),
        natural: Extra {
            label: natural.map(|c| c.label).unwrap_or_default().to_string(),
            number: v.cell(t3_key(T3_NEW, natural.map(|c| c.key).unwrap_or_default())),
        },
        organisations: Extra {
            label: T3_ORGANISATIONS.to_string(),
            number: v.sum(kinds.iter().map(|c| t3_key(T3_NEW, c.key)).collect()),
        },
        kinds: kinds
            .iter()
            .map(|c| Extra {
                label: c.label.to_string(),
                number: v.cell(t3_key(T3_NEW, c.key)),
            })
            .collect(),
    }
}

/// The ten categories in catalogue order, with their items' marks and counts.
fn categories(report: &Report) -> Vec<CategoryLine> {
    catalog::CATEGORIES
        .iter()
        .map(|def| {
            let content = report.category(def.key);
            let state = match content {
                Some(c) if c.status == Some(DisclosureStatus::NotApplicable) => {
                    CategoryState::NotApplicable
                }
                Some(c) if !c.is_empty() => CategoryState::Filled,
                _ => CategoryState::Empty,
            };
            let items = content.map(|c| c.items.as_slice()).unwrap_or_default();
            let shown = state != CategoryState::NotApplicable;
            CategoryLine {
                key: def.key,
                name: def.name,
                state,
                items: items
                    .iter()
                    .filter(|i| shown && (i.status.is_some() || !i.text.trim().is_empty()))
                    .map(|i| ItemMark {
                        name: i.name.clone(),
                        status: i.status,
                    })
                    .collect(),
                counts: items
                    .iter()
                    .filter(|_| shown)
                    .flat_map(|i| {
                        i.counts.iter().enumerate().map(move |(n, c)| CountLine {
                            label: c.label.clone(),
                            value: c.value,
                            unit: c.unit.clone(),
                            source: format!("{}/{}/{n}", def.key, i.id),
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_workspace;

    fn example() -> Graphic {
        let ws = example_workspace();
        build_for(&ws, 2020).expect("the example's year")
    }

    #[test]
    fn the_example_has_table2_and_the_ten_categories() {
        let g = example();
        let titles: Vec<_> = g.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["主动公开政府信息情况", "政务公开事项公开情况"]);
        let Part::Figures(f) = &g.sections[0].parts[0] else {
            panic!("figures first")
        };
        assert_eq!(f.len(), 8, "2019 表二: 2 + 2 + 2 + 1 + 1 rows");
        let Part::Categories(c) = &g.sections[1].parts[0] else {
            panic!("categories")
        };
        assert_eq!(c.len(), 10);
        let private = c.iter().find(|c| c.key == "private-schools").unwrap();
        assert_eq!(private.state, CategoryState::Empty);
        let policy = c.iter().find(|c| c.key == "policy-execution").unwrap();
        let counts: Vec<_> = policy.counts.iter().map(|c| c.value).collect();
        assert_eq!(counts, [26, 6, 56]);
        assert_eq!(
            policy.counts[0].source,
            "policy-execution/arts-sports-evaluation/0"
        );
        let safety = c.iter().find(|c| c.key == "safety").unwrap();
        assert!(safety
            .items
            .iter()
            .any(|i| i.status == Some(DisclosureStatus::NotPublished)));
    }

    #[test]
    fn outcomes_group_their_rows_and_list_the_eight_reasons() {
        for format in [
            crate::model::TableFormat::V2019,
            crate::model::TableFormat::V2021,
        ] {
            let mut r = Report::blank(2021);
            r.table_format = Some(format);
            r.tables.set(t3_key("withheld_secret", "natural"), "2");
            r.tables.set(t3_key("withheld_query", "legal"), "3");
            r.tables.set(t3_key("rejected_repeat", "other"), "1");
            let bars = outcomes(&Values::new(&r));
            let main: Vec<_> = bars.iter().filter(|b| b.level == 0).collect();
            let labels: Vec<_> = main.iter().map(|b| b.label.as_str()).collect();
            assert_eq!(
                labels,
                [
                    "（一）予以公开",
                    "（二）部分公开",
                    "（三）不予公开",
                    "（四）无法提供",
                    "（五）不予处理",
                    "（六）其他处理"
                ]
            );
            assert_eq!(main[2].number.text, "5");
            assert_eq!(main[2].number.cells.len(), 8);
            assert_eq!(main[4].number.text, "1");
            assert_eq!(bars.iter().filter(|b| b.level == 1).count(), 8);
            assert_eq!(bars[3].label, "1.属于国家秘密");
            assert_eq!(bars[3].number.text, "2");
        }
    }

    #[test]
    fn statutory_reports_have_requests_and_appeals_but_no_categories() {
        let mut r = Report::blank(2022);
        r.structure = ReportStructure::Statutory;
        r.tables.set(t3_key("new", "natural"), "7");
        r.tables.set(t3_key("new", "business"), "2");
        r.tables.set(t3_key("new", "charity"), "1");
        let g = build(&r, &[]);
        let titles: Vec<_> = g.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "主动公开政府信息情况",
                "收到和处理政府信息公开申请情况",
                "政府信息公开行政复议、行政诉讼情况"
            ]
        );
        let Part::Applicants(a) = &g.sections[1].parts[2] else {
            panic!("applicants")
        };
        assert_eq!(
            (a.natural.label.as_str(), a.natural.number.text.as_str()),
            ("自然人", "7")
        );
        assert_eq!(a.organisations.number.text, "3");
        assert_eq!(a.kinds.len(), 5);
        assert_eq!(a.caption, "本年新收政府信息公开申请数量");
    }

    #[test]
    fn earlier_years_add_charts_across_years() {
        let mut ws = example_workspace();
        crate::carry::add_year_carried(&mut ws, 2021).unwrap();
        let g = build_for(&ws, 2021).unwrap();
        assert_eq!(
            g.sections.last().map(|s| s.title.as_str()),
            Some("历年对比")
        );
        // The charts look back only: the 2020 graphic has no 2021.
        let g = build_for(&ws, 2020).unwrap();
        assert!(g.sections.iter().all(|s| s.title != "历年对比"));
        assert!(build_for(&ws, 1999).is_none());
    }
}
