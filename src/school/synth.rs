//! Generated workspaces and submission files, for the merge benchmark (`benches/school.rs`) and the
//! property tests (`tests/school_merge.rs`): a unit with `n` schools and a report whose default items
//! are assigned to schools, and submissions from those schools with texts, counts, dates and channels
//! drawn from a seed.

use super::pack::{assigned_items, PackItem};
use super::submission::{write_submission, Submission, SubmissionSchool};
use crate::catalog::CHANNELS;
use crate::district::synth::Rng;
use crate::model::{School, Stage, SubmissionItem, Workspace};

/// The unit of generated workspaces.
pub const UNIT: &str = "示例区教育局";
/// The year of generated workspaces.
pub const YEAR: u16 = 2024;

/// A workspace with one report (`YEAR`, `UNIT`) and `schools` schools (`school-1` …).
pub fn workspace(schools: usize) -> Workspace {
    let mut ws = Workspace::blank(YEAR);
    if let Some(r) = ws.current_mut() {
        r.unit_name = UNIT.to_string();
    }
    for n in 0..schools {
        let stage = if n % 3 == 2 {
            Stage::Middle
        } else {
            Stage::Primary
        };
        let s = School::new(&ws.schools, &format!("示例区第{}学校", n + 1), stage);
        ws.schools.push(s);
    }
    ws
}

const PHRASES: [&str; 6] = [
    "通过公示栏和公众号公开。",
    "在学校网站发布通知。",
    "召开家长会说明。",
    "评定人选在校内公示五个工作日。",
    "每学期举办开放日。",
    "",
];

/// An answer to `item` drawn from `rng`.
pub fn answer(item: &PackItem, rng: &mut Rng) -> SubmissionItem {
    let text = (0..rng.below(3))
        .map(|_| PHRASES[rng.below(PHRASES.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join("\n");
    let mut answer = item.blank_answer();
    answer.text = text;
    // Drawn in this order (counts, dates, channels), so a seed gives the same submissions.
    for count in &mut answer.counts {
        count.value = rng.chance(80).then(|| rng.below(6));
    }
    answer.dates = (0..rng.below(3))
        .map(|_| format!("{YEAR}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)))
        .collect();
    answer.channels_used = CHANNELS
        .iter()
        .filter(|_| rng.chance(15))
        .map(|c| c.to_string())
        .collect();
    answer
}

/// A submission of school `n` (0-based) of `ws` made on day `day` of the year (its time), answering
/// every assigned item.
pub fn submission(ws: &Workspace, n: usize, day: u64, rng: &mut Rng) -> Submission {
    let school = &ws.schools[n % ws.schools.len()];
    let items = ws
        .current()
        .map(assigned_items)
        .unwrap_or_default()
        .iter()
        .map(|i| answer(i, rng))
        .collect();
    let created_at = format!(
        "{}-{:02}-{:02}T{:02}:{:02}:00.000Z",
        YEAR + 1,
        1 + day / 28 % 12,
        1 + day % 28,
        rng.below(24),
        rng.below(60)
    );
    Submission::new(
        SubmissionSchool {
            id: school.id.clone(),
            name: school.name.clone(),
        },
        UNIT,
        YEAR,
        &created_at,
        items,
    )
}

/// `(file name, file text)` of `count` submissions of the schools of `ws` in turn, from `seed`.
pub fn files(ws: &Workspace, count: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|n| {
            let s = submission(ws, n, rng.below(300), &mut rng);
            (format!("{n}.gongkai-submission.json"), write_submission(&s))
        })
        .collect()
}
