//! The 门牌号 grammar: what numbers of a road, community or village a rule covers, parsed from the way
//! district tables write it (`1—57号单号、2—40号双号`, `680弄、750弄-840弄（双号）`, `201号以上（单号）`,
//! `33幢1号-16号`, `3组1号-19号`, `34号附1号-附130号`, `全部（不含1-70号）`), printed back in one
//! canonical form, and matched against an address.
//!
//! 号 and 弄 share one number line: in the source tables a lane takes a street number (“811弄-827号”).

use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use thiserror::Error;

use super::normalize::{chinese_number, clean, is_chinese_numeral};

/// The largest house, lane, building or group number accepted.
pub const MAX_NUMBER: u32 = 999_999;

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 号: a street number.
    No,
    /// 弄: a lane, numbered on the street's line.
    Lane,
    /// 栋 / 幢 / 座 / N号楼: a building.
    Building,
    /// 组 / 社: a village group.
    Group,
    /// 附N号: an annex number under a street number.
    Annex,
}

impl Unit {
    /// The canonical character printed after a number.
    pub fn label(self) -> &'static str {
        match self {
            Unit::No | Unit::Annex => "号",
            Unit::Lane => "弄",
            Unit::Building => "栋",
            Unit::Group => "组",
        }
    }

    /// Units on the same number line compare with each other.
    pub fn line(self) -> Unit {
        match self {
            Unit::Lane => Unit::No,
            u => u,
        }
    }
}

/// 单号, 双号 or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Parity {
    #[default]
    All,
    Odd,
    Even,
}

impl Parity {
    pub fn admits(self, n: u32) -> bool {
        match self {
            Parity::All => true,
            Parity::Odd => n % 2 == 1,
            Parity::Even => n.is_multiple_of(2),
        }
    }
}

/// One item of a 门牌号 cell: a single number, a range (closed, or open with 以上/以下), or 全部, with
/// an optional parity, optionally inside a lane, building, group or street number (“680弄5号”,
/// “33栋1-16号”, “1组1号”, “34号附1-130号”).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NumberSpec {
    /// The lane, building, group or street number the range lies in.
    pub outer: Option<(Unit, u32)>,
    /// Unit of the lower end (and of the whole range unless `hi_unit` differs).
    pub unit: Unit,
    /// Unit of the upper end: differs only in ranges such as “811弄-827号”.
    pub hi_unit: Unit,
    /// First number; `None` = from the first (“N号以下”, 全部).
    pub lo: Option<u32>,
    /// Last number; `None` = no end (“N号以上”, 全部).
    pub hi: Option<u32>,
    pub parity: Parity,
    /// Words in brackets that are neither parity nor exclusion (“新天地河滨花园”), kept for display.
    pub remark: String,
}

impl NumberSpec {
    /// 全部 with the given parity.
    pub fn whole(parity: Parity) -> Self {
        NumberSpec {
            outer: None,
            unit: Unit::No,
            hi_unit: Unit::No,
            lo: None,
            hi: None,
            parity,
            remark: String::new(),
        }
    }

    /// A closed range of one unit.
    pub fn range(unit: Unit, lo: u32, hi: u32, parity: Parity) -> Self {
        NumberSpec {
            outer: None,
            unit,
            hi_unit: unit,
            lo: Some(lo),
            hi: Some(hi),
            parity,
            remark: String::new(),
        }
    }

    /// A placeholder for an item whose numbers are all in the parser's extras (lo above hi).
    fn is_none(&self) -> bool {
        matches!((self.lo, self.hi), (Some(lo), Some(hi)) if lo > hi)
    }

    /// True for 全部 without parity, outer number or remark: it covers everything.
    pub fn is_everything(&self) -> bool {
        self.outer.is_none()
            && self.lo.is_none()
            && self.hi.is_none()
            && self.parity == Parity::All
            && self.remark.is_empty()
    }

    /// How many numbers the spec covers, as a specificity measure: smaller is more specific. A spec inside
    /// an outer number is narrower than any plain one; 全部 is the widest.
    pub fn width(&self) -> u64 {
        let lo = u64::from(self.lo.unwrap_or(1));
        let hi = u64::from(self.hi.unwrap_or(MAX_NUMBER + 1));
        let mut count = if self.lo.is_none() && self.hi.is_none() {
            4 * u64::from(MAX_NUMBER)
        } else {
            hi.saturating_sub(lo) + 1
        };
        if self.parity != Parity::All {
            count = count.div_ceil(2);
        }
        if self.outer.is_some() {
            count
        } else {
            (1u64 << 32) + count
        }
    }

    fn in_range(&self, n: u32) -> bool {
        self.lo.is_none_or(|lo| n >= lo)
            && self.hi.is_none_or(|hi| n <= hi)
            && self.parity.admits(n)
    }

    /// [`in_range`](Self::in_range) as a cover. A house given only in part (“76号1-2单元”) covers its
    /// number only possibly: the other 单元 are not said.
    fn range_cover(&self, n: u32) -> Cover {
        if !self.in_range(n) {
            Cover::No
        } else if self.remark.contains("单元") {
            Cover::Maybe
        } else {
            Cover::Yes
        }
    }

    /// Whether the spec covers an address. `NeedsDetail` means the address lacks the number the spec
    /// depends on (a road given without its number).
    pub fn covers(&self, a: &Address) -> Cover {
        match self.outer {
            None => {
                let n = match self.unit.line() {
                    Unit::No => a.street.map(|(_, n)| n),
                    Unit::Building => a.building,
                    Unit::Group => a.group,
                    Unit::Annex => a.annex,
                    Unit::Lane => None,
                };
                // A 号 in a list of 弄: on that stretch, but not what is listed. (A 弄 in a range of
                // 号 is: lanes take the street's numbers.)
                let other_unit = self.unit == Unit::Lane
                    && self.hi_unit == Unit::Lane
                    && a.street.is_some_and(|(u, _)| u == Unit::No);
                match n {
                    Some(n) if other_unit && self.in_range(n) => Cover::Maybe,
                    Some(n) => self.range_cover(n),
                    None if self.lo.is_none()
                        && self.hi.is_none()
                        && self.parity == Parity::All =>
                    {
                        Cover::Yes
                    }
                    None => Cover::NeedsDetail,
                }
            }
            Some((unit, n)) => {
                let outer = match unit.line() {
                    Unit::No => a.street.map(|(_, n)| n),
                    Unit::Building => a.building,
                    Unit::Group => a.group,
                    _ => None,
                };
                match outer {
                    None => Cover::NeedsDetail,
                    Some(m) if m != n => Cover::No,
                    Some(_) => {
                        let inner = match self.unit {
                            Unit::Annex => a.annex,
                            // “20号27栋”: a building at a street number.
                            Unit::Building if unit == Unit::No => a.building,
                            _ => a.inner,
                        };
                        match inner {
                            Some(m) => self.range_cover(m),
                            None if self.lo.is_none() && self.hi.is_none() => Cover::Yes,
                            None => Cover::NeedsDetail,
                        }
                    }
                }
            }
        }
    }
}

/// Result of [`NumberSpec::covers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cover {
    Yes,
    No,
    NeedsDetail,
    /// The text may mean the address, but does not say: a 号 inside a range of 弄 (the text lists
    /// lanes).
    Maybe,
}

/// The numbers of an address as a parent types them: “88号”, “700弄5号”, “34号附12号”, “3栋”, “1组5号”.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Address {
    /// Street number (号) or lane (弄).
    pub street: Option<(Unit, u32)>,
    /// 附N号 under the street number.
    pub annex: Option<u32>,
    pub building: Option<u32>,
    pub group: Option<u32>,
    /// 号 inside a lane, building or group.
    pub inner: Option<u32>,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        *self == Address::default()
    }
}

/// A parsed 门牌号 cell: the items it covers (none = 全部) and the items it excludes (“不含…”).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Numbers {
    pub items: Vec<NumberSpec>,
    pub except: Vec<NumberSpec>,
}

impl Numbers {
    /// 全部 without exclusions.
    pub fn is_all(&self) -> bool {
        self.items.is_empty() && self.except.is_empty()
    }
}

impl Serialize for Numbers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&print_numbers(self))
    }
}

impl<'de> Deserialize<'de> for Numbers {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_numbers(&text).map_err(|e| serde::de::Error::custom(format!("{e}: {}", e.fragment)))
    }
}

/// Why a 门牌号 text could not be read. `fragment` is the offending part of the (cleaned) text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind}")]
pub struct SpecError {
    pub kind: SpecErrorKind,
    pub fragment: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum SpecErrorKind {
    #[error("unexpected text")]
    Unexpected,
    #[error("number larger than {MAX_NUMBER}")]
    TooLarge,
    #[error("range ends before it starts")]
    Reversed,
    #[error("range without an end")]
    OpenDash,
    #[error("bracket not closed")]
    Unclosed,
    #[error("units of a range differ")]
    MixedUnits,
}

/// Parses a 门牌号 cell. Empty text and 全部 mean the whole road.
pub fn parse_numbers(text: &str) -> Result<Numbers, SpecError> {
    let chars: Vec<char> = clean(text).chars().collect();
    let mut p = Parser::new(&chars);
    let (items, mut except) = p.list()?;
    except.append(&mut p.except);
    let mut numbers = Numbers { items, except };
    if numbers.items.iter().any(NumberSpec::is_everything) {
        numbers.items.clear();
    }
    Ok(numbers)
}

/// Canonical text of a 门牌号 cell; [`parse_numbers`] reads it back to the same value.
pub fn print_numbers(n: &Numbers) -> String {
    let mut out = if n.items.is_empty() {
        "全部".to_string()
    } else {
        print_list(&n.items)
    };
    if !n.except.is_empty() {
        let _ = write!(out, "(不含{})", print_list(&n.except));
    }
    out
}

fn print_list(items: &[NumberSpec]) -> String {
    items.iter().map(print_spec).collect::<Vec<_>>().join("、")
}

/// How the canonical text marks a remark that would otherwise read as numbers (“(注:东风1664号楼)”).
const REMARK_MARK: &str = "注:";

/// A remark in brackets, marked when the bracket would read as something else.
fn print_remark(remark: &str) -> String {
    let plain = format!("({remark})");
    let chars: Vec<char> = format!("1号{plain}").chars().collect();
    let mut p = Parser::new(&chars);
    let reads_back = !remark.contains(['(', ')'])
        && matches!(p.list(), Ok((items, except)) if except.is_empty()
            && p.except.is_empty()
            && items.len() == 1
            && items[0].remark == remark
            && items[0].lo == Some(1)
            && items[0].outer.is_none());
    if reads_back {
        plain
    } else {
        format!("({REMARK_MARK}{remark})")
    }
}

/// Canonical text of one item.
pub fn print_spec(s: &NumberSpec) -> String {
    let mut out = String::new();
    if let Some((unit, n)) = s.outer {
        let _ = write!(out, "{n}{}", unit.label());
        // “2号附号”: every annex number of 2号.
        if s.unit == Unit::Annex && s.lo.is_none() && s.hi.is_none() {
            out.push_str("附号");
            return out;
        }
        // “20号农科院宿舍27栋”: the named place between the street number and its buildings.
        // Only when it reads back: a remark ending in digits (“长春市,682”) would join the building's
        // number, and is then written after it in brackets.
        if unit == Unit::No && s.unit == Unit::Building && !s.remark.is_empty() {
            let plain = NumberSpec {
                outer: None,
                remark: String::new(),
                ..s.clone()
            };
            let inline = format!("{out}{}{}", s.remark, print_spec(&plain));
            if matches!(parse_numbers(&inline), Ok(n) if n.except.is_empty() && n.items.len() == 1 && n.items[0] == *s)
            {
                return inline;
            }
        }
    }
    let num = |n: u32, unit: Unit| {
        if unit == Unit::Annex {
            format!("附{n}号")
        } else {
            format!("{n}{}", unit.label())
        }
    };
    // “单数幢号”: every building of one parity.
    if s.outer.is_none() && s.lo.is_none() && s.hi.is_none() && s.unit == Unit::Building {
        out.push_str(match s.parity {
            Parity::Odd => "单数幢号",
            Parity::Even => "双数幢号",
            Parity::All => "单双号幢",
        });
        if !s.remark.is_empty() {
            out.push_str(&print_remark(&s.remark));
        }
        return out;
    }
    match (s.lo, s.hi) {
        (None, None) => out.push_str("全部"),
        (Some(a), Some(b)) if a == b => out.push_str(&num(a, s.unit)),
        // “81号162栋-1228栋”: within a number, the unit on both ends (“81号162-1228栋” reads as two
        // items).
        (Some(a), Some(b))
            if s.unit == Unit::Building
                && s.hi_unit == Unit::Building
                && matches!(s.outer, Some((Unit::No, _))) =>
        {
            let _ = write!(out, "{}-{}", num(a, s.unit), num(b, s.unit));
        }
        (Some(a), Some(b)) if s.unit == s.hi_unit => {
            if s.unit == Unit::Annex {
                let _ = write!(out, "附{a}-{b}号");
            } else {
                let _ = write!(out, "{a}-{b}{}", s.unit.label());
            }
        }
        (Some(a), Some(b)) => {
            let _ = write!(out, "{}-{}", num(a, s.unit), num(b, s.hi_unit));
        }
        (Some(a), None) => {
            let _ = write!(out, "{}以上", num(a, s.unit));
        }
        (None, Some(b)) => {
            let _ = write!(out, "{}以下", num(b, s.unit));
        }
    }
    match s.parity {
        Parity::All => {}
        Parity::Odd => out.push_str("(单号)"),
        Parity::Even => out.push_str("(双号)"),
    }
    if !s.remark.is_empty() {
        out.push_str(&print_remark(&s.remark));
    }
    out
}

const PARITY_WORDS: [(&str, Parity); 16] = [
    ("含单双号", Parity::All),
    ("含单、双号", Parity::All),
    ("单、双号", Parity::All),
    ("单号、双号", Parity::All),
    ("单双号", Parity::All),
    ("单双", Parity::All),
    ("单号", Parity::Odd),
    ("双号", Parity::Even),
    ("单数", Parity::Odd),
    ("双数", Parity::Even),
    ("奇数号", Parity::Odd),
    ("偶数号", Parity::Even),
    ("奇数", Parity::Odd),
    ("偶数", Parity::Even),
    ("单", Parity::Odd),
    ("双", Parity::Even),
];
const ALL_WORDS: [&str; 6] = ["全部", "全段", "全境", "全线", "整条", "全"];
const EXCEPT_WORDS: [&str; 5] = ["不包括", "不包含", "不含", "除去", "除"];
const ABOVE_WORDS: [&str; 4] = ["及以上", "及以后", "及之后", "以上"];
const BELOW_WORDS: [&str; 5] = ["及以下", "及以前", "及之前", "以下", "以内"];
/// “16号以后”, “106号以前”: after or before the number, which itself is not said to be included.
const AFTER_WORDS: [&str; 4] = ["以后", "之后", "往后", "后"];
const BEFORE_WORDS: [&str; 2] = ["以前", "之前"];

fn is_sep(c: char) -> bool {
    matches!(
        c,
        '、' | ',' | ';' | ' ' | '/' | '和' | '及' | '与' | '。' | '…' | '.'
    )
}

fn unit_at(s: &[char], i: usize) -> Option<(Unit, usize)> {
    let c = *s.get(i)?;
    let next = s.get(i + 1).copied();
    Some(match c {
        '号' if next == Some('楼') => (Unit::Building, 2),
        '号' => (Unit::No, 1),
        '弄' => (Unit::Lane, 1),
        '栋' | '幢' | '座' => (Unit::Building, 1),
        '组' | '社' | '队' => (Unit::Group, 1),
        _ => return None,
    })
}

/// A bound as written: “附1号”, “680弄”, “12”.
struct Bound {
    n: u32,
    unit: Option<Unit>,
    annex: bool,
}

struct Parser<'a> {
    s: &'a [char],
    i: usize,
    /// Exclusions met in brackets (“(不含1-70号)”), whichever item they follow.
    except: Vec<NumberSpec>,
    /// The last item read was a number without a unit (“1” of “1、2、3、4幢”).
    bare: bool,
    /// Items the last one stands for besides itself (“640号-652弄3号” is 640-651号 and 652弄1-3号).
    extra: Vec<NumberSpec>,
}

impl<'a> Parser<'a> {
    fn new(s: &'a [char]) -> Self {
        Parser {
            s,
            i: 0,
            except: Vec::new(),
            bare: false,
            extra: Vec::new(),
        }
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn at(&self, word: &str) -> bool {
        (self.i..)
            .zip(word.chars())
            .all(|(j, c)| self.s.get(j) == Some(&c))
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.at(word) {
            self.i += word.chars().count();
            true
        } else {
            false
        }
    }

    fn eat_any<'w>(&mut self, words: &[&'w str]) -> Option<&'w str> {
        words.iter().find(|w| self.eat(w)).copied()
    }

    fn error(&self, kind: SpecErrorKind, from: usize) -> SpecError {
        let end = (self.i + 1).min(self.s.len()).max(from);
        let mut fragment: String = self.s[from.min(self.s.len())..end].iter().collect();
        if fragment.is_empty() {
            fragment = self.s.iter().collect();
        }
        SpecError { kind, fragment }
    }

    fn skip_seps(&mut self) {
        while self.peek().is_some_and(is_sep) {
            self.i += 1;
        }
    }

    fn eat_dash(&mut self) -> bool {
        matches!(self.peek(), Some('-' | '至' | '到')) && {
            self.i += 1;
            // “78——100号”
            while self.peek() == Some('-') {
                self.i += 1;
            }
            true
        }
    }

    /// A parity word not followed by more of a number (“单” in “单号”, not a name).
    fn parity(&mut self) -> Option<Parity> {
        let save = self.i;
        for (w, p) in PARITY_WORDS {
            if self.eat(w) {
                return Some(p);
            }
        }
        self.i = save;
        None
    }

    /// Digits, or Chinese numerals directly followed by a unit.
    fn number(&mut self) -> Result<Option<u32>, SpecError> {
        let start = self.i;
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            let mut n: u64 = 0;
            while let Some(c) = self.peek().filter(char::is_ascii_digit) {
                n = n * 10 + u64::from(c as u32 - '0' as u32);
                self.i += 1;
                if n > u64::from(MAX_NUMBER) {
                    while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        self.i += 1;
                    }
                    return Err(self.error(SpecErrorKind::TooLarge, start));
                }
            }
            return Ok(Some(n as u32));
        }
        let mut j = self.i;
        while self.s.get(j).is_some_and(|c| is_chinese_numeral(*c)) {
            j += 1;
        }
        if j > self.i && unit_at(self.s, j).is_some() {
            let word: String = self.s[self.i..j].iter().collect();
            if let Some(n) = chinese_number(&word).filter(|n| *n <= MAX_NUMBER) {
                self.i = j;
                return Ok(Some(n));
            }
        }
        Ok(None)
    }

    fn bound(&mut self) -> Result<Option<Bound>, SpecError> {
        let save = self.i;
        let annex = self.eat("附");
        let Some(n) = self.number()? else {
            self.i = save;
            return Ok(None);
        };
        let unit = match unit_at(self.s, self.i) {
            Some((u, len)) => {
                self.i += len;
                Some(if annex { Unit::Annex } else { u })
            }
            None if annex => Some(Unit::Annex),
            None => None,
        };
        Ok(Some(Bound { n, unit, annex }))
    }

    /// “之二” after a street number (“11号之二”): the sub-number, read as an annex number.
    fn sub_number(&mut self) -> Option<u32> {
        let save = self.i;
        if !self.eat("之") {
            return None;
        }
        let start = self.i;
        while self.peek().is_some_and(is_chinese_numeral) {
            self.i += 1;
        }
        let word: String = self.s[start..self.i].iter().collect();
        match chinese_number(&word).filter(|n| *n > 0 && *n <= MAX_NUMBER) {
            Some(n) => Some(n),
            None => {
                self.i = save;
                None
            }
        }
    }

    /// Items up to the end, and the exclusions that follow “不含”.
    fn list(&mut self) -> Result<(Vec<NumberSpec>, Vec<NumberSpec>), SpecError> {
        let mut items: Vec<NumberSpec> = Vec::new();
        // Which items were numbers written without a unit.
        let mut bare: Vec<bool> = Vec::new();
        let mut except = Vec::new();
        let mut default_parity = Parity::All;
        loop {
            self.skip_seps();
            if self.peek().is_none() {
                break;
            }
            // “单号:” / “(单):” sets the parity of the items that follow; “(单)519号” of one item.
            let save = self.i;
            let bracketed = self.eat("(");
            let mut item_parity = Parity::All;
            match self.parity() {
                Some(p) if !bracketed || self.eat(")") => {
                    if self.eat(":") {
                        default_parity = p;
                        continue;
                    }
                    // “单数幢号”: the buildings of that parity.
                    let buildings = self
                        .eat_any(&["幢号", "栋号", "号楼", "幢", "栋"])
                        .is_some();
                    if bracketed && buildings {
                        self.eat(")");
                    }
                    // A parity word standing alone (“(单号)”, “双号”): every number of that parity,
                    // with what brackets after it say (“双号(不含488号)”).
                    // “含单双号” alone says only that both sides are meant.
                    if p == Parity::All && !buildings && self.peek().is_none_or(is_sep) {
                        continue;
                    }
                    // “2-18、22、26-58号,双号”: a parity closing a list is the list's.
                    if !buildings && !items.is_empty() && self.peek().is_none() {
                        for item in items.iter_mut().rev() {
                            if item.parity != Parity::All || item.outer.is_some() {
                                break;
                            }
                            item.parity = p;
                        }
                        continue;
                    }
                    if buildings || self.peek().is_none_or(is_sep) || self.peek() == Some('(') {
                        let mut whole = NumberSpec::whole(p);
                        if buildings {
                            whole.unit = Unit::Building;
                            whole.hi_unit = Unit::Building;
                        }
                        self.suffixes(&mut whole)?;
                        items.push(whole);
                        continue;
                    }
                    if bracketed {
                        item_parity = p;
                    } else {
                        self.i = save;
                    }
                }
                _ => self.i = save,
            }
            if self.eat_any(&EXCEPT_WORDS).is_some() {
                let (more, _) = self.list()?;
                except.extend(more);
                continue;
            }
            // “4号之三、之八”: another sub-number of the street number before.
            if self.at("之") {
                let last = items
                    .iter()
                    .rev()
                    .find_map(|l: &NumberSpec| match (l.outer, l.unit) {
                        (Some((Unit::No, n)), Unit::Annex) => Some(n),
                        (None, Unit::No) if l.lo.is_some() && l.lo == l.hi => l.lo,
                        _ => None,
                    });
                if let Some(n) = last {
                    let save = self.i;
                    if let Some(m) = self.sub_number() {
                        let mut annex = NumberSpec::range(Unit::Annex, m, m, Parity::All);
                        annex.outer = Some((Unit::No, n));
                        items.push(annex);
                        self.skip_clause_end()?;
                        continue;
                    }
                    self.i = save;
                }
            }
            // “2号及附号”: every annex number of the street number before.
            if self.at("附号") {
                let last = items.last().filter(|l: &&NumberSpec| {
                    l.outer.is_none() && l.unit == Unit::No && l.lo.is_some() && l.lo == l.hi
                });
                if let Some(n) = last.and_then(|l| l.lo) {
                    self.i += 2;
                    let mut annex = NumberSpec::whole(Parity::All);
                    annex.outer = Some((Unit::No, n));
                    annex.unit = Unit::Annex;
                    annex.hi_unit = Unit::Annex;
                    items.push(annex);
                    self.skip_clause_end()?;
                    continue;
                }
            }
            self.bare = false;
            let mut item = self.item()?;
            if item.parity == Parity::All {
                item.parity = if item_parity == Parity::All {
                    default_parity
                } else {
                    item_parity
                };
            }
            // “1、2、3、4幢”: bare numbers before one with a unit take that unit.
            if !self.bare
                && item.outer.is_none()
                && matches!(item.unit, Unit::Building | Unit::Group)
            {
                let unit = item.unit;
                for (prev, was_bare) in items.iter_mut().zip(bare.iter()).rev() {
                    if !*was_bare || prev.parity != Parity::All || prev.lo != prev.hi {
                        break;
                    }
                    prev.unit = unit;
                    prev.hi_unit = unit;
                }
            }
            bare.resize(items.len(), false);
            bare.push(self.bare);
            if !item.is_none() {
                items.push(item);
            }
            for mut more in std::mem::take(&mut self.extra) {
                if more.parity == Parity::All {
                    more.parity = default_parity;
                }
                items.push(more);
            }
            self.skip_clause_end()?;
        }
        // “2—22、34-56、60-68号（双号）”: a parity after the last range of a list is the list's.
        let mut trailing = Parity::All;
        for item in items.iter_mut().rev() {
            if item.parity != Parity::All {
                trailing = item.parity;
            } else if trailing != Parity::All
                && item.outer.is_none()
                && matches!((item.lo, item.hi), (Some(lo), Some(hi))
                    if lo < hi && trailing.admits(lo) && trailing.admits(hi))
            {
                item.parity = trailing;
            }
        }
        // “单号:” with nothing after it: every number of that parity.
        if items.is_empty() && default_parity != Parity::All {
            items.push(NumberSpec::whole(default_parity));
        }
        Ok((items, except))
    }

    fn skip_clause_end(&mut self) -> Result<(), SpecError> {
        match self.peek() {
            None => Ok(()),
            Some(c) if is_sep(c) => Ok(()),
            // “24幢26幢28幢”, “149号155号”, “27—107(单号)66—188(双号)”: lists without separators.
            Some(c)
                if c.is_ascii_digit()
                    && self.i > 0
                    && (unit_at(self.s, self.i - 1).is_some() || self.s[self.i - 1] == ')') =>
            {
                Ok(())
            }
            Some(_) if self.at("不") || self.at("除") => Ok(()),
            Some(_) => Err(self.error(SpecErrorKind::Unexpected, self.i)),
        }
    }

    fn item(&mut self) -> Result<NumberSpec, SpecError> {
        let start = self.i;
        let mut parity = self.parity().unwrap_or(Parity::All);
        let mut spec = if self.eat_any(&ALL_WORDS).is_some() {
            NumberSpec::whole(Parity::All)
        } else {
            self.range(start)?
        };
        if parity == Parity::All {
            parity = self.parity().unwrap_or(Parity::All);
        }
        if parity != Parity::All {
            spec.parity = parity;
        }
        self.suffixes(&mut spec)?;
        Ok(spec)
    }

    fn range(&mut self, start: usize) -> Result<NumberSpec, SpecError> {
        let Some(mut first) = self.bound()? else {
            return Err(self.error(SpecErrorKind::Unexpected, start));
        };
        // “11号之二”, “17之一”, “38号之一至五”: sub-numbers, as annex numbers of 11号 (a range
        // “9号之一至31号” keeps its street numbers).
        if matches!(first.unit, Some(Unit::No) | None) && !first.annex && self.at("之") {
            let save = self.i;
            if let Some(m) = self.sub_number() {
                if matches!(self.peek(), Some('-' | '至' | '到')) {
                    let dash = self.i;
                    self.i += 1;
                    let end = self.i;
                    while self.peek().is_some_and(is_chinese_numeral) {
                        self.i += 1;
                    }
                    let word: String = self.s[end..self.i].iter().collect();
                    match chinese_number(&word).filter(|n| *n >= m && *n <= MAX_NUMBER) {
                        Some(last) => {
                            let mut annex = NumberSpec::range(Unit::Annex, m, last, Parity::All);
                            annex.outer = Some((Unit::No, first.n));
                            return Ok(annex);
                        }
                        // “9号之一至31号”: from 9号 on.
                        None => {
                            self.i = dash;
                            first.unit = Some(Unit::No);
                        }
                    }
                } else {
                    let mut annex = NumberSpec::range(Unit::Annex, m, m, Parity::All);
                    annex.outer = Some((Unit::No, first.n));
                    return Ok(annex);
                }
            } else {
                self.i = save;
            }
        }
        // “2号附号”: every annex number of 2号.
        if first.unit == Some(Unit::No) && !first.annex && self.at("附号") {
            self.i += 2;
            let mut annex = NumberSpec::whole(Parity::All);
            annex.outer = Some((Unit::No, first.n));
            annex.unit = Unit::Annex;
            annex.hi_unit = Unit::Annex;
            return Ok(annex);
        }
        let mut outer = None;
        let mut named = String::new();
        // “680弄5号”, “33栋1-16号”, “1组1号”, “34号附1号”: the first number is the outer one.
        if let Some(u) = first.unit.filter(|_| !first.annex) {
            let next_is_number = self.peek().is_some_and(|c| c.is_ascii_digit())
                || (self.peek().is_some_and(is_chinese_numeral) && {
                    let save = self.i;
                    let found = self.number().ok().flatten().is_some();
                    self.i = save;
                    found
                });
            // “20号农科院宿舍27栋”: a building of a named place at the street number.
            if u == Unit::No && !self.at("附") {
                let mut j = self.i;
                while self.s.get(j).is_some_and(|c| {
                    !c.is_ascii()
                        && !is_sep(*c)
                        && !matches!(
                            c,
                            '(' | '单'
                                | '双'
                                | '以'
                                | '至'
                                | '到'
                                | '后'
                                | '不'
                                | '除'
                                | '之'
                                | '附'
                        )
                }) {
                    j += 1;
                }
                let k = (j..)
                    .take_while(|x| self.s.get(*x).is_some_and(|c| c.is_ascii_digit()))
                    .count();
                // The building number, or a range of them (“1-8栋”).
                let mut e = j + k;
                if k > 0 && self.s.get(e) == Some(&'-') {
                    e += 1;
                    while self.s.get(e) == Some(&'-') {
                        e += 1;
                    }
                    e += (e..)
                        .take_while(|x| self.s.get(*x).is_some_and(|c| c.is_ascii_digit()))
                        .count();
                }
                let building = matches!(self.s.get(e), Some('栋' | '幢' | '座'))
                    || (self.s.get(e) == Some(&'号') && self.s.get(e + 1) == Some(&'楼'));
                if k > 0 && building {
                    named = self.s[self.i..j].iter().collect();
                    self.i = j;
                }
            }
            // “24幢26幢” is two buildings, not a building inside a building.
            let same_unit_next = {
                let save = self.i;
                let next = self.bound().ok().flatten();
                self.i = save;
                next.is_some_and(|b| b.unit == Some(u))
            };
            // “120号5栋”: a building at a street number (named or not).
            let building_next = {
                let save = self.i;
                let next = self.bound().ok().flatten();
                self.i = save;
                next.is_some_and(|b| b.unit == Some(Unit::Building))
            };
            let takes_inner = match u {
                Unit::Lane | Unit::Building | Unit::Group => {
                    (next_is_number && !same_unit_next) || self.at("附")
                }
                Unit::No => self.at("附") || !named.is_empty() || building_next,
                Unit::Annex => false,
            };
            if takes_inner {
                outer = Some((u, first.n));
                if self.eat_any(&ALL_WORDS).is_some() {
                    let mut whole = NumberSpec::whole(Parity::All);
                    whole.outer = outer;
                    return Ok(whole);
                }
                first = self
                    .bound()?
                    .ok_or_else(|| self.error(SpecErrorKind::Unexpected, start))?;
            }
        }
        let mut spec = NumberSpec {
            outer,
            unit: Unit::No,
            hi_unit: Unit::No,
            lo: Some(first.n),
            hi: Some(first.n),
            parity: Parity::All,
            remark: named,
        };
        // “640号(双号)-652弄3号”: the parity of the range written before its dash.
        let mut early_parity = Parity::All;
        {
            let save = self.i;
            if self.eat("(") {
                match self.parity() {
                    Some(p) if self.eat(")") && matches!(self.peek(), Some('-' | '至' | '到')) => {
                        early_parity = p
                    }
                    _ => self.i = save,
                }
            }
        }
        if self.eat_dash() {
            let Some(second) = self.bound()? else {
                return Err(self.error(SpecErrorKind::OpenDash, start));
            };
            // “32号之一”, “1-11之一” end a range at 32号, 11号.
            if matches!(second.unit, Some(Unit::No) | None) {
                let _ = self.sub_number();
            }
            // “-652弄3号”: up to house 3 of lane 652 — the numbers before the lane, then its houses.
            if outer.is_none() && second.unit == Some(Unit::Lane) {
                let save = self.i;
                if let Ok(Some(inner)) = self.bound() {
                    if inner.unit.is_none_or(|u| u == Unit::No) && second.n > first.n {
                        let mut houses = NumberSpec::range(Unit::No, 1, inner.n, Parity::All);
                        houses.outer = Some((Unit::Lane, second.n));
                        self.extra.push(houses);
                        let unit = first.unit.unwrap_or(Unit::No);
                        let mut before =
                            NumberSpec::range(unit, first.n, second.n - 1, early_parity);
                        before.hi_unit = unit;
                        self.bare = false;
                        return Ok(before);
                    }
                    self.i = save;
                } else {
                    self.i = save;
                }
            }
            self.bare =
                first.unit.is_none() && second.unit.is_none() && !first.annex && !second.annex;
            let annex = first.annex || second.annex;
            let (u1, u2) = if annex {
                (Unit::Annex, Unit::Annex)
            } else {
                match (first.unit, second.unit) {
                    (Some(a), Some(b)) => (a, b),
                    (Some(a), None) => (a, a),
                    (None, Some(b)) => (b, b),
                    (None, None) => (Unit::No, Unit::No),
                }
            };
            if u1.line() != u2.line() {
                return Err(self.error(SpecErrorKind::MixedUnits, start));
            }
            if second.n < first.n {
                return Err(self.error(SpecErrorKind::Reversed, start));
            }
            spec.unit = u1;
            spec.hi_unit = if u1 == u2 { u1 } else { u2 };
            spec.hi = Some(second.n);
            spec.parity = early_parity;
            if spec.lo == spec.hi {
                spec.hi_unit = spec.unit;
            }
        } else {
            self.bare = first.unit.is_none() && !first.annex && outer.is_none();
            let u = first.unit.unwrap_or(Unit::No);
            spec.unit = u;
            spec.hi_unit = u;
            if self.eat_any(&ABOVE_WORDS).is_some() {
                spec.hi = None;
            } else if self.eat_any(&BELOW_WORDS).is_some() {
                spec.lo = None;
            } else if !self.at("后座") && !self.at("后门") && self.eat_any(&AFTER_WORDS).is_some()
            {
                spec.lo = Some(first.n.saturating_add(1));
                spec.hi = None;
            } else if self.eat_any(&BEFORE_WORDS).is_some() {
                if first.n <= 1 {
                    return Err(self.error(SpecErrorKind::Reversed, start));
                }
                spec.lo = None;
                spec.hi = Some(first.n - 1);
            }
        }
        // A lane inside a number, or a unit inside itself (“3栋695-1200幢”): not one item.
        if outer.is_some_and(|(u, _)| spec.unit == Unit::Lane || u == spec.unit) {
            return Err(self.error(SpecErrorKind::MixedUnits, start));
        }
        Ok(spec)
    }

    /// Parity words and bracketed groups after an item.
    fn suffixes(&mut self, spec: &mut NumberSpec) -> Result<(), SpecError> {
        let mut remarks: Vec<String> = Vec::new();
        if !spec.remark.is_empty() {
            remarks.push(std::mem::take(&mut spec.remark));
        }
        loop {
            if spec.parity == Parity::All {
                // “312号后的双号”
                let save = self.i;
                let de = self.eat("的");
                if let Some(p) = self.parity() {
                    spec.parity = p;
                    continue;
                }
                self.i = save;
                let _ = de;
            }
            // “2号大院”, “251号院”, “33号SM锦悦”, “29号新6号”, “76号1-2单元”: what follows a street
            // number up to the next item names the house; kept as a remark.
            if spec.unit == Unit::No && spec.lo.is_some() && spec.lo == spec.hi {
                let from = self.i;
                let mut j = self.i;
                while self
                    .s
                    .get(j)
                    .is_some_and(|c| !is_sep(*c) && *c != '(' && *c != ')')
                {
                    j += 1;
                }
                // “1-2单元” runs through its dash; a name stops at one.
                let whole: String = self.s[from..j].iter().collect();
                if !whole.ends_with("单元") {
                    j = from
                        + self.s[from..j]
                            .iter()
                            .take_while(|c| !matches!(c, '-' | '至' | '到'))
                            .count();
                }
                let word: String = self.s[from..j].iter().collect();
                let names_house = !word.is_empty()
                    && !word.starts_with(['全', '除', '不', '以', '及', '至', '到', '之', '附'])
                    && !PARITY_WORDS.iter().any(|(w, _)| word.starts_with(w))
                    && !EXCEPT_WORDS.iter().any(|w| word.starts_with(w))
                    && !word.starts_with('不')
                    && (word.chars().next().is_some_and(|c| !c.is_ascii_digit())
                        || word.ends_with("单元"));
                if names_house && !word.trim().is_empty() {
                    self.i = j;
                    remarks.push(word.trim().to_string());
                    continue;
                }
            }
            if self.peek() != Some('(') {
                break;
            }
            let open = self.i;
            let mut depth = 0usize;
            let mut j = self.i;
            let close = loop {
                match self.s.get(j) {
                    None => {
                        self.i = open;
                        return Err(self.error(SpecErrorKind::Unclosed, open));
                    }
                    Some('(') => depth += 1,
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break j;
                        }
                    }
                    _ => {}
                }
                j += 1;
            };
            let inner: String = self.s[open + 1..close].iter().collect();
            self.i = close + 1;
            let trimmed = inner.trim();
            if let Some(remark) = trimmed.strip_prefix(REMARK_MARK) {
                remarks.push(remark.trim().to_string());
                continue;
            }
            let bracket_parity = PARITY_WORDS
                .iter()
                .find(|(w, _)| *w == trimmed)
                .map(|(_, p)| *p);
            if let (Some(p), Parity::All) = (bracket_parity, spec.parity) {
                spec.parity = p;
                continue;
            }
            if let Some(except) = exclusion(trimmed) {
                self.except.extend(except);
                continue;
            }
            // “120号(5幢、6幢)”, “3号(光明馨苑东区1-8栋、14-15栋)”: the buildings of a street number.
            if let (Some(n), None, Unit::No) = (
                spec.lo.filter(|_| spec.lo == spec.hi),
                spec.outer,
                spec.unit,
            ) {
                let name_len = trimmed
                    .char_indices()
                    .find(|(_, c)| c.is_ascii_digit())
                    .map_or(trimmed.len(), |(i, _)| i);
                let (named, rest) = trimmed.split_at(name_len);
                let plain_name = !named.contains(['、', ',', ':', ';']);
                if let Ok(inner) = parse_numbers(rest).map_err(|_| ()).and_then(|n| {
                    if plain_name {
                        Ok(n)
                    } else {
                        Err(())
                    }
                }) {
                    let buildings = !inner.items.is_empty()
                        && inner.except.is_empty()
                        && inner.items.iter().all(|x| {
                            x.outer.is_none() && x.unit == Unit::Building && x.remark.is_empty()
                        });
                    if buildings {
                        for mut b in inner.items {
                            b.outer = Some((Unit::No, n));
                            b.remark = named.trim().to_string();
                            self.extra.push(b);
                        }
                        spec.lo = Some(1);
                        spec.hi = Some(0);
                        continue;
                    }
                }
            }
            // “6号(之一、之二)”: sub-numbers of a street number.
            if let (Some(n), None, Unit::No) = (
                spec.lo.filter(|_| spec.lo == spec.hi),
                spec.outer,
                spec.unit,
            ) {
                let subs: Option<Vec<u32>> = trimmed
                    .split(['、', ','])
                    .map(|w| {
                        let w = w.trim().strip_prefix('之')?;
                        chinese_number(w).filter(|m| *m > 0 && *m <= MAX_NUMBER)
                    })
                    .collect();
                if let Some(subs) = subs.filter(|v| !v.is_empty()) {
                    for m in subs {
                        let mut annex = NumberSpec::range(Unit::Annex, m, m, Parity::All);
                        annex.outer = Some((Unit::No, n));
                        self.extra.push(annex);
                    }
                    // The item itself stands for nothing more.
                    spec.lo = Some(1);
                    spec.hi = Some(0);
                    continue;
                }
            }
            // “2-58号(2-18、22、26-58号,双号)”: the numbers of the range, spelled out.
            if let (Some(lo), Some(hi), None) = (spec.lo, spec.hi, spec.outer) {
                if lo < hi {
                    if let Ok(inner) = parse_numbers(trimmed) {
                        let within = !inner.items.is_empty()
                            && inner.except.is_empty()
                            && inner.items.iter().all(|x| {
                                x.remark.is_empty()
                                    && x.outer.is_none()
                                    && x.unit.line() == spec.unit.line()
                                    && x.lo.is_some_and(|l| l >= lo)
                                    && x.hi.is_some_and(|h| h <= hi)
                            });
                        if within {
                            self.extra.extend(inner.items);
                            spec.lo = Some(1);
                            spec.hi = Some(0);
                            continue;
                        }
                    }
                }
            }
            if !trimmed.is_empty() {
                remarks.push(trimmed.to_string());
            }
        }
        spec.remark = remarks.join(",");
        Ok(())
    }
}

/// The items of a bracketed exclusion (“不含1-70号”, “35号除外”), when it reads as plain numbers.
fn exclusion(inner: &str) -> Option<Vec<NumberSpec>> {
    let body = EXCEPT_WORDS
        .iter()
        .find_map(|w| inner.strip_prefix(w))
        .or_else(|| inner.strip_suffix("除外"))?;
    let chars: Vec<char> = body.chars().collect();
    let mut p = Parser::new(&chars);
    let (items, nested) = p.list().ok()?;
    (!items.is_empty() && nested.is_empty() && p.except.is_empty()).then_some(items)
}
