//! Fixture tests: backup files of every schema version ever written still load, migrated to the current one.

use gongkai::backup;
use gongkai::model::{NoCases, ReportStructure, TableFormat, SCHEMA_VERSION};
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn v0_single_report_file_is_migrated() {
    let ws = backup::import(&fixture("workspace-v0.json")).expect("v0 loads");
    assert_eq!(ws.schema_version, SCHEMA_VERSION);
    assert_eq!(ws.current_year, Some(2019));
    let r = ws.current().expect("the one report is open");
    assert_eq!(r.year, 2019);
    assert_eq!(r.unit_name, "示例县教育局");
    assert_eq!(r.region, "示例县");
    assert_eq!(r.structure, ReportStructure::Field);
    assert_eq!(
        r.narrative.goals,
        "实现义务教育领域基层政务公开标准化规范化。"
    );
    assert_eq!(
        r.narrative.work_items,
        vec!["1、确定政务公开工作主管领导；", "2、梳理公开事项目录。"]
    );
    assert_eq!(r.narrative.other, "无");
    assert_eq!(r.tables.get("t2/a20_1/rules/new_made"), "0");
    assert_eq!(r.tables.get("t2/a20_5/license/change"), "增10");
    assert_eq!(
        r.tables.get("t2/a20_9/procurement/purchase_amount"),
        "1276.5534万元"
    );
}

#[test]
fn v1_file_loads_with_defaults_for_missing_fields() {
    let ws = backup::import(&fixture("workspace-v1.json")).expect("v1 loads");
    assert_eq!(ws.reports.len(), 2);
    assert_eq!(ws.current_year, Some(2021));
    let r2020 = &ws.reports[&2020];
    assert_eq!(r2020.narrative.work_items.len(), 2);
    assert_eq!(r2020.tables.get("t2/a20_5/license/change"), "-35");
    assert_eq!(r2020.effective_table_format(), TableFormat::V2019);
    let r2021 = &ws.reports[&2021];
    assert_eq!(r2021.structure, ReportStructure::Statutory);
    assert_eq!(r2021.table_format, Some(TableFormat::V2021));
    assert!(r2021.categories.is_empty());
    assert!(r2021.narrative.is_empty());
    // Schema 2 added the graphic option of the HTML export: off for older reports.
    assert!(ws.reports.values().all(|r| !r.graphic_in_html));
    // Schema 4 added the 本年度无相关情况 marks: unmarked for older reports.
    assert_eq!(r2021.no_cases, NoCases::default());
}

#[test]
fn v2_file_keeps_the_graphic_option() {
    let ws = backup::import(&fixture("workspace-v2.json")).expect("v2 loads");
    assert_eq!(ws.schema_version, SCHEMA_VERSION);
    assert!(ws.reports[&2021].graphic_in_html);
    assert!(!ws.reports[&2020].graphic_in_html);
    assert!(ws.reports[&2020].omit_not_applicable);
    assert_eq!(ws.reports[&2021].tables.get("t3/main/new/natural"), "3");
    // v3 → v4: the 本年度无相关情况 marks did not exist, so both tables are unmarked.
    assert!(ws
        .reports
        .values()
        .all(|r| r.no_cases == NoCases::default()));
}

#[test]
fn v4_file_keeps_the_no_cases_marks() {
    let ws = backup::import(&fixture("workspace-v4.json")).expect("v4 loads");
    assert_eq!(ws.schema_version, SCHEMA_VERSION);
    let r = ws.current().expect("2021 is open");
    assert_eq!(
        r.no_cases,
        NoCases {
            table3: true,
            table4: true
        }
    );
    assert_eq!(
        r.display_title(),
        "示例县教育局2021年政府信息公开工作年度报告"
    );
    // Blank 表三/表四 marked 本年度无相关情况: no EmptyTable hint.
    let rules: Vec<_> = gongkai::check::check(&ws, 2021)
        .iter()
        .map(|f| f.rule)
        .collect();
    assert!(
        !rules.contains(&gongkai::check::Rule::EmptyTable),
        "{rules:?}"
    );
}

#[test]
fn v1_and_v2_files_get_an_empty_school_list_and_district_data() {
    for name in ["workspace-v1.json", "workspace-v2.json"] {
        let ws = backup::import(&fixture(name)).expect(name);
        assert!(ws.schools.is_empty(), "{name}");
        assert!(ws.districts.is_empty(), "{name}");
    }
}

#[test]
fn v3_file_keeps_schools_and_district_rules() {
    use gongkai::district::{print_numbers, PlaceKind};
    let ws = backup::import(&fixture("workspace-v3.json")).expect("v3 loads");
    assert_eq!(ws.schema_version, SCHEMA_VERSION);
    // v3 → v4: the 本年度无相关情况 marks did not exist, so both tables are unmarked.
    assert!(ws
        .reports
        .values()
        .all(|r| r.no_cases == NoCases::default()));
    assert_eq!(ws.schools.len(), 2);
    assert_eq!(ws.schools[1].id, "school-3");
    assert_eq!(
        ws.schools[0].warning.as_ref().unwrap().level,
        gongkai::model::WarningLevel::Red
    );
    let d = &ws.districts;
    assert_eq!(d.bureau_phone, "0000-0000");
    assert_eq!(d.rules.len(), 4);
    assert_eq!(
        print_numbers(&d.rules[0].numbers),
        "1-99号(单号)、2-50号(双号)"
    );
    assert_eq!(d.rules[1].aliases, vec!["原青年街"]);
    assert_eq!(print_numbers(&d.rules[1].numbers), "全部(不含1-9号)");
    assert_eq!(d.rules[2].kind, PlaceKind::Boundary);
    assert_eq!(d.rules[2].except[0].name, "东风路");
    assert!(d.rules[3].is_possible_only());
    assert!(gongkai::district::conflicts(d, &ws.schools).is_empty());
}

#[test]
fn migrated_files_round_trip_through_the_current_format() {
    for name in [
        "workspace-v0.json",
        "workspace-v1.json",
        "workspace-v2.json",
        "workspace-v3.json",
        "workspace-v4.json",
    ] {
        let ws = backup::import(&fixture(name)).expect(name);
        let again = backup::import(&backup::export(&ws, "2026-01-01T00:00:00Z")).expect(name);
        assert_eq!(again, ws, "{name}");
    }
}
