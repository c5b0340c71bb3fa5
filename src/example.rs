//! The built-in example: the seed report (汽开区教育局, 2020) as a workspace, with the illustrative
//! district table of `district::example`.
//!
//! The text is the seed report's (`tests/fixtures/seed/000_7785ecb1c462ef30.txt`) character for character, with two
//! exceptions: the Word artefacts `[bookmark: …]` are dropped, and the "1、" … "5、" numbering of 二、工作开展情况
//! is left to the renderer. Each category keeps exactly the seed's second-level items, in the seed's order; an item
//! the catalogue knows keeps its id and catalogue columns (`catalog::default_items`) and takes the seed's name and
//! text. The catalogue's other default items are removed from this report (`catalog::restore_defaults` brings them
//! back). Items follow the seed's layout: "名称——文字" and "名称  文字" give the name before the separator and the
//! text after it; a name on its own line takes the following lines as its text. 控辍保学 has no heading line in
//! the seed, so its name is supplied and its text is the seed's four lines. 招生管理 keeps its opening sentence as
//! the category intro and splits the rest into its three published documents, whose names are supplied.
//! 政策文件 and 财务信息 are one sentence each in the seed, kept as the category intro without items.
//! Items with text are 已公开 with the channels the seed names, except 校车使用许可, which the seed says was not
//! disclosed (未公开, with the seed's reason). 民办学校信息 and 教育督导 keep their default items and stay empty,
//! as in the seed. Every 第二十条 cell of the 2019 format is "0".

use crate::catalog;
use crate::model::{
    CategoryContent, DisclosureStatus, ItemContent, ItemCount, Narrative, Report, ReportStructure,
    TableFormat, TableValues, Workspace,
};

/// Year of the example report.
pub const EXAMPLE_YEAR: u16 = 2020;
/// Unit of the example report.
pub const EXAMPLE_UNIT: &str = "汽开区教育局";
const EXAMPLE_REGION: &str = "长春汽车经济技术开发区";
/// The seed's own title (its first line), which differs from the default `<单位><年份>…` title.
const EXAMPLE_TITLE: &str = "教育局2020年政务公开工作年度报告";

/// The workspace the "load example" button opens: one report, 2020, open.
pub fn example_workspace() -> Workspace {
    let mut ws = Workspace::default();
    ws.reports.insert(EXAMPLE_YEAR, example_report());
    ws.current_year = Some(EXAMPLE_YEAR);
    let (schools, districts) = crate::district::example::example_district();
    ws.schools = schools;
    ws.districts = districts;
    ws
}

fn example_report() -> Report {
    let mut report = Report::blank(EXAMPLE_YEAR);
    report.unit_name = EXAMPLE_UNIT.to_string();
    report.region = EXAMPLE_REGION.to_string();
    report.title = EXAMPLE_TITLE.to_string();
    report.structure = ReportStructure::Field;
    report.table_format = None;
    report.narrative = narrative();
    for seed in &CATEGORY_SEEDS {
        if let Some(category) = report.categories.iter_mut().find(|c| c.key == seed.key) {
            *category = seed.content();
        }
    }
    // The seed has no 民办学校信息 section at all (the district has no private compulsory schools and
    // the report does not say so): the example's report does not hold the category, so the export
    // prints the seed's nine headings, and the check still asks about it.
    report.categories.retain(|c| c.key != PRIVATE_SCHOOLS);
    report.tables = zero_tables(TableFormat::V2019);
    report
}

/// The category the seed leaves out.
const PRIVATE_SCHOOLS: &str = "private-schools";

fn narrative() -> Narrative {
    Narrative {
        preamble: "为贯彻落实国务院办公厅《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）和教育部办公厅《关于印发〈义务教育领域基层政务公开标准指引>的通知》（教办厅函〔2019〕39号），按照《吉林省教育厅关于推进义务教育领域基层政务公开标准化规范化工作的实施方案》及《长春市教育局关于推进义务教育领域基层政务公开标准化规范化工作的实施方案》的相关要求，结合区域义务教育领域基层政务公开实际2020年，教育局按照省市区的统一部署，认真贯彻落实政务公开工作的相关要求，深入推进教育政务公开, 紧紧围绕教育工作实际以及师生和社会公众关切,细化公开任务要素,加大公开力度,拓展公开范围,增强公开实效,提升透明度和公信力,切实保障公众知情权、参与权、表达权和监督权,不断提高人民群众对教育工作的满意度。".to_string(),
        goals: "实现义务教育领域基层政务公开内容运行全流程、政务服务全过程公开；做到义务教育领域基层政务公开决策、执行、管理、服务、结果的公开；实现公开制度化、标准化。".to_string(),
        work_items: WORK_ITEMS.iter().map(|s| s.to_string()).collect(),
        disclosure_intro: "对义务教育领域基层政务公开事项10大项内容采取通过政府网站、两微一端、电子屏、公告栏等载体和渠道向社会主动依规公开公示。".to_string(),
        tables_note: "2020年本行政部门政府信息公开发布总数量（非新闻类、信息类）：0".to_string(),
        problems: "政务公开的工作认识不够深刻，政务公开的内容还有待于进一步深化。我们将坚持问题导向,着力加强政务信息公开工作。一是深化政务公开工作的意识，提高做好政务公开工作的认识，积极参加培训, 提高政务公开工作人员业务技能和综合素质。二是进一步建立和完善工作制度,确保政务信息公开工作制度化、规范化发展。三是进一步规范和完善政务公开的内容、形式,重点公开人民群众普遍关心的重大问题、重大决策,同时抓好对内与对外公开,提高政务公开质量。".to_string(),
        other: "无".to_string(),
        ..Narrative::default()
    }
}

/// 二、工作开展情况, without the seed's "1、" … "5、" numbering.
const WORK_ITEMS: [&str; 5] = [
    "确定教育局政务公开工作主管领导、具体工作负责人，确定科室政务公开工作联络网，制定教育局政务公开工作方案；",
    "将推进政府信息公开工作列为重点工作来抓，对涉及教育领域的政务公开事项等进行目录梳理、分解细化，明确责任人；",
    "认真落实《长春市教育局义务教育领域基层政务公开事项目录》、《汽开区管委会政务信息公开工作实施方案》，按程序和时限要求开展政务公开工作。",
    "积极参加培训,认真学习《中华人民共和国政府信息公开条例》《全面推进政务公开工作的意见》等相关法律法规，使科室干部认清政府信息公开工作重要性的认识，增强了主动抓、坚持抓的自觉性和主动性。",
    "完成了汽开区教育系统义务教育领域基层政务公开事项在基层政务平台的录入工作。",
];

/// Every cell of 表二 in `format`, set to "0" (the seed reports nothing under 第二十条).
fn zero_tables(format: TableFormat) -> TableValues {
    let mut tables = TableValues::default();
    for block in catalog::table2(format) {
        for row in block.rows {
            for column in block.columns {
                tables.set(
                    catalog::cell_key(catalog::TABLE2, block.key, row.key, column.key),
                    "0",
                );
            }
        }
    }
    tables
}

const WEBSITE: &str = "政府网站";
const APPS: &str = "两微一端";
const BROADCAST: &str = "广播电视";
const PRINT: &str = "纸质媒体";
const BOARD: &str = "社区/企事业单位/村公示栏（电子屏）";
const OTHER: &str = "其他";

struct ItemSeed {
    /// A catalogue id of the category.
    id: &'static str,
    name: &'static str,
    text: &'static str,
    /// The channels the seed names, as labels of `catalog::CHANNELS`.
    channels: &'static [&'static str],
    /// Non-empty: the item was not disclosed (未公开), for this reason.
    reason: &'static str,
    counts: &'static [(&'static str, u64, &'static str)],
}

impl ItemSeed {
    const fn published(
        id: &'static str,
        name: &'static str,
        text: &'static str,
        channels: &'static [&'static str],
    ) -> Self {
        ItemSeed {
            id,
            name,
            text,
            channels,
            reason: "",
            counts: &[],
        }
    }

    fn content(&self, category: &str) -> ItemContent {
        let mut item = catalog::default_item(category, self.id)
            .map(catalog::ItemDef::to_content)
            .unwrap_or_else(|| ItemContent {
                id: self.id.to_string(),
                ..ItemContent::default()
            });
        item.name = self.name.to_string();
        item.text = self.text.to_string();
        item.channels_used = self.channels.iter().map(|c| c.to_string()).collect();
        if self.reason.is_empty() {
            item.status = Some(DisclosureStatus::Published);
        } else {
            item.status = Some(DisclosureStatus::NotPublished);
            item.reason = self.reason.to_string();
        }
        item.counts = self
            .counts
            .iter()
            .map(|(label, value, unit)| ItemCount {
                label: label.to_string(),
                value: *value,
                unit: unit.to_string(),
            })
            .collect();
        item
    }
}

struct CategorySeed {
    key: &'static str,
    intro: &'static str,
    items: &'static [ItemSeed],
}

impl CategorySeed {
    fn content(&self) -> CategoryContent {
        CategoryContent {
            key: self.key.to_string(),
            intro: self.intro.to_string(),
            items: self.items.iter().map(|i| i.content(self.key)).collect(),
            status: None,
        }
    }
}

/// 三、政务公开事项公开情况: the seed's categories （一）…（九） that have content (教育督导, its （八）, has none
/// and stays as `Report::blank` left it, like 民办学校信息, which the seed does not list).
const CATEGORY_SEEDS: [CategorySeed; 8] = [
    CategorySeed {
        key: "policy",
        intro: "义务教育相关政策法规分别在政府网站公开。",
        items: &[],
    },
    CategorySeed {
        key: "overview",
        intro: "",
        items: &[
            ItemSeed::published(
                "statistics",
                "教育统计数据",
                "在内部机构中，通过上报数据进行公开",
                &[OTHER],
            ),
            ItemSeed::published(
                "school-list",
                "义务教育学校名录",
                "区域所属学校通过公众号进行公开",
                &[APPS],
            ),
        ],
    },
    CategorySeed {
        key: "finance",
        intro: "财务信息通过政府网站公开。",
        items: &[],
    },
    CategorySeed {
        key: "enrollment",
        intro: "依据《中华人民共和国政府信息公开条例》、《教育部关于进一步做好小学升入初中免试就近入学工作的实施意见》和《教育部关于推进中小学信息公开工作的意见》，汽开区招生办在公开中主要在政府网站公布了《长春汽车经济技术开发区2020年义务教阶段招生入学工作实施方案》、《长春汽车经济技术开发区义务教育段招生预警》和《学区查询》。",
        items: &[
            ItemSeed::published(
                "policy",
                "招生入学工作实施方案",
                "在《实施方案》中，明确了招生范围、招生时间、具体操作流程、军警子女优待办法、残疾子女照顾政策等。",
                &[WEBSITE],
            ),
            ItemSeed::published(
                "warning",
                "招生预警",
                "在《招生预警》中提醒家长汽开区生源严重超员的部分学校。",
                &[WEBSITE],
            ),
            ItemSeed::published(
                "districts",
                "学区查询",
                "开设了《学区查询》系统。",
                &[WEBSITE],
            ),
        ],
    },
    CategorySeed {
        key: "students",
        intro: "",
        items: &[
            ItemSeed::published(
                "student-status",
                "学籍管理",
                "在吉林省政务平台上进行公开",
                &[WEBSITE],
            ),
            ItemSeed::published(
                "student-awards",
                "学生评优奖励",
                "学生评优评先工作的公开。在工作开展之前，采取公示栏、家长座谈会、书面送达等形式，将学生评优评先工作的有关政策、程序、条件、办法等向学生和家长公开。之后，评定的人选，在学校醒目之处、公众号上进行公示。在学校表彰及结业式上，利用APP进行宣传，为未成年人树立可亲、可信、可敬、可学的榜样，让他们从榜样的感人事迹中受到鼓舞、汲取力量。",
                &[APPS, BOARD, OTHER],
            ),
        ],
    },
    CategorySeed {
        key: "teachers",
        intro: "",
        items: &[
            ItemSeed::published(
                "recruitment",
                "教师招聘、职称评聘公平公正。",
                "通过长春市人力资源和社会保障局、长春市教育局及长春汽车经济技术开发区管理委员会官方网站对我区教师招聘、职称评聘发布公告并公示笔试、面试成绩，做到全程留痕、全部公开，广泛接受社会监督，整个招聘工作公正、透明，得到了社会的普遍认可。",
                &[WEBSITE],
            ),
            ItemSeed::published(
                "training",
                "教师培训、教师行为规范、教师评优评先：",
                "通过长春市教育局官方网站对教师培训、教师行为规范、教师评优评先发布公告，汽开区教育局依据公开内容组织实施并转发各单位，做到全程留痕、全部公开，广泛接受社会监督。",
                &[WEBSITE],
            ),
            ItemSeed::published(
                "certification",
                "教师资格认证",
                "2020年5月春季教师资格认定工作由于疫情原因全省延迟。2020年秋教师资格认证工作，汽开区现场确认时间为：10月21日-23日，共认证86人。我区中小学、幼儿园教师资格证“一门式、一张网”综合改革上线，实现了行政审批及公共服务“只跑一次”的便民服务。",
                &[],
            ),
        ],
    },
    CategorySeed {
        key: "policy-execution",
        intro: "",
        items: &[
            ItemSeed::published(
                "dropout-control",
                "控辍保学",
                concat!(
                    "控辍保学执行情况的公开。通过召开专题会议、长春市教育督政工作平台、微信群等形式将控辍保学工作方案、年度工作进展情况、督导检查结果公告进行公开。\n",
                    "“一县一策”控辍保学工作方案\n",
                    "年度工作进展情况（含义务教育学生失学、辍学的总体情况，建档立卡家庭贫困学生总体就学情况）\n",
                    "督导检查结果公告",
                ),
                &[APPS, OTHER],
            ),
            ItemSeed::published(
                "two-exemptions-one-subsidy",
                "统一城乡义务教育“两免一补”政策",
                "在吉林省政务平台上进行公开",
                &[WEBSITE],
            ),
            ItemSeed {
                id: "arts-sports-evaluation",
                name: "学校美育、体育评价",
                text: concat!(
                    "2020年，教育局体卫艺科利用云平台、电子屏，公示栏、宣传栏、微信、新浪、市教育局等多个平台向社会公开教育政策、主题会议、各项活动等百姓关心关注的信息。同时，积极探索拓展政务公开渠道，围绕信息发布、解读回应、互动交流、便民服务等主要功能定位，突出问题导向和需求导向，加强新媒体政务公开平台建设，建立了教育局学校体卫艺工作领导群、学校体育教师群、学校音乐教师群、学校美术教师群、学校足球教练群等，并依托微信公开平台，并借助吉林教育电视台、长春教育广播电台等各类媒体，加大对外发布重要教育信息力度，进一步扩大公开范围。\n",
                    "教育局坚持以人民为中心的发展思路，按照依法行政、科学行政、民主行政和阳光行政的要求，把政民互动作为基本形式，把公开透明作为基本原则，将政府活动开放日纳入单位重要议程，并积极组织开展“局长接待日”和“学校开放日”活动。各校按照计划每学期开展1-2次“学校开放日”活动，同时利用公众号，及时准确的将信息向社会公开，让学生家长深入了解学校，了解教育。\n",
                    "2020年，体卫艺科在汽开区教育云平台公开本级政务信息26件，在长春市教育局官网发布信息6条，转载、链接教育部、教育厅及市教育局信息56条。",
                ),
                channels: &[WEBSITE, APPS, BROADCAST, BOARD, OTHER],
                reason: "",
                counts: &[
                    ("汽开区教育云平台公开本级政务信息", 26, "件"),
                    ("长春市教育局官网发布信息", 6, "条"),
                    ("转载、链接教育部、教育厅及市教育局信息", 56, "条"),
                ],
            },
        ],
    },
    CategorySeed {
        key: "safety",
        intro: "",
        items: &[
            ItemSeed::published(
                "safety-rules",
                "校园安全管理法律法规、配套管理制度公开情况",
                "学校安全科通过印制学习材料、汇编管理制度等方式公开校园安全管理法律法规、配套管理制度。",
                &[PRINT],
            ),
            ItemSeed::published(
                "safety-management",
                "学生住宿、用餐、组织活动等安全管理情况",
                "各单位结合实际情况，在学校宣传栏、校内媒体公开学生住宿、用餐、组织活动等安全管理情况；学校安全科通过定期安全例会进行总结、公开。",
                &[BOARD, OTHER],
            ),
            ItemSeed::published(
                "emergency",
                "校园安全突发事件应急预案、预警信息、应对情况、调查处理情况",
                "学校安全科通过印制材料汇编等方式进行公开校园安全突发事件应急预案、预警信息、应对情况、调查处理情况。",
                &[PRINT],
            ),
            ItemSeed {
                id: "school-bus",
                name: "校车使用许可申请政策规定及申请流程公开情况",
                text: "根据中华人民共和国国务院令第617号《校车安全管理条例》第三章“校车使用许可”第十五条要求，校车使用许可需教育行政部门、公安机关交通管理部门、交通运输部门共同审批，现汽开区交通运输管理局无此项职能，故无法审批。因此校车申请流程未对外公开。",
                channels: &[],
                reason: "校车使用许可需教育行政部门、公安机关交通管理部门、交通运输部门共同审批，现汽开区交通运输管理局无此项职能，故无法审批。",
                counts: &[],
            },
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let ws = example_workspace();
        assert_eq!(ws.reports.len(), 1);
        ws.current().expect("the example report is open").clone()
    }

    #[test]
    fn year_unit_and_title_are_the_seeds() {
        let ws = example_workspace();
        assert_eq!(ws.current_year, Some(EXAMPLE_YEAR));
        let r = report();
        assert_eq!(r.year, 2020);
        assert_eq!(r.unit_name, "汽开区教育局");
        assert_eq!(r.region, "长春汽车经济技术开发区");
        assert_eq!(r.title, "教育局2020年政务公开工作年度报告");
        assert_eq!(r.display_title(), r.title);
        assert_eq!(r.structure, ReportStructure::Field);
        assert_eq!(r.table_format, None);
        assert_eq!(r.effective_table_format(), TableFormat::V2019);
        assert!(!ws.is_blank());
    }

    #[test]
    fn narrative_sections_are_filled() {
        let n = report().narrative;
        assert!(n.preamble.starts_with("为贯彻落实国务院办公厅"));
        assert!(n.goals.starts_with("实现义务教育领域"));
        assert_eq!(n.work_items.len(), 5);
        for item in &n.work_items {
            assert!(!item.starts_with(|c: char| c.is_ascii_digit()), "{item}");
        }
        assert!(n.disclosure_intro.starts_with("对义务教育领域"));
        assert_eq!(
            n.tables_note,
            "2020年本行政部门政府信息公开发布总数量（非新闻类、信息类）：0"
        );
        assert!(n.problems.starts_with("政务公开的工作认识不够深刻"));
        assert_eq!(n.other, "无");
    }

    #[test]
    fn nine_categories_of_the_seed_with_supervision_empty() {
        let r = report();
        assert_eq!(r.categories.len(), catalog::CATEGORIES.len() - 1);
        let keys: Vec<_> = r.categories.iter().map(|c| c.key.as_str()).collect();
        let catalogue: Vec<_> = catalog::CATEGORIES
            .iter()
            .map(|c| c.key)
            .filter(|k| *k != PRIVATE_SCHOOLS)
            .collect();
        assert_eq!(keys, catalogue, "categories stay in catalogue order");
        assert!(
            r.category(PRIVATE_SCHOOLS).is_none(),
            "the seed has no 民办学校信息"
        );
        // The seed's nine headings （一）…（九）: all but 民办学校信息. 教育督导 is a heading without text.
        let seed_nine = [
            "policy",
            "overview",
            "finance",
            "enrollment",
            "students",
            "teachers",
            "policy-execution",
            "supervision",
            "safety",
        ];
        assert!(seed_nine.iter().all(|k| catalog::category(k).is_some()));
        let filled: Vec<_> = r
            .categories
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| c.key.as_str())
            .collect();
        let expected: Vec<_> = seed_nine
            .iter()
            .copied()
            .filter(|k| *k != "supervision")
            .collect();
        assert_eq!(filled, expected);
        // 教育督导 keeps the catalogue's default items, untouched.
        let blank = Report::blank(EXAMPLE_YEAR);
        assert_eq!(r.category("supervision"), blank.category("supervision"));
        assert!(!r.category("supervision").unwrap().items.is_empty());
    }

    #[test]
    fn items_have_unique_ids_names_and_texts() {
        for c in report().categories.iter().filter(|c| !c.is_empty()) {
            let mut ids: Vec<_> = c.items.iter().map(|i| i.id.as_str()).collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "{}", c.key);
            for i in &c.items {
                assert!(i.id.is_ascii() && !i.id.is_empty(), "{}", i.id);
                assert!(
                    !i.name.trim().is_empty() && !i.text.trim().is_empty(),
                    "{}",
                    i.id
                );
                assert_eq!(i.name.trim(), i.name, "{}", i.id);
                assert_eq!(i.text.trim(), i.text, "{}", i.id);
            }
        }
        let overview = report().category("overview").cloned().unwrap();
        assert_eq!(overview.items[0].name, "教育统计数据");
        assert_eq!(overview.items[0].text, "在内部机构中，通过上报数据进行公开");
    }

    fn item_ids(r: &Report, key: &str) -> Vec<String> {
        r.category(key)
            .unwrap()
            .items
            .iter()
            .map(|i| i.id.clone())
            .collect()
    }

    #[test]
    fn categories_keep_exactly_the_seeds_items_in_seed_order() {
        let r = report();
        let expected: [(&str, &[&str]); 9] = [
            ("policy", &[]),
            ("overview", &["statistics", "school-list"]),
            ("finance", &[]),
            ("enrollment", &["policy", "warning", "districts"]),
            ("students", &["student-status", "student-awards"]),
            ("teachers", &["recruitment", "training", "certification"]),
            (
                "policy-execution",
                &[
                    "dropout-control",
                    "two-exemptions-one-subsidy",
                    "arts-sports-evaluation",
                ],
            ),
            ("supervision", &["evaluation-reports", "inspectors"]),
            (
                "safety",
                &[
                    "safety-rules",
                    "safety-management",
                    "emergency",
                    "school-bus",
                ],
            ),
        ];
        for (key, ids) in expected {
            assert_eq!(item_ids(&r, key), ids, "{key}");
        }
        let enrollment = r.category("enrollment").unwrap();
        assert!(enrollment
            .intro
            .starts_with("依据《中华人民共和国政府信息公开条例》"));
        let names: Vec<_> = enrollment.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["招生入学工作实施方案", "招生预警", "学区查询"]);
    }

    #[test]
    fn seed_items_reuse_the_catalogue_columns() {
        for c in report().categories {
            for item in &c.items {
                let def = catalog::default_item(&c.key, &item.id)
                    .unwrap_or_else(|| panic!("{} {} is a catalogue item", c.key, item.id));
                let mut expected = def.to_content();
                expected.name = item.name.clone();
                expected.text = item.text.clone();
                expected.status = item.status;
                expected.reason = item.reason.clone();
                expected.channels_used = item.channels_used.clone();
                expected.counts = item.counts.clone();
                assert_eq!(*item, expected);
            }
        }
    }

    #[test]
    fn statuses_and_channels_used() {
        let r = report();
        for c in &r.categories {
            for item in &c.items {
                assert!(
                    item.channels_used
                        .iter()
                        .all(|ch| catalog::CHANNELS.contains(&ch.as_str())),
                    "{}",
                    item.id
                );
                if item.text.is_empty() {
                    assert_eq!(item.status, None, "{}", item.id);
                } else if item.id == "school-bus" {
                    assert_eq!(item.status, Some(DisclosureStatus::NotPublished));
                    assert!(item.text.contains(&item.reason) && !item.reason.is_empty());
                } else {
                    assert_eq!(
                        item.status,
                        Some(DisclosureStatus::Published),
                        "{}",
                        item.id
                    );
                }
            }
        }
        let overview = r.category("overview").unwrap();
        assert_eq!(overview.items[1].channels_used, ["两微一端"]);
        assert_eq!(
            r.category("enrollment").unwrap().items[0].channels_used,
            ["政府网站"]
        );
    }

    #[test]
    fn arts_and_sports_counts_are_in_the_text() {
        let r = report();
        let item = &r.category("policy-execution").unwrap().items[2];
        let values: Vec<_> = item.counts.iter().map(|c| c.value).collect();
        assert_eq!(values, [26, 6, 56]);
        for c in &item.counts {
            let phrase = format!("{}{}{}", c.label, c.value, c.unit);
            assert!(item.text.contains(&phrase), "{phrase}");
        }
    }

    #[test]
    fn removed_defaults_can_be_restored() {
        let r = report();
        let mut enrollment = r.category("enrollment").unwrap().clone();
        crate::model::restore_defaults(&mut enrollment);
        assert_eq!(
            enrollment.items.len(),
            catalog::default_items("enrollment").len()
        );
        // The seed's items stay as they are.
        for item in &r.category("enrollment").unwrap().items {
            assert!(enrollment.items.contains(item));
        }
        let mut policy = r.category("policy").unwrap().clone();
        crate::model::restore_defaults(&mut policy);
        let ids: Vec<_> = policy.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["laws", "normative"]);
        assert_eq!(policy.intro, "义务教育相关政策法规分别在政府网站公开。");
    }

    #[test]
    fn no_word_artefacts() {
        let json = serde_json::to_string(&example_workspace()).unwrap();
        assert!(!json.contains("[bookmark"));
        assert!(!json.contains("_Hlk") && !json.contains("_GoBack"));
    }

    #[test]
    fn every_table_cell_is_zero_and_all_are_present() {
        let r = report();
        let blocks = catalog::table2(TableFormat::V2019);
        let cells: usize = blocks.iter().map(|b| b.rows.len() * b.columns.len()).sum();
        assert_eq!(r.tables.0.len(), cells);
        assert!(r.tables.0.values().all(|v| v == "0"));
        for b in blocks {
            for row in b.rows {
                for col in b.columns {
                    let key = catalog::cell_key(catalog::TABLE2, b.key, row.key, col.key);
                    assert_eq!(r.tables.get(&key), "0", "{key}");
                }
            }
        }
        assert_eq!(r.tables.get("t2/a20_1/rules/new_made"), "0");
    }

    #[test]
    fn survives_a_json_round_trip() {
        let ws = example_workspace();
        let json = serde_json::to_string(&ws).unwrap();
        let back: Workspace = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ws);
    }
}
