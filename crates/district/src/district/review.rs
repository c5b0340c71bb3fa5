//! The review of imported 服务区域 texts: how each school's text was read (rules, possible areas,
//! unread fragments), and a fragment corrected in place by the bureau, whose rules are read anew.

use super::area::parse_fragments;
use super::model::{AreaText, DistrictData, FragmentState, Rule};

/// How much of one school's text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AreaCounts {
    pub rules: usize,
    pub read: usize,
    pub possible: usize,
    pub unread: usize,
}

/// The counts of an area text: its fragments by state and the rules read from them.
pub fn counts(area: &AreaText, rules: &[Rule]) -> AreaCounts {
    let mut c = AreaCounts::default();
    for f in &area.fragments {
        match f.state {
            FragmentState::Read => c.read += 1,
            FragmentState::Possible => c.possible += 1,
            FragmentState::Unread => c.unread += 1,
            FragmentState::Note => {}
        }
    }
    let ids: Vec<u32> = area.fragments.iter().map(|f| f.id).collect();
    c.rules = rules
        .iter()
        .filter(|r| r.fragment != 0 && ids.contains(&r.fragment))
        .count();
    c
}

/// Why a correction was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixError {
    /// No fragment has that id (the data changed meanwhile).
    NoFragment,
    /// The wording is empty.
    Empty,
}

/// Reads `wording` in place of a fragment: the fragment's rules are replaced by what the wording
/// reads as (with the schools, 学段 and town of its text), where its first rule was; the fragment
/// keeps the correction and its new state. An empty correction is refused: the fragment stays as it
/// is. Returns the new state.
pub fn fix_fragment(
    data: &mut DistrictData,
    fragment: u32,
    wording: &str,
) -> Result<FragmentState, FixError> {
    let wording = wording.trim();
    if wording.is_empty() {
        return Err(FixError::Empty);
    }
    let Some((a, f)) = data.areas.iter().enumerate().find_map(|(a, area)| {
        area.fragments
            .iter()
            .position(|f| f.id == fragment)
            .map(|f| (a, f))
    }) else {
        return Err(FixError::NoFragment);
    };
    let area = &data.areas[a];
    let mut rules = Vec::new();
    let mut unread = false;
    for piece in parse_fragments(wording) {
        match piece.state {
            FragmentState::Unread => unread = true,
            FragmentState::Note => {}
            FragmentState::Read | FragmentState::Possible => {
                for mut rule in piece.rules {
                    if area.stage.serves_primary() {
                        rule.primary = area.schools.clone();
                    }
                    if area.stage.serves_middle() {
                        rule.middle = area.schools.clone();
                    }
                    if rule.town.is_empty() {
                        rule.town = area.town.clone();
                    }
                    rule.fragment = fragment;
                    rules.push(rule);
                }
            }
        }
    }
    let state = if unread || rules.is_empty() {
        FragmentState::Unread
    } else if rules.iter().all(Rule::is_possible_only) {
        FragmentState::Possible
    } else {
        FragmentState::Read
    };
    // A correction that does not read keeps no rules: the fragment stays unread with its new words.
    if state == FragmentState::Unread {
        rules.clear();
    }
    // Where the rules go: after those of the fragments before it in the text, else before those
    // after it, else at the end.
    let order: Vec<u32> = data.areas[a].fragments.iter().map(|x| x.id).collect();
    let (before, after) = order.split_at(f);
    data.rules.retain(|r| r.fragment != fragment);
    let at = data
        .rules
        .iter()
        .rposition(|r| before.contains(&r.fragment))
        .map(|i| i + 1)
        .or_else(|| data.rules.iter().position(|r| after.contains(&r.fragment)))
        .unwrap_or(data.rules.len());
    data.rules.splice(at..at, rules);
    let f = &mut data.areas[a].fragments[f];
    f.fix = (wording != f.text).then(|| wording.to_string());
    f.state = state;
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::table::{apply_import, import_file, ImportMode};

    fn data(csv: &str) -> DistrictData {
        let mut schools = Vec::new();
        let mut data = DistrictData::default();
        let imported = import_file(csv.as_bytes(), None, None);
        apply_import(&mut schools, &mut data, &imported, ImportMode::Replace);
        data
    }

    #[test]
    fn a_corrected_fragment_becomes_rules_of_its_school() {
        let mut d =
            data("学校,学段,服务区域\n甲小学,小学,长青路：1-99号（单号）；5-x号；绿园小区\n");
        let unread: Vec<u32> = d.areas[0]
            .fragments
            .iter()
            .filter(|f| f.state == FragmentState::Unread)
            .map(|f| f.id)
            .collect();
        assert_eq!(unread.len(), 1);
        let before = d.rules.len();
        let counts_before = counts(&d.areas[0], &d.rules);
        assert_eq!(counts_before.unread, 1);
        assert_eq!(
            fix_fragment(&mut d, unread[0], "青年路5-9号"),
            Ok(FragmentState::Read)
        );
        assert_eq!(d.rules.len(), before + 1);
        let new = d.rules.iter().find(|r| r.name == "青年路").unwrap();
        assert_eq!(new.primary, ["甲小学"]);
        assert_eq!(new.fragment, unread[0]);
        // The rule sits where the fragment is in the text: between 长青路 and 绿园小区.
        let names: Vec<&str> = d.rules.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["长青路", "青年路", "绿园小区"]);
        let f = &d.areas[0]
            .fragments
            .iter()
            .find(|f| f.id == unread[0])
            .unwrap();
        assert_eq!(f.fix.as_deref(), Some("青年路5-9号"));
        assert_eq!(counts(&d.areas[0], &d.rules).unread, 0);
        // Corrected again, to words that do not read: no rule, unread, the words kept.
        assert_eq!(
            fix_fragment(&mut d, unread[0], "青年路5-x号"),
            Ok(FragmentState::Unread)
        );
        assert_eq!(d.rules.len(), before);
        // Nothing for an empty correction or an unknown fragment.
        assert_eq!(fix_fragment(&mut d, unread[0], " "), Err(FixError::Empty));
        assert_eq!(fix_fragment(&mut d, 999, "x路"), Err(FixError::NoFragment));
    }
}
