//! Text normalisation for district data and queries: the NFKC mappings that occur in Chinese tables
//! (full-width ASCII, the ideographic space, circled numbers), range dashes, stray spaces, and Chinese
//! numerals before a unit (“三组” → “3组”).
//!
//! Written out rather than taken from `unicode-normalization`, whose NFKC tables cost 70 KB gzip of wasm
//! (docs/dependencies.md); a native test checks these mappings against that crate.

/// Maps one character: full-width forms to ASCII, every dash and wave dash to `-`, every space to ` `.
/// Characters that need no change come back as they are.
pub fn fold_char(c: char) -> char {
    match c {
        // Brackets that work as parentheses.
        '【' | '〔' | '［' | '[' | '〖' => '(',
        '】' | '〕' | '］' | ']' | '〗' => ')',
        // Full-width ASCII (U+FF01–U+FF5E) → ASCII; the full-width tilde is a range dash.
        '\u{ff5e}' => '-',
        '\u{ff01}'..='\u{ff5d}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        // Dashes used between numbers or names.
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2500}'
        | '\u{2501}'
        | '\u{301c}'
        | '\u{fe58}'
        | '\u{fe63}'
        | '~' => '-',
        // Spaces.
        '\u{3000}'
        | '\u{00a0}'
        | '\u{2000}'..='\u{200b}'
        | '\u{202f}'
        | '\u{205f}'
        | '\t'
        | '\r'
        | '\n' => ' ',
        '\u{3001}' => '、',
        '\u{ff64}' => '、',
        '\u{feff}' => ' ',
        _ => c,
    }
}

/// Circled and parenthesised numbers (NFKC maps ① to “1”, ⑴ to “(1)”; here both become the digits).
fn circled(c: char) -> Option<u32> {
    match c {
        '\u{2460}'..='\u{2473}' => Some(c as u32 - 0x2460 + 1),
        '\u{2474}'..='\u{2487}' => Some(c as u32 - 0x2474 + 1),
        '\u{2488}'..='\u{249b}' => Some(c as u32 - 0x2488 + 1),
        '\u{24f5}'..='\u{24fe}' => Some(c as u32 - 0x24f5 + 1),
        _ => None,
    }
}

/// Cleans text for storage and display: [`fold_char`] on every character, circled numbers as digits,
/// spaces collapsed, and spaces next to a CJK character (or a full-width mark) dropped, so that
/// “天山路 680 弄” becomes “天山路680弄”. Latin letters keep their case. Idempotent.
pub fn clean(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(n) = circled(c) {
            folded.push_str(&n.to_string());
        } else {
            folded.push(fold_char(c));
        }
    }
    let chars: Vec<char> = folded.chars().collect();
    let mut out = String::with_capacity(folded.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            let start = i;
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            if let (Some(b), Some(a)) = (before, after) {
                if b.is_ascii() && a.is_ascii() && b != '(' && a != ')' {
                    out.push(' ');
                }
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The matching key of a name or query: [`clean`], ASCII letters lower-cased, and the punctuation that
/// never distinguishes two names (spaces, `·`, quotes) dropped.
///
/// One pass, no intermediate strings: every space [`clean`] keeps is dropped here anyway, so the key is
/// the folded characters without spaces and those marks (a test checks it against `clean`).
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_key(s, &mut out);
    out
}

/// Appends the key of `s` to `out` (see [`key`]); the query path reuses one buffer.
pub fn push_key(s: &str, out: &mut String) {
    for c in s.chars() {
        if let Some(n) = circled(c) {
            if n >= 10 {
                out.push(char::from(b'0' + (n / 10) as u8));
            }
            out.push(char::from(b'0' + (n % 10) as u8));
            continue;
        }
        let c = fold_char(c);
        if !matches!(c, ' ' | '·' | '•' | '\'' | '"' | '“' | '”' | '‘' | '’') {
            out.push(c.to_ascii_lowercase());
        }
    }
}

/// Endings of a road whose name holds a number (“测试0路”, “88号路”, “2号大街”, “3巷”).
const NUMBERED_ROAD_ENDINGS: [&str; 7] = ["大街", "大道", "胡同", "路", "街", "巷", "道"];

/// When the ASCII digits that `rest` starts with belong to a road's name (digits, an optional 号, then
/// a road ending: “0路”, “88号路”), how many characters and bytes of `rest` the name takes; `None`
/// when they are a house number (“88号”, “1-99号”, “700弄”, “5号楼”).
pub(crate) fn numbered_road_len(rest: impl Iterator<Item = char>) -> Option<(usize, usize)> {
    let mut it = rest.peekable();
    let mut chars = 0;
    while it.next_if(char::is_ascii_digit).is_some() {
        chars += 1;
    }
    if chars == 0 {
        return None;
    }
    let mut bytes = chars;
    if it.next_if_eq(&'号').is_some() {
        chars += 1;
        bytes += '号'.len_utf8();
    }
    let (a, b) = (it.next(), it.next());
    let ending = NUMBERED_ROAD_ENDINGS.iter().find(|e| {
        let mut e = e.chars();
        e.next() == a && e.next().is_none_or(|second| Some(second) == b)
    })?;
    Some((chars + ending.chars().count(), bytes + ending.len()))
}

/// [`numbered_road_len`] at byte `i` of `s`: the byte offset where such a name's number ends.
pub(crate) fn name_digits_end(s: &str, i: usize) -> Option<usize> {
    numbered_road_len(s[i..].chars()).map(|(_, bytes)| i + bytes)
}

/// Value of a Chinese numeral of at most four digits (“三” 3, “十二” 12, “二十” 20, “一百零五” 105,
/// “两” 2, “〇” 0), or of digits written one by one (“一〇五” 105). `None` for anything else.
pub fn chinese_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if s.chars().all(|c| digit(c).is_some()) {
        if s.chars().count() > 6 {
            return None;
        }
        return s
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let mut total = 0u32;
    let mut current = 0u32;
    let mut last_unit = 10_000;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if current != 0 && d != 0 {
                return None;
            }
            current = d;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        let n = if current == 0 && unit == 10 && total == 0 {
            1
        } else {
            current
        };
        if n == 0 {
            return None;
        }
        total += n * unit;
        current = 0;
    }
    Some(total + current)
}

/// A number from 1 to 99 written as Chinese numerals (“七”, “十二”, “二十”), as road names write them.
pub fn chinese_numeral_text(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// True for the characters that spell Chinese numerals.
pub fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_dashes_and_spaces() {
        assert_eq!(clean("１－８８号"), "1-88号");
        assert_eq!(clean("1—57号"), "1-57号");
        assert_eq!(clean("1～57号"), "1-57号");
        assert_eq!(clean("1~57号"), "1-57号");
        assert_eq!(clean("天山路 680 弄"), "天山路680弄");
        assert_eq!(clean("  a   b  "), "a b");
        assert_eq!(clean("（单号）"), "(单号)");
        assert_eq!(clean("A路　B路"), "A路B路");
        assert_eq!(clean("【含】"), "(含)");
        assert_eq!(clean("③组"), "3组");
        assert_eq!(clean("dfdj 88"), "dfdj 88");
    }

    #[test]
    fn clean_is_idempotent() {
        for s in [
            "１－８８号 （单）",
            "a  (b ) c",
            "天山路 ： 680 弄 、 700 弄",
            "⑴ x",
        ] {
            let once = clean(s);
            assert_eq!(clean(&once), once, "{s}");
        }
    }

    /// The key as first defined: `clean`, then the separators dropped and letters lower-cased.
    fn key_by_clean(s: &str) -> String {
        clean(s)
            .chars()
            .filter(|c| !matches!(c, ' ' | '·' | '•' | '\'' | '"' | '“' | '”' | '‘' | '’'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    }

    #[test]
    fn one_pass_key_matches_clean() {
        let pieces = [
            "东风大街",
            " ",
            "　",
            "８８",
            "号",
            "⑳",
            "⑴",
            "①",
            "⒛",
            "DFDJ",
            "·",
            "“",
            "’",
            "\t",
            "(",
            ")",
            "（",
            "【",
            "－",
            "～",
            "a",
            "Z",
            "\u{feff}",
            "\u{a0}",
            "、",
            "弄",
            "1",
            "-",
        ];
        // Every string of up to three pieces.
        let mut n = 0;
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(key(&s), key_by_clean(&s), "{s:?}");
                    n += 1;
                }
            }
        }
        assert_eq!(n, pieces.len().pow(3));
    }

    #[test]
    fn keys_ignore_case_and_separators() {
        assert_eq!(key("DFDJ 88"), "dfdj88");
        assert_eq!(key("东风·大街"), "东风大街");
    }

    #[test]
    fn numbers_inside_road_names() {
        let len = |s: &str| numbered_road_len(s.chars());
        assert_eq!(len("0路"), Some((2, 4)));
        assert_eq!(len("88号路:1-20号"), Some((4, 8)));
        assert_eq!(len("2号大街"), Some((4, 10)));
        assert_eq!(len("12巷"), Some((3, 5)));
        for number in [
            "88号",
            "1-99号",
            "700弄5号",
            "5号楼",
            "3栋",
            "1组",
            "88",
            "号路",
            "88号大",
        ] {
            assert_eq!(len(number), None, "{number}");
        }
    }

    #[test]
    fn chinese_numerals() {
        for (s, n) in [
            ("三", 3),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零五", 105),
            ("一〇五", 105),
            ("两", 2),
            ("三百", 300),
        ] {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        for s in ["", "百", "十十", "三三十", "x", "一千千"] {
            assert_eq!(chinese_number(s), None, "{s}");
        }
    }
}
