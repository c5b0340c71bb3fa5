//! Strings of the school pages (zh-CN), which run in the `schools-page` module: the bureau's
//! `#/schools` (school list, filling pack, merge preview, dashboard) and the school's own mode
//! `#/school`; and the Chinese reasons for every file error and refusal. Reached through
//! [`school_page`], not through `Texts`, so that only the module links them (the workbench's own
//! school strings are `text::school`).

use crate::excerpt::excerpt;
use crate::model::{Placement, Stage};
use crate::school::{ChangeKind, FileError, PackProblem, Refusal, Status, Verdict};
use crate::text::json_file;

/// The school pages' strings of the active locale.
pub fn school_page() -> &'static SchoolPageTexts {
    &ZH_CN
}

/// School page strings of one locale.
pub struct SchoolPageTexts {
    pub pick_first: &'static str,
    pub export: &'static str,
    pub exported: fn(&str) -> String,
    // -- the items schools fill (#/schools) --
    pub items_title: &'static str,
    pub items_hint: &'static str,
    pub items_assigned: fn(usize) -> String,
    pub item_assigned: &'static str,
    pub item_instructions: &'static str,
    pub item_counts: &'static str,
    pub item_count_add: &'static str,
    pub item_count_remove: fn(&str) -> String,
    pub item_count_name: &'static str,
    pub item_count_unit: &'static str,
    pub item_count_name_example: &'static str,
    pub item_count_unit_example: &'static str,
    pub item_contributions: fn(usize) -> String,
    pub item_placement: &'static str,
    pub item_summary: &'static str,
    pub item_file_time: fn(&str) -> String,
    pub item_nothing: &'static str,
    // -- #/schools --
    pub title: &'static str,
    pub intro: &'static str,
    pub list_title: &'static str,
    pub list_hint: &'static str,
    pub list_empty: &'static str,
    pub school_name: &'static str,
    pub school_stage: &'static str,
    pub school_address: &'static str,
    pub school_phone: &'static str,
    pub school_add: &'static str,
    pub school_new_name: &'static str,
    pub school_remove_label: fn(&str) -> String,
    pub assigned_title: &'static str,
    pub assigned_hint: &'static str,
    pub assigned_none: &'static str,
    pub pack_title: &'static str,
    pub pack_hint: &'static str,
    pub pack_export: &'static str,
    pub import_title: &'static str,
    pub import_hint: &'static str,
    pub import_label: &'static str,
    pub drop_here: &'static str,
    pub reading: fn(usize) -> String,
    pub preview_title: &'static str,
    pub preview_counts: fn(usize, usize, usize, usize) -> String,
    pub preview_school: fn(&str, u16, usize) -> String,
    pub preview_changes: &'static str,
    pub confirm_older: &'static str,
    pub apply: &'static str,
    pub cancel: &'static str,
    pub nothing_to_apply: &'static str,
    pub applied: fn(usize, usize) -> String,
    pub dashboard_title: &'static str,
    pub schools_unit: &'static str,
    pub col_school: &'static str,
    pub col_status: &'static str,
    pub col_time: &'static str,
    pub col_filled: &'static str,
    pub filled_of: fn(usize, usize) -> String,
    pub per_item_title: &'static str,
    pub item_filled: fn(&str, usize, usize) -> String,
    pub missing_export: &'static str,
    pub missing_header: [&'static str; 6],
    pub missing_file: fn(&str, u16) -> String,
    pub no_schools_missing: &'static str,
    pub counts_help: &'static str,
    pub count_submitted_help: &'static str,
    pub count_not_yet_help: &'static str,
    pub count_outdated_help: &'static str,
    pub kept_from_removed: fn(&str) -> String,
    pub remove_title: fn(&str) -> String,
    pub remove_body: fn(usize) -> String,
    pub remove_rules: fn(usize) -> String,
    pub remove_confirm: &'static str,
    pub remove_keep: &'static str,
    pub remove_drop: &'static str,
    pub removed_kept: fn(&str) -> String,
    pub removed_dropped: fn(&str) -> String,
    pub restore: &'static str,
    pub restored: fn(&str) -> String,
    pub restore_blocked: &'static str,
    pub how_to_open: &'static str,
    pub pack_how_to_open: fn(&str) -> String,
    pub preview_prose: &'static str,
    pub preview_empty: &'static str,
    pub preview_prose_none: &'static str,
    pub preview_placement: fn(Placement) -> &'static str,
    // -- #/school --
    pub mode_title: &'static str,
    pub mode_intro: &'static str,
    pub mode_file_note: &'static str,
    pub pack_import: &'static str,
    pub pack_import_hint: &'static str,
    pub pack_replace: &'static str,
    pub pack_loaded: &'static str,
    pub pack_replaced: fn(usize) -> String,
    pub pack_error: fn(&str, &str) -> String,
    pub pick_school: &'static str,
    pub pick_placeholder: &'static str,
    pub pack_line: fn(&str, u16, &str) -> String,
    pub progress: fn(usize, usize) -> String,
    pub instructions: &'static str,
    pub answer_text: &'static str,
    pub answer_counts: &'static str,
    pub date_remove: fn(usize) -> String,
    pub answer_channels: &'static str,
    pub export_hint: &'static str,
    pub summary_title: &'static str,
    pub summary_filled: fn(usize, usize) -> String,
    pub summary_empty: &'static str,
    pub summary_all_filled: &'static str,
    pub export_anyway: &'static str,
    pub export_now: &'static str,
    pub back_to_filling: &'static str,
    pub dates_of: fn(&str) -> String,
    pub date_add_of: fn(&str) -> String,
    pub to_bureau: &'static str,
    pub to_school_mode: &'static str,
    // -- #/school: a stored draft that does not read --
    pub draft_download: &'static str,
    pub draft_download_file: &'static str,
    pub draft_downloaded: fn(&str) -> String,
    pub draft_restart: &'static str,
    pub draft_restart_first: &'static str,
    pub draft_restart_ready: &'static str,
    pub draft_restart_title: &'static str,
    pub draft_restart_body: &'static str,
    pub draft_restart_confirm: &'static str,
    pub draft_restarted: &'static str,
}

/// Simplified Chinese.
pub static ZH_CN: SchoolPageTexts = SchoolPageTexts {
    pick_first: "请先在上面选择本校，再导出提交文件。",
    export: "导出提交文件",
    exported: |name| format!("已导出 {name}，请发给教育局。"),
    items_title: "由学校填报的事项",
    items_hint: "勾选“由学校填报”的事项会进入填报包；可写下给学校的填报说明和要学校填写的数量。合并学校的文件后，这里列出各校的内容，并可选择写入报告的方式。",
    items_assigned: |n| if n == 0 { String::new() } else { format!("（{n} 项由学校填报）") },
    item_assigned: "由学校填报",
    item_instructions: "给学校的填报说明",
    item_counts: "请学校填写的数量",
    item_count_add: "添加数量",
    item_count_remove: |l| format!("删除数量“{l}”"),
    item_count_name: "名称",
    item_count_unit: "单位",
    item_count_name_example: "如：举办学校开放日",
    item_count_unit_example: "如：次",
    item_contributions: |n| format!("学校报送（{n} 所）"),
    item_placement: "写入报告的方式",
    item_summary: "教育局的汇总段落",
    item_file_time: |t| format!("文件时间 {t}"),
    item_nothing: "（未填写）",
    title: "学校报送",
    intro: "学校填写本校负责的公开事项：教育局下载“填报包”发给各校，学校在本工作台的“本校填报”页面离线填写并导出提交文件，教育局在这里一次导入多所学校的文件，预览后合并到本年度报告。",
    list_title: "学校名单",
    list_hint: "与学区数据共用同一份名单：每所学校只录入一次。",
    list_empty: "还没有学校。请添加，或在学区数据中导入学校名单。",
    school_name: "学校名称",
    school_stage: "学段",
    school_address: "地址",
    school_phone: "电话",
    school_add: "添加学校",
    school_new_name: "新学校",
    school_remove_label: |n| format!("删除学校“{n}”"),
    assigned_title: "由学校填报的事项",
    assigned_hint: "在本页“由学校填报的事项”中勾选事项，并写下给学校的填报说明。",
    assigned_none: "本年度还没有由学校填报的事项。",
    pack_title: "下载填报包",
    pack_hint: "填报包含单位、年度、学校名单、由学校填报的事项及说明，文件很小，可通过邮件或U盘发给各校；文件里写有学校的打开方法。",
    pack_export: "下载填报包",
    import_title: "导入学校提交的文件",
    import_hint: "可一次选择多个 .gongkai-submission.json 文件，也可以把文件拖到下面的框里。合并前会先显示预览。",
    import_label: "选择学校提交的文件",
    drop_here: "把学校提交的文件拖到这里",
    reading: |n| format!("正在读取 {n} 个文件…"),
    preview_title: "导入预览",
    preview_counts: |apply, same, older, refused| {
        format!("将合并 {apply} 个文件；{same} 个无变化；{older} 个较旧（需确认）；{refused} 个被拒绝。")
    },
    preview_school: |school, year, items| format!("{school} · {year}年度 · {items} 项"),
    preview_changes: "改动：",
    confirm_older: "仍然用这个较旧的文件替换",
    apply: "确认合并",
    cancel: "取消",
    nothing_to_apply: "没有需要合并的文件。",
    applied: |added, replaced| format!("已合并：新增 {added} 所学校，更新 {replaced} 所学校。"),
    dashboard_title: "提交情况",
    schools_unit: "所",
    col_school: "学校",
    col_status: "状态",
    col_time: "最近文件时间",
    col_filled: "已填事项",
    filled_of: |n, m| format!("{n}/{m} 项"),
    per_item_title: "各事项填报情况",
    item_filled: |item, n, m| format!("{item}：{n}/{m} 所学校已填"),
    missing_export: "导出未提交学校名单（CSV）",
    missing_header: ["学校", "学段", "地址", "电话", "状态", "最近文件时间"],
    missing_file: |unit, year| format!("{unit}-{year}-未提交学校.csv"),
    no_schools_missing: "所有学校都已提交。",
    counts_help: "已提交：文件已合并，且包含现在分配给学校的全部事项。未提交：还没有合并过该校的文件。需更新：合并该校文件之后，教育局又给学校增加了填报事项，该校需要重新填报并提交。",
    count_submitted_help: "文件已合并，且包含现在分配给学校的全部事项",
    count_not_yet_help: "还没有合并过该校的文件",
    count_outdated_help: "合并该校文件之后又增加了填报事项，需要该校重新提交",
    kept_from_removed: |names| format!("已删除学校的内容仍在报告中：{names}"),
    remove_title: |name| format!("删除学校“{name}”？"),
    remove_body: |n| format!("该校的提交文件已合并到本年度报告（{n} 项有内容）。删除学校后，这些内容如何处理？"),
    remove_rules: |n| format!("学区数据中有 {n} 条规则对口该校。删除后这些规则仍在，但对口的学校不在学校名单中，家长将看不到它的地址、电话和招生预警；发布学区数据前的核对会列出它们。"),
    remove_confirm: "删除学校",
    remove_keep: "删除学校，内容以原校名保留在报告中",
    remove_drop: "删除学校，并从报告中移除其内容",
    removed_kept: |name| format!("已删除学校“{name}”，其内容以原校名保留在报告中。"),
    removed_dropped: |name| format!("已删除学校“{name}”。"),
    restore: "撤销",
    restored: |name| format!("已恢复学校“{name}”。"),
    restore_blocked: "无法撤销：名单中已有同一编号的学校。",
    how_to_open: "学校怎样打开填报页面：用浏览器打开本工作台的网址，在菜单中选“本校填报”（或直接打开网址末尾加 #/school 的地址）；没有网址时，把单文件 gongkai.html 和填报包一起发给学校，学校双击打开 gongkai.html，选“本校填报”，再导入填报包。",
    pack_how_to_open: |address| {
        if address.is_empty() {
            "学校打开方法：双击教育局发来的单文件 gongkai.html，在菜单中选“本校填报”，然后点“导入填报包”，选择本文件。".to_string()
        } else {
            format!("学校打开方法：用浏览器打开 {address}（或双击教育局发来的单文件 gongkai.html，在菜单中选“本校填报”），然后点“导入填报包”，选择本文件。")
        }
    },
    preview_prose: "将写入报告：",
    preview_empty: "该校未填写：",
    preview_prose_none: "（没有写入报告的内容）",
    preview_placement: |p| match p {
        Placement::PerSchool => "",
        Placement::Summary => "（本事项使用教育局的汇总段落，学校内容不逐校写入）",
        Placement::Counts => "（本事项把各校数量相加后写入合计）",
        Placement::Omit => "（本事项不写入报告）",
    },
    mode_title: "学校报送",
    mode_intro: "请导入教育局发来的填报包（.gongkai-pack.json），选择本校，填写分配给学校的事项，然后导出提交文件发回教育局。填写的内容自动保存在本机浏览器中。",
    mode_file_note: "您正从本机文件打开：填写内容保存在这个文件位置下的浏览器存储中，移动或改名文件后会看不到。请及时导出提交文件，它才是可靠的副本。",
    pack_import: "导入填报包",
    pack_import_hint: "选择教育局发来的 .gongkai-pack.json 文件。",
    pack_replace: "导入新的填报包",
    pack_loaded: "已导入填报包。请选择本校。",
    pack_replaced: |dropped| {
        if dropped == 0 {
            "已导入新的填报包，已填写的内容都保留了。".to_string()
        } else {
            format!("已导入新的填报包；新包中没有的 {dropped} 项已填写内容未保留。")
        }
    },
    pack_error: |file, why| format!("无法导入“{file}”：{why}"),
    pick_school: "本校",
    pick_placeholder: "请选择本校",
    pack_line: |unit, year, school| {
        if school.is_empty() {
            format!("{unit} · {year}年度")
        } else {
            format!("{unit} · {year}年度 · {school}")
        }
    },
    progress: |n, m| format!("已填写 {n}/{m} 项"),
    instructions: "教育局的说明：",
    answer_text: "本校情况",
    answer_counts: "数量",
    date_remove: |n| format!("删除日期 {n}"),
    answer_channels: "本年度使用的公开渠道",
    export_hint: "导出的文件名为“学校名称-年度.gongkai-submission.json”，请把它发回教育局。之后修改了内容，请重新导出并发送。",
    summary_title: "导出前请核对",
    summary_filled: |n, m| format!("已填写 {n}/{m} 项："),
    summary_empty: "未填写：",
    summary_all_filled: "所有事项都已填写。",
    export_anyway: "仍然导出",
    export_now: "导出",
    back_to_filling: "返回填写",
    dates_of: |verb| format!("{verb}日期"),
    date_add_of: |verb| format!("添加{verb}日期"),
    to_bureau: "教育局用户：进入工作台",
    to_school_mode: "学校：进入本校填报",
    draft_download: "下载无法读取的内容",
    draft_download_file: "无法读取的学校填报内容.json",
    draft_downloaded: |name| format!("已下载 {name}，请妥善保存。"),
    draft_restart: "重新开始",
    draft_restart_first: "请先下载无法读取的内容并保存好（可交给技术人员查看），然后才能重新开始。",
    draft_restart_ready: "已下载。点“重新开始”将删除本机保存的这份内容，之后可以重新导入填报包。",
    draft_restart_title: "删除无法读取的内容并重新开始？",
    draft_restart_body: "本机保存的、无法读取的学校填报内容将被删除，您已下载的文件不受影响。删除后请重新导入教育局发来的填报包，再填写本校内容。",
    draft_restart_confirm: "删除并重新开始",
    draft_restarted: "已删除无法读取的内容，请重新导入填报包。",
};

impl SchoolPageTexts {
    pub fn placement(&self, p: Placement) -> &'static str {
        match p {
            Placement::PerSchool => "按学校逐段写入",
            Placement::Summary => "写入教育局的汇总段落",
            Placement::Counts => "数量合计（附各校数量表）",
            Placement::Omit => "不写入报告",
        }
    }

    pub fn stage(&self, s: Stage) -> &'static str {
        crate::text::t().district.stage(s)
    }

    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Submitted => "已提交",
            Status::NotYet => "未提交",
            Status::Outdated => "需更新",
        }
    }

    pub fn change(&self, k: ChangeKind) -> &'static str {
        match k {
            ChangeKind::Added => "新增",
            ChangeKind::Changed => "修改",
            ChangeKind::Removed => "删除",
            ChangeKind::Unchanged => "不变",
            ChangeKind::Empty => "未填",
        }
    }

    pub fn pack_problem(&self, p: PackProblem) -> &'static str {
        match p {
            PackProblem::NoReport => "还没有打开的报告。",
            PackProblem::NoUnit => "请先在“报告设置”中填写单位名称：学校的提交文件要写明单位。",
            PackProblem::NoSchools => "学校名单是空的：请先添加学校。",
            PackProblem::NoItems => "还没有由学校填报的事项：请在本页“由学校填报的事项”中勾选。",
        }
    }

    /// Why a pack or submission file cannot be read. What it quotes of the file is a short excerpt.
    pub fn file_error(&self, e: &FileError) -> String {
        let shared = json_file();
        match e {
            FileError::Empty => shared.empty.into(),
            FileError::NotJson {
                line,
                column,
                truncated,
            } => (shared.not_json)(*line, *column, *truncated),
            FileError::NotAnObject => shared.not_an_object.into(),
            FileError::WrongFormat { expected, found } => {
                let what = |f: &str| match f {
                    "gongkai-pack" => "填报包（.gongkai-pack.json）",
                    "gongkai-submission" => "学校提交的文件（.gongkai-submission.json）",
                    "gongkai-workspace" => "工作台备份文件（.gongkai.json）",
                    _ => "",
                };
                match (what(found), found.is_empty()) {
                    (_, true) => format!("文件缺少 format 字段，不是{}。", what(expected)),
                    ("", false) => format!(
                        "文件的 format 为“{}”，不是{}。",
                        excerpt(found),
                        what(expected)
                    ),
                    (is, false) => format!("这是{is}，不是{}。", what(expected)),
                }
            }
            FileError::MissingVersion => shared.missing_version.into(),
            FileError::TooNew(v) => (shared.too_new)(*v),
            FileError::BadField(path) if path.is_empty() || path == "." => {
                "文件内容的结构不对：不是本工作台写出的文件。".into()
            }
            FileError::BadField(path) => format!("字段“{path}”缺失或内容类型不对。"),
            FileError::BadYear(y) => format!("年度 {y} 不在 2000—2100 之间。"),
            FileError::BadTime(t) => format!("文件时间“{}”不是有效的时间。", excerpt(t)),
            FileError::BadDate(d) => {
                format!("日期“{}”无效（应为 年-月-日，如 2020-05-01）。", excerpt(d))
            }
            FileError::CountTooLarge => "有数量过大。".into(),
            FileError::Duplicate(what) => format!("“{}”出现了两次。", excerpt(what)),
            FileError::NoSchool => "文件没有写明学校。".into(),
            FileError::NoItems => "填报包中没有需要填写的事项。".into(),
            FileError::WrongHash => {
                "文件内容与其校验码不符：文件在导出后被改动或已损坏。请学校重新导出。".into()
            }
        }
    }

    /// Why the school's draft stored in this browser cannot be opened (it stays as it is).
    pub fn draft_unreadable(&self, e: &FileError) -> String {
        format!(
            "本机保存的学校填报内容无法读取：{}保存的内容原样保留，没有被改动。",
            self.file_error(e)
        )
    }

    /// Why the bureau refuses a submission. Unit and school names are quoted as short excerpts.
    pub fn refusal(&self, r: &Refusal) -> String {
        match r {
            Refusal::Unreadable(e) => self.file_error(e),
            Refusal::NoReport => self.pack_problem(PackProblem::NoReport).into(),
            Refusal::OtherYear { file, report } => {
                format!("这是 {file} 年度的文件，当前报告是 {report} 年度。")
            }
            Refusal::OtherUnit { file, report } => format!(
                "这是“{}”的文件，当前报告的单位是“{}”。",
                excerpt(file),
                excerpt(report)
            ),
            Refusal::UnknownSchool { name, .. } => format!(
                "学校“{}”不在学校名单中（可能是别的单位的填报包）。",
                excerpt(name)
            ),
        }
    }

    /// What a file of the preview does.
    pub fn verdict(&self, v: &Verdict, time: &dyn Fn(&str) -> String) -> String {
        match v {
            Verdict::Refused(r) => format!("已拒绝：{}", self.refusal(r)),
            Verdict::New => "新提交：将合并。".into(),
            Verdict::Replaces { previous } => {
                format!("较新：将替换本校 {} 的文件。", time(previous))
            }
            Verdict::Same => "与已合并的内容相同：无变化。".into(),
            Verdict::Superseded { by } => {
                format!(
                    "本批中第 {} 个文件来自同一学校且较新：不使用此文件。",
                    by + 1
                )
            }
            Verdict::Older { current } => format!(
                "较旧：本校已合并的文件时间为 {}，不会覆盖，除非您确认。",
                time(current)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::school::{make_pack, read_pack, read_submission, synth, write_pack};

    /// serde_json's and serde's English, which must never reach a school or the bureau.
    fn english(m: &str) -> Option<&'static str> {
        let lower = m.to_lowercase();
        [
            "expected", "line", "column", "missing", "invalid", "unknown", "eof", "trailing",
            " at ", "type:", "error",
        ]
        .into_iter()
        .find(|w| lower.contains(w))
    }

    fn is_chinese(m: &str) -> bool {
        m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn a_broken_json_file_says_where_in_chinese() {
        let ts = school_page();
        let syntax = read_pack("{\n  \"format\": \"gongkai-pack\",\n  \"year\": x\n}").unwrap_err();
        assert_eq!(
            ts.file_error(&syntax),
            "文件不是有效的 JSON 数据：第 3 行第 11 列附近格式错误，文件可能已损坏或被改动。"
        );
        let cut =
            read_submission("{\"format\": \"gongkai-submission\", \"school\": {").unwrap_err();
        assert_eq!(
            ts.file_error(&cut),
            "文件不是有效的 JSON 数据：内容在第 1 行第 44 列处意外结束，文件可能被截断或没有下载完整。"
        );
        assert_eq!(
            (ts.pack_error)("包.json", &ts.file_error(&cut)),
            format!("无法导入“包.json”：{}", ts.file_error(&cut))
        );
    }

    /// Issue 22: a message about a file quotes at most a short excerpt of what the file holds. With a
    /// 6,000-character value (format as a text or another value, time, date, a name twice, the unit,
    /// the school's name) the message stays short and still shows the value's start.
    #[test]
    fn refusals_quote_a_short_excerpt_of_a_long_input() {
        use crate::district::synth::Rng;
        use crate::school::{content_hash, preview, write_submission, Incoming, Submission};
        let ts = school_page();
        let long = format!("起始{}", "长".repeat(5_998));
        let ws = synth::workspace(2);
        let base = synth::submission(&ws, 0, 10, &mut Rng::new(7));
        let file = |f: &dyn Fn(&mut Submission)| {
            let mut s = base.clone();
            f(&mut s);
            s.hash = content_hash(&s.items);
            write_submission(&s)
        };
        let unreadable = [
            format!(r#"{{"format":"{long}","schema_version":1}}"#),
            format!(r#"{{"format":{{"{long}":1}},"schema_version":1}}"#),
            format!(r#"{{"format":["{long}"]}}"#),
            file(&|s| s.created_at = long.clone()),
            file(&|s| s.items[0].dates = vec![long.clone()]),
            file(&|s| {
                s.items[0].name = long.clone();
                let again = s.items[0].clone();
                s.items.push(again);
            }),
        ];
        let mut messages = Vec::new();
        for raw in &unreadable {
            let e = read_submission(raw).unwrap_err();
            assert!(
                matches!(
                    e,
                    FileError::WrongFormat { .. }
                        | FileError::BadTime(_)
                        | FileError::BadDate(_)
                        | FileError::Duplicate(_)
                ),
                "{e:?}"
            );
            messages.push(ts.file_error(&e));
        }
        let mut pack: serde_json::Value = serde_json::from_str(&write_pack(
            &make_pack(&ws, "2024-12-01T00:00:00Z").unwrap(),
        ))
        .unwrap();
        pack["schools"][1]["id"] = pack["schools"][0]["id"].clone();
        pack["schools"][1]["name"] = long.clone().into();
        let e = read_pack(&pack.to_string()).unwrap_err();
        assert!(matches!(e, FileError::Duplicate(_)), "{e:?}");
        messages.push(ts.file_error(&e));
        let refused = |ws: &crate::model::Workspace, text: String| {
            let files = [Incoming {
                name: "x.gongkai-submission.json".into(),
                text,
            }];
            match preview(ws.current(), &ws.schools, &files)
                .files
                .remove(0)
                .verdict
            {
                Verdict::Refused(
                    r @ (Refusal::OtherUnit { .. } | Refusal::UnknownSchool { .. }),
                ) => ts.refusal(&r),
                other => panic!("{other:?}"),
            }
        };
        messages.push(refused(&ws, file(&|s| s.unit = long.clone())));
        let mut other_unit = ws.clone();
        other_unit.current_mut().unwrap().unit_name = long.clone();
        messages.push(refused(&other_unit, write_submission(&base)));
        messages.push(refused(
            &ws,
            file(&|s| {
                s.school.id = "school-99".into();
                s.school.name = long.clone();
            }),
        ));
        assert_eq!(messages.len(), 10);
        for m in messages {
            let n = m.chars().count();
            assert!(n < 200, "{n} characters: {}", excerpt(&m));
            assert!(m.contains("起始长长长"), "{m}");
        }
    }

    /// Every way a school's or the bureau's file can be refused is worded in Chinese, without serde's
    /// English (“expected value at line 1 column 1” and the like).
    #[test]
    fn every_refused_file_is_worded_in_chinese_without_serde_english() {
        let ts = school_page();
        let ws = synth::workspace(2);
        let pack = write_pack(&make_pack(&ws, "2024-12-01T00:00:00Z").unwrap());
        let with = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v: serde_json::Value = serde_json::from_str(&pack).unwrap();
            f(&mut v);
            v.to_string()
        };
        let broken_pack = [
            String::new(),
            "not json".into(),
            "\u{feff}".into(),
            "[1, 2]".into(),
            "{\"format\": 3}".into(),
            pack[..pack.len() / 2].to_string(),
            with(&|v| v["year"] = "2020".into()),
            with(&|v| v["schema_version"] = 99.into()),
            with(&|v| v["schools"] = serde_json::Value::Null),
            with(&|v| v["items"][0]["counts"] = 3.into()),
            with(&|v| v["format"] = "gongkai-submission".into()),
            with(&|v| {
                v.as_object_mut().unwrap().remove("unit");
            }),
        ];
        let mut seen = 0;
        for raw in &broken_pack {
            let Err(e) = read_pack(raw) else {
                panic!("read: {raw}");
            };
            for m in [ts.file_error(&e), ts.draft_unreadable(&e)] {
                assert!(is_chinese(&m), "{m}");
                assert_eq!(english(&m), None, "{m}");
            }
            seen += 1;
        }
        assert_eq!(seen, broken_pack.len());
        for raw in [
            "",
            "{",
            "{\"format\": \"gongkai-pack\", \"schema_version\": 1}",
            "{]",
        ] {
            let Err(e) = read_submission(raw) else {
                panic!("read: {raw}");
            };
            let m = ts.verdict(&Verdict::Refused(Refusal::Unreadable(e)), &|t| t.into());
            assert!(m.starts_with("已拒绝："), "{m}");
            assert_eq!(english(&m), None, "{m}");
        }
    }
}
