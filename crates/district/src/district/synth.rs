//! Synthetic district data for benchmarks (native criterion here, the browser benchmark later): a
//! published file of any size with realistic road, community and village names (with their pinyin,
//! so no pinyin table is needed), ranges with parities, open ranges and single-number exceptions, plus
//! queries that mix road + number, community names, one-character typos and unknown roads, each with
//! the expected primary school computed by brute force. Deterministic for a seed.

use std::collections::HashSet;

use super::model::PlaceKind;
use super::publish::{
    PubPlace, PubRule, PubSchool, Published, DISTRICTS_FORMAT, DISTRICTS_VERSION,
};
use crate::school::Stage;

/// Name characters with their reading (one reading each, for simplicity).
const CHARS: [(char, &str); 96] = [
    ('东', "dong"),
    ('西', "xi"),
    ('南', "nan"),
    ('北', "bei"),
    ('中', "zhong"),
    ('人', "ren"),
    ('民', "min"),
    ('建', "jian"),
    ('设', "she"),
    ('和', "he"),
    ('平', "ping"),
    ('解', "jie"),
    ('放', "fang"),
    ('胜', "sheng"),
    ('利', "li"),
    ('新', "xin"),
    ('华', "hua"),
    ('光', "guang"),
    ('明', "ming"),
    ('文', "wen"),
    ('化', "hua"),
    ('青', "qing"),
    ('年', "nian"),
    ('红', "hong"),
    ('旗', "qi"),
    ('幸', "xing"),
    ('福', "fu"),
    ('安', "an"),
    ('康', "kang"),
    ('宁', "ning"),
    ('永', "yong"),
    ('丰', "feng"),
    ('兴', "xing"),
    ('隆', "long"),
    ('富', "fu"),
    ('强', "qiang"),
    ('锦', "jin"),
    ('程', "cheng"),
    ('普', "pu"),
    ('阳', "yang"),
    ('创', "chuang"),
    ('业', "ye"),
    ('飞', "fei"),
    ('跃', "yue"),
    ('春', "chun"),
    ('城', "cheng"),
    ('江', "jiang"),
    ('河', "he"),
    ('湖', "hu"),
    ('海', "hai"),
    ('山', "shan"),
    ('林', "lin"),
    ('松', "song"),
    ('柏', "bai"),
    ('桃', "tao"),
    ('李', "li"),
    ('梅', "mei"),
    ('兰', "lan"),
    ('竹', "zhu"),
    ('菊', "ju"),
    ('金', "jin"),
    ('银', "yin"),
    ('玉', "yu"),
    ('宝', "bao"),
    ('龙', "long"),
    ('凤', "feng"),
    ('鹤', "he"),
    ('云', "yun"),
    ('天', "tian"),
    ('星', "xing"),
    ('月', "yue"),
    ('日', "ri"),
    ('朝', "chao"),
    ('晖', "hui"),
    ('泰', "tai"),
    ('昌', "chang"),
    ('盛', "sheng"),
    ('嘉', "jia"),
    ('德', "de"),
    ('仁', "ren"),
    ('义', "yi"),
    ('礼', "li"),
    ('智', "zhi"),
    ('信', "xin"),
    ('工', "gong"),
    ('农', "nong"),
    ('商', "shang"),
    ('学', "xue"),
    ('友', "you"),
    ('谊', "yi"),
    ('团', "tuan"),
    ('结', "jie"),
    ('前', "qian"),
    ('进', "jin"),
    ('远', "yuan"),
    ('航', "hang"),
];

/// Characters never used in generated names: unknown roads are made of these.
const UNKNOWN_CHARS: [(char, &str); 12] = [
    ('鑫', "xin"),
    ('淼', "miao"),
    ('垚', "yao"),
    ('犇', "ben"),
    ('焱', "yan"),
    ('森', "sen"),
    ('磊', "lei"),
    ('晶', "jing"),
    ('品', "pin"),
    ('众', "zhong"),
    ('晟', "sheng"),
    ('骉', "biao"),
];

const ROAD_SUFFIXES: [(&str, &str); 6] = [
    ("路", "lu"),
    ("街", "jie"),
    ("大街", "da jie"),
    ("大路", "da lu"),
    ("巷", "xiang"),
    ("胡同", "hu tong"),
];
const COMMUNITY_SUFFIXES: [(&str, &str); 6] = [
    ("小区", "xiao qu"),
    ("花园", "hua yuan"),
    ("家园", "jia yuan"),
    ("名苑", "ming yuan"),
    ("新村", "xin cun"),
    ("公寓", "gong yu"),
];

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// What a generated query tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryKind {
    /// A road and a house number.
    RoadNumber,
    /// A community's name.
    Community,
    /// A road and number with one character of the name replaced.
    Typo,
    /// A road that does not exist.
    Unknown,
}

/// A generated query and the primary school a correct lookup gives (`None`: nothing must match).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthQuery {
    pub text: String,
    pub kind: QueryKind,
    pub expected: Option<u32>,
}

/// A generated data set.
#[derive(Debug, Clone)]
pub struct Synth {
    pub published: Published,
    pub queries: Vec<SynthQuery>,
}

struct Range {
    lo: u32,
    hi: Option<u32>,
    odd: Option<bool>,
    school: u32,
}

impl Range {
    fn covers(&self, n: u32) -> bool {
        n >= self.lo
            && self.hi.is_none_or(|h| n <= h)
            && self.odd.is_none_or(|odd| (n % 2 == 1) == odd)
    }

    fn width(&self) -> u64 {
        let w = u64::from(self.hi.unwrap_or(1_000_000)) - u64::from(self.lo) + 1;
        if self.odd.is_some() {
            w.div_ceil(2)
        } else {
            w
        }
    }

    /// The range as the original wording writes it.
    fn text(&self) -> String {
        let mut s = match self.hi {
            Some(h) if h == self.lo => format!("{}号", self.lo),
            Some(h) => format!("{}-{}号", self.lo, h),
            None => format!("{}号以上", self.lo),
        };
        match self.odd {
            Some(true) => s.push_str("(单号)"),
            Some(false) => s.push_str("(双号)"),
            None => {}
        }
        s
    }

    /// The range as `districts.json` carries it (`packed.rs`).
    fn packed(&self) -> String {
        let mut s = match self.hi {
            Some(h) if h == self.lo => format!("n{}", self.lo),
            Some(h) => format!("n{}-{}", self.lo, h),
            None => format!("n{}-", self.lo),
        };
        match self.odd {
            Some(true) => s.push('o'),
            Some(false) => s.push('e'),
            None => {}
        }
        s
    }
}

struct Place {
    name: String,
    ranges: Vec<Range>,
}

fn name(
    rng: &mut Rng,
    chars: &[(char, &str)],
    suffixes: &[(&str, &str)],
    len: usize,
) -> (String, String) {
    let mut n = String::new();
    let mut r: Vec<&str> = Vec::new();
    for _ in 0..len {
        let (c, p) = chars[rng.below(chars.len() as u64) as usize];
        n.push(c);
        r.push(p);
    }
    let (s, p) = suffixes[rng.below(suffixes.len() as u64) as usize];
    n.push_str(s);
    r.push(p);
    (n, r.join(" "))
}

/// Generates about `rules` rules and `queries` queries.
pub fn generate(rules: usize, queries: usize, seed: u64) -> Synth {
    let mut rng = Rng::new(seed);
    let school_count = (rules / 400).max(12) as u32;
    let mut p = Published {
        format: DISTRICTS_FORMAT.to_string(),
        version: DISTRICTS_VERSION,
        region: "吉林省长春市汽开区".to_string(),
        date: "2024-05-01".to_string(),
        phone: "0431-85000000".to_string(),
        note: String::new(),
        illustrative: true,
        schools: Vec::new(),
        places: Vec::new(),
        rules: Vec::with_capacity(rules),
        texts: vec![String::new()],
        unread: Vec::new(),
    };
    for i in 0..school_count {
        let middle = i % 3 == 2;
        p.schools.push(PubSchool {
            name: format!("第{}{}", i + 1, if middle { "中学" } else { "小学" }),
            stage: if middle {
                Stage::Middle
            } else {
                Stage::Primary
            },
            address: format!("示例路{}号", i + 1),
            phone: format!("0431-85{:06}", i),
            warning: None,
            unlisted: false,
        });
    }
    let primaries: Vec<u32> = (0..school_count).filter(|i| i % 3 != 2).collect();
    let middles: Vec<u32> = (0..school_count).filter(|i| i % 3 == 2).collect();
    // Schools serve neighbouring areas: a road's primaries come from a cluster of three, and each
    // primary feeds the middle school of its cluster.
    let cluster = |rng: &mut Rng| -> (Vec<u32>, u32) {
        let c = rng.below(middles.len() as u64) as usize;
        let ps: Vec<u32> = (0..3)
            .map(|k| primaries[(2 * c + k) % primaries.len()])
            .collect();
        (ps, middles[c])
    };
    let pick = |rng: &mut Rng, list: &[u32]| list[rng.below(list.len() as u64) as usize];
    let mut seen: HashSet<String> = HashSet::new();
    let mut places: Vec<Place> = Vec::new();
    let mut communities: Vec<(String, u32)> = Vec::new();
    while p.rules.len() < rules {
        let community = rng.chance(15);
        let (n, r) = loop {
            let len = 2 + usize::from(seen.len() > 4000) + usize::from(seen.len() > 400_000);
            let suffixes: &[(&str, &str)] = if community {
                &COMMUNITY_SUFFIXES
            } else {
                &ROAD_SUFFIXES
            };
            let (n, r) = name(&mut rng, &CHARS, suffixes, len);
            if seen.insert(n.clone()) {
                break (n, r);
            }
        };
        let place = p.places.len() as u32;
        let kind = if community {
            PlaceKind::Community
        } else {
            PlaceKind::Road
        };
        p.places
            .push(PubPlace(n.clone(), kind, vec![r.clone()], -1));
        let (nearby, middle) = cluster(&mut rng);
        if community {
            let school = pick(&mut rng, &nearby);
            let text = p.texts.len() as u32;
            p.texts.push(format!("{n}全部"));
            p.rules.push(PubRule(
                place,
                String::new(),
                vec![school],
                vec![middle],
                text,
                0,
                0,
                Vec::new(),
                Vec::new(),
            ));
            communities.push((n, school));
            continue;
        }
        let mut ranges = Vec::new();
        let segments = 2 + rng.below(6) as u32;
        let mut lo = 1u32;
        for s in 0..segments {
            let last = s + 1 == segments;
            let hi = if last && rng.chance(40) {
                None
            } else {
                Some(lo + 20 + rng.below(300) as u32)
            };
            if rng.chance(50) {
                ranges.push(Range {
                    lo,
                    hi,
                    odd: Some(true),
                    school: pick(&mut rng, &nearby),
                });
                ranges.push(Range {
                    lo: lo + 1,
                    hi,
                    odd: Some(false),
                    school: pick(&mut rng, &nearby),
                });
            } else {
                ranges.push(Range {
                    lo,
                    hi,
                    odd: None,
                    school: pick(&mut rng, &nearby),
                });
            }
            if rng.chance(10) {
                let at = lo + rng.below(20) as u32;
                ranges.push(Range {
                    lo: at,
                    hi: Some(at),
                    odd: None,
                    school: pick(&mut rng, &nearby),
                });
            }
            match hi {
                Some(h) => lo = h + 1,
                None => break,
            }
        }
        for range in &ranges {
            let spec = range.text();
            let text = p.texts.len() as u32;
            let written = if rng.chance(30) {
                spec.replace('-', "—").replace('(', "（").replace(')', "）")
            } else {
                spec.clone()
            };
            p.texts.push(format!("{n} {written}"));
            p.rules.push(PubRule(
                place,
                range.packed(),
                vec![range.school],
                vec![middle],
                text,
                0,
                0,
                Vec::new(),
                Vec::new(),
            ));
        }
        places.push(Place { name: n, ranges });
    }
    let expected = |pl: &Place, n: u32| -> Option<u32> {
        pl.ranges
            .iter()
            .filter(|r| r.covers(n))
            .min_by_key(|r| r.width())
            .map(|r| r.school)
    };
    let mut qs = Vec::with_capacity(queries);
    while qs.len() < queries && !places.is_empty() {
        let pl = &places[rng.below(places.len() as u64) as usize];
        let top = pl.ranges.iter().filter_map(|r| r.hi).max().unwrap_or(100) + 50;
        let n = 1 + rng.below(u64::from(top)) as u32;
        match rng.below(10) {
            0..=4 => qs.push(SynthQuery {
                text: format!("{}{}号", pl.name, n),
                kind: QueryKind::RoadNumber,
                expected: expected(pl, n),
            }),
            5 if !communities.is_empty() => {
                let (c, school) = &communities[rng.below(communities.len() as u64) as usize];
                qs.push(SynthQuery {
                    text: c.clone(),
                    kind: QueryKind::Community,
                    expected: Some(*school),
                });
            }
            6 | 7 => {
                let chars: Vec<char> = pl.name.chars().collect();
                let at = rng.below(2) as usize;
                let mut typo = chars.clone();
                // Half the typos sound the same (an input-method slip), half are any character.
                let reading = CHARS.iter().find(|(c, _)| *c == chars[at]).map(|(_, r)| *r);
                let alike: Vec<char> = CHARS
                    .iter()
                    .filter(|(c, r)| Some(*r) == reading && *c != chars[at])
                    .map(|(c, _)| *c)
                    .collect();
                typo[at] = if !alike.is_empty() && rng.chance(50) {
                    alike[rng.below(alike.len() as u64) as usize]
                } else {
                    CHARS[rng.below(CHARS.len() as u64) as usize].0
                };
                let typed: String = typo.iter().collect();
                if seen.contains(&typed) {
                    continue;
                }
                qs.push(SynthQuery {
                    text: format!("{typed}{n}号"),
                    kind: QueryKind::Typo,
                    expected: expected(pl, n),
                });
            }
            8 => {
                let (u, _) = name(&mut rng, &UNKNOWN_CHARS, &ROAD_SUFFIXES, 3);
                qs.push(SynthQuery {
                    text: format!("{u}{n}号"),
                    kind: QueryKind::Unknown,
                    expected: None,
                });
            }
            _ => qs.push(SynthQuery {
                text: format!("吉林省长春市汽开区{}{}号", pl.name, n),
                kind: QueryKind::RoadNumber,
                expected: expected(pl, n),
            }),
        }
    }
    Synth {
        published: p,
        queries: qs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::{DistrictIndex, Outcome};

    #[test]
    fn generated_queries_resolve_as_expected() {
        let s = generate(5_000, 2_000, 7);
        assert!(s.published.rules.len() >= 5_000);
        let ix = DistrictIndex::build(&s.published).unwrap();
        let (mut typos, mut typos_right) = (0, 0);
        for q in &s.queries {
            let outcome = ix.search(&q.text);
            if q.kind == QueryKind::Typo {
                typos += 1;
                // A name the parent did not type is never answered: it is offered.
                match &outcome {
                    Outcome::NotFound { did_you_mean, .. } if !did_you_mean.is_empty() => {
                        let address = crate::district::parse_query(&q.text, "").address;
                        if let Outcome::Found(f) = ix.resolve(did_you_mean[0], &address) {
                            typos_right +=
                                usize::from(f.primary.schools.first().copied() == q.expected);
                        }
                    }
                    Outcome::Found(_) => panic!("a typo was answered: {q:?}"),
                    _ => {}
                }
                continue;
            }
            let got = match outcome {
                Outcome::Found(f) => f.primary.schools.first().copied(),
                _ => None,
            };
            assert_eq!(got, q.expected, "{q:?}");
        }
        // The place offered first is the one meant, for a good share of typos.
        assert!(typos_right * 5 >= typos, "{typos_right}/{typos}");
    }

    #[test]
    fn same_seed_same_data() {
        let a = generate(500, 50, 1);
        let b = generate(500, 50, 1);
        assert_eq!(a.published, b.published);
        assert_eq!(a.queries, b.queries);
    }
}
