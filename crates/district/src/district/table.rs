//! Importing district tables: bytes (CSV in UTF-8 with or without BOM, UTF-16, or a legacy encoding
//! such as GBK decoded by a function the caller passes; or XLSX) into rows, then rows into rules or
//! schools by the header: rule rows `道路或小区,门牌号,对口小学,对口初中,备注`, school rows
//! `学校,学段,服务区域`, or the school list `学校,学段,地址,电话,预警等级,预警说明`. Every error names the
//! row, the column and the offending text; the other rows are kept.

use std::hash::{Hash, Hasher};
use thiserror::Error;

use super::area::{parse_fragments, parse_place_numbers, AreaErrorKind};
pub use super::mapping::TableKind;
use super::mapping::{suggest, Mapping, Role};
use super::model::{AreaText, DistrictData, Fragment, FragmentState, PlaceKind, Rule};
use super::normalize::{clean, key};
use super::spec::SpecErrorKind;
pub use super::xlsx::Row;
use super::xlsx::{read_sheet, XlsxError};
use crate::school::{School, Stage, Warning, WarningLevel};

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
    /// The 服务区域 texts read, fragment by fragment (fragment ids count from 1 in the file; applying
    /// the import numbers them anew).
    pub areas: Vec<AreaText>,
    /// Rows that are notes, not data (“说明：…”), with their row numbers.
    pub notes: Vec<(usize, String)>,
    /// The column mapping the rows were read with.
    pub mapping: Option<Mapping>,
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
            areas: Vec::new(),
            notes: Vec::new(),
            mapping: None,
        }
    }

    /// Fragments of the 服务区域 texts that were not understood.
    pub fn unread(&self) -> impl Iterator<Item = (&AreaText, &Fragment)> {
        self.areas.iter().flat_map(|a| {
            a.fragments
                .iter()
                .filter(|f| f.state == FragmentState::Unread)
                .map(move |f| (a, f))
        })
    }

    /// Fragments read only as possible matches.
    pub fn possible(&self) -> impl Iterator<Item = (&AreaText, &Fragment)> {
        self.areas.iter().flat_map(|a| {
            a.fragments
                .iter()
                .filter(|f| f.state == FragmentState::Possible)
                .map(move |f| (a, f))
        })
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
    import_with(
        bytes,
        &ImportOptions {
            file_name: "",
            sheet,
            mapping: None,
            legacy,
        },
    )
}

/// How a file is read: its name and sheet (either may say 小学 or 初中), and the column mapping the
/// bureau confirmed (`None`: the mapping the headings suggest).
#[derive(Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    pub file_name: &'a str,
    pub sheet: Option<&'a str>,
    pub mapping: Option<&'a Mapping>,
    pub legacy: Option<LegacyDecoder<'a>>,
}

/// Reads a district file with the given options (see [`import_file`]).
pub fn import_with(bytes: &[u8], opts: &ImportOptions) -> Imported {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Imported::failed(ImportError::file(ImportErrorKind::Empty));
    }
    let rows = if is_xlsx(bytes) {
        match read_sheet(bytes, opts.sheet) {
            Ok(rows) => rows,
            Err(e) => return Imported::failed(ImportError::file(ImportErrorKind::Xlsx(e))),
        }
    } else {
        match csv_file_rows(bytes, opts.legacy) {
            Ok(rows) => rows,
            Err(e) => return Imported::failed(e),
        }
    };
    // The sheet read (the first, unless one is named) may say the 学段.
    let first_sheet = if opts.sheet.is_none() && is_xlsx(bytes) {
        super::xlsx::sheet_names(bytes)
            .ok()
            .and_then(|names| names.into_iter().next())
    } else {
        None
    };
    let hint = opts
        .sheet
        .or(first_sheet.as_deref())
        .and_then(stage_hint)
        .or_else(|| stage_hint(opts.file_name));
    let mut job = match opts.mapping {
        Some(m) => ImportJob::with_mapping(&rows, m.clone(), hint),
        None => ImportJob::new(&rows),
    };
    job.hint = job.hint.or(hint);
    while !job.step(usize::MAX) {}
    job.finish()
}

/// The 学段 a file or sheet name gives (“小学”, “2024年初中招生范围”), when it names one only.
pub fn stage_hint(name: &str) -> Option<Stage> {
    let k = key(name);
    let primary = k.contains("小学");
    let middle = k.contains("初中") || k.contains("中学");
    match (primary, middle) {
        (true, false) => Some(Stage::Primary),
        (false, true) => Some(Stage::Middle),
        _ => None,
    }
}

/// The error of a file whose header cannot be found.
fn no_header(rows: &[Row]) -> ImportError {
    let first = rows
        .iter()
        .find(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
    match first {
        None => ImportError::file(ImportErrorKind::Empty),
        Some(r) => ImportError {
            row: r.number,
            column: 1,
            header: String::new(),
            text: r.cells.join(","),
            kind: ImportErrorKind::NoHeader,
        },
    }
}

/// Reads rows: finds the header among the top rows, then each data row.
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
    mapping: Option<Mapping>,
    kind: Option<TableKind>,
    /// The 学段 the file or sheet name gives, for rows that do not say.
    pub hint: Option<Stage>,
    next: usize,
    /// The cells of the roles that fill down, as last seen.
    above: Vec<(Role, String)>,
    /// The last area row: its text and 学段, and where its rules and text are in `out`.
    last_area: Option<LastArea>,
    out: Imported,
}

struct LastArea {
    text: String,
    stage: Stage,
    town: String,
    rules: std::ops::Range<usize>,
    area: usize,
}

impl<'r> ImportJob<'r> {
    /// Reads with the mapping the headings suggest.
    pub fn new(rows: &'r [Row]) -> Self {
        match suggest(rows) {
            Some(m) if m.kind().is_some() => ImportJob::with_mapping(rows, m, None),
            _ => ImportJob {
                rows,
                mapping: None,
                kind: None,
                hint: None,
                next: rows.len(),
                above: Vec::new(),
                last_area: None,
                out: Imported::failed(no_header(rows)),
            },
        }
    }

    /// Reads with a mapping the bureau confirmed.
    pub fn with_mapping(rows: &'r [Row], mapping: Mapping, hint: Option<Stage>) -> Self {
        let kind = mapping.kind();
        let out = match kind {
            Some(kind) => Imported {
                kind: Some(kind),
                mapping: Some(mapping.clone()),
                ..Imported::failed(ImportError::file(ImportErrorKind::Empty))
            },
            None => Imported::failed(no_header(rows)),
        };
        let out = if kind.is_some() {
            Imported {
                errors: Vec::new(),
                ..out
            }
        } else {
            out
        };
        ImportJob {
            rows,
            next: if kind.is_some() {
                mapping.header + 1
            } else {
                rows.len()
            },
            mapping: Some(mapping),
            kind,
            hint,
            above: Vec::new(),
            last_area: None,
            out,
        }
    }

    /// Reads at most `max_rows` more rows; true when every row has been read.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let (Some(mapping), Some(kind)) = (self.mapping.clone(), self.kind) else {
            return true;
        };
        let end = self.next.saturating_add(max_rows).min(self.rows.len());
        let headers = &self.rows[mapping.header].cells;
        for i in self.next..end {
            let row = &self.rows[i];
            self.read_row(row, headers, &mapping, kind);
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

    fn read_row(&mut self, row: &Row, headers: &[String], mapping: &Mapping, kind: TableKind) {
        let nonempty: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if nonempty.is_empty() {
            return;
        }
        // The header again (a long table printed over several pages).
        if row.cells.iter().zip(headers).all(|(c, h)| key(c) == key(h)) {
            return;
        }
        // A note under the table (“说明：…”, “注：…”), or one cell across it.
        let filled: Vec<Option<Role>> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
            .map(|(i, _)| mapping.roles.get(i).copied().flatten())
            .collect();
        let note_start = ["说明", "注:", "注1", "备注:", "附:", "附注", "温馨提示"]
            .iter()
            .any(|w| clean(nonempty[0]).starts_with(w));
        let school_given = filled.contains(&Some(Role::School));
        let content = |r: &Option<Role>| {
            matches!(
                r,
                Some(
                    Role::Area
                        | Role::Place
                        | Role::Numbers
                        | Role::Primary
                        | Role::Middle
                        | Role::School
                )
            )
        };
        let lone = filled.len() == 1 && !content(&filled[0]);
        if kind != TableKind::Schools && (note_start && !school_given || lone) {
            self.out.notes.push((row.number, nonempty.join(" ")));
            return;
        }
        self.out.rows += 1;
        let mut cells: Vec<(Option<Role>, String)> = Vec::with_capacity(mapping.roles.len());
        for (i, role) in mapping.roles.iter().enumerate() {
            let text = row.cells.get(i).map_or("", |s| s.trim()).to_string();
            cells.push((*role, text));
        }
        // Merged cells exported as empty ones: the cell above.
        for (role, text) in cells.iter_mut() {
            let Some(r) = role.filter(|r| r.fills_down()) else {
                continue;
            };
            if text.is_empty() {
                if let Some((_, above)) = self.above.iter().find(|(x, _)| *x == r) {
                    *text = above.clone();
                }
            } else {
                self.above.retain(|(x, _)| *x != r);
                self.above.push((r, text.clone()));
            }
        }
        let cell = |c: Role| -> (usize, &str) {
            match mapping.column(c) {
                Some(i) => (i + 1, cells[i].1.as_str()),
                None => (0, ""),
            }
        };
        let error = |c: Role, text: &str, kind: ImportErrorKind| {
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
            TableKind::Rules => rule_row(&cell, &error, &mut self.out),
            TableKind::Areas => {
                let last = self.last_area.take();
                self.last_area =
                    area_row(row.number, &cell, &error, self.hint, last, &mut self.out);
            }
            TableKind::Schools => school_row(&cell, &error, &mut self.out),
        }
    }
}

/// The town a 学区 / 片区 name stands for (“化龙片” 化龙, “市桥城区” 市桥, “南村” 南村): its places are
/// then told apart from a village of the same name in another 学区. Nothing for names that are no
/// place (“第一学区”, “西片”).
pub fn town_of_group(group: &str) -> String {
    let mut g = key(group);
    for suffix in ["城区", "片区", "学区", "片", "区"] {
        if let Some(stem) = g.strip_suffix(suffix) {
            g = stem.to_string();
            break;
        }
    }
    let plain = g
        .chars()
        .all(|c| !c.is_ascii() && !super::normalize::is_chinese_numeral(c))
        && !g.starts_with('第');
    if plain && (2..=4).contains(&g.chars().count()) {
        g
    } else {
        String::new()
    }
}

/// A school's name out of a heading such as “（01） 2026年广州市越秀区东山培正小学一年级新生登记范围”:
/// without the number, the year and the words about the table.
pub fn school_of_heading(cell: &str) -> String {
    let mut s = clean(cell);
    // “(01)”, “1.”, “一、”
    let trimmed = s.trim_start();
    let enumerated = trimmed
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .filter(|(n, _)| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_digit() || super::normalize::is_chinese_numeral(c))
        })
        .map(|(_, rest)| rest.to_string());
    if let Some(rest) = enumerated {
        s = rest;
    }
    let s = s.trim();
    // “2026年”
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let s = match s.get(digits..) {
        Some(rest) if digits == 4 && rest.starts_with('年') => &rest['年'.len_utf8()..],
        _ => s,
    };
    let mut s = s.trim().to_string();
    for tail in [
        "一年级新生登记范围",
        "新生登记范围",
        "一年级新生",
        "登记范围",
        "招生范围",
        "服务范围",
        "招生地段",
        "划片范围",
    ] {
        if let Some(rest) = s.strip_suffix(tail) {
            s = rest.trim().to_string();
            break;
        }
    }
    s
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
    cell: &dyn Fn(Role) -> (usize, &'r str),
    error: &dyn Fn(Role, &str, ImportErrorKind) -> ImportError,
    out: &mut Imported,
) {
    let (_, place) = cell(Role::Place);
    let (_, numbers) = cell(Role::Numbers);
    let primary = school_names(cell(Role::Primary).1);
    let middle = school_names(cell(Role::Middle).1);
    if place.is_empty() {
        out.errors
            .push(error(Role::Place, numbers, ImportErrorKind::NoPlace));
        return;
    }
    match parse_place_numbers(place, numbers) {
        Ok(mut rule) => {
            if primary.is_empty() && middle.is_empty() {
                out.errors
                    .push(error(Role::Primary, "", ImportErrorKind::NoSchool));
                return;
            }
            rule.primary = primary;
            rule.middle = middle;
            let note = cell(Role::Note).1;
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
                    (Role::Numbers, ImportErrorKind::Numbers(s.kind))
                }
                AreaErrorKind::Numbers(s) => (Role::Place, ImportErrorKind::Numbers(s.kind)),
                AreaErrorKind::NoPlace => (Role::Place, ImportErrorKind::NoPlace),
                AreaErrorKind::Unclear => (Role::Place, ImportErrorKind::Unclear),
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
    // “东大街一小”, “师大附小”: short names of primary schools.
    let short_primary = n.ends_with("附小")
        || n.strip_suffix('小')
            .and_then(|r| r.chars().last())
            .is_some_and(super::normalize::is_chinese_numeral);
    // “八一实验学校(小学部)”: the part of a school a table gives.
    if n.contains("小学部") {
        return Some(Stage::Primary);
    }
    if n.contains("初中部") || n.contains("中学部") {
        return Some(Stage::Middle);
    }
    if n.contains("九年") || n.ends_with("学校") {
        Some(Stage::Both)
    } else if n.ends_with("小学") || short_primary {
        Some(Stage::Primary)
    } else if n.ends_with("中学") || n.ends_with("初中") || n.ends_with("中") {
        Some(Stage::Middle)
    } else {
        None
    }
}

/// One row of a `学校,学段,服务区域` table. The schools come with the table (a school row each, added
/// to the list if missing). A row whose text is the last row's (a merged cell over several schools) adds
/// its schools to that text's rules: the answer lists them all. Returns the row's text for the next row.
fn area_row<'r>(
    number: usize,
    cell: &dyn Fn(Role) -> (usize, &'r str),
    error: &dyn Fn(Role, &str, ImportErrorKind) -> ImportError,
    hint: Option<Stage>,
    last: Option<LastArea>,
    out: &mut Imported,
) -> Option<LastArea> {
    let (_, school) = cell(Role::School);
    let (_, area) = cell(Role::Area);
    let names: Vec<String> = school_names(school)
        .iter()
        .map(|n| school_of_heading(n))
        .filter(|n| !n.is_empty())
        .collect();
    // Schools of the other 学段 the row gives (“对口中学” beside a primary school's area).
    let feeder_primary = school_names(cell(Role::Primary).1);
    let feeder_middle = school_names(cell(Role::Middle).1);
    if names.is_empty() {
        out.errors
            .push(error(Role::School, area, ImportErrorKind::NoSchool));
        return last;
    }
    let stage_cell = cell(Role::Stage).1;
    let stage = if stage_cell.is_empty() {
        hint.or_else(|| parse_stage("", &names[0]))
    } else {
        parse_stage(stage_cell, "")
    };
    let Some(stage) = stage else {
        out.errors.push(error(
            Role::Stage,
            stage_cell,
            ImportErrorKind::UnknownStage,
        ));
        return last;
    };
    for name in &names {
        let row = SchoolRow {
            name: name.clone(),
            stage: Some(stage),
            address: clean(cell(Role::Address).1),
            phone: clean(cell(Role::Phone).1),
            warning: None,
        };
        if !out.schools.iter().any(|s| key(&s.name) == key(name)) {
            out.schools.push(row);
        }
    }
    let town = match clean(cell(Role::Street).1) {
        t if !t.is_empty() => t,
        _ => town_of_group(cell(Role::Group).1),
    };
    let area = area.trim();
    if area.is_empty() {
        return None;
    }
    // The same text as the row above: a cell merged over several schools.
    if let Some(last) = last.filter(|l| l.text == area && l.stage == stage && l.town == town) {
        let a = &mut out.areas[last.area];
        for name in &names {
            if !a.schools.contains(name) {
                a.schools.push(name.clone());
            }
        }
        for rule in &mut out.rules[last.rules.clone()] {
            for name in &names {
                let list = if stage.serves_primary() {
                    &mut rule.primary
                } else {
                    &mut rule.middle
                };
                if !list.contains(name) {
                    list.push(name.clone());
                }
                if stage == Stage::Both && !rule.middle.contains(name) {
                    rule.middle.push(name.clone());
                }
            }
        }
        return Some(last);
    }
    let first_rule = out.rules.len();
    let mut next_id = out
        .areas
        .iter()
        .map(|a| a.fragments.len() as u32)
        .sum::<u32>()
        .saturating_add(1);
    let mut fragments = Vec::new();
    for f in parse_fragments(area) {
        let id = next_id;
        next_id = next_id.saturating_add(1);
        for mut rule in f.rules {
            if stage.serves_primary() {
                rule.primary = names.clone();
            } else {
                rule.primary = feeder_primary.clone();
            }
            if stage.serves_middle() {
                rule.middle = names.clone();
            } else {
                rule.middle = feeder_middle.clone();
            }
            if rule.town.is_empty() {
                rule.town = town.clone();
            }
            rule.fragment = id;
            out.rules.push(rule);
        }
        fragments.push(Fragment {
            id,
            start: f.start as u32,
            text: f.text,
            fix: None,
            state: f.state,
        });
    }
    out.areas.push(AreaText {
        schools: names,
        stage,
        row: number,
        town: town.clone(),
        text: area.to_string(),
        fragments,
    });
    Some(LastArea {
        text: area.to_string(),
        stage,
        town,
        rules: first_rule..out.rules.len(),
        area: out.areas.len() - 1,
    })
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
    cell: &dyn Fn(Role) -> (usize, &'r str),
    error: &dyn Fn(Role, &str, ImportErrorKind) -> ImportError,
    out: &mut Imported,
) {
    let (_, name) = cell(Role::School);
    if name.is_empty() {
        out.errors
            .push(error(Role::School, "", ImportErrorKind::NoSchool));
        return;
    }
    let stage_cell = cell(Role::Stage).1;
    let stage = parse_stage(stage_cell, name);
    if stage.is_none() && !stage_cell.is_empty() {
        out.errors.push(error(
            Role::Stage,
            stage_cell,
            ImportErrorKind::UnknownStage,
        ));
    }
    let level_cell = cell(Role::Warning).1;
    let text = clean(cell(Role::WarningText).1);
    let warning = match parse_warning_level(level_cell) {
        Ok(Some(level)) => Some(Warning { level, text }),
        Ok(None) => None,
        Err(_) => {
            out.errors.push(error(
                Role::Warning,
                level_cell,
                ImportErrorKind::UnknownWarning,
            ));
            None
        }
    };
    out.schools.push(SchoolRow {
        name: clean(name),
        stage,
        address: clean(cell(Role::Address).1),
        phone: clean(cell(Role::Phone).1),
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
    /// Fragments of 服务区域 texts not understood (kept as unread text).
    pub unread: usize,
    /// Fragments read as possible matches only.
    pub possible: usize,
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
        &String,
    ) {
        let r = self.0;
        (
            &r.kind, &r.name, &r.aliases, &r.roads, &r.numbers, &r.except, &r.part, &r.primary,
            &r.middle, &r.note, &r.town,
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
    let only_add = imported.kind != Some(TableKind::Schools);
    // Each school once, however many rows name it (by its name or another of its names).
    let mut seen_new = HashSet::new();
    let mut seen_known = HashSet::new();
    for row in &imported.schools {
        match find_school(schools, &row.name) {
            None if seen_new.insert(key(&row.name)) => p.schools_added.push(row.name.clone()),
            Some(i)
                if schools[i] != updated_school(&schools[i], row, only_add)
                    && seen_known.insert(i) =>
            {
                p.schools_updated.push(schools[i].name.clone())
            }
            _ => {}
        }
    }
    p.unread = imported.unread().count();
    p.possible = imported.possible().count();
    p
}

/// The school of the list a row names: by name, else by one of its other names.
fn find_school(schools: &[School], name: &str) -> Option<usize> {
    let k = key(name);
    schools.iter().position(|s| key(&s.name) == k).or_else(|| {
        schools
            .iter()
            .position(|s| s.aliases.iter().any(|a| key(a) == k))
    })
}

/// A school as a row updates it. A school list's row sets every field; a row of a 服务区域 table
/// (`only_add`) only fills what the list leaves empty.
fn updated_school(s: &School, row: &SchoolRow, only_add: bool) -> School {
    let mut s = s.clone();
    if only_add {
        if s.address.is_empty() {
            s.address = row.address.clone();
        }
        if s.phone.is_empty() {
            s.phone = row.phone.clone();
        }
        return s;
    }
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
    if !imported.rules.is_empty() || !imported.areas.is_empty() {
        if mode == ImportMode::Replace {
            data.rules.clear();
            data.areas.clear();
        }
        // The file's fragment ids, numbered anew so that none is taken in the data.
        let mut ids = FragmentIds::new(data);
        let mut renumber = std::collections::HashMap::new();
        for a in &imported.areas {
            let mut a = a.clone();
            for f in &mut a.fragments {
                let id = ids.take();
                renumber.insert(f.id, id);
                f.id = id;
            }
            data.areas.push(a);
        }
        data.rules
            .extend(imported.rules.iter().cloned().map(|mut r| {
                r.fragment = renumber.get(&r.fragment).copied().unwrap_or(0);
                r
            }));
    }
    let only_add = imported.kind != Some(TableKind::Schools);
    for row in &imported.schools {
        match find_school(schools, &row.name) {
            Some(i) => schools[i] = updated_school(&schools[i], row, only_add),
            None => {
                let mut s = School::new(schools, &row.name, row.stage.unwrap_or_default());
                s = updated_school(&s, row, false);
                schools.push(s);
            }
        }
    }
}

/// Fragment ids not in use in the data, smallest first (they do not depend on the largest in use).
pub struct FragmentIds {
    used: std::collections::HashSet<u32>,
    next: u32,
}

impl FragmentIds {
    pub fn new(data: &DistrictData) -> Self {
        FragmentIds {
            used: data
                .areas
                .iter()
                .flat_map(|a| a.fragments.iter().map(|f| f.id))
                .chain(data.rules.iter().map(|r| r.fragment))
                .collect(),
            next: 1,
        }
    }

    /// The next id; ids run out only after 2³² − 1 fragments, which no import reaches (`u32::MAX`
    /// is then given again, and the review shows those fragments together).
    pub fn take(&mut self) -> u32 {
        while self.used.contains(&self.next) && self.next < u32::MAX {
            self.next += 1;
        }
        let id = self.next;
        self.used.insert(id);
        id
    }
}
