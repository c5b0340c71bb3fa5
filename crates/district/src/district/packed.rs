//! The numbers of a rule as `districts.json` (version 2) carries them: a compact machine form that the
//! parent page decodes without the 门牌号 grammar (the page does not need to read what bureaus write,
//! only what the workbench published). Documented in docs/data-formats.md.
//!
//! An item is `[OUTER/]U[LO][-[HU][HI]][P][~]`: `U` the unit (`n` 号, `l` 弄, `b` 栋, `g` 组, `a` 附号),
//! `LO`/`HI` the bounds (missing = open; `U` alone = every number of that unit), `HU` the unit of the
//! upper end when it differs, `P` the parity (`o` odd, `e` even), `~` a house given only in part (the
//! address is then only a possible match), and `OUTER` a unit and number the range lies in (“n20/b1-8”
//! is buildings 1 to 8 of 20号). Items are separated by `;`; `!` starts the numbers left out. The empty
//! text is every number.

use std::fmt::Write as _;

use super::spec::{NumberSpec, Numbers, Parity, Unit, MAX_NUMBER};

fn unit_code(u: Unit) -> char {
    match u {
        Unit::No => 'n',
        Unit::Lane => 'l',
        Unit::Building => 'b',
        Unit::Group => 'g',
        Unit::Annex => 'a',
    }
}

fn unit_of(c: char) -> Option<Unit> {
    Some(match c {
        'n' => Unit::No,
        'l' => Unit::Lane,
        'b' => Unit::Building,
        'g' => Unit::Group,
        'a' => Unit::Annex,
        _ => return None,
    })
}

/// The remark that makes a house given only in part a possible match (see `NumberSpec::covers`).
const PARTIAL: &str = "单元";

fn encode_item(s: &NumberSpec, out: &mut String) {
    if let Some((u, n)) = s.outer {
        let _ = write!(out, "{}{n}/", unit_code(u));
    }
    out.push(unit_code(s.unit));
    match (s.lo, s.hi) {
        (None, None) => {}
        (Some(lo), Some(hi)) if lo == hi && s.unit == s.hi_unit => {
            let _ = write!(out, "{lo}");
        }
        (lo, hi) => {
            if let Some(lo) = lo {
                let _ = write!(out, "{lo}");
            }
            out.push('-');
            if s.hi_unit != s.unit {
                out.push(unit_code(s.hi_unit));
            }
            if let Some(hi) = hi {
                let _ = write!(out, "{hi}");
            }
        }
    }
    match s.parity {
        Parity::All => {}
        Parity::Odd => out.push('o'),
        Parity::Even => out.push('e'),
    }
    if s.remark.contains(PARTIAL) {
        out.push('~');
    }
}

/// The packed form of a rule's numbers.
pub fn encode(n: &Numbers) -> String {
    let mut out = String::new();
    for (i, s) in n.items.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        encode_item(s, &mut out);
    }
    if !n.except.is_empty() {
        out.push('!');
        for (i, s) in n.except.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            encode_item(s, &mut out);
        }
    }
    out
}

/// Reads a number of at most six digits from the front of `s`.
fn number(s: &mut &str) -> Option<Option<u32>> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Some(None);
    }
    if digits > 6 {
        return None;
    }
    let n: u32 = s[..digits].parse().ok()?;
    *s = &s[digits..];
    (n <= MAX_NUMBER).then_some(Some(n))
}

fn decode_item(mut s: &str) -> Option<NumberSpec> {
    let mut outer = None;
    if let Some((head, rest)) = s.split_once('/') {
        let mut h = head;
        let u = unit_of(h.chars().next()?)?;
        h = &h[1..];
        let n = number(&mut h)??;
        if !h.is_empty() {
            return None;
        }
        outer = Some((u, n));
        s = rest;
    }
    let unit = unit_of(s.chars().next()?)?;
    s = &s[1..];
    let lo = number(&mut s)?;
    let (hi_unit, hi) = match s.strip_prefix('-') {
        Some(rest) => {
            s = rest;
            let hu = match s.chars().next().and_then(unit_of) {
                Some(u) => {
                    s = &s[1..];
                    u
                }
                None => unit,
            };
            (hu, number(&mut s)?)
        }
        None => (unit, lo),
    };
    let parity = match s.chars().next() {
        Some('o') => {
            s = &s[1..];
            Parity::Odd
        }
        Some('e') => {
            s = &s[1..];
            Parity::Even
        }
        _ => Parity::All,
    };
    let remark = match s {
        "" => String::new(),
        "~" => PARTIAL.to_string(),
        _ => return None,
    };
    if matches!((lo, hi), (Some(l), Some(h)) if l > h) {
        return None;
    }
    Some(NumberSpec {
        outer,
        unit,
        hi_unit,
        lo,
        hi,
        parity,
        remark,
    })
}

fn decode_list(s: &str) -> Option<Vec<NumberSpec>> {
    if s.is_empty() {
        return Some(Vec::new());
    }
    s.split(';').map(decode_item).collect()
}

/// Reads the packed form; `None` when it is not one.
pub fn decode(s: &str) -> Option<Numbers> {
    let (items, except) = match s.split_once('!') {
        Some((a, b)) => (a, b),
        None => (s, ""),
    };
    Some(Numbers {
        items: decode_list(items)?,
        except: decode_list(except)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::spec::parse_numbers;

    #[test]
    fn every_shape_packs_and_unpacks() {
        for text in [
            "全部",
            "1-99号(单号)",
            "2-50号(双号)、12号",
            "680弄、750-840弄(双号)",
            "811弄-827号(单号)",
            "201号以上(单号)",
            "50号以下",
            "33栋1-16号、34栋1-13号(单号)",
            "3组1-19号",
            "34号附1-130号",
            "2号附号",
            "20号农科院宿舍1-8栋",
            "76号(1-2单元)",
            "单数幢号",
            "全部(不含1-70号)",
            "1-3组、5组",
        ] {
            let n = parse_numbers(text).unwrap();
            let packed = encode(&n);
            let back = decode(&packed).unwrap_or_else(|| panic!("{text}: {packed}"));
            // The remark is not carried, only whether it makes the cover partial.
            let plain = |n: &Numbers| {
                let strip = |v: &[NumberSpec]| {
                    v.iter()
                        .map(|s| NumberSpec {
                            remark: if s.remark.contains(PARTIAL) {
                                PARTIAL.to_string()
                            } else {
                                String::new()
                            },
                            ..s.clone()
                        })
                        .collect::<Vec<_>>()
                };
                (strip(&n.items), strip(&n.except))
            };
            assert_eq!(plain(&back), plain(&n), "{text}: {packed}");
        }
        assert_eq!(encode(&parse_numbers("1-99号(单号)").unwrap()), "n1-99o");
        assert_eq!(encode(&parse_numbers("全部").unwrap()), "");
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "x", "n1-", "n1234567", "n9-1", "q1", "n1?", "n20/", "n/b1", "1-99号",
        ] {
            assert!(
                decode(bad).is_none() || bad == "n1-",
                "{bad}: {:?}",
                decode(bad)
            );
        }
        // An open upper end is allowed (“1号以上”).
        assert!(decode("n1-").is_some());
    }
}
