//! Pinyin readings of place names, computed when the bureau publishes (the parent page gets them in
//! `districts.json` and needs no table): every reading of a heteronym (长 = chang/zhang), with a small
//! table of place names whose reading is known (长春 chang chun, 重庆 chong qing, 六安 lu an) put first.
//! Pure: a string in, readings out, so that it can live in a lazily loaded module.

use pinyin::ToPinyinMulti;

/// At most this many readings per name.
pub const MAX_READINGS: usize = 16;

/// Place-name words and their reading, tried before the per-character readings.
const PLACE_READINGS: [(&str, &str); 24] = [
    ("长春", "chang chun"),
    ("长宁", "chang ning"),
    ("长沙", "chang sha"),
    ("长安", "chang an"),
    ("长江", "chang jiang"),
    ("长青", "chang qing"),
    ("长白", "chang bai"),
    ("重庆", "chong qing"),
    ("厦门", "xia men"),
    ("大厦", "da sha"),
    ("六安", "lu an"),
    ("六合", "lu he"),
    ("蚌埠", "beng bu"),
    ("番禺", "pan yu"),
    ("莘庄", "xin zhuang"),
    ("乐清", "yue qing"),
    ("朝阳", "chao yang"),
    ("都江堰", "du jiang yan"),
    ("银行", "yin hang"),
    ("车站", "che zhan"),
    ("汽开", "qi kai"),
    ("东莞", "dong guan"),
    ("丽水", "li shui"),
    ("单县", "shan xian"),
];

/// The readings of each character: digits and Latin letters stand for themselves, other symbols drop.
fn char_readings(name: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut latin = String::new();
    for (c, multi) in name.chars().zip(name.to_pinyin_multi()) {
        if c.is_ascii_alphanumeric() {
            latin.push(c.to_ascii_lowercase());
            continue;
        }
        if !latin.is_empty() {
            out.push(vec![std::mem::take(&mut latin)]);
        }
        if let Some(m) = multi {
            let mut rs: Vec<String> = Vec::new();
            for p in m {
                let r = p.plain().to_string();
                if !rs.contains(&r) {
                    rs.push(r);
                }
            }
            out.push(rs);
        }
    }
    if !latin.is_empty() {
        out.push(vec![latin]);
    }
    out
}

/// The reading that the place-name table gives, character runs not in the table taking their first
/// reading; `None` when no table word occurs.
fn known_reading(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut syllables: Vec<String> = Vec::new();
    let mut used = false;
    let mut i = 0;
    while i < chars.len() {
        let hit = PLACE_READINGS.iter().find(|(w, _)| {
            let w: Vec<char> = w.chars().collect();
            chars[i..].starts_with(&w)
        });
        if let Some((w, r)) = hit {
            syllables.extend(r.split(' ').map(str::to_string));
            i += w.chars().count();
            used = true;
            continue;
        }
        let one: String = chars[i].to_string();
        for rs in char_readings(&one) {
            if let Some(first) = rs.into_iter().next() {
                syllables.push(first);
            }
        }
        i += 1;
    }
    used.then(|| syllables.join(" "))
}

/// Every reading of a name, syllables separated by spaces, the place-name reading first.
pub fn readings(name: &str) -> Vec<String> {
    let mut combos: Vec<Vec<String>> = vec![Vec::new()];
    for rs in char_readings(name) {
        let keep = if combos.len() * rs.len() > MAX_READINGS {
            1
        } else {
            rs.len()
        };
        combos = combos
            .into_iter()
            .flat_map(|c| {
                rs.iter().take(keep).map(move |r| {
                    let mut c = c.clone();
                    c.push(r.clone());
                    c
                })
            })
            .collect();
    }
    let mut out: Vec<String> = known_reading(name).into_iter().collect();
    for c in combos {
        let r = c.join(" ");
        if !r.is_empty() && !out.contains(&r) {
            out.push(r);
        }
    }
    out.truncate(MAX_READINGS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heteronyms_give_every_reading() {
        let r = readings("长青路");
        assert_eq!(r[0], "chang qing lu");
        assert!(r.contains(&"zhang qing lu".to_string()), "{r:?}");
        let r = readings("重庆路");
        assert_eq!(r[0], "chong qing lu");
        assert!(r.contains(&"zhong qing lu".to_string()), "{r:?}");
    }

    #[test]
    fn place_table_adds_readings_the_characters_lack() {
        assert_eq!(readings("六安路")[0], "lu an lu");
    }

    #[test]
    fn digits_and_letters_stay() {
        assert_eq!(readings("102国道")[0], "102 guo dao");
        assert_eq!(readings("A区")[0], "a qu");
        assert!(readings("").is_empty());
    }

    #[test]
    fn readings_are_capped() {
        assert!(readings("长长长长长长长长长长").len() <= MAX_READINGS);
    }
}
