//! The district data of the workspace: rules (what a road, community, village or boundary covers and
//! which schools it is assigned to), the bureau's phone, the data date and the note shown to parents.

use serde::{Deserialize, Serialize};

use super::normalize::clean;
use super::spec::Numbers;

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

const ROAD_SUFFIXES: [&str; 14] = [
    "大街", "大路", "大道", "胡同", "路", "街", "道", "巷", "弄", "里", "条", "线", "桥", "坊",
];
const COMMUNITY_SUFFIXES: [&str; 24] = [
    "小区", "花园", "名苑", "家园", "嘉园", "新村", "公寓", "公馆", "大厦", "广场", "宿舍", "新城",
    "国际", "苑", "园", "府", "城", "湾", "居", "庭", "墅", "邸", "期", "舍",
];
const NEIGHBOURHOOD_SUFFIXES: [&str; 5] = ["社区", "街委", "居委会", "居委", "委"];
const VILLAGE_SUFFIXES: [&str; 3] = ["村", "屯", "组"];

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
