//! The catalogue as data: the ten categories, their default items, the channel checklist and the deadline
//! (docs/reference/official-formats.md §2.2–§2.4), and restoring removed default items.

use gongkai::catalog::{default_items, ItemDef, CATEGORIES, CHANNELS, DEFAULT_DEADLINE};
use gongkai::model::{
    missing_defaults, restore_defaults, restore_some_defaults, CategoryContent, ItemContent, Report,
};

#[test]
fn ten_categories_in_order_with_verbatim_names() {
    let pairs: Vec<_> = CATEGORIES.iter().map(|c| (c.key, c.name)).collect();
    assert_eq!(
        pairs,
        [
            ("policy", "政策文件"),
            ("overview", "教育概况"),
            ("private-schools", "民办学校信息"),
            ("finance", "财务信息"),
            ("enrollment", "招生管理"),
            ("students", "学生管理"),
            ("teachers", "教师管理"),
            ("policy-execution", "重要政策执行情况"),
            ("supervision", "教育督导"),
            ("safety", "校园安全"),
        ]
    );
}

#[test]
fn every_category_has_default_items_with_unique_ids() {
    for c in &CATEGORIES {
        let items = default_items(c.key);
        assert!(!items.is_empty(), "{} has no default items", c.key);
        let mut ids: Vec<_> = items.iter().map(|d| d.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), items.len(), "duplicate ids in {}", c.key);
        for d in items {
            assert!(
                !d.id.is_empty()
                    && d.id
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{}",
                d.id
            );
            assert!(!d.name.trim().is_empty(), "{}", d.id);
            assert!(!d.subject.trim().is_empty(), "{}", d.id);
        }
    }
}

#[test]
fn default_channels_come_from_the_checklist() {
    for c in &CATEGORIES {
        for d in default_items(c.key) {
            assert!(!d.channels.is_empty(), "{}", d.id);
            for ch in d.channels {
                assert!(CHANNELS.contains(ch), "{} has channel {ch}", d.id);
            }
        }
    }
}

#[test]
fn the_seeds_items_and_section_2_4_items_are_defaults() {
    let names = |key: &str| -> Vec<&str> { default_items(key).iter().map(|d| d.name).collect() };
    for (key, name) in [
        ("policy", "教育法律"),
        ("policy", "规范性文件"),
        ("overview", "教育统计数据"),
        ("overview", "义务教育学校名录"),
        ("private-schools", "日常监管信息"),
        ("enrollment", "招生政策"),
        ("enrollment", "招生预警"),
        ("enrollment", "学校介绍"),
        ("students", "学籍管理"),
        ("students", "学生评优奖励"),
        ("teachers", "教师资格认定"),
        ("teachers", "教师招聘与职称评聘"),
        ("policy-execution", "控辍保学"),
        ("policy-execution", "统一城乡义务教育“两免一补”政策"),
        ("policy-execution", "学校美育、体育评价"),
        ("supervision", "督导评估报告"),
        ("safety", "校车使用许可申请政策规定及申请流程"),
    ] {
        assert!(names(key).contains(&name), "{key}: {name}");
    }
}

#[test]
fn channel_checklist_and_deadline_are_verbatim() {
    assert_eq!(
        CHANNELS,
        [
            "政府网站",
            "政府公报",
            "两微一端",
            "发布会/听证会",
            "广播电视",
            "纸质媒体",
            "公开查阅点",
            "政务服务中心",
            "便民服务站",
            "入户/现场",
            "社区/企事业单位/村公示栏（电子屏）",
            "精准推送",
            "其他",
        ]
    );
    assert_eq!(DEFAULT_DEADLINE, "信息形成或者变更之日起20个工作日内");
}

#[test]
fn blank_report_holds_every_default_item() {
    let r = Report::blank(2024);
    for c in &CATEGORIES {
        let content = r.category(c.key).unwrap();
        let expected: Vec<ItemContent> = default_items(c.key)
            .iter()
            .map(ItemDef::to_content)
            .collect();
        assert_eq!(content.items, expected, "{}", c.key);
        assert!(content.is_empty(), "{}", c.key);
    }
}

fn ids(c: &CategoryContent) -> Vec<String> {
    c.items.iter().map(|i| i.id.clone()).collect()
}

#[test]
fn restore_defaults_round_trip() {
    let blank = Report::blank(2020);
    for c in &CATEGORIES {
        let full = blank.category(c.key).unwrap().clone();
        let catalogue: Vec<String> = default_items(c.key).iter().map(|d| d.id.into()).collect();
        let mut edited = full.clone();
        // Remove (up to) two items, edit one that stays, and add a custom item at the end.
        let removed: Vec<String> = catalogue.iter().rev().step_by(2).take(2).cloned().collect();
        edited.items.retain(|i| !removed.contains(&i.id));
        if let Some(first) = edited.items.first_mut() {
            first.text = "本年度已公开。".into();
        }
        let custom = ItemContent {
            id: "custom-1".into(),
            name: "自定义事项".into(),
            text: "自定义内容".into(),
            ..ItemContent::default()
        };
        edited.items.push(custom.clone());
        let kept = edited.items.clone();
        restore_defaults(&mut edited);
        let mut expected = catalogue.clone();
        expected.push("custom-1".into());
        assert_eq!(ids(&edited), expected, "{}", c.key);
        for item in &kept {
            assert!(edited.items.contains(item), "{} {}", c.key, item.id);
        }
        for id in &removed {
            let restored = edited.items.iter().find(|i| &i.id == id).unwrap();
            let def = default_items(c.key).iter().find(|d| d.id == id).unwrap();
            assert_eq!(*restored, def.to_content());
        }
        assert_eq!(edited.items.last(), Some(&custom));
        // Restoring twice changes nothing more.
        let once = edited.clone();
        restore_defaults(&mut edited);
        assert_eq!(edited, once);
    }
}

#[test]
fn restore_defaults_of_an_unknown_category_keeps_it_as_is() {
    let mut c = CategoryContent {
        key: "nope".into(),
        items: vec![ItemContent {
            id: "custom-1".into(),
            ..ItemContent::default()
        }],
        ..CategoryContent::default()
    };
    let before = c.clone();
    restore_defaults(&mut c);
    assert_eq!(c, before);
}

#[test]
fn restore_only_the_chosen_defaults() {
    let full = Report::blank(2020).category("safety").unwrap().clone();
    let catalogue: Vec<String> = ids(&full);
    assert!(catalogue.len() >= 4);
    let mut edited = full.clone();
    edited
        .items
        .retain(|i| i.id != catalogue[0] && i.id != catalogue[2] && i.id != catalogue[3]);
    // What the picker offers: the missing ones, in catalogue order.
    let missing: Vec<&str> = missing_defaults(&edited).iter().map(|d| d.id).collect();
    assert_eq!(missing, [&catalogue[0], &catalogue[2], &catalogue[3]]);
    // Bring back the third only: it returns to its place, the other two stay removed.
    let added = restore_some_defaults(&mut edited, |id| id == catalogue[2]);
    assert_eq!(added, 1);
    let mut expected = catalogue.clone();
    expected.remove(3);
    expected.remove(0);
    assert_eq!(ids(&edited), expected);
    assert_eq!(
        missing_defaults(&edited)
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>(),
        [&catalogue[0], &catalogue[3]]
    );
    // Choosing nothing changes nothing; choosing an id that is present changes nothing.
    let before = edited.clone();
    assert_eq!(restore_some_defaults(&mut edited, |_| false), 0);
    assert_eq!(
        restore_some_defaults(&mut edited, |id| id == catalogue[1]),
        0
    );
    assert_eq!(edited, before);
    assert!(missing_defaults(&full).is_empty());
}

#[test]
fn every_date_verb_names_an_item_of_the_catalogue() {
    for (category, item, verb) in gongkai::catalog::DATE_VERBS {
        assert!(
            gongkai::catalog::default_items(category)
                .iter()
                .any(|d| d.id == *item),
            "{category}/{item}"
        );
        assert_eq!(gongkai::catalog::date_verb(category, item), *verb);
    }
    assert_eq!(gongkai::catalog::date_verb("students", "nothing"), "公开");
}
