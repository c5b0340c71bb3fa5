//! Importing district tables: bytes (CSV in UTF-8 with or without BOM, UTF-16, or a legacy encoding
//! such as GBK decoded by a function the caller passes; or XLSX) into rows, then rows into rules or
//! schools by the header: rule rows `道路或小区,门牌号,对口小学,对口初中,备注`, school rows
//! `学校,学段,服务区域`, or the school list `学校,学段,地址,电话,预警等级,预警说明`. Every error names the
//! row, the column and the offending text; the other rows are kept.

use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use thiserror::Error;

use super::area::{parse_area, parse_place_numbers, AreaErrorKind};
use super::model::{DistrictData, PlaceKind, Rule};
use super::normalize::{clean, key};
use super::spec::SpecErrorKind;
use super::xlsx::{read_sheet, XlsxError};
use crate::model::{School, Stage, Warning, WarningLevel};

/// One row of a table as read: its number in the file (1-based) and its cells. Serialisable, so that
/// the rows of an XLSX sheet can cross from the lazily loaded module that reads them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// Decodes bytes that are not UTF-8 (GBK from Excel on zh-CN Windows). In the browser the shell passes
/// `TextDecoder('gbk')`; native tests pass `encoding_rs`. `None` when the bytes are not valid.
pub type LegacyDecoder<'a> = &'a dyn Fn(&[u8]) -> Option<String>;

/// The encoding a text file turned out to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    /// Decoded by the legacy decoder (GBK).
    Legacy,
}

/// Which of the three table shapes a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// `道路或小区,门牌号,对口小学,对口初中,备注`.
    Rules,
    /// `学校,学段,服务区域`.
    Areas,
    /// `学校,学段,地址,电话,预警等级,预警说明`.
    Schools,
}

/// What went wrong, for [`ImportError`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportErrorKind {
    #[error("empty file")]
    Empty,
    #[error("text is neither UTF-8 nor decodable")]
    Encoding,
    #[error("workbook: {0}")]
    Xlsx(XlsxError),
    #[error("CSV: {0}")]
    Csv(String),
    #[error("no header row")]
    NoHeader,
    #[error("no road, community or village")]
    NoPlace,
    #[error("unclear wording")]
    Unclear,
    #[error("numbers: {0}")]
    Numbers(SpecErrorKind),
    #[error("no school named")]
    NoSchool,
    #[error("unknown 学段")]
    UnknownStage,
    #[error("unknown warning level")]
    UnknownWarning,
}

/// An error at a row and column (both 1-based; 0 = the whole file or row), with the offending text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("row {row}, column {column} ({header}): {kind}: {text}")]
pub struct ImportError {
    pub row: usize,
    pub column: usize,
    /// The column's header as written in the file.
    pub header: String,
    pub text: String,
    pub kind: ImportErrorKind,
}

impl ImportError {
    /// An error of the whole file (no row, no column).
    pub fn file(kind: ImportErrorKind) -> Self {
        ImportError {
            row: 0,
            column: 0,
            header: String::new(),
            text: String::new(),
            kind,
        }
    }
}

/// A school-list row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolRow {
    pub name: String,
    pub stage: Option<Stage>,
    pub address: String,
    pub phone: String,
    pub warning: Option<Warning>,
}

/// What a file holds: the rules or schools read, and the errors of the rows that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub kind: Option<TableKind>,
    pub rules: Vec<Rule>,
    pub schools: Vec<SchoolRow>,
    pub errors: Vec<ImportError>,
    /// Data rows read (after the header).
    pub rows: usize,
}

impl Imported {
    /// A file that could not be read at all.
    pub fn failed(error: ImportError) -> Self {
        Imported {
            kind: None,
            rules: Vec::new(),
            schools: Vec::new(),
            errors: vec![error],
            rows: 0,
        }
    }
}

/// Text of a CSV file: BOM, UTF-8, UTF-16 (Excel's “Unicode text”), else the legacy decoder.
pub fn decode_text(
    bytes: &[u8],
    legacy: Option<LegacyDecoder>,
) -> Result<(String, TextEncoding), ImportErrorKind> {
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8(rest.to_vec())
            .map(|s| (s, TextEncoding::Utf8Bom))
            .map_err(|_| ImportErrorKind::Encoding);
    }
    let utf16 = |rest: &[u8], le: bool| -> Result<(String, TextEncoding), ImportErrorKind> {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units)
            .map(|s| (s, TextEncoding::Utf16))
            .map_err(|_| ImportErrorKind::Encoding)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return utf16(rest, false);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), TextEncoding::Utf8));
    }
    legacy
        .and_then(|decode| decode(bytes))
        .map(|s| (s, TextEncoding::Legacy))
        .ok_or(ImportErrorKind::Encoding)
}

/// The delimiter of a CSV text: comma, tab or semicolon, whichever the first line has most of.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b',', count(',')), (b'\t', count('\t')), (b';', count(';'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| d)
}

/// The rows of a CSV text, numbered by the line they start on.
pub fn csv_rows(text: &str) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => rows.push(Row {
                number: r.position().map_or(rows.len() + 1, |p| p.line() as usize),
                cells: r.iter().map(str::to_string).collect(),
            }),
            Err(e) => {
                let row = e.position().map_or(rows.len() + 1, |p| p.line() as usize);
                return Err(ImportError {
                    row,
                    ..ImportError::file(ImportErrorKind::Csv(e.to_string()))
                });
            }
        }
    }
    Ok(rows)
}

/// True when the bytes are a ZIP archive (an XLSX workbook).
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The rows of a CSV file's bytes (the CSV half of [`import_file`], which links no XLSX reader).
pub fn csv_file_rows(bytes: &[u8], legacy: Option<LegacyDecoder>) -> Result<Vec<Row>, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::file(ImportErrorKind::Empty));
    }
    let (text, _) = decode_text(bytes, legacy).map_err(ImportError::file)?;
    csv_rows(&text)
}

/// Reads a district file of any supported kind. `sheet` picks a worksheet of an XLSX file (default: the
/// first); `legacy` decodes non-UTF-8 CSV.
pub fn import_file(bytes: &[u8], sheet: Option<&str>, legacy: Option<LegacyDecoder>) -> Imported {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Imported::failed(ImportError::file(ImportErrorKind::Empty));
    }
    let rows = if is_xlsx(bytes) {
        match read_sheet(bytes, sheet) {
            Ok(rows) => rows,
            Err(e) => return Imported::failed(ImportError::file(ImportErrorKind::Xlsx(e))),
        }
    } else {
        match csv_file_rows(bytes, legacy) {
            Ok(rows) => rows,
            Err(e) => return Imported::failed(e),
        }
    };
    import_rows(&rows)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Place,
    Numbers,
    Primary,
    Middle,
    Note,
    School,
    Stage,
    Area,
    Address,
    Phone,
    Warning,
    WarningText,
}

const HEADERS: [(Col, &[&str]); 12] = [
    (
        Col::Place,
        &[
            "道路或小区",
            "道路/小区",
            "道路小区",
            "道路",
            "小区",
            "街路",
            "路名",
            "街道名称",
            "地名",
            "road",
            "place",
        ],
    ),
    (
        Col::Numbers,
        &["门牌号", "门牌号段", "门牌", "号段", "numbers"],
    ),
    (Col::Primary, &["对口小学", "小学", "primary"]),
    (Col::Middle, &["对口初中", "对口中学", "初中", "middle"]),
    (Col::Note, &["备注", "note"]),
    (Col::School, &["学校", "学校名称", "school"]),
    (Col::Stage, &["学段", "类别", "level", "stage"]),
    (
        Col::Area,
        &[
            "服务区域",
            "学区范围",
            "施教区",
            "招生范围",
            "划片范围",
            "学区",
            "area",
        ],
    ),
    (Col::Address, &["地址", "学校地址", "address"]),
    (Col::Phone, &["电话", "联系电话", "咨询电话", "phone"]),
    (Col::Warning, &["预警等级", "预警级别", "预警", "warning"]),
    (Col::WarningText, &["预警说明", "预警提示", "warning_text"]),
];

fn column_kind(header: &str) -> Option<Col> {
    let k = key(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| key(n) == k))
        .map(|(c, _)| *c)
}

/// Columns of a header row, if it is one.
fn header(row: &Row) -> Option<Vec<Option<Col>>> {
    let cols: Vec<Option<Col>> = row.cells.iter().map(|c| column_kind(c)).collect();
    (cols.iter().flatten().count() >= 2).then_some(cols)
}

fn kind_of(cols: &[Option<Col>]) -> Option<TableKind> {
    let has = |c: Col| cols.contains(&Some(c));
    if has(Col::Place) {
        Some(TableKind::Rules)
    } else if has(Col::School) && has(Col::Area) {
        Some(TableKind::Areas)
    } else if has(Col::School) {
        Some(TableKind::Schools)
    } else {
        None
    }
}

/// The header among the first five rows: its index, columns and table kind; else the error.
fn find_header(rows: &[Row]) -> Result<(usize, Vec<Option<Col>>, TableKind), ImportError> {
    if let Some(found) = rows
        .iter()
        .take(5)
        .enumerate()
        .find_map(|(i, r)| header(r).and_then(|c| kind_of(&c).map(|k| (i, c, k))))
    {
        return Ok(found);
    }
    let first = rows
        .iter()
        .find(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
    Err(match first {
        None => ImportError::file(ImportErrorKind::Empty),
        Some(r) => ImportError {
            row: r.number,
            column: 1,
            header: String::new(),
            text: r.cells.join(","),
            kind: ImportErrorKind::NoHeader,
        },
    })
}

/// Reads rows: finds the header among the first five rows, then each data row.
pub fn import_rows(rows: &[Row]) -> Imported {
    let mut job = ImportJob::new(rows);
    while !job.step(usize::MAX) {}
    job.finish()
}

/// Reading the rows of a table a few at a time, so that a page can show its progress and stay
/// responsive on a large file: `step` reads the next rows, `finish` gives the result, which is the
/// same as [`import_rows`] gives.
pub struct ImportJob<'r> {
    rows: &'r [Row],
    header: Option<(usize, Vec<Option<Col>>, TableKind)>,
    next: usize,
    out: Imported,
}

impl<'r> ImportJob<'r> {
    pub fn new(rows: &'r [Row]) -> Self {
        match find_header(rows) {
            Ok((h, cols, kind)) => ImportJob {
                rows,
                header: Some((h, cols, kind)),
                next: h + 1,
                out: Imported {
                    kind: Some(kind),
                    rules: Vec::new(),
                    schools: Vec::new(),
                    errors: Vec::new(),
                    rows: 0,
                },
            },
            Err(e) => ImportJob {
                rows,
                header: None,
                next: rows.len(),
                out: Imported::failed(e),
            },
        }
    }

    /// Reads at most `max_rows` more rows; true when every row has been read.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let Some((h, cols, kind)) = &self.header else {
            return true;
        };
        let end = self.next.saturating_add(max_rows).min(self.rows.len());
        let headers = &self.rows[*h].cells;
        for row in &self.rows[self.next..end] {
            read_row(row, headers, cols, *kind, &mut self.out);
        }
        self.next = end;
        self.next >= self.rows.len()
    }

    /// Rows read so far and rows in all (both counting the header and the rows above it).
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.rows.len())
    }

    pub fn finish(self) -> Imported {
        self.out
    }
}

fn read_row(
    row: &Row,
    headers: &[String],
    cols: &[Option<Col>],
    kind: TableKind,
    out: &mut Imported,
) {
    if row.cells.iter().all(|c| c.trim().is_empty()) {
        return;
    }
    out.rows += 1;
    let cell = |c: Col| -> (usize, &str) {
        match cols.iter().position(|x| *x == Some(c)) {
            Some(i) => (i + 1, row.cells.get(i).map_or("", |s| s.trim())),
            None => (0, ""),
        }
    };
    let error = |c: Col, text: &str, kind: ImportErrorKind| {
        let (column, _) = cell(c);
        ImportError {
            row: row.number,
            column,
            header: column
                .checked_sub(1)
                .and_then(|i| headers.get(i))
                .map_or(String::new(), |h| h.trim().to_string()),
            text: text.to_string(),
            kind,
        }
    };
    match kind {
        TableKind::Rules => rule_row(&cell, &error, out),
        TableKind::Areas => area_row(&cell, &error, out),
        TableKind::Schools => school_row(&cell, &error, out),
    }
}

/// School names of a cell: “新古北中学；姚连生中学”, “甲小学、乙小学”.
pub fn school_names(cell: &str) -> Vec<String> {
    clean(cell)
        .split([';', '、', ',', '/', '|'])
        .map(|s| s.trim().trim_end_matches('。').trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn rule_row<'r>(
    cell: &dyn Fn(Col) -> (usize, &'r str),
    error: &dyn Fn(Col, &str, ImportErrorKind) -> ImportError,
    out: &mut Imported,
) {
    let (_, place) = cell(Col::Place);
    let (_, numbers) = cell(Col::Numbers);
    let primary = school_names(cell(Col::Primary).1);
    let middle = school_names(cell(Col::Middle).1);
    if place.is_empty() {
        out.errors
            .push(error(Col::Place, numbers, ImportErrorKind::NoPlace));
        return;
    }
    match parse_place_numbers(place, numbers) {
        Ok(mut rule) => {
            if primary.is_empty() && middle.is_empty() {
                out.errors
                    .push(error(Col::Primary, "", ImportErrorKind::NoSchool));
                return;
            }
            rule.primary = primary;
            rule.middle = middle;
            let note = cell(Col::Note).1;
            if !note.is_empty() {
                rule.note = if rule.note.is_empty() {
                    note.to_string()
                } else {
                    format!("{}；{note}", rule.note)
                };
            }
            out.rules.push(rule);
        }
        Err(e) => {
            let (col, kind) = match e.kind {
                AreaErrorKind::Numbers(s) if !numbers.is_empty() => {
                    (Col::Numbers, ImportErrorKind::Numbers(s.kind))
                }
                AreaErrorKind::Numbers(s) => (Col::Place, ImportErrorKind::Numbers(s.kind)),
                AreaErrorKind::NoPlace => (Col::Place, ImportErrorKind::NoPlace),
                AreaErrorKind::Unclear => (Col::Place, ImportErrorKind::Unclear),
            };
            out.errors.push(error(col, &e.text, kind));
        }
    }
}

/// 学段 from a cell, else from the school's name.
pub fn parse_stage(cell: &str, name: &str) -> Option<Stage> {
    let c = key(cell);
    if c.contains("九年") || c.contains("一贯") || c.contains("小学和初中") {
        return Some(Stage::Both);
    }
    if c.contains("小学") || c == "primary" {
        return Some(Stage::Primary);
    }
    if c.contains("初中") || c.contains("中学") || c == "middle" {
        return Some(Stage::Middle);
    }
    if !c.is_empty() {
        return None;
    }
    let n = key(name);
    if n.contains("九年") || n.ends_with("学校") {
        Some(Stage::Both)
    } else if n.ends_with("小学") {
        Some(Stage::Primary)
    } else if n.ends_with("中学") || n.ends_with("初中") || n.ends_with("中") {
        Some(Stage::Middle)
    } else {
        None
    }
}

fn area_row<'r>(
    cell: &dyn Fn(Col) -> (usize, &'r str),
    error: &dyn Fn(Col, &str, ImportErrorKind) -> ImportError,
    out: &mut Imported,
) {
    let (_, school) = cell(Col::School);
    let (_, area) = cell(Col::Area);
    if school.is_empty() {
        out.errors
            .push(error(Col::School, area, ImportErrorKind::NoSchool));
        return;
    }
    let stage_cell = cell(Col::Stage).1;
    let Some(stage) = parse_stage(stage_cell, school) else {
        out.errors
            .push(error(Col::Stage, stage_cell, ImportErrorKind::UnknownStage));
        return;
    };
    let parsed = parse_area(area);
    for e in parsed.errors {
        let kind = match e.kind {
            AreaErrorKind::NoPlace => ImportErrorKind::NoPlace,
            AreaErrorKind::Numbers(s) => ImportErrorKind::Numbers(s.kind),
            AreaErrorKind::Unclear => ImportErrorKind::Unclear,
        };
        out.errors.push(error(Col::Area, &e.text, kind));
    }
    let name = clean(school);
    for mut rule in parsed.rules {
        if stage.serves_primary() {
            rule.primary = vec![name.clone()];
        }
        if stage.serves_middle() {
            rule.middle = vec![name.clone()];
        }
        out.rules.push(rule);
    }
}

/// 预警等级 from a cell: 红/橙/黄/绿 (色, 预警), 一级/二级; empty or 无 = none. `Err` carries the cell.
pub fn parse_warning_level(cell: &str) -> Result<Option<WarningLevel>, String> {
    let c = key(cell);
    let c = c.trim_end_matches("预警").trim_end_matches('色');
    Ok(Some(match c {
        "" | "无" | "-" | "none" => return Ok(None),
        "红" | "red" => WarningLevel::Red,
        "橙" | "orange" => WarningLevel::Orange,
        "黄" | "yellow" => WarningLevel::Yellow,
        "绿" | "green" => WarningLevel::Green,
        "一级" | "1级" | "1" | "level1" => WarningLevel::Level1,
        "二级" | "2级" | "2" | "level2" => WarningLevel::Level2,
        _ => return Err(cell.to_string()),
    }))
}

fn school_row<'r>(
    cell: &dyn Fn(Col) -> (usize, &'r str),
    error: &dyn Fn(Col, &str, ImportErrorKind) -> ImportError,
    out: &mut Imported,
) {
    let (_, name) = cell(Col::School);
    if name.is_empty() {
        out.errors
            .push(error(Col::School, "", ImportErrorKind::NoSchool));
        return;
    }
    let stage_cell = cell(Col::Stage).1;
    let stage = parse_stage(stage_cell, name);
    if stage.is_none() && !stage_cell.is_empty() {
        out.errors
            .push(error(Col::Stage, stage_cell, ImportErrorKind::UnknownStage));
    }
    let level_cell = cell(Col::Warning).1;
    let text = clean(cell(Col::WarningText).1);
    let warning = match parse_warning_level(level_cell) {
        Ok(Some(level)) => Some(Warning { level, text }),
        Ok(None) => None,
        Err(_) => {
            out.errors.push(error(
                Col::Warning,
                level_cell,
                ImportErrorKind::UnknownWarning,
            ));
            None
        }
    };
    out.schools.push(SchoolRow {
        name: clean(name),
        stage,
        address: clean(cell(Col::Address).1),
        phone: clean(cell(Col::Phone).1),
        warning,
    });
}

/// Replace the rules, or add to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    Replace,
    Append,
}

/// What applying an import would change, shown before anything is replaced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPreview {
    pub rules_before: usize,
    pub rules_after: usize,
    /// Rules in the file that the data does not have yet.
    pub rules_new: usize,
    /// Current rules the import removes.
    pub rules_removed: usize,
    pub schools_added: Vec<String>,
    pub schools_updated: Vec<String>,
    pub errors: usize,
}

/// A rule's content without its original wording: two rules with the same content are the same rule.
struct Content<'a>(&'a Rule);

impl Content<'_> {
    #[allow(clippy::type_complexity)]
    fn parts(
        &self,
    ) -> (
        &PlaceKind,
        &String,
        &Vec<String>,
        &Vec<String>,
        &super::spec::Numbers,
        &Vec<super::model::Exclusion>,
        &String,
        &Vec<String>,
        &Vec<String>,
        &String,
    ) {
        let r = self.0;
        (
            &r.kind, &r.name, &r.aliases, &r.roads, &r.numbers, &r.except, &r.part, &r.primary,
            &r.middle, &r.note,
        )
    }
}

impl PartialEq for Content<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for Content<'_> {}

impl Hash for Content<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

/// What [`apply_import`] would do. Linear in the number of rules, so that a file of 10⁵ rows previews
/// at once.
pub fn preview_import(
    schools: &[School],
    data: &DistrictData,
    imported: &Imported,
    mode: ImportMode,
) -> ImportPreview {
    use std::collections::HashSet;
    let mut p = ImportPreview {
        rules_before: data.rules.len(),
        errors: imported.errors.len(),
        ..ImportPreview::default()
    };
    let current: HashSet<Content> = data.rules.iter().map(Content).collect();
    let incoming: HashSet<Content> = imported.rules.iter().map(Content).collect();
    p.rules_new = imported
        .rules
        .iter()
        .filter(|r| !current.contains(&Content(r)))
        .count();
    let replaces = mode == ImportMode::Replace && !imported.rules.is_empty();
    p.rules_removed = if replaces {
        data.rules
            .iter()
            .filter(|o| !incoming.contains(&Content(o)))
            .count()
    } else {
        0
    };
    p.rules_after = if replaces {
        imported.rules.len()
    } else {
        data.rules.len() + imported.rules.len()
    };
    for row in &imported.schools {
        match schools.iter().find(|s| key(&s.name) == key(&row.name)) {
            None => p.schools_added.push(row.name.clone()),
            Some(s) if *s != updated_school(s, row) => p.schools_updated.push(row.name.clone()),
            Some(_) => {}
        }
    }
    p
}

fn updated_school(s: &School, row: &SchoolRow) -> School {
    let mut s = s.clone();
    if let Some(stage) = row.stage {
        s.stage = stage;
    }
    s.address = row.address.clone();
    s.phone = row.phone.clone();
    s.warning = row.warning.clone();
    s
}

/// Applies an import: rules replace (or join) the current ones; school rows update the school with the
/// same name (keeping its id) or add a new one.
pub fn apply_import(
    schools: &mut Vec<School>,
    data: &mut DistrictData,
    imported: &Imported,
    mode: ImportMode,
) {
    if !imported.rules.is_empty() {
        if mode == ImportMode::Replace {
            data.rules.clear();
        }
        data.rules.extend(imported.rules.iter().cloned());
    }
    for row in &imported.schools {
        match schools.iter().position(|s| key(&s.name) == key(&row.name)) {
            Some(i) => schools[i] = updated_school(&schools[i], row),
            None => {
                let mut s = School::new(schools, &row.name, row.stage.unwrap_or_default());
                s = updated_school(&s, row);
                schools.push(s);
            }
        }
    }
}
