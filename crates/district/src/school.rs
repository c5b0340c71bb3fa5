//! The workspace's school list: every school once, with a stable id, its 学段, address, phone and
//! enrolment warning (招生预警). District rules name schools from it; school submissions use its ids.

use serde::{Deserialize, Serialize};

/// 学段 of a school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 小学.
    #[default]
    Primary,
    /// 初中.
    Middle,
    /// 九年一贯制: both.
    Both,
}

impl Stage {
    pub fn serves_primary(self) -> bool {
        matches!(self, Stage::Primary | Stage::Both)
    }

    pub fn serves_middle(self) -> bool {
        matches!(self, Stage::Middle | Stage::Both)
    }
}

/// 招生预警 level, in the two official styles (红/黄/绿 with 橙, or 一级/二级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningLevel {
    Red,
    Orange,
    Yellow,
    Green,
    /// 一级预警 (demand ≥ 100% of places).
    Level1,
    /// 二级预警 (90%–100%).
    Level2,
}

/// A school's enrolment warning: the level and the bureau's wording.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Warning {
    pub level: WarningLevel,
    #[serde(default)]
    pub text: String,
}

/// One school of the district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    /// Stable id (`school-N`), kept when the name changes.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub stage: Stage,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub warning: Option<Warning>,
    /// Other names the rules may use (a short name, a former name).
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl School {
    /// A school with a new id that no school of `list` has.
    pub fn new(list: &[School], name: &str, stage: Stage) -> Self {
        School {
            id: next_school_id(list),
            name: name.to_string(),
            stage,
            address: String::new(),
            phone: String::new(),
            warning: None,
            aliases: Vec::new(),
        }
    }
}

/// `school-N` with N one above the highest in use.
pub fn next_school_id(list: &[School]) -> String {
    let max = list
        .iter()
        .filter_map(|s| s.id.strip_prefix("school-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("school-{}", max + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_above_every_id_in_use() {
        let mut list = Vec::new();
        for (name, stage) in [("甲小学", Stage::Primary), ("乙中学", Stage::Middle)] {
            let s = School::new(&list, name, stage);
            list.push(s);
        }
        assert_eq!(list[1].id, "school-2");
        list.remove(0);
        assert_eq!(School::new(&list, "丙", Stage::Both).id, "school-3");
        list[0].id = "other".into();
        assert_eq!(next_school_id(&list), "school-1");
    }
}
