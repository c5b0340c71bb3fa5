//! District parsers, data-driven: the 门牌号 spec on every shape and on the real strings of
//! docs/reference/official-formats.md §4.2, the 服务区域 text (长宁, 衡阳, 南京, 丽水, the 门楼牌 strings),
//! normalisation
//! against NFKC, CSV in UTF-8 with and without BOM, UTF-16 and GBK, the XLSX fixture, row and column
//! errors, import preview and apply, conflicts, and the published file's checks.

use gongkai::district::normalize::{clean, fold_char};
use gongkai::district::table::{csv_rows, decode_text, TextEncoding};
use gongkai::district::xlsx::{read_sheet, sheet_names};
use gongkai::district::{
    apply_import, conflicts, import_file, parse_area, parse_numbers, preview_import, print_area,
    print_numbers, read_published, Conflict, DistrictData, ImportErrorKind, ImportMode, Level,
    PublishError, SpecErrorKind, TableKind,
};
use gongkai::model::{School, Stage, WarningLevel};

/// (as written, canonical)
const SPECS: &[(&str, &str)] = &[
    ("1—57号单号、2—40号双号", "1-57号(单号)、2-40号(双号)"),
    (
        "680弄、700弄、750弄-840弄（双号）",
        "680弄、700弄、750-840弄(双号)",
    ),
    ("１－８８号", "1-88号"),
    ("201号以上（单号）", "201号以上(单号)"),
    ("50号以下", "50号以下"),
    ("50号及以下(双)", "50号以下(双号)"),
    ("全部", "全部"),
    ("", "全部"),
    ("全部（单号）", "全部(单号)"),
    ("单号全部", "全部(单号)"),
    ("1至7号", "1-7号"),
    ("1~7号", "1-7号"),
    ("1～7号", "1-7号"),
    ("12号", "12号"),
    ("1-3组", "1-3组"),
    ("三组", "3组"),
    (
        "33幢1号-16号、34幢1号-13号（单号）、35幢2号-8号（双号）",
        "33栋1-16号、34栋1-13号(单号)、35栋2-8号(双号)",
    ),
    ("1组1号、2组69号、3组1号-19号", "1组1号、2组69号、3组1-19号"),
    ("1组1号至7号", "1组1-7号"),
    ("34号附1号-附130号", "34号附1-130号"),
    ("700弄5号", "700弄5号"),
    ("3号楼", "3栋"),
    ("811 弄-827 号（单号）", "811弄-827号(单号)"),
    ("(单):519 号-699 弄", "519号-699弄(单号)"),
    ("411-727 号", "411-727号"),
    (
        "934-1432（双号）、945-1251（单号）",
        "934-1432号(双号)、945-1251号(单号)",
    ),
    (
        "14号-45号、47号、49号-87号（单号）",
        "14-45号、47号、49-87号(单号)",
    ),
    ("555 弄 （新天地河滨花园）", "555弄(新天地河滨花园)"),
    ("全部（不含1-70号）", "全部(不含1-70号)"),
    ("1-99号，不含35号", "1-99号(不含35号)"),
    ("1-99号（35号除外）", "1-99号(不含35号)"),
    ("【单号】1-9号", "1-9号(单号)"),
    // A parity word alone is every number of that parity, never 全部.
    ("（单号）", "全部(单号)"),
    ("双号", "全部(双号)"),
    ("单号:", "全部(单号)"),
    ("(双)", "全部(双号)"),
    ("单双号", "全部"),
];

#[test]
fn every_spec_shape_parses_and_prints_canonically() {
    for (written, canonical) in SPECS {
        let n = parse_numbers(written).unwrap_or_else(|e| panic!("{written}: {e:?}"));
        assert_eq!(print_numbers(&n), *canonical, "{written}");
        assert_eq!(parse_numbers(canonical).unwrap(), n, "{canonical}");
    }
}

#[test]
fn spec_errors_name_the_offending_text() {
    for (written, kind, fragment) in [
        ("1-x号", SpecErrorKind::OpenDash, "1-x"),
        ("99-1号", SpecErrorKind::Reversed, "99-1号"),
        ("1234567号", SpecErrorKind::TooLarge, "1234567号"),
        ("1组-5号", SpecErrorKind::MixedUnits, "1组-5号"),
        ("1-5号(单号", SpecErrorKind::Unclosed, "("),
        ("阳光", SpecErrorKind::Unexpected, "阳"),
        ("5号楼上", SpecErrorKind::Unexpected, "上"),
    ] {
        let e = parse_numbers(written).expect_err(written);
        assert_eq!(e.kind, kind, "{written}");
        assert_eq!(e.fragment, fragment, "{written}");
    }
}

/// (服务区域 as published, canonical rules)
const AREAS: &[(&str, &str)] = &[
    (
        "长青路：1-99号（单号）、2-50号（双号）；青年路全部；绿园小区、阳光小区",
        "长青路:1-99号(单号)、2-50号(双号);青年路:全部;绿园小区:全部;阳光小区:全部",
    ),
    // 长宁 (docs/reference/official-formats.md §4.2 c)
    (
        "天山路：680 弄、700 弄、750 弄-840 弄 （双号）；古北路：4-186 号（双号）、8 弄、62 弄……；娄山关路：811 弄-827 号（单号）、850 弄、969 弄、999 弄；……天山四村全部 ；锦屏路全部； 天山支路全部 ；芙蓉江路 555 弄（新天地河滨花园）",
        "天山路:680弄、700弄、750-840弄(双号);古北路:4-186号(双号)、8弄、62弄;娄山关路:811弄-827号(单号)、850弄、969弄、999弄;天山四村:全部;锦屏路:全部;天山支路:全部;芙蓉江路:555弄(新天地河滨花园)",
    ),
    (
        "……玉屏南路：1-207 号（单号）、41 弄……；……武夷路：651-741（单号）、656-790（双号）",
        "玉屏南路:1-207号(单号)、41弄;武夷路:651-741号(单号)、656-790号(双号)",
    ),
    (
        "……中山西路：934-1432（双号）、945-1251（单号）； 中山西路何家角全部；……安顺路：134-358（双号）；158-389 号（单号）……",
        "中山西路:934-1432号(双号)、945-1251号(单号);中山西路|何家角:全部;安顺路:134-358号(双号);安顺路:158-389号(单号)",
    ),
    ("新华路（单）:519 号-699 弄", "新华路:519号-699弄(单号)"),
    (
        "武夷路（单）:411-727 号 武夷路（双）:416-800 号",
        "武夷路:411-727号(单号);武夷路:416-800号(双号)",
    ),
    // 门楼牌 strings (§4.2 d)
    (
        "新乐街：1号-165号（单号）；新乐街：2号-230号（双号）；沫江社区：33幢1号-16号、34幢1号-13号（单号）、35幢2号-8号（双号）；永丰村：1组1号、2组69号、3组1号-19号；……福兴街34号附1号-附130号",
        "新乐街:1-165号(单号);新乐街:2-230号(双号);沫江社区:33栋1-16号、34栋1-13号(单号)、35栋2-8号(双号);永丰村:1组1号、2组69号、3组1-19号;福兴街:34号附1-130号",
    ),
    ("永丰村1组1号-41号", "永丰村:1组1-41号"),
    ("喻坝村1组1号至7号", "喻坝村:1组1-7号"),
    ("龙泉街：…14号-45号、47号、49号-87号（单号）", "龙泉街:14-45号、47号、49-87号(单号)"),
    // 衡阳 (§4.2 a): boundaries, an exclusion, numbers
    (
        "金果路连仙姬巷—蒸阳南路—衡州大道—湘江南路所围成的区域;雁城路1-70号",
        "金果路连仙姬巷-蒸阳南路-衡州大道-湘江南路所围成的区域;雁城路:1-70号",
    ),
    (
        "衡州大道—蒸阳南路—雁城路(不含雁城路1-70号)—蒸湘南路所围成的区域",
        "衡州大道-蒸阳南路-雁城路-蒸湘南路(不含雁城路1-70号)所围成的区域",
    ),
    (
        "党校通往河边路—黄白路—南郊新村路—湘江南路所围成的区域;袁家村巷(含南园市场)—黄白路—八中围墙所围成的区域",
        "党校通往河边路-黄白路-南郊新村路-湘江南路所围成的区域;袁家村巷-黄白路-八中围墙所围成的区域",
    ),
    // 南京 (§4.2 b): directions, included communities, “以西的…”
    (
        "1.秦淮河以东,宏运大道以南(含秦淮绿洲一、二期、爱琴湾、静雅居、康馨花园),外港河以北,竹山路北路至文华街以西。",
        "秦淮河以东,宏运大道以南,外港河以北,竹山路北路至文华街以西所围成的区域;秦淮绿洲(一、二期):全部;爱琴湾:全部;静雅居:全部;康馨花园:全部",
    ),
    (
        "2.东新南路以东,金箔路以南,天印大道以西的东方花园、天宝公寓、原丝织厂宿舍、明月新寓小区。",
        "东方花园:全部;天宝公寓:全部;原丝织厂宿舍:全部;明月新寓小区:全部",
    ),
    // 丽水 (§4.2 e): partial 社区
    (
        "丽阳门社区（灯塔街以北区域，灯塔街以南、城东路以西区域）。",
        "丽阳门社区(灯塔街以北区域,灯塔街以南、城东路以西区域):全部",
    ),
    (
        "厦河门社区、大洋河社区、梅山社区（大众路以东区域）、大众村、新建村、丽华村。",
        "厦河门社区:全部;大洋河社区:全部;梅山社区(大众路以东区域):全部;大众村:全部;新建村:全部;丽华村:全部",
    ),
    ("东风大街（原东风路）：1-9号", "东风大街(又名东风路):1-9号"),
    ("锦程大街（不含阳光小区）", "锦程大街(不含阳光小区):全部"),
    // Digits inside a road's name are not its numbers.
    (
        "测试0路：1-20号、22号；88号路全部、2号大街：1-9号（单号）",
        "测试0路:1-20号、22号;88号路:全部;2号大街:1-9号(单号)",
    ),
    ("长青路1-9号、88号路", "长青路:1-9号;88号路:全部"),
    // A parity after the name with no numbers keeps its parity.
    ("东风大街（单号）", "东风大街:全部(单号)"),
    (
        "2号大街（双号）；青年路（单）",
        "2号大街:全部(双号);青年路:全部(单号)",
    ),
];

#[test]
fn service_areas_read_as_rules() {
    for (written, canonical) in AREAS {
        let parsed = parse_area(written);
        assert!(parsed.errors.is_empty(), "{written}: {:?}", parsed.errors);
        assert_eq!(print_area(&parsed.rules), *canonical, "{written}");
        assert!(parsed.rules.iter().all(|r| !r.source.is_empty()));
    }
}

#[test]
fn boundaries_keep_their_roads_and_exclusions() {
    let rules = parse_area("衡州大道—蒸阳南路—雁城路(不含雁城路1-70号)—蒸湘南路所围成的区域").rules;
    assert_eq!(
        rules[0].roads,
        vec!["衡州大道", "蒸阳南路", "雁城路", "蒸湘南路"]
    );
    assert_eq!(rules[0].except[0].name, "雁城路");
    assert!(rules[0].is_possible_only());
    let rules = parse_area("金果路连仙姬巷—蒸阳南路—衡州大道—湘江南路所围成的区域").rules;
    assert_eq!(
        rules[0].roads,
        vec!["金果路", "仙姬巷", "蒸阳南路", "衡州大道", "湘江南路"]
    );
    let rules = parse_area("梅山社区（大众路以东区域）").rules;
    assert_eq!(rules[0].part, "大众路以东区域");
    assert!(rules[0].is_possible_only());
}

#[test]
fn unreadable_parts_are_reported_and_the_rest_kept() {
    let parsed = parse_area("长青路：1-99号；5-x号；青年路：99-1号；绿园小区");
    assert_eq!(print_area(&parsed.rules), "长青路:1-99号;绿园小区:全部");
    assert_eq!(parsed.errors.len(), 2);
    assert_eq!(parsed.errors[1].text, "青年路：99-1号");
}

#[test]
fn normalisation_agrees_with_nfkc_where_it_maps() {
    use unicode_normalization::UnicodeNormalization;
    for c in ('\u{ff01}'..='\u{ff5d}').chain(['\u{3000}']) {
        let nfkc: String = c.to_string().nfkc().collect();
        let ours = fold_char(c).to_string();
        let nfkc = nfkc.replace('~', "-");
        let nfkc = nfkc.replace(['[', ']'], "");
        if matches!(c, '［' | '］') {
            continue;
        }
        assert_eq!(ours, nfkc, "{c}");
    }
    for c in '\u{2460}'..='\u{2473}' {
        let nfkc: String = c.to_string().nfkc().collect();
        assert_eq!(clean(&c.to_string()), nfkc, "{c}");
    }
    assert_eq!(clean("　东风大街　８８号 "), "东风大街88号");
}

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

fn gbk_decoder(bytes: &[u8]) -> Option<String> {
    let (text, _, bad) = encoding_rs::GBK.decode(bytes);
    (!bad).then(|| text.into_owned())
}

const RULES: &str = "道路或小区,门牌号,对口小学,对口初中,备注\r\n东风大街,1—99号（单号）,甲小学,乙中学,\r\n东风大街,2—100号（双号）,丙小学,乙中学,备注文字\r\n";

#[test]
fn csv_in_every_encoding() {
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            RULES
                .replace(',', "\t")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    for (bytes, encoding) in [
        (RULES.as_bytes().to_vec(), TextEncoding::Utf8),
        (
            [b"\xef\xbb\xbf".as_slice(), RULES.as_bytes()].concat(),
            TextEncoding::Utf8Bom,
        ),
        (gbk(RULES), TextEncoding::Legacy),
        (utf16, TextEncoding::Utf16),
    ] {
        let (text, got) = decode_text(&bytes, Some(&gbk_decoder)).unwrap();
        assert_eq!(got, encoding);
        assert!(text.starts_with("道路或小区"), "{encoding:?}");
        let imported = import_file(&bytes, None, Some(&gbk_decoder));
        assert_eq!(imported.kind, Some(TableKind::Rules), "{encoding:?}");
        assert!(
            imported.errors.is_empty(),
            "{encoding:?}: {:?}",
            imported.errors
        );
        assert_eq!(imported.rules.len(), 2);
        assert_eq!(imported.rules[1].note, "备注文字");
        assert_eq!(imported.rules[0].source, "东风大街 1—99号（单号）");
    }
    // GBK without a decoder is refused, not garbled.
    let imported = import_file(&gbk(RULES), None, None);
    assert_eq!(imported.errors[0].kind, ImportErrorKind::Encoding);
    assert!(imported.rules.is_empty());
}

#[test]
fn english_headers_and_a_title_row() {
    let csv = "2024年学区表\nroad,numbers,primary,middle,note\n长青路,1-9号,甲小学,,\n";
    let imported = import_file(csv.as_bytes(), None, None);
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    assert_eq!(imported.rules[0].primary, vec!["甲小学"]);
    assert!(imported.rules[0].middle.is_empty());
}

#[test]
fn a_parity_alone_in_a_rule_row_keeps_its_parity() {
    let csv = "\
道路或小区,门牌号,对口小学,对口初中,备注
东风大街（单号）,,甲小学,,
2号大街,（双号）,乙小学,,
青年路,单号,丙小学,,
";
    let imported = import_file(csv.as_bytes(), None, None);
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    let numbers: Vec<String> = imported
        .rules
        .iter()
        .map(|r| print_numbers(&r.numbers))
        .collect();
    assert_eq!(numbers, vec!["全部(单号)", "全部(双号)", "全部(单号)"]);
}

#[test]
fn rows_with_errors_are_reported_by_row_and_column_and_the_rest_kept() {
    let csv = "\
道路或小区,门牌号,对口小学,对口初中,备注
长青路,1-99号,甲小学,乙中学,
长青路,1-x号,甲小学,乙中学,
,5号,甲小学,乙中学,
青年路,全部,,,
\"绿园小区\",,甲小学,\"乙中学；丙中学\",
";
    let imported = import_file(csv.as_bytes(), None, None);
    assert_eq!(imported.rows, 5);
    assert_eq!(imported.rules.len(), 2);
    assert_eq!(imported.rules[1].middle, vec!["乙中学", "丙中学"]);
    let errors: Vec<(usize, usize, &str, &str)> = imported
        .errors
        .iter()
        .map(|e| (e.row, e.column, e.header.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, 2, "门牌号", "1-x号"),
            (4, 1, "道路或小区", "5号"),
            (5, 3, "对口小学", "")
        ]
    );
    assert_eq!(
        imported.errors[0].kind,
        ImportErrorKind::Numbers(SpecErrorKind::OpenDash)
    );
    assert_eq!(imported.errors[1].kind, ImportErrorKind::NoPlace);
    assert_eq!(imported.errors[2].kind, ImportErrorKind::NoSchool);

    let imported = import_file("a,b\n1,2\n".as_bytes(), None, None);
    assert_eq!(imported.errors[0].kind, ImportErrorKind::NoHeader);
    assert_eq!(imported.errors[0].row, 1);
    assert_eq!(
        import_file(b"  \n", None, None).errors[0].kind,
        ImportErrorKind::Empty
    );
}

#[test]
fn school_rows_and_the_school_list() {
    let areas = "学 校,学 段,服 务 区 域\n长青小学,小学,长青路：1-99号（单号）；5-x号\n第一中学,初中,青年路全部\n某校,高中,绿园小区\n";
    let imported = import_file(areas.as_bytes(), None, None);
    assert_eq!(imported.kind, Some(TableKind::Areas));
    assert_eq!(imported.rules.len(), 2);
    assert_eq!(imported.rules[0].primary, vec!["长青小学"]);
    assert_eq!(imported.rules[1].middle, vec!["第一中学"]);
    let errors: Vec<(usize, usize, &str)> = imported
        .errors
        .iter()
        .map(|e| (e.row, e.column, e.text.as_str()))
        .collect();
    assert_eq!(errors, vec![(4, 2, "高中")]);
    // A fragment not understood is kept as the school's unread text, with its row.
    let unread: Vec<(usize, &str, &str)> = imported
        .unread()
        .map(|(a, f)| (a.row, a.schools[0].as_str(), f.text.as_str()))
        .collect();
    assert_eq!(unread, vec![(2, "长青小学", "5-x号")]);

    let list = "学校,学段,地址,电话,预警等级,预警说明\n长青小学,小学,长青路1号,0431-1,红色预警,已满\n第一中学,初中,青年路2号,0431-2,二级,接近\n甲校,九年一贯制,,,紫色,\n";
    let imported = import_file(list.as_bytes(), None, None);
    assert_eq!(imported.kind, Some(TableKind::Schools));
    assert_eq!(imported.schools.len(), 3);
    let w = imported.schools[0].warning.as_ref().unwrap();
    assert_eq!((w.level, w.text.as_str()), (WarningLevel::Red, "已满"));
    assert_eq!(
        imported.schools[1].warning.as_ref().unwrap().level,
        WarningLevel::Level2
    );
    assert_eq!(imported.schools[2].stage, Some(Stage::Both));
    assert_eq!(imported.errors.len(), 1);
    assert_eq!((imported.errors[0].row, imported.errors[0].column), (4, 5));
    assert_eq!(imported.errors[0].kind, ImportErrorKind::UnknownWarning);
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn xlsx_fixture_first_sheet_and_a_named_one() {
    let bytes = fixture("districts.xlsx");
    assert_eq!(sheet_names(&bytes).unwrap(), vec!["道路规则", "服务区域"]);
    let rows = read_sheet(&bytes, None).unwrap();
    assert_eq!(rows[2].number, 3);
    // Rich text joined, the phonetic run left out.
    assert_eq!(rows[2].cells[0], "东风大街");
    assert_eq!(rows[3].cells[4], "A&B 备注");
    let imported = import_file(&bytes, None, None);
    assert_eq!(imported.kind, Some(TableKind::Rules));
    assert_eq!(imported.rules.len(), 4, "{:?}", imported.errors);
    assert_eq!(
        imported.rules[2].middle,
        vec!["汽开区第一中学", "汽开区第二中学"]
    );
    assert_eq!(imported.errors.len(), 1);
    let e = &imported.errors[0];
    assert_eq!((e.row, e.column, e.header.as_str()), (7, 3, "对口小学"));
    let imported = import_file(&bytes, Some("服务区域"), None);
    assert_eq!(imported.kind, Some(TableKind::Areas));
    assert_eq!(imported.rules.len(), 4);
    let imported = import_file(&bytes, Some("无此表"), None);
    assert!(matches!(imported.errors[0].kind, ImportErrorKind::Xlsx(_)));
    let mut broken = bytes.clone();
    broken.truncate(bytes.len() / 2);
    assert!(matches!(
        import_file(&broken, None, None).errors[0].kind,
        ImportErrorKind::Xlsx(_)
    ));
}

#[test]
fn csv_rows_are_numbered_by_line() {
    let rows = csv_rows("a,b\n\"x\ny\",2\nz,3\n").unwrap();
    assert_eq!(
        rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![1, 2, 4]
    );
}

#[test]
fn preview_then_apply_keeps_school_ids() {
    let mut schools: Vec<School> = Vec::new();
    let mut data = DistrictData::default();
    let list = import_file(
        "学校,学段,地址,电话\n甲小学,小学,一路1号,1\n".as_bytes(),
        None,
        None,
    );
    apply_import(&mut schools, &mut data, &list, ImportMode::Replace);
    let id = schools[0].id.clone();
    let rules = import_file(RULES.as_bytes(), None, None);
    let preview = preview_import(&schools, &data, &rules, ImportMode::Replace);
    assert_eq!(
        (preview.rules_before, preview.rules_after, preview.rules_new),
        (0, 2, 2)
    );
    apply_import(&mut schools, &mut data, &rules, ImportMode::Replace);
    assert_eq!(data.rules.len(), 2);
    // The same file again changes nothing.
    let preview = preview_import(&schools, &data, &rules, ImportMode::Replace);
    assert_eq!(
        (
            preview.rules_new,
            preview.rules_removed,
            preview.rules_after
        ),
        (0, 0, 2)
    );
    let list = import_file(
        "学校,学段,地址,电话\n甲小学,小学,二路2号,1\n乙小学,小学,,\n".as_bytes(),
        None,
        None,
    );
    let preview = preview_import(&schools, &data, &list, ImportMode::Replace);
    assert_eq!(preview.schools_updated, vec!["甲小学"]);
    assert_eq!(preview.schools_added, vec!["乙小学"]);
    apply_import(&mut schools, &mut data, &list, ImportMode::Replace);
    assert_eq!(schools[0].id, id);
    assert_eq!(schools[0].address, "二路2号");
    assert_eq!(data.rules.len(), 2, "a school list leaves the rules alone");
}

/// Issue 22: the preview counted a new school twice when two rows name it, while the import adds it
/// once. The preview lists what the import adds, for a school list and for a 服务区域 table.
#[test]
fn preview_counts_a_school_two_rows_name_once() {
    for csv in [
        "学校,学段,地址,电话\n丙小学,小学,一路1号,1\n丙小学,小学,二路2号,2\n",
        "学校,学段,服务区域\n丙小学,小学,东风大街1-9号\n丙小学,小学,创业大街\n",
    ] {
        let mut schools: Vec<School> = Vec::new();
        let mut data = DistrictData::default();
        let imported = import_file(csv.as_bytes(), None, None);
        let preview = preview_import(&schools, &data, &imported, ImportMode::Replace);
        apply_import(&mut schools, &mut data, &imported, ImportMode::Replace);
        assert_eq!(preview.schools_added, vec!["丙小学"], "{csv}");
        assert_eq!(schools.len(), preview.schools_added.len(), "{csv}");
        assert!(preview.schools_updated.is_empty(), "{csv}");
    }
    // A known school named by its name in one row and by another of its names in the next: updated once.
    let mut schools = vec![School::new(&[], "丙小学", Stage::Primary)];
    schools[0].aliases.push("丙校".into());
    let csv = "学校,学段,地址,电话\n丙小学,小学,一路1号,1\n丙校,小学,二路2号,2\n";
    let imported = import_file(csv.as_bytes(), None, None);
    let preview = preview_import(
        &schools,
        &DistrictData::default(),
        &imported,
        ImportMode::Replace,
    );
    assert_eq!(preview.schools_updated, vec!["丙小学"]);
    assert!(preview.schools_added.is_empty());
}

#[test]
fn conflicts_list_overlaps_and_unknown_schools() {
    let csv = "\
道路或小区,门牌号,对口小学,对口初中
长青路,1-99号,甲小学,乙中学
长青路,51-149号,丙小学,乙中学
长青路,60号,甲小学,乙中学
长青路,2-50号(双号),甲小学,乙中学
青年路,1-9号(单号),甲小学,
青年路,2-10号(双号),丙小学,
";
    let imported = import_file(csv.as_bytes(), None, None);
    let data = DistrictData {
        rules: imported.rules,
        ..DistrictData::default()
    };
    let mut schools = Vec::new();
    for (name, stage) in [("甲小学", Stage::Primary), ("乙中学", Stage::Middle)] {
        let s = School::new(&schools, name, stage);
        schools.push(s);
    }
    let found = conflicts(&data, &schools);
    assert_eq!(
        found,
        vec![
            Conflict::Overlap {
                a: 0,
                b: 1,
                place: "长青路".into(),
                level: Level::Primary,
                resolved: false
            },
            Conflict::Overlap {
                a: 1,
                b: 2,
                place: "长青路".into(),
                level: Level::Primary,
                resolved: true
            },
            Conflict::UnknownSchool {
                rule: 1,
                school: "丙小学".into()
            },
            Conflict::UnknownSchool {
                rule: 5,
                school: "丙小学".into()
            },
        ]
    );
}

#[test]
fn published_files_are_checked() {
    assert!(matches!(
        read_published("{"),
        Err(PublishError::NotJson { .. })
    ));
    assert_eq!(
        read_published(r#"{"format":"x","version":1}"#),
        Err(PublishError::WrongFormat)
    );
    assert_eq!(
        read_published(r#"{"format":"gongkai-districts","version":9}"#),
        Err(PublishError::TooNew(9))
    );
    let bad = r#"{"format":"gongkai-districts","version":1,"schools":[],"places":[["长青路","road",[],-1]],
        "rules":[[0,"全部",[3],[],0,0,0,[],[]]],"texts":[""]}"#;
    assert_eq!(
        read_published(bad),
        Err(PublishError::BadReference { rule: 0 })
    );
    let bad = r#"{"format":"gongkai-districts","version":1,"schools":[],"places":[["长青路","road",[],-1]],
        "rules":[[0,"1-x号",[],[],0,0,0,[],[]]],"texts":[""]}"#;
    let p = read_published(bad).unwrap();
    assert_eq!(
        gongkai::district::DistrictIndex::build(&p).err(),
        Some(PublishError::BadNumbers { rule: 0 })
    );
}
