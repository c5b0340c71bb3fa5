//! Every user-facing string, per locale. Components read `text::t()`; adding a locale means adding one
//! more `Texts` value.

mod graphic;

pub use graphic::GraphicTexts;
mod district;

pub use district::DistrictTexts;

use crate::check::{Finding, Rule, Severity, Target, Term};
use crate::excerpt::excerpt;
use crate::model::{
    Audience, DisclosureMode, DisclosureStatus, Level, LoadError, ModelError, ReportStructure,
    TableFormat, MAX_FIELD_BYTES,
};
mod browser;
mod feedback;
mod safeguards;
pub use browser::{BrowserTexts, BROWSER_ZH_CN};
pub use feedback::{FeedbackTexts, FEEDBACK_ZH_CN};
pub use safeguards::{SafeguardTexts, SAFEGUARDS_ZH_CN};

mod delivery;
pub use delivery::DeliveryTexts;
// -- parent lookup page: its own small set, linked by the parent binary alone --
pub use gongkai_district::lookup_text as lookup;
// -- the bureau's district page and the workbench's lookup --
mod district_page;
pub use district_page::DistrictPageTexts;
mod district_review;
pub use district_review::DistrictReviewTexts;
// -- pages in lazily loaded modules --
mod module_page;
pub use module_page::ModulePageTexts;

mod school;
pub use school::SchoolTexts;
// -- the school pages, linked by their module alone --
mod school_page;
pub use school_page::{school_page, SchoolPageTexts};
// -- the cases every JSON file shares, worded once for backups and school files --
mod json_file;
pub use json_file::{json_file, JsonFileTexts};

/// All strings of one locale. Parameterised messages are functions.
pub struct Texts {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub nav_label: &'static str,
    pub nav_overview: &'static str,
    pub nav_settings: &'static str,
    pub nav_categories: &'static str,
    pub nav_narrative: &'static str,
    pub nav_tables: &'static str,
    pub nav_check: &'static str,
    pub nav_report: &'static str,
    pub nav_schools: &'static str,
    pub nav_school: &'static str,
    pub nav_districts: &'static str,
    pub nav_lookup: &'static str,
    pub nav_data: &'static str,
    pub coming_title: &'static str,
    pub coming_body: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,

    pub status_clean: &'static str,
    pub status_saving: &'static str,
    pub status_saved: fn(&str) -> String,
    pub status_failed: &'static str,
    pub status_memory: &'static str,
    pub status_conflict: &'static str,

    pub storage_blocked: &'static str,
    pub storage_quota: &'static str,
    pub storage_failed: fn(&str) -> String,
    /// The stored revision number is at its limit: nothing more can be saved (`SaveDecision::AtLimit`).
    pub storage_revision_limit: &'static str,
    pub storage_corrupt: fn(&str) -> String,
    pub storage_corrupt_unsaved: &'static str,
    pub download_corrupt: &'static str,
    pub corrupt_file_name: fn(u64) -> String,
    pub close: &'static str,
    pub list_separator: &'static str,
    pub work_item_number: fn(usize) -> String,
    pub banner_export: &'static str,

    pub conflict_body: fn(u64) -> String,
    pub conflict_use_theirs: &'static str,
    pub conflict_keep_mine: &'static str,
    pub reloaded_from_other_tab: &'static str,

    pub overview_title: &'static str,
    pub overview_empty: &'static str,
    pub overview_unit: &'static str,
    pub overview_year: &'static str,
    pub overview_structure: &'static str,
    pub overview_format: &'static str,
    pub overview_categories: &'static str,
    pub category_filled: &'static str,
    pub category_empty: &'static str,
    pub unit_missing: &'static str,
    pub backup_reminder: &'static str,
    pub load_example: &'static str,
    pub example_loaded: &'static str,
    pub confirm_replace_example: &'static str,
    pub confirm_yes: &'static str,
    pub confirm_no: &'static str,

    pub settings_title: &'static str,
    pub settings_unit: &'static str,
    pub settings_region: &'static str,
    pub settings_year: &'static str,
    pub settings_title_field: &'static str,
    pub settings_title_hint: &'static str,
    pub settings_structure: &'static str,
    pub settings_format: &'static str,
    pub format_auto: fn(TableFormat) -> String,
    pub settings_years: &'static str,
    pub settings_add_year: &'static str,
    pub settings_new_year: &'static str,
    pub settings_add_year_hint: &'static str,

    pub data_title: &'static str,
    pub export_backup: &'static str,
    pub export_backup_hint: &'static str,
    pub import_backup: &'static str,
    pub import_backup_hint: &'static str,
    pub import_reading: &'static str,
    pub import_error: fn(&str, &str) -> String,
    pub import_summary_title: fn(&str) -> String,
    pub import_unit: fn(&str, &str) -> String,
    pub import_added: &'static str,
    pub import_removed: &'static str,
    pub import_changed: &'static str,
    pub import_unchanged: &'static str,
    pub import_noop: &'static str,
    pub import_confirm: &'static str,
    pub import_cancel: &'static str,
    pub import_done: &'static str,
    pub storage_status_title: &'static str,
    pub storage_mode_ok: &'static str,
    pub storage_mode_memory: &'static str,
    pub storage_revision: fn(u64) -> String,
    pub storage_size: fn(f64) -> String,
    pub download_failed: &'static str,
    pub file_read_failed: &'static str,

    pub no_report: &'static str,
    pub category_none_this_year: &'static str,
    pub category_intro: &'static str,
    pub item_new_name: &'static str,
    pub item_add: &'static str,
    pub items_restore: &'static str,
    pub item_name: &'static str,
    pub item_status: &'static str,
    pub item_status_unset: &'static str,
    pub item_remove: &'static str,
    pub item_reason: &'static str,
    pub item_text: &'static str,
    pub item_channels_used: &'static str,
    pub item_catalogue_columns: &'static str,
    pub item_content: &'static str,
    pub item_basis: &'static str,
    pub item_deadline: &'static str,
    pub item_subject: &'static str,
    pub item_channels: &'static str,
    pub item_audience: &'static str,
    pub item_mode: &'static str,
    pub item_level: &'static str,
    pub count_label: &'static str,
    pub count_unit: &'static str,
    pub count_invalid: &'static str,
    pub count_default_label: &'static str,
    pub count_default_unit: &'static str,
    pub count_add: &'static str,

    pub nar_both_kept: &'static str,
    pub nar_preamble: &'static str,
    pub nar_goals: &'static str,
    pub nar_work: &'static str,
    pub nar_work_add: &'static str,
    pub nar_disclosure_intro: &'static str,
    pub nar_tables_note: &'static str,
    pub nar_overview: &'static str,
    pub nar_active: &'static str,
    pub nar_on_request: &'static str,
    pub nar_management: &'static str,
    pub nar_platform: &'static str,
    pub nar_supervision: &'static str,
    pub nar_fee_line: &'static str,
    pub nar_common: &'static str,
    pub nar_problems: &'static str,
    pub nar_other: &'static str,

    pub check_total: &'static str,
    pub check_breakdown: fn(usize, usize) -> String,
    pub check_clean: &'static str,
    pub check_go_fix: &'static str,
    pub check_summary: fn(usize, usize) -> String,

    pub tables_hint: &'static str,
    pub tables_field_note: &'static str,
    pub table2_title: &'static str,
    pub table3_title: &'static str,
    pub table4_title: &'static str,
    pub cell_computed: &'static str,
    pub paste_report: fn(usize, usize, &str) -> String,

    pub report_na_style: &'static str,
    pub report_na_line: &'static str,
    pub report_na_omit: &'static str,
    pub export_docx: &'static str,
    pub export_html: &'static str,
    pub export_md: &'static str,
    pub export_csv: &'static str,
    pub export_hint: &'static str,
    pub export_failed: fn(&str) -> String,
    pub report_preview: &'static str,

    // -- graphic (图解) --
    pub graphic: GraphicTexts,
    // -- feedback, dialogs and accessibility aids (text/feedback.rs) --
    pub feedback: &'static FeedbackTexts,
    // -- offline delivery --
    pub delivery: &'static DeliveryTexts,
    // -- safeguards (text/safeguards.rs): the structure-aware check, deadlines, limits --
    pub safeguards: &'static SafeguardTexts,
    pub browser: &'static BrowserTexts,
    // -- district import, conflicts, published file --
    pub district: &'static DistrictTexts,
    // -- school submissions --
    pub school: &'static SchoolTexts,
    // -- the district page and the workbench's lookup --
    pub district_page: &'static DistrictPageTexts,
    // -- the column mapping, the review of 服务区域 texts, problems before publishing --
    pub district_review: &'static DistrictReviewTexts,
    // -- pages in lazily loaded modules --
    pub module_page: &'static ModulePageTexts,
}

impl Texts {
    pub fn structure(&self, s: ReportStructure) -> &'static str {
        match s {
            ReportStructure::Field => "领域报告（一、完成既定目标 … 六、其他需要报告的事项）",
            ReportStructure::Statutory => "法定年报（条例第五十条六段式）",
        }
    }

    pub fn table_format(&self, f: TableFormat) -> &'static str {
        match f {
            TableFormat::V2019 => "2019 年试行格式（国办公开办函〔2019〕60号）",
            TableFormat::V2021 => "2021 年格式（国办公开办函〔2021〕30号）",
        }
    }

    /// A reason a file or stored value could not be read, in plain words.
    pub fn load_error(&self, e: &LoadError) -> String {
        match e {
            LoadError::Empty => json_file().empty.into(),
            LoadError::NotJson {
                line,
                column,
                truncated,
                ..
            } => (json_file().not_json)(*line, *column, *truncated),
            LoadError::NotAnObject => json_file().not_an_object.into(),
            LoadError::WrongFormat(f) if f.is_empty() => {
                "文件缺少 format 字段，不是本工作台导出的备份文件（*.gongkai.json）。".into()
            }
            LoadError::WrongFormat(f) => {
                format!("文件的 format 为“{f}”，不是本工作台的备份文件（应为 gongkai-workspace）。")
            }
            LoadError::MissingVersion => json_file().missing_version.into(),
            LoadError::TooNew(v) => (json_file().too_new)(*v),
            LoadError::BadField { path, problem } => {
                format!("字段“{path}”{}。", self.safeguards.field_problem(problem))
            }
            LoadError::YearMismatch { key, year } => {
                format!("报告列表中 {key} 年的条目写的是 {year} 年，前后不一致。")
            }
            LoadError::YearOutOfRange(y) => format!("年份 {y} 不在 2000—2100 之间。"),
            LoadError::TooLong { path, bytes } => format!(
                "字段“{path}”的内容过长（{:.1} MB），每个字段最多 {} MB。",
                *bytes as f64 / 1e6,
                MAX_FIELD_BYTES / 1_000_000
            ),
            LoadError::UnknownCategory { year, key } => {
                format!("{year} 年的报告中有本程序不认识的公开事项类别“{key}”。")
            }
            LoadError::DuplicateCategory { year, key } => {
                format!("{year} 年的报告中公开事项类别“{key}”出现了两次。")
            }
            LoadError::DuplicateItem { year, category, id } => {
                format!("{year} 年的报告中，类别“{category}”有两个编号都是“{id}”的事项。")
            }
            LoadError::UnknownCell { year, key } => {
                format!("{year} 年的报告中有本程序不认识的表格单元格“{key}”。")
            }
            LoadError::BadSchoolId(id) => format!(
                "学校名单中学校编号“{id}”的格式不对：应为 school- 加 1 至 9 位数字（如 school-1），数字不以 0 开头。"
            ),
            LoadError::DuplicateSchoolId(id) => {
                format!("学校名单中有两所学校的编号都是“{id}”。")
            }
        }
    }

    pub fn model_error(&self, e: &ModelError) -> String {
        match e {
            ModelError::YearOutOfRange(y) => {
                format!("年份 {y} 无效：请填写 2000—2100 之间的四位年份。")
            }
            ModelError::YearTaken(y) => format!("已有 {y} 年的报告，不能重复。"),
            ModelError::NoSuchYear(y) => format!("没有 {y} 年的报告。"),
        }
    }

    pub fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => "错误",
            Severity::Hint => "提示",
        }
    }

    /// The rule a finding breaks, in plain words.
    pub fn rule(&self, r: Rule) -> &'static str {
        match r {
            Rule::RequestBalance => "申请情况勾稽关系：一、本年新收 + 二、上年结转 应等于 （七）总计 + 四、结转下年度继续办理",
            Rule::OutcomeTotal => "（七）总计 应等于各项办理结果之和",
            Rule::ApplicantTotal => "“总计”列 应等于六类申请人之和",
            Rule::AppealTotal => "结果维持 + 结果纠正 + 其他结果 + 尚未审结 应等于 总计",
            Rule::CarryOver => "二、上年结转 应等于上一年度的 四、结转下年度继续办理",
            Rule::ProjectCount => "本年的 上一年项目数量 宜等于上一年度的 上一年项目数量 + 本年增/减",
            Rule::InvalidCell => "表格中有无法识别的数字",
            Rule::EmptyCategory => "公开事项没有填写内容，也没有标注“本年度无此项”",
            Rule::EmptyItem => "二级事项没有填写内容和公开状态",
            Rule::MissingReason => "标为“未公开”的事项须说明原因",
            Rule::MissingUnit => "没有填写单位名称",
            Rule::MissingYear => "没有填写报告年度",
            Rule::EmptySection => "没有填写内容；导出时这一节只写“无。”",
            Rule::NegativeCount => "只能填写非负整数",
            Rule::NegativeAmount => "金额不能为负数",
            Rule::CellTooLarge => "数字过大：不能超过一万亿",
            Rule::EmptyOverviewSection => "“一、总体情况”的这个小标题下没有填写内容",
            Rule::EmptyTable => "表格全部为空：请填写（没有的填 0），或勾选“本年度无相关情况”",
            Rule::MarkedTableFilled => "已勾选“本年度无相关情况”，但表格中填有不为 0 的内容",
            Rule::TextTableMismatch => "正文中的数字与表格不一致",
            Rule::InForceCount => "现行有效件数 宜等于上一年度的 现行有效件数 + 本年制发件数 − 本年废止件数（有修订件时可能不同）",
        }
    }

    /// One finding: the rule, what it applies to, and the numbers on both sides.
    ///
    /// A term whose label starts with “−” is subtracted (its value is stored negative so that the sum
    /// holds): it is written “− 本年废止件数 2”. Text from the report is quoted as a short excerpt.
    pub fn finding(&self, f: &Finding) -> String {
        let side = |terms: &[Term]| -> String {
            let mut out = String::new();
            for (i, t) in terms.iter().enumerate() {
                match t.label.strip_prefix('−') {
                    Some(rest) => {
                        out.push_str(if i == 0 { "−" } else { " − " });
                        out.push_str(&format!("{rest} {}", t.value.unsigned_abs()));
                    }
                    None => {
                        if i > 0 {
                            out.push_str(" + ");
                        }
                        out.push_str(format!("{} {}", t.label, t.value).trim_start());
                    }
                }
            }
            if terms.len() > 1 {
                out.push_str(&format!(" = {}", Finding::sum(terms)));
            }
            out
        };
        // A finding about the settings has no subject of its own: the page is named.
        let subject = match (&f.target, f.subject.is_empty()) {
            (Target::Settings(_), true) => self.settings_title,
            _ => f.subject.as_str(),
        };
        let mut out = format!("【{subject}】");
        out.push_str(self.rule(f.rule));
        if f.rule == Rule::TextTableMismatch {
            out.push_str(&format!(
                "：正文“{}”写的是 {}；表格中：{}。",
                excerpt(&f.found),
                side(&f.lhs),
                side(&f.rhs)
            ));
            return out;
        }
        if !f.lhs.is_empty() || !f.rhs.is_empty() {
            out.push_str(&format!("。现为：{}；而 {}", side(&f.lhs), side(&f.rhs)));
        }
        if matches!(
            f.rule,
            Rule::InvalidCell | Rule::NegativeCount | Rule::NegativeAmount | Rule::CellTooLarge
        ) {
            out.push_str(&format!("：“{}”", excerpt(&f.found)));
        }
        out.push('。');
        out
    }

    pub fn status(&self, s: DisclosureStatus) -> &'static str {
        match s {
            DisclosureStatus::Published => "已公开",
            DisclosureStatus::Partial => "部分公开",
            DisclosureStatus::NotPublished => "未公开（须说明原因）",
            DisclosureStatus::NotApplicable => "本年度无此项",
        }
    }

    pub fn audience(&self, a: Audience) -> &'static str {
        match a {
            Audience::Public => "全社会",
            Audience::SpecificGroup => "特定群体",
        }
    }

    pub fn mode(&self, m: DisclosureMode) -> &'static str {
        match m {
            DisclosureMode::Active => "主动",
            DisclosureMode::OnRequest => "依申请",
        }
    }

    pub fn level(&self, l: Level) -> &'static str {
        match l {
            Level::County => "县级",
            Level::Township => "乡级",
            Level::School => "学校",
        }
    }

    pub fn year_not_a_number(&self, input: &str) -> String {
        format!("“{input}”不是年份：请填写 2000—2100 之间的四位数字。")
    }
}

/// Simplified Chinese.
pub static ZH_CN: Texts = Texts {
    app_title: "政务公开年报工作台",
    app_subtitle: "义务教育领域基层政务公开 · 离线使用，数据只保存在本机",
    nav_label: "主导航",
    nav_overview: "概览",
    nav_settings: "报告设置",
    nav_categories: "十类公开事项",
    nav_narrative: "叙述部分",
    nav_tables: "法定表格",
    nav_check: "体检",
    nav_report: "预览与导出",
    nav_schools: "学校报送",
    nav_school: "本校填报",
    nav_districts: "学区数据",
    nav_lookup: "学区查询",
    nav_data: "数据与备份",
    coming_title: "此功能正在建设中",
    coming_body: "这一页将在后续版本中提供。导航与地址已经可用，可以先收藏。",
    not_found_title: "找不到这个页面",
    not_found_body: "地址中的页面不存在。",
    back_home: "返回概览",

    status_clean: "未修改",
    status_saving: "保存中…",
    status_saved: |at| format!("已保存 {at}"),
    status_failed: "保存失败",
    status_memory: "保存失败：浏览器存储不可用，数据只在本页内存中",
    status_conflict: "未保存：另一窗口有更新的数据",

    storage_blocked: "浏览器存储不可用（可能是隐私模式，或从本地文件打开时浏览器禁止了存储）。现在的修改只保存在本页内存中，关闭页面就会丢失。请随时导出备份文件。",
    storage_quota: "浏览器存储空间已满，最近的修改没有保存。浏览器中原有的已保存数据保持不变，本页中的数据也还在。请立即导出备份，然后在“数据与备份”中清理空间。",
    storage_failed: |m| format!("写入浏览器存储时出错：{m}。最近的修改没有保存，请导出备份。"),
    storage_revision_limit: "浏览器存储中的保存版本号已到上限（数据可能被其他程序改动过），无法再保存修改，最近的修改没有保存。浏览器中原有的已保存数据保持不变，本页中的数据也还在。请立即导出备份文件。",
    storage_corrupt: |why| format!("浏览器中保存的数据无法读取：{why} 原始内容已原样另存，没有被覆盖；现在从空白工作区开始。可下载原始内容交技术人员恢复。"),
    storage_corrupt_unsaved: "浏览器中保存的数据无法读取，且无法另存原始内容，因此本页不会写入存储，以免覆盖它。请先下载原始内容，再导出备份。",
    download_corrupt: "下载无法读取的原始数据",
    corrupt_file_name: |stamp| format!("gongkai-无法读取的数据-{stamp}.txt"),
    close: "关闭",
    list_separator: "、",
    work_item_number: |n| format!("{n}、"),
    banner_export: "导出备份",

    conflict_body: |rev| format!("另一个窗口已保存了更新的数据（第 {rev} 版），而本窗口还有未保存的修改。为避免互相覆盖，请选择保留哪一份："),
    conflict_use_theirs: "载入另一窗口的数据（放弃本窗口的修改）",
    conflict_keep_mine: "保留本窗口的数据（覆盖另一窗口的修改）",
    reloaded_from_other_tab: "已载入另一窗口保存的最新数据。",

    overview_title: "概览",
    overview_empty: "还没有填写内容。可以先载入内置示例看看完整的报告，或在“报告设置”中填写单位和年度。",
    overview_unit: "单位",
    overview_year: "年度",
    overview_structure: "报告结构",
    overview_format: "表格格式",
    overview_categories: "十类公开事项",
    category_filled: "已填写",
    category_empty: "未填写",
    unit_missing: "（未填写单位名称）",
    backup_reminder: "上次导出备份以后数据有修改。浏览器存储可能被清除，请定期导出备份文件。",
    load_example: "载入内置示例（汽开区教育局 2020 年报告）",
    example_loaded: "已载入内置示例。",
    confirm_replace_example: "当前工作区已有数据。载入示例会替换全部现有数据。建议先导出备份。确定要替换吗？",
    confirm_yes: "替换",
    confirm_no: "取消",

    settings_title: "报告设置",
    settings_unit: "单位名称",
    settings_region: "所属地区",
    settings_year: "报告年度",
    settings_title_field: "报告标题",
    settings_title_hint: "留空则按报告结构使用默认标题：法定年报为“单位 + 年度 + 年政府信息公开工作年度报告”，领域报告为“单位 + 年度 + 年政务公开工作年度报告”。填写的标题不会因切换结构而改变；导出文件按标题命名。",
    settings_structure: "报告结构",
    settings_format: "表格格式",
    format_auto: |f| format!("按年度自动（现为 {}）", ZH_CN.table_format(f)),
    settings_years: "已有年度",
    settings_add_year: "新建年度报告",
    settings_new_year: "新年度",
    settings_add_year_hint: "新年度从上一年度结转：复制单位设置和公开事项目录，预填“上一年项目数量”（2019 年格式）和“二、上年结转”（= 上一年度“四、结转下年度继续办理”）。本年的文字和状态需重新填写。",

    data_title: "数据与备份",
    export_backup: "导出备份",
    export_backup_hint: "把全部数据保存为一个 .gongkai.json 文件。浏览器存储可能被清除，备份文件才是可靠的存档。",
    import_backup: "导入备份",
    import_backup_hint: "选择 .gongkai.json 文件。导入前会先显示将要发生的变化，确认后才替换。",
    import_reading: "正在读取文件…",
    import_error: |file, why| format!("无法导入“{file}”：{why} 现有数据没有任何改动。"),
    import_summary_title: |file| format!("导入“{file}”将会："),
    import_unit: |before, after| format!("单位：{before} → {after}"),
    import_added: "新增年度",
    import_removed: "删除年度（文件中没有）",
    import_changed: "替换内容的年度",
    import_unchanged: "内容相同的年度",
    import_noop: "文件内容与现有数据相同，导入不会改变任何内容。",
    import_confirm: "确认导入并替换",
    import_cancel: "取消",
    import_done: "已导入备份。",
    storage_status_title: "存储状态",
    storage_mode_ok: "浏览器存储可用，修改会自动保存。",
    storage_mode_memory: "浏览器存储不可用，数据只在本页内存中。",
    storage_revision: |r| format!("已保存版本：第 {r} 版"),
    storage_size: |kb| format!("占用浏览器存储约 {kb:.1} KB（浏览器通常限制约 5 MB）"),
    download_failed: "下载失败，请重试。",
    file_read_failed: "无法读取所选文件。",

    no_report: "还没有打开的年度报告。请在“报告设置”中新建年度，或载入内置示例。",
    category_none_this_year: "本年度无此项（整个类别）",
    category_intro: "类别开头的说明文字（报告中写在各事项之前）",
    item_new_name: "新事项",
    item_add: "添加事项",
    items_restore: "恢复目录中的默认事项",
    item_name: "事项名称",
    item_status: "公开状态",
    item_status_unset: "（未选择状态）",
    item_remove: "删除",
    item_reason: "未公开的原因",
    item_text: "写入报告的文字",
    item_channels_used: "本年实际使用的公开渠道",
    item_catalogue_columns: "目录信息：公开内容、依据、时限、主体、渠道、对象、方式、层级",
    item_content: "公开内容（要素）",
    item_basis: "公开依据",
    item_deadline: "公开时限",
    item_subject: "公开主体",
    item_channels: "公开渠道和载体（目录）",
    item_audience: "公开对象",
    item_mode: "公开方式",
    item_level: "公开层级",
    count_label: "统计项",
    count_unit: "单位",
    count_invalid: "只能填写非负整数",
    count_default_label: "发布信息",
    count_default_unit: "条",
    count_add: "添加数量",

    nar_both_kept: "两种结构的文字都会保留：切换报告结构不会丢失任何已填写的内容。",
    nar_preamble: "导语（报告开头的段落）",
    nar_goals: "一、完成既定目标",
    nar_work: "二、工作开展情况（每条一项，导出时自动编号）",
    nar_work_add: "添加一条",
    nar_disclosure_intro: "三、政务公开事项公开情况：开头的说明",
    nar_tables_note: "四、主动公开政府信息情况：表格下方的说明",
    nar_overview: "一、总体情况：常见的五个小标题",
    nar_active: "（一）主动公开",
    nar_on_request: "（二）依申请公开",
    nar_management: "（三）政府信息管理",
    nar_platform: "（四）政府信息公开平台建设",
    nar_supervision: "（五）监督保障",
    nar_fee_line: "六、其他需要报告的事项：信息处理费收取情况",
    nar_common: "两种结构共用",
    nar_problems: "五、存在的主要问题及改进情况",
    nar_other: "六、其他需要报告的事项",

    check_total: "发现问题：",
    check_breakdown: |e, h| format!(" 项（错误 {e} 项，提示 {h} 项）"),
    check_clean: "没有发现问题。",
    check_go_fix: "去修改",
    check_summary: |e, h| format!("体检：错误 {e} 项，提示 {h} 项"),

    tables_hint: "可填写整数、负数（本年增/减，如 -35、增10、减3）、金额（如 1276.5534万元、251000元）。空格按 0 计算，并以底纹标出。绿色格为自动计算的合计，不能填写。方向键、回车和 Tab 可在格子间移动；可从 Excel/WPS 复制一块单元格后粘贴。",
    tables_field_note: "领域报告只使用表二（第二十条）。选择“法定年报”结构后，这里会出现表三（依申请）和表四（复议、诉讼）。",
    table2_title: "二、主动公开政府信息情况",
    table3_title: "三、收到和处理政府信息公开申请情况",
    table4_title: "四、政府信息公开行政复议、行政诉讼情况",
    cell_computed: "自动计算，不能填写",
    paste_report: |rejected, skipped, names| {
        let mut m = String::from("已粘贴。");
        if rejected > 0 {
            m.push_str(&format!("{rejected} 格无法识别，未填入：{names}。"));
        }
        if skipped > 0 {
            m.push_str(&format!("{skipped} 个值落在合计格或表格之外，已略过。"));
        }
        m
    },

    report_na_style: "标为“本年度无此项”的类别",
    report_na_line: "保留标题，写一行“本年度无此项。”",
    report_na_omit: "在报告中省略",
    export_docx: "Word 文档（签发、盖章用）",
    export_html: "网页（发布到网站用）",
    export_md: "纯文本（交给其他系统用）",
    export_csv: "表格（Excel 可打开）",
    export_hint: "Word 文件按 GB/T 9704 排版（A4，仿宋三号正文），供打印、签字、盖章；网页文件可直接打印，正文可粘贴到网站后台；CSV 带 BOM，Excel 可直接打开。",
    export_failed: |m| format!("导出失败：{m}"),
    report_preview: "报告预览",

    // -- graphic (图解) --
    graphic: graphic::ZH_CN,
    // -- feedback, dialogs and accessibility aids --
    feedback: &FEEDBACK_ZH_CN,
    // -- offline delivery --
    delivery: &delivery::ZH_CN,
    // -- safeguards --
    safeguards: &SAFEGUARDS_ZH_CN,
    browser: &BROWSER_ZH_CN,
    // -- district import, conflicts, published file --
    district: &district::ZH_CN,
    // -- school submissions --
    school: &school::ZH_CN,
    // -- the district page and the workbench's lookup --
    district_page: &district_page::ZH_CN,
    district_review: &district_review::ZH_CN,
    // -- pages in lazily loaded modules --
    module_page: &module_page::ZH_CN,
};

/// The active locale.
pub fn t() -> &'static Texts {
    &ZH_CN
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FieldProblem;

    #[test]
    fn every_load_error_has_a_chinese_message() {
        let errors = [
            LoadError::Empty,
            LoadError::NotJson {
                line: 2,
                column: 3,
                truncated: false,
                detail: String::new(),
            },
            LoadError::NotAnObject,
            LoadError::WrongFormat(String::new()),
            LoadError::WrongFormat("x".into()),
            LoadError::MissingVersion,
            LoadError::TooNew(9),
            LoadError::BadField {
                path: "a.b".into(),
                problem: FieldProblem::Invalid,
            },
            LoadError::YearMismatch { key: 1, year: 2 },
            LoadError::YearOutOfRange(1),
            LoadError::TooLong {
                path: "a".into(),
                bytes: 2_000_000,
            },
            LoadError::UnknownCategory {
                year: 2020,
                key: "x".into(),
            },
            LoadError::DuplicateCategory {
                year: 2020,
                key: "policy".into(),
            },
            LoadError::DuplicateItem {
                year: 2020,
                category: "policy".into(),
                id: "a".into(),
            },
            LoadError::UnknownCell {
                year: 2020,
                key: "t9".into(),
            },
            LoadError::BadSchoolId("school-0".into()),
            LoadError::DuplicateSchoolId("school-1".into()),
        ];
        for e in errors {
            let m = t().load_error(&e);
            assert!(
                m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{m}"
            );
        }
        assert!(t()
            .load_error(&LoadError::NotJson {
                line: 2,
                column: 3,
                truncated: false,
                detail: String::new()
            })
            .contains("第 2 行第 3 列附近格式错误"));
    }

    /// No message about a file's field carries serde's English: every problem is worded here.
    #[test]
    fn field_problems_are_worded_in_chinese() {
        use crate::model::parse_workspace;
        for raw in [
            r#"{"format":"gongkai-workspace","schema_version":4,"reports":{"2020":{"year":2020,"unit_name":42}}}"#,
            r#"{"format":"gongkai-workspace","schema_version":4,"reports":{"2020":{"year":2020,"structure":"x"}}}"#,
            r#"{"format":"gongkai-workspace","schema_version":4,"reports":{"2020":{"unit_name":"a"}}}"#,
            r#"{"format":"gongkai-workspace","schema_version":4,"reports":{"2020":{"year":70000}}}"#,
            r#"{"format":"gongkai-workspace","schema_version":4,"reports":{"2020":{"year":2020,"categories":{}}}}"#,
            r#"{"format":"gongkai-workspace","schema_version":4,"reports":{"x":{"year":2020}}}"#,
            r#"{"format":"gongkai-workspace","schema_version":4,"current_year":true}"#,
        ] {
            let e = parse_workspace(raw).expect_err(raw);
            let m = t().load_error(&e);
            for english in [
                "invalid", "expected", "missing", "unknown", "variant", "type", "found",
            ] {
                assert!(!m.contains(english), "{m}");
            }
            assert!(
                m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{m}"
            );
        }
        let m = t().load_error(&parse_workspace(
            r#"{"format":"gongkai-workspace","schema_version":4,"reports":{"2020":{"year":2020,"unit_name":42}}}"#,
        ).unwrap_err());
        assert_eq!(m, "字段“reports.2020.unit_name”应为文字，文件中是整数。");
    }

    #[test]
    fn cell_rules_use_the_cell_parser_words() {
        use crate::catalog::CellKind;
        use crate::cell::CellError;
        assert_eq!(
            t().rule(Rule::NegativeCount),
            CellError::Negative(CellKind::Count).message()
        );
        assert_eq!(
            t().rule(Rule::NegativeAmount),
            CellError::Negative(CellKind::Amount).message()
        );
        assert_eq!(t().rule(Rule::CellTooLarge), CellError::TooLarge.message());
    }

    #[test]
    fn findings_quote_short_excerpts_and_subtracted_terms() {
        use crate::check::Target;
        let f = Finding {
            severity: Severity::Error,
            rule: Rule::InvalidCell,
            subject: "表".into(),
            lhs: Vec::new(),
            rhs: Vec::new(),
            found: "x".repeat(5_000_000),
            target: Target::Cell("k".into()),
            also: None,
        };
        assert!(t().finding(&f).chars().count() < 100);
        let term = |label: &str, value| Term {
            label: label.into(),
            value,
        };
        let f = Finding {
            severity: Severity::Hint,
            rule: Rule::InForceCount,
            subject: "第二十条第（一）项 · 行政规范性文件".into(),
            lhs: vec![term("现行有效件数", 9)],
            rhs: vec![
                term("2021年 现行有效件数", 10),
                term("本年制发件数", 2),
                term("−本年废止件数", -1),
            ],
            found: String::new(),
            target: Target::Cell("k".into()),
            also: None,
        };
        assert_eq!(
            t().finding(&f),
            "【第二十条第（一）项 · 行政规范性文件】现行有效件数 宜等于上一年度的 现行有效件数 + 本年制发件数 − 本年废止件数（有修订件时可能不同）。现为：现行有效件数 9；而 2021年 现行有效件数 10 + 本年制发件数 2 − 本年废止件数 1 = 11。"
        );
    }
}
