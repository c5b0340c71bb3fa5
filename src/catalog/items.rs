//! The second-level items (二级事项) of each category with their default catalogue columns, and the
//! fixed lists those columns choose from (docs/reference/official-formats.md §2.2, §2.4).
//!
//! The defaults are the items of docs/reference/official-formats.md §2.4 (those marked 未核实
//! included, as editable defaults) plus the
//! seed report's own items that §2.4 does not list. 公开内容（要素） lists its elements separated by "；"; a
//! "同上" basis repeats the row above, a "—" is "". Users may remove items per report; `model::restore_defaults`
//! brings them back.

use serde::{Deserialize, Serialize};
/// 公开对象.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// 全社会
    Public,
    /// 特定群体
    SpecificGroup,
}

/// 公开方式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisclosureMode {
    /// 主动
    Active,
    /// 依申请
    OnRequest,
}

/// 公开层级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 县级
    County,
    /// 乡级
    Township,
    /// 学校
    School,
}

use Audience::{Public, SpecificGroup};
use Level::{County, School};

/// 公开时限 of almost every catalogue entry.
pub const DEFAULT_DEADLINE: &str = "信息形成或者变更之日起20个工作日内";

/// 公开渠道和载体: the fixed checklist of the catalogue, in its order.
pub const CHANNELS: [&str; 13] = [
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
];

/// A default item of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemDef {
    /// Stable ASCII id, unique within its category.
    pub id: &'static str,
    pub name: &'static str,
    /// 公开内容（要素）.
    pub content: &'static str,
    /// 公开依据.
    pub basis: &'static str,
    /// 公开主体.
    pub subject: &'static str,
    /// Default 公开渠道和载体, labels from [`CHANNELS`].
    pub channels: &'static [&'static str],
    pub audience: Audience,
    pub mode: DisclosureMode,
    pub level: Level,
    /// Schools fill this item by default (the seed's school-published items), and the counts they are
    /// asked for: `(label, unit)`.
    pub schools: Option<&'static [(&'static str, &'static str)]>,
}

impl ItemDef {
    /// The same item, filled by schools by default, asking them for `counts`.
    const fn for_schools(mut self, counts: &'static [(&'static str, &'static str)]) -> Self {
        self.schools = Some(counts);
        self
    }
}

/// The default items of a category (by catalogue key), in order. Unknown keys have none.
pub fn default_items(category: &str) -> &'static [ItemDef] {
    match category {
        "policy" => &POLICY,
        "overview" => &OVERVIEW,
        "private-schools" => &PRIVATE_SCHOOLS,
        "finance" => &FINANCE,
        "enrollment" => &ENROLLMENT,
        "students" => &STUDENTS,
        "teachers" => &TEACHERS,
        "policy-execution" => &POLICY_EXECUTION,
        "supervision" => &SUPERVISION,
        "safety" => &SAFETY,
        _ => &[],
    }
}

/// The default item `id` of a category.
pub fn default_item(category: &str, id: &str) -> Option<&'static ItemDef> {
    default_items(category).iter().find(|d| d.id == id)
}

const COUNTY: &str = "县(区)级教育部门";
const SCHOOL: &str = "学校";
const SUPERVISION_OFFICE: &str = "县(区)级教育督导部门";

const WEB: &[&str] = &["政府网站"];
const WEB_APPS: &[&str] = &["政府网站", "两微一端"];
const WEB_SERVICE: &[&str] = &["政府网站", "政务服务中心"];
const WEB_BOARD: &[&str] = &["政府网站", "社区/企事业单位/村公示栏（电子屏）"];
const APPS_BOARD: &[&str] = &["两微一端", "社区/企事业单位/村公示栏（电子屏）"];

const REGULATIONS: &str = "《中华人民共和国政府信息公开条例》";
const SHORT_REGULATIONS: &str = "《政府信息公开条例》";
const STATISTICS_BASIS: &str = "《统计法》《政府信息公开条例》《教育统计管理规定》";
const PRIVATE_BASIS: &str = "《民办教育促进法》《政府信息公开条例》《国务院关于鼓励社会力量兴办教育 促进民办教育健康发展的若干意见》";
const ENROLLMENT_BASIS: &str = "《政府信息公开条例》《教育部关于进一步做好小学升入初中免试就近入学工作的实施意见》《教育部关于推进中小学信息公开工作的意见》";

/// The verb of an item's dates when the catalogue gives none, and of items the bureau added.
pub const DEFAULT_DATE_VERB: &str = "公开";

/// The items whose schools' dates are of something they held, not published: `(category, item,
/// verb)`, e.g. 于2020年5月1日通过两微一端**举办**. A table beside the items rather than a field of every
/// [`ItemDef`], which the first load would carry for all of them.
pub const DATE_VERBS: &[(&str, &str, &str)] = &[("policy-execution", "open-day", "举办")];

/// The verb of the schools' dates and channels of item `item` of category `category` in the
/// report's prose ([`DATE_VERBS`], else [`DEFAULT_DATE_VERB`]).
pub fn date_verb(category: &str, item: &str) -> &'static str {
    DATE_VERBS
        .iter()
        .find(|(c, i, _)| *c == category && *i == item)
        .map_or(DEFAULT_DATE_VERB, |(_, _, v)| v)
}

/// A default item: disclosed actively (主动).
#[allow(clippy::too_many_arguments)]
const fn item(
    id: &'static str,
    name: &'static str,
    content: &'static str,
    basis: &'static str,
    subject: &'static str,
    channels: &'static [&'static str],
    audience: Audience,
    level: Level,
) -> ItemDef {
    ItemDef {
        id,
        name,
        content,
        basis,
        subject,
        channels,
        audience,
        mode: DisclosureMode::Active,
        level,
        schools: None,
    }
}

/// 政策文件.
const POLICY: [ItemDef; 2] = [
    item(
        "laws",
        "教育法律",
        "《中华人民共和国教育法》(2015)；《中华人民共和国义务教育法》(2015)；《中华人民共和国民办教育促进法》(2016)；《中华人民共和国教师法》(2009)；《中华人民共和国国家通用语言文字法》(2000)",
        REGULATIONS,
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "normative",
        "规范性文件",
        "部门和地方政府规章；各类教育政策文件",
        REGULATIONS,
        COUNTY,
        WEB,
        Public,
        County,
    ),
];

/// 教育概况.
const OVERVIEW: [ItemDef; 3] = [
    item(
        "development",
        "教育事业发展主要情况",
        "教育事业发展主要情况",
        STATISTICS_BASIS,
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "statistics",
        "教育统计数据",
        "学校数据；在校生数据；教师数据；办学条件数据；县级汇总数据",
        STATISTICS_BASIS,
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "school-list",
        "义务教育学校名录",
        "学校名称；学校地址；办学层次；办学类型；办公电话",
        SHORT_REGULATIONS,
        COUNTY,
        WEB_APPS,
        Public,
        County,
    ),
];

/// 民办学校信息.
const PRIVATE_SCHOOLS: [ItemDef; 3] = [
    item(
        "basic-info",
        "民办学校办学基本信息",
        "学校名称；办学许可证；办学规模；联系方式",
        PRIVATE_BASIS,
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "approval",
        "民办学校设立、变更、终止等事项行政审批、备案信息",
        "法律依据；办理流程；审批结果",
        PRIVATE_BASIS,
        COUNTY,
        WEB_SERVICE,
        Public,
        County,
    ),
    item(
        "oversight",
        "日常监管信息",
        "年检结果；行政处罚信息",
        PRIVATE_BASIS,
        COUNTY,
        WEB,
        Public,
        County,
    ),
];

/// 财务信息 (local catalogues name the single second-level item like the category).
const FINANCE: [ItemDef; 1] = [item(
    "finance",
    "财务信息",
    "财务管理及监督办法；年度经费预决算信息；收费项目及收费标准",
    SHORT_REGULATIONS,
    COUNTY,
    WEB,
    Public,
    County,
)];

/// 招生管理. The seed's 招生入学工作实施方案 is `policy` (招生政策) and its 学区查询 is `districts` (招生范围);
/// 招生预警 is the seed's own item.
const ENROLLMENT: [ItemDef; 9] = [
    item(
        "policy",
        "招生政策",
        "（各校）招生工作实施方案；随迁子女入学办法；部分适龄儿童或少年延缓入学、休学等特殊需求的政策解读等",
        ENROLLMENT_BASIS,
        COUNTY,
        WEB_APPS,
        Public,
        County,
    ),
    item(
        "plan",
        "招生计划",
        "（各校）本年度招生计划",
        ENROLLMENT_BASIS,
        COUNTY,
        WEB_APPS,
        Public,
        County,
    )
    .for_schools(&[]),
    item(
        "districts",
        "招生范围",
        "招生范围；学区划分详细情况",
        ENROLLMENT_BASIS,
        COUNTY,
        WEB_APPS,
        Public,
        County,
    ),
    item(
        "warning",
        "招生预警",
        "生源超员学校；入学预警提示",
        ENROLLMENT_BASIS,
        COUNTY,
        WEB_APPS,
        Public,
        County,
    ),
    item(
        "school-intro",
        "学校介绍",
        "办学性质；办学地点；办学规模；办学基本条件；联系方式等",
        ENROLLMENT_BASIS,
        SCHOOL,
        WEB_APPS,
        Public,
        School,
    )
    .for_schools(&[]),
    item("conditions", "招生条件", "", "", COUNTY, WEB_APPS, Public, County),
    item("procedure", "招生程序", "", "", COUNTY, WEB_APPS, Public, County),
    item("results", "招生结果", "", "", COUNTY, WEB_APPS, Public, County),
    item(
        "contact",
        "咨询及监督举报方式",
        "",
        "",
        COUNTY,
        WEB_APPS,
        Public,
        County,
    ),
];

/// 学生管理. 学生评优奖励 is the seed's own item.
const STUDENTS: [ItemDef; 4] = [
    item(
        "subsidy",
        "义务教育学生资助政策",
        "统一城乡义务教育“两免一补”政策",
        "《政府信息公开条例》《国务院关于进一步完善城乡义务教育经费保障机制的通知》",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "student-status",
        "学籍管理",
        "区域内义务教育阶段学生休学、复学、转学相关政策及所需材料和办理流程；适龄儿童延缓入学所需材料及办理流程；学籍证明、毕（结）业证书遗失办理学历证明确认",
        "《义务教育法》《政府信息公开条例》《中小学生学籍管理办法》",
        COUNTY,
        WEB_SERVICE,
        SpecificGroup,
        County,
    ),
    item(
        "aid-list",
        "资助名单公示",
        "",
        "",
        SCHOOL,
        WEB_BOARD,
        SpecificGroup,
        School,
    ),
    item(
        "student-awards",
        "学生评优奖励",
        "评优评先的政策、程序、条件、办法；评定人选公示",
        "",
        SCHOOL,
        APPS_BOARD,
        SpecificGroup,
        School,
    )
    .for_schools(&[]),
];

/// 教师管理. 教师招聘与职称评聘 (the seed's item, covering §2.4's 教师招聘 and 职称评审), 教师行为规范 and
/// 教师评优评先 are the seed's; the seed reports 教师培训、教师行为规范、教师评优评先 as one item under `training`.
const TEACHERS: [ItemDef; 6] = [
    item(
        "training",
        "教师培训",
        "教师培训政策文件、培训项目组织实施通知",
        "《教育法》《教师法》《中小学教师继续教育规定》",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "certification",
        "教师资格认定",
        "教师资格认定申请材料；参加体检时间、医疗机构名单、体检合格标准；认定结果；咨询方式、监督举报方式、常见问题等",
        "《教师法》《政府信息公开条例》《教师资格条例》及实施办法、《教育部关于印发〈教师资格证书管理规定〉的通知》",
        COUNTY,
        WEB_SERVICE,
        SpecificGroup,
        County,
    ),
    item(
        "recruitment",
        "教师招聘与职称评聘",
        "招聘公告；笔试、面试成绩；职称评聘公告及结果",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "conduct",
        "教师行为规范",
        "教师行为规范",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "awards",
        "教师评优评先",
        "评优评先通知；评选结果",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item("rotation", "交流轮岗", "", "", COUNTY, WEB, Public, County),
];

/// 重要政策执行情况: the seed's three items, then the commonly listed optional ones. 学校开放日及信息公开活动
/// is the seed's paragraph on 学校开放日 (“各校按照计划每学期开展1-2次”), which each school reports.
const POLICY_EXECUTION: [ItemDef; 8] = [
    item(
        "dropout-control",
        "控辍保学",
        "“一县一策”控辍保学工作方案；年度工作进展情况（含义务教育学生失学、辍学的总体情况，建档立卡家庭贫困学生总体就学情况）；督导检查结果公告",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "two-exemptions-one-subsidy",
        "统一城乡义务教育“两免一补”政策",
        "政策内容；执行情况",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "arts-sports-evaluation",
        "学校美育、体育评价",
        "评价办法；评价结果",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "open-day",
        "学校开放日及信息公开活动",
        "学校开放日；校务公开活动",
        "《教育部关于推进中小学信息公开工作的意见》",
        SCHOOL,
        APPS_BOARD,
        Public,
        School,
    )
    .for_schools(&[("举办学校开放日", "次")]),
    item("nutrition", "营养改善计划", "", "", COUNTY, WEB, Public, County),
    item(
        "balanced-development",
        "义务教育均衡发展",
        "",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "migrant-children",
        "随迁子女入学",
        "",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "poverty-alleviation",
        "教育扶贫",
        "",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
];

/// 教育督导.
const SUPERVISION: [ItemDef; 2] = [
    item(
        "evaluation-reports",
        "督导评估报告",
        "县域义务教育均衡发展督导评估报告；专项督导报告",
        "",
        SUPERVISION_OFFICE,
        WEB,
        Public,
        County,
    ),
    item(
        "inspectors",
        "责任督学挂牌督导",
        "责任督学名单及联系方式；督导事项；督导结果",
        "",
        SUPERVISION_OFFICE,
        WEB_BOARD,
        Public,
        County,
    ),
];

/// 校园安全: the seed's four items.
const SAFETY: [ItemDef; 4] = [
    item(
        "safety-rules",
        "校园安全管理法律法规、配套管理制度",
        "法律法规；配套管理制度",
        SHORT_REGULATIONS,
        COUNTY,
        WEB,
        Public,
        County,
    )
    .for_schools(&[]),
    item(
        "safety-management",
        "学生住宿、用餐、组织活动等安全管理情况",
        "住宿；用餐；组织活动",
        "",
        SCHOOL,
        WEB_BOARD,
        Public,
        School,
    )
    .for_schools(&[]),
    item(
        "emergency",
        "校园安全突发事件应急预案、预警信息、应对情况、调查处理情况",
        "应急预案；预警信息；应对情况；调查处理情况",
        "",
        COUNTY,
        WEB,
        Public,
        County,
    ),
    item(
        "school-bus",
        "校车使用许可申请政策规定及申请流程",
        "政策规定；申请流程",
        "《校车安全管理条例》（国务院令第617号）第十五条",
        COUNTY,
        WEB_SERVICE,
        Public,
        County,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CATEGORIES;
    use crate::model::{restore_defaults, CategoryContent, ItemContent};

    #[test]
    fn every_category_has_defaults_with_unique_ascii_ids() {
        for c in CATEGORIES {
            let items = default_items(c.key);
            assert!(!items.is_empty(), "{}", c.key);
            let mut ids: Vec<_> = items.iter().map(|d| d.id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), items.len(), "{}", c.key);
            for d in items {
                assert!(d.id.is_ascii() && !d.id.is_empty(), "{}", d.id);
                assert!(
                    d.channels.iter().all(|ch| CHANNELS.contains(ch)),
                    "{}",
                    d.id
                );
            }
        }
        assert!(default_items("nope").is_empty());
    }

    #[test]
    fn to_content_copies_the_catalogue_columns() {
        let def = default_item("students", "student-status").unwrap();
        let item = def.to_content();
        assert_eq!(item.id, "student-status");
        assert_eq!(item.name, "学籍管理");
        assert_eq!(item.deadline, DEFAULT_DEADLINE);
        assert_eq!(item.channels, ["政府网站", "政务服务中心"]);
        assert_eq!(item.audience, Some(Audience::SpecificGroup));
        assert_eq!(item.mode, Some(DisclosureMode::Active));
        assert_eq!(item.level, Some(Level::County));
        assert!(item.text.is_empty() && item.status.is_none());
    }

    #[test]
    fn same_as_above_basis_repeats_the_row_above() {
        let policy = default_items("policy");
        assert_eq!(policy[1].basis, policy[0].basis);
        let enrollment = default_items("enrollment");
        assert!(enrollment[..5].iter().all(|d| d.basis == ENROLLMENT_BASIS));
        assert_eq!(default_item("enrollment", "results").unwrap().basis, "");
    }

    fn category(key: &str) -> CategoryContent {
        CategoryContent {
            key: key.to_string(),
            items: default_items(key).iter().map(ItemDef::to_content).collect(),
            ..CategoryContent::default()
        }
    }

    fn ids(c: &CategoryContent) -> Vec<&str> {
        c.items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn restore_puts_removed_items_back_in_place() {
        let full = category("teachers");
        let mut c = full.clone();
        c.items.retain(|i| i.id != "training" && i.id != "conduct");
        c.items[0].text = "edited".into();
        restore_defaults(&mut c);
        assert_eq!(ids(&c), ids(&full));
        assert_eq!(c.items[1].text, "edited");
    }

    #[test]
    fn restore_keeps_custom_items_and_order_of_present_ones() {
        let mut c = category("overview");
        c.items.clear();
        c.items.push(ItemContent {
            id: "custom-1".into(),
            name: "自定义".into(),
            ..ItemContent::default()
        });
        restore_defaults(&mut c);
        assert_eq!(
            ids(&c),
            ["development", "statistics", "school-list", "custom-1"]
        );
        // Items the user reordered stay where they are; a missing one goes after its catalogue predecessor.
        let mut c = category("enrollment");
        c.items
            .retain(|i| ["policy", "warning", "districts"].contains(&i.id.as_str()));
        c.items.swap(1, 2);
        restore_defaults(&mut c);
        assert_eq!(
            ids(&c),
            [
                "policy",
                "plan",
                "warning",
                "districts",
                "school-intro",
                "conditions",
                "procedure",
                "results",
                "contact"
            ]
        );
        // Restoring a full category changes nothing.
        let full = category("safety");
        let mut again = full.clone();
        restore_defaults(&mut again);
        assert_eq!(again, full);
    }
}
