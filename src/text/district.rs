//! Messages of the district import, conflicts and published file (zh-CN), for the bureau's
//! `#/districts` page. The parent page words lookup results on its own and does not link this.

use crate::district::problems::Problem;
use crate::district::xlsx::XlsxError;
use crate::district::{
    Conflict, DistrictData, ImportError, ImportErrorKind, Level, Parity, PlaceKind, PublishError,
    Rule, SpecErrorKind, TableKind,
};
use crate::excerpt::excerpt_to as excerpt;
use crate::model::{Stage, WarningLevel};

/// District strings of one locale.
pub struct DistrictTexts {
    pub locale: &'static str,
}

/// Simplified Chinese.
pub static ZH_CN: DistrictTexts = DistrictTexts { locale: "zh-CN" };

impl DistrictTexts {
    /// 学段, worded as on the parent page (one source: `text::lookup`).
    pub fn stage(&self, s: Stage) -> &'static str {
        super::lookup::ZH_CN.stage(s)
    }

    /// 招生预警 level, worded as on the parent page (one source: `text::lookup`).
    pub fn warning_level(&self, l: WarningLevel) -> &'static str {
        super::lookup::ZH_CN.warning_level(l)
    }

    pub fn place_kind(&self, k: PlaceKind) -> &'static str {
        match k {
            PlaceKind::Road => "道路",
            PlaceKind::Community => "小区",
            PlaceKind::Neighbourhood => "社区",
            PlaceKind::Village => "村组",
            PlaceKind::Boundary => "四至范围",
        }
    }

    pub fn table_kind(&self, k: TableKind) -> &'static str {
        match k {
            TableKind::Rules => "道路或小区对口表（道路或小区,门牌号,对口小学,对口初中,备注）",
            TableKind::Areas => "学校服务区域表（学校,学段,服务区域）",
            TableKind::Schools => "学校名单（学校,学段,地址,电话,预警等级,预警说明）",
        }
    }

    pub fn spec_error(&self, k: SpecErrorKind) -> &'static str {
        match k {
            SpecErrorKind::Unexpected => "门牌号中有无法识别的文字",
            SpecErrorKind::TooLarge => "号码过大（最大 999999）",
            SpecErrorKind::Reversed => "号段的起号大于止号",
            SpecErrorKind::OpenDash => "号段缺少止号",
            SpecErrorKind::Unclosed => "括号没有闭合",
            SpecErrorKind::MixedUnits => "号段两端的单位不一致（如“组”与“号”）",
        }
    }

    fn xlsx_error(&self, e: &XlsxError) -> String {
        match e {
            XlsxError::NotXlsx => "文件不是有效的 Excel 工作簿（.xlsx），可能已损坏。".into(),
            XlsxError::MissingPart(p) | XlsxError::BadPart(p) => {
                format!(
                    "Excel 工作簿的组成部分 {} 缺失或无法读取，可能已损坏。请在 Excel 中另存为 .xlsx 后重试。",
                    excerpt(p, 40)
                )
            }
            XlsxError::TooLarge(p) => format!(
                "Excel 工作簿的组成部分 {} 解压后超过 64 MB，不像是学区表格，没有读取。请只保留需要的工作表后另存再试。",
                excerpt(p, 40)
            ),
            XlsxError::NoSuchSheet(s) => format!("工作簿中没有名为“{}”的工作表。", excerpt(s, 40)),
            XlsxError::NoSheet => "工作簿中没有工作表。".into(),
        }
    }

    /// One import error: where it is and what is wrong, with the offending text.
    pub fn import_error(&self, e: &ImportError) -> String {
        let reason = match &e.kind {
            ImportErrorKind::Empty => return "文件是空的。".into(),
            ImportErrorKind::Encoding => {
                return "无法识别文件的文字编码：请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重试。".into()
            }
            ImportErrorKind::Xlsx(x) => return self.xlsx_error(x),
            ImportErrorKind::Csv(_) => "CSV 格式有误（引号不配对或换行异常）".to_string(),
            ImportErrorKind::NoHeader => {
                "找不到表头。表头应为“道路或小区,门牌号,对口小学,对口初中,备注”，或“学校,学段,服务区域”，或“学校,学段,地址,电话,预警等级,预警说明”".to_string()
            }
            ImportErrorKind::NoPlace => "缺少道路、小区或村的名称".to_string(),
            ImportErrorKind::Unclear => {
                "这段文字可以有不止一种读法（例如名称像门牌号），请改写".to_string()
            }
            ImportErrorKind::Numbers(k) => self.spec_error(*k).to_string(),
            ImportErrorKind::NoSchool => "没有填写学校".to_string(),
            ImportErrorKind::UnknownStage => {
                "学段无法识别（应为 小学、初中 或 九年一贯制）".to_string()
            }
            ImportErrorKind::UnknownWarning => {
                "预警等级无法识别（应为 红、橙、黄、绿，或 一级、二级，或留空）".to_string()
            }
        };
        let place = match (e.row, e.column) {
            (0, _) => String::new(),
            (r, 0) => format!("第 {r} 行："),
            (r, c) if e.header.is_empty() => format!("第 {r} 行第 {c} 列："),
            (r, c) => format!("第 {r} 行第 {c} 列（{}）：", excerpt(&e.header, 20)),
        };
        if e.text.is_empty() {
            format!("{place}{reason}。")
        } else {
            format!("{place}{reason}：“{}”。", excerpt(&e.text, 60))
        }
    }

    pub fn level(&self, l: Level) -> &'static str {
        match l {
            Level::Primary => "小学",
            Level::Middle => "初中",
        }
    }

    /// One conflict, naming the rules by their original wording.
    pub fn conflict(&self, c: &Conflict, rules: &[Rule]) -> String {
        let wording = |i: usize| {
            rules
                .get(i)
                .map(|r| {
                    if r.source.is_empty() {
                        r.name.clone()
                    } else {
                        r.source.clone()
                    }
                })
                .unwrap_or_default()
        };
        match c {
            Conflict::Overlap {
                a,
                b,
                place,
                level,
                resolved,
            } => {
                let tail = if *resolved {
                    "查询时以范围较小的一条为准，请确认是否有意如此。"
                } else {
                    "两条范围相同，查询时无法判断，家长会被提示联系教育局。"
                };
                format!(
                    "【{place}】“{}”与“{}”的号段重叠，但对口{}不同。{tail}",
                    wording(*a),
                    wording(*b),
                    self.level(*level)
                )
            }
            Conflict::UnknownSchool { rule, school } => format!(
                "“{}”对口的学校“{school}”不在学校名单中：家长将看不到它的地址、电话和招生预警。",
                wording(*rule)
            ),
        }
    }

    /// One problem before publishing, naming the rules by their original wording (short excerpts).
    pub fn problem(&self, p: &Problem, data: &DistrictData) -> String {
        let wording = |i: usize| {
            data.rules
                .get(i)
                .map(|r| {
                    let text = if r.source.is_empty() {
                        &r.name
                    } else {
                        &r.source
                    };
                    excerpt(text, 60)
                })
                .unwrap_or_default()
        };
        match p {
            Problem::Overlap {
                a,
                b,
                place,
                levels,
                resolved,
            } => {
                let tail = if *resolved {
                    "查询时以范围较小的一条为准，请确认是否有意如此。"
                } else {
                    "两条范围相同，查询时无法判断，家长会看到两所学校和教育局的电话。"
                };
                let levels: Vec<&str> = levels.iter().map(|l| self.level(*l)).collect();
                format!(
                    "【{place}】“{}”与“{}”的号段重叠，但对口{}不同。{tail}",
                    wording(*a),
                    wording(*b),
                    levels.join("和")
                )
            }
            Problem::Gap {
                place,
                before,
                after,
                from,
                to,
                parity,
            } => {
                let side = match parity {
                    Parity::Odd => "（单号）",
                    Parity::Even => "（双号）",
                    Parity::All => "",
                };
                let numbers = if from == to {
                    format!("{from}号")
                } else {
                    format!("{from}号至{to}号{side}")
                };
                format!(
                    "【{place}】{numbers}没有任何规则，两边却都有号段：“{}”与“{}”。可能是录入错误，请核对；家长查这些门牌号会看到“请咨询教育局”。",
                    wording(*before),
                    wording(*after)
                )
            }
            Problem::UnknownSchool { school, rules } => format!(
                "学校“{}”不在学校名单中（{} 条规则对口这所学校，如“{}”）：家长将看不到它的地址、电话和招生预警。",
                excerpt(school, 40),
                rules.len(),
                rules.first().map(|r| wording(*r)).unwrap_or_default()
            ),
            Problem::Unread { area, fragment } => {
                let a = data.areas.get(*area);
                let school = a.map(|a| a.schools.join("、")).unwrap_or_default();
                let text = a
                    .and_then(|a| a.fragments.iter().find(|f| f.id == *fragment))
                    .map(|f| f.wording().to_string())
                    .unwrap_or_default();
                let row = a.map_or(0, |a| a.row);
                format!(
                    "{}（第 {row} 行）有一段没有读懂：“{}”。家长查到它提到的地名时，只会看到“可能属于”。",
                    excerpt(&school, 40),
                    excerpt(&text, 60)
                )
            }
        }
    }

    pub fn publish_error(&self, e: &PublishError) -> String {
        match e {
            PublishError::NotJson { line, column } => {
                format!(
                    "学区数据文件不是有效的 JSON（第 {line} 行第 {column} 列附近），可能已损坏。"
                )
            }
            PublishError::WrongFormat => "这不是学区数据文件（districts.json）。".into(),
            PublishError::TooNew(v) => {
                format!("学区数据文件的版本为 {v}，比本页面支持的版本新。")
            }
            PublishError::BadReference { rule } | PublishError::BadNumbers { rule } => {
                format!("学区数据文件的第 {} 条规则已损坏。", rule + 1)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_errors_name_row_column_and_text() {
        let e = ImportError {
            row: 3,
            column: 2,
            header: "门牌号".into(),
            text: "1-x号".into(),
            kind: ImportErrorKind::Numbers(SpecErrorKind::OpenDash),
        };
        assert_eq!(
            ZH_CN.import_error(&e),
            "第 3 行第 2 列（门牌号）：号段缺少止号：“1-x号”。"
        );
        let kinds = [
            ImportErrorKind::Empty,
            ImportErrorKind::Encoding,
            ImportErrorKind::Xlsx(XlsxError::NotXlsx),
            ImportErrorKind::Csv("x".into()),
            ImportErrorKind::NoHeader,
            ImportErrorKind::NoPlace,
            ImportErrorKind::Unclear,
            ImportErrorKind::NoSchool,
            ImportErrorKind::UnknownStage,
            ImportErrorKind::UnknownWarning,
        ];
        // Issue 22: a 6,000-character first row gave a 6,088-character “找不到表头” message.
        let long = ImportError {
            row: 1,
            column: 1,
            header: "表".repeat(6_000),
            text: "道".repeat(6_000),
            kind: ImportErrorKind::NoHeader,
        };
        for kind in [
            ImportErrorKind::NoHeader,
            ImportErrorKind::Numbers(SpecErrorKind::OpenDash),
            ImportErrorKind::NoPlace,
            ImportErrorKind::UnknownStage,
            ImportErrorKind::UnknownWarning,
        ] {
            let m = ZH_CN.import_error(&ImportError {
                kind,
                ..long.clone()
            });
            assert!(m.chars().count() < 250, "{} chars", m.chars().count());
            assert!(m.contains("道道道"), "{m}");
        }
        for kind in kinds {
            let m = ZH_CN.import_error(&ImportError { kind, ..e.clone() });
            assert!(
                m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{m}"
            );
            assert!(!m.contains("error"), "{m}");
        }
    }
}
