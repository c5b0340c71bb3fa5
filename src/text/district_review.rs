//! Strings of the district page's column mapping, the import's reading of 服务区域 texts, the review of
//! each school's text fragment by fragment, the problems to look at before publishing, and the
//! publishing confirmation (zh-CN). Reached as `text::t().district_review`.

use crate::district::mapping::Role;
use crate::district::review::AreaCounts;
use crate::district::{print_numbers, FragmentState, Rule};

/// Texts of the mapping, review and problems, one value per locale.
pub struct DistrictReviewTexts {
    pub mapping_title: &'static str,
    pub mapping_hint: &'static str,
    pub mapping_ok_hint: &'static str,
    pub mapping_column: fn(usize, &str) -> String,
    pub mapping_sample: &'static str,
    pub mapping_none: &'static str,
    pub mapping_stage: &'static str,
    pub mapping_stage_auto: &'static str,
    pub mapping_read: &'static str,
    pub mapping_change: &'static str,
    pub mapping_no_kind: &'static str,

    pub import_areas: fn(usize, usize, usize, usize) -> String,
    pub import_unread_title: fn(usize) -> String,
    pub import_unread_item: fn(usize, &str, &str) -> String,
    pub import_unread_more: fn(usize) -> String,
    pub import_notes: fn(usize) -> String,

    /// (texts, schools)
    pub review_title: fn(usize, usize) -> String,
    pub review_hint: &'static str,
    pub review_filter: &'static str,
    pub review_filter_all: &'static str,
    pub review_filter_unread: &'static str,
    pub review_filter_possible: &'static str,
    pub review_row: fn(usize) -> String,
    pub review_counts: fn(&AreaCounts) -> String,
    pub review_rules: &'static str,
    pub review_no_rules: &'static str,
    pub review_fixed_mark: &'static str,
    pub review_fix_label: &'static str,
    pub review_fix_hint: &'static str,
    pub review_save: &'static str,
    pub review_close: &'static str,
    pub review_fixed: fn(&str) -> String,
    pub review_empty_fix: &'static str,
    pub review_gone: &'static str,
    pub review_more: &'static str,
    pub review_none: &'static str,

    pub problem_rule: &'static str,
    pub problem_fragment: &'static str,

    pub publish_confirm_title: &'static str,
    pub publish_confirm_body: fn(usize) -> String,
    pub publish_anyway: &'static str,
    pub publish_fix_first: &'static str,

    pub rule_town: fn(&str) -> String,
    pub rule_except: fn(&str) -> String,
    pub rule_part: fn(&str) -> String,
}

impl DistrictReviewTexts {
    /// What a column holds, as the mapping control names it.
    pub fn role(&self, r: Role) -> &'static str {
        match r {
            Role::School => "学校",
            Role::Stage => "学段",
            Role::Area => "服务区域（招生范围）",
            Role::Street => "街道或镇",
            Role::Place => "道路或小区",
            Role::Numbers => "门牌号",
            Role::Primary => "对口小学",
            Role::Middle => "对口初中",
            Role::Note => "备注",
            Role::Address => "学校地址",
            Role::Phone => "电话",
            Role::Warning => "预警等级",
            Role::WarningText => "预警说明",
            Role::Group => "学区或片区",
            Role::Plan => "招生计划",
            Role::Index => "序号",
        }
    }

    /// A rule as one line: place, numbers, and what limits it.
    pub fn rule_line(&self, r: &Rule) -> String {
        let mut s = r.name.clone();
        if !r.town.is_empty() {
            s.push_str(&(self.rule_town)(&r.town));
        }
        if !r.numbers.is_all() {
            s.push(' ');
            s.push_str(&print_numbers(&r.numbers));
        }
        if !r.part.is_empty() {
            s.push('，');
            s.push_str(&(self.rule_part)(&r.part));
        }
        if !r.note.is_empty() {
            s.push('，');
            s.push_str(&(super::district_page::ZH_CN.rule_note)(&r.note));
        }
        s
    }

    /// How a fragment was read.
    pub fn state(&self, s: FragmentState) -> &'static str {
        match s {
            FragmentState::Read => "已读成规则",
            FragmentState::Possible => "只能作“可能属于”",
            FragmentState::Unread => "没有读懂",
            FragmentState::Note => "条件或说明",
        }
    }
}

pub static ZH_CN: DistrictReviewTexts = DistrictReviewTexts {
    mapping_title: "表格各列的含义",
    mapping_hint: "有些列标题没有识别出来。请为每一列选择含义（用不到的列选“不读取”），然后点“按此读取”。",
    mapping_ok_hint: "已按下面的含义读取各列。如有不对，可以更改后点“按此读取”重新读取。",
    mapping_column: |n, heading| {
        if heading.trim().is_empty() {
            format!("第 {n} 列")
        } else {
            format!("第 {n} 列“{heading}”")
        }
    },
    mapping_sample: "例：",
    mapping_none: "不读取",
    mapping_stage: "本表的学段（表中没有学段列时使用）",
    mapping_stage_auto: "按工作表名、文件名或学校名称判断",
    mapping_read: "按此读取",
    mapping_change: "更改各列的含义",
    mapping_no_kind: "还不能读取：需要“学校”和“服务区域”两列（服务区域表），或“道路或小区”一列（划片规则表），或“学校”一列（学校名单）。",

    import_areas: |schools, rules, possible, unread| {
        format!("服务区域：{schools} 所学校的原文读成 {rules} 条规则；{possible} 段只能作“可能属于”（部分路段、四至范围、附近）；{unread} 段没有读懂，原文保留，可在“逐段核对”中改写。")
    },
    import_unread_title: |n| format!("没有读懂的文字（{n} 段，学校的其余文字照常读取）："),
    import_unread_item: |row, school, text| format!("第 {row} 行 {school}：“{text}”"),
    import_unread_more: |n| format!("另有 {n} 段，导入后可在“逐段核对”中查看。"),
    import_notes: |n| format!("表格中的说明行（{n} 行）不作为规则。"),

    review_title: |texts, schools| {
        if texts == schools {
            format!("逐段核对服务区域（{schools} 所学校）")
        } else {
            format!("逐段核对服务区域（{schools} 所学校，{texts} 段原文）")
        }
    },
    review_hint: "每所学校的原文按段标出：已读成规则、只能作“可能属于”、没有读懂，以及条件或说明。点一段可以查看它读成的规则，或改写后重新读取。没有读懂的段，家长查询到相关地名时只会看到“可能属于”。",
    review_filter: "显示",
    review_filter_all: "全部学校",
    review_filter_unread: "有没读懂的段",
    review_filter_possible: "有“可能属于”的段",
    review_row: |row| {
        if row == 0 {
            String::new()
        } else {
            format!("第 {row} 行")
        }
    },
    review_counts: |c| {
        format!(
            "{} 条规则 · {} 段可能 · {} 段未读",
            c.rules, c.possible, c.unread
        )
    },
    review_rules: "读成的规则：",
    review_no_rules: "没有读成规则。",
    review_fixed_mark: "（已改写）",
    review_fix_label: "改写这一段",
    review_fix_hint: "例如：青年路5-9号（单号）、绿园小区",
    review_save: "重新读取",
    review_close: "收起",
    review_fixed: |state| format!("已重新读取：{state}。"),
    review_empty_fix: "请先填写改写后的文字。",
    review_gone: "这一段已不存在（数据已在别处更改），请刷新后再试。",
    review_more: "显示更多学校",
    review_none: "没有符合条件的学校（只有导入“学校,学段,服务区域”一类的表格才有原文可核对）。",

    problem_rule: "查看规则",
    problem_fragment: "去核对",

    publish_confirm_title: "学区数据还有问题没有处理",
    publish_confirm_body: |n| {
        format!("还有 {n} 个问题（见“发布前核对”）。仍然发布吗？家长查到这些地方时，页面会显示“请咨询教育局”或“可能属于”，不会给出学校。")
    },
    publish_anyway: "仍然发布",
    publish_fix_first: "先去处理",

    rule_town: |town| format!("（{town}）"),
    rule_except: |list| format!("不含：{list}"),
    rule_part: |part| format!("只含部分：{part}（家长看到“可能属于”）"),
};
