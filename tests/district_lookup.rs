//! District lookup on the built-in example, data-driven: query normalisation, specificity, parity, open
//! ranges, lanes, annexes, buildings, groups, exclusions, aliases, boundary roads as possible matches,
//! typos, pinyin with heteronyms, roads that need a number, and addresses that match nothing.

use gongkai::district::pinyin::readings;
use gongkai::district::{
    example::example_district, publish, read_published, write_published, DistrictIndex, MatchKind,
    Outcome,
};

fn index() -> DistrictIndex {
    let (schools, data) = example_district();
    let published = publish(&data, &schools, &readings);
    // Through the file, as the parent page reads it.
    let json = write_published(&published);
    let back = read_published(&json).expect("published file reads back");
    assert_eq!(back, published);
    DistrictIndex::build(&back).expect("index builds")
}

fn names(ix: &DistrictIndex, ids: &[u32]) -> Vec<String> {
    ids.iter()
        .map(|i| ix.school(*i).unwrap().name.replace("汽开区", ""))
        .collect()
}

/// (query, primary, middle) for queries that resolve to definite schools.
const FOUND: &[(&str, &str, &str)] = &[
    ("东风大街1号", "第一实验小学", "第一中学"),
    ("东风大街99号", "第一实验小学", "第一中学"),
    ("东风大街2号", "东风小学", "第一中学"),
    ("东风大街100号", "东风小学", "第一中学"),
    // open ranges with parity
    ("东风大街101号", "东风小学", "第二中学"),
    ("东风大街1001号", "东风小学", "第二中学"),
    ("东风大街102号", "锦程小学", "第二中学"),
    // a single number beats the range it lies in
    ("东风大街88号", "东风小学", "第一中学"),
    // prefixes, full-width forms and spaces
    ("吉林省长春市汽开区东风大街３号", "第一实验小学", "第一中学"),
    ("长春市 汽开区 东风大街 5 号", "第一实验小学", "第一中学"),
    ("汽开区东风大街7号", "第一实验小学", "第一中学"),
    // 全部 and ranges written with full-width digits
    ("创业大街12号", "创业小学", "第二中学"),
    ("创业大街", "创业小学", "第二中学"),
    ("锦程大街88号", "锦程小学", "第三中学"),
    ("锦程大街89号", "普阳小学", "第三中学"),
    // 以下, 以上 with an exclusion, and the excluded numbers' own rule
    ("普阳街50号", "普阳小学", "第三中学"),
    ("普阳街51号", "创业小学", "第三中学"),
    ("普阳街205号", "普阳小学", "第三中学"),
    ("普阳街211号", "创业小学", "第三中学"),
    // lanes; N弄M号 inside a lane is narrower than the lane
    ("飞跃路680弄", "东风小学", "第一中学、第二中学"),
    ("飞跃路680弄3号", "东风小学", "第一中学、第二中学"),
    ("飞跃路760弄", "东风小学", "第一中学、第二中学"),
    ("飞跃路700弄5号", "第一实验小学", "第一中学"),
    ("飞跃路700弄25号", "东风小学", "第一中学、第二中学"),
    // 附号
    ("长沈路34号附12号", "锦程小学", "第三中学"),
    ("长沈路20号", "锦程小学", "第三中学"),
    // communities, buildings, aliases, a community named under a lane
    ("阳光小区", "第一实验小学", "第一中学"),
    ("阳光小区3号楼2单元301", "第一实验小学", "第一中学"),
    ("绿园花园3栋", "东风小学", "第一中学"),
    ("绿园花园12幢", "锦程小学", "第二中学"),
    ("锦绣家园", "锦程小学", "第二中学"),
    ("锦绣名苑", "锦程小学", "第二中学"),
    ("富民花园", "创业小学", "第三中学"),
    ("东环城路555弄", "创业小学", "第三中学"),
    // village groups, in digits or Chinese numerals
    ("永丰村1组", "普阳小学", "第三中学"),
    ("永丰村二组8号", "普阳小学", "第三中学"),
    ("永丰村3组5号", "普阳小学", "第三中学"),
    ("永丰村3组25号", "创业小学", "第三中学"),
    ("新华村", "创业小学", "第三中学"),
    // pinyin: initials, full, another reading of a heteronym (长 = zhang)
    ("dfdj 88", "东风小学", "第一中学"),
    ("DFDJ 3", "第一实验小学", "第一中学"),
    ("dongfengdajie 3", "第一实验小学", "第一中学"),
    ("changshenlu 20", "锦程小学", "第三中学"),
    ("zhangshenlu 20", "锦程小学", "第三中学"),
    ("csl 20", "锦程小学", "第三中学"),
    ("ygxq", "第一实验小学", "第一中学"),
];

#[test]
fn addresses_resolve_to_the_most_specific_rule() {
    let ix = index();
    for (query, primary, middle) in FOUND {
        match ix.search(query) {
            Outcome::Found(f) => {
                assert_eq!(
                    names(&ix, &f.primary.schools).join("、"),
                    *primary,
                    "{query}: primary"
                );
                assert_eq!(
                    names(&ix, &f.middle.schools).join("、"),
                    *middle,
                    "{query}: middle"
                );
                assert!(!f.primary.contested && !f.middle.contested, "{query}");
                assert!(
                    !f.primary.rules[0].original().is_empty(),
                    "{query}: original text"
                );
            }
            other => panic!("{query}: {other:?}"),
        }
    }
}

#[test]
fn how_the_place_was_found_is_reported() {
    let ix = index();
    let how = |q: &str| match ix.search(q) {
        Outcome::Found(f) => f.place.how,
        other => panic!("{q}: {other:?}"),
    };
    assert_eq!(how("东风大街3号"), MatchKind::Exact);
    assert_eq!(how("锦绣家园"), MatchKind::Alias);
    assert_eq!(how("dfdj 3"), MatchKind::Pinyin);
}

/// A name one character away from a place is offered (“您要找的是不是”), never answered: the parent
/// did not choose it.
#[test]
fn typos_are_offered_never_answered() {
    let ix = index();
    for (typed, meant) in [
        ("东风大接88号", "东风大街"),
        ("东风街1号", "东风大街"),
        ("阳光小去", "阳光小区"),
    ] {
        match ix.search(typed) {
            Outcome::NotFound {
                place: None,
                did_you_mean,
                ..
            } => {
                assert!(
                    did_you_mean
                        .iter()
                        .any(|h| h.name == meant && h.how == MatchKind::Typo),
                    "{typed}: {did_you_mean:?}"
                );
            }
            other => panic!("{typed}: {other:?}"),
        }
    }
}

#[test]
fn the_schools_carry_address_phone_and_warning() {
    let ix = index();
    let Outcome::Found(f) = ix.search("东风大街1号") else {
        panic!()
    };
    let school = ix.school(f.primary.schools[0]).unwrap();
    assert_eq!(school.address, "东风大街1888号");
    assert_eq!(school.phone, "0431-85000001");
    let w = school.warning.as_ref().unwrap();
    assert_eq!(w.level, gongkai::model::WarningLevel::Red);
    assert!(w.text.contains("招生计划"));
    assert_eq!(ix.meta.phone, "0431-85000000");
    assert_eq!(ix.meta.date, "2024-05-01");
    assert!(ix.meta.illustrative);
}

#[test]
fn boundary_roads_are_possible_matches_with_their_text() {
    let ix = index();
    // 长沈路 is on the boundary of 第二中学's area: a possible match beside the definite rule.
    let Outcome::Found(f) = ix.search("长沈路20号") else {
        panic!()
    };
    assert_eq!(f.possible.len(), 1);
    assert!(f.possible[0].possible);
    assert!(f.possible[0].original().contains("所围成的区域"));
    assert_eq!(names(&ix, f.possible[0].middle), vec!["第二中学"]);
    // The wording of a rule row is the row's cells, starting with the place's name.
    let Outcome::Found(f) = ix.search("东风大街3号") else {
        panic!()
    };
    assert_eq!(f.primary.rules[0].original(), "东风大街 1—99号（单号）");
    assert_eq!(f.primary.rules[0].text_prefix, "东风大街");
    // 东风大街1-99号 is excluded from the boundary rule.
    let Outcome::Found(f) = ix.search("东风大街3号") else {
        panic!()
    };
    assert!(f.possible.is_empty(), "{:?}", f.possible);
    let Outcome::Found(f) = ix.search("东风大街103号") else {
        panic!()
    };
    assert_eq!(f.possible.len(), 1);
    // A partial 社区 is only possible, with its qualifier.
    let Outcome::Found(f) = ix.search("东风社区") else {
        panic!()
    };
    assert!(f.primary.is_empty() && f.middle.is_empty());
    assert_eq!(f.possible.len(), 2);
    assert!(f.possible.iter().all(|p| p.note.contains("以东")));
}

#[test]
fn a_road_spanning_several_schools_asks_for_the_number() {
    let ix = index();
    for q in ["东风大街", "普阳街", "飞跃路", "永丰村", "绿园花园"] {
        match ix.search(q) {
            Outcome::NeedNumber { place, candidates } => {
                assert!(q.contains(place.name), "{q}");
                assert!(candidates.len() >= 2, "{q}");
            }
            other => panic!("{q}: {other:?}"),
        }
    }
}

#[test]
fn nothing_is_guessed() {
    let ix = index();
    for q in ["人民大街88号", "不存在的路", "xyzxyz 5", "完全无关"] {
        assert!(
            matches!(ix.search(q), Outcome::NotFound { place: None, .. }),
            "{q}: {:?}",
            ix.search(q)
        );
    }
    // A known road, a number no rule covers.
    match ix.search("永丰村5组") {
        Outcome::NotFound { place: Some(p), .. } => assert_eq!(p.name, "永丰村"),
        other => panic!("{other:?}"),
    }
    assert_eq!(ix.search("  "), Outcome::Empty);
}

#[test]
fn suggestions_by_characters_and_pinyin() {
    let ix = index();
    let names =
        |q: &str| -> Vec<String> { ix.suggest(q).iter().map(|h| h.name.to_string()).collect() };
    assert_eq!(names("东风"), vec!["东风大街", "东风社区"]);
    assert!(names("锦").contains(&"锦程大街".to_string()));
    assert!(names("jinc").contains(&"锦程大街".to_string()));
    assert!(names("dfd").contains(&"东风大街".to_string()));
    assert!(names("汽开区阳光").contains(&"阳光小区".to_string()));
    assert!(names("zzzz").is_empty());
}

#[test]
fn a_parity_alone_after_a_road_covers_only_that_parity() {
    use gongkai::district::{apply_import, import_file, DistrictData, ImportMode};
    let mut schools = Vec::new();
    let mut data = DistrictData::default();
    for csv in [
        "学校,学段,地址,电话\n甲小学,小学,,\n乙小学,小学,,\n",
        "学校,学段,服务区域\n甲小学,小学,东风大街（单号）\n乙小学,小学,东风大街（双号）\n",
    ] {
        let imported = import_file(csv.as_bytes(), None, None);
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        apply_import(&mut schools, &mut data, &imported, ImportMode::Append);
    }
    let published = publish(&data, &schools, &readings);
    let ix = DistrictIndex::build(&published).expect("index builds");
    for (q, school) in [("东风大街3号", "甲小学"), ("东风大街4号", "乙小学")] {
        match ix.search(q) {
            Outcome::Found(f) => assert_eq!(names(&ix, &f.primary.schools), vec![school], "{q}"),
            other => panic!("{q}: {other:?}"),
        }
    }
}
