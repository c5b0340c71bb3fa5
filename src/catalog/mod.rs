//! The catalogue as data: the ten disclosure categories, the statutory table definitions, and the
//! wordings by which narratives state the tables' figures (`statements`).
//!
//! Forms, the check, the preview and every export are generated from these tables; nothing else
//! spells out a category or a table label.

mod items;
pub mod statements;
mod tables;

pub use items::*;
pub use tables::*;

/// A first-level disclosure category (一级事项), in the order of the 标准指引.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Category {
    /// Route key (`#/category/<key>`) and storage key.
    pub key: &'static str,
    pub name: &'static str,
}

/// The ten categories, in order.
pub const CATEGORIES: [Category; 10] = [
    Category {
        key: "policy",
        name: "政策文件",
    },
    Category {
        key: "overview",
        name: "教育概况",
    },
    Category {
        key: "private-schools",
        name: "民办学校信息",
    },
    Category {
        key: "finance",
        name: "财务信息",
    },
    Category {
        key: "enrollment",
        name: "招生管理",
    },
    Category {
        key: "students",
        name: "学生管理",
    },
    Category {
        key: "teachers",
        name: "教师管理",
    },
    Category {
        key: "policy-execution",
        name: "重要政策执行情况",
    },
    Category {
        key: "supervision",
        name: "教育督导",
    },
    Category {
        key: "safety",
        name: "校园安全",
    },
];

pub fn category(key: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_categories_in_official_order() {
        let names: Vec<_> = CATEGORIES.iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            [
                "政策文件",
                "教育概况",
                "民办学校信息",
                "财务信息",
                "招生管理",
                "学生管理",
                "教师管理",
                "重要政策执行情况",
                "教育督导",
                "校园安全"
            ]
        );
        assert_eq!(category("supervision").map(|c| c.name), Some("教育督导"));
        assert_eq!(category("nope"), None);
    }
}
