//! A school's filling draft (school mode, `#/school`): the pack it imported, which school of the
//! pack's list it is, and its answers, one per assigned item. Stored in the school's own storage slot
//! (`store::SCHOOL`), never in a bureau's workspace; exported as a submission.

use serde::{Deserialize, Serialize};

use super::pack::{Pack, PackItem, PackSchool};
use super::submission::{submission_file_name, write_submission, Submission, SubmissionSchool};
use crate::model::SubmissionItem;

/// The draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub pack: Pack,
    /// The id of the school (of `pack.schools`) the user picked; empty until picked.
    #[serde(default)]
    pub school_id: String,
    /// One answer per pack item, in the pack's order.
    #[serde(default)]
    pub items: Vec<SubmissionItem>,
}

impl Draft {
    /// A draft of `pack` with blank answers and no school picked.
    pub fn new(pack: Pack) -> Draft {
        let items = pack.items.iter().map(PackItem::blank_answer).collect();
        Draft {
            pack,
            school_id: String::new(),
            items,
        }
    }

    /// Takes a new pack (a corrected one from the bureau): answers to items it still has are kept
    /// (with its item names and counts; values of counts it still asks for are kept), the school stays
    /// picked if the new list has it. Returns how many filled answers were dropped.
    pub fn adopt_pack(&mut self, pack: Pack) -> usize {
        let old = std::mem::take(&mut self.items);
        let mut kept = 0;
        self.items = pack
            .items
            .iter()
            .map(|p| {
                let mut answer = p.blank_answer();
                if let Some(prev) = old.iter().find(|o| o.key() == answer.key()) {
                    kept += usize::from(prev.is_filled());
                    answer.text = prev.text.clone();
                    answer.dates = prev.dates.clone();
                    answer.channels_used = prev.channels_used.clone();
                    for c in &mut answer.counts {
                        c.value = prev
                            .counts
                            .iter()
                            .find(|o| o.label == c.label && o.unit == c.unit)
                            .and_then(|o| o.value);
                    }
                }
                answer
            })
            .collect();
        if !pack.schools.iter().any(|s| s.id == self.school_id) {
            self.school_id.clear();
        }
        self.pack = pack;
        old.iter().filter(|o| o.is_filled()).count() - kept
    }

    /// The school picked, if any.
    pub fn school(&self) -> Option<&PackSchool> {
        self.pack.schools.iter().find(|s| s.id == self.school_id)
    }

    /// The answer to the item `(category, item)`.
    pub fn answer_mut(&mut self, category: &str, item: &str) -> Option<&mut SubmissionItem> {
        self.items.iter_mut().find(|i| i.key() == (category, item))
    }

    /// How many answers have something in them.
    pub fn filled(&self) -> usize {
        self.items.iter().filter(|i| i.is_filled()).count()
    }

    /// The submission file made at `created_at`: its name and its text; `None` until a school is
    /// picked.
    pub fn submission_file(&self, created_at: &str) -> Option<(String, String)> {
        let s = self.submission(created_at)?;
        Some((submission_file_name(&s), write_submission(&s)))
    }

    /// The submission made at `created_at` (the caller's clock); `None` until a school is picked.
    /// Texts are kept as typed except for surrounding blank lines; empty dates are left out.
    pub fn submission(&self, created_at: &str) -> Option<Submission> {
        let school = self.school()?;
        let items = self
            .items
            .iter()
            .map(|i| SubmissionItem {
                text: i.text.trim().to_string(),
                dates: i
                    .dates
                    .iter()
                    .filter(|d| !d.trim().is_empty())
                    .cloned()
                    .collect(),
                ..i.clone()
            })
            .collect();
        Some(Submission::new(
            SubmissionSchool {
                id: school.id.clone(),
                name: school.name.clone(),
            },
            &self.pack.unit,
            self.pack.year,
            created_at,
            items,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountField, Stage};
    use crate::school::pack::{PACK_FORMAT, PACK_VERSION};
    use crate::school::read_submission;
    use crate::school::submission::write_submission;

    fn pack() -> Pack {
        Pack {
            format: PACK_FORMAT.into(),
            schema_version: PACK_VERSION,
            how_to_open: String::new(),
            created_at: "2020-11-01T00:00:00Z".into(),
            unit: "汽开区教育局".into(),
            year: 2020,
            schools: vec![
                PackSchool {
                    id: "school-1".into(),
                    name: "甲小学".into(),
                    stage: Stage::Primary,
                },
                PackSchool {
                    id: "school-2".into(),
                    name: "乙中学".into(),
                    stage: Stage::Middle,
                },
            ],
            items: vec![
                PackItem {
                    category: "students".into(),
                    item: "student-awards".into(),
                    name: "学生评优奖励".into(),
                    instructions: "写明程序。".into(),
                    counts: vec![],
                },
                PackItem {
                    category: "policy-execution".into(),
                    item: "open-day".into(),
                    name: "学校开放日".into(),
                    instructions: String::new(),
                    counts: vec![CountField {
                        label: "举办学校开放日".into(),
                        unit: "次".into(),
                    }],
                },
            ],
        }
    }

    #[test]
    fn a_new_draft_has_one_blank_answer_per_item_and_no_school() {
        let d = Draft::new(pack());
        assert_eq!(d.items.len(), 2);
        assert_eq!(d.items[1].counts[0].value, None);
        assert_eq!(d.filled(), 0);
        assert!(d.submission("2020-12-01T00:00:00Z").is_none());
    }

    #[test]
    fn the_submission_carries_school_unit_year_time_and_a_valid_hash() {
        let mut d = Draft::new(pack());
        d.school_id = "school-2".into();
        let a = d.answer_mut("policy-execution", "open-day").unwrap();
        a.text = "\n开放日两次。\n".into();
        a.counts[0].value = Some(2);
        a.dates = vec!["2020-05-01".into(), String::new()];
        let s = d.submission("2020-12-01T08:00:00.000Z").unwrap();
        assert_eq!(s.school.name, "乙中学");
        assert_eq!((s.unit.as_str(), s.year), ("汽开区教育局", 2020));
        assert_eq!(s.items[1].text, "开放日两次。");
        assert_eq!(s.items[1].dates, ["2020-05-01"]);
        assert_eq!(read_submission(&write_submission(&s)), Ok(s));
    }

    #[test]
    fn a_new_pack_keeps_answers_to_items_it_still_has() {
        let mut d = Draft::new(pack());
        d.school_id = "school-1".into();
        d.items[0].text = "评优。".into();
        d.items[1].counts[0].value = Some(3);
        let mut p = pack();
        p.items.remove(0);
        p.items[0].name = "学校开放日及信息公开活动".into();
        assert_eq!(d.adopt_pack(p.clone()), 1, "the 评优 answer is dropped");
        assert_eq!(d.items.len(), 1);
        assert_eq!(d.items[0].name, "学校开放日及信息公开活动");
        assert_eq!(d.items[0].counts[0].value, Some(3));
        assert_eq!(d.school_id, "school-1");
        p.schools.remove(0);
        d.adopt_pack(p);
        assert_eq!(d.school_id, "", "the school left the list");
    }
}
