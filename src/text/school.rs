//! Strings of school submissions (zh-CN) that the workbench itself shows: the note on an item of the
//! category page, the school mode's header, and what the storage banner says in school mode. The
//! pages `#/schools` and `#/school` run in a module and have their own strings
//! (`text::school_page`), so that the workbench's first load does not carry them.

/// School strings of one locale.
pub struct SchoolTexts {
    /// On the category page: whether schools fill the item, and how many schools sent it.
    pub item_note: fn(bool, usize) -> String,
    pub item_note_link: &'static str,
    pub mode_subtitle: &'static str,
    /// In school mode, when the draft cannot be saved: the safe copy is the submission file.
    pub storage_hint: &'static str,
}

/// Simplified Chinese.
pub static ZH_CN: SchoolTexts = SchoolTexts {
    item_note: |assigned, sent| match (assigned, sent) {
        (true, 0) => "本事项由学校填报，还没有学校提交。".into(),
        (true, n) => format!("本事项由学校填报，已合并 {n} 所学校的内容。"),
        (false, n) => format!("已合并 {n} 所学校的内容（本事项现在不由学校填报）。"),
    },
    item_note_link: "在“学校报送”页面设置",
    mode_subtitle: "本校填报",
    storage_hint: "请立即用本页下方的“导出提交文件”导出本校的提交文件：它就是本校内容的安全副本，也是要交给教育局的文件。",
};
