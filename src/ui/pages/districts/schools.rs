//! The school list of `#/districts`: every school with its 学段, address, phone and 招生预警, and what is
//! missing for parents (no address or phone, no rule naming it).

use leptos::prelude::*;

use crate::district::schools::SchoolResolver;
use crate::model::{School, WarningLevel};
use crate::text::t;
use crate::ui::pages::districts::DistrictsState;

/// How many rules name each school of the list.
fn rule_counts(schools: &[School], rules: &[crate::district::Rule]) -> Vec<usize> {
    let resolver = SchoolResolver::new(schools);
    let mut counts = vec![0; schools.len()];
    for r in rules {
        let mut seen = Vec::new();
        for name in r.schools() {
            if let Some(i) = resolver.resolve(name) {
                if !seen.contains(&i) {
                    seen.push(i);
                    counts[i] += 1;
                }
            }
        }
    }
    counts
}

fn warning_class(l: WarningLevel) -> &'static str {
    match l {
        WarningLevel::Red | WarningLevel::Level1 => "warning-tag red",
        WarningLevel::Orange => "warning-tag orange",
        WarningLevel::Yellow | WarningLevel::Level2 => "warning-tag yellow",
        WarningLevel::Green => "warning-tag green",
    }
}

#[component]
pub fn SchoolsCard() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    let rows = move || {
        state.data.with(|w| {
            let counts = rule_counts(&w.schools, &w.districts.rules);
            w.schools
                .iter()
                .zip(counts)
                .map(|(s, n)| {
                    let mut problems = Vec::new();
                    if s.address.trim().is_empty() {
                        problems.push(words.school_no_address);
                    }
                    if s.phone.trim().is_empty() {
                        problems.push(words.school_no_phone);
                    }
                    if n == 0 {
                        problems.push(words.school_no_rule);
                    }
                    let warning = s.warning.clone();
                    view! {
                        <tr data-testid="district-school">
                            <td data-label=words.col_school>{s.name.clone()}</td>
                            <td data-label=words.col_stage>{t().district.stage(s.stage)}</td>
                            <td data-label=words.col_address>{s.address.clone()}</td>
                            <td data-label=words.col_phone>{s.phone.clone()}</td>
                            <td data-label=words
                                .col_warning>
                                {warning
                                    .map(|w| {
                                        view! {
                                            <span
                                                class=warning_class(w.level)
                                                data-testid="district-school-warning"
                                            >
                                                {t().district.warning_level(w.level)}
                                            </span>
                                            " "
                                            <span class="hint">{w.text}</span>
                                        }
                                    })}
                            </td>
                            <td data-label=words
                                .col_rules>
                                {(words.school_rules)(n)}
                                {(!problems.is_empty())
                                    .then(|| {
                                        view! {
                                            <span class="danger" data-testid="district-school-problem">
                                                {problems.join(t().list_separator)}
                                            </span>
                                        }
                                    })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="card" data-testid="district-schools">
            <h3>{move || (words.schools_title)(state.data.with(|w| w.schools.len()))}</h3>
            <p class="hint">{words.schools_hint}</p>
            <div class="rules-wrap">
                <table class="rules">
                    <thead>
                        <tr>
                            <th scope="col">{words.col_school}</th>
                            <th scope="col">{words.col_stage}</th>
                            <th scope="col">{words.col_address}</th>
                            <th scope="col">{words.col_phone}</th>
                            <th scope="col">{words.col_warning}</th>
                            <th scope="col">{words.col_rules}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
