//! School submissions end to end in the core: the pack a bureau makes, a school's draft and its
//! submission file, the canonical hash, and the merge rules (idempotent, newer replaces older, older
//! only when confirmed, refusals with the rest of the batch kept, provenance), the dashboard and its
//! CSV, and the merged texts and summed counts in the document and every export. A property test
//! merges generated batches in every order, in one batch and file by file.

use gongkai::model::{Placement, Report, SchoolCount, Workspace};
use gongkai::report::{self, Block, BuildOptions, Document};
use gongkai::school::{
    self, apply, content_hash, dashboard, make_pack, merge_one, missing_csv, preview, read_pack,
    read_submission, synth, write_pack, write_submission, ChangeKind, Draft, FileError, Incoming,
    MissingWords, Refusal, Status, Submission, Verdict,
};
use proptest::prelude::*;

const T1: &str = "2025-01-10T08:00:00.000Z";
const T2: &str = "2025-01-12T08:00:00.000Z";

fn bureau() -> Workspace {
    synth::workspace(3)
}

/// School `n`'s submission through the real path: pack → draft → submission.
fn filled(ws: &Workspace, n: usize, at: &str, f: impl FnOnce(&mut Draft)) -> Submission {
    let pack = read_pack(&write_pack(&make_pack(ws, "2024-12-01T00:00:00Z").unwrap())).unwrap();
    let mut draft = Draft::new(pack);
    draft.school_id = ws.schools[n].id.clone();
    f(&mut draft);
    draft.submission(at).unwrap()
}

fn open_day(text: &str, count: Option<u64>) -> impl FnOnce(&mut Draft) + '_ {
    move |d: &mut Draft| {
        let a = d.answer_mut("policy-execution", "open-day").unwrap();
        a.text = text.to_string();
        a.counts[0].value = count;
    }
}

fn file(name: &str, s: &Submission) -> Incoming {
    Incoming {
        name: name.to_string(),
        text: write_submission(s),
    }
}

fn merge(ws: &mut Workspace, files: &[Incoming], confirmed: &[usize]) -> Vec<Verdict> {
    let p = preview(ws.current(), &ws.schools, files);
    let r = ws.current_mut().unwrap();
    apply(r, &p, confirmed);
    p.files.into_iter().map(|f| f.verdict).collect()
}

fn report(ws: &Workspace) -> &Report {
    ws.current().unwrap()
}

#[test]
fn the_hash_covers_exactly_the_canonical_items() {
    let ws = bureau();
    let s = filled(&ws, 0, T1, open_day("每学期一次。", Some(2)));
    assert_eq!(s.hash, content_hash(&s.items));
    assert!(s.hash.starts_with("sha256:"));
    // Re-indenting and reordering keys does not change the canonical items.
    let compact = serde_json::to_value(&s).unwrap().to_string();
    assert_eq!(read_submission(&compact).unwrap(), s);
    // Items in another order: the same canonical text, the same hash.
    let mut reversed = s.clone();
    reversed.items.reverse();
    assert_eq!(content_hash(&reversed.items), s.hash);
    // One character of a text changed: refused.
    let tampered = write_submission(&s).replace("每学期一次", "每学期两次");
    assert_eq!(read_submission(&tampered), Err(FileError::WrongHash));
}

#[test]
fn merging_the_same_file_twice_changes_nothing() {
    let mut ws = bureau();
    let s = filled(&ws, 0, T1, open_day("开放日。", Some(1)));
    assert_eq!(merge(&mut ws, &[file("a", &s)], &[]), [Verdict::New]);
    let once = ws.clone();
    assert_eq!(merge(&mut ws, &[file("a", &s)], &[]), [Verdict::Same]);
    assert_eq!(ws, once);
    // Twice in one batch: merged once.
    let mut fresh = bureau();
    let verdicts = merge(&mut fresh, &[file("a", &s), file("a copy", &s)], &[]);
    assert_eq!(verdicts, [Verdict::New, Verdict::Same]);
    assert_eq!(report(&fresh).contributions.len(), 1);
    assert_eq!(report(&fresh), report(&once));
}

#[test]
fn a_newer_file_replaces_the_schools_contribution_and_the_change_is_shown() {
    let mut ws = bureau();
    let old = filled(&ws, 1, T1, open_day("春季开放日。", Some(1)));
    let new = filled(&ws, 1, T2, open_day("春秋两季开放日。", Some(2)));
    merge(&mut ws, &[file("old", &old)], &[]);
    let p = preview(ws.current(), &ws.schools, &[file("new", &new)]);
    assert_eq!(
        p.files[0].verdict,
        Verdict::Replaces {
            previous: T1.to_string()
        }
    );
    let open_day = p.files[0]
        .changes
        .iter()
        .find(|c| c.name == "学校开放日及信息公开活动")
        .unwrap();
    assert_eq!(open_day.kind, ChangeKind::Changed);
    apply(ws.current_mut().unwrap(), &p, &[]);
    let c = &report(&ws).contributions[0];
    assert_eq!(c.created_at, T2);
    assert_eq!(
        c.item("policy-execution", "open-day").unwrap().text,
        "春秋两季开放日。"
    );
}

#[test]
fn an_older_file_does_not_overwrite_a_newer_one_unless_confirmed() {
    let mut ws = bureau();
    let old = filled(&ws, 2, T1, open_day("旧。", None));
    let new = filled(&ws, 2, T2, open_day("新。", None));
    merge(&mut ws, &[file("new", &new)], &[]);
    let before = ws.clone();
    assert_eq!(
        merge(&mut ws, &[file("old", &old)], &[]),
        [Verdict::Older {
            current: T2.to_string()
        }]
    );
    assert_eq!(ws, before, "not without confirmation");
    merge(&mut ws, &[file("old", &old)], &[0]);
    assert_eq!(report(&ws).contributions[0].created_at, T1, "confirmed");
    // In one batch, the newer of a school's two files is used, in either order.
    for files in [
        [file("old", &old), file("new", &new)],
        [file("new", &new), file("old", &old)],
    ] {
        let mut fresh = bureau();
        merge(&mut fresh, &files, &[]);
        assert_eq!(report(&fresh).contributions[0].created_at, T2);
    }
}

#[test]
fn bad_files_are_refused_with_their_reason_and_the_rest_of_the_batch_merges() {
    let mut ws = bureau();
    let good = filled(&ws, 0, T1, open_day("好。", Some(1)));
    let mut other_year = good.clone();
    other_year.year = 2023;
    let mut other_unit = good.clone();
    other_unit.unit = "别区教育局".into();
    let mut unknown = good.clone();
    unknown.school.id = "school-99".into();
    let wrong_hash = write_submission(&good).replace("好。", "坏。");
    let files = [
        file("year", &other_year),
        file("unit", &other_unit),
        Incoming {
            name: "hash".into(),
            text: wrong_hash,
        },
        file("unknown", &unknown),
        Incoming {
            name: "broken".into(),
            text: write_submission(&good)[..100].to_string(),
        },
        Incoming {
            name: "pack".into(),
            text: write_pack(&make_pack(&ws, T1).unwrap()),
        },
        file("good", &good),
    ];
    let verdicts = merge(&mut ws, &files, &[]);
    assert_eq!(
        verdicts[0],
        Verdict::Refused(Refusal::OtherYear {
            file: 2023,
            report: 2024
        })
    );
    assert!(matches!(
        &verdicts[1],
        Verdict::Refused(Refusal::OtherUnit { file, .. }) if file == "别区教育局"
    ));
    assert_eq!(
        verdicts[2],
        Verdict::Refused(Refusal::Unreadable(FileError::WrongHash))
    );
    assert!(matches!(
        &verdicts[3],
        Verdict::Refused(Refusal::UnknownSchool { id, .. }) if id == "school-99"
    ));
    assert!(matches!(
        verdicts[4],
        Verdict::Refused(Refusal::Unreadable(FileError::NotJson { .. }))
    ));
    assert!(matches!(
        verdicts[5],
        Verdict::Refused(Refusal::Unreadable(FileError::WrongFormat { .. }))
    ));
    assert_eq!(verdicts[6], Verdict::New);
    assert_eq!(report(&ws).contributions.len(), 1);
    // Every refusal has a Chinese reason.
    for v in &verdicts[..6] {
        let Verdict::Refused(r) = v else {
            unreachable!()
        };
        let reason = gongkai::text::school_page().refusal(r);
        assert!(
            reason
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{reason}"
        );
    }
}

#[test]
fn each_contribution_keeps_its_school_and_file_time() {
    let mut ws = bureau();
    let a = filled(&ws, 2, T1, open_day("丙。", Some(3)));
    let b = filled(&ws, 0, T2, open_day("甲。", Some(1)));
    merge(&mut ws, &[file("a", &a), file("b", &b)], &[]);
    let c = &report(&ws).contributions;
    // Kept in school order, whatever the order of the files.
    let got: Vec<(&str, &str, &str)> = c
        .iter()
        .map(|c| {
            (
                c.school_id.as_str(),
                c.school_name.as_str(),
                c.created_at.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("school-1", "示例区第1学校", T2),
            ("school-3", "示例区第3学校", T1)
        ]
    );
    assert_eq!(c[1].hash, a.hash);
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect()
}

fn set_placement(ws: &mut Workspace, p: Placement) {
    let item = ws
        .current_mut()
        .unwrap()
        .categories
        .iter_mut()
        .find(|c| c.key == "policy-execution")
        .unwrap()
        .items
        .iter_mut()
        .find(|i| i.id == "open-day")
        .unwrap();
    item.schools.placement = p;
    item.schools.summary = "各校均举办了开放日。".into();
}

#[test]
fn counts_are_summed_and_texts_placed_in_the_document_and_every_export() {
    let mut ws = bureau();
    let files: Vec<Incoming> = [
        (0, "甲校开放日。", Some(2)),
        (1, "乙校开放日。", Some(3)),
        (2, "", None),
    ]
    .into_iter()
    .map(|(n, text, count)| file("f", &filled(&ws, n, T1, open_day(text, count))))
    .collect();
    merge(&mut ws, &files, &[]);

    // Per school (the default): each school's text after the item's name.
    let doc = report::build(report(&ws), &BuildOptions::default());
    let paras = paragraphs(&doc);
    assert!(paras
        .contains(&"学校开放日及信息公开活动——示例区第1学校：甲校开放日。共举办学校开放日2次。"));
    assert!(paras.contains(&"示例区第2学校：乙校开放日。共举办学校开放日3次。"));
    for bytes in [report::render_html(&doc), report::render_markdown(&doc)] {
        assert!(String::from_utf8(bytes).unwrap().contains("乙校开放日。"));
    }
    let xml = String::from_utf8(
        report::docx_parts(&doc, "2026-01-01T00:00:00Z")
            .unwrap()
            .into_iter()
            .find(|p| p.name == "word/document.xml")
            .unwrap()
            .data,
    )
    .unwrap();
    assert!(xml.contains("甲校开放日。"));

    // Counts summed: the totals sentence and the table, also in the CSV.
    set_placement(&mut ws, Placement::Counts);
    let doc = report::build(report(&ws), &BuildOptions::default());
    assert!(paragraphs(&doc)
        .contains(&"学校开放日及信息公开活动——各学校合计（2所学校填报）：举办学校开放日5次。"));
    let csv = String::from_utf8(report::render_csv(&doc)).unwrap();
    assert!(
        csv.contains("学校开放日及信息公开活动（各学校填报）,,合计,举办学校开放日（次）,5"),
        "{csv}"
    );
    assert!(!paragraphs(&doc).iter().any(|p| p.contains("甲校开放日")));

    // The bureau's summary instead.
    set_placement(&mut ws, Placement::Summary);
    let doc = report::build(report(&ws), &BuildOptions::default());
    assert!(paragraphs(&doc).contains(&"学校开放日及信息公开活动——各校均举办了开放日。"));
    set_placement(&mut ws, Placement::Omit);
    let doc = report::build(report(&ws), &BuildOptions::default());
    assert!(!paragraphs(&doc).iter().any(|p| p.contains("开放日")));
}

#[test]
fn the_dashboard_shows_submitted_missing_and_outdated_schools() {
    let mut ws = bureau();
    ws.schools[1].phone = "=HYPERLINK(\"x\")".into();
    let a = filled(&ws, 0, T1, open_day("甲。", Some(1)));
    let c = filled(&ws, 2, T1, |_| {});
    merge(&mut ws, &[file("a", &a), file("c", &c)], &[]);
    // A new item assigned after school 3 filled its pack: its file is outdated.
    ws.current_mut()
        .unwrap()
        .categories
        .iter_mut()
        .find(|c| c.key == "teachers")
        .unwrap()
        .items[0]
        .schools
        .assigned = true;
    let d = dashboard(report(&ws), &ws.schools);
    let statuses: Vec<Status> = d.rows.iter().map(|r| r.status).collect();
    // 未提交 first, then the others in list order.
    assert_eq!(
        statuses,
        [Status::NotYet, Status::Outdated, Status::Outdated]
    );
    assert_eq!(d.rows[0].school_id, ws.schools[1].id);
    let open_day = d.items.iter().position(|i| i.item == "open-day").unwrap();
    assert_eq!(d.filled_count(open_day), 1);
    assert_eq!(d.rows[1].created_at.as_deref(), Some(T1));
    let words = MissingWords {
        header: ["学校", "学段", "地址", "电话", "状态", "最近文件时间"],
        status: |s| gongkai::text::school_page().status(s),
        stage: |s| gongkai::text::school_page().stage(s),
    };
    let csv = missing_csv(&d, &ws.schools, &words, |t| t.to_string());
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "BOM");
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "学校,学段,地址,电话,状态,最近文件时间");
    assert_eq!(lines.len(), 5, "header, three schools, end: {text}");
    assert!(
        lines[1].contains("'=HYPERLINK"),
        "formula neutralised: {}",
        lines[1]
    );
    assert!(lines[1].contains("未提交"));
}

#[test]
fn a_pack_round_trips_and_a_school_draft_keeps_its_answers_across_packs() {
    let ws = bureau();
    let pack = make_pack(&ws, T1).unwrap();
    assert_eq!(read_pack(&write_pack(&pack)).unwrap(), pack);
    let mut d = Draft::new(pack.clone());
    d.school_id = "school-2".into();
    d.answer_mut("students", "student-awards").unwrap().text = "评优。".into();
    assert_eq!(d.adopt_pack(pack), 0);
    assert_eq!(
        d.answer_mut("students", "student-awards").unwrap().text,
        "评优。"
    );
    // The draft is stored in a workspace of its own and survives the round trip.
    let school_ws = Workspace {
        school_draft: Some(serde_json::to_value(d).unwrap()),
        ..Workspace::default()
    };
    let back = gongkai::model::parse_workspace(&serde_json::to_string(&school_ws).unwrap());
    assert_eq!(back.unwrap(), school_ws);
}

#[test]
fn generated_submissions_are_valid_and_sum_as_expected() {
    let ws = synth::workspace(5);
    let files = synth::files(&ws, 20, 7);
    let mut merged = ws.clone();
    let incoming: Vec<Incoming> = files
        .iter()
        .map(|(name, text)| Incoming {
            name: name.clone(),
            text: text.clone(),
        })
        .collect();
    let verdicts = merge(&mut merged, &incoming, &[]);
    assert!(!verdicts.iter().any(|v| matches!(v, Verdict::Refused(_))));
    assert_eq!(report(&merged).contributions.len(), 5);
    // The counts table's 合计 is the sum of the schools' values.
    set_placement(&mut merged, Placement::Counts);
    let expected: u64 = report(&merged)
        .contributions
        .iter()
        .filter_map(|c| c.item("policy-execution", "open-day"))
        .flat_map(|i| i.counts.iter().filter_map(|c: &SchoolCount| c.value))
        .sum();
    let doc = report::build(report(&merged), &BuildOptions::default());
    let total = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.is_some() => {
                t.rows.last().map(|r| r.cells[1].text.clone())
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(total, expected.to_string());
}

/// Builds a batch from a seed: submissions of 4 schools, some of them the same file twice, some with
/// the same time, plus a malformed file and one for another year.
fn batch(seed: u64) -> (Workspace, Vec<Incoming>) {
    let ws = synth::workspace(4);
    let mut rng = gongkai::district::synth::Rng::new(seed);
    let mut files = Vec::new();
    for n in 0..8 {
        let day = rng.below(4);
        let s = synth::submission(&ws, rng.below(4) as usize, day, &mut rng);
        files.push(file(&format!("{n}"), &s));
        if rng.chance(30) {
            files.push(file(&format!("{n} again"), &s));
        }
        if rng.chance(20) {
            let mut other = s.clone();
            other.year = synth::YEAR - 1;
            files.push(file("other year", &other));
        }
    }
    files.push(Incoming {
        name: "broken".into(),
        text: "{\"format\":\"gongkai-submission\"".into(),
    });
    (ws, files)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any order of the same files gives the same workspace, in one batch or one file at a time.
    #[test]
    fn merging_any_permutation_gives_the_same_workspace(seed in any::<u64>(), shuffle in any::<u64>()) {
        let (ws, files) = batch(seed);
        let mut expected = ws.clone();
        merge(&mut expected, &files, &[]);

        let mut order: Vec<usize> = (0..files.len()).collect();
        let mut rng = gongkai::district::synth::Rng::new(shuffle);
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let permuted: Vec<Incoming> = order.iter().map(|&i| files[i].clone()).collect();
        let mut batch = ws.clone();
        merge(&mut batch, &permuted, &[]);
        prop_assert_eq!(&batch, &expected);

        let mut one_by_one = ws.clone();
        for f in &permuted {
            merge(&mut one_by_one, std::slice::from_ref(f), &[]);
        }
        prop_assert_eq!(&one_by_one, &expected);

        // merge_one (what `apply` uses per file) agrees too.
        let mut direct = ws.clone();
        for f in &permuted {
            if let Ok(s) = read_submission(&f.text) {
                if s.year == synth::YEAR {
                    merge_one(direct.current_mut().unwrap(), &s, false);
                }
            }
        }
        prop_assert_eq!(&direct, &expected);
    }
}

#[test]
fn the_preview_says_what_each_refusal_is_without_serde_english() {
    let ws = bureau();
    let p = preview(
        ws.current(),
        &ws.schools,
        &[Incoming {
            name: "x".into(),
            text: r#"{"format":"gongkai-submission","schema_version":1,"school":{"id":1}}"#.into(),
        }],
    );
    let Verdict::Refused(r) = &p.files[0].verdict else {
        panic!("{:?}", p.files[0].verdict)
    };
    let reason = gongkai::text::school_page().refusal(r);
    assert_eq!(reason, "字段“school.id”缺失或内容类型不对。");
    assert!(school::read_pack("").is_err());
}
