//! Reading `districts.json` straight into the index: serde hands each place, rule and text to the
//! index [`Builder`] as it reads them, so the parsed file (a `String` and four `Vec`s per rule, 10⁶
//! rules in a province) never sits in memory beside the index and its temporaries. It gives the
//! answer `read_published` + `DistrictIndex::build` give (the same index, or the same error: problems
//! are noted and the file read to its end, then reported in that reader's order), without linking
//! that reader into the parent page. Rules listed before the places or the schools (not what
//! `write_published` writes) are kept until those are read.

use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer as _;

use super::index::{Arena, Builder, DistrictIndex, Meta, MAX_RULES};
use super::publish::{PubPlace, PubRule, PubSchool, PublishError};

/// The index of `json` (whose format and version the caller has checked).
pub(crate) fn read_index(json: &str) -> Result<DistrictIndex, PublishError> {
    let json = json.trim_start_matches('\u{feff}');
    let mut de = serde_json::Deserializer::from_str(json);
    // Anything serde refuses (a wrong type, a missing or repeated field, trailing text) is what the
    // plain reader calls a wrong format.
    match de.deserialize_map(Top { json }) {
        Ok(answer) if de.end().is_ok() => answer,
        _ => Err(PublishError::WrongFormat),
    }
}

/// Problems met so far; the rest of the file is still read, since a later one may decide.
#[derive(Default)]
struct Problems {
    /// The first rule naming a missing place or school.
    bad_ref: Option<usize>,
    /// A place is an alias of a missing place.
    bad_alias: bool,
    /// The first rule whose numbers cannot be read.
    bad_numbers: Option<usize>,
    /// Rules read.
    rules: usize,
    /// The highest text index of each rule not added to the builder (after a problem), by rule.
    unbuilt_text_refs: Vec<(usize, u32)>,
}

impl Problems {
    fn stopped(&self) -> bool {
        self.bad_ref.is_some() || self.bad_numbers.is_some() || self.rules > MAX_RULES
    }

    /// One rule: checked, then added unless something is already wrong.
    fn rule(&mut self, b: &mut Builder, r: &PubRule) {
        let i = self.rules;
        self.rules += 1;
        let places = b.place_count() as u32;
        let schools = b.school_count() as u32;
        let ok = r.0 < places
            && r.2.iter().chain(&r.3).all(|s| *s < schools)
            && r.7.iter().all(|x| *x < places)
            && r.8.iter().all(|(x, _)| *x < places);
        if !ok && self.bad_ref.is_none() {
            self.bad_ref = Some(i);
        }
        if self.stopped() || !ok {
            self.unbuilt_text_refs.push((i, r.4.max(r.5)));
            return;
        }
        if b.add_rule(r.0, &r.1, &r.2, &r.3, r.4, r.5, r.6, &r.7, &r.8)
            .is_err()
        {
            self.bad_numbers = Some(i);
            self.unbuilt_text_refs.push((i, r.4.max(r.5)));
        }
    }

    /// The plain reader's answer: a missing reference (text indexes included) first, then an alias
    /// of a missing place, too many rules, unreadable numbers.
    fn verdict(&self, b: &Builder, texts: usize) -> Option<PublishError> {
        let bad_text = b
            .text_refs()
            .enumerate()
            .chain(self.unbuilt_text_refs.iter().copied())
            .find(|(_, t)| *t as usize >= texts)
            .map(|(i, _)| i);
        let bad_ref = match (self.bad_ref, bad_text) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(rule) = bad_ref {
            Some(PublishError::BadReference { rule })
        } else if self.bad_alias {
            Some(PublishError::WrongFormat)
        } else if self.rules > MAX_RULES {
            Some(PublishError::BadReference { rule: MAX_RULES })
        } else {
            self.bad_numbers
                .map(|rule| PublishError::BadNumbers { rule })
        }
    }
}

/// The fields of `Published`.
const FIELDS: [&str; 12] = [
    "format",
    "version",
    "region",
    "date",
    "phone",
    "note",
    "illustrative",
    "schools",
    "places",
    "rules",
    "texts",
    "unread",
];

struct Top<'de> {
    json: &'de str,
}

impl<'de> Visitor<'de> for Top<'de> {
    type Value = Result<DistrictIndex, PublishError>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a districts file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut meta = Meta::default();
        let (mut format, mut version) = (false, false);
        let mut schools: Option<Vec<PubSchool>> = None;
        let mut builder: Option<Builder> = None;
        let mut early_rules: Option<Vec<PubRule>> = None;
        let mut rules = false;
        let mut texts: Option<Texts<'de>> = None;
        let mut unread: Vec<super::publish::PubUnread> = Vec::new();
        let mut problems = Problems::default();
        // The fields read (a bit each): one twice is an error, an unknown one is skipped each time.
        let mut seen = 0u16;
        while let Some(k) = map.next_key::<String>()? {
            if let Some(bit) = FIELDS.iter().position(|f| *f == k) {
                if seen & 1 << bit != 0 {
                    return Err(serde::de::Error::custom("a field twice"));
                }
                seen |= 1 << bit;
            }
            match k.as_str() {
                "format" => {
                    map.next_value::<String>()?;
                    format = true;
                }
                "version" => {
                    map.next_value::<u32>()?;
                    version = true;
                }
                "region" => meta.region = map.next_value()?,
                "date" => meta.date = map.next_value()?,
                "phone" => meta.phone = map.next_value()?,
                "note" => meta.note = map.next_value()?,
                "illustrative" => meta.illustrative = map.next_value()?,
                "schools" => {
                    let list: Vec<PubSchool> = map.next_value()?;
                    if let Some(b) = builder.as_mut() {
                        b.set_head(Meta::default(), list.clone());
                    }
                    schools = Some(list);
                }
                "places" => {
                    let mut b = Builder::new(Meta::default(), schools.clone().unwrap_or_default());
                    problems.bad_alias = map.next_value_seed(Places(&mut b))?;
                    builder = Some(b);
                }
                "rules" => {
                    match builder.as_mut().filter(|_| schools.is_some()) {
                        Some(b) => map.next_value_seed(Rules(b, &mut problems))?,
                        // Before the places or the schools: kept until they are read.
                        None => early_rules = Some(map.next_value()?),
                    }
                    rules = true;
                }
                "texts" => texts = Some(map.next_value_seed(Texts::new(self.json))?),
                "unread" => unread = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let (Some(mut b), Some(schools), Some(texts), true, true, true) =
            (builder, schools, texts, rules, format, version)
        else {
            return Err(serde::de::Error::custom("a field is missing"));
        };
        for r in early_rules.iter().flatten() {
            problems.rule(&mut b, r);
        }
        if let Some(e) = problems.verdict(&b, texts.len()) {
            return Ok(Err(e));
        }
        for (i, u) in unread.iter().enumerate() {
            let schools = b.school_count() as u32;
            if u.0 as usize >= texts.len() || u.1.iter().chain(&u.2).any(|s| *s >= schools) {
                return Ok(Err(PublishError::BadReference {
                    rule: problems.rules + i,
                }));
            }
            b.add_unread(u.0, &u.1, &u.2);
        }
        b.set_head(meta, schools);
        Ok(Ok(b.finish(|i| texts.get(i))))
    }
}

struct Places<'b>(&'b mut Builder);

impl<'de> DeserializeSeed<'de> for Places<'_> {
    /// True when a place is the alias of a missing place.
    type Value = bool;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Places<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("places")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut max_alias = -1i64;
        while let Some(PubPlace(name, kind, readings, alias)) = seq.next_element()? {
            self.0.add_place(&name, kind, &readings, alias);
            max_alias = max_alias.max(alias);
        }
        self.0.end_places();
        Ok(max_alias >= self.0.place_count() as i64)
    }
}

struct Rules<'b>(&'b mut Builder, &'b mut Problems);

impl<'de> DeserializeSeed<'de> for Rules<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Rules<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("rules")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(r) = seq.next_element::<PubRule>()? {
            self.1.rule(self.0, &r);
        }
        Ok(())
    }
}

/// The published texts, as slices of the file where they are written without escapes (nearly all:
/// only quotes, backslashes and control characters are escaped), else copied. 8 bytes a text instead
/// of a copy of every text.
struct Texts<'de> {
    json: &'de str,
    /// Start and length in `json`, or (with the top bit of the start set) the index in `copied`.
    refs: Vec<(u32, u32)>,
    copied: Arena,
}

const COPIED: u32 = 1 << 31;

impl<'de> Texts<'de> {
    fn new(json: &'de str) -> Self {
        Texts {
            json,
            refs: Vec::new(),
            copied: Arena::default(),
        }
    }

    fn len(&self) -> usize {
        self.refs.len()
    }

    fn get(&self, i: u32) -> &str {
        let (start, len) = self.refs[i as usize];
        if start & COPIED != 0 {
            self.copied.get(start & !COPIED)
        } else {
            &self.json[start as usize..(start + len) as usize]
        }
    }

    fn push(&mut self, t: Text<'de>) {
        let base = self.json.as_ptr() as usize;
        let entry = match t {
            Text::Borrowed(s)
                if s.as_ptr() as usize >= base
                    && s.as_ptr() as usize + s.len() <= base + self.json.len()
                    && s.as_ptr() as usize - base < COPIED as usize =>
            {
                ((s.as_ptr() as usize - base) as u32, s.len() as u32)
            }
            Text::Borrowed(s) => (self.copied.push(s) | COPIED, 0),
            Text::Owned(s) => (self.copied.push(&s) | COPIED, 0),
        };
        self.refs.push(entry);
    }
}

/// One text as serde gives it: borrowed from the file when it can be.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> serde::Deserialize<'de> for Text<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text::Borrowed(s))
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text::Owned(s.to_string()))
            }

            fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Text<'de>, E> {
                Ok(Text::Owned(s))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> DeserializeSeed<'de> for Texts<'de> {
    type Value = Texts<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Texts<'de>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Texts<'de> {
    type Value = Texts<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("texts")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Texts<'de>, A::Error> {
        while let Some(t) = seq.next_element::<Text<'de>>()? {
            self.push(t);
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::publish::{publish, read_published, write_published};
    use crate::district::{example::example_district, load_index, synth::generate};

    /// Everything the index holds, as text (the typo map apart: its order is random).
    fn parts(mut ix: DistrictIndex) -> (String, std::collections::HashMap<char, u32>) {
        let readings = std::mem::take(&mut ix.char_readings);
        (format!("{ix:?}"), readings)
    }

    /// The plain reader's answer.
    fn plain(json: &str) -> Result<DistrictIndex, PublishError> {
        DistrictIndex::build(&read_published(json)?)
    }

    fn same(json: &str) {
        match (load_index(json), plain(json)) {
            (Ok(a), Ok(b)) => assert_eq!(parts(a), parts(b), "{json}"),
            (a, b) => assert_eq!(a.err(), b.err(), "{json}"),
        }
    }

    #[test]
    fn streaming_builds_the_same_index() {
        let synth = generate(3_000, 10, 7);
        let (schools, data) = example_district();
        let example = publish(&data, &schools, &|name| vec![format!("x {}", name.len())]);
        for p in [&synth.published, &example] {
            let json = write_published(p);
            let streamed = load_index(&json).expect("a written file loads");
            assert!(streamed.rule_count() > 0);
            assert_eq!(parts(streamed), parts(plain(&json).unwrap()));
            // With a byte order mark, as Excel-edited files may have.
            let bom = format!("\u{feff}{json}");
            assert_eq!(
                parts(load_index(&bom).unwrap()),
                parts(plain(&json).unwrap())
            );
        }
    }

    #[test]
    fn any_order_and_every_error_give_the_plain_readers_answer() {
        let places = r#""places":[["长青路","road",["chang qing lu"],-1],["青年路","road",[],-1]]"#;
        let rule = |r: &str| format!(r#""rules":[{r}]"#);
        let file = |parts: &[&str]| {
            format!(
                r#"{{"format":"gongkai-districts","version":1,{}}}"#,
                parts.join(",")
            )
        };
        let good = rule(r#"[0,"1-9号",[0],[],1,0,0,[],[]],[1,"全部",[0],[],0,1,0,[],[[0,"3号"]]]"#);
        let schools = r#""schools":[{"name":"长青小学","stage":"primary"}]"#;
        let texts = r#""texts":["","长青路1-9号"]"#;
        let meta = r#""region":"吉林省长春市","date":"2026-09-01""#;
        // Every order of the parts: the same index.
        let parts_of = [schools, places, good.as_str(), texts, meta];
        for order in [
            [0, 1, 2, 3, 4],
            [3, 2, 1, 0, 4],
            [2, 0, 4, 3, 1],
            [4, 1, 2, 0, 3],
        ] {
            let json = file(&order.map(|i| parts_of[i]));
            assert!(load_index(&json).is_ok(), "{json}");
            same(&json);
        }
        // A text with escapes is copied, the others are slices of the file: the same index.
        let escaped = r#""texts":["","长青路1-9号（\"甲\"\\）\u0041"]"#;
        let json = file(&[schools, places, &good, escaped]);
        let ix = load_index(&json).unwrap();
        assert_eq!(ix.rule_text(0), ("长青路", "1-9号（\"甲\"\\）A"));
        same(&json);
        // Errors, alone and together: the plain reader's order decides.
        let bad_school = r#"[0,"全部",[3],[],0,0,0,[],[]]"#;
        let bad_text = r#"[0,"全部",[],[],5,0,0,[],[]]"#;
        let bad_numbers = r#"[0,"1-x号",[],[],0,0,0,[],[]]"#;
        let bad_place = r#"[9,"全部",[],[],0,0,0,[],[]]"#;
        let fine = r#"[0,"全部",[],[],0,0,0,[],[]]"#;
        let alias = r#""places":[["长青路","road",[],7]]"#;
        for (rules, places, texts, error) in [
            (
                vec![bad_school],
                places,
                texts,
                Some(PublishError::BadReference { rule: 0 }),
            ),
            (
                vec![fine, bad_text],
                places,
                texts,
                Some(PublishError::BadReference { rule: 1 }),
            ),
            (
                vec![bad_numbers],
                places,
                texts,
                Some(PublishError::BadNumbers { rule: 0 }),
            ),
            (
                vec![bad_numbers, bad_text],
                places,
                texts,
                Some(PublishError::BadReference { rule: 1 }),
            ),
            (
                vec![bad_numbers, fine, bad_place],
                places,
                texts,
                Some(PublishError::BadReference { rule: 2 }),
            ),
            (
                vec![bad_text, bad_school],
                places,
                texts,
                Some(PublishError::BadReference { rule: 0 }),
            ),
            (
                vec![bad_numbers],
                alias,
                texts,
                Some(PublishError::WrongFormat),
            ),
            (
                vec![fine],
                places,
                r#""textz":[]"#,
                Some(PublishError::WrongFormat),
            ),
            (
                vec![fine, r#"[0,"全部"]"#],
                places,
                texts,
                Some(PublishError::WrongFormat),
            ),
        ] {
            let json = file(&[schools, places, &rule(&rules.join(",")), texts]);
            assert_eq!(load_index(&json).err(), error, "{json}");
            same(&json);
        }
        let twice = file(&[schools, places, &good, texts, texts]);
        assert_eq!(load_index(&twice).err(), Some(PublishError::WrongFormat));
        same(&twice);
        let unknown_twice = file(&[schools, places, &good, texts, r#""x":1,"x":2"#]);
        assert!(load_index(&unknown_twice).is_ok());
        same(&unknown_twice);
        let trailing = format!("{} x", file(&[schools, places, &good, texts]));
        same(&trailing);
    }
}
