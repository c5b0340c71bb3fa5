//! The part of the workspace a page works on when it runs in a lazily loaded wasm module
//! (docs/delivery.md, “A page in a module”): read from the workspace, sent to the module as JSON, and
//! written back when the module reports an edit. One impl per such page; the rest is generic.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{School, Workspace};
use crate::district::DistrictData;

/// The data of a page that lives in a module: what it reads from the workspace and how its edits go
/// back. `write(read(ws))` leaves `ws` unchanged.
pub trait PageData:
    Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static
{
    /// This page's part of `ws`.
    fn read(ws: &Workspace) -> Self;
    /// Puts this page's part into `ws`, replacing what was there.
    fn write(self, ws: &mut Workspace);
}

/// `#/districts`: the workspace's school list and its district data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DistrictsPageData {
    pub schools: Vec<School>,
    pub districts: DistrictData,
}

impl PageData for DistrictsPageData {
    fn read(ws: &Workspace) -> Self {
        DistrictsPageData {
            schools: ws.schools.clone(),
            districts: ws.districts.clone(),
        }
    }

    fn write(self, ws: &mut Workspace) {
        ws.schools = self.schools;
        ws.districts = self.districts;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_workspace;

    #[test]
    fn districts_data_round_trips_through_json_and_back_into_the_workspace() {
        let ws = example_workspace();
        let data = DistrictsPageData::read(&ws);
        assert!(!data.districts.rules.is_empty());
        let json = serde_json::to_string(&data).unwrap();
        let back: DistrictsPageData = serde_json::from_str(&json).unwrap();
        assert_eq!(back, data);
        let mut edited = back;
        edited.districts.bureau_phone = "0431-1234567".into();
        edited.schools.truncate(1);
        let mut target = ws.clone();
        edited.clone().write(&mut target);
        assert_eq!(DistrictsPageData::read(&target), edited);
        // Only the page's part changed.
        assert_eq!(target.reports, ws.reports);
        let mut same = ws.clone();
        DistrictsPageData::read(&ws).write(&mut same);
        assert_eq!(same, ws);
    }
}
