//! The words of 图解 (the graphic, its page, the overview's trends and the report page's option), in
//! zh-CN. Labels of figures are not here: they come from the catalogue.

/// Strings of the graphic and its pages.
pub struct GraphicTexts {
    // -- in the graphic --
    /// The tag in the graphic's header.
    pub tag: &'static str,
    /// The line under the title: unit and year.
    pub subtitle: fn(&str, u16) -> String,
    pub trends_title: &'static str,
    pub footer: &'static str,
    pub published: &'static str,
    pub partial: &'static str,
    pub not_published: &'static str,
    pub not_applicable: &'static str,
    pub unset: &'static str,
    pub category_filled: &'static str,
    pub category_empty: &'static str,
    /// The accessible name of a small chart across years: label, then “2020年 3” per year.
    pub trend_summary: fn(&str, &[(u16, String)]) -> String,
    /// The accessible name of a jump mark: year, last year's value, this year's value.
    pub jump: fn(u16, i64, i64) -> String,
    /// The suffix of exported file names (`…年度报告-图解.svg`).
    pub file_suffix: &'static str,

    // -- the page, the overview, the report option --
    pub nav: &'static str,
    pub page_hint: &'static str,
    pub layout: &'static str,
    pub portrait: &'static str,
    pub landscape: &'static str,
    pub view_label: &'static str,
    pub export_svg: &'static str,
    pub export_png: &'static str,
    pub png_busy: &'static str,
    pub png_failed: &'static str,
    pub report_option: &'static str,
    pub overview_trends: &'static str,
    pub overview_trends_hint: &'static str,
    pub overview_one_year: &'static str,
}

pub const ZH_CN: GraphicTexts = GraphicTexts {
    tag: "图解",
    subtitle: |unit, year| {
        if unit.trim().is_empty() {
            format!("{year}年度")
        } else {
            format!("{} · {year}年度", unit.trim())
        }
    },
    trends_title: "历年对比",
    footer: "数字均取自本报告的法定表格和公开事项，与报告正文一致。由政务公开年报工作台生成。",
    published: "已公开",
    partial: "部分公开",
    not_published: "未公开",
    not_applicable: "本年度无此项",
    unset: "未标注状态",
    category_filled: "已填写",
    category_empty: "未填写",
    trend_summary: |label, points| {
        let values: Vec<String> = points
            .iter()
            .map(|(year, value)| format!("{year}年 {value}"))
            .collect();
        format!("{label}：{}", values.join("，"))
    },
    jump: |year, from, to| format!("{year}年较上年变化较大（{from} → {to}），打开该年度表格中的这一格"),
    file_suffix: "图解",

    nav: "图解",
    page_hint: "根据本报告的数字自动生成的一图读懂，随填写内容即时更新。竖版适合手机转发，横版适合放在网页上；PNG 图片按 2 倍清晰度导出。",
    layout: "版式",
    portrait: "竖版（手机）",
    landscape: "横版（网页）",
    view_label: "图解预览",
    export_svg: "导出 SVG 图片",
    export_png: "导出 PNG 图片（2 倍清晰度）",
    png_busy: "正在生成 PNG 图片…",
    png_failed: "PNG 图片生成失败，请改用 SVG 图片或换用新版浏览器。",
    report_option: "在网页（.html）导出的标题后插入图解",
    overview_trends: "历年关键数字",
    overview_trends_hint: "每个关键数字在各年度的数值。比上一年变化超过一半（且至少相差 5）的年份标有三角形，点击打开该年度表格中的这一格。",
    overview_one_year: "工作区中有两个以上年度的报告时，这里显示各关键数字的历年变化。",
};
