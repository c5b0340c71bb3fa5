//! Reading `districts.json` straight into the index: serde hands each place, rule and text to the
//! index [`Builder`] as it reads them, so the parsed file (a `String` and four `Vec`s per rule, 10⁶
//! rules in a province) never sits in memory beside the index and its temporaries. Only files in the
//! order `write_published` writes (meta, schools, places, rules, texts) are read this way; anything
//! else, or anything wrong (a bad reference, unreadable numbers, a missing field), makes it give up,
//! and `load_index` reads the file the plain way, which words the error.

use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer as _;

use super::index::{Arena, Builder, DistrictIndex, Meta};
use super::publish::{PubPlace, PubRule, PubSchool};

/// The index of `json` read in one pass, or `None` when the plain reader must decide.
pub(crate) fn stream_index(json: &str) -> Option<DistrictIndex> {
    let json = json.trim_start_matches('\u{feff}');
    let mut de = serde_json::Deserializer::from_str(json);
    let ix = de.deserialize_map(Top { json }).ok()?;
    de.end().ok()?;
    Some(ix)
}

/// Gives up (the plain reader takes over).
fn give_up<E: serde::de::Error>() -> E {
    E::custom("read the plain way")
}

struct Top<'de> {
    json: &'de str,
}

impl<'de> Visitor<'de> for Top<'de> {
    type Value = DistrictIndex;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a districts file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DistrictIndex, A::Error> {
        let mut meta = Meta::default();
        let (mut format, mut version) = (false, false);
        let mut schools: Option<Vec<PubSchool>> = None;
        let mut builder: Option<Builder> = None;
        let (mut rules, mut texts): (bool, Option<Texts<'de>>) = (false, None);
        let mut seen: Vec<String> = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            // A field twice is an error for the plain reader too.
            if seen.contains(&k) {
                return Err(give_up());
            }
            seen.push(k.clone());
            // Meta data and schools come before the places; rules after them; texts last.
            let late = builder.is_some();
            match k.as_str() {
                "format" if !format => {
                    map.next_value::<String>()?;
                    format = true;
                }
                "version" if !version => {
                    map.next_value::<u32>()?;
                    version = true;
                }
                "region" if !late => meta.region = map.next_value()?,
                "date" if !late => meta.date = map.next_value()?,
                "phone" if !late => meta.phone = map.next_value()?,
                "note" if !late => meta.note = map.next_value()?,
                "illustrative" if !late => meta.illustrative = map.next_value()?,
                "schools" if schools.is_none() && !late => schools = Some(map.next_value()?),
                "places" if !late => {
                    let list = schools.take().ok_or_else(give_up)?;
                    let mut b = Builder::new(std::mem::take(&mut meta), list);
                    map.next_value_seed(Places(&mut b))?;
                    builder = Some(b);
                }
                "rules" if !rules && texts.is_none() => {
                    let b = builder.as_mut().ok_or_else(give_up)?;
                    map.next_value_seed(Rules(b))?;
                    rules = true;
                }
                "texts" if rules && texts.is_none() => {
                    texts = Some(map.next_value_seed(Texts::new(self.json))?);
                }
                "format" | "version" | "region" | "date" | "phone" | "note" | "illustrative"
                | "schools" | "places" | "rules" | "texts" => return Err(give_up()),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let (Some(b), Some(texts), true, true) = (builder, texts, format, version) else {
            return Err(give_up());
        };
        if b.max_text().is_some_and(|(_, t)| t as usize >= texts.len()) {
            return Err(give_up());
        }
        Ok(b.finish(|i| texts.get(i)))
    }
}

struct Places<'b>(&'b mut Builder);

impl<'de> DeserializeSeed<'de> for Places<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Places<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("places")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut max_alias = -1i64;
        while let Some(PubPlace(name, kind, readings, alias)) = seq.next_element()? {
            self.0.add_place(&name, kind, &readings, alias);
            max_alias = max_alias.max(alias);
        }
        if max_alias >= self.0.place_count() as i64 {
            return Err(give_up());
        }
        self.0.end_places();
        Ok(())
    }
}

struct Rules<'b>(&'b mut Builder);

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
        let places = self.0.place_count() as u32;
        let schools = self.0.school_count() as u32;
        while let Some(r) = seq.next_element::<PubRule>()? {
            let ok = r.0 < places
                && r.2.iter().chain(&r.3).all(|s| *s < schools)
                && r.7.iter().all(|x| *x < places)
                && r.8.iter().all(|(x, _)| *x < places);
            if !ok {
                return Err(give_up());
            }
            self.0
                .add_rule(r.0, &r.1, &r.2, &r.3, r.4, r.5, r.6, &r.7, &r.8)
                .map_err(|_| give_up())?;
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
    use crate::district::publish::{publish, read_published, write_published, PublishError};
    use crate::district::{example::example_district, load_index, synth::generate};

    /// Everything the index holds, as text (the typo map apart: its order is random).
    fn parts(mut ix: DistrictIndex) -> (String, std::collections::HashMap<char, u32>) {
        let readings = std::mem::take(&mut ix.char_readings);
        (format!("{ix:?}"), readings)
    }

    fn plain(json: &str) -> DistrictIndex {
        DistrictIndex::build(&read_published(json).unwrap()).unwrap()
    }

    #[test]
    fn streaming_builds_the_same_index() {
        let synth = generate(3_000, 10, 7);
        let (schools, data) = example_district();
        let example = publish(&data, &schools, &|name| vec![format!("x {}", name.len())]);
        for p in [&synth.published, &example] {
            let json = write_published(p);
            let streamed = stream_index(&json).expect("a written file streams");
            assert!(streamed.rule_count() > 0);
            assert_eq!(parts(streamed), parts(plain(&json)));
            // With a byte order mark, as Excel-edited files may have.
            let bom = format!("\u{feff}{json}");
            assert_eq!(parts(load_index(&bom).unwrap()), parts(plain(&json)));
        }
    }

    #[test]
    fn other_orders_and_errors_are_read_the_plain_way() {
        let places = r#""places":[["长青路","road",["chang qing lu"],-1]]"#;
        let rule = |r: &str| format!(r#""rules":[{r}]"#);
        let file = |parts: &[&str]| {
            format!(
                r#"{{"format":"gongkai-districts","version":1,{}}}"#,
                parts.join(",")
            )
        };
        let good = rule(r#"[0,"1-9号",[0],[],1,0,0,[],[]]"#);
        let schools = r#""schools":[{"name":"长青小学","stage":"primary"}]"#;
        let texts = r#""texts":["","长青路1-9号"]"#;
        // Written order: streamed.
        let json = file(&[schools, places, &good, texts]);
        assert!(stream_index(&json).is_some());
        // A text with escapes is copied, the others are slices of the file: the same index.
        let escaped = r#""texts":["","长青路1-9号（\"甲\"\\）\u0041"]"#;
        let json3 = file(&[schools, places, &good, escaped]);
        let streamed = stream_index(&json3).expect("streams");
        assert_eq!(streamed.rule_text(0), ("长青路", "1-9号（\"甲\"\\）A"));
        assert_eq!(parts(streamed), parts(plain(&json3)));
        // Texts first: the plain reader, same index.
        let json2 = file(&[texts, schools, places, &good]);
        assert!(stream_index(&json2).is_none());
        assert_eq!(
            parts(load_index(&json2).unwrap()),
            parts(stream_index(&json).unwrap())
        );
        for (rules, texts, error) in [
            (
                rule(r#"[0,"全部",[3],[],0,0,0,[],[]]"#),
                texts,
                PublishError::BadReference { rule: 0 },
            ),
            (
                rule(r#"[0,"全部",[],[],5,0,0,[],[]]"#),
                texts,
                PublishError::BadReference { rule: 0 },
            ),
            (
                rule(r#"[0,"1-x号",[],[],0,0,0,[],[]]"#),
                texts,
                PublishError::BadNumbers { rule: 0 },
            ),
            (good.clone(), r#""textz":[]"#, PublishError::WrongFormat),
        ] {
            let json = file(&[schools, places, &rules, texts]);
            assert!(stream_index(&json).is_none(), "{json}");
            assert_eq!(load_index(&json).err(), Some(error), "{json}");
        }
        let twice = file(&[schools, places, &good, texts, texts]);
        assert!(stream_index(&twice).is_none());
        assert_eq!(load_index(&twice).err(), Some(PublishError::WrongFormat));
    }
}
