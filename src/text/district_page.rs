//! Strings of the bureau's `#/districts` page and of the workbench's `#/lookup` (zh-CN): import,
//! progress and preview, the bureau's details, conflicts, the rule table and its dialog, the school
//! list, publishing. Reached as `text::t().district_page`; the messages of import errors and conflicts
//! themselves are in `text/district.rs`.

/// Texts of the district page, one value per locale.
pub struct DistrictPageTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub illustrative: &'static str,
    pub empty: &'static str,

    pub import_title: &'static str,
    pub import_hint: &'static str,
    pub import_reading: &'static str,
    pub import_loading_xlsx: &'static str,
    pub import_rows: &'static str,
    pub import_progress_label: &'static str,
    pub import_percent: fn(usize, usize, usize) -> String,
    pub import_sheet: &'static str,
    pub import_sheet_read: &'static str,
    pub import_nothing: &'static str,
    pub import_preview_title: &'static str,
    pub import_preview_file: fn(&str) -> String,
    pub import_counts: fn(usize, usize, usize, usize) -> String,
    pub import_mode: &'static str,
    pub import_replace: &'static str,
    pub import_append: &'static str,
    pub import_change: fn(usize, usize, usize, usize) -> String,
    pub import_schools_added: &'static str,
    pub import_schools_updated: &'static str,
    pub import_confirm: &'static str,
    pub import_cancel: &'static str,
    pub import_done: fn(&str) -> String,
    pub import_error_count: fn(usize) -> String,
    pub import_errors_more: fn(usize) -> String,
    pub module_failed: fn(&str) -> String,
    pub module_error: fn(&str) -> String,

    pub bureau_title: &'static str,
    pub bureau_region: &'static str,
    pub bureau_phone: &'static str,
    pub bureau_phone_bad: &'static str,
    pub bureau_date: &'static str,
    pub bureau_note: &'static str,

    pub conflicts_title: fn(usize) -> String,
    pub conflicts_hint: &'static str,
    pub conflicts_none: &'static str,

    pub rules_title: fn(usize) -> String,
    pub rules_search: &'static str,
    pub rules_shown: fn(usize, usize) -> String,
    pub rules_more: &'static str,
    pub col_place: &'static str,
    pub col_town: &'static str,
    pub col_numbers: &'static str,
    pub col_primary: &'static str,
    pub col_middle: &'static str,
    pub col_note: &'static str,
    pub col_source: &'static str,
    pub col_actions: &'static str,
    pub rule_all: &'static str,
    pub rule_aliases: fn(&str, &str) -> String,
    pub rule_possible: &'static str,
    pub rule_note: fn(&str) -> String,
    pub rule_add: &'static str,
    pub rule_edit: &'static str,
    pub rule_delete: &'static str,
    pub rule_edit_label: fn(&str) -> String,
    pub rule_delete_label: fn(&str) -> String,
    pub rule_removed: fn(&str) -> String,
    pub rule_add_title: &'static str,
    pub rule_edit_title: &'static str,
    pub rule_numbers_placeholder: &'static str,
    pub rule_dialog_hint: &'static str,
    pub rule_save: &'static str,
    pub rule_saved: &'static str,
    pub rule_added: &'static str,
    pub rule_no_place: &'static str,
    pub rule_unclear: &'static str,
    pub rule_no_school: &'static str,
    pub rule_bad_numbers: fn(&str, &str) -> String,

    pub schools_title: fn(usize) -> String,
    pub schools_hint: &'static str,
    pub col_school: &'static str,
    pub col_stage: &'static str,
    pub col_address: &'static str,
    pub col_phone: &'static str,
    pub col_warning: &'static str,
    pub col_rules: &'static str,
    pub school_rules: fn(usize) -> String,
    pub school_no_address: &'static str,
    pub school_no_phone: &'static str,
    pub school_no_rule: &'static str,

    pub publish_title: &'static str,
    pub publish_hint: &'static str,
    pub publish_data: &'static str,
    pub publish_data_small: &'static str,
    pub publish_page: &'static str,
    pub publish_page_small: &'static str,
    pub publish_busy: &'static str,
    pub publish_preview: &'static str,
    pub published_data: &'static str,
    pub published_page: &'static str,
    pub page_unusable: &'static str,

    pub lookup_title: &'static str,
    pub lookup_intro: &'static str,
    pub lookup_to_districts: &'static str,
    pub lookup_empty: &'static str,
    pub lookup_no_pinyin: &'static str,
    /// The lookup page's module could not be loaded (#/lookup).
    pub lookup_no_module: &'static str,
}

pub static ZH_CN: DistrictPageTexts = DistrictPageTexts {
    title: "学区数据",
    intro: "导入本区公布的学区划分表，核对冲突，然后发布给家长查询。家长查询页面只在手机或电脑本机查询，地址不会发送到任何地方。",
    illustrative: "当前是内置示例的学区数据：道路、小区和学校划分是为演示编写的，不是正式公布的学区。导入本区的正式表格（选择“替换现有规则”）后，示例标记会去掉。",
    empty: "还没有学区数据。请导入学区表格，或在“概览”载入内置示例。",

    import_title: "导入学区表格",
    import_hint: "支持 CSV（UTF-8、带 BOM 的 UTF-8，或 Excel 在中文 Windows 上默认的 GBK 编码）和 Excel 工作簿（.xlsx）。表头可以是“道路或小区,门牌号,对口小学,对口初中,备注”（划片规则）、“学校,学段,服务区域”（学校服务区域），或“学校,学段,地址,电话,预警等级,预警说明”（学校名单）。导入前会先显示将要发生的变化。",
    import_reading: "正在读取文件…",
    import_loading_xlsx: "正在载入 Excel 读取组件…",
    import_rows: "正在逐行检查…",
    import_progress_label: "导入进度",
    import_percent: |done, total, percent| format!("第 {done} / {total} 行（{percent}%）"),
    import_sheet: "工作表",
    import_sheet_read: "读取这个工作表",
    import_nothing: "文件中没有可以导入的行。",
    import_preview_title: "导入预览",
    import_preview_file: |file| format!("导入预览：{file}"),
    import_counts: |rows, rules, schools, errors| {
        let mut s = format!("读取了 {rows} 行：{rules} 条划片规则，{schools} 所学校");
        if errors > 0 {
            s.push_str(&format!("；{errors} 处错误，所在的行不会导入（见下方列表）"));
        }
        s.push('。');
        s
    },
    import_mode: "导入方式",
    import_replace: "替换现有规则（现有规则全部换成文件中的规则）",
    import_append: "追加到现有规则",
    import_change: |before, after, new, removed| {
        format!("现有 {before} 条规则，导入后共 {after} 条（文件中新的 {new} 条，将移除 {removed} 条）。")
    },
    import_schools_added: "新增学校：",
    import_schools_updated: "更新学校信息：",
    import_confirm: "确认导入",
    import_cancel: "取消，不导入",
    import_done: |file| format!("已导入“{file}”。"),
    import_error_count: |n| format!("文件中有 {n} 处错误（行号按文件中的行计算）："),
    import_errors_more: |n| format!("另有 {n} 处错误未列出。"),
    module_failed: |m| {
        format!("学区工具组件未能加载（{m}）。请刷新页面后重试；如果是单文件版，请确认文件完整。")
    },
    module_error: |m| format!("学区工具组件出错：{m}"),

    bureau_title: "教育局信息（显示在家长查询页面上）",
    bureau_region: "地区（家长输入地址时可能带上的省市区，查询时会自动去掉）",
    bureau_phone: "教育局咨询电话",
    bureau_phone_bad: "电话号码只能包含数字、“-”、括号和“转”，至少 5 位数字。",
    bureau_date: "数据日期",
    bureau_note: "查询结果上方的说明（例如：以招生公告和入学通知书为准）",

    conflicts_title: |n| format!("冲突与问题（{n}）"),
    conflicts_hint: "发布前请逐条核对：号段重叠但对口学校不同的规则、同一道路两个号段之间没有规则的门牌号、不在学校名单中的学校，以及没有读懂的原文。",
    conflicts_none: "没有发现冲突：没有号段重叠而对口学校不同的规则，规则中的学校都在学校名单中。",

    rules_title: |n| format!("划片规则（{n} 条）"),
    rules_search: "搜索规则（道路、小区、学校、门牌号或原文）",
    rules_shown: |shown, all| format!("显示 {shown} / {all} 条"),
    rules_more: "显示更多",
    col_place: "道路或小区",
    col_town: "街道或镇",
    col_numbers: "门牌号",
    col_primary: "对口小学",
    col_middle: "对口初中",
    col_note: "备注",
    col_source: "原文",
    col_actions: "操作",
    rule_all: "全部",
    rule_aliases: |name, aliases| format!("{name}（又名{aliases}）"),
    rule_possible: "仅作可能匹配",
    rule_note: |note| format!("备注：{note}"),
    rule_add: "新增规则",
    rule_edit: "编辑",
    rule_delete: "删除",
    rule_edit_label: |text| format!("编辑规则“{text}”"),
    rule_delete_label: |text| format!("删除规则“{text}”"),
    rule_removed: |text| format!("已删除规则“{text}”。"),
    rule_add_title: "新增划片规则",
    rule_edit_title: "编辑划片规则",
    rule_numbers_placeholder: "例如：1—99号（单号）；留空表示全部",
    rule_dialog_hint: "按表格的写法填写：门牌号可写多段，用“、”分隔；多所学校用“；”分隔。保存后，家长看到的原文就是这里填写的道路和门牌号。",
    rule_save: "保存规则",
    rule_saved: "已保存规则。",
    rule_added: "已新增规则。",
    rule_no_place: "请填写道路、小区或村的名称。",
    rule_unclear: "道路或小区的写法可以有不止一种读法（例如名称像门牌号），请改写。",
    rule_no_school: "请至少填写一所对口小学或对口初中。",
    rule_bad_numbers: |reason, fragment| {
        if fragment.is_empty() {
            format!("{reason}。")
        } else {
            format!(
                "{reason}：“{}”。",
                crate::excerpt::excerpt_to(fragment, 60)
            )
        }
    },

    schools_title: |n| format!("学校名单（{n} 所）"),
    schools_hint: "家长查询结果显示学校的地址、电话和招生预警。导入“学校,学段,地址,电话,预警等级,预警说明”表格可以更新名单。",
    col_school: "学校",
    col_stage: "学段",
    col_address: "地址",
    col_phone: "电话",
    col_warning: "招生预警",
    col_rules: "规则",
    school_rules: |n| format!("{n} 条规则 "),
    school_no_address: "缺少地址",
    school_no_phone: "缺少电话",
    school_no_rule: "没有规则对口这所学校",

    publish_title: "发布给家长",
    publish_hint: "“下载 districts.json”得到数据文件：把它放在网站上家长查询页面（lookup 文件夹）的旁边，替换原有的同名文件。“下载查询页面”得到一个包含数据的单独网页文件 lookup.html，可以放到网站上，也可以直接发给家长，在手机上打开即可查询，不需要网络。",
    publish_data: "下载 districts.json",
    publish_data_small: "数据文件，放在网站上查询页面的旁边",
    publish_page: "下载查询页面 lookup.html",
    publish_page_small: "含数据的单个网页，可发给家长或放到网站上",
    publish_busy: "正在生成（计算地名拼音）…",
    publish_preview: "在本工作台预览家长查询页面",
    published_data: "已下载 districts.json。",
    published_page: "已下载 lookup.html（含本区学区数据）。",
    page_unusable: "本工作台中的查询页面文件不完整，无法放入数据。请使用完整的工作台文件。",

    lookup_title: "学区查询（家长查询页面预览）",
    lookup_intro: "这里与家长使用的查询页面相同，数据来自“学区数据”页面，按发布后的样子查询。",
    lookup_to_districts: "管理学区数据",
    lookup_empty: "还没有学区数据：请先在“学区数据”页面导入学区表格，或在“概览”载入内置示例。",
    lookup_no_pinyin: "学区工具组件未能加载，本页暂时不能按拼音查询。请刷新页面后重试。",
    lookup_no_module: "查询页面组件未能加载，暂时不能在这里查询。请刷新页面后重试。",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 22: the rules page's numbers error quoted the whole field.
    #[test]
    fn the_numbers_error_quotes_an_excerpt() {
        let m = (ZH_CN.rule_bad_numbers)("号段缺少止号", &"1-".repeat(3_000));
        assert!(m.chars().count() < 100, "{m}");
        assert!(m.starts_with("号段缺少止号：“1-1-"), "{m}");
    }
}
