//! Applying an edit to a workspace: all of it or nothing, returning the edit that undoes it.

use std::mem;

use thiserror::Error;

use super::vocabulary::{DistrictText, Edit, ItemField, NarrativeText, ReportFlag, ReportText};
use crate::model::{CategoryContent, ItemContent, Report, Workspace, YEAR_RANGE};

/// Why an edit does not apply; the workspace is then unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("no report for {0}")]
    NoSuchYear(u16),
    #[error("a report for {0} already exists")]
    YearTaken(u16),
    #[error("year {0} is out of range")]
    YearOutOfRange(u16),
    #[error("the report of {0} is open")]
    OpenReport(u16),
    #[error("no category {0}")]
    NoSuchCategory(String),
    #[error("no item {item} in {category}")]
    NoSuchItem { category: String, item: String },
    #[error("an item {item} already exists in {category}")]
    ItemTaken { category: String, item: String },
    #[error("position {index} is past the end ({len})")]
    NoSuchPosition { index: usize, len: usize },
    #[error("no school {0}")]
    NoSuchSchool(String),
    #[error("a school with id {0} already exists")]
    SchoolTaken(String),
}

/// Applies `edit` and returns its inverse: applying the inverse gives back the workspace as it was,
/// field for field. On an error nothing changed (a batch undoes the part it applied).
pub fn apply(ws: &mut Workspace, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::SetReportText { year, field, value } => {
            let r = report(ws, year)?;
            let slot = match field {
                ReportText::UnitName => &mut r.unit_name,
                ReportText::Region => &mut r.region,
                ReportText::Title => &mut r.title,
            };
            let value = mem::replace(slot, value);
            Edit::SetReportText { year, field, value }
        }
        Edit::SetStructure { year, structure } => {
            let structure = mem::replace(&mut report(ws, year)?.structure, structure);
            Edit::SetStructure { year, structure }
        }
        Edit::SetTableFormat { year, format } => {
            let format = mem::replace(&mut report(ws, year)?.table_format, format);
            Edit::SetTableFormat { year, format }
        }
        Edit::SetReportFlag { year, flag, value } => {
            let r = report(ws, year)?;
            let slot = match flag {
                ReportFlag::OmitNotApplicable => &mut r.omit_not_applicable,
                ReportFlag::GraphicInHtml => &mut r.graphic_in_html,
                ReportFlag::NoCasesTable3 => &mut r.no_cases.table3,
                ReportFlag::NoCasesTable4 => &mut r.no_cases.table4,
            };
            let value = mem::replace(slot, value);
            Edit::SetReportFlag { year, flag, value }
        }
        Edit::SetCell { year, key, value } => {
            let cells = &mut report(ws, year)?.tables.0;
            let old = if value.is_empty() {
                cells.remove(&key)
            } else {
                cells.insert(key.clone(), value)
            };
            Edit::SetCell {
                year,
                key,
                value: old.unwrap_or_default(),
            }
        }
        Edit::SetNarrative { year, field, value } => {
            let n = &mut report(ws, year)?.narrative;
            let slot = match field {
                NarrativeText::Preamble => &mut n.preamble,
                NarrativeText::Goals => &mut n.goals,
                NarrativeText::DisclosureIntro => &mut n.disclosure_intro,
                NarrativeText::OverviewActive => &mut n.overview.active,
                NarrativeText::OverviewOnRequest => &mut n.overview.on_request,
                NarrativeText::OverviewManagement => &mut n.overview.management,
                NarrativeText::OverviewPlatform => &mut n.overview.platform,
                NarrativeText::OverviewSupervision => &mut n.overview.supervision,
                NarrativeText::TablesNote => &mut n.tables_note,
                NarrativeText::Problems => &mut n.problems,
                NarrativeText::Other => &mut n.other,
                NarrativeText::FeeLine => &mut n.fee_line,
            };
            let value = mem::replace(slot, value);
            Edit::SetNarrative { year, field, value }
        }
        Edit::SetWorkItems { year, items } => {
            let items = mem::replace(&mut report(ws, year)?.narrative.work_items, items);
            Edit::SetWorkItems { year, items }
        }
        Edit::SetCategoryIntro {
            year,
            category,
            value,
        } => {
            let value = mem::replace(&mut category_of(ws, year, &category)?.intro, value);
            Edit::SetCategoryIntro {
                year,
                category,
                value,
            }
        }
        Edit::SetCategoryStatus {
            year,
            category,
            status,
        } => {
            let status = mem::replace(&mut category_of(ws, year, &category)?.status, status);
            Edit::SetCategoryStatus {
                year,
                category,
                status,
            }
        }
        Edit::SetItem {
            year,
            category,
            item,
            field,
        } => {
            let c = category_of(ws, year, &category)?;
            let found =
                c.items
                    .iter_mut()
                    .find(|i| i.id == item)
                    .ok_or_else(|| EditError::NoSuchItem {
                        category: category.clone(),
                        item: item.clone(),
                    })?;
            let field = set_item_field(found, field);
            Edit::SetItem {
                year,
                category,
                item,
                field,
            }
        }
        Edit::InsertItem {
            year,
            category,
            index,
            item,
        } => {
            let c = category_of(ws, year, &category)?;
            if c.items.iter().any(|i| i.id == item.id) {
                return Err(EditError::ItemTaken {
                    category,
                    item: item.id.clone(),
                });
            }
            check_position(index, c.items.len())?;
            let id = item.id.clone();
            c.items.insert(index, *item);
            Edit::RemoveItem {
                year,
                category,
                item: id,
            }
        }
        Edit::RemoveItem {
            year,
            category,
            item,
        } => {
            let c = category_of(ws, year, &category)?;
            let index =
                c.items
                    .iter()
                    .position(|i| i.id == item)
                    .ok_or_else(|| EditError::NoSuchItem {
                        category: category.clone(),
                        item: item.clone(),
                    })?;
            let item = Box::new(c.items.remove(index));
            Edit::InsertItem {
                year,
                category,
                index,
                item,
            }
        }
        Edit::SetContributions {
            year,
            contributions,
        } => {
            let contributions = mem::replace(&mut report(ws, year)?.contributions, contributions);
            Edit::SetContributions {
                year,
                contributions,
            }
        }
        Edit::InsertReport { report } => {
            let year = report.year;
            if !YEAR_RANGE.contains(&year) {
                return Err(EditError::YearOutOfRange(year));
            }
            if ws.reports.contains_key(&year) {
                return Err(EditError::YearTaken(year));
            }
            ws.reports.insert(year, *report);
            Edit::RemoveReport { year }
        }
        Edit::RemoveReport { year } => {
            if ws.current_year == Some(year) {
                return Err(EditError::OpenReport(year));
            }
            let report = ws
                .reports
                .remove(&year)
                .ok_or(EditError::NoSuchYear(year))?;
            Edit::InsertReport {
                report: Box::new(report),
            }
        }
        Edit::SetCurrentYear { year } => {
            if let Some(y) = year.filter(|y| !ws.reports.contains_key(y)) {
                return Err(EditError::NoSuchYear(y));
            }
            let year = mem::replace(&mut ws.current_year, year);
            Edit::SetCurrentYear { year }
        }
        Edit::InsertSchool { index, school } => {
            if ws.schools.iter().any(|s| s.id == school.id) {
                return Err(EditError::SchoolTaken(school.id.clone()));
            }
            check_position(index, ws.schools.len())?;
            let id = school.id.clone();
            ws.schools.insert(index, *school);
            Edit::RemoveSchool { id }
        }
        Edit::RemoveSchool { id } => {
            let index = school_index(ws, &id)?;
            Edit::InsertSchool {
                index,
                school: Box::new(ws.schools.remove(index)),
            }
        }
        Edit::SetSchool { school } => {
            let index = school_index(ws, &school.id)?;
            let old = mem::replace(&mut ws.schools[index], *school);
            Edit::SetSchool {
                school: Box::new(old),
            }
        }
        Edit::SetDistrictText { field, value } => {
            let d = &mut ws.districts;
            let slot = match field {
                DistrictText::Region => &mut d.region,
                DistrictText::BureauPhone => &mut d.bureau_phone,
                DistrictText::DataDate => &mut d.data_date,
                DistrictText::Note => &mut d.note,
            };
            let value = mem::replace(slot, value);
            Edit::SetDistrictText { field, value }
        }
        Edit::InsertRule { index, rule } => {
            check_position(index, ws.districts.rules.len())?;
            ws.districts.rules.insert(index, *rule);
            Edit::RemoveRule { index }
        }
        Edit::RemoveRule { index } => {
            rule_position(ws, index)?;
            Edit::InsertRule {
                index,
                rule: Box::new(ws.districts.rules.remove(index)),
            }
        }
        Edit::SetRule { index, rule } => {
            rule_position(ws, index)?;
            let old = mem::replace(&mut ws.districts.rules[index], *rule);
            Edit::SetRule {
                index,
                rule: Box::new(old),
            }
        }
        Edit::SetDistricts { data } => {
            let old = mem::replace(&mut ws.districts, *data);
            Edit::SetDistricts {
                data: Box::new(old),
            }
        }
        Edit::Batch(edits) => {
            let mut undo = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply(ws, edit) {
                    Ok(inverse) => undo.push(inverse),
                    Err(e) => {
                        // Put back what the batch changed, newest first; each inverse applies to the
                        // state its edit left, so none fails.
                        for inverse in undo.into_iter().rev() {
                            let _ = apply(ws, inverse);
                        }
                        return Err(e);
                    }
                }
            }
            undo.reverse();
            Edit::Batch(undo)
        }
    })
}

fn report(ws: &mut Workspace, year: u16) -> Result<&mut Report, EditError> {
    ws.reports.get_mut(&year).ok_or(EditError::NoSuchYear(year))
}

fn category_of<'a>(
    ws: &'a mut Workspace,
    year: u16,
    key: &str,
) -> Result<&'a mut CategoryContent, EditError> {
    report(ws, year)?
        .categories
        .iter_mut()
        .find(|c| c.key == key)
        .ok_or_else(|| EditError::NoSuchCategory(key.to_string()))
}

fn check_position(index: usize, len: usize) -> Result<(), EditError> {
    if index > len {
        Err(EditError::NoSuchPosition { index, len })
    } else {
        Ok(())
    }
}

fn rule_position(ws: &Workspace, index: usize) -> Result<(), EditError> {
    let len = ws.districts.rules.len();
    if index >= len {
        Err(EditError::NoSuchPosition { index, len })
    } else {
        Ok(())
    }
}

fn school_index(ws: &Workspace, id: &str) -> Result<usize, EditError> {
    ws.schools
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| EditError::NoSuchSchool(id.to_string()))
}

/// Sets one field of `item`, returning the field with its old value.
fn set_item_field(item: &mut ItemContent, field: ItemField) -> ItemField {
    match field {
        ItemField::Name(v) => ItemField::Name(mem::replace(&mut item.name, v)),
        ItemField::Text(v) => ItemField::Text(mem::replace(&mut item.text, v)),
        ItemField::Content(v) => ItemField::Content(mem::replace(&mut item.content, v)),
        ItemField::Basis(v) => ItemField::Basis(mem::replace(&mut item.basis, v)),
        ItemField::Deadline(v) => ItemField::Deadline(mem::replace(&mut item.deadline, v)),
        ItemField::Subject(v) => ItemField::Subject(mem::replace(&mut item.subject, v)),
        ItemField::Channels(v) => ItemField::Channels(mem::replace(&mut item.channels, v)),
        ItemField::Audience(v) => ItemField::Audience(mem::replace(&mut item.audience, v)),
        ItemField::Mode(v) => ItemField::Mode(mem::replace(&mut item.mode, v)),
        ItemField::Level(v) => ItemField::Level(mem::replace(&mut item.level, v)),
        ItemField::Status(v) => ItemField::Status(mem::replace(&mut item.status, v)),
        ItemField::Reason(v) => ItemField::Reason(mem::replace(&mut item.reason, v)),
        ItemField::ChannelsUsed(v) => {
            ItemField::ChannelsUsed(mem::replace(&mut item.channels_used, v))
        }
        ItemField::Counts(v) => ItemField::Counts(mem::replace(&mut item.counts, v)),
        ItemField::Schools(v) => ItemField::Schools(mem::replace(&mut item.schools, v)),
    }
}
