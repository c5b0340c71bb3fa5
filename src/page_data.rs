//! The part of the workspace a page works on when it runs in a lazily loaded wasm module
//! (docs/delivery.md, “A page in a module”): read from the workspace, sent to the module as JSON, and
//! written back when the module reports an edit. One impl per such page; the rest is generic.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::district::DistrictData;
use crate::model::{workspace_from_value, Report, School, Workspace};
use crate::school::Draft;
use crate::text::school_page;

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

/// Reads a page's data sent back by its module (JSON of `D`), the way the workspace is loaded
/// (`serde_json::Value`, then `serde_path_to_error`): the workbench then links one deserialiser for the
/// report and the school types, not a second one for `serde_json::from_str` (about 25 KB gzip of the
/// first load with the school pages; docs/performance.md). `None` when it is not a `D`.
pub fn read_page_data<D: PageData>(json: &str) -> Option<D> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    serde_path_to_error::deserialize(value).ok()
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

/// `#/schools`: the school list and the open report (its items' school tasks, the contributions
/// merged into it). `report` is `None` when no report is open.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SchoolsPageData {
    pub schools: Vec<School>,
    pub report: Option<Report>,
    /// The id of the school each district rule assigns, once per rule and school (read only: a school
    /// deleted while rules name it is asked about first).
    #[serde(default)]
    pub ruled: Vec<String>,
}

impl SchoolsPageData {
    /// The open report.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    pub fn report_mut(&mut self) -> Option<&mut Report> {
        self.report.as_mut()
    }
}

impl PageData for SchoolsPageData {
    fn read(ws: &Workspace) -> Self {
        // A school is named by its name or an alias (the district page resolves other spellings).
        // Plain loops: the same with iterator adapters cost the first load 2 KB raw, 0.4 KB gzip.
        let mut ruled = Vec::new();
        for rule in &ws.districts.rules {
            for names in [&rule.primary, &rule.middle] {
                for name in names {
                    for s in &ws.schools {
                        if s.name == *name || s.aliases.contains(name) {
                            ruled.push(s.id.clone());
                            break;
                        }
                    }
                }
            }
        }
        SchoolsPageData {
            schools: ws.schools.clone(),
            report: ws.current().cloned(),
            ruled,
        }
    }

    /// The report goes back to its own year, and only if that year still exists (another tab may
    /// have removed it while the page was open).
    fn write(self, ws: &mut Workspace) {
        ws.schools = self.schools;
        if let Some(report) = self.report {
            if let Some(slot) = ws.reports.get_mut(&report.year) {
                *slot = report;
            }
        }
    }
}

/// `#/school` as the workbench hands it over: the school's draft (school mode, whose workspace lives
/// in its own storage slot) as the JSON it is stored in. The module reads the same JSON as a
/// [`SchoolPageData`]; the workbench never reads a draft, so it links no reader of drafts and packs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SchoolDraftData {
    pub draft: Option<serde_json::Value>,
}

impl PageData for SchoolDraftData {
    fn read(ws: &Workspace) -> Self {
        SchoolDraftData {
            draft: ws.school_draft.clone(),
        }
    }

    fn write(self, ws: &mut Workspace) {
        ws.school_draft = self.draft;
    }
}

/// `#/school` in the `schools-page` module: the school's draft, typed (the JSON of a
/// [`SchoolDraftData`]). A stored draft that is not a `Draft` is kept as it is stored, with the reason
/// in Chinese (never serde's English), in `unreadable`: the page opens over it, offers it as a
/// download and to start again, and until then sends it back unchanged, so nothing unreadable is
/// overwritten without a copy.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchoolPageData {
    /// The draft; `None` when there is none or it does not read.
    pub draft: Option<Draft>,
    /// The stored draft that does not read (then `draft` is `None`).
    pub unreadable: Option<UnreadableDraft>,
}

/// A stored school draft that does not read as a `Draft` (another build, or damage).
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableDraft {
    /// Why, in Chinese (`school_page().draft_unreadable`).
    pub reason: String,
    /// The stored JSON, as it is.
    pub raw: serde_json::Value,
}

impl SchoolPageData {
    /// Reads the stored draft (JSON): a `Draft`, none, or the unreadable state with the stored value.
    pub fn from_stored(stored: Option<serde_json::Value>) -> Self {
        let Some(raw) = stored else {
            return SchoolPageData::default();
        };
        match crate::school::read_value::<Draft>(raw.clone()) {
            Ok(draft) => SchoolPageData {
                draft: Some(draft),
                unreadable: None,
            },
            Err(e) => SchoolPageData {
                draft: None,
                unreadable: Some(UnreadableDraft {
                    reason: school_page().draft_unreadable(&e),
                    raw,
                }),
            },
        }
    }

    /// The stored draft as it goes back to the workbench: the unreadable value unchanged, or the draft.
    pub fn stored(&self) -> Option<serde_json::Value> {
        match &self.unreadable {
            Some(u) => Some(u.raw.clone()),
            None => self
                .draft
                .as_ref()
                .and_then(|d| serde_json::to_value(d).ok()),
        }
    }

    /// Starts again: no draft, and the unreadable one is dropped (the page offers it as a download
    /// first).
    pub fn restart(&mut self) {
        self.draft = None;
        self.unreadable = None;
    }
}

/// Sent back as a [`SchoolDraftData`]: `{"draft": …}`, the unreadable value as it was stored.
impl Serialize for SchoolPageData {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("SchoolDraftData", 1)?;
        match &self.unreadable {
            Some(u) => out.serialize_field("draft", &Some(&u.raw))?,
            None => out.serialize_field("draft", &self.draft)?,
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for SchoolPageData {
    fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        let data = SchoolDraftData::deserialize(d)?;
        Ok(SchoolPageData::from_stored(data.draft))
    }
}

impl PageData for SchoolPageData {
    fn read(ws: &Workspace) -> Self {
        SchoolPageData::from_stored(ws.school_draft.clone())
    }

    fn write(self, ws: &mut Workspace) {
        ws.school_draft = self.stored();
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
        workspace_from_value(value)
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
    fn the_schools_page_knows_which_schools_district_rules_assign() {
        let mut ws = example_workspace();
        let data = SchoolsPageData::read(&ws);
        let id = &ws.schools[0].id.clone();
        let rules = ws
            .districts
            .rules
            .iter()
            .filter(|r| {
                r.primary
                    .iter()
                    .chain(&r.middle)
                    .any(|n| *n == ws.schools[0].name)
            })
            .count();
        assert!(rules > 0);
        assert_eq!(data.ruled.iter().filter(|r| *r == id).count(), rules);
        // Named by an alias after a rename: still counted.
        ws.schools[0].aliases = vec![ws.schools[0].name.clone()];
        ws.schools[0].name = "改名后的学校".into();
        let data = SchoolsPageData::read(&ws);
        assert_eq!(data.ruled.iter().filter(|r| *r == id).count(), rules);
        // Writing the page's data back leaves the rules alone.
        let before = ws.clone();
        data.write(&mut ws);
        assert_eq!(ws, before);
    }

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
    fn schools_data_goes_back_to_its_own_report_and_nowhere_else() {
        let ws = crate::school::synth::workspace(3);
        let data = SchoolsPageData::read(&ws);
        let json = serde_json::to_string(&data).unwrap();
        let mut edited: SchoolsPageData = serde_json::from_str(&json).unwrap();
        assert_eq!(edited, data);
        edited.schools.truncate(1);
        let report = edited.report_mut().unwrap();
        report.unit_name = "另一个单位".into();
        let year = report.year;
        let mut target = ws.clone();
        edited.clone().write(&mut target);
        assert_eq!(SchoolsPageData::read(&target), edited);
        assert_eq!(target.reports.len(), ws.reports.len());
        // A report removed meanwhile (another tab) is not brought back.
        let mut removed = ws.clone();
        removed.reports.remove(&year);
        edited.write(&mut removed);
        assert!(!removed.reports.contains_key(&year));
        assert_eq!(removed.schools.len(), 1);
        let mut same = ws.clone();
        SchoolsPageData::read(&ws).write(&mut same);
        assert_eq!(same, ws);
    }

    #[test]
    fn page_data_sent_back_is_read_like_the_workspace_and_refused_when_it_is_not_one() {
        let ws = crate::school::synth::workspace(2);
        let data = SchoolsPageData::read(&ws);
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(read_page_data::<SchoolsPageData>(&json), Some(data));
        assert_eq!(read_page_data::<SchoolsPageData>("{\"schools\": 3}"), None);
        assert_eq!(read_page_data::<SchoolsPageData>("not json"), None);
        assert_eq!(read_page_data::<DistrictsPageData>("[]"), None);
    }

    #[test]
    fn school_data_is_the_draft_alone() {
        let ws = crate::school::synth::workspace(2);
        let pack = crate::school::make_pack(&ws, "2024-12-01T00:00:00Z").unwrap();
        let draft = Draft::new(pack);
        let school = Workspace {
            school_draft: Some(serde_json::to_value(&draft).unwrap()),
            ..Workspace::default()
        };
        let data = SchoolPageData::read(&school);
        assert_eq!(data.draft.as_ref(), Some(&draft));
        let back: SchoolPageData =
            serde_json::from_str(&serde_json::to_string(&data).unwrap()).unwrap();
        assert_eq!(back, data);
        let mut target = Workspace::default();
        back.write(&mut target);
        assert_eq!(target, school);
        SchoolPageData::default().write(&mut target);
        assert_eq!(target.school_draft, None);
        // What the workbench hands over (the stored JSON) is what the module reads, and back.
        let sent = serde_json::to_string(&SchoolDraftData::read(&school)).unwrap();
        let module: SchoolPageData = serde_json::from_str(&sent).unwrap();
        assert_eq!(module, data);
        let edited = serde_json::to_string(&module).unwrap();
        let mut workbench = Workspace::default();
        read_page_data::<SchoolDraftData>(&edited)
            .unwrap()
            .write(&mut workbench);
        assert_eq!(workbench, school);
    }

    #[test]
    fn an_unreadable_stored_draft_opens_with_its_reason_and_goes_back_unchanged() {
        // A stored draft that is not a draft: the page opens in the unreadable state, with the
        // reason in Chinese naming the field (no serde English) and the stored value kept.
        let raw = serde_json::json!({"pack": 3, "items": []});
        let broken = Workspace {
            school_draft: Some(raw.clone()),
            ..Workspace::default()
        };
        let sent = serde_json::to_string(&SchoolDraftData::read(&broken)).unwrap();
        let data: SchoolPageData = serde_json::from_str(&sent).unwrap();
        assert_eq!(data.draft, None);
        let unreadable = data.unreadable.clone().unwrap();
        assert_eq!(
            unreadable.reason,
            "本机保存的学校填报内容无法读取：字段“pack”缺失或内容类型不对。保存的内容原样保留，没有被改动。"
        );
        assert_eq!(unreadable.raw, raw);
        assert_eq!(SchoolPageData::read(&broken), data);
        // Until the school starts again, what goes back is the stored value, byte for byte the same
        // JSON value: an edit sent now does not overwrite it.
        let back = serde_json::to_string(&data).unwrap();
        let mut workbench = broken.clone();
        read_page_data::<SchoolDraftData>(&back)
            .unwrap()
            .write(&mut workbench);
        assert_eq!(workbench, broken);
        let mut same = broken.clone();
        data.clone().write(&mut same);
        assert_eq!(same, broken);
        // Starting again leaves no draft and nothing unreadable: the page can import a pack.
        let mut restarted = data;
        restarted.restart();
        assert_eq!(restarted, SchoolPageData::default());
        read_page_data::<SchoolDraftData>(&serde_json::to_string(&restarted).unwrap())
            .unwrap()
            .write(&mut workbench);
        assert_eq!(workbench.school_draft, None);
        // No draft reads as none; a good draft still reads (above, `school_data_is_the_draft_alone`).
        let none: SchoolPageData = serde_json::from_str("{\"draft\": null}").unwrap();
        assert_eq!(none, SchoolPageData::default());
        let ws = crate::school::synth::workspace(2);
        let draft = Draft::new(crate::school::make_pack(&ws, "2024-12-01T00:00:00Z").unwrap());
        let good = SchoolPageData::from_stored(Some(serde_json::to_value(&draft).unwrap()));
        assert_eq!((good.draft, good.unreadable), (Some(draft), None));
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
