//! The words of a workbench page that runs in a lazily loaded wasm module (docs/delivery.md): while
//! it loads, when it cannot load, and when its data cannot cross.

/// Strings of the module page host (`ui::module_host`) and of the page side (`ui::module_page`).
pub struct ModulePageTexts {
    /// While the page's module loads.
    pub loading: &'static str,
    /// The module could not load or start: the technical reason.
    pub failed: fn(&str) -> String,
    /// The module loaded but refused to open the page (its data could not be read, or it failed):
    /// the reason.
    pub page_failed: fn(&str) -> String,
    /// The button that tries again.
    pub retry: &'static str,
    /// An edit from the page could not be read or written; nothing was changed.
    pub bad_edit: &'static str,
    /// The built-in example (in the `graphic-page` module) could not be loaded: the technical reason.
    pub example_failed: fn(&str) -> String,
}

pub const ZH_CN: ModulePageTexts = ModulePageTexts {
    loading: "正在载入本页组件…",
    failed: |m| {
        format!(
            "本页组件未能加载，暂时不能在这里使用本页（已保存的数据不受影响）。请检查网络或刷新页面后重试；如果使用单文件版，请先把文件保存到本机再打开。技术信息：{m}"
        )
    },
    page_failed: |m| format!("本页未能打开（已保存的数据不受影响）。原因：{m}"),
    retry: "重新载入",
    bad_edit:
        "本页的修改未能保存：页面组件送回的数据无法读取。请刷新页面后重试，已保存的数据不受影响。",
    example_failed: |m| {
        format!("内置示例未能载入，现有数据没有改变。请检查网络或刷新页面后重试。技术信息：{m}")
    },
};
