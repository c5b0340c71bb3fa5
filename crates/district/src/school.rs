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

/// The largest N of a school id `school-N`: ids are `school-` and 1 to 9 digits without a leading zero.
pub const MAX_SCHOOL_NUMBER: u64 = 999_999_999;

/// The N of a well-formed school id `school-N` (1 ≤ N ≤ [`MAX_SCHOOL_NUMBER`], no leading zero).
pub fn school_number(id: &str) -> Option<u64> {
    let digits = id.strip_prefix("school-")?;
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u64>()
        .ok()
        .filter(|n| (1..=MAX_SCHOOL_NUMBER).contains(n))
}

/// A school id no school of `list` has: `school-N` with N one above the highest in use (so that a
/// removed school's id is not given again), else, at the limit, the lowest N free. Never repeats an
/// id whatever the list holds.
pub fn next_school_id(list: &[School]) -> String {
    let used: std::collections::HashSet<u64> =
        list.iter().filter_map(|s| school_number(&s.id)).collect();
    let above = used
        .iter()
        .max()
        .map_or(Some(1), |m| m.checked_add(1))
        .filter(|n| *n <= MAX_SCHOOL_NUMBER);
    // With at most `list.len()` numbers used, one of 1..=len+1 is free.
    let n = above.unwrap_or_else(|| (1..).find(|n| !used.contains(n)).unwrap_or(1));
    let id = format!("school-{n}");
    debug_assert!(!list.iter().any(|s| s.id == id));
    id
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

    /// Issue 22: a stored id `school-18446744073709551615` made the next id overflow (`max + 1`) and,
    /// in release, gave two new schools the same id `school-0`.
    #[test]
    fn ids_stay_unique_whatever_the_stored_ids_are() {
        let mut list = vec![School::new(&[], "甲小学", Stage::Primary)];
        list[0].id = "school-18446744073709551615".into();
        for name in ["乙小学", "丙小学"] {
            let s = School::new(&list, name, Stage::Primary);
            list.push(s);
        }
        assert_eq!(list[1].id, "school-1");
        assert_eq!(list[2].id, "school-2");
        let mut list = vec![School::new(&[], "甲小学", Stage::Primary)];
        list[0].id = format!("school-{MAX_SCHOOL_NUMBER}");
        let s = School::new(&list, "乙小学", Stage::Primary);
        assert_eq!(s.id, "school-1");
        list.push(s);
        assert_eq!(next_school_id(&list), "school-2");
        for bad in [
            "school-0",
            "school-01",
            "school-",
            "school-+1",
            "school-1000000000",
            "x-1",
        ] {
            assert_eq!(school_number(bad), None, "{bad}");
        }
        assert_eq!(school_number("school-42"), Some(42));
    }
}
