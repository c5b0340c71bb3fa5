//! What the bureau should look at before publishing, each problem once: rules whose numbers overlap
//! on one place and give different schools, numbers of a road that no rule covers between two of its
//! covered ranges (often a typing error), schools the rules name that the list does not have, and the
//! fragments of the schools' texts that were not read.

use std::collections::BTreeMap;

use super::conflicts::{conflicts, Conflict, Level};
use super::model::{DistrictData, FragmentState, PlaceKind};
use super::normalize::key;
use super::spec::{NumberSpec, Parity, Unit};
use crate::school::School;

/// One problem. Rule numbers are indexes into `DistrictData::rules`, areas into `DistrictData::areas`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Two rules cover common numbers of one place and name different schools.
    Overlap {
        a: usize,
        b: usize,
        place: String,
        levels: Vec<Level>,
        /// One rule is more specific at the overlap, so lookups give its schools.
        resolved: bool,
    },
    /// Numbers of a road between two covered ranges that no rule covers (`from..=to`, of one side).
    Gap {
        place: String,
        before: usize,
        after: usize,
        from: u32,
        to: u32,
        parity: Parity,
    },
    /// Rules name a school the school list does not have.
    UnknownSchool { school: String, rules: Vec<usize> },
    /// A fragment of a school's text that was not read.
    Unread { area: usize, fragment: u32 },
}

/// A range of one side of a road, from one rule.
struct Span {
    lo: u32,
    hi: u32,
    rule: usize,
}

/// Whether an item covers number `n` of the street line.
fn covers(s: &NumberSpec, n: u32) -> bool {
    s.outer.is_none()
        && s.unit.line() == Unit::No
        && s.lo.is_none_or(|lo| n >= lo)
        && s.hi.is_none_or(|hi| n <= hi)
        && s.parity.admits(n)
}

/// The gaps of one road, side by side.
fn gaps(data: &DistrictData, rules: &[usize], out: &mut Vec<Problem>) {
    for side in [Parity::Odd, Parity::Even] {
        let mut spans: Vec<Span> = Vec::new();
        for &r in rules {
            for s in &data.rules[r].numbers.items {
                if s.outer.is_some() || s.unit.line() != Unit::No {
                    continue;
                }
                let (Some(lo), Some(hi)) = (s.lo, s.hi) else {
                    continue;
                };
                if lo >= hi || !(s.parity == Parity::All || s.parity == side) {
                    continue;
                }
                // The range's first and last numbers of this side.
                let first = if side.admits(lo) { lo } else { lo + 1 };
                let last = if side.admits(hi) { hi } else { hi - 1 };
                if first < last {
                    spans.push(Span {
                        lo: first,
                        hi: last,
                        rule: r,
                    });
                }
            }
        }
        spans.sort_by_key(|s| (s.lo, s.hi));
        let mut reach: Option<(u32, usize)> = None;
        for span in spans {
            if let Some((hi, rule)) = reach {
                let from = hi.saturating_add(2);
                if span.lo > from {
                    let to = span.lo - 2;
                    // Numbers another rule gives (a single number, 全部, an open range) are no gap.
                    let covered = rules.iter().any(|&r| {
                        let n = &data.rules[r].numbers;
                        n.items.is_empty() || n.items.iter().any(|s| covers(s, from))
                    });
                    if !covered {
                        out.push(Problem::Gap {
                            place: data.rules[rule].name.clone(),
                            before: rule,
                            after: span.rule,
                            from,
                            to,
                            parity: side,
                        });
                    }
                }
            }
            reach = match reach {
                Some((hi, rule)) if hi >= span.hi => Some((hi, rule)),
                _ => Some((span.hi, span.rule)),
            };
        }
    }
}

impl Problem {
    /// True when publishing should ask first: everything but an overlap that lookups resolve (the
    /// more specific rule wins, as the bureau may well intend).
    pub fn is_open(&self) -> bool {
        !matches!(self, Problem::Overlap { resolved: true, .. })
    }
}

/// Every problem of the data, in this order: overlaps, gaps, unknown schools, unread fragments.
pub fn problems(data: &DistrictData, schools: &[School]) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    let mut unknown: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for c in conflicts(data, schools) {
        match c {
            Conflict::Overlap {
                a,
                b,
                place,
                level,
                resolved,
            } => {
                let same = out.iter_mut().find_map(|p| match p {
                    Problem::Overlap {
                        a: x, b: y, levels, ..
                    } if *x == a && *y == b => Some(levels),
                    _ => None,
                });
                match same {
                    Some(levels) => levels.push(level),
                    None => out.push(Problem::Overlap {
                        a,
                        b,
                        place,
                        levels: vec![level],
                        resolved,
                    }),
                }
            }
            Conflict::UnknownSchool { rule, school } => {
                let entry = unknown
                    .entry(key(&school))
                    .or_insert_with(|| (school, Vec::new()));
                if !entry.1.contains(&rule) {
                    entry.1.push(rule);
                }
            }
        }
    }
    let mut roads: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in data.rules.iter().enumerate() {
        if r.kind == PlaceKind::Road && !r.is_possible_only() {
            roads.entry(key(&r.name)).or_default().push(i);
        }
    }
    let mut roads: Vec<Vec<usize>> = roads.into_values().collect();
    roads.sort_by_key(|rules| rules[0]);
    for rules in &roads {
        gaps(data, rules, &mut out);
    }
    out.extend(
        unknown
            .into_values()
            .map(|(school, rules)| Problem::UnknownSchool { school, rules }),
    );
    for (a, area) in data.areas.iter().enumerate() {
        for f in &area.fragments {
            if f.state == FragmentState::Unread {
                out.push(Problem::Unread {
                    area: a,
                    fragment: f.id,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::table::{apply_import, import_file, ImportMode};

    fn data(csvs: &[&str]) -> (Vec<School>, DistrictData) {
        let mut schools = Vec::new();
        let mut data = DistrictData::default();
        for csv in csvs {
            let imported = import_file(csv.as_bytes(), None, None);
            apply_import(&mut schools, &mut data, &imported, ImportMode::Append);
        }
        (schools, data)
    }

    #[test]
    fn each_problem_once() {
        let (schools, d) = data(&[
            "道路或小区,门牌号,对口小学,对口初中\n长青路,1-15号(单号),甲小学,甲中学\n长青路,35-79号(单号),甲小学,甲中学\n长青路,2-40号(双号),甲小学,甲中学\n青年路,1-99号,甲小学,甲中学\n青年路,50-60号,乙小学,乙中学\n青年路,5号,丙小学,\n",
            "学校,学段,服务区域\n丁小学,小学,绿园小区；5-x号\n",
        ]);
        let p = problems(&d, &schools);
        // One overlap for both 学段.
        let overlaps: Vec<&Problem> = p
            .iter()
            .filter(|x| matches!(x, Problem::Overlap { .. }))
            .collect();
        assert!(overlaps.iter().any(|x| matches!(x,
            Problem::Overlap { place, levels, .. } if place == "青年路" && levels.len() == 2)));
        // 17-33 odd on 长青路; nothing on the even side, whose one range has no neighbour.
        assert!(p.iter().any(|x| matches!(x,
            Problem::Gap { place, from: 17, to: 33, parity: Parity::Odd, .. } if place == "长青路")));
        assert_eq!(
            p.iter()
                .filter(|x| matches!(x, Problem::Gap { .. }))
                .count(),
            1
        );
        // The schools the rule table names, once each (the area table added 丁小学 to the list).
        let unknown: Vec<&str> = p
            .iter()
            .filter_map(|x| match x {
                Problem::UnknownSchool { school, .. } => Some(school.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(unknown.len(), 5, "{unknown:?}");
        assert!(!unknown.contains(&"丁小学"));
        assert_eq!(
            p.iter()
                .filter(|x| matches!(x, Problem::Unread { .. }))
                .count(),
            1
        );
    }
}
