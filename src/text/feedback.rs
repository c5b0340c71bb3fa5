//! User-facing text (zh-CN) of the workbench's feedback and aids: the page shell (skip link, menu),
//! dialogs (changing the year, restoring defaults), undo, confirmations, structure notes, file pickers,
//! export labels. Reached as `text::t().feedback`.

/// Strings of one locale.
pub struct FeedbackTexts {
    pub skip_link: &'static str,
    pub menu: &'static str,
    pub menu_close: &'static str,

    pub year_hint: &'static str,
    pub year_change: &'static str,
    pub year_pending: &'static str,
    pub year_taken: fn(u16) -> String,
    pub year_dialog_title: &'static str,
    pub year_dialog_body: fn(u16, u16) -> String,
    pub year_dialog_others: &'static str,
    pub year_dialog_alternative: fn(u16, u16) -> String,
    pub year_dialog_confirm: fn(u16) -> String,
    pub year_changed: fn(u16, u16) -> String,
    pub year_added: fn(u16, Option<u16>) -> String,

    pub cancel: &'static str,
    pub undo: &'static str,
    pub undone: &'static str,
    pub item_removed: fn(&str) -> String,
    pub item_remove_label: fn(&str) -> String,
    pub count_removed: fn(&str) -> String,
    pub count_remove_label: fn(&str) -> String,
    pub count_value: &'static str,
    pub work_item_label: fn(usize) -> String,
    pub work_item_removed: fn(usize) -> String,
    pub work_item_remove_label: fn(usize) -> String,

    pub restore_intro: &'static str,
    pub restore_none: &'static str,
    pub restore_confirm: &'static str,
    pub restored: fn(usize) -> String,

    pub statutory_categories: &'static str,
    pub statutory_overview: &'static str,
    pub narrative_printed: &'static str,
    pub narrative_not_printed: fn(&str) -> String,
    pub narrative_statutory_categories: &'static str,

    pub choose_file: &'static str,
    pub no_file: &'static str,

    pub export_docx_small: &'static str,
    pub export_html_small: &'static str,
    pub export_md_small: &'static str,
    pub export_csv_small: &'static str,
    pub exported: fn(&str) -> String,
    pub backup_exported: fn(&str) -> String,
}

/// Simplified Chinese.
pub static FEEDBACK_ZH_CN: FeedbackTexts = FeedbackTexts {
    skip_link: "跳到正文",
    menu: "菜单",
    menu_close: "收起菜单",

    year_hint: "年度是这份报告的身份。改年度会把整份报告移到新的年度，需要确认；要另起一年，请用下方的“新建年度报告”。",
    year_change: "更改年度…",
    year_pending: "年度尚未更改：按回车或点击“更改年度…”确认。",
    year_taken: |y| format!("已有 {y} 年度的报告，不能把本报告改成 {y} 年。要打开它，请在下方“已有年度”中点击 {y}。"),
    year_dialog_title: "更改本报告的年度",
    year_dialog_body: |from, to| format!("本报告的全部内容将从 {from} 年度改为 {to} 年度，年度列表中将不再有 {from} 年。"),
    year_dialog_others: "其他年度的报告不受影响。",
    year_dialog_alternative: |from, to| format!("如果要保留 {from} 年度，另起一份 {to} 年度的报告，请取消，然后使用“新建年度报告”。"),
    year_dialog_confirm: |to| format!("改为 {to} 年度"),
    year_changed: |from, to| format!("本报告已从 {from} 年度改为 {to} 年度。"),
    year_added: |year, from| match from {
        Some(from) => format!("已新建 {year} 年度报告，并从 {from} 年度结转了单位设置、公开事项目录和上年结转数。现在打开的是 {year} 年度。"),
        None => format!("已新建 {year} 年度报告。现在打开的是 {year} 年度。"),
    },

    cancel: "取消",
    undo: "撤销",
    undone: "已撤销。",
    item_removed: |name| format!("已删除事项“{name}”。"),
    item_remove_label: |name| format!("删除事项“{name}”"),
    count_removed: |label| format!("已删除数量“{label}”。"),
    count_remove_label: |label| format!("删除数量“{label}”"),
    count_value: "数量",
    work_item_label: |n| format!("第 {n} 条"),
    work_item_removed: |n| format!("已删除第 {n} 条。"),
    work_item_remove_label: |n| format!("删除第 {n} 条"),

    restore_intro: "勾选要恢复的事项。恢复的事项带目录中的默认内容，放回原来的位置；现有事项不受影响。",
    restore_none: "目录中的默认事项都在本类中，没有可恢复的。",
    restore_confirm: "恢复所选事项",
    restored: |n| format!("已恢复 {n} 个默认事项。"),

    statutory_categories: "当前报告结构为“法定年报”：按国家格式，报告不包含十类公开事项。这里的内容会保留，但不写入报告；要写入，请在“报告设置”中把报告结构改为“领域报告”。",
    statutory_overview: "法定年报不包含十类公开事项：下列内容保留，但不写入报告。",
    narrative_printed: "以下栏目写入报告：",
    narrative_not_printed: |s| format!("不打印：{s}的栏目（内容保留，切换结构后使用）"),
    narrative_statutory_categories: "法定年报不包含十类公开事项和“三、政务公开事项公开情况”。",

    choose_file: "选择文件…",
    no_file: "未选择文件",

    export_docx_small: ".docx · GB/T 9704 公文格式",
    export_html_small: ".html · 可直接打印，正文可粘贴到网站后台",
    export_md_small: ".md · Markdown",
    export_csv_small: ".csv · 法定表格，带 BOM",
    exported: |name| format!("已导出“{name}”，请在浏览器的下载列表中查看。"),
    backup_exported: |name| format!("已导出备份“{name}”。请把它存放在安全的位置。"),
};
