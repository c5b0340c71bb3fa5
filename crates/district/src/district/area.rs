//! The 服务区域 parser: the official free text of a school's service area
//! (`长青路：1-99号（单号）、2-50号（双号）；青年路全部；绿园小区、阳光小区`) into rules, one per place,
//! each keeping the original words it came from. Boundary descriptions (`A路—B路—C路所围成的区域`,
//! `…以东、…以南`) become boundary rules; bracketed qualifiers (“大众路以东区域”) make a rule partial.
//! A part that cannot be read is reported with its text, and the rest is kept.

use super::model::{has_place_ending, is_road_name, Exclusion, FragmentState, PlaceKind, Rule};
use super::normalize::{clean, fold_char, is_chinese_numeral, numbered_road_len};
use super::spec::{parse_numbers, print_numbers, NumberSpec, Numbers, SpecError};

/// A part of a 服务区域 text that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaError {
    /// The offending part, as written.
    pub text: String,
    pub kind: AreaErrorKind,
    /// Where it is in the text (characters, end exclusive).
    pub span: (usize, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AreaErrorKind {
    /// Numbers with no road, community or village before them.
    NoPlace,
    /// The numbers after a place could not be read.
    Numbers(SpecError),
    /// Read, but its canonical form would read back differently (a name that looks like numbers,
    /// stray brackets): the bureau must rewrite it.
    Unclear,
}

/// The rules read from one 服务区域 text, and the parts that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AreaParse {
    pub rules: Vec<Rule>,
    pub errors: Vec<AreaError>,
    /// Where each rule was read from (characters of the text, end exclusive), one per rule.
    pub spans: Vec<(usize, usize)>,
    /// Offset of the slices being read in the whole text (characters).
    offset: usize,
    /// The condition of the clause being read (“符合“人户一致”条件的适龄儿童”), noted on its rules.
    condition: String,
    /// The 街道 / 镇 the clause's places lie in.
    town: String,
    /// Where the clause's town prefix starts: the first fragment after it includes it.
    town_start: Option<usize>,
}

impl AreaParse {
    fn rule(&mut self, mut rule: Rule, span: (usize, usize)) {
        let span = match self.town_start.take() {
            Some(t) => (t.min(span.0), span.1),
            None => span,
        };
        if !self.condition.is_empty() {
            rule.note = if rule.note.is_empty() {
                self.condition.clone()
            } else {
                format!("{},{}", rule.note, self.condition)
            };
        }
        if rule.town.is_empty() && rule.kind != PlaceKind::Boundary {
            rule.town = self.town.clone();
        }
        self.rules.push(rule);
        self.spans
            .push((span.0 + self.offset, span.1 + self.offset));
    }

    fn error(&mut self, text: String, kind: AreaErrorKind, span: (usize, usize)) {
        let span = match self.town_start.take() {
            Some(t) => (t.min(span.0), span.1),
            None => span,
        };
        self.errors.push(AreaError {
            text,
            kind,
            span: (span.0 + self.offset, span.1 + self.offset),
        });
    }
}

const DIRECTIONS: [&str; 4] = ["以东", "以南", "以西", "以北"];
const ENCLOSED: [&str; 4] = ["所围成", "所围", "围成", "合围"];
const ALIAS_WORDS: [&str; 5] = ["又名", "亦称", "原名", "原", "即"];
const PART_WORDS: [&str; 19] = [
    "以东", "以南", "以西", "以北", "区域", "部分", "一侧", "沿线", "区间", "路段", "附近", "周边",
    "较近", "东段", "西段", "南段", "北段", "中段", "侧",
];
const EXCEPT_WORDS: [&str; 5] = ["不包括", "不包含", "不含", "除去", "除"];
const INCLUDE_WORDS: [&str; 3] = ["包括", "包含", "含"];
const ALL_CHARS: [&[char]; 5] = [
    &['全', '部'],
    &['全', '段'],
    &['全', '境'],
    &['全', '线'],
    &['整', '条'],
];

/// How the canonical text marks a part written in words of its own (“(部分:在建)”).
const PART_MARK: &str = "部分:";

/// How the canonical text separates a place's town from its name (“城关镇|东街村”).
const TOWN_MARK: char = '|';

/// How the canonical text marks a note that would otherwise read as something else (“(注:5幢)”).
const NOTE_MARK: &str = "注:";

/// True when a bracket holding `group` after a plain name reads back as `check` wants, and as nothing
/// else (no numbers, alias, exclusion or address of its own).
fn group_reads_as(group: &str, check: impl Fn(&Pending) -> bool) -> bool {
    if group.contains(['(', ')']) {
        return false;
    }
    let text: Vec<char> = format!("甲乙路({group})").chars().map(fold_char).collect();
    let p = place(&text, 0, text.len());
    check(&p)
        && p.also.is_empty()
        && p.extra.is_empty()
        && p.rule.aliases.is_empty()
        && p.rule.except.is_empty()
        && p.except.is_empty()
        && p.spec.is_empty()
        && p.rule.name == "甲乙路"
}

/// Conditions on some of a place (“已拆迁”): the place is then only a possible match.
const ITEM_CONDITIONS: [&str; 5] = ["已拆迁安置", "未拆迁", "已拆迁", "拆迁安置", "在建"];

/// The side of a road written before its numbers.
const SIDE_WORDS: [&str; 8] = [
    "东侧", "西侧", "南侧", "北侧", "以东", "以西", "以南", "以北",
];

/// “戊村及附近”: a place and its surroundings.
const NEAR_WORDS: [&str; 4] = ["及附近", "附近", "及周边", "周边"];

/// Numerals of a series (“一” … “十”, or digits) and their value.
fn numeral_value(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() {
        return s.parse().ok();
    }
    super::normalize::chinese_number(s)
}

/// “柳南一路至七路”, “双河一至三巷”, “柳浪湾北一巷-北五巷”: a series of numbered roads, each named.
/// At most 30 names; anything else is not a series.
fn expand_series(name: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = name.chars().collect();
    let dash = chars.iter().position(|c| matches!(c, '至' | '-' | '到'))?;
    let is_num = |c: char| c.is_ascii_digit() || is_chinese_numeral(c);
    // The first number, just before the dash or before its unit.
    let mut end1 = dash;
    let unit1: String;
    {
        let mut u = end1;
        while u > 0 && !is_num(chars[u - 1]) {
            u -= 1;
        }
        unit1 = chars[u..end1].iter().collect();
        end1 = u;
    }
    let mut start1 = end1;
    while start1 > 0 && is_num(chars[start1 - 1]) {
        start1 -= 1;
    }
    if start1 == end1 || start1 == 0 {
        return None;
    }
    let prefix: String = chars[..start1].iter().collect();
    let first: String = chars[start1..end1].iter().collect();
    // After the dash: an optional repeat of the prefix's end (“北”), the second number, the unit.
    let rest: String = chars[dash + 1..].iter().collect();
    let digits_at = rest.find(is_num)?;
    let repeat = &rest[..digits_at];
    if !prefix.ends_with(repeat) {
        return None;
    }
    let after: String = rest[digits_at..]
        .chars()
        .skip_while(|c| is_num(*c))
        .collect();
    let second: String = rest[digits_at..]
        .chars()
        .take_while(|c| is_num(*c))
        .collect();
    let unit = if after.is_empty() {
        unit1.clone()
    } else {
        after
    };
    if unit.is_empty()
        || (!unit1.is_empty() && unit1 != unit)
        || !is_road_name(&format!("x{unit}")) && !matches!(unit.as_str(), "村" | "组" | "队")
    {
        return None;
    }
    let (a, b) = (numeral_value(&first)?, numeral_value(&second)?);
    if b <= a || b - a >= 30 {
        return None;
    }
    let chinese = !first.chars().all(|c| c.is_ascii_digit());
    Some(
        (a..=b)
            .map(|n| {
                let num = if chinese {
                    super::normalize::chinese_numeral_text(n)
                } else {
                    n.to_string()
                };
                format!("{prefix}{num}{unit}")
            })
            .collect(),
    )
}

/// “北路南路” in “战备渠（北路南路）”: the parts of a road each named, when the bracket is only that.
fn sub_roads(g: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = g.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '、' | ',' | ' ') {
            i += 1;
            continue;
        }
        if !matches!(chars[i], '东' | '西' | '南' | '北' | '中') {
            return None;
        }
        let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        let three: String = chars[i..(i + 3).min(chars.len())].iter().collect();
        if three.ends_with("大道") || three.ends_with("大街") {
            out.push(three);
            i += 3;
        } else if two.chars().count() == 2
            && ["路", "街", "巷", "段"].iter().any(|s| two.ends_with(s))
        {
            out.push(two);
            i += 2;
        } else {
            return None;
        }
    }
    (out.len() >= 2).then_some(out)
}

/// A part word inside a name (“南岳社区成温邛高速北一侧”): the place before it and the part.
fn split_part(name: &str) -> (String, String) {
    const INSIDE: [&str; 6] = ["一侧", "沿线", "区间", "较近", "部分", "附近"];
    let Some(at) = INSIDE.iter().filter_map(|w| name.find(w)).min() else {
        return (name.to_string(), String::new());
    };
    let head = &name[..at];
    let ends = ["社区", "小区", "村", "大道", "路", "街", "巷", "段", "花园"];
    let cut = head
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .rfind(|i| ends.iter().any(|e| head[..*i].ends_with(e)) && head[..*i].chars().count() >= 2);
    match cut {
        Some(i) if i < name.len() => (name[..i].to_string(), name[i..].to_string()),
        _ => (name.to_string(), String::new()),
    }
}

/// “延安西路1882号;杨宅路181弄” in a bracket after a name: addresses, each a place with numbers.
fn bracket_addresses(g: &str) -> Option<Vec<Rule>> {
    if !g.chars().any(|c| c.is_ascii_digit()) || CONDITION_WORDS.iter().any(|w| g.contains(w)) {
        return None;
    }
    let parsed = parse_area_unchecked(g);
    let ok = parsed.errors.is_empty()
        && !parsed.rules.is_empty()
        && parsed.rules.iter().all(|r| {
            r.kind != PlaceKind::Boundary && !r.numbers.is_all() && r.name.chars().count() >= 2
        });
    ok.then_some(parsed.rules)
}

/// True when a bracket after a name holds numbers (“2—5队、9—12队”, “5、6、7幢”, “单号”), not a name.
fn numbers_in_brackets(g: &str) -> bool {
    let starts = g.starts_with(|c: char| c.is_ascii_digit())
        || g.starts_with('附')
        || g.starts_with("单号")
        || g.starts_with("双号");
    starts && parse_numbers(g).is_ok_and(|n| !n.items.is_empty())
}

/// Where the condition of a clause begins: the words after its places that say who is admitted.
const CONDITION_WORDS: [&str; 22] = [
    "符合",
    "村民户籍",
    "户籍",
    "实际居住",
    "居住",
    "的适龄",
    "适龄儿童",
    "适龄少年",
    "的小学应届",
    "小学应届",
    "应届毕业生",
    "小学毕业生",
    "的学生",
    "业主子女",
    "人户一致",
    "房产",
    "产权",
    "租住",
    "政策性照顾",
    "且满足",
    "满足",
    "的住户",
];
/// Words before the places of a clause that only introduce them.
const LEAD_WORDS: [&str; 7] = ["户籍在", "居住在", "具有", "凡是", "凡", "位于", "在"];

/// Parses a 服务区域 text. Rules come back without schools; the caller adds them. Every rule returned
/// reads back from its canonical form ([`print_area`]); one that would not is reported as unclear.
pub fn parse_area(text: &str) -> AreaParse {
    let parsed = parse_area_unchecked(text);
    let mut out = AreaParse {
        rules: Vec::with_capacity(parsed.rules.len()),
        errors: parsed.errors,
        ..AreaParse::default()
    };
    for (rule, span) in parsed.rules.into_iter().zip(parsed.spans) {
        if reads_back(&rule) {
            out.rules.push(rule);
            out.spans.push(span);
        } else {
            out.errors.push(AreaError {
                text: rule.source,
                kind: AreaErrorKind::Unclear,
                span,
            });
        }
    }
    out
}

/// True when the rule's canonical text reads back to the same rule (its wording, town and condition
/// aside: they are not part of the canonical text).
fn reads_back(rule: &Rule) -> bool {
    let plain = |r: &Rule| Rule {
        note: String::new(),
        source: String::new(),
        town: String::new(),
        fragment: 0,
        ..r.clone()
    };
    let again = parse_area_unchecked(&print_rule(&Rule {
        note: String::new(),
        ..rule.clone()
    }));
    again.errors.is_empty() && again.rules.len() == 1 && plain(&again.rules[0]) == plain(rule)
}

/// One fragment of a 服务区域 text as read: a place with its numbers, an area, a list item, or a
/// phrase (a condition, a note) between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFragment {
    /// Where it starts in the text (characters).
    pub start: usize,
    /// As written.
    pub text: String,
    /// The rules read from it (none when unread or a note).
    pub rules: Vec<Rule>,
    pub state: FragmentState,
    /// Why it was not read.
    pub error: Option<AreaErrorKind>,
}

/// Splits a 服务区域 text into fragments, each read or kept as unread text: nothing is dropped, and
/// one phrase not understood never drops the others.
pub fn parse_fragments(text: &str) -> Vec<ParsedFragment> {
    let parsed = parse_area(text);
    let chars: Vec<char> = text.chars().collect();
    type Piece = ((usize, usize), Option<Rule>, Option<AreaErrorKind>);
    let mut spans: Vec<Piece> = Vec::new();
    for (rule, span) in parsed.rules.into_iter().zip(parsed.spans) {
        spans.push((span, Some(rule), None));
    }
    for e in parsed.errors {
        spans.push((e.span, None, Some(e.kind)));
    }
    spans.sort_by_key(|(s, _, _)| *s);
    let mut out: Vec<ParsedFragment> = Vec::new();
    let mut covered = 0usize;
    let push_gap = |out: &mut Vec<ParsedFragment>, from: usize, to: usize| {
        if from >= to {
            return;
        }
        let gap: String = chars[from..to].iter().collect();
        let meaningful = gap
            .chars()
            .any(|c| c.is_alphanumeric() && !matches!(c, '等' | '及' | '和' | '与'));
        if !meaningful {
            return;
        }
        let trimmed_start = gap.len() - gap.trim_start_matches(is_filler).len();
        let lead = gap[..trimmed_start].chars().count();
        out.push(ParsedFragment {
            start: from + lead,
            text: gap.trim_matches(is_filler).to_string(),
            rules: Vec::new(),
            state: FragmentState::Note,
            error: None,
        });
    };
    for ((a, b), rule, error) in spans {
        let (a, b) = (a.min(chars.len()), b.min(chars.len()));
        if let Some(last) = out.last_mut() {
            let last_end = last.start + last.text.chars().count();
            if a < last_end || (a, b) == (last.start, last_end) {
                // The same span (several rules of one phrase), or one inside the last.
                if let Some(r) = rule {
                    last.rules.push(r);
                }
                if error.is_some() {
                    last.error = error;
                }
                continue;
            }
        }
        push_gap(&mut out, covered, a);
        out.push(ParsedFragment {
            start: a,
            text: chars[a..b.max(a)].iter().collect(),
            rules: rule.into_iter().collect(),
            state: FragmentState::Read,
            error,
        });
        covered = b.max(a);
    }
    push_gap(&mut out, covered, chars.len());
    for f in &mut out {
        if f.state == FragmentState::Note {
            continue;
        }
        f.state = if f.error.is_some() || f.rules.is_empty() {
            // One rule not understood spoils its phrase: none of its rules is kept.
            f.rules.clear();
            FragmentState::Unread
        } else if f.rules.iter().all(Rule::is_possible_only) {
            FragmentState::Possible
        } else {
            FragmentState::Read
        };
    }
    // A note that names places is text the parser skipped: unread, not a note.
    for f in &mut out {
        if f.state == FragmentState::Note && names_a_place(&f.text) {
            f.state = FragmentState::Unread;
        }
    }
    out
}

fn is_filler(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | ',' | '，' | ';' | '；' | '。' | '.' | '…' | ':' | '：' | '等' | '及' | '和'
        )
}

/// True when a phrase names a road, community or village (ends a word with their endings) and is not
/// a condition.
fn names_a_place(text: &str) -> bool {
    let t = clean(text);
    if CONDITION_WORDS.iter().any(|w| t.contains(w)) || t.starts_with("说明") {
        return false;
    }
    t.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.chars().count() >= 2 && PlaceKind::guess(w) != PlaceKind::Community || is_road_name(w)
    })
}

/// The parse before the canonical-text check, for the probe that shows why a rule is unclear.
#[doc(hidden)]
pub fn parse_area_unchecked_for_probe(text: &str) -> AreaParse {
    parse_area_unchecked(text)
}

fn parse_area_unchecked(text: &str) -> AreaParse {
    let mut out = AreaParse::default();
    let mut last = None;
    let raw: Vec<char> = text.chars().collect();
    // Line breaks end a clause as `；` does.
    let mut folded: Vec<char> = raw
        .iter()
        .map(|c| match c {
            '\n' | '\r' => ';',
            c => fold_char(*c),
        })
        .collect();
    // “平康路（部分）以及长堤东路”: “以及” lists, as “、” does.
    for i in 1..folded.len() {
        if folded[i - 1] == '以'
            && folded[i] == '及'
            && folded.get(i + 1).is_some_and(|c| *c != '附')
        {
            folded[i - 1] = ' ';
            folded[i] = '、';
        }
    }
    for (a, b) in split_depth0(&folded, 0, folded.len(), |c| matches!(c, ';' | '。')) {
        let (a, b) = trim(&folded, a, b);
        if a < b {
            clause(&raw, &folded, a, b, &mut last, &mut out);
        }
    }
    out
}

/// One clause (between `；`): its lead words and condition set aside, its town noted, then read.
fn clause(
    raw: &[char],
    f: &[char],
    a: usize,
    b: usize,
    last: &mut Option<String>,
    out: &mut AreaParse,
) {
    let mut a = a;
    // “具有…户籍”, “在…居住”: the words before the places.
    loop {
        let before = a;
        for w in LEAD_WORDS {
            if f[a..b].starts_with(&w.chars().collect::<Vec<_>>()) && b - a > w.chars().count() + 1
            {
                a += w.chars().count();
                break;
            }
        }
        if a == before {
            break;
        }
    }
    // “代招范围：…”, “大龙校区：…”: a label before the places.
    if let Some(colon) = find_depth0(f, a, b, ":") {
        let label: String = f[a..colon].iter().collect();
        if ["范围", "校区", "本部", "分校", "地段"]
            .iter()
            .any(|w| label.ends_with(w))
            && label.chars().count() <= 8
        {
            a = colon + 1;
        }
    }
    // The condition: from the first condition word at depth 0 to the end.
    let cond_at = CONDITION_WORDS
        .iter()
        .filter_map(|w| find_depth0(f, a, b, w))
        .filter(|i| *i > a)
        .min();
    let (mut end, condition) = match cond_at {
        Some(i) => (i, clean(&text(raw, i, b))),
        None => (b, String::new()),
    };
    // “…等小区”, “…等”: the list ends there.
    let body: String = f[a..end].iter().collect();
    if let Some(at) = body.rfind('等') {
        let tail = &body[at + '等'.len_utf8()..];
        if tail.chars().count() <= 3 && !tail.chars().any(|c| c.is_ascii_digit()) {
            end = a + body[..at].chars().count();
        }
    }
    while end > a && matches!(f[end - 1], '的' | ' ' | ',' | '、') {
        end -= 1;
    }
    if a >= end {
        out.error(text(raw, a, b), AreaErrorKind::NoPlace, (a, b));
        return;
    }
    out.condition = condition;
    out.town = String::new();
    // Only a list takes a town before it: an area's description names roads, not a town.
    let area = ENCLOSED
        .iter()
        .chain(&DIRECTIONS)
        .any(|w| find_depth0(f, a, end, w).is_some())
        || f[a..end].contains(&TOWN_MARK);
    let a = match town_prefix(f, a, end).filter(|_| !area) {
        Some((town, next)) => {
            out.town = town;
            out.town_start = Some(a);
            next
        }
        None => a,
    };
    chunk(raw, f, a, end, last, out);
    out.condition.clear();
    out.town.clear();
    out.town_start = None;
}

/// The 街道 / 镇 / 乡 that starts a clause (“城关镇东街村”, “桥南街华景新城”, “沙头街的沙头村”): its
/// name and where the places begin. Only when a place of two characters or more follows.
fn town_prefix(f: &[char], a: usize, b: usize) -> Option<(String, usize)> {
    let word: Vec<char> = f[a..b.min(a + 8)].to_vec();
    let plain = word
        .iter()
        .take_while(|c| !c.is_ascii() && !matches!(c, '、' | '(' | ')' | '，'))
        .count();
    for n in (2..plain.min(word.len())).rev() {
        let head: String = word[..n].iter().collect();
        // A town is a plain name: no word of the grammar in it.
        let reserved = DIRECTIONS
            .iter()
            .chain(&EXCEPT_WORDS)
            .chain(&INCLUDE_WORDS)
            .chain(&ALIAS_WORDS)
            .chain(&ENCLOSED)
            .chain(&["及", "和", "至", "到", "单号", "双号", "全部"])
            .any(|w| head.contains(w));
        let digitish = |c: char| {
            is_chinese_numeral(c) || c.is_ascii_digit() || ('\u{2460}'..='\u{24ff}').contains(&c)
        };
        if reserved
            || head.starts_with(|c: char| {
                digitish(c) || !c.is_alphanumeric() || "附单双全以不除含".contains(c)
            })
        {
            continue;
        }
        let explicit = ["街道", "镇", "乡"].iter().any(|e| head.ends_with(e));
        let street = head.ends_with('街') && !head.ends_with("大街") && (3..=4).contains(&n);
        // “中山西路长顺路”, “祈福新邨内晓峰园”: a place within a road or an estate.
        let within = head.ends_with('内') && n >= 3;
        let road = n >= 3 && is_road_name(&head) && !head.ends_with('段');
        if !(explicit || street || within || road) {
            continue;
        }
        let mut next = a + n;
        if f.get(next) == Some(&'的') {
            next += 1;
        }
        // The rest must be a place of its own: a name before any number or separator.
        let rest: String = f[next..b]
            .iter()
            .take_while(|c| {
                !c.is_ascii_digit()
                    && !('\u{2460}'..='\u{24ff}').contains(*c)
                    && !matches!(c, '、' | ',' | '(' | ' ' | ':' | '-' | '|')
            })
            .collect();
        let len = rest.chars().count();
        if len < 2 || rest.starts_with(['道', '至', '到']) {
            continue;
        }
        // After a road only a name of its own: not a section (“北段”, “一段”) or a short word.
        if road && !explicit && !street {
            let section = rest.ends_with('段') && rest.chars().count() <= 3;
            let own =
                len >= 3 || rest.ends_with('村') || rest.ends_with('园') || rest.ends_with('苑');
            if section || !own || rest.starts_with(['东', '西', '南', '北', '中']) && len <= 3
            {
                continue;
            }
        }
        let head = clean(head.trim_end_matches('内'));
        if len >= 3 || PlaceKind::guess(&rest) != PlaceKind::Community || rest.ends_with("小区") {
            return Some((head, next));
        }
    }
    None
}

/// Canonical text of rules read from a 服务区域 text; [`parse_area`] reads it back to the same rules
/// (apart from `source`).
pub fn print_area(rules: &[Rule]) -> String {
    rules
        .iter()
        .map(|r| {
            // The town, marked off from the place: “城关镇|东街村”.
            if r.town.is_empty() || r.kind == PlaceKind::Boundary {
                print_rule(r)
            } else {
                format!("{}{TOWN_MARK}{}", r.town, print_rule(r))
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn print_rule(r: &Rule) -> String {
    let mut out = print_place_with(r, true);
    if r.kind == PlaceKind::Boundary {
        return out;
    }
    out.push(':');
    out.push_str(&print_numbers(&r.numbers));
    out
}

/// The place part of a rule as a rule table's place cell writes it (name, aliases, qualifier, places
/// left out; a boundary with its 所围成的区域), without the note and the numbers:
/// `parse_place_numbers(print_place(r), print_numbers(&r.numbers))` reads the rule back.
pub fn print_place(r: &Rule) -> String {
    let out = print_place_with(r, false);
    // A name that would read as a town and a place (“吉林省弄长春市”) is marked as having no town.
    let chars: Vec<char> = r.name.chars().collect();
    let splits = r.kind != PlaceKind::Boundary
        && expand_series(&r.name).is_none()
        && town_prefix(&chars, 0, chars.len()).is_some();
    if splits {
        format!("{TOWN_MARK}{out}")
    } else {
        out
    }
}

fn print_place_with(r: &Rule, note: bool) -> String {
    let mut out = r.name.clone();
    if r.kind == PlaceKind::Boundary {
        for e in &r.except {
            out.push_str(&print_exclusion(e));
        }
        out.push_str("所围成的区域");
        return out;
    }
    for a in &r.aliases {
        out.push_str(&format!("(又名{a})"));
    }
    if !r.part.is_empty() {
        // A part in words that would not read back as one (“在建”, a heading range) is marked so.
        if group_reads_as(&r.part, |p| p.rule.part == r.part) {
            out.push_str(&format!("({})", r.part));
        } else {
            out.push_str(&format!("({PART_MARK}{})", r.part));
        }
    }
    if note && !r.note.is_empty() {
        if group_reads_as(&r.note, |p| p.rule.note == r.note) {
            out.push_str(&format!("({})", r.note));
        } else {
            out.push_str(&format!("({NOTE_MARK}{})", r.note));
        }
    }
    for e in &r.except {
        out.push_str(&print_exclusion(e));
    }
    out
}

fn print_exclusion(e: &Exclusion) -> String {
    let plain = if e.numbers.is_all() {
        format!("不含{}", e.name)
    } else {
        format!("不含{}{}", e.name, print_numbers(&e.numbers))
    };
    // A name that runs into its numbers (“原3770662”) is marked off as the canonical text marks it.
    match exclusion_of(&plain) {
        Some((ex, n)) if n.is_all() && ex.len() == 1 && ex[0] == *e => format!("({plain})"),
        _ => format!("(不含{}:{})", e.name, print_numbers(&e.numbers)),
    }
}

fn trim(s: &[char], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && matches!(s[a], ' ' | ',' | '、' | '…' | '.') {
        a += 1;
    }
    while b > a && matches!(s[b - 1], ' ' | ',' | '、' | '…' | '.' | '等') {
        b -= 1;
    }
    (a, b)
}

/// Ranges of `s[a..b]` between separators at bracket depth 0.
fn split_depth0(s: &[char], a: usize, b: usize, sep: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = a;
    for (i, &c) in s.iter().enumerate().take(b).skip(a) {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && sep(c) => {
                out.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, b));
    out
}

/// Index of `word` in `s[a..b]` at bracket depth 0.
fn find_depth0(s: &[char], a: usize, b: usize, word: &str) -> Option<usize> {
    let w: Vec<char> = word.chars().collect();
    let mut depth = 0usize;
    for i in a..b {
        match s[i] {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && s[i..b].starts_with(&w) => return Some(i),
            _ => {}
        }
    }
    None
}

fn text(s: &[char], a: usize, b: usize) -> String {
    s[a..b].iter().collect::<String>().trim().to_string()
}

/// Strips a leading enumerator (“1.”, “(一)”, “2、”) that stands before a name.
fn skip_enumerator(f: &[char], a: usize, b: usize) -> usize {
    let mut i = a;
    let bracketed = f.get(i) == Some(&'(');
    if bracketed {
        i += 1;
    }
    let digits = i;
    while i < b && (f[i].is_ascii_digit() || is_chinese_numeral(f[i])) {
        i += 1;
    }
    if i == digits {
        return a;
    }
    let closed = match f.get(i) {
        Some(')') if bracketed => true,
        Some('.' | '、') if !bracketed => true,
        _ => false,
    };
    if closed
        && f.get(i + 1)
            .is_some_and(|c| !c.is_ascii_digit() && *c != '-')
    {
        i + 1
    } else {
        a
    }
}

/// `last` is the place of the previous list, which a list starting with numbers continues
/// (“安顺路：134-358（双号）；158-389号（单号）”).
fn chunk(
    raw: &[char],
    f: &[char],
    a: usize,
    b: usize,
    last: &mut Option<String>,
    out: &mut AreaParse,
) {
    let a = skip_enumerator(f, a, b);
    let (a, b) = trim(f, a, b);
    if a >= b {
        return;
    }
    if let Some(at) = ENCLOSED.iter().find_map(|w| find_depth0(f, a, b, w)) {
        enclosed(raw, f, a, at, b, out);
        *last = None;
    } else if DIRECTIONS.iter().any(|w| find_depth0(f, a, b, w).is_some())
        && !road_side_with_numbers(f, a, b)
    {
        // “…10号，东涌路以东…的片区，万丰路1-15幢…”: an area among lists. Pieces that describe the
        // area stay together (“秦淮河以东,宏运大道以南,外港河以北”); the lists around it are read as lists.
        let pieces = split_depth0(f, a, b, |c| c == ',');
        let is_area =
            |(x, y): (usize, usize)| DIRECTIONS.iter().any(|w| find_depth0(f, x, y, w).is_some());
        if pieces.len() > 1 && !pieces.iter().all(|p| is_area(*p)) {
            let mut runs: Vec<(usize, usize, bool)> = Vec::new();
            for p in pieces {
                let area = is_area(p);
                match runs.last_mut() {
                    Some(run) if run.2 && area => run.1 = p.1,
                    _ => runs.push((p.0, p.1, area)),
                }
            }
            for (x, y, _) in runs {
                let (x, y) = trim(f, x, y);
                if x < y {
                    chunk(raw, f, x, y, last, out);
                }
            }
            return;
        }
        directional(raw, f, a, b, out);
        *last = None;
    } else {
        *last = list(raw, f, a, b, last.take(), out);
    }
}

/// “双林路以北(99-293号…)”: one road, the side it is on, and its numbers: a place, not an area.
fn road_side_with_numbers(f: &[char], a: usize, b: usize) -> bool {
    let text: String = f[a..b].iter().collect();
    let Some((head, rest)) = text.split_once('(') else {
        return false;
    };
    let side = SIDE_WORDS[4..].iter().find_map(|w| head.strip_suffix(w));
    side.is_some_and(|road| is_road_name(road) && !road.contains(['、', ',']))
        && rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Bracket groups at the end of a name: (name without brackets, bracket contents).
fn name_and_brackets(s: &str) -> (String, Vec<String>) {
    let mut name = String::new();
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in s.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push(std::mem::take(&mut current).trim().to_string());
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => name.push(c),
        }
    }
    if depth > 0 && !current.is_empty() {
        groups.push(current.trim().to_string());
    }
    // A bracket left open inside a group cannot be written back: it is dropped.
    let groups = groups.into_iter().map(|g| balanced(&g)).collect();
    (name.trim().to_string(), groups)
}

/// The text without brackets that have no partner.
fn balanced(g: &str) -> String {
    let chars: Vec<char> = g.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut open = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => match open.pop() {
                Some(_) => {}
                None => keep[i] = false,
            },
            _ => {}
        }
    }
    for i in open {
        keep[i] = false;
    }
    chars
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| *c)
        .collect::<String>()
        .trim()
        .to_string()
}

/// Roads named in one part of a boundary (“金果路连仙姬巷” → 金果路, 仙姬巷; “党校通往河边路” → 河边路).
fn roads_in(part: &str) -> Vec<String> {
    let mut pieces = vec![part.to_string()];
    for connector in ["通往", "连", "与", "和", "至", "到", "沿", "经", "接"] {
        pieces = pieces
            .iter()
            .flat_map(|p| p.split(connector).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    pieces
        .into_iter()
        .map(|p| clean(&p))
        .filter(|p| is_road_name(p))
        .collect()
}

/// The roads of a boundary description, in order, each once.
pub fn boundary_roads(description: &str) -> Vec<String> {
    let mut roads: Vec<String> = Vec::new();
    for piece in description.split(['-', ',', '、']) {
        let piece = DIRECTIONS
            .iter()
            .fold(piece.to_string(), |p, w| p.replace(w, ""));
        for road in roads_in(&piece) {
            if !roads.contains(&road) {
                roads.push(road);
            }
        }
    }
    roads
}

/// “不含雁城路1-70号”, “除昆仑公馆小区”: named exclusions, or numbers of the rule's own place.
/// “不含8组未拆迁”: numbers left out on a condition (`ITEM_CONDITIONS`), without it.
fn conditional_exclusion(group: &str) -> Option<Numbers> {
    let body = EXCEPT_WORDS
        .iter()
        .find_map(|w| group.strip_prefix(w))?
        .trim();
    let cond = ITEM_CONDITIONS.iter().find(|w| body.contains(*w))?;
    let numbers = body.replacen(cond, "", 1);
    if !numbers.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    parse_numbers(numbers.trim_end_matches('的'))
        .ok()
        .filter(|n| !n.items.is_empty())
}

fn exclusion_of(group: &str) -> Option<(Vec<Exclusion>, Numbers)> {
    let body = EXCEPT_WORDS
        .iter()
        .find_map(|w| group.strip_prefix(w))
        .or_else(|| group.strip_suffix("除外"))?
        .trim();
    if body.is_empty() {
        return None;
    }
    if body.starts_with(|c: char| c.is_ascii_digit() || c == '附') {
        let numbers = parse_numbers(body).ok()?;
        return Some((Vec::new(), numbers));
    }
    let mut sub = AreaParse::default();
    let chars: Vec<char> = body.chars().collect();
    list(&chars, &chars, 0, chars.len(), None, &mut sub);
    // A place left out is named by words: one named by digits would print as numbers left out.
    let named_by_digits = |r: &Rule| {
        r.name
            .starts_with(|c: char| c.is_ascii_digit() || c == '附' || !c.is_alphanumeric())
    };
    if !sub.errors.is_empty() || sub.rules.is_empty() || sub.rules.iter().any(named_by_digits) {
        return None;
    }
    let ex = sub
        .rules
        .into_iter()
        .map(|r| Exclusion {
            name: r.name,
            numbers: r.numbers,
        })
        .collect();
    Some((ex, Numbers::default()))
}

fn enclosed(raw: &[char], f: &[char], a: usize, at: usize, b: usize, out: &mut AreaParse) {
    let mut names = Vec::new();
    let mut except = Vec::new();
    for (x, y) in split_depth0(f, a, at, |c| c == '-') {
        let part: String = f[x..y].iter().collect();
        let (name, groups) = name_and_brackets(&part);
        for g in groups {
            if let Some((ex, _)) = exclusion_of(&clean(&g)) {
                except.extend(ex);
            }
        }
        let name = clean(&name);
        if name.is_empty() {
            continue;
        }
        names.push(name);
    }
    let mut rule = Rule::new("", Numbers::default());
    rule.kind = PlaceKind::Boundary;
    rule.name = names.join("-");
    rule.roads = boundary_roads(&rule.name);
    rule.except = except;
    // Anything after “…所围成的区域” (“,雁城路1-70号”) is read as a list.
    let tail_start = find_depth0(f, at, b, "区域").map_or(b, |i| i + 2);
    rule.source = text(raw, a, tail_start);
    out.rule(rule, (a, tail_start));
    let (x, y) = trim(f, tail_start, b);
    if x < y {
        list(raw, f, x, y, None, out);
    }
}

fn directional(raw: &[char], f: &[char], a: usize, b: usize, out: &mut AreaParse) {
    // “…以南至长堤的片区包括工业路、清河中路”: the area, then the places it names.
    if let Some(at) = INCLUDE_WORDS[..2]
        .iter()
        .filter_map(|w| find_depth0(f, a, b, w))
        .min()
    {
        let word = if f[at..b].starts_with(&['包', '括']) || f[at..b].starts_with(&['包', '含'])
        {
            2
        } else {
            1
        };
        directional(raw, f, a, at, out);
        let (x, y) = trim(f, at + word, b);
        if x < y {
            list(raw, f, x, y, None, out);
        }
        return;
    }
    let whole: String = f[a..b].iter().collect();
    let (name, groups) = name_and_brackets(&whole);
    let name = clean(&name);
    let mut except = Vec::new();
    let mut communities = Vec::new();
    for g in &groups {
        let g = clean(g);
        if let Some((ex, _)) = exclusion_of(&g) {
            except.extend(ex);
        } else if let Some(rest) = INCLUDE_WORDS.iter().find_map(|w| g.strip_prefix(w)) {
            communities.extend(name_list(rest));
        }
    }
    // “…以西的东方花园、天宝公寓”: the communities named after the last direction.
    let last_dir = DIRECTIONS
        .iter()
        .filter_map(|w| name.rfind(w).map(|i| i + w.len()))
        .max()
        .unwrap_or(0);
    let (description, listed) = match name[last_dir..].strip_prefix("的") {
        Some(rest) => (name[..last_dir].to_string(), name_list(rest)),
        None => (name.clone(), Vec::new()),
    };
    let source = text(raw, a, b);
    if listed.is_empty() {
        let mut rule = Rule::new("", Numbers::default());
        rule.kind = PlaceKind::Boundary;
        rule.roads = boundary_roads(&description);
        rule.name = description;
        rule.except = except;
        rule.source = source.clone();
        out.rule(rule, (a, b));
    }
    for (name, note) in listed.into_iter().chain(communities) {
        let mut rule = Rule::new(&name, Numbers::default());
        rule.note = note;
        rule.source = source.clone();
        out.rule(rule, (a, b));
    }
}

/// “秦淮绿洲一、二期、爱琴湾、静雅居” → (秦淮绿洲, 一、二期), (爱琴湾, ), (静雅居, ).
fn name_list(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for piece in text.split(['、', ',']) {
        let piece = clean(piece);
        if piece.is_empty() {
            continue;
        }
        let phase = piece.trim_end_matches('期');
        if phase != piece && !phase.is_empty() && phase.chars().all(is_chinese_numeral) {
            if let Some(last) = out.last_mut() {
                let base = last.0.trim_end_matches(is_chinese_numeral).to_string();
                let first = last.0[base.len()..].to_string();
                if !base.is_empty() && !first.is_empty() {
                    last.1 = format!("{first}、{piece}");
                    last.0 = base;
                    continue;
                }
            }
        }
        out.push((piece, String::new()));
    }
    out
}

/// True when a list item continues the previous place (“2-50号（双号）” after “长青路：1-99号”).
fn starts_numbers(f: &[char], a: usize, b: usize) -> bool {
    let c = f[a];
    if c.is_ascii_digit() {
        // “88号路：1-20号” names a road of its own.
        if numbered_road_len(f[a..b].iter().copied()).is_some() {
            return false;
        }
        return !digits_begin_name(f, a, b);
    }
    if c == '附' || (c == '之' && f.get(a + 1).is_some_and(|c| is_chinese_numeral(*c))) {
        return true;
    }
    let s: String = f[a..b].iter().collect();
    if ["单号", "双号", "(单", "(双", "单:", "双:"]
        .iter()
        .any(|w| s.starts_with(w))
    {
        return true;
    }
    // Chinese numerals directly before a unit: “三组”.
    let n = f[a..b]
        .iter()
        .take_while(|c| is_chinese_numeral(**c))
        .count();
    n > 0
        && matches!(
            f.get(a + n),
            Some('号' | '弄' | '栋' | '幢' | '组' | '社' | '队')
        )
}

/// True when the digits at `i` begin a name (“857信箱宿舍”), not numbers: a character that is no unit,
/// range or list word follows them.
fn digits_begin_name(f: &[char], i: usize, b: usize) -> bool {
    let after = f[i..b].iter().find(|c| !c.is_ascii_digit());
    after.is_some_and(|c| {
        !c.is_ascii()
            && !is_chinese_numeral(*c)
            && !"号弄栋幢座组社队楼至到以及和与、附单双之后前起止全".contains(*c)
    })
}

/// Where the numbers of an item begin, after its name: the first digit (or 附N, a numeral before a unit,
/// or 全部) at depth 0.
fn numbers_start(f: &[char], a: usize, b: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut skip_to = a;
    // Where the name begins (after a town marked off with `|`).
    let start = a;
    let mut a = a;
    for i in start..b {
        if i < skip_to {
            continue;
        }
        match f[i] {
            TOWN_MARK if depth == 0 => a = i + 1,
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            // Digits of a road's name (“测试0路”, “88号路”) are not its numbers.
            c if c.is_ascii_digit() => match numbered_road_len(f[i..b].iter().copied()) {
                Some((chars, _)) => skip_to = i + chars,
                // “万科城3期”, “东方2号院”: a phase or a compound of a community is its name.
                None => match phase_or_compound(f, a, i, b) {
                    Some(end) => skip_to = end,
                    None if i == a && digits_begin_name(f, i, b) => {
                        skip_to = i + f[i..b].iter().take_while(|c| c.is_ascii_digit()).count();
                    }
                    None => return Some(i),
                },
            },
            '附' if f.get(i + 1).is_some_and(|c| c.is_ascii_digit()) => return Some(i),
            _ if ALL_CHARS.iter().any(|w| f[i..b].starts_with(w)) => return Some(i),
            // “锦东路单号”, “静明路双号(不含488号)”: a parity after the name.
            '单' | '双'
                if i > a + 1
                    && matches!(f.get(i + 1), Some('号' | '数'))
                    && !f
                        .get(i + 2)
                        .is_some_and(|c| is_chinese_numeral(*c) || *c == '路') =>
            {
                return Some(i)
            }
            c if is_chinese_numeral(c) && i > a => {
                let n = f[i..b]
                    .iter()
                    .take_while(|c| is_chinese_numeral(**c))
                    .count();
                if matches!(f.get(i + n), Some('组' | '社' | '队' | '栋' | '幢')) {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where the name goes on after the digits at `i` when they number a phase (“万科城3期”) or, after a
/// name that is not a road's, a compound (“东方2号院”): the end of the unit.
fn phase_or_compound(f: &[char], a: usize, i: usize, b: usize) -> Option<usize> {
    let digits = f[i..b].iter().take_while(|c| c.is_ascii_digit()).count();
    let after = i + digits;
    if i == a || digits > 3 {
        return None;
    }
    if f.get(after) == Some(&'期') && after < b {
        return Some(after + 1);
    }
    let before: String = f[a..i].iter().collect();
    (f[after..b].starts_with(&['号', '院']) && !is_road_name(&before)).then_some(after + 2)
}

/// True when `及` / `和` at `i` joins two places (“蔡三村及甘棠村”), not a place and its surroundings
/// (“戊村及附近”), numbers (“2号及附号”) or a direction (“及以西”).
fn joins_places(f: &[char], a: usize, i: usize, b: usize) -> bool {
    // Inside an item only: “和平社区” after “、” is a name.
    let item_start = f[a..i]
        .iter()
        .rposition(|c| matches!(c, '、' | ','))
        .map_or(a, |p| a + p + 1);
    if i < item_start + 2 {
        return false;
    }
    let before: String = f[item_start..i].iter().collect();
    let after: String = f[i + 1..b].iter().collect();
    let place_before = [
        "村", "社区", "小区", "花园", "苑", "园", "路", "街", "巷", "大厦", "组", "队",
    ]
    .iter()
    .any(|e| before.trim_end().ends_with(e));
    let starts_place = after
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && !is_chinese_numeral(c) && !"附以周其邻相".contains(c));
    // “…8座（巷）和大北路10号”: what follows is a named place with numbers of its own.
    let named_after = {
        let name: String = after
            .chars()
            .take_while(|c| !c.is_ascii_digit() && !matches!(c, '、' | ',' | '(' | ' '))
            .collect();
        name.chars().count() >= 3 && has_place_ending(&name)
    };
    (place_before || named_after) && starts_place && after.chars().count() >= 2
}

/// Splits a list into items: at `、` and `,`, and at a space that separates two places
/// (“武夷路(单):411-727号 武夷路(双):416-800号”).
fn items(f: &[char], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut seps = Vec::new();
    {
        let mut depth = 0usize;
        for i in a..b {
            match f[i] {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                '、' | ',' if depth == 0 => seps.push(i),
                '及' | '和' if depth == 0 && joins_places(f, a, i, b) => seps.push(i),
                _ => {}
            }
        }
    }
    let mut pieces = Vec::new();
    let mut start = a;
    for sep in seps {
        pieces.push((start, sep));
        start = sep + 1;
    }
    pieces.push((start, b));
    for (x, y) in pieces {
        let mut start = x;
        let mut depth = 0usize;
        for i in x..y {
            match f[i] {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ' ' if depth == 0 => {
                    let prev = f[start..i].iter().rev().find(|c| **c != ' ');
                    let next = f[i..y].iter().find(|c| **c != ' ');
                    let ends_item = prev.is_some_and(|c| {
                        c.is_ascii_digit()
                            || matches!(c, '号' | '弄' | '栋' | '幢' | '组' | ')' | '部' | '段')
                    });
                    let starts_name = next.is_some_and(|c| {
                        !c.is_ascii()
                            && !is_chinese_numeral(*c)
                            && !matches!(
                                c,
                                '号' | '弄'
                                    | '栋'
                                    | '幢'
                                    | '组'
                                    | '附'
                                    | '以'
                                    | '及'
                                    | '单'
                                    | '双'
                                    | '全'
                                    | '('
                            )
                    });
                    if ends_item && starts_name {
                        out.push((start, i));
                        start = i + 1;
                    }
                }
                _ => {}
            }
        }
        out.push((start, y));
    }
    out
}

struct Pending {
    rule: Rule,
    /// Other places the same numbers are given for (“柳南一路至七路”, “战备渠（北路南路）”).
    also: Vec<String>,
    /// Addresses given in brackets after a name (“纺大教工宿舍（延安西路1882号；杨宅路181弄）”).
    extra: Vec<Rule>,
    spec: String,
    /// The parity written before the numbers (“单号:”), and each piece of the numbers with where it
    /// is: when the whole does not read, each piece is read alone.
    prefix: String,
    parts: Vec<(String, (usize, usize))>,
    except: Vec<NumberSpec>,
    start: usize,
    end: usize,
}

/// Reads a list of places; returns the name of the last one.
fn list(
    raw: &[char],
    f: &[char],
    a: usize,
    b: usize,
    carry: Option<String>,
    out: &mut AreaParse,
) -> Option<String> {
    let mut done: Vec<Pending> = Vec::new();
    let mut carry = carry;
    for (x, y) in items(f, a, b) {
        let (x, y) = trim(f, x, y);
        if x >= y {
            continue;
        }
        if starts_numbers(f, x, y) {
            if done.is_empty() {
                if let Some(name) = carry.take() {
                    done.push(Pending {
                        rule: Rule::new(&name, Numbers::default()),
                        also: Vec::new(),
                        extra: Vec::new(),
                        spec: String::new(),
                        prefix: String::new(),
                        parts: Vec::new(),
                        except: Vec::new(),
                        start: x,
                        end: y,
                    });
                }
            }
            match done.last_mut() {
                Some(p) => {
                    if !p.spec.is_empty() {
                        p.spec.push('、');
                    }
                    p.spec.extend(&f[x..y]);
                    p.parts.push((f[x..y].iter().collect(), (x, y)));
                    p.end = y;
                }
                None => out.error(text(raw, x, y), AreaErrorKind::NoPlace, (x, y)),
            }
            continue;
        }
        carry = None;
        done.push(place(f, x, y));
    }
    shared_endings(&mut done);
    let last = done.last().map(|p| p.rule.name.clone());
    for p in done {
        finish(raw, p, out);
    }
    last
}

/// “西元岗一、二、三巷”, “蔡一、蔡二、蔡三村”, “培正一、二横路”: numbered names written once in full,
/// the others by their numeral only (and the common ending only at the end), each named in full.
fn shared_endings(items: &mut [Pending]) {
    let numeral_end = |s: &str| s.chars().last().is_some_and(is_chinese_numeral);
    let mut i = 0;
    while i < items.len() {
        // A run of names ending in a numeral, closed by one with the ending.
        let mut j = i;
        while j < items.len() && numeral_end(&items[j].rule.name) && items[j].spec.is_empty() {
            j += 1;
        }
        if j == i || j >= items.len() {
            i = j.max(i + 1);
            continue;
        }
        let last = items[j].rule.name.clone();
        let digits = last.chars().take_while(|c| is_chinese_numeral(*c)).count();
        let ending: String = last.chars().skip(digits).collect();
        // The last is “三巷” (shape A) or “蔡三村” (shape B).
        let prefix: String = items[i]
            .rule
            .name
            .trim_end_matches(is_chinese_numeral)
            .to_string();
        let (prefix, ending) = if digits > 0 && !ending.is_empty() {
            (prefix, ending)
        } else {
            let stem = last.trim_end_matches(|c: char| !is_chinese_numeral(c));
            let end = last[stem.len()..].to_string();
            let stem_prefix = stem.trim_end_matches(is_chinese_numeral);
            if !prefix.ends_with(stem_prefix) || stem_prefix.is_empty() || end.is_empty() {
                i = j + 1;
                continue;
            }
            (prefix, end)
        };
        if prefix.is_empty()
            || ending.chars().count() > 3
            || PlaceKind::guess(&format!("x{ending}")) == PlaceKind::Community
                && !is_road_name(&format!("x{ending}"))
                && ending != "村"
        {
            i = j + 1;
            continue;
        }
        for p in items[i..=j].iter_mut() {
            let body = p
                .rule
                .name
                .strip_suffix(ending.as_str())
                .unwrap_or(&p.rule.name)
                .to_string();
            let own = body.trim_end_matches(is_chinese_numeral).to_string();
            let numeral = body[own.len()..].to_string();
            if numeral.is_empty() {
                continue;
            }
            // “二” of “西元岗一、二、三巷” takes the first's start; “蔡二” keeps its own.
            let own = if own.is_empty() { prefix.clone() } else { own };
            let full = format!("{}{own}{numeral}{ending}", p.rule.town);
            let chars: Vec<char> = full.chars().collect();
            match town_prefix(&chars, 0, chars.len()) {
                Some((town, next)) => {
                    p.rule.town = town;
                    p.rule.name = chars[next..].iter().collect();
                }
                None => {
                    p.rule.town = String::new();
                    p.rule.name = full;
                }
            }
            p.rule.kind = PlaceKind::guess(&p.rule.name);
        }
        let town = items[i].rule.town.clone();
        for p in items[i + 1..=j]
            .iter_mut()
            .filter(|p| p.rule.town.is_empty())
        {
            p.rule.town = town.clone();
        }
        i = j + 1;
    }
}

/// One place of a list: name, bracketed qualifiers, optional parity, then numbers.
fn place(f: &[char], a: usize, b: usize) -> Pending {
    place_with(f, a, b, false)
}

/// A place; with `name_only` the digits in it are part of its name (a rule table row whose 门牌号
/// cell is filled: “东方2号院” beside “全部”).
fn place_with(f: &[char], a: usize, b: usize, name_only: bool) -> Pending {
    let (name_end, spec_start) = match find_depth0(f, a, b, ":") {
        Some(i) => (i, i + 1),
        None if name_only => (b, b),
        None => match numbers_start(f, a, b) {
            Some(i) => (i, i),
            None => (b, b),
        },
    };
    let head: String = f[a..name_end].iter().collect();
    let (name, groups) = name_and_brackets(&head);
    // “双林路双号(266-388号)：…”: the parity written after the name.
    let (name, name_parity) = match ["单号", "双号"]
        .iter()
        .find_map(|w| name.strip_suffix(w).map(|n| (n, *w)))
    {
        Some((n, w))
            if n.rsplit(TOWN_MARK).next().unwrap_or(n).chars().count() >= 2 && is_road_name(n) =>
        {
            (n.to_string(), Some(w))
        }
        _ => (name, None),
    };
    // “二环路东四段西侧134-428号双号”: the side before its numbers says nothing the numbers do not.
    let numbered = spec_start < b
        || groups
            .iter()
            .any(|g| numbers_in_brackets(clean(g).split(",含").next().unwrap_or_default()));
    let mut side = None;
    let name = match SIDE_WORDS
        .iter()
        .find_map(|w| name.strip_suffix(w).map(|n| (n, w)))
    {
        Some((n, w)) if numbered && n.chars().count() >= 2 => {
            side = Some((*w).to_string());
            n.to_string()
        }
        _ => name,
    };
    // “戊村及附近”: the place, and around it only possibly.
    let (name, near) = match NEAR_WORDS.iter().find_map(|w| name.strip_suffix(w)) {
        Some(n) if n.chars().count() >= 2 => (n.to_string(), true),
        _ => (name, false),
    };
    // “南岳社区成温邛高速北一侧”: the place, then which part of it.
    let (name, part_in_name) = split_part(&name);
    // “华油路全部：1号…”: the whole road; the numbers after it are examples.
    let mut whole_road = false;
    let mut name = name;
    while let Some(n) = ["全部", "全段"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .filter(|n| n.chars().count() >= 2)
    {
        name = n.to_string();
        whole_road = true;
    }
    // “东大街下东大街段”, “城关镇东街村”: a town or road before the place (not a series of roads);
    // the canonical text marks it (“城关镇|东街村”).
    let name_chars: Vec<char> = name.chars().collect();
    // A rule table's name is one place (“东风一至三路” beside its numbers is not split in three).
    let series = !name_only && expand_series(&name).is_some();
    let (town, name) = match name.split_once(TOWN_MARK) {
        Some((town, rest)) => (clean(town), rest.to_string()),
        None => match town_prefix(&name_chars, 0, name_chars.len()).filter(|_| !series) {
            Some((town, next)) => (town, name_chars[next..].iter().collect::<String>()),
            None => (String::new(), name),
        },
    };
    let mut rule = Rule::new(&name, Numbers::default());
    rule.town = town;
    if near {
        rule.part = "附近".to_string();
    }
    if !part_in_name.is_empty() {
        rule.part = part_in_name;
    }
    let mut also = Vec::new();
    if let Some(names) = expand_series(&name).filter(|_| series) {
        rule.name = names[0].clone();
        rule.kind = PlaceKind::guess(&rule.name);
        also.extend(names[1..].iter().cloned());
    }
    let mut parity = match name_parity {
        Some("单号") => "单号:",
        Some(_) => "双号:",
        None => "",
    };
    let mut except = Vec::new();
    let mut notes = Vec::new();
    let mut bracket_numbers: Vec<String> = Vec::new();
    let mut extra = Vec::new();
    let mut side_heading: Option<String> = None;
    for g in groups {
        let g = clean(&g);
        match g.as_str() {
            "单" | "单号" | "单数" | "门牌号为单号" | "单号门牌" => parity = "单号:",
            "双" | "双号" | "双数" | "门牌号为双号" | "双号门牌" => parity = "双号:",
            // “站北路（以南单号）”: the side, then its parity.
            _ if SIDE_WORDS.iter().any(|w| {
                g.strip_prefix(w)
                    .is_some_and(|p| ["单号", "双号", "单", "双"].contains(&p))
            }) =>
            {
                parity = if g.ends_with("单号") || g.ends_with('单') {
                    "单号:"
                } else {
                    "双号:"
                };
                side_heading = Some(g.clone());
                notes.push(g.clone());
            }
            _ if g.starts_with(PART_MARK) => rule.part = g[PART_MARK.len()..].to_string(),
            _ if g.starts_with(NOTE_MARK) => notes.push(g[NOTE_MARK.len()..].to_string()),
            "单、双号" | "单双号" | "单、双" | "单双" => {}
            _ if ["单数", "双数"].iter().any(|p| g.starts_with(p))
                && ["幢号", "栋号", "号楼", "幢", "栋"]
                    .iter()
                    .any(|u| g.ends_with(u)) =>
            {
                bracket_numbers.push(g)
            }
            _ if numbers_in_brackets(&g) => bracket_numbers.push(g),
            // “99-293号，含293号五冶宿舍区”: the numbers, then what they include.
            _ if g
                .split_once(",含")
                .is_some_and(|(n, _)| numbers_in_brackets(n)) =>
            {
                if let Some((n, incl)) = g.split_once(",含") {
                    bracket_numbers.push(n.to_string());
                    notes.push(format!("含{incl}"));
                }
            }
            _ if bracket_addresses(&g).is_some()
                && !EXCEPT_WORDS
                    .iter()
                    .chain(&INCLUDE_WORDS)
                    .chain(&ALIAS_WORDS)
                    .any(|w| g.starts_with(w))
                && !g.ends_with("除外") =>
            {
                extra.extend(bracket_addresses(&g).unwrap_or_default());
                notes.push(g);
            }
            _ if sub_roads(&g).is_some() && also.is_empty() => {
                let subs = sub_roads(&g).unwrap_or_default();
                let base = rule.name.clone();
                rule.name = format!("{base}{}", subs[0]);
                rule.kind = PlaceKind::guess(&rule.name);
                also.extend(subs[1..].iter().map(|s| format!("{base}{s}")));
            }
            _ => {
                if let Some((ex, nums)) = exclusion_of(&g) {
                    rule.except.extend(ex);
                    except.extend(nums.items);
                } else if let Some(nums) = conditional_exclusion(&g) {
                    // “不含8组未拆迁”: 8组 is left out only on that condition, so it is a possible
                    // match of this rule.
                    let mut maybe = rule.clone();
                    maybe.numbers = Numbers {
                        items: nums.items.clone(),
                        except: Vec::new(),
                    };
                    maybe.part = g.clone();
                    extra.push(maybe);
                    except.extend(nums.items);
                } else if let Some(alias) = ALIAS_WORDS.iter().find_map(|w| g.strip_prefix(w)) {
                    if !alias.is_empty() {
                        rule.aliases.push(alias.to_string());
                    }
                } else if PART_WORDS.iter().any(|w| g.contains(w)) {
                    rule.part = g;
                } else if has_place_ending(&g)
                    && !g.chars().any(|c| c.is_ascii_digit())
                    && !g.contains(['、', ',', ':'])
                    && g.chars().count() <= 10
                    && !CONDITION_WORDS.iter().any(|w| g.contains(w))
                {
                    // “一里村（一里塘村）”, “迎晖路（新东路）”: another name of the place.
                    rule.aliases.push(g);
                } else if !g.is_empty() {
                    notes.push(g);
                }
            }
        }
    }
    notes.extend(side);
    rule.note = notes.join(",");
    let mut numbers: String = f[spec_start.min(b)..b].iter().collect();
    // “站北路（以北双号）：34号、38号”: the listed numbers, and that side only possibly.
    if let Some(h) = side_heading.filter(|_| !numbers.trim().is_empty()) {
        let mut possible = rule.clone();
        possible.numbers = parse_numbers(parity.trim_end_matches(':')).unwrap_or_default();
        possible.part = h;
        extra.push(possible);
    }
    if whole_road {
        if !numbers.trim().is_empty() {
            notes.push(numbers.trim().to_string());
        }
        numbers = "全部".to_string();
        bracket_numbers.clear();
    }
    // “双林中横路（双号4号-44号）：4号、6号…”: the bracket heads the list that follows; the list says
    // which numbers, the heading only possibly more.
    if !bracket_numbers.is_empty() && !numbers.trim().is_empty() {
        let heading = bracket_numbers.join("、");
        if let Ok(n) = parse_numbers(&heading) {
            let mut possible = rule.clone();
            possible.numbers = n;
            possible.part = heading.clone();
            extra.push(possible);
            notes.push(heading);
        }
        bracket_numbers.clear();
    }
    let mut parts = Vec::new();
    if !numbers.trim().is_empty() {
        parts.push((numbers.clone(), (a, b)));
    }
    for g in bracket_numbers {
        if !numbers.trim().is_empty() {
            numbers.push('、');
        }
        numbers.push_str(&g);
        parts.push((g, (a, b)));
    }
    // “东升村已拆迁安置的3、5、7组”, “祝国寺村8组未拆迁”: a condition on some of the place.
    for w in ITEM_CONDITIONS {
        if let Some(at) = numbers.find(w) {
            let (before, after) = numbers.split_at(at);
            let after = after[w.len()..].trim_start_matches('的').to_string();
            rule.part = w.to_string();
            numbers = format!("{before}{after}");
            for (text, _) in parts.iter_mut() {
                *text = text.replacen(w, "", 1).replacen("的", "", 1);
            }
            break;
        }
    }
    if numbers.trim().is_empty() || numbers.trim() == "全部" {
        parts.clear();
    }
    Pending {
        rule,
        also,
        extra,
        prefix: parity.to_string(),
        parts,
        spec: format!("{parity}{numbers}"),
        except,
        start: a,
        end: b,
    }
}

fn finish(raw: &[char], p: Pending, out: &mut AreaParse) {
    let Pending {
        mut rule,
        also,
        extra,
        spec,
        prefix,
        parts,
        except,
        start,
        end,
    } = p;
    rule.source = text(raw, start, end);
    if rule.name.is_empty() {
        out.error(rule.source, AreaErrorKind::NoPlace, (start, end));
        return;
    }
    // Numbers given explicitly say which part of a road: a side or a “部分” before them is a note.
    let explicit = |n: &Numbers| !n.is_all();
    match parse_numbers(&spec) {
        Ok(mut numbers) => {
            numbers.except.extend(except);
            if explicit(&numbers) {
                part_to_note(&mut rule);
            }
            rule.numbers = numbers;
            for name in also {
                let mut other = rule.clone();
                other.kind = PlaceKind::guess(&name);
                other.name = name;
                out.rule(other, (start, end));
            }
            for mut other in extra {
                other.source = rule.source.clone();
                out.rule(other, (start, end));
            }
            out.rule(rule, (start, end));
        }
        Err(e) if parts.len() <= 1 && !spec_has_list(&spec) && !starts_name(&spec, &prefix) => {
            out.error(rule.source, AreaErrorKind::Numbers(e), (start, end))
        }
        Err(_) => {
            // Each piece alone: what reads is kept, what does not is reported with its text.
            let pieces = split_pieces(&prefix, &parts, start);
            let mut first = true;
            for (text_piece, span) in pieces {
                let span = if first { (start, span.1) } else { span };
                first = false;
                match parse_numbers(&text_piece) {
                    Ok(mut numbers) => {
                        numbers.except.extend(except.iter().cloned());
                        let mut r = rule.clone();
                        if explicit(&numbers) {
                            part_to_note(&mut r);
                        }
                        r.numbers = numbers;
                        r.source = text(raw, span.0, span.1);
                        out.rule(r, span);
                    }
                    Err(e) => {
                        let piece = text_piece.trim_start_matches(prefix.as_str()).trim();
                        // “菽香里一巷(菽香里小区)” after “菽香里：”: a place of its own.
                        if piece.starts_with(|c: char| {
                            !c.is_ascii() && !is_chinese_numeral(c) && !"附单双全不除".contains(c)
                        }) {
                            let chars: Vec<char> = piece.chars().collect();
                            let mut sub = place(&chars, 0, chars.len());
                            sub.start = span.0;
                            sub.end = span.1;
                            sub.parts.clear();
                            if parse_numbers(&sub.spec).is_ok() && !sub.rule.name.is_empty() {
                                let mut r = sub.rule.clone();
                                if let Ok(n) = parse_numbers(&sub.spec) {
                                    r.numbers = n;
                                }
                                r.source = text(raw, span.0, span.1);
                                out.rule(r, span);
                                continue;
                            }
                        }
                        out.error(text(raw, span.0, span.1), AreaErrorKind::Numbers(e), span);
                    }
                }
            }
        }
    }
}

/// True when a numbers text begins with a name (“菽香里一巷” after “菽香里：”).
fn starts_name(spec: &str, prefix: &str) -> bool {
    spec.trim_start_matches(prefix)
        .trim()
        .starts_with(|c: char| {
            !c.is_ascii() && !is_chinese_numeral(c) && !"附单双全不除".contains(c)
        })
}

/// A side or part written before explicit numbers becomes the rule's note.
fn part_to_note(rule: &mut Rule) {
    let says_part = PART_WORDS.iter().any(|w| rule.part.contains(w));
    if !says_part || rule.part == "附近" || ITEM_CONDITIONS.contains(&rule.part.as_str()) {
        return;
    }
    let part = std::mem::take(&mut rule.part);
    rule.note = if rule.note.is_empty() {
        part
    } else {
        format!("{part},{}", rule.note)
    };
}

/// True when a numbers text holds several items at depth 0.
fn spec_has_list(spec: &str) -> bool {
    let mut depth = 0usize;
    spec.chars().any(|c| match c {
        '(' => {
            depth += 1;
            false
        }
        ')' => {
            depth = depth.saturating_sub(1);
            false
        }
        '、' | ',' => depth == 0,
        _ => false,
    })
}

/// The pieces of a place's numbers (items between `、` at depth 0), each with the parity written
/// before them and where it is in the text.
fn split_pieces(
    prefix: &str,
    parts: &[(String, (usize, usize))],
    start: usize,
) -> Vec<(String, (usize, usize))> {
    let mut out = Vec::new();
    for (text, (a, b)) in parts {
        let chars: Vec<char> = text.chars().collect();
        // Where the part's text begins in the source (a place's own numbers end at `b`).
        let origin = b.saturating_sub(chars.len()).max(*a).max(start);
        let mut depth = 0usize;
        let mut piece_start = 0;
        for (i, c) in chars
            .iter()
            .enumerate()
            .chain(std::iter::once((chars.len(), &'、')))
        {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                '、' | ',' if depth == 0 => {
                    let piece: String = chars[piece_start..i].iter().collect();
                    if !piece.trim().is_empty() {
                        out.push((
                            format!("{prefix}{piece}"),
                            (origin + piece_start, origin + i),
                        ));
                    }
                    piece_start = i + 1;
                }
                _ => {}
            }
        }
    }
    out
}

/// The rule of one row of a rule table: the place cell (“东风大街（原东风路）”, possibly with numbers)
/// and the 门牌号 cell. When the 门牌号 cell is filled the place cell is a name only (“东方2号院”,
/// “万科城3期”); when it is empty or 全部 a boundary (“A路—B路—C路所围成的区域”) reads as the 服务区域
/// text reads it. Errors carry the offending text.
pub fn parse_place_numbers(place_cell: &str, numbers_cell: &str) -> Result<Rule, AreaError> {
    let numbers = numbers_cell.trim();
    if let Some(rule) = boundary(place_cell, numbers) {
        return Ok(rule);
    }
    // A cell's spaces next to Chinese characters say nothing (“单 号”): normalised as the 服务区域
    // text is, so that a name reads back as it was read.
    let raw: Vec<char> = clean(place_cell).chars().collect();
    let folded: Vec<char> = raw.iter().map(|c| fold_char(*c)).collect();
    let mut p = place_with(&folded, 0, folded.len(), !numbers.is_empty());
    if !numbers.is_empty() {
        let has_numbers = !p.spec.is_empty() && !p.spec.ends_with(':');
        if has_numbers {
            p.spec.push('、');
        }
        p.spec.push_str(numbers);
    }
    let mut out = AreaParse::default();
    finish(&raw, p, &mut out);
    match (out.rules.pop(), out.errors.pop()) {
        // A name that would read back as a boundary (“所围成的区域(”): neither one nor the other.
        (Some(rule), None) if boundary(&print_place(&rule), "").is_some() => Err(AreaError {
            text: place_cell.to_string(),
            kind: AreaErrorKind::Unclear,
            span: (0, place_cell.chars().count()),
        }),
        (Some(mut rule), None) => {
            rule.source = if numbers.is_empty() {
                place_cell.trim().to_string()
            } else {
                format!("{} {}", place_cell.trim(), numbers)
            };
            Ok(rule)
        }
        (_, Some(mut e)) => {
            if let AreaErrorKind::Numbers(_) = e.kind {
                if !numbers.is_empty() {
                    e.text = numbers.to_string();
                }
            }
            Err(e)
        }
        (None, None) => Err(AreaError {
            text: place_cell.to_string(),
            kind: AreaErrorKind::NoPlace,
            span: (0, place_cell.chars().count()),
        }),
    }
}

/// A boundary description in a place cell whose 门牌号 cell is empty or 全部, read as the 服务区域
/// text reads it.
fn boundary(place_cell: &str, numbers: &str) -> Option<Rule> {
    if !(numbers.is_empty() || numbers == "全部") {
        return None;
    }
    let place = place_cell.trim();
    let mut parsed = parse_area(place);
    match (parsed.rules.len(), parsed.errors.is_empty()) {
        (1, true) if parsed.rules[0].kind == PlaceKind::Boundary => {
            let mut rule = parsed.rules.remove(0);
            rule.source = if numbers.is_empty() {
                place.to_string()
            } else {
                format!("{place} {numbers}")
            };
            Some(rule)
        }
        _ => None,
    }
}
