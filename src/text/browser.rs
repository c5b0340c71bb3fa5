//! Strings about the user's browser, zh-CN, as a sub-struct of `text::Texts` (`t().browser`): persistent
//! storage on 数据与备份, WebKit's 7-day limit, the backup reminder after days, in-app browsers.

use crate::browser::InApp;

pub struct BrowserTexts {
    /// 数据与备份: the start of the persistent-storage line.
    pub persist_label: &'static str,
    pub persist_granted: &'static str,
    pub persist_denied: &'static str,
    pub persist_unsupported: &'static str,
    /// Nothing saved yet: the request comes with the first save.
    pub persist_not_asked: &'static str,
    /// Shown in WebKit (Safari, every browser on iPhone and iPad) unless installed to the home screen.
    pub webkit_limit: fn(u32) -> String,
    /// Every page: changes waiting this many days for a backup.
    pub backup_overdue: fn(u32) -> String,
    /// A download in an app's built-in browser, with the page's address.
    pub in_app: fn(InApp, &str) -> String,
}

pub static BROWSER_ZH_CN: BrowserTexts = BrowserTexts {
    persist_label: "持久保存：",
    persist_granted: "浏览器已同意，存储空间不足时也不会自动清除本站数据。",
    persist_denied: "未获浏览器同意，存储空间不足时浏览器可能清除本站数据，请定期导出备份。",
    persist_unsupported:
        "此浏览器不支持持久保存请求，存储空间不足时数据可能被清除，请定期导出备份。",
    persist_not_asked: "尚未保存数据；保存第一份数据时，本工作台会请浏览器持久保存。",
    webkit_limit: |days| {
        format!(
            "Safari 以及 iPhone、iPad 上的浏览器，会在 7 天没有访问本站后删除本站保存的数据（添加到主屏幕后打开的不会）。\
             请定期导出备份：在此浏览器中，修改满 {days} 天未备份就会提醒。"
        )
    },
    backup_overdue: |days| {
        format!("已有 {days} 天的修改没有导出备份。浏览器存储可能被清除，请现在导出备份文件。")
    },
    in_app: |app, address| {
        let name = match app {
            InApp::WeChat => "微信",
            InApp::Qq => "QQ",
        };
        format!(
            "{name}内置浏览器不能下载文件。请在浏览器中打开：点右上角“…”选择“在浏览器中打开”，或复制本页地址到浏览器：{address}"
        )
    },
};
