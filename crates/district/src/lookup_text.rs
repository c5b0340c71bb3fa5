//! Strings of the parent lookup page (学区查询, zh-CN), shared by its own small binary and the
//! workbench's `#/lookup`. Kept apart from `text.rs`'s `ZH_CN` so that the parent page links only these.

use crate::district::{PlaceKind, PublishError};
use crate::school::{Stage, WarningLevel};

/// Texts of the lookup page, one value per locale.
pub struct LookupTexts {
    pub title: &'static str,
    pub input_label: &'static str,
    pub placeholder: &'static str,
    pub hint: &'static str,
    /// The placeholder once the data is read: an address of the bureau's own.
    pub placeholder_of: fn(&str) -> String,
    /// The hint once the data is read: one of its names, and that name's pinyin initials.
    pub hint_of: fn(&str, &str) -> String,
    pub submit: &'static str,
    pub suggestions_label: &'static str,
    pub suggestions_count: fn(usize) -> String,
    pub privacy: &'static str,
    pub illustrative: &'static str,
    pub data_date: fn(&str) -> String,
    pub bureau_phone: &'static str,
    pub default_note: &'static str,
    pub loading: &'static str,
    pub no_data: &'static str,
    pub no_data_file: &'static str,
    pub bad_data: fn(&str) -> String,
    pub places_count: fn(usize) -> String,

    pub primary: &'static str,
    pub middle: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub unlisted: &'static str,
    pub level_missing: fn(&str) -> String,
    pub contested: &'static str,
    pub basis: &'static str,
    pub rule_note: &'static str,
    pub possible_title: &'static str,
    pub possible_only: &'static str,
    pub possible_item: &'static str,
    pub need_number: fn(&str) -> String,
    pub need_number_example: fn(&str) -> String,
    pub candidates: &'static str,
    pub choose: &'static str,
    pub not_found: fn(&str) -> String,
    pub not_found_place: fn(&str, &str) -> String,
    pub listed: fn(&str) -> String,
    pub did_you_mean: &'static str,
    pub mentioned: &'static str,
    pub no_guess: &'static str,
    pub call_bureau: &'static str,
    pub no_phone: &'static str,
}

impl LookupTexts {
    /// 学段 (the bureau's page words it the same: `text::district` asks here).
    pub fn stage(&self, s: Stage) -> &'static str {
        match s {
            Stage::Primary => "小学",
            Stage::Middle => "初中",
            Stage::Both => "九年一贯制",
        }
    }

    /// 招生预警 level (the bureau's page words it the same: `text::district` asks here).
    pub fn warning_level(&self, l: WarningLevel) -> &'static str {
        match l {
            WarningLevel::Red => "红色预警",
            WarningLevel::Orange => "橙色预警",
            WarningLevel::Yellow => "黄色预警",
            WarningLevel::Green => "绿色（学位充足）",
            WarningLevel::Level1 => "一级预警",
            WarningLevel::Level2 => "二级预警",
        }
    }

    /// Why `districts.json` could not be read.
    pub fn data_error(&self, e: &PublishError) -> String {
        match e {
            PublishError::NotJson { line, column } => {
                format!("文件不是有效的 JSON（第 {line} 行第 {column} 列附近），可能已损坏。")
            }
            PublishError::WrongFormat => "这不是学区数据文件（districts.json）。".into(),
            PublishError::TooNew(v) => format!("数据文件的版本为 {v}，请使用新版的查询页面。"),
            PublishError::BadReference { rule } | PublishError::BadNumbers { rule } => {
                format!("第 {} 条划片规则已损坏。", rule + 1)
            }
        }
    }

    pub fn place_kind(&self, k: PlaceKind) -> &'static str {
        match k {
            PlaceKind::Road => "道路",
            PlaceKind::Community => "小区",
            PlaceKind::Neighbourhood => "社区",
            PlaceKind::Village => "村组",
            PlaceKind::Boundary => "片区",
        }
    }
}

pub static ZH_CN: LookupTexts = LookupTexts {
    title: "义务教育学区查询",
    input_label: "家庭住址（道路或小区＋门牌号）",
    placeholder: "例如：某某路88号",
    hint: "可以只输入道路或小区名称，也可以输入拼音或拼音首字母。",
    placeholder_of: |example| format!("例如：{example}"),
    hint_of: |name, initials| {
        format!("可以只输入道路或小区名称，也可以输入拼音或拼音首字母，如“{name}”可输入“{initials}”。")
    },
    submit: "查询",
    suggestions_label: "可能要找的地名",
    suggestions_count: |n| format!("有 {n} 个地名可选"),
    privacy: "输入的地址只在本机查询，不会发送到任何地方。",
    illustrative: "示例数据：本页的道路、小区和学校划分是为演示而编写的，不是正式公布的学区。",
    data_date: |d| format!("数据日期：{d}"),
    bureau_phone: "教育局咨询电话：",
    default_note: "学区划分以教育局当年发布的招生公告和入学通知书为准，本页查询结果仅供参考。",
    loading: "正在载入学区数据…",
    no_data: "还没有学区数据。请从教育局网站下载查询页面，或向教育局咨询。",
    no_data_file: "找不到学区数据文件 districts.json：它应与本页面放在同一个文件夹里。",
    bad_data: |m| format!("学区数据无法读取：{m}"),
    places_count: |places| format!("共 {places} 条道路和小区。"),

    primary: "对口小学",
    middle: "对口初中",
    address: "地址：",
    phone: "电话：",
    unlisted: "（学校名单中没有这所学校的地址和电话，请向教育局咨询）",
    level_missing: |level| format!("这条规则没有列出{level}，请向教育局咨询。"),
    contested: "这个地址有两条同样具体的规则，对口学校不同，本页无法判断。请致电教育局确认。",
    basis: "划片依据（原文）：",
    rule_note: "备注：",
    possible_title: "可能对口（边界上的地址，请向教育局确认）",
    possible_only: "这个地址在一个片区的边界上或附近，可能属于下面的学区。片区的范围需要看地图才能确定，请致电教育局确认。",
    possible_item: "片区原文：",
    need_number: |place| format!("{place}的不同门牌号对口不同的学校，请补充门牌号。"),
    need_number_example: |place| format!("例如：{place}88号"),
    candidates: "各段门牌号的对口学校：",
    choose: "您要查的是哪一个？",
    not_found: |typed| format!("没有找到“{typed}”的学区信息。"),
    listed: |place| format!("“{place}”已列出的门牌号（请核对门牌号）："),
    did_you_mean: "您要找的是不是：",
    mentioned: "教育局发布的原文提到了这个地名，但本页没能读成划片规则。可能属于下面的学校，请以原文为准，并致电教育局确认：",
    not_found_place: |place, number| {
        format!("找到了“{place}”，但没有覆盖“{number}”的划片规则。")
    },
    no_guess: "本页不会猜测学校。请核对地址，或致电教育局咨询。",
    call_bureau: "教育局咨询电话：",
    no_phone: "请向当地教育局咨询。",
};
