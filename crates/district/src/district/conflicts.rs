//! What the bureau must see before publishing: every pair of rules whose numbers overlap on the same
//! place and that give different schools of the same 学段, and every school a rule names that is not in
//! the school list.

use std::collections::HashMap;

use super::model::{DistrictData, PlaceKind};
use super::normalize::key;
use super::schools::SchoolResolver;
use super::spec::{NumberSpec, Parity, Unit};
use crate::school::School;

/// 小学 or 初中.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Primary,
    Middle,
}

/// One problem in the district data. Rule numbers are indexes into `DistrictData::rules`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Two rules cover common numbers of one place and name different schools of a 学段.
    Overlap {
        a: usize,
        b: usize,
        place: String,
        level: Level,
        /// One rule is strictly more specific at the overlap, so lookups give its schools.
        resolved: bool,
    },
    /// A rule names a school that is not in the school list.
    UnknownSchool { rule: usize, school: String },
}

/// First-level extent of a spec on a number line: (line, lo, hi, parity), or the outer point.
fn extent(s: &NumberSpec) -> (Unit, u32, u32, Parity, bool) {
    match s.outer {
        Some((u, n)) => (u.line(), n, n, Parity::All, true),
        None if s.lo.is_none() && s.hi.is_none() => (Unit::No, 0, u32::MAX, s.parity, false),
        None => (
            s.unit.line(),
            s.lo.unwrap_or(0),
            s.hi.unwrap_or(u32::MAX),
            s.parity,
            false,
        ),
    }
}

fn common(lo: u32, hi: u32, p: Parity, q: Parity) -> bool {
    if lo > hi {
        return false;
    }
    let parity = match (p, q) {
        (Parity::All, x) | (x, Parity::All) => x,
        (x, y) if x == y => x,
        _ => return false,
    };
    match parity {
        Parity::All => true,
        _ => (lo..=hi.min(lo.saturating_add(1))).any(|n| parity.admits(n)),
    }
}

/// Whether two specs share a number.
pub fn overlaps(a: &NumberSpec, b: &NumberSpec) -> bool {
    let whole = |s: &NumberSpec| s.outer.is_none() && s.lo.is_none() && s.hi.is_none();
    if whole(a) || whole(b) {
        let (w, other) = if whole(a) { (a, b) } else { (b, a) };
        let (_, lo, hi, p, outer) = extent(other);
        return outer || w.parity == Parity::All || common(lo, hi, w.parity, p);
    }
    let (la, loa, hia, pa, oa) = extent(a);
    let (lb, lob, hib, pb, ob) = extent(b);
    if la != lb {
        return false;
    }
    let lo = loa.max(lob);
    let hi = hia.min(hib);
    match (oa, ob) {
        (true, true) => {
            if loa != lob {
                return false;
            }
            let (ia, ib) = (inner(a), inner(b));
            ia.0 == ib.0 && common(ia.1.max(ib.1), ia.2.min(ib.2), a.parity, b.parity)
        }
        (true, false) => common(lo, hi, Parity::All, pb),
        (false, true) => common(lo, hi, pa, Parity::All),
        (false, false) => common(lo, hi, pa, pb),
    }
}

fn inner(s: &NumberSpec) -> (Unit, u32, u32) {
    (s.unit.line(), s.lo.unwrap_or(0), s.hi.unwrap_or(u32::MAX))
}

/// Every conflict of the data, overlaps first (by place), then unknown schools (by rule).
pub fn conflicts(data: &DistrictData, schools: &[School]) -> Vec<Conflict> {
    let mut out = Vec::new();
    let mut by_place: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in data.rules.iter().enumerate() {
        if r.kind != PlaceKind::Boundary && !r.is_possible_only() {
            by_place.entry(key(&r.name)).or_default().push(i);
        }
    }
    let mut places: Vec<_> = by_place.into_iter().collect();
    places.sort_unstable_by_key(|(_, rules)| rules[0]); // distinct: a rule has one place
    let everything = [NumberSpec::whole(Parity::All)];
    for (_, rules) in places {
        for (x, &a) in rules.iter().enumerate() {
            for &b in &rules[x + 1..] {
                let (ra, rb) = (&data.rules[a], &data.rules[b]);
                let sa: &[NumberSpec] = if ra.numbers.items.is_empty() {
                    &everything
                } else {
                    &ra.numbers.items
                };
                let sb: &[NumberSpec] = if rb.numbers.items.is_empty() {
                    &everything
                } else {
                    &rb.numbers.items
                };
                let pairs: Vec<(&NumberSpec, &NumberSpec)> = sa
                    .iter()
                    .flat_map(|x| sb.iter().map(move |y| (x, y)))
                    .filter(|(x, y)| overlaps(x, y))
                    .collect();
                if pairs.is_empty() {
                    continue;
                }
                let resolved = pairs.iter().all(|(x, y)| x.width() != y.width());
                let differs = |p: &[String], q: &[String]| {
                    !p.is_empty() && !q.is_empty() && {
                        let mut p: Vec<String> = p.iter().map(|s| key(s)).collect();
                        let mut q: Vec<String> = q.iter().map(|s| key(s)).collect();
                        p.sort_unstable();
                        q.sort_unstable();
                        p != q
                    }
                };
                for (level, p, q) in [
                    (Level::Primary, &ra.primary, &rb.primary),
                    (Level::Middle, &ra.middle, &rb.middle),
                ] {
                    if differs(p, q) {
                        out.push(Conflict::Overlap {
                            a,
                            b,
                            place: ra.name.clone(),
                            level,
                            resolved,
                        });
                    }
                }
            }
        }
    }
    let resolver = SchoolResolver::new(schools);
    for (i, r) in data.rules.iter().enumerate() {
        for s in r.schools() {
            if resolver.resolve(s).is_none() {
                out.push(Conflict::UnknownSchool {
                    rule: i,
                    school: s.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::spec::parse_numbers;

    fn one(s: &str) -> NumberSpec {
        parse_numbers(s).unwrap().items.remove(0)
    }

    #[test]
    fn overlap_respects_ranges_parity_and_outer_numbers() {
        assert!(overlaps(&one("1-99号"), &one("50-60号")));
        assert!(!overlaps(&one("1-99号(单号)"), &one("2-50号(双号)")));
        assert!(overlaps(&one("1-99号(单号)"), &one("2-50号")));
        assert!(!overlaps(&one("1-9号"), &one("10-20号")));
        assert!(overlaps(&one("201号以上"), &one("300号")));
        assert!(!overlaps(&one("4号(单号)"), &one("4号")));
        assert!(overlaps(&one("680弄"), &one("680弄5号")));
        assert!(overlaps(&one("1-999号"), &one("680弄5号")));
        assert!(!overlaps(&one("681弄5号"), &one("680弄5号")));
        assert!(!overlaps(&one("1组"), &one("1号")));
        assert!(overlaps(&one("全部(单号)"), &one("5号")));
        assert!(!overlaps(&one("全部(单号)"), &one("4号")));
    }
}
