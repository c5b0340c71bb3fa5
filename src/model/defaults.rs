//! The catalogue's default items as report content: a fresh item from its definition, its default
//! school task, and the default items a category has lost put back in place.

use super::{CategoryContent, CountField, ItemContent, SchoolTask};
use crate::catalog::{default_items, ItemDef, DEFAULT_DEADLINE};

impl ItemDef {
    /// The item's default assignment to schools.
    pub fn school_task(&self) -> SchoolTask {
        match self.schools {
            Some(counts) => SchoolTask {
                assigned: true,
                counts: counts
                    .iter()
                    .map(|(label, unit)| CountField {
                        label: label.to_string(),
                        unit: unit.to_string(),
                    })
                    .collect(),
                ..SchoolTask::default()
            },
            None => SchoolTask::default(),
        }
    }

    /// A fresh item for a report, with the catalogue's defaults.
    pub fn to_content(&self) -> ItemContent {
        ItemContent {
            id: self.id.to_string(),
            name: self.name.to_string(),
            content: self.content.to_string(),
            basis: self.basis.to_string(),
            deadline: DEFAULT_DEADLINE.to_string(),
            subject: self.subject.to_string(),
            channels: self.channels.iter().map(|c| c.to_string()).collect(),
            audience: Some(self.audience),
            mode: Some(self.mode),
            level: Some(self.level),
            schools: self.school_task(),
            ..ItemContent::default()
        }
    }
}

/// Re-adds every default item of the category that it no longer has (by id), each at its catalogue
/// position: after the last of the earlier default items still present (wherever the user moved them), else
/// before the first of the later ones, else first. Items already present (edited or not) and custom items are
/// left as they are, in their order.
pub fn restore_defaults(category: &mut CategoryContent) {
    restore_some_defaults(category, |_| true);
}

/// The default items the category no longer has (by id), in catalogue order: what
/// “恢复目录中的默认事项” offers.
pub fn missing_defaults(category: &CategoryContent) -> Vec<&'static ItemDef> {
    default_items(&category.key)
        .iter()
        .filter(|d| !category.items.iter().any(|i| i.id == d.id))
        .collect()
}

/// Like [`restore_defaults`], for the missing default items whose id `chosen` accepts only. Returns
/// how many were re-added.
pub fn restore_some_defaults(
    category: &mut CategoryContent,
    chosen: impl Fn(&str) -> bool,
) -> usize {
    let defaults = default_items(&category.key);
    let mut added = 0;
    for (k, def) in defaults.iter().enumerate() {
        if category.items.iter().any(|i| i.id == def.id) || !chosen(def.id) {
            continue;
        }
        let position = |id: &str| category.items.iter().position(|i| i.id == id);
        let at = defaults[..k]
            .iter()
            .filter_map(|d| position(d.id))
            .max()
            .map(|p| p + 1)
            .or_else(|| {
                defaults[k + 1..]
                    .iter()
                    .filter_map(|d| position(d.id))
                    .min()
            })
            .unwrap_or(0);
        category.items.insert(at, def.to_content());
        added += 1;
    }
    added
}
