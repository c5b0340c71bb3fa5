//! Tolerant parsing of table cells as real reports write them (docs/reference/official-formats.md
//! §3): integers, negatives,
//! “增10”/“减3”, decimals with units (“1276.5534万元”), full-width digits, thousands separators,
//! blanks; and splitting a block pasted from Excel/WPS into cells.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

use thiserror::Error;

/// Raw cell text of the statutory tables, keyed `table/block/row/column` (see `catalog::cell_key`).
/// Text is kept as typed ("增10", "1276.5534万元"); parsing happens in the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct TableValues(pub BTreeMap<String, String>);

impl TableValues {
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("")
    }

    /// Sets a cell; an empty value removes it so that blanks stay blanks.
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<String>) {
        let (key, value) = (key.into(), value.into());
        if value.trim().is_empty() {
            self.0.remove(&key);
        } else {
            self.0.insert(key, value);
        }
    }
}

/// What a cell holds, which decides how its text is parsed ([`parse_cell`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// A non-negative integer (件数, 数量).
    Count,
    /// A signed integer: “-35”, “+5”, “增10”, “减3” (本年增/减).
    Change,
    /// A non-negative decimal with an optional unit 元/万元: “1276.5534万元”, “282.1”.
    Amount,
}

/// The unit written after an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountUnit {
    /// 元
    Yuan,
    /// 万元
    WanYuan,
}

impl AmountUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            AmountUnit::Yuan => "元",
            AmountUnit::WanYuan => "万元",
        }
    }
}

/// An amount kept exactly as a normalised decimal: no leading zeros, no trailing fractional zeros
/// (“0282.10” → “282.1”), with the unit if one was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The normalised number, e.g. “1276.5534”, “251000”, “0.5”.
    pub number: String,
    pub unit: Option<AmountUnit>,
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.number)?;
        if let Some(u) = self.unit {
            f.write_str(u.as_str())?;
        }
        Ok(())
    }
}

/// The value of a parsed cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellValue {
    /// Empty or whitespace only (reports often leave zeros blank).
    Blank,
    /// A count or a change.
    Integer(i64),
    /// An amount (only for [`CellKind::Amount`]).
    Amount(Amount),
}

impl CellValue {
    /// The integer of a count or change cell; blank counts as 0. Amounts are not counts and give 0.
    pub fn as_count(&self) -> i64 {
        match self {
            CellValue::Integer(n) => *n,
            CellValue::Blank | CellValue::Amount(_) => 0,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, CellValue::Blank)
    }
}

/// The normalised text: “” for blank, “-3” for “减3”, “1276.5534万元”.
impl fmt::Display for CellValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellValue::Blank => Ok(()),
            CellValue::Integer(n) => write!(f, "{n}"),
            CellValue::Amount(a) => a.fmt(f),
        }
    }
}

/// Why a cell's text is not a value of its kind. [`CellError::message`] words it for the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum CellError {
    /// Letters, Chinese numerals (“十”) or other text.
    #[error("not a number of kind {0:?}")]
    NotANumber(CellKind),
    /// A minus sign or “减” where only non-negative values are allowed.
    #[error("negative value in a {0:?} cell")]
    Negative(CellKind),
    /// “+” or “增” outside a change column.
    #[error("sign or 增/减 outside a change cell")]
    SignNotAllowed,
    /// A decimal point in a count or change.
    #[error("decimal in a {0:?} cell")]
    Fraction(CellKind),
    /// 元/万元 outside an amount column.
    #[error("unit outside an amount cell")]
    UnitNotAllowed,
    /// Thousands separators not in groups of three digits.
    #[error("misplaced thousands separator")]
    BadSeparator,
    /// Larger than [`MAX_CELL`] (一万亿): no real table holds such a number, and bounding the cells keeps
    /// every sum of a table far from the limits of `i64`.
    #[error("number too large")]
    TooLarge,
}

impl CellError {
    /// Short plain Simplified Chinese, shown next to the cell.
    pub fn message(&self) -> String {
        match self {
            CellError::NotANumber(CellKind::Count) => "只能填写非负整数".into(),
            CellError::NotANumber(CellKind::Change) => "只能填写整数，可写“增10”“减3”或“-3”".into(),
            CellError::NotANumber(CellKind::Amount) => {
                "只能填写金额数字，可带单位“元”或“万元”".into()
            }
            CellError::Negative(CellKind::Amount) => "金额不能为负数".into(),
            CellError::Negative(_) => "只能填写非负整数".into(),
            CellError::SignNotAllowed => "此栏不填“增”“减”或正负号，只填数量".into(),
            CellError::Fraction(_) => "只能填写整数，不能有小数".into(),
            CellError::UnitNotAllowed => "此栏填写数量，不带“元”“万元”".into(),
            CellError::BadSeparator => "千位分隔符位置不对，请直接填写数字".into(),
            CellError::TooLarge => "数字过大：不能超过一万亿".into(),
        }
    }
}

/// The largest value a cell accepts, in either sign (10¹², 一万亿): counts, changes and the integer
/// part of amounts. A table sums at most a few hundred cells, so no total can come near `i64::MAX`.
pub const MAX_CELL: i64 = 1_000_000_000_000;

/// Sum of `values` that stops at `i64::MAX`/`i64::MIN` instead of wrapping. Cells are bounded by
/// [`MAX_CELL`], so with real input this is a plain sum; it is saturating so that no input can wrap.
pub fn saturating_sum(values: impl IntoIterator<Item = i64>) -> i64 {
    values.into_iter().fold(0i64, i64::saturating_add)
}

/// True when the decimal digits `digits` (no sign, no separators) are a number above [`MAX_CELL`].
fn too_large(digits: &str) -> bool {
    let significant = digits.trim_start_matches('0');
    !significant.is_empty()
        && (significant.len() > 13 || significant.parse::<i64>().map_or(true, |n| n > MAX_CELL))
}

/// Counting words a count may carry (“18件”); dropped.
const COUNT_SUFFIXES: [&str; 5] = ["件", "项", "个", "条", "次"];

/// Full-width ASCII (digits, signs, point, comma) to half-width; other spaces to nothing at the ends.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' | '−' => '-',
            '＋' => '+',
            '．' => '.',
            '，' => ',',
            _ => c,
        })
        .collect::<String>()
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
        .to_string()
}

/// Digits with optional thousands separators (groups of three) → plain digits.
fn integer_digits(text: &str) -> Result<String, CellError> {
    if text.is_empty() {
        return Err(CellError::NotANumber(CellKind::Count));
    }
    if !text.contains(',') {
        return Ok(text.to_string());
    }
    let groups: Vec<&str> = text.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return Err(CellError::BadSeparator);
    }
    Ok(groups.concat())
}

/// Parses the text of a cell of `kind`.
///
/// Tolerated everywhere: surrounding spaces (also full-width), full-width digits and signs, thousands
/// separators in groups of three (“1,215”, “1，215”); blank text is [`CellValue::Blank`].
/// - Count: a non-negative integer, optionally followed by 件/项/个/条/次.
/// - Change: as Count, plus a sign: “-35”, “+5”, “增10”, “减3” (also 增加/减少).
/// - Amount: a non-negative decimal (“282.1”, “.5”) with an optional unit 元/万元, kept exactly.
///
/// No value may exceed [`MAX_CELL`] in size ([`CellError::TooLarge`]).
///
/// Anything else is a [`CellError`] saying why.
pub fn parse_cell(text: &str, kind: CellKind) -> Result<CellValue, CellError> {
    let mut s = normalise(text);
    if s.is_empty() {
        return Ok(CellValue::Blank);
    }

    // Unit suffix.
    let mut unit = None;
    for (suffix, u) in [("万元", AmountUnit::WanYuan), ("元", AmountUnit::Yuan)] {
        if let Some(rest) = s.strip_suffix(suffix) {
            unit = Some(u);
            s = rest.trim_end().to_string();
            break;
        }
    }
    if unit.is_none() && kind != CellKind::Amount {
        if let Some(rest) = COUNT_SUFFIXES.iter().find_map(|x| s.strip_suffix(x)) {
            s = rest.trim_end().to_string();
        }
    }

    // Sign.
    let mut negative = false;
    let mut signed = false;
    for (prefix, neg) in [("增加", false), ("减少", true), ("增", false), ("减", true)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            (signed, negative) = (true, neg);
            s = rest.trim_start().to_string();
            break;
        }
    }
    if !signed {
        if let Some(rest) = s.strip_prefix('-') {
            (signed, negative) = (true, true);
            s = rest.trim_start().to_string();
        } else if let Some(rest) = s.strip_prefix('+') {
            signed = true;
            s = rest.trim_start().to_string();
        }
    }

    // The number itself: digits, separators and at most one point.
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let int_ok = int_part.chars().all(|c| c.is_ascii_digit() || c == ',');
    let frac_ok = frac_part.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    if !int_ok || !frac_ok || (int_part.is_empty() && frac_part.is_none()) {
        return Err(CellError::NotANumber(kind));
    }
    let digits = if int_part.is_empty() {
        "0".to_string()
    } else {
        integer_digits(int_part)?
    };

    match kind {
        CellKind::Amount => {
            if negative {
                return Err(CellError::Negative(kind));
            }
            if signed {
                return Err(CellError::SignNotAllowed);
            }
            if too_large(&digits) {
                return Err(CellError::TooLarge);
            }
            let int = digits.trim_start_matches('0');
            let int = if int.is_empty() { "0" } else { int };
            let frac = frac_part.unwrap_or("").trim_end_matches('0');
            let number = if frac.is_empty() {
                int.to_string()
            } else {
                format!("{int}.{frac}")
            };
            Ok(CellValue::Amount(Amount { number, unit }))
        }
        CellKind::Count | CellKind::Change => {
            if unit.is_some() {
                return Err(CellError::UnitNotAllowed);
            }
            if kind == CellKind::Count && negative {
                return Err(CellError::Negative(kind));
            }
            if kind == CellKind::Count && signed {
                return Err(CellError::SignNotAllowed);
            }
            if frac_part.is_some() {
                return Err(CellError::Fraction(kind));
            }
            if too_large(&digits) {
                return Err(CellError::TooLarge);
            }
            let n: i64 = digits.parse().map_err(|_| CellError::TooLarge)?;
            Ok(CellValue::Integer(if negative { -n } else { n }))
        }
    }
}

/// Splits a block copied from Excel/WPS: rows end with CRLF or LF (one trailing newline is ignored),
/// cells are tab-separated, and a cell in double quotes may hold tabs, newlines and doubled quotes.
/// Empty text gives no rows.
pub fn parse_clipboard(text: &str) -> Vec<Vec<String>> {
    if text.is_empty() {
        return Vec::new();
    }
    let body = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .or_else(|| text.strip_suffix('\r'))
        .unwrap_or(text);
    let chars: Vec<char> = body.chars().collect();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut i = 0;
    loop {
        let (cell, next) = read_cell(&chars, i);
        row.push(cell);
        i = next;
        match chars.get(i) {
            None => break,
            Some('\t') => i += 1,
            Some('\r') if chars.get(i + 1) == Some(&'\n') => {
                rows.push(std::mem::take(&mut row));
                i += 2;
            }
            Some(_) => {
                rows.push(std::mem::take(&mut row));
                i += 1;
            }
        }
    }
    rows.push(row);
    rows
}

/// Reads one cell starting at `start`; returns it and the index of the separator after it.
fn read_cell(chars: &[char], start: usize) -> (String, usize) {
    let is_sep = |c: char| c == '\t' || c == '\n' || c == '\r';
    if chars.get(start) == Some(&'"') {
        let mut out = String::new();
        let mut i = start + 1;
        while i < chars.len() {
            match chars[i] {
                '"' if chars.get(i + 1) == Some(&'"') => {
                    out.push('"');
                    i += 2;
                }
                '"' => {
                    // Closing quote; anything up to the separator is kept as typed.
                    i += 1;
                    while i < chars.len() && !is_sep(chars[i]) {
                        out.push(chars[i]);
                        i += 1;
                    }
                    return (out, i);
                }
                '\r' if chars.get(i + 1) == Some(&'\n') => {
                    out.push('\n');
                    i += 2;
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        // No closing quote: the quote was part of the text.
    }
    let mut i = start;
    while i < chars.len() && !is_sep(chars[i]) {
        i += 1;
    }
    (chars[start..i].iter().collect(), i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CellKind::*;

    fn int(text: &str, kind: CellKind) -> i64 {
        match parse_cell(text, kind) {
            Ok(CellValue::Integer(n)) => n,
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn normalise_handles_full_width_and_spaces() {
        assert_eq!(normalise("\u{3000}１２－３．５ "), "12-3.5");
    }

    #[test]
    fn separators_must_group_by_three() {
        assert_eq!(integer_digits("1,215"), Ok("1215".into()));
        assert_eq!(integer_digits("12,345,678"), Ok("12345678".into()));
        assert_eq!(integer_digits("1,21"), Err(CellError::BadSeparator));
        assert_eq!(integer_digits(",215"), Err(CellError::BadSeparator));
        assert_eq!(int("1，215", Count), 1215);
    }

    #[test]
    fn counts_and_changes() {
        assert_eq!(int("０", Count), 0);
        assert_eq!(int(" 18件 ", Count), 18);
        assert_eq!(int("增10", Change), 10);
        assert_eq!(int("减 3", Change), -3);
        assert_eq!(int("－35", Change), -35);
        assert_eq!(int("+5", Change), 5);
        assert_eq!(parse_cell("+5", Count), Err(CellError::SignNotAllowed));
        assert_eq!(parse_cell("-1", Count), Err(CellError::Negative(Count)));
        assert_eq!(parse_cell("1.5", Count), Err(CellError::Fraction(Count)));
        assert_eq!(parse_cell("5元", Count), Err(CellError::UnitNotAllowed));
        assert_eq!(parse_cell("十", Count), Err(CellError::NotANumber(Count)));
        assert_eq!(parse_cell("-", Change), Err(CellError::NotANumber(Change)));
        assert_eq!(
            parse_cell("99999999999999999999", Count),
            Err(CellError::TooLarge)
        );
    }

    #[test]
    fn cells_are_bounded_by_one_trillion() {
        assert_eq!(int("1000000000000", Count), MAX_CELL);
        assert_eq!(int("1,000,000,000,000", Count), MAX_CELL);
        assert_eq!(int("减1000000000000", Change), -MAX_CELL);
        assert_eq!(int("0000000000000000000007", Count), 7);
        for text in [
            "1000000000001",
            "9223372036854775807",
            "9223372036854775808",
        ] {
            assert_eq!(parse_cell(text, Count), Err(CellError::TooLarge), "{text}");
            assert_eq!(
                parse_cell(&format!("-{text}"), Change),
                Err(CellError::TooLarge)
            );
        }
        assert_eq!(
            parse_cell("1000000000000.5万元", Amount)
                .unwrap()
                .to_string(),
            "1000000000000.5万元"
        );
        assert_eq!(
            parse_cell("1000000000001万元", Amount),
            Err(CellError::TooLarge)
        );
        assert_eq!(CellError::TooLarge.message(), "数字过大：不能超过一万亿");
        // A negative count is named as such, whatever its size.
        assert_eq!(
            parse_cell("-9223372036854775808", Count),
            Err(CellError::Negative(Count))
        );
    }

    #[test]
    fn saturating_sum_never_wraps() {
        assert_eq!(saturating_sum([1, 2, 3]), 6);
        assert_eq!(saturating_sum([i64::MAX, 1]), i64::MAX);
        assert_eq!(saturating_sum([i64::MIN, -1]), i64::MIN);
        assert_eq!(saturating_sum(std::iter::empty()), 0);
    }

    #[test]
    fn amounts_are_exact() {
        let a = parse_cell("1276.5534万元", Amount).unwrap();
        assert_eq!(a.to_string(), "1276.5534万元");
        assert_eq!(a.as_count(), 0);
        assert_eq!(parse_cell("0282.10", Amount).unwrap().to_string(), "282.1");
        assert_eq!(parse_cell(".5", Amount).unwrap().to_string(), "0.5");
        assert_eq!(parse_cell("-5", Amount), Err(CellError::Negative(Amount)));
        assert_eq!(parse_cell("5.", Amount), Err(CellError::NotANumber(Amount)));
    }

    #[test]
    fn every_error_has_a_short_chinese_message() {
        let all = [
            CellError::NotANumber(Count),
            CellError::NotANumber(Change),
            CellError::NotANumber(Amount),
            CellError::Negative(Count),
            CellError::Negative(Amount),
            CellError::SignNotAllowed,
            CellError::Fraction(Change),
            CellError::UnitNotAllowed,
            CellError::BadSeparator,
            CellError::TooLarge,
        ];
        for e in all {
            let m = e.message();
            assert!(m.chars().count() <= 24, "{m}");
            assert!(m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }

    #[test]
    fn clipboard_quoted_cells() {
        assert_eq!(
            parse_clipboard("\"a\tb\"\t\"say \"\"hi\"\"\"\r\n\"x\r\ny\"\t2\r\n"),
            vec![vec!["a\tb", "say \"hi\""], vec!["x\ny", "2"]]
        );
        assert_eq!(parse_clipboard("\"abc\t1"), vec![vec!["\"abc", "1"]]);
        assert_eq!(parse_clipboard("\n"), vec![vec![""]]);
        assert!(parse_clipboard("").is_empty());
    }
}
