//! Numbers in the narrative against the tables: sentences in the usual wordings of real reports are
//! read and compared, each with a finding that names both numbers, the sentence, the text field and the
//! cell; sentences it cannot read, and unrelated ones, give nothing.

use gongkai::catalog::statements::QUANTITIES;
use gongkai::check::{self, stated_numbers, Finding, Rule, Severity, Target};
use gongkai::model::{Report, ReportStructure, TableFormat, Workspace};

const V2019: TableFormat = TableFormat::V2019;
const V2021: TableFormat = TableFormat::V2021;

fn read(text: &str, format: TableFormat) -> Vec<(&'static str, i64)> {
    let year = if format == V2019 { 2019 } else { 2021 };
    stated_numbers(text, year, format, ReportStructure::Statutory)
        .into_iter()
        .map(|s| (s.quantity, s.value))
        .collect()
}

#[test]
fn the_usual_wordings_are_read() {
    let cases: &[(&str, &[(&str, i64)])] = &[
        (
            "全年共收到政府信息公开申请12件。",
            &[("applications_new", 12)],
        ),
        (
            "2021年，本机关新收政府信息公开申请１２件",
            &[("applications_new", 12)],
        ),
        ("共收到12件政府信息公开申请", &[("applications_new", 12)]),
        (
            "全年受理依申请公开申请共计 3 件",
            &[("applications_new", 3)],
        ),
        (
            "收到政府信息公开申请数量为十二件",
            &[("applications_new", 12)],
        ),
        ("上年结转2件", &[("applications_carried", 2)]),
        ("予以公开及部分公开258件", &[("public_and_partial", 258)]),
        (
            "其中予以公开10件，部分公开3件，不予公开2件，无法提供4件，不予处理1件，其他处理0件",
            &[
                ("public", 10),
                ("partial", 3),
                ("withheld", 2),
                ("unavailable", 4),
                ("not_handled", 1),
                ("other_handling", 0),
            ],
        ),
        ("予以公开5件、部分公开3件", &[("public", 5), ("partial", 3)]),
        ("结转下年度继续办理1件", &[("carry_next", 1)]),
        ("办结政府信息公开申请15件", &[("handled", 15)]),
        ("发生政府信息公开行政复议1起", &[("review", 1)]),
        (
            "行政复议案件0起，行政诉讼案件2起",
            &[("review", 0), ("litigation", 2)],
        ),
        ("主动公开规范性文件3件", &[("normative_published", 3)]),
        (
            "制发行政规范性文件2件，废止行政规范性文件1件",
            &[("normative_issued", 2), ("normative_repealed", 1)],
        ),
        ("现行有效规范性文件1,215件", &[("normative_in_force", 1215)]),
        ("作出行政许可决定36件", &[("license_decisions", 36)]),
        ("实施行政处罚2起", &[("penalty_decisions", 2)]),
    ];
    for (text, expected) in cases {
        assert_eq!(read(text, V2021), expected.to_vec(), "{text}");
    }
}

#[test]
fn sentences_it_cannot_read_give_nothing() {
    for text in [
        // Unrelated prose, numbers of other things.
        "本年度主动公开政府信息26条，政府网站访问量12万次。",
        "2021年1月1日至2021年12月31日。",
        "按时办结率100%。",
        "本年度未收到政府信息公开申请。",
        "本年度未发生行政复议和行政诉讼。",
        // A part: channels, applicant kinds, schools.
        "其中通过网络收到政府信息公开申请10件，当面收到5件。",
        "自然人收到政府信息公开申请9件",
        "各学校收到政府信息公开申请8件",
        // A comparison, another period, another year.
        "收到政府信息公开申请较上年增加5件",
        "比上年收到政府信息公开申请多3件",
        "2020年收到政府信息公开申请5件",
        "去年受理政府信息公开申请7件",
        "上半年收到政府信息公开申请4件",
        "1-6月收到政府信息公开申请4件",
        // Approximate numbers.
        "收到政府信息公开申请20余件",
        "收到政府信息公开申请约20件",
        "收到政府信息公开申请20件以上",
        // One number for several things.
        "行政复议、行政诉讼共1起",
        "被申请行政复议和提起行政诉讼3起",
        "予以公开或不予公开的申请共5件",
        // A number that is not a count of the quantity.
        "收到政府信息公开申请的答复时限为15个工作日",
        "收到政府信息公开申请后20个工作日内答复",
        "行政许可事项36项",
    ] {
        assert_eq!(read(text, V2021), [], "{text}");
    }
}

#[test]
fn the_longest_wording_wins() {
    // “部分公开258件” is part of the longer wording and is not read on its own.
    assert_eq!(
        read("予以公开及部分公开258件", V2021),
        [("public_and_partial", 258)]
    );
    assert_eq!(read("政府信息公开行政复议案件3起", V2021), [("review", 3)]);
}

#[test]
fn quantities_follow_the_format_and_the_structure() {
    // 2019 has no 废止/现行有效 columns; 2021 has no 新公开 column of its own (本年制发件数 is used).
    assert_eq!(read("废止规范性文件1件", V2019), []);
    assert_eq!(read("现行有效规范性文件5件", V2019), []);
    assert_eq!(
        read("主动公开规范性文件3件", V2019),
        [("normative_published", 3)]
    );
    // A field report has no 表三/表四: their wordings are not read.
    let field = stated_numbers(
        "收到政府信息公开申请12件，行政复议1起，主动公开规范性文件3件",
        2021,
        V2021,
        ReportStructure::Field,
    );
    let keys: Vec<_> = field.iter().map(|s| s.quantity).collect();
    assert_eq!(keys, ["normative_published"]);
}

fn statutory(year: u16) -> Report {
    let mut r = Report::blank(year);
    r.structure = ReportStructure::Statutory;
    r.unit_name = "某区教育局".into();
    r
}

fn mismatches(r: &Report) -> Vec<Finding> {
    let mut ws = Workspace::default();
    ws.reports.insert(r.year, r.clone());
    check::check(&ws, r.year)
        .into_iter()
        .filter(|f| f.rule == Rule::TextTableMismatch)
        .collect()
}

#[test]
fn a_contradiction_is_a_hint_with_both_numbers_the_sentence_and_two_links() {
    // 上海 2019: the text says 258, the table sums to 275.
    let mut r = statutory(2019);
    r.tables.set("t3/main/public/natural", "200");
    r.tables.set("t3/main/public/business", "10");
    r.tables.set("t3/main/partial/natural", "65");
    r.narrative.overview.on_request =
        "本年度共收到政府信息公开申请0件。全年予以公开及部分公开258件，详见下表。".into();
    let f = mismatches(&r);
    // 一、本年新收 is blank (0) in the table, so the first sentence agrees.
    assert_eq!(f.len(), 1, "{f:?}");
    let f = &f[0];
    assert_eq!(f.severity, Severity::Hint);
    assert_eq!(f.subject, "予以公开及部分公开数");
    assert_eq!(Finding::sum(&f.lhs), 258);
    assert_eq!(Finding::sum(&f.rhs), 275);
    let labels: Vec<_> = f.rhs.iter().map(|t| (t.label.as_str(), t.value)).collect();
    assert_eq!(
        labels,
        [
            ("（一）予以公开", 210),
            (
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                65
            )
        ]
    );
    assert_eq!(f.found, "全年予以公开及部分公开258件，详见下表");
    assert_eq!(f.target, Target::Narrative("narrative-overview-on-request"));
    assert_eq!(f.also, Some(Target::Cell("t3/main/public/natural".into())));
    let text = gongkai::text::t().finding(f);
    assert!(text.contains("258") && text.contains("275"), "{text}");
    assert!(text.contains("全年予以公开及部分公开258件"), "{text}");

    // Fixed in the text: no finding.
    r.narrative.overview.on_request = "全年予以公开及部分公开275件。".into();
    assert_eq!(mismatches(&r), []);
}

#[test]
fn each_table_is_compared_and_linked_to_its_first_typed_cell() {
    let mut r = statutory(2021);
    r.tables.set("t3/main/new/natural", "4");
    r.tables.set("t3/main/new/legal", "1");
    r.tables.set("t3/main/withheld_query/natural", "2");
    r.tables.set("t3/main/public/natural", "3");
    r.tables.set("t4/direct/main/upheld", "1");
    r.tables.set("t4/after_review/main/pending", "1");
    r.tables.set("t2/a20_1/normative/issued", "2");
    r.narrative.problems = "收到政府信息公开申请6件；不予公开2件；办结政府信息公开申请4件；行政诉讼3起；主动公开规范性文件3件".into();
    r.narrative.work_items = vec!["收到政府信息公开申请9件".into()];
    let found: Vec<(String, i64, i64, Option<Target>)> = mismatches(&r)
        .iter()
        .map(|f| {
            (
                f.subject.clone(),
                Finding::sum(&f.lhs),
                Finding::sum(&f.rhs),
                f.also.clone(),
            )
        })
        .collect();
    let cell = |k: &str| Some(Target::Cell(k.into()));
    assert_eq!(
        found,
        [
            (
                "本年新收政府信息公开申请数".into(),
                6,
                5,
                cell("t3/main/new/natural")
            ),
            (
                "本年度办理结果总计".into(),
                4,
                5,
                cell("t3/main/public/natural")
            ),
            (
                "政府信息公开行政诉讼数".into(),
                3,
                2,
                cell("t4/direct/main/upheld")
            ),
            (
                "本年主动公开（新公开）规范性文件数".into(),
                3,
                2,
                cell("t2/a20_1/normative/issued")
            ),
        ]
    );
    // Work items belong to the field structure: not read in a statutory report.
    r.structure = ReportStructure::Field;
    let field = mismatches(&r);
    let targets: Vec<_> = field.iter().map(|f| f.target.clone()).collect();
    assert_eq!(
        targets,
        [Target::Narrative("narrative-problems")],
        "only 表二 in a field report"
    );
    r.narrative.work_items = vec!["主动公开规范性文件5件".into()];
    let targets: Vec<_> = mismatches(&r).iter().map(|f| f.target.clone()).collect();
    assert_eq!(
        targets,
        [Target::WorkItem(0), Target::Narrative("narrative-problems")]
    );
}

#[test]
fn the_example_and_a_matching_report_give_no_text_finding() {
    let ws = gongkai::example::example_workspace();
    let year = ws.current_year.unwrap();
    assert!(check::check(&ws, year)
        .iter()
        .all(|f| f.rule != Rule::TextTableMismatch));
    let mut r = statutory(2021);
    r.tables.set("t3/main/new/natural", "12");
    r.tables.set("t3/main/public/natural", "10");
    r.tables.set("t3/main/partial/natural", "2");
    r.tables.set("t4/review/main/upheld", "1");
    r.narrative.overview.on_request =
        "全年共收到政府信息公开申请12件，其中予以公开10件，部分公开2件。行政复议1起。".into();
    assert_eq!(mismatches(&r), []);
}

#[test]
fn every_quantity_has_a_wording_that_is_read() {
    // Each quantity's first wording, with a number, is read back as that quantity (in the format that
    // has it).
    for q in &QUANTITIES {
        let w = q.wordings[0];
        let text = format!("{}7{}{}", w.before, q.units[0], w.after);
        let mut read_any = false;
        for format in [V2019, V2021] {
            let got = read(&text, format);
            if !got.is_empty() {
                assert_eq!(got, [(q.key, 7)], "{text} in {format:?}");
                read_any = true;
            }
        }
        assert!(read_any, "{text}");
    }
}
