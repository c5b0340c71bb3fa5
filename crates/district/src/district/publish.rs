//! `districts.json`, the compact file the parent page reads: its types, the writer (from the
//! workspace, with pinyin readings precomputed by a function the caller passes) and the reader.
//! The reader and the index need no pinyin table, no report code and no `text.rs`.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use thiserror::Error;

use super::model::{DistrictData, PlaceKind, Rule};
use super::normalize::key;
use super::packed;
use super::schools::SchoolResolver;
use crate::school::{School, Stage, Warning};

/// The `format` tag of `districts.json`.
pub const DISTRICTS_FORMAT: &str = "gongkai-districts";
/// The version this build writes and reads (version 1 files are read when their numbers are the
/// simple ones; see docs/data-formats.md).
pub const DISTRICTS_VERSION: u32 = 2;

/// A school as the parent page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubSchool {
    pub name: String,
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<Warning>,
    /// Not in the bureau's school list: only the name the rules give is known.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlisted: bool,
}

/// A searchable place: `[name, kind, readings, alias_of]`. Readings are pinyin syllables separated by
/// spaces, every reading of a heteronym (“chang chun”, “zhang chun”); `alias_of` is the index of the
/// place this name stands for, or -1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubPlace(pub String, pub PlaceKind, pub Vec<String>, pub i64);

/// A rule: `[place, numbers, primary, middle, text, note, flags, roads, except]`.
/// - `place`: index into `places` (for a boundary, its description);
/// - `numbers`: the packed numbers (`packed.rs`; version 1: canonical 门牌号 text);
/// - `primary`, `middle`: indexes into `schools`;
/// - `text`, `note`: indexes into `texts` (0 = none); `text` is the original wording;
/// - `flags`: bit 0 = possible match only (boundary or partial area), bit 1 = boundary;
/// - `roads`: places on the boundary (possible matches);
/// - `except`: `[place, numbers]` pairs left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubRule(
    pub u32,
    pub String,
    pub Vec<u32>,
    pub Vec<u32>,
    pub u32,
    pub u32,
    pub u8,
    pub Vec<u32>,
    pub Vec<(u32, String)>,
);

pub const FLAG_POSSIBLE: u8 = 1;
pub const FLAG_BOUNDARY: u8 = 2;

/// The whole published file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub illustrative: bool,
    pub schools: Vec<PubSchool>,
    pub places: Vec<PubPlace>,
    pub rules: Vec<PubRule>,
    /// Original wordings, notes and qualifiers, each once; `texts[0]` is empty.
    pub texts: Vec<String>,
    /// Fragments of the schools' texts the workbench could not read (version 2): an address they
    /// name is only possibly the school's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<PubUnread>,
}

/// An unread fragment: `[text, primary, middle]`, indexes into `texts` and `schools`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubUnread(pub u32, pub Vec<u32>, pub Vec<u32>);

impl Published {
    /// An empty file with the meta data of `data`.
    pub fn empty(data: &DistrictData) -> Self {
        Published {
            format: DISTRICTS_FORMAT.to_string(),
            version: DISTRICTS_VERSION,
            region: data.region.clone(),
            date: data.data_date.clone(),
            phone: data.bureau_phone.clone(),
            note: data.note.clone(),
            illustrative: data.illustrative,
            schools: Vec::new(),
            places: Vec::new(),
            rules: Vec::new(),
            texts: vec![String::new()],
            unread: Vec::new(),
        }
    }
}

/// Why a `districts.json` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PublishError {
    #[error("not JSON at line {line} column {column}")]
    NotJson { line: usize, column: usize },
    #[error("not a districts file")]
    WrongFormat,
    #[error("version {0} is newer than this build")]
    TooNew(u32),
    #[error("rule {rule} refers to a missing entry")]
    BadReference { rule: usize },
    #[error("rule {rule} has unreadable numbers")]
    BadNumbers { rule: usize },
}

/// Checks the format tag and version of `districts.json`.
pub(crate) fn check_head(json: &str) -> Result<(), PublishError> {
    let json = json.trim_start_matches('\u{feff}');
    // The header first, typed (serde_json's `Value` would cost the parent page ~5 KB gzip).
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        version: Option<u64>,
    }
    let head: Head = serde_json::from_str(json).map_err(|e| {
        if e.is_data() {
            PublishError::WrongFormat
        } else {
            PublishError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    if head.format.as_deref() != Some(DISTRICTS_FORMAT) {
        return Err(PublishError::WrongFormat);
    }
    let version = head.version.ok_or(PublishError::WrongFormat)?;
    if version > u64::from(DISTRICTS_VERSION) {
        return Err(PublishError::TooNew(version as u32));
    }
    Ok(())
}

/// Reads `districts.json`.
pub fn read_published(json: &str) -> Result<Published, PublishError> {
    check_head(json)?;
    let json = json.trim_start_matches('\u{feff}');
    let p: Published = serde_json::from_str(json).map_err(|_| PublishError::WrongFormat)?;
    for (i, r) in p.rules.iter().enumerate() {
        let places = p.places.len() as u32;
        let schools = p.schools.len() as u32;
        let texts = p.texts.len() as u32;
        let ok = r.0 < places
            && r.2.iter().chain(&r.3).all(|s| *s < schools)
            && r.4 < texts
            && r.5 < texts
            && r.7.iter().all(|x| *x < places)
            && r.8.iter().all(|(x, _)| *x < places);
        if !ok {
            return Err(PublishError::BadReference { rule: i });
        }
    }
    for place in &p.places {
        if place.3 >= p.places.len() as i64 {
            return Err(PublishError::WrongFormat);
        }
    }
    for (i, u) in p.unread.iter().enumerate() {
        let schools = p.schools.len() as u32;
        if u.0 as usize >= p.texts.len() || u.1.iter().chain(&u.2).any(|s| *s >= schools) {
            return Err(PublishError::BadReference {
                rule: p.rules.len() + i,
            });
        }
    }
    Ok(p)
}

/// Writes `districts.json` (compact JSON).
pub fn write_published(p: &Published) -> String {
    serde_json::to_string(p).unwrap_or_default()
}

/// Interning tables used while writing.
struct Builder<'r> {
    p: Published,
    places: HashMap<String, u32>,
    texts: HashMap<String, u32>,
    readings: &'r dyn Fn(&str) -> Vec<String>,
}

impl Builder<'_> {
    fn text(&mut self, t: &str) -> u32 {
        if t.is_empty() {
            return 0;
        }
        if let Some(i) = self.texts.get(t) {
            return *i;
        }
        let i = self.p.texts.len() as u32;
        self.p.texts.push(t.to_string());
        self.texts.insert(t.to_string(), i);
        i
    }

    /// Another name of `place`: an entry of its own per place it stands for.
    fn alias(&mut self, name: &str, kind: PlaceKind, place: u32) {
        let k = format!("{}\u{0}{place}", key(name));
        if key(name).is_empty() || key(name) == key(&self.p.places[place as usize].0) {
            return;
        }
        if self.places.contains_key(&k) {
            return;
        }
        let i = self.p.places.len() as u32;
        let readings = (self.readings)(name);
        self.p
            .places
            .push(PubPlace(name.to_string(), kind, readings, i64::from(place)));
        self.places.insert(k, i);
    }

    fn place(&mut self, name: &str, kind: PlaceKind) -> u32 {
        let k = if kind == PlaceKind::Boundary {
            format!("\u{0}{name}")
        } else {
            key(name)
        };
        self.place_keyed(name, &k, kind)
    }

    /// A place told apart from others by `k` (the first name it is given is the one shown).
    fn place_keyed(&mut self, name: &str, k: &str, kind: PlaceKind) -> u32 {
        let k = k.to_string();
        if let Some(i) = self.places.get(&k) {
            return *i;
        }
        let i = self.p.places.len() as u32;
        let readings = if kind == PlaceKind::Boundary {
            Vec::new()
        } else {
            (self.readings)(name)
        };
        self.p
            .places
            .push(PubPlace(name.to_string(), kind, readings, -1));
        self.places.insert(k, i);
        i
    }
}

/// Builds the published data from the workspace's district data and school list. `readings` gives the
/// pinyin readings of a name (`district::pinyin::readings`); the parent page then needs no pinyin table.
pub fn publish(
    data: &DistrictData,
    schools: &[School],
    readings: &dyn Fn(&str) -> Vec<String>,
) -> Published {
    let mut b = Builder {
        p: Published::empty(data),
        places: HashMap::new(),
        texts: HashMap::new(),
        readings,
    };
    b.p.schools = schools
        .iter()
        .map(|s| PubSchool {
            name: s.name.clone(),
            stage: s.stage,
            address: s.address.clone(),
            phone: s.phone.clone(),
            warning: s.warning.clone(),
            unlisted: false,
        })
        .collect();
    let resolver = SchoolResolver::new(schools);
    let mut unlisted: HashMap<String, u32> = HashMap::new();
    let mut school_ids = |b: &mut Builder, names: &[String], stage: Stage| -> Vec<u32> {
        let mut ids = Vec::new();
        for name in names {
            let id = match resolver.resolve(name) {
                Some(i) => i as u32,
                None => *unlisted.entry(key(name)).or_insert_with(|| {
                    b.p.schools.push(PubSchool {
                        name: name.trim().to_string(),
                        stage,
                        address: String::new(),
                        phone: String::new(),
                        warning: None,
                        unlisted: true,
                    });
                    (b.p.schools.len() - 1) as u32
                }),
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    };
    for rule in &data.rules {
        if rule.name.trim().is_empty() {
            continue;
        }
        let primary = school_ids(&mut b, &rule.primary, Stage::Primary);
        let middle = school_ids(&mut b, &rule.middle, Stage::Middle);
        push_rule(&mut b, rule, primary, middle);
    }
    short_road_names(&mut b);
    for area in &data.areas {
        let fragments = area
            .fragments
            .iter()
            .filter(|f| f.state == super::model::FragmentState::Unread);
        for f in fragments {
            let names = &area.schools;
            let primary = if area.stage.serves_primary() {
                school_ids(&mut b, names, Stage::Primary)
            } else {
                Vec::new()
            };
            let middle = if area.stage.serves_middle() {
                school_ids(&mut b, names, Stage::Middle)
            } else {
                Vec::new()
            };
            let text = b.text(f.wording());
            b.p.unread.push(PubUnread(text, primary, middle));
        }
    }
    b.p
}

/// A road a table also names without its ending (“上沙河铺” for 上沙河铺街): each name stands for the
/// other, so that a number given under either is found under both.
fn short_road_names(b: &mut Builder) {
    let own: Vec<(u32, String, PlaceKind)> =
        b.p.places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.3 < 0 && p.1 != PlaceKind::Boundary)
            .map(|(i, p)| (i as u32, key(&p.0), p.1))
            .collect();
    let by_key: HashMap<&str, u32> = own.iter().map(|(i, k, _)| (k.as_str(), *i)).collect();
    let mut pairs = Vec::new();
    for (i, k, kind) in &own {
        if *kind != PlaceKind::Road {
            continue;
        }
        for ending in ["街", "路", "巷"] {
            if let Some(stem) = k.strip_suffix(ending) {
                // “德通桥” beside 德通桥路 is a place of its own: only a stem that is no name of its
                // kind stands for the road.
                if stem.chars().count() >= 3 && !crate::district::model::has_place_ending(stem) {
                    if let Some(j) = by_key.get(stem) {
                        pairs.push((*i, *j));
                    }
                }
            }
        }
    }
    for (long, short) in pairs {
        let (long_name, short_name) = (
            b.p.places[long as usize].0.clone(),
            b.p.places[short as usize].0.clone(),
        );
        b.alias(&long_name, PlaceKind::Road, short);
        b.alias(&short_name, PlaceKind::Road, long);
    }
}

/// The names whose pinyin readings the published file carries (every place but boundary
/// descriptions), in the order of `places`: what a caller that computes readings elsewhere (the
/// workbench's lazily loaded module) needs, before [`set_readings`].
pub fn reading_names(p: &Published) -> Vec<String> {
    p.places
        .iter()
        .filter(|pl| pl.1 != PlaceKind::Boundary)
        .map(|pl| pl.0.clone())
        .collect()
}

/// Puts readings computed for [`reading_names`] (same order) into the published file. Extra or
/// missing entries leave the places they would belong to without readings.
pub fn set_readings(p: &mut Published, readings: Vec<Vec<String>>) {
    let mut readings = readings.into_iter();
    for place in p.places.iter_mut().filter(|pl| pl.1 != PlaceKind::Boundary) {
        place.2 = readings.next().unwrap_or_default();
    }
}

fn push_rule(b: &mut Builder, rule: &Rule, primary: Vec<u32>, middle: Vec<u32>) {
    let town = !rule.town.is_empty() && rule.kind != PlaceKind::Boundary;
    // A village or 社区 in a town is one place however the town is written (沙湾街沙北村, 沙湾沙北村),
    // and another than a namesake in another town. A road or an estate is one in every 街道 a table
    // lists it under: the town only adds names it can be typed with.
    let place = if town && !matches!(rule.kind, PlaceKind::Village | PlaceKind::Neighbourhood) {
        b.place(&rule.name, rule.kind)
    } else if town {
        let identity = format!("{}{}", rule.town_stem(), rule.name);
        b.place_keyed(&rule.full_name(), &key(&identity), rule.kind)
    } else {
        b.place(&rule.name, rule.kind)
    };
    // The name without the town (“东街村” of 城关镇东街村), with the town's short form, and the
    // place's other names stand for it. A name may stand for several places, and be a place of its
    // own too: the lookup decides.
    let mut others: Vec<String> = Vec::new();
    if town {
        if matches!(rule.kind, PlaceKind::Village | PlaceKind::Neighbourhood) {
            others.push(rule.name.clone());
        }
        others.push(format!("{}{}", rule.town_stem(), rule.name));
        others.push(rule.full_name());
    }
    others.extend(rule.aliases.iter().cloned());
    for alias in &others {
        b.alias(alias, rule.kind, place);
    }
    let mut flags = 0;
    if rule.is_possible_only() {
        flags |= FLAG_POSSIBLE;
    }
    if rule.kind == PlaceKind::Boundary {
        flags |= FLAG_BOUNDARY;
    }
    let roads = rule
        .roads
        .iter()
        .map(|r| b.place(r, PlaceKind::Road))
        .collect();
    let except = rule
        .except
        .iter()
        .filter(|e| !e.name.trim().is_empty())
        .map(|e| {
            (
                b.place(&e.name, PlaceKind::guess(&e.name)),
                packed::encode(&e.numbers),
            )
        })
        .collect();
    let text = b.text(&rule.source);
    let mut note = rule.note.clone();
    if !rule.part.is_empty() {
        note = if note.is_empty() {
            rule.part.clone()
        } else {
            format!("{}；{note}", rule.part)
        };
    }
    let note = b.text(&note);
    b.p.rules.push(PubRule(
        place,
        packed::encode(&rule.numbers),
        primary.clone(),
        middle.clone(),
        text,
        note,
        flags,
        roads,
        except,
    ));
    // A community named in brackets under a number (“555弄（新天地河滨花园）”) is searchable itself.
    for spec in &rule.numbers.items {
        let remark = spec.remark.as_str();
        if remark.is_empty()
            || remark.contains(',')
            || remark.chars().any(|c| c.is_ascii_digit())
            || PlaceKind::guess(remark) != PlaceKind::Community
            || rule.kind == PlaceKind::Boundary
        {
            continue;
        }
        let extra = b.place(remark, PlaceKind::Community);
        b.p.rules.push(PubRule(
            extra,
            String::new(),
            primary.clone(),
            middle.clone(),
            text,
            note,
            flags,
            Vec::new(),
            Vec::new(),
        ));
    }
}
