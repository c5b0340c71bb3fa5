//! Answering a parent's query from the index: find the place (exact name, alias, one-character typo,
//! pinyin full or initials, prefix), then the rules covering the address, the most specific winning per
//! 学段. Boundary roads and partial areas are only possible matches. Nothing is ever guessed: an address
//! that matches no rule is `NotFound`, a road whose schools depend on the number is `NeedNumber`.
//! The result types carry ids and borrowed text; the page words them.

use std::cell::RefCell;

use super::index::{for_each_deletion, hash_str, DistrictIndex, Seg};
use super::model::PlaceKind;
use super::normalize::key;
use super::query::{candidates, parse_into, Parsed, Query};
use super::spec::{Address, Cover};

thread_local! {
    /// The key of the query being answered: one buffer for every query, so answering a road and
    /// number allocates only the result's vectors.
    static QUERY_KEY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// How the place was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    Exact,
    /// Another name of the place.
    Alias,
    /// One character different from the name (typo).
    Typo,
    /// Full pinyin (“dongfengdajie”).
    Pinyin,
    /// The start of a name or of its pinyin.
    Prefix,
}

/// A place the query names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceHit<'a> {
    pub place: u32,
    pub name: &'a str,
    pub kind: PlaceKind,
    pub how: MatchKind,
}

/// A rule that applies, with its schools and original wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleHit<'a> {
    pub rule: u32,
    /// The place the rule names (for a boundary, its description).
    pub place: &'a str,
    /// Indexes into `DistrictIndex::schools()`.
    pub primary: &'a [u32],
    pub middle: &'a [u32],
    /// The original wording is `text_prefix` followed by `text` (the prefix is the place's name when the
    /// wording starts with it, which the index does not store twice; else empty).
    pub text_prefix: &'a str,
    pub text: &'a str,
    /// The bureau's note, and for a partial area its qualifier.
    pub note: &'a str,
    /// Boundary description or partial area: only a possible match.
    pub possible: bool,
}

/// The schools of one 学段 for an address.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assignment<'a> {
    /// The schools (one set, unless `contested`).
    pub schools: Vec<u32>,
    /// The most specific rules that decided it (several when contested).
    pub rules: Vec<RuleHit<'a>>,
    /// Equally specific rules name different schools: the bureau must be asked.
    pub contested: bool,
}

impl RuleHit<'_> {
    /// The original wording, whole.
    pub fn original(&self) -> String {
        format!("{}{}", self.text_prefix, self.text)
    }
}

impl Assignment<'_> {
    pub fn is_empty(&self) -> bool {
        self.schools.is_empty()
    }
}

/// A resolved address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    pub place: PlaceHit<'a>,
    pub address: Address,
    pub primary: Assignment<'a>,
    pub middle: Assignment<'a>,
    /// Boundary descriptions and partial areas that may include the address.
    pub possible: Vec<RuleHit<'a>>,
}

/// The result of a lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// Nothing typed.
    Empty,
    /// The address is covered by definite rules, possible ones, or both.
    Found(Found<'a>),
    /// The place is known but its schools depend on a number the query lacks: the candidates.
    NeedNumber {
        place: PlaceHit<'a>,
        candidates: Vec<RuleHit<'a>>,
    },
    /// Several places could be meant.
    Choose(Vec<PlaceHit<'a>>),
    /// No rule covers the address (the place may be known). Never a guess: show the bureau's phone.
    NotFound {
        place: Option<PlaceHit<'a>>,
        address: Address,
    },
}

/// How many places a suggestion list or a `Choose` holds at most.
pub const MAX_CHOICES: usize = 8;

/// How many one-edit neighbours a typo ranks at most.
const MAX_TYPO_CANDIDATES: usize = 64;

impl DistrictIndex {
    /// Parses and answers a query.
    pub fn search(&self, text: &str) -> Outcome<'_> {
        QUERY_KEY.with(|buf| match buf.try_borrow_mut() {
            Ok(mut buf) => self.answer(&parse_into(text, &mut buf)),
            Err(_) => self.answer(&parse_into(text, &mut String::new())),
        })
    }

    /// Answers a query read by `parse_into`: an exact or alias name is resolved without collecting
    /// the place candidates; only the fuzzy stages collect them.
    fn answer(&self, p: &Parsed<'_>) -> Outcome<'_> {
        if p.name.is_empty() {
            return Outcome::Empty;
        }
        let hits = if p.letters {
            self.by_letters(p.name)
        } else {
            for candidate in candidates(p.name, &self.region) {
                if let Some(id) = self.exact(candidate) {
                    return self.resolve(self.hit(id, MatchKind::Exact), &p.address);
                }
            }
            let all: Vec<&str> = candidates(p.name, &self.region).collect();
            self.fuzzy(&all, &p.address)
        };
        self.outcome(hits, &p.address)
    }

    /// Answers a parsed query.
    pub fn lookup(&self, q: &Query) -> Outcome<'_> {
        if q.places.is_empty() && q.letters.is_empty() {
            return Outcome::Empty;
        }
        self.outcome(self.find_places(q), &q.address)
    }

    fn outcome<'a>(&'a self, hits: Vec<PlaceHit<'a>>, address: &Address) -> Outcome<'a> {
        match hits.len() {
            0 => Outcome::NotFound {
                place: None,
                address: *address,
            },
            // A name only begun is never resolved on its own: the parent picks it.
            1 if hits[0].how != MatchKind::Prefix => self.resolve(hits[0], address),
            _ => Outcome::Choose(hits),
        }
    }

    fn hit(&self, place: u32, how: MatchKind) -> PlaceHit<'_> {
        let (place, how) = match self.alias_of[place as usize] {
            u32::MAX => (place, how),
            target => (
                target,
                if how == MatchKind::Exact {
                    MatchKind::Alias
                } else {
                    how
                },
            ),
        };
        PlaceHit {
            place,
            name: self.names.get(place),
            kind: self.kinds[place as usize],
            how,
        }
    }

    fn exact(&self, k: &str) -> Option<u32> {
        self.by_key
            .get(hash_str(k))
            .find(|id| self.keys.get(*id) == k)
    }

    /// Places the query may name, best first: exact or alias, else typos, else pinyin, else prefixes.
    pub fn find_places(&self, q: &Query) -> Vec<PlaceHit<'_>> {
        if !q.letters.is_empty() {
            return self.by_letters(&q.letters);
        }
        for candidate in &q.places {
            if let Some(id) = self.exact(candidate) {
                return vec![self.hit(id, MatchKind::Exact)];
            }
        }
        let all: Vec<&str> = q.places.iter().map(String::as_str).collect();
        self.fuzzy(&all, &q.address)
    }

    /// The stages after a missed exact name: typos of each candidate, else prefixes of the shortest.
    fn fuzzy(&self, candidates: &[&str], address: &Address) -> Vec<PlaceHit<'_>> {
        for candidate in candidates {
            let typos = self.typos(candidate, address);
            if !typos.is_empty() {
                return typos;
            }
        }
        for candidate in candidates.iter().rev() {
            let hits = self.prefixed(candidate, MatchKind::Prefix);
            if !hits.is_empty() {
                return hits;
            }
        }
        Vec::new()
    }

    fn dedup(&self, hits: &mut Vec<PlaceHit<'_>>) {
        let mut seen = Vec::with_capacity(hits.len());
        hits.retain(|h| {
            let new = !seen.contains(&h.place);
            seen.push(h.place);
            new
        });
        hits.truncate(MAX_CHOICES);
    }

    /// Places one character (inserted, deleted, replaced, or two swapped) away from `k`, best first:
    /// a place that sounds the same (“东凤大街” for 东风大街, the commonest input-method slip), then one with
    /// a rule covering the address, then busier places. A place alone in sounding the same is the only
    /// hit, so it resolves; otherwise the parent chooses.
    fn typos(&self, k: &str, address: &Address) -> Vec<PlaceHit<'_>> {
        // Names are at most 32 characters (`within_one`): a longer text is no typo of one.
        let mut small = ['\0'; 33];
        let mut len = 0;
        for c in k.chars() {
            if len == small.len() {
                return Vec::new();
            }
            small[len] = c;
            len += 1;
        }
        let chars = &small[..len];
        if chars.len() < 2 {
            return Vec::new();
        }
        // Fast path: exactly one place one edit away sounds the same.
        let typed_reading = self.reading_of(k);
        let sounds_alike: Vec<u32> = match &typed_reading {
            Some(r) => {
                let mut v: Vec<u32> = self
                    .by_reading
                    .get(hash_str(r))
                    .filter(|x| self.readings.get(*x) == r.as_str())
                    .map(|x| self.reading_place[x as usize])
                    .filter(|p| within_one(chars, self.keys.get(*p)))
                    .collect();
                super::sort::sort(&mut v);
                v.dedup();
                v
            }
            None => Vec::new(),
        };
        if let [only] = sounds_alike[..] {
            return vec![self.hit(only, MatchKind::Typo)];
        }
        let mut ids: Vec<u32> = Vec::new();
        if chars.len() + 1 >= 3 {
            ids.extend(self.by_deletion.get(hash_str(k)));
        }
        let mut buf = String::with_capacity(k.len());
        for_each_deletion(k, &mut buf, |del| {
            ids.extend(self.by_key.get(hash_str(del)));
            if chars.len() >= 3 {
                ids.extend(self.by_deletion.get(hash_str(del)));
            }
        });
        super::sort::sort(&mut ids);
        ids.dedup();
        // A very common pattern (“东?大街”) gives hundreds of neighbours: rank a bounded sample.
        ids.truncate(MAX_TYPO_CANDIDATES);
        let mut hits: Vec<PlaceHit> = ids
            .into_iter()
            .filter(|id| self.kinds[*id as usize] != PlaceKind::Boundary)
            .filter(|id| within_one(chars, self.keys.get(*id)))
            .map(|id| self.hit(id, MatchKind::Typo))
            .collect();
        if hits.len() > 1 {
            // Each hit's rank once (it reads the place's segments), not at every comparison.
            let mut ranked: Vec<_> = hits
                .iter()
                .map(|h| {
                    let rank = (
                        !sounds_alike.contains(&h.place),
                        !self.covers_any(h.place, address),
                        self.rule_weight(h.place),
                        h.place,
                    );
                    (rank, *h)
                })
                .collect();
            super::sort::sort_by_key(&mut ranked, |(rank, _)| *rank);
            hits = ranked.into_iter().map(|(_, h)| h).collect();
        }
        self.dedup(&mut hits);
        hits
    }

    /// True when a definite rule of the place covers the address.
    fn covers_any(&self, place: u32, address: &Address) -> bool {
        self.segs_of(place).iter().any(|s| {
            let (exclude, maybe) = DistrictIndex::seg_flags(s);
            !exclude && !maybe && self.cover(s, address).0 == Cover::Yes
        })
    }

    /// More rules first: a busier road is the likelier meaning of a typo.
    fn rule_weight(&self, place: u32) -> std::cmp::Reverse<u32> {
        let p = place as usize;
        std::cmp::Reverse(self.seg_start[p + 1] - self.seg_start[p])
    }

    fn by_letters(&self, letters: &str) -> Vec<PlaceHit<'_>> {
        let mut hits: Vec<PlaceHit> = self
            .by_reading
            .get(hash_str(letters))
            .filter(|r| self.readings.get(*r) == letters)
            .map(|r| self.hit(self.reading_place[r as usize], MatchKind::Pinyin))
            .collect();
        if hits.is_empty() {
            hits = self.reading_prefixed(letters);
        }
        // Hits of one place are alike (dedup keeps one), so an unstable sort is enough.
        super::sort::sort_by_key(&mut hits, |h| (self.rule_weight(h.place), h.place));
        self.dedup(&mut hits);
        hits
    }

    fn reading_prefixed(&self, prefix: &str) -> Vec<PlaceHit<'_>> {
        let start = self
            .readings_sorted
            .partition_point(|r| self.readings.get(*r) < prefix);
        self.readings_sorted[start..]
            .iter()
            .take_while(|r| self.readings.get(**r).starts_with(prefix))
            .take(MAX_CHOICES * 4)
            .map(|r| self.hit(self.reading_place[*r as usize], MatchKind::Prefix))
            .collect()
    }

    fn prefixed(&self, prefix: &str, how: MatchKind) -> Vec<PlaceHit<'_>> {
        let start = self.sorted.partition_point(|p| self.keys.get(*p) < prefix);
        let mut hits: Vec<PlaceHit> = self.sorted[start..]
            .iter()
            .take_while(|p| self.keys.get(**p).starts_with(prefix))
            .take(MAX_CHOICES * 4)
            .map(|p| self.hit(*p, how))
            .collect();
        self.dedup(&mut hits);
        hits
    }

    /// Suggestions as the parent types: places whose name or pinyin starts with the text.
    pub fn suggest(&self, text: &str) -> Vec<PlaceHit<'_>> {
        let mut buf = String::new();
        let p = parse_into(text, &mut buf);
        if p.letters {
            let mut hits = self.reading_prefixed(p.name);
            self.dedup(&mut hits);
            return hits;
        }
        let places: Vec<&str> = if p.name.is_empty() {
            Vec::new()
        } else {
            candidates(p.name, &self.region).collect()
        };
        let mut hits = Vec::new();
        for candidate in places.iter().rev() {
            hits.extend(self.prefixed(candidate, MatchKind::Prefix));
            if !hits.is_empty() {
                break;
            }
        }
        if hits.is_empty() {
            if let Some(k) = places.last() {
                hits = self.typos(k, &Address::default());
            }
        }
        self.dedup(&mut hits);
        hits
    }

    fn rule_hit(&self, rule: u32) -> RuleHit<'_> {
        let info = self.info(rule);
        let (text_prefix, text) = self.rule_text(rule);
        RuleHit {
            rule,
            place: self.names.get(self.rules[rule as usize].place),
            primary: self.school_list(info.primary),
            middle: self.school_list(info.middle),
            text_prefix,
            text,
            note: self.text(info.note),
            possible: info.flags & super::publish::FLAG_POSSIBLE != 0,
        }
    }

    /// The schools for an address on a known place.
    pub fn resolve<'a>(&'a self, place: PlaceHit<'a>, address: &Address) -> Outcome<'a> {
        let segs = self.segs_of(place.place);
        // Nothing here allocates unless the place has exclusions, possible matches or rules that need
        // a number: the definite rules are read from the segments again instead of being collected.
        let mut excluded: Vec<u32> = Vec::new();
        for s in segs {
            let (exclude, _) = DistrictIndex::seg_flags(s);
            if exclude && self.cover(s, address).0 == Cover::Yes {
                excluded.push(s.rule());
            }
        }
        let mut any_definite = false;
        let mut needs: Vec<u32> = Vec::new();
        let mut possible: Vec<u32> = Vec::new();
        for s in segs {
            let (exclude, maybe) = DistrictIndex::seg_flags(s);
            if exclude || excluded.contains(&s.rule()) {
                continue;
            }
            match self.cover(s, address).0 {
                Cover::Yes | Cover::NeedsDetail if maybe => possible.push(s.rule()),
                Cover::Yes => any_definite = true,
                Cover::NeedsDetail => needs.push(s.rule()),
                Cover::No => {}
            }
        }
        let definite = |s: &Seg| -> Option<(u64, u32)> {
            let (exclude, maybe) = DistrictIndex::seg_flags(s);
            if exclude || maybe || excluded.contains(&s.rule()) {
                return None;
            }
            match self.cover(s, address) {
                (Cover::Yes, width) => Some((width, s.rule())),
                _ => None,
            }
        };
        super::sort::sort(&mut possible);
        possible.dedup();
        let possible: Vec<RuleHit> = possible.into_iter().map(|r| self.rule_hit(r)).collect();
        // Without the deciding number, answer only if every candidate names the same schools.
        if !needs.is_empty() {
            let mut all: Vec<u32> = needs.clone();
            all.extend(segs.iter().filter_map(definite).map(|(_, r)| r));
            super::sort::sort(&mut all);
            all.dedup();
            let first = self.info(all[0]);
            let same = all.iter().all(|r| {
                let x = self.info(*r);
                self.school_list(x.primary) == self.school_list(first.primary)
                    && self.school_list(x.middle) == self.school_list(first.middle)
            });
            if !same {
                return Outcome::NeedNumber {
                    place,
                    candidates: all.into_iter().map(|r| self.rule_hit(r)).collect(),
                };
            }
        }
        if !any_definite && needs.is_empty() && possible.is_empty() {
            return Outcome::NotFound {
                place: Some(place),
                address: *address,
            };
        }
        // Rules needing a number that all agree count as the widest definite rules.
        let all_definite = || {
            segs.iter()
                .filter_map(definite)
                .chain(needs.iter().map(|r| (u64::MAX, *r)))
        };
        let primary = self.assign(all_definite, |r| self.school_list(r.primary));
        let middle = self.assign(all_definite, |r| self.school_list(r.middle));
        Outcome::Found(Found {
            place,
            address: *address,
            primary,
            middle,
            possible,
        })
    }

    /// The most specific rules naming schools of one 学段 among `definite` (width, rule) pairs.
    fn assign<'a, I: Iterator<Item = (u64, u32)>>(
        &'a self,
        definite: impl Fn() -> I,
        schools: impl Fn(&super::index::Info) -> &'a [u32],
    ) -> Assignment<'a> {
        let best = definite()
            .filter(|(_, r)| !schools(self.info(*r)).is_empty())
            .map(|(w, _)| w)
            .min();
        let Some(best) = best else {
            return Assignment::default();
        };
        // The deciding rules in rule order, each once (usually one).
        let mut rules: Vec<RuleHit<'a>> = Vec::new();
        for (w, r) in definite() {
            if w != best || schools(self.info(r)).is_empty() {
                continue;
            }
            if let Err(at) = rules.binary_search_by_key(&r, |h| h.rule) {
                rules.insert(at, self.rule_hit(r));
            }
        }
        let first = schools(self.info(rules[0].rule));
        let contested = rules.iter().any(|h| schools(self.info(h.rule)) != first);
        let mut ids: Vec<u32> = Vec::with_capacity(first.len());
        for h in &rules {
            for s in schools(self.info(h.rule)) {
                if !ids.contains(s) {
                    ids.push(*s);
                }
            }
        }
        Assignment {
            schools: ids,
            rules,
            contested,
        }
    }

    /// The key of a place name as the index compares it.
    pub fn key_of(name: &str) -> String {
        key(name)
    }
}

/// True when `b` is at most one edit (insert, delete, replace, swap of neighbours) from `a`.
fn within_one(a: &[char], b: &str) -> bool {
    let mut small = [' '; 32];
    let mut len = 0;
    for c in b.chars() {
        if len == small.len() {
            return false;
        }
        small[len] = c;
        len += 1;
    }
    let b = &small[..len];
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == la && prefix == lb {
        return true;
    }
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let ra = la - prefix - suffix.min(la - prefix);
    let rb = lb - prefix - suffix.min(lb - prefix);
    if ra <= 1 && rb <= 1 {
        return true;
    }
    // Two neighbours swapped.
    la == lb && ra == 2 && rb == 2 && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(a: &str, b: &str) -> bool {
        within_one(&a.chars().collect::<Vec<_>>(), b)
    }

    #[test]
    fn one_edit() {
        assert!(w("东风大街", "东风大街"));
        assert!(w("东风大接", "东风大街"));
        assert!(w("东风街", "东风大街"));
        assert!(w("东风大大街", "东风大街"));
        assert!(w("东大风街", "东风大街"));
        assert!(!w("东丰大接", "东风大街"));
        assert!(!w("风东街大", "东风大街"));
        assert!(!w("aab", "abb c"));
    }
}
