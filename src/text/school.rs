//! Strings of school submissions (zh-CN) that the workbench itself shows: the item's assignment and the
//! schools' texts on the category page, the school mode's header, and the submission export the
//! storage banner offers in school mode. The pages `#/schools` and `#/school` run in a module and have
//! their own strings (`text::school_page`), so that the workbench's first load does not carry them.

use crate::model::Placement;

/// School strings of one locale.
pub struct SchoolTexts {
    pub item_assigned: &'static str,
    pub item_instructions: &'static str,
    pub item_counts: &'static str,
    pub item_count_add: &'static str,
    pub item_count_remove: fn(&str) -> String,
    pub item_count_label_default: &'static str,
    pub item_contributions: fn(usize) -> String,
    pub item_placement: &'static str,
    pub item_summary: &'static str,
    pub item_file_time: fn(&str) -> String,
    pub item_nothing: &'static str,
    pub mode_subtitle: &'static str,
    pub pick_first: &'static str,
    pub export: &'static str,
    pub exported: fn(&str) -> String,
}

/// Simplified Chinese.
pub static ZH_CN: SchoolTexts = SchoolTexts {
    item_assigned: "由学校填报",
    item_instructions: "给学校的填报说明",
    item_counts: "请学校填写的数量",
    item_count_add: "添加数量",
    item_count_remove: |l| format!("删除数量“{l}”"),
    item_count_label_default: "次数",
    item_contributions: |n| format!("学校填报（{n} 所）"),
    item_placement: "写入报告的方式",
    item_summary: "教育局的汇总段落",
    item_file_time: |t| format!("文件时间 {t}"),
    item_nothing: "（未填写）",
    mode_subtitle: "学校填报",
    pick_first: "请先在上面选择本校，再导出提交文件。",
    export: "导出提交文件",
    exported: |name| format!("已导出 {name}，请发给教育局。"),
};

impl SchoolTexts {
    pub fn placement(&self, p: Placement) -> &'static str {
        match p {
            Placement::PerSchool => "按学校逐段写入",
            Placement::Summary => "写入教育局的汇总段落",
            Placement::Counts => "数量合计（附各校数量表）",
            Placement::Omit => "不写入报告",
        }
    }
}
