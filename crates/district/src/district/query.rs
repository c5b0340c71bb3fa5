//! What a parent types, understood: full-width forms and spaces normalised, the province, city and
//! district prefix stripped (“吉林省长春市汽开区东风大街88号”), then split into the place (road,
//! community, village) and its numbers (“88号”, “700弄5号”, “34号附12号”, “3栋”, “1组5号”), or letters
//! typed as pinyin (“dfdj 88”).

use std::fmt::Write as _;

use super::normalize::{chinese_number, is_chinese_numeral, key};
use super::spec::{Address, Unit, MAX_NUMBER};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Keys of the place, the text as typed first, then with administrative prefixes stripped.
    pub places: Vec<String>,
    /// Latin letters typed instead of a name: pinyin, full or initials (“dfdj”, “dongfengdajie”).
    pub letters: String,
    pub address: Address,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.places.is_empty() && self.letters.is_empty() && self.address.is_empty()
    }

    /// The place as typed (before prefixes were stripped), or the letters.
    pub fn typed_place(&self) -> &str {
        self.places
            .first()
            .map_or(self.letters.as_str(), String::as_str)
    }
}

/// Administrative endings: a prefix ending in one of these may be stripped.
const ADMIN_ENDINGS: [&str; 10] = [
    "特别行政区",
    "自治区",
    "自治州",
    "街道",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "镇",
];

/// The district's own prefix (“吉林省长春市汽开区”) prepared once: its key and its parts (吉林省, 长春市,
/// 汽开区) as byte ranges of the key. The index keeps one, so a query does not prepare it again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Region {
    key: String,
    parts: Vec<(usize, usize)>,
}

impl Region {
    pub fn new(region: &str) -> Self {
        let key = key(region);
        let mut parts = Vec::new();
        let mut start = 0;
        let mut chars = 0;
        for (i, c) in key.char_indices() {
            let end = i + c.len_utf8();
            chars += 1;
            if chars >= 2 && ADMIN_ENDINGS.iter().any(|e| key[start..end].ends_with(e)) {
                parts.push((start, end));
                start = end;
                chars = 0;
            }
        }
        if start < key.len() {
            parts.push((start, key.len()));
        }
        Region { key, parts }
    }

    fn parts(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|(a, b)| &self.key[*a..*b])
    }
}

/// A query read into borrowed parts: the name part of its key and the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parsed<'a> {
    /// The name typed (the key before the numbers), separators trimmed; may be empty.
    pub name: &'a str,
    /// The name is Latin letters: pinyin.
    pub letters: bool,
    pub address: Address,
}

/// Reads a query into `buf` (cleared first; the caller may reuse it): no other allocation.
pub(crate) fn parse_into<'a>(text: &str, buf: &'a mut String) -> Parsed<'a> {
    buf.clear();
    super::normalize::push_key(text, buf);
    let k: &'a str = buf.as_str();
    let split = number_start(k).unwrap_or(k.len());
    let name = k[..split].trim_matches(|c: char| matches!(c, '-' | ',' | '、' | ';' | ':' | '.'));
    Parsed {
        name,
        letters: !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()),
        address: parse_address(&k[split..]),
    }
}

/// Parses a query. `region` is the district's own prefix (“吉林省长春市汽开区”), stripped in any part.
pub fn parse_query(text: &str, region: &str) -> Query {
    let region = Region::new(region);
    let mut buf = String::new();
    let p = parse_into(text, &mut buf);
    let mut q = Query {
        address: p.address,
        ..Query::default()
    };
    if p.letters {
        q.letters = p.name.to_string();
    } else if !p.name.is_empty() {
        q.places = candidates(p.name, &region).map(str::to_string).collect();
    }
    q
}

/// The place candidates of a name, each a suffix of it: the name as typed, then without the region,
/// then without each administrative prefix in turn.
pub(crate) fn candidates<'a>(
    name: &'a str,
    region: &'a Region,
) -> impl Iterator<Item = &'a str> + Clone + 'a {
    let mut next = Some(name);
    std::iter::from_fn(move || {
        let current = next?;
        next = strip_once(current, region);
        Some(current)
    })
}

/// One step of [`candidates`]: the region or one of its parts, else one administrative prefix,
/// stripped; `None` when nothing (or everything) would be.
fn strip_once<'a>(name: &'a str, region: &Region) -> Option<&'a str> {
    let mut rest = name;
    if !region.key.is_empty() {
        if let Some(r) = rest.strip_prefix(region.key.as_str()) {
            rest = r;
        } else if let Some(r) = region.parts().find_map(|p| rest.strip_prefix(p)) {
            rest = r;
        }
    }
    if rest.len() == name.len() {
        rest = strip_admin_prefix(rest);
    }
    (rest.len() != name.len() && !rest.is_empty()).then_some(rest)
}

/// Strips one leading “…省”, “…市”, “…区”, “…县”, “…街道”, “…镇” of two to seven characters.
fn strip_admin_prefix(name: &str) -> &str {
    for (i, c) in name.char_indices().skip(1).take(6) {
        let end = i + c.len_utf8();
        if end < name.len() && ADMIN_ENDINGS.iter().any(|e| name[..end].ends_with(e)) {
            return &name[end..];
        }
    }
    name
}

/// The character at byte `i` of `s`, if any.
fn at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Where the numbers begin (a byte offset): a digit, 附 before a digit, or Chinese numerals before a
/// unit. Digits that belong to the name (“测试0路”, “88号路”) do not begin the numbers.
fn number_start(k: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (i, c) in k.char_indices() {
        let before = prev;
        prev = Some(c);
        if i < skip_to {
            continue;
        }
        if c.is_ascii_digit() {
            match super::normalize::name_digits_end(k, i) {
                Some(end) => skip_to = end,
                None => return Some(i),
            }
            continue;
        }
        let starts = (c == '附' && at(k, i + c.len_utf8()).is_some_and(|d| d.is_ascii_digit()))
            || (is_chinese_numeral(c) && !before.is_some_and(is_chinese_numeral) && {
                let rest = &k[i..];
                let n: usize = rest
                    .chars()
                    .take_while(|c| is_chinese_numeral(*c))
                    .map(char::len_utf8)
                    .sum();
                matches!(
                    at(rest, n),
                    Some('号' | '弄' | '栋' | '幢' | '座' | '组' | '社' | '队')
                )
            });
        if starts {
            return Some(i);
        }
    }
    None
}

/// Reads the numbers of an address (the key from where [`number_start`] found them); stops at
/// anything else (单元, 室, a floor).
pub fn parse_address(s: &str) -> Address {
    let mut a = Address::default();
    let mut i = 0;
    while let Some(c) = at(s, i) {
        if matches!(c, ' ' | '-' | ',' | '、' | '.' | ':' | '(' | ')') {
            i += c.len_utf8();
            continue;
        }
        // “11号之二”: the sub-number of the street number, as an annex number.
        if c == '之' && a.street.is_some() && a.annex.is_none() {
            let from = i + c.len_utf8();
            let mut j = from;
            while let Some(d) = at(s, j).filter(|d| is_chinese_numeral(*d)) {
                j += d.len_utf8();
            }
            if let Some(m) = chinese_number(&s[from..j]).filter(|m| *m <= MAX_NUMBER) {
                a.annex = Some(m);
                i = j;
                continue;
            }
        }
        // “3号光明馨苑东区5栋”: the name of an estate between the street number and its building.
        if !c.is_ascii_digit() && !is_chinese_numeral(c) && c != '附' && a.street.is_some() {
            if let Some(j) = building_after_name(s, i) {
                i = j;
                continue;
            }
        }
        let annex = c == '附';
        if annex {
            i += c.len_utf8();
        }
        let start = i;
        let n = if at(s, i).is_some_and(|c| c.is_ascii_digit()) {
            let mut n: u64 = 0;
            while let Some(d) = s.as_bytes().get(i).filter(|b| b.is_ascii_digit()) {
                n = (n * 10 + u64::from(d - b'0')).min(u64::from(MAX_NUMBER) + 1);
                i += 1;
            }
            n
        } else {
            while let Some(c) = at(s, i).filter(|c| is_chinese_numeral(*c)) {
                i += c.len_utf8();
            }
            match chinese_number(&s[start..i]) {
                Some(n) => u64::from(n),
                None => break,
            }
        };
        if n > u64::from(MAX_NUMBER) {
            break;
        }
        let n = n as u32;
        let next = at(s, i);
        let after = next.and_then(|c| at(s, i + c.len_utf8()));
        let step = next.map_or(0, char::len_utf8);
        let unit = match (next, after) {
            (Some('号'), Some('楼')) => {
                i += step + '楼'.len_utf8();
                Some(Unit::Building)
            }
            (Some('号'), _) => {
                i += step;
                Some(Unit::No)
            }
            (Some('弄'), _) => {
                i += step;
                Some(Unit::Lane)
            }
            (Some('栋' | '幢' | '座'), _) => {
                i += step;
                Some(Unit::Building)
            }
            (Some('组' | '社' | '队'), _) => {
                i += step;
                Some(Unit::Group)
            }
            // “11号之二”: the sub-number, as an annex number.
            (Some('之'), Some(c)) if is_chinese_numeral(c) => {
                place_number(&mut a, false, n, Some(Unit::No));
                i += '之'.len_utf8();
                let start = i;
                while let Some(c) = at(s, i).filter(|c| is_chinese_numeral(*c)) {
                    i += c.len_utf8();
                }
                if let Some(m) = chinese_number(&s[start..i]).filter(|m| *m <= MAX_NUMBER) {
                    place_number(&mut a, true, m, None);
                }
                continue;
            }
            (None, _) | (Some(' ' | '-' | ',' | '、'), _) => None,
            // 单元, 室, 层 …: the rest does not decide the school.
            _ => break,
        };
        place_number(&mut a, annex, n, unit);
    }
    a
}

/// Where a building number begins after a name (“光明馨苑东区5栋”): the name must be Chinese characters
/// only, followed by digits and 栋/幢/座/号楼. `None` for anything else (单元, 室, a floor).
fn building_after_name(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    let name_len: usize = rest
        .chars()
        .take_while(|c| !c.is_ascii() && !matches!(c, '单' | '室' | '层' | '楼'))
        .map(char::len_utf8)
        .sum();
    if name_len == 0 {
        return None;
    }
    let after = &rest[name_len..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let unit = after[digits..].chars().next();
    (digits > 0 && matches!(unit, Some('栋' | '幢' | '座'))).then_some(i + name_len)
}

fn place_number(a: &mut Address, annex: bool, n: u32, unit: Option<Unit>) {
    if annex {
        if a.annex.is_none() {
            a.annex = Some(n);
        }
        return;
    }
    match unit {
        Some(Unit::Building) if a.building.is_none() => a.building = Some(n),
        Some(Unit::Group) if a.group.is_none() => a.group = Some(n),
        Some(Unit::Lane) if a.street.is_none() => a.street = Some((Unit::Lane, n)),
        Some(Unit::No) | None => {
            if a.street.is_none() && a.building.is_none() && a.group.is_none() {
                a.street = Some((Unit::No, n));
            } else if a.inner.is_none() {
                a.inner = Some(n);
            }
        }
        _ => {}
    }
}

/// Canonical text of an address (“700弄5号”, “34号附12号”, “3栋”, “1组5号”).
pub fn print_address(a: &Address) -> String {
    let mut out = String::new();
    if let Some((unit, n)) = a.street {
        let _ = write!(out, "{n}{}", unit.label());
    }
    if let Some(n) = a.annex {
        let _ = write!(out, "附{n}号");
    }
    if let Some(n) = a.building {
        let _ = write!(out, "{n}栋");
    }
    if let Some(n) = a.group {
        let _ = write!(out, "{n}组");
    }
    if let Some(n) = a.inner {
        let _ = write!(out, "{n}号");
    }
    out
}

/// Canonical text of a query: the place as typed (or the letters), `-`, then the address. The dash
/// keeps a place ending in 附 or a numeral apart from the numbers.
pub fn print_query(q: &Query) -> String {
    let address = print_address(&q.address);
    match (q.typed_place(), address.is_empty()) {
        ("", _) => address,
        (p, true) => p.to_string(),
        (p, false) => format!("{p}-{address}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(street: Option<(Unit, u32)>) -> Address {
        Address {
            street,
            ..Address::default()
        }
    }

    #[test]
    fn strips_the_region_and_splits_the_number() {
        let q = parse_query("吉林省长春市汽开区东风大街88号", "吉林省长春市汽开区");
        assert_eq!(q.places.last().unwrap(), "东风大街");
        assert_eq!(q.places[0], "吉林省长春市汽开区东风大街");
        assert_eq!(q.address, addr(Some((Unit::No, 88))));
        let q = parse_query("长春市 汽开区 东风大街 ８８号", "吉林省长春市汽开区");
        assert_eq!(q.places.last().unwrap(), "东风大街");
        let q = parse_query("广东省深圳市南山区科技路1号", "");
        assert_eq!(q.places.last().unwrap(), "科技路");
        assert!(q.places.contains(&"南山区科技路".to_string()));
    }

    #[test]
    fn letters_are_pinyin() {
        let q = parse_query("DFDJ 88", "");
        assert_eq!(q.letters, "dfdj");
        assert_eq!(q.address, addr(Some((Unit::No, 88))));
        assert!(q.places.is_empty());
    }

    #[test]
    fn address_shapes() {
        let p = |s: &str| parse_query(s, "").address;
        assert_eq!(
            p("天山路700弄5号"),
            Address {
                street: Some((Unit::Lane, 700)),
                inner: Some(5),
                ..Address::default()
            }
        );
        assert_eq!(
            p("福兴街34号附12号"),
            Address {
                street: Some((Unit::No, 34)),
                annex: Some(12),
                ..Address::default()
            }
        );
        assert_eq!(
            p("阳光小区3号楼2单元301"),
            Address {
                building: Some(3),
                ..Address::default()
            }
        );
        assert_eq!(
            p("永丰村三组5号"),
            Address {
                group: Some(3),
                inner: Some(5),
                ..Address::default()
            }
        );
        assert_eq!(parse_query("三道街八十八号", "").places[0], "三道街");
        assert_eq!(p("三道街八十八号"), addr(Some((Unit::No, 88))));
    }

    #[test]
    fn digits_inside_a_road_name() {
        let q = parse_query("测试0路88号", "");
        assert_eq!(q.places, vec!["测试0路".to_string()]);
        assert_eq!(q.address, addr(Some((Unit::No, 88))));
        let q = parse_query("长春市88号路5号", "");
        assert_eq!(
            q.places,
            vec!["长春市88号路".to_string(), "88号路".to_string()]
        );
        assert_eq!(q.address, addr(Some((Unit::No, 5))));
        assert_eq!(
            parse_query("东风大街88号路口", "").places[0],
            "东风大街88号路口"
        );
        assert_eq!(parse_query("东风大街88号5栋", "").places[0], "东风大街");
    }

    #[test]
    fn a_prepared_region_strips_what_the_text_did() {
        let region = Region::new("吉林省 长春市 汽开区");
        let parts: Vec<&str> = region.parts().collect();
        assert_eq!(parts, ["吉林省", "长春市", "汽开区"]);
        let mut buf = String::from("left over");
        let p = parse_into("长春市汽开区东风大街88号", &mut buf);
        let got: Vec<&str> = candidates(p.name, &region).collect();
        assert_eq!(got, ["长春市汽开区东风大街", "汽开区东风大街", "东风大街"]);
        assert_eq!(p.address, addr(Some((Unit::No, 88))));
        assert!(!p.letters);
    }

    #[test]
    fn print_parse_is_stable() {
        for s in [
            "东风大街88号",
            "dfdj 88",
            "天山路700弄5号",
            "福兴街34号附12号",
            "1组5号",
            "x",
        ] {
            let q = parse_query(s, "");
            assert_eq!(parse_query(&print_query(&q), ""), q, "{s}");
        }
    }
}
