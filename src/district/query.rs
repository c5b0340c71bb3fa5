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

/// Parses a query. `region` is the district's own prefix (“吉林省长春市汽开区”), stripped in any part.
pub fn parse_query(text: &str, region: &str) -> Query {
    let k = key(text);
    let chars: Vec<char> = k.chars().collect();
    let split = number_start(&chars).unwrap_or(chars.len());
    let name: String = chars[..split].iter().collect();
    let name = name.trim_matches(|c: char| matches!(c, '-' | ',' | '、' | ';' | ':' | '.'));
    let mut q = Query {
        address: parse_address(&chars[split..]),
        ..Query::default()
    };
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
        q.letters = name.to_string();
        return q;
    }
    if !name.is_empty() {
        q.places = place_candidates(name, &key(region));
    }
    q
}

/// The name as typed, then without the region, then without each administrative prefix in turn.
fn place_candidates(name: &str, region: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let parts = region_parts(region);
    let mut rest: &str = name;
    loop {
        let before = rest;
        if !region.is_empty() {
            if let Some(r) = rest.strip_prefix(region) {
                rest = r;
            } else if let Some(r) = parts.iter().find_map(|p| rest.strip_prefix(p)) {
                rest = r;
            }
        }
        if rest.len() == before.len() {
            rest = strip_admin_prefix(rest);
        }
        if rest.len() == before.len() || rest.is_empty() {
            break;
        }
        out.push(rest.to_string());
    }
    out.dedup();
    out
}

/// “吉林省长春市汽开区” → 吉林省, 长春市, 汽开区.
fn region_parts(region: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in region.char_indices() {
        let end = i + c.len_utf8();
        let current = &region[start..end];
        if current.chars().nth(1).is_some() && ADMIN_ENDINGS.iter().any(|e| current.ends_with(e)) {
            parts.push(current);
            start = end;
        }
    }
    if start < region.len() {
        parts.push(&region[start..]);
    }
    parts
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

/// Where the numbers begin: a digit, 附 before a digit, or Chinese numerals before a unit.
fn number_start(chars: &[char]) -> Option<usize> {
    (0..chars.len()).find(|&i| {
        let c = chars[i];
        c.is_ascii_digit()
            || (c == '附' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
            || (is_chinese_numeral(c) && {
                let n = chars[i..]
                    .iter()
                    .take_while(|c| is_chinese_numeral(**c))
                    .count();
                matches!(
                    chars.get(i + n),
                    Some('号' | '弄' | '栋' | '幢' | '座' | '组' | '社')
                ) && (i == 0 || !is_chinese_numeral(chars[i - 1]))
            })
    })
}

/// Reads the numbers of an address; stops at anything else (单元, 室, a floor).
pub fn parse_address(chars: &[char]) -> Address {
    let mut a = Address::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, ' ' | '-' | ',' | '、' | '.' | ':' | '(' | ')') {
            i += 1;
            continue;
        }
        let annex = c == '附';
        if annex {
            i += 1;
        }
        let start = i;
        let n = if chars.get(i).is_some_and(char::is_ascii_digit) {
            let mut n: u64 = 0;
            while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                n = (n * 10 + u64::from(d)).min(u64::from(MAX_NUMBER) + 1);
                i += 1;
            }
            n
        } else {
            while chars.get(i).is_some_and(|c| is_chinese_numeral(*c)) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            match chinese_number(&word) {
                Some(n) => u64::from(n),
                None => break,
            }
        };
        if n > u64::from(MAX_NUMBER) {
            break;
        }
        let n = n as u32;
        let unit = match (chars.get(i), chars.get(i + 1)) {
            (Some('号'), Some('楼')) => {
                i += 2;
                Some(Unit::Building)
            }
            (Some('号'), _) => {
                i += 1;
                Some(Unit::No)
            }
            (Some('弄'), _) => {
                i += 1;
                Some(Unit::Lane)
            }
            (Some('栋' | '幢' | '座'), _) => {
                i += 1;
                Some(Unit::Building)
            }
            (Some('组' | '社'), _) => {
                i += 1;
                Some(Unit::Group)
            }
            (None, _) | (Some(' ' | '-' | ',' | '、'), _) => None,
            // 单元, 室, 层 …: the rest does not decide the school.
            _ => break,
        };
        place_number(&mut a, annex, n, unit);
    }
    a
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
