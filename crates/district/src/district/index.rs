//! The lookup index, built from the published data: interned place names with hash tables for exact
//! names, aliases, one-character typos (a deletion neighbourhood) and pinyin readings (full and initials),
//! sorted keys for suggestions, and per place a sorted list of compact number segments pointing at rules.

use std::collections::HashMap;

use super::model::PlaceKind;
use super::normalize::key;
use super::packed;
use super::publish::{PubSchool, PublishError, Published, FLAG_POSSIBLE};
use super::query::Region;
use super::spec::{Address, Cover, NumberSpec, Numbers, Parity, Unit};

/// A fast non-cryptographic hash of a string (the index is rebuilt on every load, never stored).
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^ (h >> 29)
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

/// A hash multimap from 64-bit hashes to ids, stored as buckets of one flat array. The bits of an
/// entry that its id does not need (14 of 32 for 160k places) hold bits of the hash, so most
/// entries of another key in the bucket are skipped without reading that key. Callers verify hits.
#[derive(Debug, Default)]
pub(crate) struct Multi {
    mask: u64,
    /// The bits of an entry that hold the id.
    id_mask: u32,
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Multi {
    pub(crate) fn build(mut entries: Vec<(u64, u32)>) -> Self {
        let buckets = (entries.len() / 2).max(1).next_power_of_two();
        let mask = (buckets - 1) as u64;
        let max_id = entries.iter().map(|(_, id)| *id).max().unwrap_or(0);
        let id_mask = u32::MAX.checked_shr(max_id.leading_zeros()).unwrap_or(0);
        let tag = |h: u64| (h >> 32) as u32 & !id_mask;
        super::sort::sort_by_key(&mut entries, |(h, id)| (h & mask, id | tag(*h)));
        entries.dedup_by_key(|(h, id)| (*h & mask, *id | tag(*h)));
        let mut starts = vec![0u32; buckets + 1];
        for (h, _) in &entries {
            starts[(h & mask) as usize + 1] += 1;
        }
        for i in 0..buckets {
            starts[i + 1] += starts[i];
        }
        Multi {
            mask,
            id_mask,
            starts,
            ids: entries.into_iter().map(|(h, id)| id | tag(h)).collect(),
        }
    }

    /// The ids whose key may hash to `h`.
    pub(crate) fn get(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let bucket: &[u32] = if self.starts.is_empty() {
            &[]
        } else {
            let b = (h & self.mask) as usize;
            &self.ids[self.starts[b] as usize..self.starts[b + 1] as usize]
        };
        let id_mask = self.id_mask;
        let tag = (h >> 32) as u32 & !id_mask;
        bucket
            .iter()
            .filter(move |e| *e & !id_mask == tag)
            .map(move |e| e & id_mask)
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

/// One number range of one place, 12 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    /// First number (0 = from the first), or the index into `complex` for complex specs.
    pub(crate) lo: u32,
    /// Last number (`u32::MAX` = open).
    pub(crate) hi: u32,
    /// The rule (low 24 bits) and the `META_*` bits (high 8).
    packed: u32,
}

/// Rules an index can hold (24 bits of a segment).
pub const MAX_RULES: usize = 1 << 24;

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
    fn new(lo: u32, hi: u32, rule: u32, meta: u8) -> Self {
        Seg {
            lo,
            hi,
            packed: rule | (u32::from(meta) << 24),
        }
    }

    pub(crate) fn rule(&self) -> u32 {
        self.packed & 0x00ff_ffff
    }

    pub(crate) fn meta(&self) -> u8 {
        (self.packed >> 24) as u8
    }

    fn parity(&self) -> Parity {
        match (self.meta() >> META_PARITY_SHIFT) & 0b11 {
            1 => Parity::Odd,
            2 => Parity::Even,
            _ => Parity::All,
        }
    }
}

/// An unread fragment of a school's text: its text, and its primary and middle school lists.
pub(crate) type Unread = (u32, (u32, u16), (u32, u16));

/// What many rules share: schools, note, flags (deduplicated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Info {
    pub(crate) primary: (u32, u16),
    pub(crate) middle: (u32, u16),
    pub(crate) note: u32,
    pub(crate) flags: u8,
}

/// One rule: its place, its shared info, and its original wording (top bit set: the wording follows
/// the place's name, which is not stored again). 12 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleRec {
    pub(crate) place: u32,
    pub(crate) info: u32,
    pub(crate) text: u32,
}

const TEXT_AFTER_PLACE: u32 = 1 << 31;

/// An address of the data for the parent page's placeholder and hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// A place with a number of its (“长青路7号”), or a place alone.
    pub address: String,
    /// The place's name.
    pub name: String,
    /// The initials of its first reading (“cql”); empty without readings.
    pub initials: String,
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
    /// `meta.region` prepared for stripping from queries.
    pub(crate) region: Region,
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
    pub(crate) infos: Vec<Info>,
    pub(crate) school_lists: Vec<u32>,
    pub(crate) texts: Arena,
    /// Fragments of the schools' texts not read: (text, primary, middle), and the text's key.
    pub(crate) unread: Vec<Unread>,
    pub(crate) unread_keys: Arena,
    /// The reading of each character met in place names (from their first reading), for ranking typos.
    pub(crate) char_readings: HashMap<char, u32>,
    pub(crate) syllables: Arena,
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

/// A rule read but not yet finished: its wording and note are indexes into the published texts, which
/// may come after the rules (`districts.json` lists them last).
#[derive(Debug, Clone, Copy)]
struct PendingRule {
    place: u32,
    primary: (u32, u16),
    middle: (u32, u16),
    note: u32,
    text: u32,
    flags: u8,
}

/// Builds an index step by step, from borrowed parts: places one by one, then rules one by one, then
/// the texts. [`DistrictIndex::build`] feeds it a parsed `Published`; the loader of `districts.json`
/// (`stream.rs`) feeds it while reading, so the whole parsed file never sits in memory at once.
pub(crate) struct Builder {
    ix: DistrictIndex,
    key_entries: Vec<(u64, u32)>,
    del_entries: Vec<(u64, u32)>,
    reading_entries: Vec<(u64, u32)>,
    buf: String,
    lists: HashMap<Vec<u32>, (u32, u16)>,
    pending: Vec<PendingRule>,
    per_place: Vec<(u32, Seg)>,
    /// Unread fragments: (published text, primary, middle).
    pending_unread: Vec<Unread>,
}

impl Builder {
    pub(crate) fn new(meta: Meta, schools: Vec<PubSchool>) -> Self {
        Builder {
            ix: DistrictIndex {
                region: Region::new(&meta.region),
                meta,
                schools,
                ..DistrictIndex::default()
            },
            key_entries: Vec::new(),
            del_entries: Vec::new(),
            reading_entries: Vec::new(),
            buf: String::new(),
            lists: HashMap::new(),
            pending: Vec::new(),
            per_place: Vec::new(),
            pending_unread: Vec::new(),
        }
    }

    /// One unread fragment (`PubUnread`); its references are checked by the caller.
    pub(crate) fn add_unread(&mut self, text: u32, primary: &[u32], middle: &[u32]) {
        let primary = self.list_of(primary);
        let middle = self.list_of(middle);
        self.pending_unread.push((text, primary, middle));
    }

    /// The meta data and school list, when they are read after the places.
    pub(crate) fn set_head(&mut self, meta: Meta, schools: Vec<PubSchool>) {
        self.ix.region = Region::new(&meta.region);
        self.ix.meta = meta;
        self.ix.schools = schools;
    }

    /// The highest text index of each rule added, in rule order.
    pub(crate) fn text_refs(&self) -> impl Iterator<Item = u32> + '_ {
        self.pending.iter().map(|r| r.text.max(r.note))
    }

    pub(crate) fn place_count(&self) -> usize {
        self.ix.kinds.len()
    }

    pub(crate) fn school_count(&self) -> usize {
        self.ix.schools.len()
    }

    pub(crate) fn add_place(
        &mut self,
        name: &str,
        kind: PlaceKind,
        readings: &[String],
        alias_of: i64,
    ) {
        let ix = &mut self.ix;
        let id = ix.kinds.len() as u32;
        ix.names.push(name);
        ix.kinds.push(kind);
        ix.alias_of
            .push(u32::try_from(alias_of).unwrap_or(u32::MAX));
        if kind == PlaceKind::Boundary {
            ix.keys.push("");
            return;
        }
        let k = key(name);
        self.key_entries.push((hash_str(&k), id));
        if k.chars().nth(MIN_FUZZY_CHARS - 1).is_some() {
            let entries = &mut self.del_entries;
            for_each_deletion(&k, &mut self.buf, |del| entries.push((hash_str(del), id)));
        }
        ix.keys.push(&k);
        if let Some(first) = readings.first() {
            ix.learn_char_readings(&k, first);
        }
        for r in readings {
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
                self.reading_entries.push((hash_str(&form), rid));
            }
        }
    }

    /// After the last place: the name and reading tables (their temporaries freed here).
    pub(crate) fn end_places(&mut self) {
        let ix = &mut self.ix;
        let n = ix.kinds.len();
        ix.by_key = Multi::build(std::mem::take(&mut self.key_entries));
        ix.by_deletion = Multi::build(std::mem::take(&mut self.del_entries));
        ix.by_reading = Multi::build(std::mem::take(&mut self.reading_entries));
        let mut sorted: Vec<u32> = (0..n as u32)
            .filter(|i| ix.kinds[*i as usize] != PlaceKind::Boundary)
            .collect();
        // Unstable with the id as the last key: the same order as a stable sort, and one sort
        // routine fewer in the parent page's wasm.
        super::sort::sort_by(&mut sorted, |a, b| {
            ix.keys.get(*a).cmp(ix.keys.get(*b)).then(a.cmp(b))
        });
        ix.sorted = sorted;
        let mut rs: Vec<u32> = (0..ix.readings.len() as u32).collect();
        super::sort::sort_by(&mut rs, |a, b| {
            ix.readings.get(*a).cmp(ix.readings.get(*b)).then(a.cmp(b))
        });
        rs.dedup_by(|a, b| {
            ix.readings.get(*a) == ix.readings.get(*b)
                && ix.reading_place[*a as usize] == ix.reading_place[*b as usize]
        });
        ix.readings_sorted = rs;
    }

    fn list_of(&mut self, ids: &[u32]) -> (u32, u16) {
        if ids.is_empty() {
            return (0, 0);
        }
        let ix = &mut self.ix;
        *self.lists.entry(ids.to_vec()).or_insert_with(|| {
            let start = ix.school_lists.len() as u32;
            ix.school_lists.extend_from_slice(ids);
            (start, ids.len().min(u16::MAX as usize) as u16)
        })
    }

    /// One rule (`PubRule`'s fields); its references are checked by the caller. `BadNumbers` when its
    /// numbers cannot be read.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add_rule(
        &mut self,
        place: u32,
        numbers: &str,
        primary: &[u32],
        middle: &[u32],
        text: u32,
        note: u32,
        flags: u8,
        roads: &[u32],
        except: &[(u32, String)],
    ) -> Result<(), PublishError> {
        let ri = self.pending.len();
        if ri >= MAX_RULES {
            return Err(PublishError::BadReference { rule: MAX_RULES });
        }
        let rule = ri as u32;
        // A rule with boundary roads, or on a boundary, is a possible match whatever its flags say (a
        // hand-edited file may leave the flag out).
        let flags = if !roads.is_empty() || self.ix.kinds[place as usize] == PlaceKind::Boundary {
            flags | FLAG_POSSIBLE
        } else {
            flags
        };
        let primary = self.list_of(primary);
        let middle = self.list_of(middle);
        self.pending.push(PendingRule {
            place,
            primary,
            middle,
            note,
            text,
            flags,
        });
        let possible = if flags & FLAG_POSSIBLE != 0 {
            META_POSSIBLE
        } else {
            0
        };
        let ix = &mut self.ix;
        let per_place = &mut self.per_place;
        if ix.kinds[place as usize] != PlaceKind::Boundary {
            if let Some(seg) = simple_seg(numbers, rule, possible) {
                per_place.push((place, seg));
            } else {
                let numbers = numbers_of(numbers).ok_or(PublishError::BadNumbers { rule: ri })?;
                if numbers.items.is_empty() {
                    per_place.push((place, whole(rule, possible)));
                }
                for spec in &numbers.items {
                    let seg = ix.seg_of(spec, rule, possible);
                    per_place.push((place, seg));
                }
                for spec in &numbers.except {
                    let seg = ix.seg_of(spec, rule, META_EXCLUDE);
                    per_place.push((place, seg));
                }
            }
        }
        for road in roads {
            per_place.push((*road, whole(rule, META_POSSIBLE)));
        }
        for (other, text) in except {
            if let Some(seg) = simple_seg(text, rule, META_EXCLUDE) {
                per_place.push((*other, seg));
                continue;
            }
            let except = numbers_of(text).ok_or(PublishError::BadNumbers { rule: ri })?;
            if except.items.is_empty() {
                per_place.push((*other, whole(rule, META_EXCLUDE)));
            }
            for spec in &except.items {
                let seg = ix.seg_of(spec, rule, META_EXCLUDE);
                per_place.push((*other, seg));
            }
        }
        Ok(())
    }

    /// After the last rule: the segments sorted by place, then the texts (`text(i)` is published text
    /// `i`), the rules' shared infos and wordings. In that order, so that the segment list and the
    /// text table are not both held at the peak.
    pub(crate) fn finish<'t>(mut self, text: impl Fn(u32) -> &'t str) -> DistrictIndex {
        self.lists = HashMap::new();
        let mut ix = self.ix;
        let mut per_place = self.per_place;
        // Segments are pushed rule by rule, a rule's own before its exclusions: with the rule, that
        // flag, then `hi` and the meta bits as the last keys the order is total and keeps what a
        // stable sort keeps, and the parent page's wasm carries no stable sort routine (~4 KB gzip).
        super::sort::sort_by_key(&mut per_place, |(place, s)| {
            (
                *place,
                s.meta() & META_COMPLEX == 0,
                s.meta() & META_LINE,
                s.lo,
                s.rule(),
                s.meta() & META_EXCLUDE != 0,
                s.hi,
                s.meta(),
            )
        });
        let n = ix.kinds.len();
        ix.seg_start = vec![0; n + 1];
        for (place, _) in &per_place {
            ix.seg_start[*place as usize + 1] += 1;
        }
        for i in 0..n {
            ix.seg_start[i + 1] += ix.seg_start[i];
        }
        ix.segs = Vec::with_capacity(per_place.len());
        ix.segs.extend(per_place.iter().map(|(_, s)| *s));
        drop(per_place);
        // Texts are interned: `texts[0]` stays the empty text.
        let mut texts = Interner::default();
        texts.intern(&mut ix.texts, "");
        let mut infos: HashMap<Info, u32> = HashMap::new();
        ix.rules.reserve_exact(self.pending.len());
        for r in &self.pending {
            let note = texts.intern(&mut ix.texts, text(r.note));
            let info = Info {
                primary: r.primary,
                middle: r.middle,
                note,
                flags: r.flags,
            };
            let info = *infos.entry(info).or_insert_with(|| {
                ix.infos.push(info);
                (ix.infos.len() - 1) as u32
            });
            // The original wording, without the place's name when it starts with it.
            let full = text(r.text);
            let name = ix.names.get(r.place);
            let (stored, after) = match full.strip_prefix(name) {
                Some(rest) if r.text != 0 && !name.is_empty() => (rest, TEXT_AFTER_PLACE),
                _ => (full, 0),
            };
            let t = texts.intern(&mut ix.texts, stored);
            ix.rules.push(RuleRec {
                place: r.place,
                info,
                text: t | after,
            });
        }
        for (t, primary, middle) in std::mem::take(&mut self.pending_unread) {
            let full = text(t);
            let id = texts.intern(&mut ix.texts, full);
            ix.unread.push((id, primary, middle));
            ix.unread_keys.push(&key(full));
        }
        ix.shrink();
        ix
    }
}

/// Interns strings into an [`Arena`]: an open-addressing table of arena ids (4 bytes a slot, grown
/// at 70 % load), a sixth of a `HashMap<&str, u32>` for the 10⁶ wordings of a province.
#[derive(Default)]
struct Interner {
    slots: Vec<u32>,
    used: usize,
}

impl Interner {
    const EMPTY: u32 = u32::MAX;

    fn intern(&mut self, arena: &mut Arena, s: &str) -> u32 {
        if (self.used + 1) * 10 > self.slots.len() * 7 {
            self.grow(arena);
        }
        let mask = self.slots.len() - 1;
        let mut i = hash_str(s) as usize & mask;
        loop {
            match self.slots[i] {
                Self::EMPTY => {
                    let id = arena.push(s);
                    self.slots[i] = id;
                    self.used += 1;
                    return id;
                }
                id if arena.get(id) == s => return id,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn grow(&mut self, arena: &Arena) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![Self::EMPTY; size]);
        let mask = size - 1;
        for id in old.into_iter().filter(|id| *id != Self::EMPTY) {
            let mut i = hash_str(arena.get(id)) as usize & mask;
            while self.slots[i] != Self::EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = id;
        }
    }
}

impl DistrictIndex {
    /// Builds the index of a published file.
    pub fn build(p: &Published) -> Result<DistrictIndex, PublishError> {
        let meta = Meta {
            region: p.region.clone(),
            date: p.date.clone(),
            phone: p.phone.clone(),
            note: p.note.clone(),
            illustrative: p.illustrative,
        };
        let mut b = Builder::new(meta, p.schools.clone());
        for place in &p.places {
            b.add_place(&place.0, place.1, &place.2, place.3);
        }
        b.end_places();
        if p.rules.len() > MAX_RULES {
            return Err(PublishError::BadReference { rule: MAX_RULES });
        }
        for r in &p.rules {
            b.add_rule(r.0, &r.1, &r.2, &r.3, r.4, r.5, r.6, &r.7, &r.8)?;
        }
        for u in &p.unread {
            b.add_unread(u.0, &u.1, &u.2);
        }
        Ok(b.finish(|i| p.texts[i as usize].as_str()))
    }

    fn seg_of(&mut self, spec: &NumberSpec, rule: u32, flags: u8) -> Seg {
        let simple = spec.outer.is_none()
            && spec.remark.is_empty()
            && spec.unit != Unit::Lane
            && spec.hi_unit != Unit::Lane;
        if !simple {
            self.complex.push(spec.clone());
            return Seg::new(
                (self.complex.len() - 1) as u32,
                0,
                rule,
                META_COMPLEX | flags,
            );
        }
        let mut meta =
            line_code(spec.unit) | (parity_code(spec.parity) << META_PARITY_SHIFT) | flags;
        if spec.lo.is_none() && spec.hi.is_none() {
            meta |= META_WHOLE;
        }
        Seg::new(
            spec.lo.unwrap_or(0),
            spec.hi.unwrap_or(u32::MAX),
            rule,
            meta,
        )
    }

    /// Records the reading of each character of a key from one reading of the name (when the
    /// syllables line up with the characters).
    fn learn_char_readings(&mut self, key: &str, reading: &str) {
        let syllables: Vec<&str> = reading.split_whitespace().collect();
        let mut tokens: Vec<Option<char>> = Vec::new();
        let mut latin = false;
        for c in key.chars() {
            if c.is_ascii_alphanumeric() {
                if !latin {
                    tokens.push(None);
                }
                latin = true;
            } else {
                latin = false;
                tokens.push(Some(c));
            }
        }
        if tokens.len() != syllables.len() {
            return;
        }
        for (t, syl) in tokens.into_iter().zip(syllables) {
            if let Some(c) = t {
                if !self.char_readings.contains_key(&c) {
                    let id = self.syllables.push(&syl.to_ascii_lowercase());
                    self.char_readings.insert(c, id);
                }
            }
        }
    }

    /// The reading of a key from the characters' known readings, if every character has one.
    pub(crate) fn reading_of(&self, key: &str) -> Option<String> {
        let mut out = String::new();
        for c in key.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else {
                out.push_str(self.syllables.get(*self.char_readings.get(&c)?));
            }
        }
        Some(out)
    }

    fn shrink(&mut self) {
        self.names.shrink();
        self.keys.shrink();
        self.readings.shrink();
        self.texts.shrink();
        self.segs.shrink_to_fit();
        self.rules.shrink_to_fit();
        self.infos.shrink_to_fit();
        self.syllables.shrink();
        self.complex.shrink_to_fit();
        self.school_lists.shrink_to_fit();
        self.kinds.shrink_to_fit();
        self.alias_of.shrink_to_fit();
        self.reading_place.shrink_to_fit();
    }

    /// Bytes held, by part (the vectors' capacities; small fixed overheads left out).
    pub fn memory(&self) -> IndexMemory {
        IndexMemory {
            names: self.names.bytes()
                + self.keys.bytes()
                + self.kinds.capacity()
                + self.alias_of.capacity() * 4,
            tables: self.by_key.bytes() + self.by_deletion.bytes() + self.sorted.capacity() * 4,
            readings: self.readings.bytes()
                + self.syllables.bytes()
                + self.char_readings.capacity() * 12
                + self.reading_place.capacity() * 4
                + self.by_reading.bytes()
                + self.readings_sorted.capacity() * 4,
            segments: self.seg_start.capacity() * 4
                + self.segs.capacity() * std::mem::size_of::<Seg>()
                + self.complex.capacity() * std::mem::size_of::<NumberSpec>()
                + self
                    .complex
                    .iter()
                    .map(|c| c.remark.capacity())
                    .sum::<usize>(),
            rules: self.rules.capacity() * std::mem::size_of::<RuleRec>()
                + self.infos.capacity() * std::mem::size_of::<Info>()
                + self.school_lists.capacity() * 4,
            texts: self.texts.bytes(),
        }
    }

    pub fn place_count(&self) -> usize {
        self.kinds.len()
    }

    /// Roads, communities and villages (their other names and area descriptions not counted).
    pub fn own_place_count(&self) -> usize {
        (0..self.kinds.len())
            .filter(|&p| self.alias_of[p] == u32::MAX && self.kinds[p] != PlaceKind::Boundary)
            .count()
    }

    /// An address of the data to show as an example (a road with a numbered rule, else any place),
    /// and the initials of the place's first reading: what the parent page's placeholder and hint
    /// show, so that they are the bureau's own and not the built-in example's.
    pub fn example(&self) -> Option<Example> {
        let own = |p: usize| self.alias_of[p] == u32::MAX && self.kinds[p] != PlaceKind::Boundary;
        let numbered = (0..self.kinds.len()).filter(|&p| own(p)).find_map(|p| {
            let n = self.segs_of(p as u32).iter().find_map(|s| {
                let simple =
                    s.meta() & (META_COMPLEX | META_WHOLE | META_EXCLUDE | META_POSSIBLE) == 0;
                (simple && s.meta() & META_LINE == 0 && s.lo > 0).then_some(s.lo)
            })?;
            Some((p, format!("{}{n}号", self.names.get(p as u32))))
        });
        let (p, address) = numbered.or_else(|| {
            (0..self.kinds.len())
                .find(|&p| own(p))
                .map(|p| (p, self.names.get(p as u32).to_string()))
        })?;
        let initials = (0..self.reading_place.len())
            .find(|&r| {
                self.reading_place[r] == p as u32 && {
                    let form = self.readings.get(r as u32);
                    form.len() < self.names.get(p as u32).chars().count() + 1
                }
            })
            .map(|r| self.readings.get(r as u32).to_string())
            .unwrap_or_default();
        Some(Example {
            address,
            name: self.names.get(p as u32).to_string(),
            initials,
        })
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

    pub(crate) fn school_list(&self, (start, len): (u32, u16)) -> &[u32] {
        &self.school_lists[start as usize..start as usize + len as usize]
    }

    pub(crate) fn text(&self, i: u32) -> &str {
        self.texts.get(i)
    }

    pub(crate) fn info(&self, rule: u32) -> &Info {
        &self.infos[self.rules[rule as usize].info as usize]
    }

    /// The original wording of a rule: the place's name it follows (or "") and the stored text.
    pub(crate) fn rule_text(&self, rule: u32) -> (&str, &str) {
        let r = &self.rules[rule as usize];
        let text = self.texts.get(r.text & !TEXT_AFTER_PLACE);
        if r.text & TEXT_AFTER_PLACE != 0 {
            (self.names.get(r.place), text)
        } else {
            ("", text)
        }
    }

    /// Whether a segment covers an address, and its width (smaller = more specific).
    pub(crate) fn cover(&self, s: &Seg, a: &Address) -> (Cover, u64) {
        if s.meta() & META_COMPLEX != 0 {
            let spec = &self.complex[s.lo as usize];
            return (spec.covers(a), spec.width());
        }
        let parity = s.parity();
        let whole = s.meta() & META_WHOLE != 0;
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
        let n = match s.meta() & META_LINE {
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
        (s.meta() & META_EXCLUDE != 0, s.meta() & META_POSSIBLE != 0)
    }
}

/// A rule's numbers as published: the packed form (`packed.rs`, version 2), or for a file of version
/// 1 the simple canonical texts `simple_seg` reads (全部); anything else is refused.
fn numbers_of(text: &str) -> Option<Numbers> {
    if text == "全部" {
        return Some(Numbers::default());
    }
    packed::decode(text)
}

fn whole(rule: u32, flags: u8) -> Seg {
    Seg::new(0, u32::MAX, rule, META_WHOLE | flags)
}

/// The segment of a simple published number: packed (`n12`, `n1-99o`, `n201-e`, `n-50`; the empty
/// text is 全部) or, in a file of version 1, canonical (`全部`, `12号`, `1-99号`, `201号以上`, `50号以下`,
/// each optionally followed by `(单号)` or `(双号)`), without the general decoder; `None` otherwise.
fn simple_seg(text: &str, rule: u32, flags: u8) -> Option<Seg> {
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if text.is_empty() || text == "全部" {
        return Some(whole(rule, flags));
    }
    if let Some(body) = text.strip_prefix('n') {
        let (body, parity) = match body.as_bytes().last() {
            Some(b'o') => (&body[..body.len() - 1], 1u8),
            Some(b'e') => (&body[..body.len() - 1], 2u8),
            _ => (body, 0u8),
        };
        let meta = (parity << META_PARITY_SHIFT) | flags;
        return match body.split_once('-') {
            Some(("", hi)) => Some(Seg::new(0, number(hi)?, rule, meta)),
            Some((lo, "")) => Some(Seg::new(number(lo)?, u32::MAX, rule, meta)),
            Some((lo, hi)) => {
                let (lo, hi) = (number(lo)?, number(hi)?);
                (lo <= hi && lo > 0).then(|| Seg::new(lo, hi, rule, meta))
            }
            None => {
                let n = number(body)?;
                (n > 0).then(|| Seg::new(n, n, rule, meta))
            }
        };
    }
    let (body, parity) = if let Some(b) = text.strip_suffix("(单号)") {
        (b, 1u8)
    } else if let Some(b) = text.strip_suffix("(双号)") {
        (b, 2u8)
    } else {
        (text, 0u8)
    };
    let meta = (parity << META_PARITY_SHIFT) | flags;
    if let Some(b) = body.strip_suffix("号以上") {
        return Some(Seg::new(number(b)?, u32::MAX, rule, meta));
    }
    if let Some(b) = body.strip_suffix("号以下") {
        return Some(Seg::new(0, number(b)?, rule, meta));
    }
    let b = body.strip_suffix('号')?;
    match b.split_once('-') {
        Some((lo, hi)) => {
            let (lo, hi) = (number(lo)?, number(hi)?);
            (lo <= hi && lo > 0).then(|| Seg::new(lo, hi, rule, meta))
        }
        None => {
            let n = number(b)?;
            (n > 0).then(|| Seg::new(n, n, rule, meta))
        }
    }
}

/// Calls `f` with every string made by removing one character of `k` (built in `buf`), skipping a
/// variant equal to the one before (“东东路” minus either 东).
pub(crate) fn for_each_deletion(k: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let mut last_removed: Option<(usize, char)> = None;
    for (i, c) in k.char_indices() {
        // Removing the second of two equal neighbours gives the same string as removing the first.
        if last_removed.is_some_and(|(j, d)| d == c && j + d.len_utf8() == i) {
            last_removed = Some((i, c));
            continue;
        }
        last_removed = Some((i, c));
        buf.clear();
        buf.push_str(&k[..i]);
        buf.push_str(&k[i + c.len_utf8()..]);
        f(buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_each_text_one_id_across_growth() {
        let mut arena = Arena::default();
        let mut table = Interner::default();
        let ids: Vec<u32> = (0..1000)
            .map(|i| table.intern(&mut arena, &format!("{}号", i % 300)))
            .collect();
        assert_eq!(arena.len(), 300);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(*id, ids[i % 300]);
            assert_eq!(arena.get(*id), format!("{}号", i % 300));
        }
    }

    #[test]
    fn deletions_skip_repeats() {
        let mut out = Vec::new();
        for_each_deletion("东东路a", &mut String::new(), |d| {
            out.push(d.to_string())
        });
        assert_eq!(out, ["东路a", "东东a", "东东路"]);
    }
}
