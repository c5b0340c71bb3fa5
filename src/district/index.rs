//! The lookup index, built from the published data: interned place names with hash tables for exact
//! names, aliases, one-character typos (a deletion neighbourhood) and pinyin readings (full and initials),
//! sorted keys for suggestions, and per place a sorted list of compact number segments pointing at rules.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::model::PlaceKind;
use super::normalize::key;
use super::publish::{PubSchool, Published, PublishError, FLAG_POSSIBLE};
use super::spec::{parse_numbers, Address, Cover, NumberSpec, Parity, Unit};

pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Strings stored end to end, addressed by number.
#[derive(Debug, Default)]
pub(crate) struct Arena {
    text: String,
    ends: Vec<u32>,
}

impl Arena {
    pub(crate) fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        (self.ends.len() - 1) as u32
    }

    pub(crate) fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    fn bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4
    }

    fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// A hash multimap from 64-bit hashes to ids, stored as buckets of one flat array. Callers verify hits.
#[derive(Debug, Default)]
pub(crate) struct Multi {
    mask: u64,
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Multi {
    pub(crate) fn build(mut entries: Vec<(u64, u32)>) -> Self {
        let buckets = entries.len().max(1).next_power_of_two();
        let mask = (buckets - 1) as u64;
        entries.sort_unstable_by_key(|(h, id)| (h & mask, *id));
        entries.dedup_by_key(|(h, id)| (*h & mask, *id));
        let mut starts = vec![0u32; buckets + 1];
        for (h, _) in &entries {
            starts[(h & mask) as usize + 1] += 1;
        }
        for i in 0..buckets {
            starts[i + 1] += starts[i];
        }
        Multi {
            mask,
            starts,
            ids: entries.into_iter().map(|(_, id)| id).collect(),
        }
    }

    pub(crate) fn get(&self, h: u64) -> &[u32] {
        if self.starts.is_empty() {
            return &[];
        }
        let b = (h & self.mask) as usize;
        &self.ids[self.starts[b] as usize..self.starts[b + 1] as usize]
    }

    fn bytes(&self) -> usize {
        (self.starts.capacity() + self.ids.capacity()) * 4
    }
}

const META_LINE: u8 = 0b11;
const META_PARITY_SHIFT: u8 = 2;
const META_COMPLEX: u8 = 1 << 4;
const META_EXCLUDE: u8 = 1 << 5;
const META_POSSIBLE: u8 = 1 << 6;
const META_WHOLE: u8 = 1 << 7;

/// One number range of one place: 13 bytes of data padded to 16.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    /// First number (0 = from the first), or the index into `complex` for complex specs.
    pub(crate) lo: u32,
    /// Last number (`u32::MAX` = open).
    pub(crate) hi: u32,
    pub(crate) rule: u32,
    pub(crate) meta: u8,
}

fn line_code(u: Unit) -> u8 {
    match u.line() {
        Unit::No | Unit::Lane => 0,
        Unit::Building => 1,
        Unit::Group => 2,
        Unit::Annex => 3,
    }
}

fn parity_code(p: Parity) -> u8 {
    match p {
        Parity::All => 0,
        Parity::Odd => 1,
        Parity::Even => 2,
    }
}

impl Seg {
    fn parity(&self) -> Parity {
        match (self.meta >> META_PARITY_SHIFT) & 0b11 {
            1 => Parity::Odd,
            2 => Parity::Even,
            _ => Parity::All,
        }
    }
}

/// Rule data the lookup reports: schools, original wording, note, flags.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleRec {
    pub(crate) place: u32,
    pub(crate) primary: (u32, u16),
    pub(crate) middle: (u32, u16),
    pub(crate) text: u32,
    pub(crate) note: u32,
    pub(crate) flags: u8,
}

/// Meta data of the published file, shown with every result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub region: String,
    pub date: String,
    pub phone: String,
    pub note: String,
    pub illustrative: bool,
}

/// The lookup index.
#[derive(Debug, Default)]
pub struct DistrictIndex {
    pub meta: Meta,
    pub(crate) schools: Vec<PubSchool>,
    pub(crate) names: Arena,
    pub(crate) keys: Arena,
    pub(crate) kinds: Vec<PlaceKind>,
    /// For an alias, the place it stands for (`u32::MAX` = none).
    pub(crate) alias_of: Vec<u32>,
    pub(crate) by_key: Multi,
    /// Deletion neighbourhood: every key with one character removed.
    pub(crate) by_deletion: Multi,
    /// Place ids sorted by key, for prefix suggestions.
    pub(crate) sorted: Vec<u32>,
    pub(crate) readings: Arena,
    pub(crate) reading_place: Vec<u32>,
    pub(crate) by_reading: Multi,
    pub(crate) readings_sorted: Vec<u32>,
    pub(crate) seg_start: Vec<u32>,
    pub(crate) segs: Vec<Seg>,
    pub(crate) complex: Vec<NumberSpec>,
    pub(crate) rules: Vec<RuleRec>,
    pub(crate) school_lists: Vec<u32>,
    pub(crate) texts: Arena,
}

/// Memory held by an index, by part, in bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct IndexMemory {
    pub names: usize,
    pub tables: usize,
    pub readings: usize,
    pub segments: usize,
    pub rules: usize,
    pub texts: usize,
}

impl IndexMemory {
    pub fn total(&self) -> usize {
        self.names + self.tables + self.readings + self.segments + self.rules + self.texts
    }
}

/// Keys shorter than this get no deletion variants (a two-character name minus one is one character).
const MIN_FUZZY_CHARS: usize = 3;

impl DistrictIndex {
    /// Builds the index of a published file.
    pub fn build(p: &Published) -> Result<DistrictIndex, PublishError> {
        let mut ix = DistrictIndex {
            meta: Meta {
                region: p.region.clone(),
                date: p.date.clone(),
                phone: p.phone.clone(),
                note: p.note.clone(),
                illustrative: p.illustrative,
            },
            schools: p.schools.clone(),
            ..DistrictIndex::default()
        };
        let n = p.places.len();
        let mut key_entries = Vec::with_capacity(n);
        let mut del_entries = Vec::with_capacity(n * 4);
        let mut reading_entries = Vec::with_capacity(n * 4);
        for (i, place) in p.places.iter().enumerate() {
            let id = i as u32;
            ix.names.push(&place.0);
            let k = key(&place.0);
            ix.kinds.push(place.1);
            ix.alias_of.push(u32::try_from(place.3).unwrap_or(u32::MAX));
            if place.1 == PlaceKind::Boundary {
                ix.keys.push("");
                continue;
            }
            key_entries.push((hash_str(&k), id));
            let chars: Vec<char> = k.chars().collect();
            if chars.len() >= MIN_FUZZY_CHARS {
                for del in deletions(&chars) {
                    del_entries.push((hash_str(&del), id));
                }
            }
            ix.keys.push(&k);
            for r in &place.2 {
                let full: String = r.split_whitespace().collect();
                let initials: String = r
                    .split_whitespace()
                    .map(|syl| {
                        if syl.chars().all(|c| c.is_ascii_digit()) {
                            syl
                        } else {
                            &syl[..syl.chars().next().map_or(0, char::len_utf8)]
                        }
                    })
                    .collect();
                for form in [full.to_ascii_lowercase(), initials.to_ascii_lowercase()] {
                    if form.is_empty() {
                        continue;
                    }
                    let rid = ix.readings.push(&form);
                    ix.reading_place.push(id);
                    reading_entries.push((hash_str(&form), rid));
                }
            }
        }
        ix.by_key = Multi::build(key_entries);
        ix.by_deletion = Multi::build(del_entries);
        ix.by_reading = Multi::build(reading_entries);
        let mut sorted: Vec<u32> = (0..n as u32)
            .filter(|i| ix.kinds[*i as usize] != PlaceKind::Boundary)
            .collect();
        sorted.sort_by(|a, b| ix.keys.get(*a).cmp(ix.keys.get(*b)));
        ix.sorted = sorted;
        let mut rs: Vec<u32> = (0..ix.readings.len() as u32).collect();
        rs.sort_by(|a, b| ix.readings.get(*a).cmp(ix.readings.get(*b)));
        rs.dedup_by(|a, b| {
            ix.readings.get(*a) == ix.readings.get(*b) && ix.reading_place[*a as usize] == ix.reading_place[*b as usize]
        });
        ix.readings_sorted = rs;
        for t in &p.texts {
            ix.texts.push(t);
        }

        // Rules and their segments, grouped by place.
        let mut lists: HashMap<Vec<u32>, (u32, u16)> = HashMap::new();
        let mut list_of = |ix: &mut DistrictIndex, ids: &[u32]| -> (u32, u16) {
            if ids.is_empty() {
                return (0, 0);
            }
            *lists.entry(ids.to_vec()).or_insert_with(|| {
                let start = ix.school_lists.len() as u32;
                ix.school_lists.extend_from_slice(ids);
                (start, ids.len().min(u16::MAX as usize) as u16)
            })
        };
        let mut per_place: Vec<(u32, Seg)> = Vec::with_capacity(p.rules.len() * 5 / 4);
        let mut parsed: HashMap<&str, super::spec::Numbers> = HashMap::new();
        for (ri, r) in p.rules.iter().enumerate() {
            let rule = ri as u32;
            let primary = list_of(&mut ix, &r.2);
            let middle = list_of(&mut ix, &r.3);
            ix.rules.push(RuleRec {
                place: r.0,
                primary,
                middle,
                text: r.4,
                note: r.5,
                flags: r.6,
            });
            let possible = if r.6 & FLAG_POSSIBLE != 0 {
                META_POSSIBLE
            } else {
                0
            };
            let numbers = match parsed.get(r.1.as_str()) {
                Some(n) => n.clone(),
                None => {
                    let n = parse_numbers(&r.1).map_err(|_| PublishError::BadNumbers { rule: ri })?;
                    if parsed.len() < 100_000 {
                        parsed.insert(&r.1, n.clone());
                    }
                    n
                }
            };
            if ix.kinds[r.0 as usize] != PlaceKind::Boundary {
                if numbers.items.is_empty() {
                    per_place.push((r.0, whole(rule, possible)));
                }
                for spec in &numbers.items {
                    let seg = ix.seg_of(spec, rule, possible);
                    per_place.push((r.0, seg));
                }
                for spec in &numbers.except {
                    let seg = ix.seg_of(spec, rule, META_EXCLUDE);
                    per_place.push((r.0, seg));
                }
            }
            for road in &r.7 {
                per_place.push((*road, whole(rule, META_POSSIBLE)));
            }
            for (place, text) in &r.8 {
                let except =
                    parse_numbers(text).map_err(|_| PublishError::BadNumbers { rule: ri })?;
                if except.items.is_empty() {
                    per_place.push((*place, whole(rule, META_EXCLUDE)));
                }
                for spec in &except.items {
                    let seg = ix.seg_of(spec, rule, META_EXCLUDE);
                    per_place.push((*place, seg));
                }
            }
        }
        per_place.sort_by_key(|(place, s)| (*place, s.meta & META_COMPLEX == 0, s.meta & META_LINE, s.lo));
        ix.seg_start = vec![0; n + 1];
        for (place, _) in &per_place {
            ix.seg_start[*place as usize + 1] += 1;
        }
        for i in 0..n {
            ix.seg_start[i + 1] += ix.seg_start[i];
        }
        ix.segs = per_place.into_iter().map(|(_, s)| s).collect();
        ix.shrink();
        Ok(ix)
    }

    fn seg_of(&mut self, spec: &NumberSpec, rule: u32, flags: u8) -> Seg {
        let simple = spec.outer.is_none() && spec.remark.is_empty();
        if !simple {
            self.complex.push(spec.clone());
            return Seg {
                lo: (self.complex.len() - 1) as u32,
                hi: 0,
                rule,
                meta: META_COMPLEX | flags,
            };
        }
        let mut meta = line_code(spec.unit) | (parity_code(spec.parity) << META_PARITY_SHIFT) | flags;
        if spec.lo.is_none() && spec.hi.is_none() {
            meta |= META_WHOLE;
        }
        Seg {
            lo: spec.lo.unwrap_or(0),
            hi: spec.hi.unwrap_or(u32::MAX),
            rule,
            meta,
        }
    }

    fn shrink(&mut self) {
        self.names.shrink();
        self.keys.shrink();
        self.readings.shrink();
        self.texts.shrink();
        self.segs.shrink_to_fit();
        self.rules.shrink_to_fit();
        self.complex.shrink_to_fit();
        self.school_lists.shrink_to_fit();
        self.kinds.shrink_to_fit();
        self.alias_of.shrink_to_fit();
        self.reading_place.shrink_to_fit();
    }

    /// Bytes held, by part (the vectors' capacities; small fixed overheads left out).
    pub fn memory(&self) -> IndexMemory {
        IndexMemory {
            names: self.names.bytes() + self.keys.bytes() + self.kinds.capacity() + self.alias_of.capacity() * 4,
            tables: self.by_key.bytes() + self.by_deletion.bytes() + self.sorted.capacity() * 4,
            readings: self.readings.bytes()
                + self.reading_place.capacity() * 4
                + self.by_reading.bytes()
                + self.readings_sorted.capacity() * 4,
            segments: self.seg_start.capacity() * 4
                + self.segs.capacity() * std::mem::size_of::<Seg>()
                + self.complex.capacity() * std::mem::size_of::<NumberSpec>()
                + self.complex.iter().map(|c| c.remark.capacity()).sum::<usize>(),
            rules: self.rules.capacity() * std::mem::size_of::<RuleRec>() + self.school_lists.capacity() * 4,
            texts: self.texts.bytes(),
        }
    }

    pub fn place_count(&self) -> usize {
        self.kinds.len()
    }

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// A school of the published list.
    pub fn school(&self, i: u32) -> Option<&PubSchool> {
        self.schools.get(i as usize)
    }

    pub fn schools(&self) -> &[PubSchool] {
        &self.schools
    }

    /// The place's display name.
    pub fn place_name(&self, place: u32) -> &str {
        self.names.get(place)
    }

    pub fn place_kind(&self, place: u32) -> PlaceKind {
        self.kinds[place as usize]
    }

    pub(crate) fn segs_of(&self, place: u32) -> &[Seg] {
        let p = place as usize;
        &self.segs[self.seg_start[p] as usize..self.seg_start[p + 1] as usize]
    }

    pub(crate) fn rule(&self, i: u32) -> &RuleRec {
        &self.rules[i as usize]
    }

    pub(crate) fn school_list(&self, (start, len): (u32, u16)) -> &[u32] {
        &self.school_lists[start as usize..start as usize + len as usize]
    }

    pub(crate) fn text(&self, i: u32) -> &str {
        self.texts.get(i)
    }

    pub(crate) fn rule_parts(&self, i: u32) -> (u32, &[u32], &[u32], &str, &str, u8) {
        let r = self.rule(i);
        (
            r.place,
            self.school_list(r.primary),
            self.school_list(r.middle),
            self.text(r.text),
            self.text(r.note),
            r.flags,
        )
    }

    /// Whether a segment covers an address, and its width (smaller = more specific).
    pub(crate) fn cover(&self, s: &Seg, a: &Address) -> (Cover, u64) {
        if s.meta & META_COMPLEX != 0 {
            let spec = &self.complex[s.lo as usize];
            return (spec.covers(a), spec.width());
        }
        let parity = s.parity();
        let whole = s.meta & META_WHOLE != 0;
        let lo = (!whole && s.lo != 0).then_some(s.lo);
        let hi = (!whole && s.hi != u32::MAX).then_some(s.hi);
        let spec_width = {
            let l = u64::from(lo.unwrap_or(1));
            let h = u64::from(hi.unwrap_or(super::spec::MAX_NUMBER + 1));
            let mut count = if whole {
                4 * u64::from(super::spec::MAX_NUMBER)
            } else {
                h.saturating_sub(l) + 1
            };
            if parity != Parity::All {
                count = count.div_ceil(2);
            }
            (1u64 << 32) + count
        };
        let n = match s.meta & META_LINE {
            0 => a.street.map(|(_, n)| n),
            1 => a.building,
            2 => a.group,
            _ => a.annex,
        };
        let cover = match n {
            Some(n) if (whole || (n >= s.lo && n <= s.hi)) && parity.admits(n) => Cover::Yes,
            Some(_) => Cover::No,
            None if whole && parity == Parity::All => Cover::Yes,
            None => Cover::NeedsDetail,
        };
        (cover, spec_width)
    }

    pub(crate) fn seg_flags(s: &Seg) -> (bool, bool) {
        (s.meta & META_EXCLUDE != 0, s.meta & META_POSSIBLE != 0)
    }
}

fn whole(rule: u32, flags: u8) -> Seg {
    Seg {
        lo: 0,
        hi: u32::MAX,
        rule,
        meta: META_WHOLE | flags,
    }
}

/// Every string made by removing one character.
pub(crate) fn deletions(chars: &[char]) -> Vec<String> {
    let mut out: Vec<String> = (0..chars.len())
        .map(|i| {
            chars[..i]
                .iter()
                .chain(chars[i + 1..].iter())
                .collect::<String>()
        })
        .collect();
    out.dedup();
    out
}
