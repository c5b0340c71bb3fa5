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
        /// For a known place: its rules, so that the parent can check the number against them.
        listed: Vec<RuleHit<'a>>,
        /// For an unknown name: close names (“您要找的是不是：…”), searched only when the parent picks one.
        did_you_mean: Vec<PlaceHit<'a>>,
        /// Text the workbench could not read that names the place: only possibly the school's.
        possible: Vec<RuleHit<'a>>,
    },
}

/// Rule numbers of unread fragments in a `RuleHit` count down from here.
pub const UNREAD_RULE: u32 = u32::MAX;

/// How many places a suggestion list or a `Choose` holds at most.
pub const MAX_CHOICES: usize = 8;

/// How many rules of a place a “not covered” answer lists at most.
pub const MAX_LISTED: usize = 30;

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
            // Each candidate as typed, then written another way (“涌泉街道洪江村” for 涌泉洪江村,
            // “友庆社区” for 友庆), before a shorter candidate.
            for candidate in candidates(p.name, &self.region) {
                let before = typed_before(p.name, candidate);
                if let Some(outcome) = self.by_name(candidate, before, &p.address) {
                    return self.with_mentions(outcome, candidate);
                }
                for v in variants(candidate) {
                    let before = typed_before(p.name, &v);
                    if let Some(outcome) = self.by_name(&v, before, &p.address) {
                        return self.with_mentions(outcome, &v);
                    }
                }
            }
            // A lane or group of a known village or community (“员岗村3巷”): the village's own
            // rules for the whole of it, never a number of the road (a lane of a road has its own).
            if let Some(outcome) = self.inside_known(p.name, &p.address) {
                return outcome;
            }
            let all: Vec<&str> = candidates(p.name, &self.region).collect();
            self.fuzzy(&all, &p.address)
        };
        let outcome = self.outcome(hits, &p.address);
        // A name only unread text holds: the shortest form typed (without the district).
        let shortest = candidates(p.name, &self.region).last().unwrap_or(p.name);
        self.with_mentions(outcome, shortest)
    }

    /// An unknown name: close names to offer, nothing resolved.
    fn not_found<'a>(&'a self, address: &Address, did_you_mean: Vec<PlaceHit<'a>>) -> Outcome<'a> {
        Outcome::NotFound {
            place: None,
            address: *address,
            listed: Vec::new(),
            did_you_mean,
            possible: Vec::new(),
        }
    }

    /// Unread fragments that name `k` (at least two characters), as possible matches.
    pub(crate) fn mentions(&self, k: &str) -> Vec<RuleHit<'_>> {
        if k.chars().count() < 2 {
            return Vec::new();
        }
        self.unread
            .iter()
            .enumerate()
            .filter(|(i, _)| self.unread_keys.get(*i as u32).contains(k))
            .map(|(i, (text, primary, middle))| RuleHit {
                rule: UNREAD_RULE - i as u32,
                place: "",
                primary: self.school_list(*primary),
                middle: self.school_list(*middle),
                text_prefix: "",
                text: self.text(*text),
                note: "",
                possible: true,
            })
            .collect()
    }

    /// The outcome with the unread fragments that name `k` among its possible matches.
    fn with_mentions<'a>(&'a self, mut outcome: Outcome<'a>, k: &str) -> Outcome<'a> {
        if self.unread.is_empty() {
            return outcome;
        }
        let found = self.mentions(k);
        let list = match &mut outcome {
            Outcome::Found(f) => &mut f.possible,
            Outcome::NotFound { possible, .. } => possible,
            _ => return outcome,
        };
        for hit in found {
            if !list.iter().any(|h| h.rule == hit.rule) {
                list.push(hit);
            }
        }
        outcome
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
            0 => self.not_found(address, Vec::new()),
            // A name that differs from the one typed is never resolved: the parent picks it.
            _ if hits[0].how == MatchKind::Typo => self.not_found(address, hits),
            // A name only begun is never resolved on its own either.
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

    /// Every entry with exactly this key: the place of that name and the places it is another name of.
    fn exact_all(&self, k: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = self
            .by_key
            .get(hash_str(k))
            .filter(|id| self.keys.get(*id) == k)
            .collect();
        super::sort::sort(&mut ids);
        ids
    }

    /// The answer for an exact name: the place of that name with every place the name also stands for
    /// (the most specific rule among them all wins, whichever name it was written under); a name
    /// that only stands for several other places (a village name in two towns) asks which.
    fn by_name<'a>(&'a self, k: &str, before: &str, address: &Address) -> Option<Outcome<'a>> {
        // A town or area typed before the name (“化龙镇” of 化龙镇明经村) may have rules of its own:
        // they answer a 学段 the place itself does not.
        let containers = self.containers(before);
        // The usual case, one entry, without collecting them.
        let mut matches = self
            .by_key
            .get(hash_str(k))
            .filter(|id| self.keys.get(*id) == k);
        let first = matches.next()?;
        if matches.next().is_none() {
            let hit = self.hit(first, MatchKind::Exact);
            if self.other_town(hit, k, before) {
                return None;
            }
            return Some(self.resolve_in(hit, &[], &containers, address));
        }
        let ids = self.exact_all(k);
        let own = ids
            .iter()
            .copied()
            .find(|id| self.alias_of[*id as usize] == u32::MAX);
        let mut hits: Vec<PlaceHit> = ids
            .iter()
            .map(|id| self.hit(*id, MatchKind::Exact))
            .filter(|h| !self.other_town(*h, k, before))
            .collect();
        self.dedup(&mut hits);
        if hits.is_empty() {
            return None;
        }
        Some(match own {
            Some(own) => {
                let main = self.hit(own, MatchKind::Exact);
                let others: Vec<u32> = hits
                    .iter()
                    .map(|h| h.place)
                    .filter(|p| *p != main.place)
                    .collect();
                self.resolve_in(main, &others, &containers, address)
            }
            None if hits.len() == 1 => self.resolve_in(hits[0], &[], &containers, address),
            None => Outcome::Choose(hits),
        })
    }

    /// True when the place a name stands for lies in another town than the one typed before the
    /// name (“石壁街石一村” is not 石楼石一村).
    fn other_town(&self, hit: PlaceHit<'_>, k: &str, before: &str) -> bool {
        let name = key(hit.name);
        let Some(town) = name.strip_suffix(k).filter(|t| !t.is_empty()) else {
            return false;
        };
        let typed = match town_of(before) {
            Some(t) => t,
            None => return false,
        };
        stem(typed) != stem(town)
    }

    /// Places named by the towns typed before a name: the longest ending of `before` that is a place.
    fn containers(&self, before: &str) -> Vec<u32> {
        if before.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, _) in before.char_indices() {
            let tail = &before[i..];
            if tail.chars().count() < 2 {
                break;
            }
            for form in [tail.to_string(), stem(tail).to_string()] {
                for id in self.exact_all(&form) {
                    let place = self.hit(id, MatchKind::Exact).place;
                    if !out.contains(&place) {
                        out.push(place);
                    }
                }
            }
            if !out.is_empty() {
                break;
            }
        }
        out
    }

    /// A name not in the data that begins with a village or community that is (“员岗村3巷”): answered
    /// by that place's rules for the whole of it.
    fn inside_known<'a>(&'a self, name: &str, address: &Address) -> Option<Outcome<'a>> {
        let _ = address;
        let mut forms: Vec<String> = Vec::new();
        for candidate in candidates(name, &self.region) {
            forms.push(candidate.to_string());
            forms.extend(variants(candidate));
        }
        for form in &forms {
            let chars: Vec<(usize, char)> = form.char_indices().collect();
            for (cut, c) in chars.iter().rev() {
                let head = &form[..*cut];
                if head.chars().count() < 2 {
                    break;
                }
                // What follows the place is a numbered part of it (“3巷”, “五队”).
                if !(c.is_ascii_digit() || super::normalize::is_chinese_numeral(*c)) {
                    continue;
                }
                let ids = self.exact_all(head);
                let Some(id) = ids.first() else {
                    continue;
                };
                let hit = self.hit(*id, MatchKind::Exact);
                if matches!(hit.kind, PlaceKind::Road | PlaceKind::Boundary) || ids.len() > 1 {
                    return None;
                }
                return Some(self.resolve(hit, &Address::default()));
            }
        }
        None
    }

    /// Places the query may name, best first: exact or alias, else typos, else pinyin, else prefixes.
    pub fn find_places(&self, q: &Query) -> Vec<PlaceHit<'_>> {
        if !q.letters.is_empty() {
            return self.by_letters(&q.letters);
        }
        for candidate in &q.places {
            let ids = self.exact_all(candidate);
            if !ids.is_empty() {
                let mut hits: Vec<PlaceHit> = ids
                    .iter()
                    .map(|id| self.hit(*id, MatchKind::Exact))
                    .collect();
                self.dedup(&mut hits);
                return hits;
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
        self.resolve_in(place, &[], &[], address)
    }

    /// The schools for an address on a known place, with the rules of the other places its name
    /// stands for, and the whole-place rules of the places it lies in (a town's rule for all its
    /// villages), which answer only a 学段 nothing more specific does.
    fn resolve_in<'a>(
        &'a self,
        place: PlaceHit<'a>,
        others: &[u32],
        containers: &[u32],
        address: &Address,
    ) -> Outcome<'a> {
        let outcome = self.resolve_with(place, others, address);
        if containers.is_empty() {
            return outcome;
        }
        let Outcome::Found(mut found) = outcome else {
            return outcome;
        };
        for c in containers {
            if *c == place.place || others.contains(c) {
                continue;
            }
            // Only possibly: a town's rule may hold a condition the place's own rules do not
            // (“具有南村镇户籍的华南理工…”).
            let whole = self.resolve(self.hit(*c, MatchKind::Exact), &Address::default());
            if let Outcome::Found(outer) = whole {
                let wanted = |a: &Assignment<'a>, mine: &Assignment<'a>| {
                    if mine.is_empty() {
                        a.rules.clone()
                    } else {
                        Vec::new()
                    }
                };
                let mut more = wanted(&outer.primary, &found.primary);
                more.extend(wanted(&outer.middle, &found.middle));
                for mut r in more {
                    if !found.primary.is_empty() {
                        r.primary = &[];
                    }
                    if !found.middle.is_empty() {
                        r.middle = &[];
                    }
                    r.possible = true;
                    if !found.possible.iter().any(|p| p.rule == r.rule) {
                        found.possible.push(r);
                    }
                }
            }
        }
        Outcome::Found(found)
    }

    /// The schools for an address on a known place, with the rules of the other places its name
    /// stands for.
    fn resolve_with<'a>(
        &'a self,
        place: PlaceHit<'a>,
        others: &[u32],
        address: &Address,
    ) -> Outcome<'a> {
        let owned: Vec<Seg>;
        let segs: &[Seg] = if others.is_empty() {
            self.segs_of(place.place)
        } else {
            owned = std::iter::once(place.place)
                .chain(others.iter().copied())
                .flat_map(|p| self.segs_of(p).iter().copied())
                .collect();
            &owned
        };
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
                Cover::Maybe => possible.push(s.rule()),
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
        // Without the deciding number nothing is answered, even when the rules agree: the number may
        // be one that no rule lists.
        if !needs.is_empty() {
            let mut all: Vec<u32> = needs.clone();
            all.extend(segs.iter().filter_map(definite).map(|(_, r)| r));
            super::sort::sort(&mut all);
            all.dedup();
            return Outcome::NeedNumber {
                place,
                candidates: all.into_iter().map(|r| self.rule_hit(r)).collect(),
            };
        }
        if !any_definite && possible.is_empty() {
            return Outcome::NotFound {
                place: Some(place),
                address: *address,
                listed: self.listed(segs),
                did_you_mean: Vec::new(),
                possible: Vec::new(),
            };
        }
        let all_definite = || segs.iter().filter_map(definite);
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

    /// The rules of a place (each once, in rule order), for a parent whose number none covers.
    fn listed(&self, segs: &[Seg]) -> Vec<RuleHit<'_>> {
        let mut rules: Vec<u32> = segs
            .iter()
            .filter(|s| !DistrictIndex::seg_flags(s).0)
            .map(Seg::rule)
            .collect();
        super::sort::sort(&mut rules);
        rules.dedup();
        rules.truncate(MAX_LISTED);
        rules.into_iter().map(|r| self.rule_hit(r)).collect()
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

/// What was typed before `part` when the typed name ends with it (“番禺区化龙镇” before 明经村).
fn typed_before<'t>(typed: &'t str, part: &str) -> &'t str {
    typed.strip_suffix(part).unwrap_or("")
}

/// The town at the end of what was typed before a name (“化龙镇” of 番禺区化龙镇), if it names one.
fn town_of(before: &str) -> Option<&str> {
    let ends = ["街道", "镇", "乡", "街"];
    if !ends.iter().any(|e| before.ends_with(e)) {
        return None;
    }
    // The town begins after the last 区/县/市 (or at the start).
    let start = before
        .char_indices()
        .filter(|(_, c)| matches!(c, '区' | '县' | '市' | '省'))
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    let town = &before[start..];
    (town.chars().count() >= 2).then_some(town)
}

/// A town without its admin word (“化龙” of 化龙镇).
fn stem(town: &str) -> &str {
    for w in ["街道", "镇", "乡", "街"] {
        if let Some(s) = town.strip_suffix(w) {
            if s.chars().count() >= 2 {
                return s;
            }
        }
    }
    town
}

/// Generic words a table may leave out of a name: the admin word of a town prefix (“涌泉街道洪江村” is
/// written 涌泉洪江村) and the kind of a place (“友庆社区” is written 友庆).
fn variants(k: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in ["街道", "镇", "乡", "街"] {
        if let Some(at) = k.find(word) {
            let before = k[..at].chars().count();
            let after = &k[at + word.len()..];
            if (2..=4).contains(&before) && after.chars().count() >= 2 && !after.starts_with('道')
            {
                out.push(format!("{}{after}", &k[..at]));
                // “沙湾街沙北村”: 沙湾街 is a 街道; the place is 沙北村.
                if word == "街" {
                    out.push(after.to_string());
                }
            }
        }
    }
    for suffix in ["社区", "居委会", "村委会", "小区"] {
        if let Some(stem) = k.strip_suffix(suffix) {
            if stem.chars().count() >= 2 {
                out.push(stem.to_string());
            }
        }
    }
    out
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
