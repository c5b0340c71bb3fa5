//! Editing rules by hand on the bureau's page: a rule as the five fields of a rule table row, a row of
//! fields back into a rule (with the errors the import gives), and the search over the rule list.

use super::area::{parse_place_numbers, print_place, AreaErrorKind};
use super::model::Rule;
use super::normalize::{clean, key};
use super::spec::{parse_numbers, print_numbers, SpecError};
use super::table::school_names;

/// A rule as a row of `道路或小区,门牌号,对口小学,对口初中,备注`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleFields {
    pub place: String,
    pub numbers: String,
    pub primary: String,
    pub middle: String,
    pub note: String,
    /// The 街道 / 镇 the place lies in (empty: none given).
    pub town: String,
    /// The imported fragment the rule was read from (not shown; kept so that the review page still
    /// finds the rule after an edit).
    pub fragment: u32,
}

/// Why fields do not make a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// No road, community or village.
    NoPlace,
    /// The place text cannot be read one way only.
    Unclear,
    /// The 门牌号 cannot be read.
    Numbers(SpecError),
    /// Neither a primary nor a middle school.
    NoSchool,
}

/// The fields that show a rule for editing (canonical numbers).
pub fn fields_of(rule: &Rule) -> RuleFields {
    let place = print_place(rule);
    // 全部 is shown as an empty field, unless the place alone would read otherwise (“东方2号院”).
    let all_reads_alike = || {
        let plain = |r: Rule| Rule {
            source: String::new(),
            ..r
        };
        parse_place_numbers(&place, "").map(plain) == parse_place_numbers(&place, "全部").map(plain)
    };
    RuleFields {
        numbers: if rule.numbers.is_all() && all_reads_alike() {
            String::new()
        } else {
            print_numbers(&rule.numbers)
        },
        place,
        primary: rule.primary.join("；"),
        middle: rule.middle.join("；"),
        note: rule.note.clone(),
        town: rule.town.clone(),
        fragment: rule.fragment,
    }
}

/// Checks a 门牌号 field as it is typed: `Ok` when it reads (empty = 全部).
pub fn check_numbers(text: &str) -> Result<(), SpecError> {
    parse_numbers(text).map(|_| ())
}

/// The rule the fields describe; its original text is the place and numbers as typed.
pub fn rule_from_fields(f: &RuleFields) -> Result<Rule, FieldError> {
    if f.place.trim().is_empty() {
        return Err(FieldError::NoPlace);
    }
    check_numbers(f.numbers.trim()).map_err(FieldError::Numbers)?;
    let mut rule = parse_place_numbers(&f.place, &f.numbers).map_err(|e| match e.kind {
        AreaErrorKind::Numbers(s) => FieldError::Numbers(s),
        AreaErrorKind::NoPlace => FieldError::NoPlace,
        AreaErrorKind::Unclear => FieldError::Unclear,
    })?;
    rule.primary = school_names(&f.primary);
    rule.middle = school_names(&f.middle);
    if rule.primary.is_empty() && rule.middle.is_empty() {
        return Err(FieldError::NoSchool);
    }
    let note = f.note.trim();
    if !note.is_empty() {
        rule.note = if rule.note.is_empty() {
            note.to_string()
        } else {
            format!("{}；{note}", rule.note)
        };
    }
    let town = clean(&f.town);
    if !town.is_empty() {
        rule.town = town;
    }
    rule.fragment = f.fragment;
    Ok(rule)
}

/// True when a phone text is empty or reads as phone numbers: digits with `-`, `+`, spaces, brackets,
/// `转` (extension) and separators between numbers, and at least five digits.
pub fn check_phone(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return true;
    }
    let allowed = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '-' | '+'
                    | ' '
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '—'
                    | '－'
                    | '转'
                    | '、'
                    | ','
                    | '，'
                    | ';'
                    | '；'
                    | '/'
            )
    };
    t.chars().all(allowed) && t.chars().filter(char::is_ascii_digit).count() >= 5
}

/// Indexes of the rules whose place, alias, numbers, schools, note or original text contains
/// `needle` (compared as keys: full-width forms, spaces and case folded). Empty: every rule.
pub fn search_rules(rules: &[Rule], needle: &str) -> Vec<usize> {
    let k = key(needle);
    if k.is_empty() {
        return (0..rules.len()).collect();
    }
    rules
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            std::iter::once(&r.name)
                .chain(&r.aliases)
                .chain(&r.primary)
                .chain(&r.middle)
                .chain([&r.note, &r.source])
                .any(|s| key(s).contains(&k))
                || print_numbers(&r.numbers).contains(&k)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::example::example_district;

    #[test]
    fn every_example_rule_reads_back_from_its_fields() {
        let (_, data) = example_district();
        for rule in &data.rules {
            let back = rule_from_fields(&fields_of(rule))
                .unwrap_or_else(|e| panic!("{}: {e:?}", rule.source));
            let strip = |r: &Rule| Rule {
                source: String::new(),
                ..r.clone()
            };
            assert_eq!(strip(&back), strip(rule), "{}", rule.source);
        }
    }

    #[test]
    fn fields_are_checked_like_imported_rows() {
        let ok = RuleFields {
            place: "东风大街".into(),
            numbers: "1—99号（单号）".into(),
            primary: "甲小学".into(),
            middle: "乙中学；丙中学".into(),
            note: "新划".into(),
            ..RuleFields::default()
        };
        let rule = rule_from_fields(&ok).unwrap();
        assert_eq!(print_numbers(&rule.numbers), "1-99号(单号)");
        assert_eq!(rule.middle, ["乙中学", "丙中学"]);
        assert_eq!(rule.note, "新划");
        assert_eq!(rule.source, "东风大街 1—99号（单号）");
        let bad = |f: RuleFields| rule_from_fields(&f).unwrap_err();
        assert_eq!(
            bad(RuleFields {
                place: " ".into(),
                ..ok.clone()
            }),
            FieldError::NoPlace
        );
        assert!(matches!(
            bad(RuleFields {
                numbers: "1-号".into(),
                ..ok.clone()
            }),
            FieldError::Numbers(_)
        ));
        assert_eq!(
            bad(RuleFields {
                primary: String::new(),
                middle: " ".into(),
                ..ok.clone()
            }),
            FieldError::NoSchool
        );
        assert!(check_numbers("").is_ok());
        assert!(check_numbers("5-1号").is_err());
    }

    #[test]
    fn phones_are_checked_where_typed() {
        for ok in [
            "",
            "0431-85000000",
            "(0431) 8500 0000",
            "0431-85000000转123",
            "85000001、85000002",
        ] {
            assert!(check_phone(ok), "{ok}");
        }
        for bad in ["abc", "12", "0431-8500000o", "电话"] {
            assert!(!check_phone(bad), "{bad}");
        }
    }

    #[test]
    fn search_folds_width_and_finds_schools_and_numbers() {
        let (_, data) = example_district();
        let all = search_rules(&data.rules, "");
        assert_eq!(all.len(), data.rules.len());
        let hits = search_rules(&data.rules, "东风大街");
        assert!(hits.len() >= 5);
        assert!(hits
            .iter()
            .all(|i| data.rules[*i].source.contains("东风大街")
                || data.rules[*i].name.contains("东风大街")));
        assert_eq!(search_rules(&data.rules, "ｆｅｉ"), Vec::<usize>::new());
        assert!(!search_rules(&data.rules, "锦绣家园").is_empty(), "aliases");
        assert!(!search_rules(&data.rules, "第二中学").is_empty(), "schools");
        assert!(!search_rules(&data.rules, "680弄").is_empty(), "numbers");
    }
}
