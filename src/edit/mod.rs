//! The edit vocabulary of the workspace: every change as a named value (`Edit`), applied by one
//! function (`apply`) that returns the edit undoing it. Pure core: no browser, tested natively
//! (`tests/edit_inverse.rs` applies generated sequences and their inverses).

mod apply;
mod vocabulary;

pub use apply::{apply, EditError};
pub use vocabulary::{DistrictText, Edit, ItemField, NarrativeText, ReportFlag, ReportText};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DisclosureStatus, Workspace};

    fn example() -> Workspace {
        crate::example::example_workspace()
    }

    #[test]
    fn a_cell_edit_and_its_inverse() {
        let mut ws = example();
        let before = ws.clone();
        let year = ws.current_year.unwrap();
        let undo = apply(&mut ws, Edit::cell(year, "t2/a/r1/c1", "12")).unwrap();
        assert_eq!(ws.reports[&year].tables.get("t2/a/r1/c1"), "12");
        apply(&mut ws, undo).unwrap();
        assert_eq!(ws, before);
    }

    #[test]
    fn a_blank_typed_cell_is_removed() {
        let mut ws = example();
        let year = ws.current_year.unwrap();
        let key = ws.reports[&year].tables.0.keys().next().unwrap().clone();
        apply(&mut ws, Edit::cell(year, key.clone(), "   ")).unwrap();
        assert!(!ws.reports[&year].tables.0.contains_key(&key));
    }

    #[test]
    fn an_item_deleted_comes_back_in_its_place() {
        let mut ws = example();
        let before = ws.clone();
        let year = ws.current_year.unwrap();
        let c = ws.reports[&year]
            .categories
            .iter()
            .find(|c| c.items.len() > 2)
            .unwrap();
        let (category, item) = (c.key.clone(), c.items[1].id.clone());
        let undo = apply(
            &mut ws,
            Edit::RemoveItem {
                year,
                category,
                item,
            },
        )
        .unwrap();
        assert!(matches!(undo, Edit::InsertItem { index: 1, .. }));
        apply(&mut ws, undo).unwrap();
        assert_eq!(ws, before);
    }

    #[test]
    fn a_batch_that_fails_halfway_changes_nothing() {
        let mut ws = example();
        let before = ws.clone();
        let year = ws.current_year.unwrap();
        let category = ws.reports[&year].categories[0].key.clone();
        let result = apply(
            &mut ws,
            Edit::Batch(vec![
                Edit::SetCategoryStatus {
                    year,
                    category: category.clone(),
                    status: Some(DisclosureStatus::NotApplicable),
                },
                Edit::RemoveItem {
                    year,
                    category,
                    item: "no-such-item".into(),
                },
            ]),
        );
        assert!(matches!(result, Err(EditError::NoSuchItem { .. })));
        assert_eq!(ws, before);
    }

    #[test]
    fn the_open_report_is_not_removed() {
        let mut ws = example();
        let year = ws.current_year.unwrap();
        assert_eq!(
            apply(&mut ws, Edit::RemoveReport { year }),
            Err(EditError::OpenReport(year))
        );
    }

    #[test]
    fn an_edit_is_a_public_json_value() {
        let edit = Edit::SetItem {
            year: 2020,
            category: "policy".into(),
            item: "custom-1".into(),
            field: ItemField::Status(Some(DisclosureStatus::Published)),
        };
        let json = serde_json::to_string(&edit).unwrap();
        assert_eq!(
            json,
            r#"{"edit":"set_item","year":2020,"category":"policy","item":"custom-1","field":{"field":"status","value":"published"}}"#
        );
        assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
    }
}
