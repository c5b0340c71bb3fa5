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

/// `#/graphic` (图解): a workspace holding only the reports of every year (the graphic's charts across
/// years) and the open year; the page only reads it. It crosses as the JSON of a workspace and is read
/// back through `workspace_from_value`, the path stored data takes, so that the workbench's first load
/// gains no second copy of the reports' (de)serialisers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct GraphicPageData(pub Workspace);

impl<'de> Deserialize<'de> for GraphicPageData {
    fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        let value = serde_json::Value::deserialize(d)?;
        super::workspace_from_value(value)
            .map(GraphicPageData)
            .map_err(serde::de::Error::custom)
    }
}

impl PageData for GraphicPageData {
    fn read(ws: &Workspace) -> Self {
        GraphicPageData(Workspace {
            current_year: ws.current_year,
            reports: ws.reports.clone(),
            ..Workspace::default()
        })
    }

    fn write(self, ws: &mut Workspace) {
        ws.current_year = self.0.current_year;
        ws.reports = self.0.reports;
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

    #[test]
    fn graphic_data_holds_every_year_and_the_open_one() {
        let ws = example_workspace();
        let data = GraphicPageData::read(&ws);
        assert_eq!(data.0.current_year, ws.current_year);
        assert_eq!(data.0.reports, ws.reports);
        assert!(data.0.schools.is_empty() && data.0.districts.rules.is_empty());
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(
            serde_json::from_str::<GraphicPageData>(&json).unwrap(),
            data
        );
        assert!(serde_json::from_str::<GraphicPageData>("{\"reports\": 1}").is_err());
        let mut same = ws.clone();
        data.write(&mut same);
        assert_eq!(same, ws);
    }
}
