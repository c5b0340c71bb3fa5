//! The district data of the workspace: rules (what a road, community, village or boundary covers and
//! which schools it is assigned to), the bureau's phone, the data date and the note shown to parents.

use serde::{Deserialize, Serialize};

use super::normalize::clean;
use super::spec::Numbers;
use crate::school::Stage;

/// What kind of place a rule names. Only a display and query hint: matching is by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// 路, 街, 大街, 大道, 巷, 弄, 胡同 …
    #[default]
    Road,
    /// 小区, 花园, 名苑, 家园, 新村, 公寓 …
    Community,
    /// 社区, 街委, 居委会.
    Neighbourhood,
    /// 村 (with its 组).
    Village,
    /// “A路—B路—C路—D路所围成的区域” or “…以东、…以南…”: cannot be resolved without a map; addresses
    /// on its boundary roads are a possible match.
    Boundary,
}

const ROAD_SUFFIXES: [&str; 15] = [
    "大街", "大路", "大道", "胡同", "路", "街", "道", "巷", "弄", "里", "条", "线", "桥", "坊",
    "段",
];
const COMMUNITY_SUFFIXES: [&str; 24] = [
    "小区", "花园", "名苑", "家园", "嘉园", "新村", "公寓", "公馆", "大厦", "广场", "宿舍", "新城",
    "国际", "苑", "园", "府", "城", "湾", "居", "庭", "墅", "邸", "期", "舍",
];
const NEIGHBOURHOOD_SUFFIXES: [&str; 5] = ["社区", "街委", "居委会", "居委", "委"];
const VILLAGE_SUFFIXES: [&str; 4] = ["村", "屯", "组", "邨"];

impl PlaceKind {
    /// The kind a name's ending suggests (“东风大街” road, “阳光小区” community, “永丰村” village).
    pub fn guess(name: &str) -> PlaceKind {
        let name = clean(name);
        let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
        if NEIGHBOURHOOD_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            PlaceKind::Neighbourhood
        } else if name.ends_with("新村") || COMMUNITY_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            PlaceKind::Community
        } else if VILLAGE_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            PlaceKind::Village
        } else if ROAD_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            PlaceKind::Road
        } else {
            PlaceKind::Community
        }
    }
}

/// True when a name ends like a place of some kind (a road, community, 社区 or village), not only
/// like a word.
pub fn has_place_ending(name: &str) -> bool {
    let name = clean(name);
    name.chars().count() >= 2
        && ROAD_SUFFIXES
            .iter()
            .chain(&COMMUNITY_SUFFIXES)
            .chain(&NEIGHBOURHOOD_SUFFIXES)
            .chain(&VILLAGE_SUFFIXES)
            .any(|s| name.ends_with(s))
}

/// True when a name ends like a road (used to find the roads of a boundary description).
pub fn is_road_name(name: &str) -> bool {
    let name = clean(name);
    name.chars().count() >= 2 && ROAD_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// A place a rule leaves out (“不含雁城路1-70号”, “除昆仑公馆小区”).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Exclusion {
    /// The place; empty = the rule's own place.
    #[serde(default)]
    pub name: String,
    /// The numbers left out; 全部 = the whole place.
    #[serde(default)]
    pub numbers: Numbers,
}

/// One rule of the district table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rule {
    #[serde(default)]
    pub kind: PlaceKind,
    /// The road, community, 社区 or village; for a boundary, the roads joined with “—”.
    pub name: String,
    /// Other names of the place (“又名”, “原…”, a bracketed community under a lane).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// For a boundary rule: the roads on its boundary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roads: Vec<String>,
    /// The numbers covered (canonical 门牌号 text in JSON; 全部 when empty).
    #[serde(default)]
    pub numbers: Numbers,
    /// Other places left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Exclusion>,
    /// When only part of the place is covered (“大众路以东区域”): the qualifier. Such a rule is a
    /// possible match, shown with its original text, never a definite one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub part: String,
    /// 对口小学, as the table names them.
    #[serde(default)]
    pub primary: Vec<String>,
    /// 对口初中 (several allowed).
    #[serde(default)]
    pub middle: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// The original wording the rule came from.
    #[serde(default)]
    pub source: String,
    /// The 街道 or 镇 the place lies in (“城关镇” of 城关镇东街村), when the table says: the same village
    /// name in two towns is two places.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub town: String,
    /// The fragment of an imported 服务区域 text the rule was read from (0 = none): the review page
    /// shows it there, and a correction of the fragment replaces it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fragment: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Rule {
    /// A rule for a place with the given numbers, no schools yet.
    pub fn new(name: &str, numbers: Numbers) -> Self {
        Rule {
            kind: PlaceKind::guess(name),
            name: clean(name),
            aliases: Vec::new(),
            roads: Vec::new(),
            numbers,
            except: Vec::new(),
            part: String::new(),
            primary: Vec::new(),
            middle: Vec::new(),
            note: String::new(),
            source: String::new(),
            town: String::new(),
            fragment: 0,
        }
    }

    /// Only a possible match: boundary descriptions and partial areas.
    pub fn is_possible_only(&self) -> bool {
        self.kind == PlaceKind::Boundary || !self.part.is_empty()
    }

    /// Every school the rule names, primary first.
    pub fn schools(&self) -> impl Iterator<Item = &String> {
        self.primary.iter().chain(self.middle.iter())
    }

    /// The town without its admin word (“沙湾” of 沙湾街, “城关” of 城关镇): the same town however a table
    /// writes it.
    pub fn town_stem(&self) -> &str {
        let t = self.town.as_str();
        for w in ["街道", "镇", "乡", "街"] {
            if let Some(stem) = t.strip_suffix(w) {
                if stem.chars().count() >= 2 {
                    return stem;
                }
            }
        }
        t
    }

    /// The place as parents see it: the town first when the table gives one (“城关镇东街村”).
    pub fn full_name(&self) -> String {
        if self.town.is_empty() || self.kind == PlaceKind::Boundary {
            self.name.clone()
        } else {
            format!("{}{}", self.town, self.name)
        }
    }
}

/// How a fragment of a 服务区域 text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FragmentState {
    /// Read into definite rules.
    #[default]
    Read,
    /// Read, but only as possible matches (a part of a road, an area without a map, “附近”).
    Possible,
    /// Not understood: kept as the school's unread text, a possible match for what it names.
    Unread,
    /// Not a place: a condition or a note (“说明：计划招生6个班”), kept with the school.
    Note,
}

/// One fragment of a school's 服务区域 text: a place with its numbers, an area, or a phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fragment {
    /// Unique in the district data; the rules read from it carry it (`Rule::fragment`).
    pub id: u32,
    /// Where it starts in the text (in characters).
    #[serde(default)]
    pub start: u32,
    /// As published.
    pub text: String,
    /// The bureau's corrected wording, read instead of `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    #[serde(default)]
    pub state: FragmentState,
}

impl Fragment {
    /// The wording that was read: the correction, else the text as published.
    pub fn wording(&self) -> &str {
        self.fix.as_deref().unwrap_or(&self.text)
    }
}

/// One school's 服务区域 text as a table gave it, split into fragments.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AreaText {
    /// The schools of the row (several when the table gives one area to several schools).
    pub schools: Vec<String>,
    /// Which 学段 the schools serve with this text.
    #[serde(default)]
    pub stage: Stage,
    /// The row of the file (1-based; 0 = typed).
    #[serde(default)]
    pub row: usize,
    /// The 街道 / 镇 column of the row.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub town: String,
    /// The whole text as published.
    pub text: String,
    pub fragments: Vec<Fragment>,
}

/// The district data of the workspace (schema v3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DistrictData {
    /// Province, city and district as parents may type them (“吉林省长春市汽开区”): stripped from queries.
    pub region: String,
    /// 教育局 phone shown when nothing matches.
    pub bureau_phone: String,
    /// Date of the data, as the bureau writes it (“2024-05-01”).
    pub data_date: String,
    /// The bureau's note shown over every result (that the enrolment notice is what counts).
    pub note: String,
    /// Example data written for illustration, not an official table.
    pub illustrative: bool,
    pub rules: Vec<Rule>,
    /// The 服务区域 texts imported, fragment by fragment (what the review page shows).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<AreaText>,
}

impl DistrictData {
    pub fn is_empty(&self) -> bool {
        *self == DistrictData::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_name_endings() {
        for (name, kind) in [
            ("东风大街", PlaceKind::Road),
            ("长青路", PlaceKind::Road),
            ("仙姬巷", PlaceKind::Road),
            ("阳光小区", PlaceKind::Community),
            ("绿园花园", PlaceKind::Community),
            ("锦绣名苑", PlaceKind::Community),
            ("天山四村", PlaceKind::Village),
            ("天山新村", PlaceKind::Community),
            ("沫江社区", PlaceKind::Neighbourhood),
            ("东风街委", PlaceKind::Neighbourhood),
            ("永丰村", PlaceKind::Village),
            ("秦淮绿洲", PlaceKind::Community),
        ] {
            assert_eq!(PlaceKind::guess(name), kind, "{name}");
        }
        assert!(is_road_name("蒸阳南路"));
        assert!(!is_road_name("党校"));
    }
}
