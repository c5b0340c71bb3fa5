//! Strings of offline delivery (zh-CN): the notice of the single HTML file opened from disk, and the
//! Word export's module loading. The messages shown when the wasm itself cannot run live in
//! `delivery/boot.js`, since no Rust runs then.

/// Texts of offline delivery, one value per locale.
pub struct DeliveryTexts {
    pub file_notice_title: &'static str,
    pub file_notice_body: &'static str,
    pub file_notice_backup: &'static str,
    pub file_notice_dismiss: &'static str,
    pub export_docx_busy: &'static str,
    pub module_load_failed: fn(&str) -> String,
}

pub static ZH_CN: DeliveryTexts = DeliveryTexts {
    file_notice_title: "您正在使用单文件版（从本机文件打开）",
    file_notice_body: "浏览器把数据存在这个文件的位置下：移动、改名或复制这个文件，或换一台电脑、换一个浏览器打开，原来保存的数据就看不到了。请经常在“数据与备份”导出备份文件——备份文件才是可靠的副本，在任何位置打开的工作台都能导入它。",
    file_notice_backup: "现在导出备份",
    file_notice_dismiss: "知道了",
    export_docx_busy: "正在生成 Word…",
    module_load_failed: |m| {
        format!("Word 导出组件未能加载（{m}）。请刷新页面后重试；如果是单文件版，请确认文件完整。")
    },
};
