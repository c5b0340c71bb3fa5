//! The 服务区域 parser: the official free text of a school's service area
//! (`长青路：1-99号（单号）、2-50号（双号）；青年路全部；绿园小区、阳光小区`) into rules, one per place,
//! each keeping the original words it came from. Boundary descriptions (`A路—B路—C路所围成的区域`,
//! `…以东、…以南`) become boundary rules; bracketed qualifiers (“大众路以东区域”) make a rule partial.
//! A part that cannot be read is reported with its text, and the rest is kept.

use super::model::{is_road_name, Exclusion, PlaceKind, Rule};
use super::normalize::{clean, fold_char, is_chinese_numeral, numbered_road_len};
use super::spec::{parse_numbers, print_numbers, NumberSpec, Numbers, SpecError};

/// A part of a 服务区域 text that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaError {
    /// The offending part, as written.
    pub text: String,
    pub kind: AreaErrorKind,
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
}

const DIRECTIONS: [&str; 4] = ["以东", "以南", "以西", "以北"];
const ENCLOSED: [&str; 4] = ["所围成", "所围", "围成", "合围"];
const ALIAS_WORDS: [&str; 5] = ["又名", "亦称", "原名", "原", "即"];
const PART_WORDS: [&str; 8] = [
    "以东", "以南", "以西", "以北", "区域", "部分", "一侧", "沿线",
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

/// Parses a 服务区域 text. Rules come back without schools; the caller adds them. Every rule returned
/// reads back from its canonical form ([`print_area`]); one that would not is reported as unclear.
pub fn parse_area(text: &str) -> AreaParse {
    let parsed = parse_area_unchecked(text);
    let mut out = AreaParse {
        rules: Vec::with_capacity(parsed.rules.len()),
        errors: parsed.errors,
    };
    for rule in parsed.rules {
        let again = parse_area_unchecked(&print_rule(&rule));
        let same = again.errors.is_empty()
            && again.rules.len() == 1
            && Rule {
                source: rule.source.clone(),
                ..again.rules[0].clone()
            } == rule;
        if same {
            out.rules.push(rule);
        } else {
            out.errors.push(AreaError {
                text: rule.source,
                kind: AreaErrorKind::Unclear,
            });
        }
    }
    out
}

fn parse_area_unchecked(text: &str) -> AreaParse {
    let mut out = AreaParse::default();
    let mut last = None;
    for line in text.lines() {
        let raw: Vec<char> = line.chars().collect();
        let folded: Vec<char> = raw.iter().map(|c| fold_char(*c)).collect();
        for (a, b) in split_depth0(&folded, 0, folded.len(), |c| matches!(c, ';' | '。')) {
            let (a, b) = trim(&folded, a, b);
            if a < b {
                chunk(&raw, &folded, a, b, &mut last, &mut out);
            }
        }
    }
    out
}

/// Canonical text of rules read from a 服务区域 text; [`parse_area`] reads it back to the same rules
/// (apart from `source`).
pub fn print_area(rules: &[Rule]) -> String {
    rules.iter().map(print_rule).collect::<Vec<_>>().join(";")
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
    print_place_with(r, false)
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
        out.push_str(&format!("({})", r.part));
    }
    if note && !r.note.is_empty() {
        out.push_str(&format!("({})", r.note));
    }
    for e in &r.except {
        out.push_str(&print_exclusion(e));
    }
    out
}

fn print_exclusion(e: &Exclusion) -> String {
    if e.numbers.is_all() {
        format!("(不含{})", e.name)
    } else {
        format!("(不含{}{})", e.name, print_numbers(&e.numbers))
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
    } else if DIRECTIONS.iter().any(|w| find_depth0(f, a, b, w).is_some()) {
        directional(raw, f, a, b, out);
        *last = None;
    } else {
        *last = list(raw, f, a, b, last.take(), out);
    }
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
    (name.trim().to_string(), groups)
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
    if !sub.errors.is_empty() || sub.rules.is_empty() {
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
    rule.source = text(raw, a, b);
    out.rules.push(rule);
    // Anything after “…所围成的区域” (“,雁城路1-70号”) is read as a list.
    let tail_start = find_depth0(f, at, b, "区域").map_or(b, |i| i + 2);
    let (x, y) = trim(f, tail_start, b);
    if x < y {
        list(raw, f, x, y, None, out);
    }
}

fn directional(raw: &[char], f: &[char], a: usize, b: usize, out: &mut AreaParse) {
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
        out.rules.push(rule);
    }
    for (name, note) in listed.into_iter().chain(communities) {
        let mut rule = Rule::new(&name, Numbers::default());
        rule.note = note;
        rule.source = source.clone();
        out.rules.push(rule);
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
        return numbered_road_len(f[a..b].iter().copied()).is_none();
    }
    if c == '附' {
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
    n > 0 && matches!(f.get(a + n), Some('号' | '弄' | '栋' | '幢' | '组' | '社'))
}

/// Where the numbers of an item begin, after its name: the first digit (or 附N, a numeral before a unit,
/// or 全部) at depth 0.
fn numbers_start(f: &[char], a: usize, b: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut skip_to = a;
    for i in a..b {
        if i < skip_to {
            continue;
        }
        match f[i] {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            // Digits of a road's name (“测试0路”, “88号路”) are not its numbers.
            c if c.is_ascii_digit() => match numbered_road_len(f[i..b].iter().copied()) {
                Some((chars, _)) => skip_to = i + chars,
                None => return Some(i),
            },
            '附' if f.get(i + 1).is_some_and(|c| c.is_ascii_digit()) => return Some(i),
            _ if ALL_CHARS.iter().any(|w| f[i..b].starts_with(w)) => return Some(i),
            c if is_chinese_numeral(c) && i > a => {
                let n = f[i..b]
                    .iter()
                    .take_while(|c| is_chinese_numeral(**c))
                    .count();
                if matches!(f.get(i + n), Some('组' | '社' | '栋' | '幢')) {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits a list into items: at `、` and `,`, and at a space that separates two places
/// (“武夷路(单):411-727号 武夷路(双):416-800号”).
fn items(f: &[char], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (x, y) in split_depth0(f, a, b, |c| matches!(c, '、' | ',')) {
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
    spec: String,
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
    let mut current: Option<Pending> = None;
    let mut carry = carry;
    let mut last = None;
    for (x, y) in items(f, a, b) {
        let (x, y) = trim(f, x, y);
        if x >= y {
            continue;
        }
        if starts_numbers(f, x, y) {
            if current.is_none() {
                if let Some(name) = carry.take() {
                    current = Some(Pending {
                        rule: Rule::new(&name, Numbers::default()),
                        spec: String::new(),
                        except: Vec::new(),
                        start: x,
                        end: y,
                    });
                }
            }
            match current.as_mut() {
                Some(p) => {
                    if !p.spec.is_empty() {
                        p.spec.push('、');
                    }
                    p.spec.extend(&f[x..y]);
                    p.end = y;
                }
                None => out.errors.push(AreaError {
                    text: text(raw, x, y),
                    kind: AreaErrorKind::NoPlace,
                }),
            }
            continue;
        }
        carry = None;
        if let Some(p) = current.take() {
            finish(raw, p, out);
        }
        let p = place(f, x, y);
        last = Some(p.rule.name.clone());
        current = Some(p);
    }
    if let Some(p) = current.take() {
        last = Some(p.rule.name.clone());
        finish(raw, p, out);
    }
    last
}

/// One place of a list: name, bracketed qualifiers, optional parity, then numbers.
fn place(f: &[char], a: usize, b: usize) -> Pending {
    let (name_end, spec_start) = match find_depth0(f, a, b, ":") {
        Some(i) => (i, i + 1),
        None => match numbers_start(f, a, b) {
            Some(i) => (i, i),
            None => (b, b),
        },
    };
    let head: String = f[a..name_end].iter().collect();
    let (name, groups) = name_and_brackets(&head);
    let mut rule = Rule::new(&name, Numbers::default());
    let mut parity = "";
    let mut except = Vec::new();
    let mut notes = Vec::new();
    for g in groups {
        let g = clean(&g);
        match g.as_str() {
            "单" | "单号" => parity = "单号:",
            "双" | "双号" => parity = "双号:",
            _ => {
                if let Some((ex, nums)) = exclusion_of(&g) {
                    rule.except.extend(ex);
                    except.extend(nums.items);
                } else if let Some(alias) = ALIAS_WORDS.iter().find_map(|w| g.strip_prefix(w)) {
                    if !alias.is_empty() {
                        rule.aliases.push(alias.to_string());
                    }
                } else if PART_WORDS.iter().any(|w| g.contains(w)) {
                    rule.part = g;
                } else if !g.is_empty() {
                    notes.push(g);
                }
            }
        }
    }
    rule.note = notes.join(",");
    let numbers: String = f[spec_start.min(b)..b].iter().collect();
    Pending {
        rule,
        spec: format!("{parity}{numbers}"),
        except,
        start: a,
        end: b,
    }
}

fn finish(raw: &[char], p: Pending, out: &mut AreaParse) {
    let Pending {
        mut rule,
        spec,
        except,
        start,
        end,
    } = p;
    rule.source = text(raw, start, end);
    if rule.name.is_empty() {
        out.errors.push(AreaError {
            text: rule.source,
            kind: AreaErrorKind::NoPlace,
        });
        return;
    }
    match parse_numbers(&spec) {
        Ok(mut numbers) => {
            numbers.except.extend(except);
            rule.numbers = numbers;
            out.rules.push(rule);
        }
        Err(e) => out.errors.push(AreaError {
            text: rule.source,
            kind: AreaErrorKind::Numbers(e),
        }),
    }
}

/// The rule of one row of a rule table: the place cell (“东风大街（原东风路）”, possibly with numbers)
/// and the 门牌号 cell. Errors carry the offending text.
pub fn parse_place_numbers(place_cell: &str, numbers_cell: &str) -> Result<Rule, AreaError> {
    let raw: Vec<char> = place_cell.trim().chars().collect();
    let folded: Vec<char> = raw.iter().map(|c| fold_char(*c)).collect();
    let mut p = place(&folded, 0, folded.len());
    let numbers = numbers_cell.trim();
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
        }),
    }
}
