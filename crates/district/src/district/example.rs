//! The built-in example's district data: 汽开区-style roads, communities and a village written for the
//! example (illustrative, not an official table), in the three table shapes a bureau imports, covering
//! every rule shape: ranges with parity, single numbers, 以上/以下, 全部, lanes, N弄M号, 附号, buildings,
//! village groups, exclusions, an alias, several middle schools, a boundary description and a partial
//! 社区, plus the school list with 招生预警.
//!
//! The workbench loads the example from `example_data.json`, these tables as the importer reads them,
//! so that its first load carries no parser (docs/performance.md); a test keeps the two equal
//! (`UPDATE_GOLDEN=1 cargo test --lib district::example` rewrites the file).

use super::model::DistrictData;
use super::table::{apply_import, csv_rows, import_rows, ImportMode, Imported};
use crate::school::School;

/// The school list (学校,学段,地址,电话,预警等级,预警说明).
pub const SCHOOLS_CSV: &str = "\
学校,学段,地址,电话,预警等级,预警说明
汽开区第一实验小学,小学,东风大街1888号,0431-85000001,红色预警,学区内适龄户籍儿童人数已超过学校招生计划数，请家长理性选择。
汽开区东风小学,小学,东风大街1200号,0431-85000002,黄色预警,学区内适龄户籍儿童人数达到招生计划数的90%至100%。
汽开区锦程小学,小学,锦程大街566号,0431-85000003,绿色,学区内适龄户籍儿童人数低于招生计划数的90%。
汽开区普阳小学,小学,普阳街300号,0431-85000004,,
汽开区创业小学,小学,创业大街99号,0431-85000005,,
汽开区第一中学,初中,东风大街2000号,0431-85000011,一级,一级预警：学区内适龄学生人数达到招生计划的100%及以上。
汽开区第二中学,初中,创业大街1688号,0431-85000012,二级,二级预警：学区内适龄学生人数达到招生计划的90%至100%。
汽开区第三中学,初中,锦程大街1000号,0431-85000013,,
";

/// Rule rows (道路或小区,门牌号,对口小学,对口初中,备注).
pub const RULES_CSV: &str = "\
道路或小区,门牌号,对口小学,对口初中,备注
东风大街,1—99号（单号）,汽开区第一实验小学,汽开区第一中学,
东风大街,2—100号（双号）,汽开区东风小学,汽开区第一中学,
东风大街,101号以上（单号）,汽开区东风小学,汽开区第二中学,
东风大街,102号以上（双号）,汽开区锦程小学,汽开区第二中学,
东风大街,88号,汽开区东风小学,汽开区第一中学,88号单独划片
创业大街,全部,汽开区创业小学,汽开区第二中学,
锦程大街,１－８８号,汽开区锦程小学,汽开区第三中学,
锦程大街,89号以上,汽开区普阳小学,汽开区第三中学,
普阳街,50号以下,汽开区普阳小学,汽开区第三中学,
普阳街,51号以上（不含200-210号）,汽开区创业小学,汽开区第三中学,
普阳街,200～210号,汽开区普阳小学,汽开区第三中学,
飞跃路,680弄、700弄、750弄-840弄（双号）,汽开区东风小学,汽开区第一中学；汽开区第二中学,多校对口
飞跃路,700弄1-20号,汽开区第一实验小学,汽开区第一中学,
长沈路,34号附1号-附130号,汽开区锦程小学,汽开区第三中学,
长沈路,1至33号,汽开区锦程小学,汽开区第三中学,
阳光小区,,汽开区第一实验小学,汽开区第一中学,
绿园花园,1-10栋,汽开区东风小学,汽开区第一中学,
绿园花园,11幢以上,汽开区锦程小学,汽开区第二中学,
锦绣名苑（原锦绣家园）,全部,汽开区锦程小学,汽开区第二中学,
永丰村,1组、2组、3组1号-19号,汽开区普阳小学,汽开区第三中学,
永丰村,3组20号以上,汽开区创业小学,汽开区第三中学,
东环城路,555弄（富民花园）,汽开区创业小学,汽开区第三中学,
";

/// School rows (学校,学段,服务区域) with the official free text.
pub const AREAS_CSV: &str = "\
学校,学段,服务区域
汽开区第二中学,初中,东风大街(不含东风大街1-99号)—创业大街—锦程大街—长沈路所围成的区域
汽开区创业小学,小学,东风社区（创业大街以东区域）；新华村全部
汽开区第三中学,初中,东风社区（创业大街以东区域）；新华村全部
";

fn read(csv: &str) -> Imported {
    match csv_rows(csv) {
        Ok(rows) => import_rows(&rows),
        Err(e) => Imported::failed(e),
    }
}

/// The example's school list and district data, read from the tables above.
pub fn example_district_from_tables() -> (Vec<School>, DistrictData) {
    let mut schools = Vec::new();
    let mut data = DistrictData {
        region: "吉林省长春市汽开区".to_string(),
        bureau_phone: "0431-85000000".to_string(),
        data_date: "2024-05-01".to_string(),
        note: "学区划分以教育局当年发布的招生公告和入学通知为准。本页数据为示例，仅供演示。"
            .to_string(),
        illustrative: true,
        ..DistrictData::default()
    };
    apply_import(
        &mut schools,
        &mut data,
        &read(SCHOOLS_CSV),
        ImportMode::Append,
    );
    apply_import(
        &mut schools,
        &mut data,
        &read(RULES_CSV),
        ImportMode::Append,
    );
    apply_import(
        &mut schools,
        &mut data,
        &read(AREAS_CSV),
        ImportMode::Append,
    );
    (schools, data)
}

/// The example's school list and district data, as `example_district_from_tables` gives them (from
/// `example_data.json`; empty if that file could not be read, which a test rules out).
pub fn example_district() -> (Vec<School>, DistrictData) {
    serde_json::from_str(EXAMPLE_DATA).unwrap_or_default()
}

/// `example_district_from_tables()` as JSON.
const EXAMPLE_DATA: &str = include_str!("example_data.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_row_reads() {
        for csv in [SCHOOLS_CSV, RULES_CSV, AREAS_CSV] {
            let imported = read(csv);
            assert!(imported.errors.is_empty(), "{:?}", imported.errors);
            assert!(imported.rows > 0);
        }
        let (schools, data) = example_district();
        assert_eq!(schools.len(), 8);
        assert!(data.illustrative);
        assert!(data.rules.len() > 20);
    }

    #[test]
    fn example_data_json_is_the_tables_as_read() {
        let from_tables = example_district_from_tables();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/district/example_data.json"
        );
        if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
            let json = serde_json::to_string(&from_tables).unwrap();
            std::fs::write(path, json + "\n").unwrap();
            return;
        }
        assert!(
            example_district() == from_tables,
            "{path} is out of date: run `UPDATE_GOLDEN=1 cargo test --lib district::example`"
        );
    }
}
