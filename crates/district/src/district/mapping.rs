//! Which column of a district table holds what: the headings bureaus really write (学校名称,
//! 招生服务地段及条件, 登记范围, 行政街, 招生计划（班）…) recognised as column roles, the header row
//! found under a title, and the mapping the bureau may correct before the rows are read.

use super::normalize::key;
use super::xlsx::Row;

/// Which of the three table shapes a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// `道路或小区,门牌号,对口小学,对口初中,备注`.
    Rules,
    /// `学校,学段,服务区域`.
    Areas,
    /// `学校,学段,地址,电话,预警等级,预警说明`.
    Schools,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Rule tables: the road, community or village.
    Place,
    /// Rule tables: the 门牌号.
    Numbers,
    /// Rule tables: 对口小学.
    Primary,
    /// Rule tables: 对口初中.
    Middle,
    /// 备注 / 说明: kept as the rule's note.
    Note,
    /// 学校 / 学校名称.
    School,
    /// 学段.
    Stage,
    /// The 服务区域 free text (招生范围, 服务范围, 登记范围, 招生服务地段及条件 …).
    Area,
    /// The school's address.
    Address,
    /// The school's phone.
    Phone,
    /// 预警等级.
    Warning,
    /// 预警说明.
    WarningText,
    /// 学区 / 片区: a group of schools; not needed to answer.
    Group,
    /// 街道 / 镇 / 行政街: the town or street office the places of the row lie in.
    Street,
    /// 招生计划（班）: not needed to answer.
    Plan,
    /// 序号: not needed to answer.
    Index,
}

impl Role {
    /// Every role, in the order a mapping control lists them.
    pub const ALL: [Role; 16] = [
        Role::School,
        Role::Stage,
        Role::Area,
        Role::Street,
        Role::Place,
        Role::Numbers,
        Role::Primary,
        Role::Middle,
        Role::Note,
        Role::Address,
        Role::Phone,
        Role::Warning,
        Role::WarningText,
        Role::Group,
        Role::Plan,
        Role::Index,
    ];

    /// A stable name (the mapping control's value, test fixtures).
    pub fn name(self) -> &'static str {
        match self {
            Role::Place => "place",
            Role::Numbers => "numbers",
            Role::Primary => "primary",
            Role::Middle => "middle",
            Role::Note => "note",
            Role::School => "school",
            Role::Stage => "stage",
            Role::Area => "area",
            Role::Address => "address",
            Role::Phone => "phone",
            Role::Warning => "warning",
            Role::WarningText => "warning_text",
            Role::Group => "group",
            Role::Street => "street",
            Role::Plan => "plan",
            Role::Index => "index",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    /// Roles whose empty cell means the cell above (a merged cell exported without its value).
    pub fn fills_down(self) -> bool {
        matches!(
            self,
            Role::School | Role::Stage | Role::Group | Role::Street
        )
    }
}

/// The headings each role is known by. A heading equal to one of them is that role; else the
/// longest one it contains decides (“小学招生范围” is an area, “招生计划（班）” a plan).
const HEADINGS: [(Role, &[&str]); 16] = [
    (
        Role::Place,
        &[
            "道路或小区",
            "道路/小区",
            "道路小区",
            "道路",
            "小区",
            "街路",
            "路名",
            "街道名称",
            "地名",
            "road",
            "place",
        ],
    ),
    (
        Role::Numbers,
        &["门牌号", "门牌号段", "门牌", "号段", "numbers"],
    ),
    (Role::Primary, &["对口小学", "划片小学", "小学", "primary"]),
    (
        Role::Middle,
        &["对口初中", "对口中学", "划片初中", "初中", "middle"],
    ),
    (Role::Note, &["备注", "说明", "备注说明", "note"]),
    (
        Role::School,
        &[
            "学校",
            "学校名称",
            "校名",
            "学校全称",
            "招生学校",
            "学校(校区)",
            "school",
        ],
    ),
    (
        Role::Stage,
        &["学段", "类别", "学校类别", "学校类型", "level", "stage"],
    ),
    (
        Role::Area,
        &[
            "服务区域",
            "学区范围",
            "施教区",
            "施教区范围",
            "招生范围",
            "划片范围",
            "划片区域",
            "服务范围",
            "登记范围",
            "招生地段",
            "招生服务地段",
            "招生服务地段及条件",
            "招生服务范围",
            "服务片区",
            "服务地段",
            "对口地段",
            "招生区域",
            "片区范围",
            "学区划分",
            "area",
        ],
    ),
    (Role::Address, &["地址", "学校地址", "校址", "address"]),
    (
        Role::Phone,
        &["电话", "联系电话", "咨询电话", "招生咨询电话", "phone"],
    ),
    (Role::Warning, &["预警等级", "预警级别", "预警", "warning"]),
    (Role::WarningText, &["预警说明", "预警提示", "warning_text"]),
    (
        Role::Group,
        &["学区", "片区", "学区名称", "片区名称", "教育集团"],
    ),
    (
        Role::Street,
        &[
            "街道",
            "行政街",
            "所属街道",
            "镇街",
            "镇(街道)",
            "街道(镇)",
            "乡镇",
            "乡镇(街道)",
            "镇",
        ],
    ),
    (
        Role::Plan,
        &[
            "招生计划",
            "计划招生",
            "招生班数",
            "计划班数",
            "招生人数",
            "招生计划(班)",
        ],
    ),
    (Role::Index, &["序号", "编号", "序"]),
];

/// The role a heading names, if any.
pub fn role_of(heading: &str) -> Option<Role> {
    let k = key(heading);
    if k.is_empty() {
        return None;
    }
    let mut best: Option<(usize, Role)> = None;
    for (role, names) in HEADINGS {
        for n in names {
            let n = key(n);
            let score = if n == k {
                usize::MAX
            } else if k.contains(&n) {
                n.len()
            } else {
                continue;
            };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, role));
            }
        }
    }
    best.map(|(_, r)| r)
}

/// Which row is the header and what each column holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// Index of the header row in the rows read.
    pub header: usize,
    /// One entry per column; `None` = not read.
    pub roles: Vec<Option<Role>>,
}

impl Mapping {
    /// The table shape these roles make, if any.
    pub fn kind(&self) -> Option<TableKind> {
        let has = |r: Role| self.roles.contains(&Some(r));
        if has(Role::Place) {
            Some(TableKind::Rules)
        } else if has(Role::School) && has(Role::Area) {
            Some(TableKind::Areas)
        } else if has(Role::School) {
            Some(TableKind::Schools)
        } else {
            None
        }
    }

    /// The column (0-based) of a role.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    /// Sets a column's role; a role held by another column moves here.
    pub fn set(&mut self, column: usize, role: Option<Role>) {
        if column >= self.roles.len() {
            self.roles.resize(column + 1, None);
        }
        if let Some(r) = role {
            for other in self.roles.iter_mut() {
                if *other == Some(r) {
                    *other = None;
                }
            }
        }
        self.roles[column] = role;
    }

    /// True when every heading of the header row was recognised (and the shape is known): the
    /// import can go straight to its preview.
    pub fn is_complete(&self, rows: &[Row]) -> bool {
        let Some(header) = rows.get(self.header) else {
            return false;
        };
        self.kind().is_some()
            && header
                .cells
                .iter()
                .enumerate()
                .all(|(i, h)| h.trim().is_empty() || self.roles.get(i).is_some_and(Option::is_some))
    }
}

/// How many rows from the top may stand above the header (a title, a date line, a blank row).
const HEADER_SEARCH_ROWS: usize = 10;

fn roles_of(row: &Row) -> Vec<Option<Role>> {
    let mut roles: Vec<Option<Role>> = row.cells.iter().map(|c| role_of(c)).collect();
    // Each role once: a later column with the same role is left unread.
    for i in 0..roles.len() {
        if let Some(r) = roles[i] {
            if roles[..i].contains(&Some(r)) {
                roles[i] = None;
            }
        }
    }
    // A 学区 / 片区 column is the area text when nothing else is.
    if roles.contains(&Some(Role::School)) && !roles.contains(&Some(Role::Area)) {
        if let Some(g) = roles.iter().position(|r| *r == Some(Role::Group)) {
            roles[g] = Some(Role::Area);
        }
    }
    roles
}

/// The mapping the headings suggest: the first row among the top ones whose recognised headings make
/// a table shape (the one with most recognised headings when several do); else the first row that
/// has any cell, with what it recognises, for the bureau to complete.
pub fn suggest(rows: &[Row]) -> Option<Mapping> {
    let mut best: Option<(usize, Mapping)> = None;
    let mut fallback: Option<Mapping> = None;
    for (i, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let m = Mapping {
            header: i,
            roles: roles_of(row),
        };
        let known = m.roles.iter().flatten().count();
        if fallback.is_none() {
            fallback = Some(m.clone());
        }
        if known >= 2 && m.kind().is_some() && best.as_ref().is_none_or(|(n, _)| known > *n) {
            best = Some((known, m));
        }
    }
    best.map(|(_, m)| m).or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row {
            number: 1,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn headings_bureaus_write() {
        for (heading, role) in [
            ("学校名称", Role::School),
            ("招生服务地段及条件", Role::Area),
            ("小学招生范围", Role::Area),
            ("登记范围", Role::Area),
            ("服务范围（小区、道路）", Role::Area),
            ("招生计划（班）", Role::Plan),
            ("行政街", Role::Street),
            ("学区", Role::Group),
            ("片区", Role::Group),
            ("学区范围", Role::Area),
            ("对口小学", Role::Primary),
            ("学校地址", Role::Address),
            ("序号", Role::Index),
            ("备注", Role::Note),
            ("道路或小区", Role::Place),
        ] {
            assert_eq!(role_of(heading), Some(role), "{heading}");
        }
        assert_eq!(role_of("联系人"), None);
        assert_eq!(role_of(""), None);
    }

    #[test]
    fn the_header_under_a_title() {
        let rows = vec![
            row(&["2024年某区小学招生范围一览表", "", ""]),
            row(&["序号", "学校名称", "招生范围"]),
            row(&["1", "甲小学", "和平路"]),
        ];
        let m = suggest(&rows).unwrap();
        assert_eq!(m.header, 1);
        assert_eq!(m.kind(), Some(TableKind::Areas));
        assert!(m.is_complete(&rows));
        let rows = vec![
            row(&["学校", "服务范围", "联系人"]),
            row(&["甲小学", "和平路", "张"]),
        ];
        let m = suggest(&rows).unwrap();
        assert!(!m.is_complete(&rows));
    }

    #[test]
    fn a_group_column_is_the_area_when_nothing_else_is() {
        let m = suggest(&[row(&["学校", "学区"])]).unwrap();
        assert_eq!(m.roles, vec![Some(Role::School), Some(Role::Area)]);
        let mut m = suggest(&[row(&["学区", "学校", "服务范围"])]).unwrap();
        assert_eq!(m.roles[0], Some(Role::Group));
        m.set(0, Some(Role::Area));
        assert_eq!(m.roles, vec![Some(Role::Area), Some(Role::School), None]);
    }
}
