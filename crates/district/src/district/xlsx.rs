//! Reading the cells of one sheet of an XLSX workbook: bytes in, rows of text out. Built on `zip`
//! (deflate) and `quick-xml`, the two crates calamine itself uses, without calamine's encoding tables
//! (docs/dependencies.md has the measured sizes). Pure, so it can live in a lazily loaded module.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// One row of a table as read: its number in the file (1-based) and its cells. Serialisable, so that
/// the rows of an XLSX sheet can cross from the lazily loaded module that reads them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// Why a workbook could not be read (serialisable: it crosses from the module that reads workbooks).
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum XlsxError {
    #[error("not an XLSX file")]
    NotXlsx,
    #[error("part {0} missing")]
    MissingPart(String),
    #[error("part {0} unreadable")]
    BadPart(String),
    #[error("no sheet named {0}")]
    NoSuchSheet(String),
    #[error("no sheet")]
    NoSheet,
    /// A part larger, uncompressed, than [`MAX_PART_BYTES`] (a small file can unpack to gigabytes).
    #[error("part {0} too large")]
    TooLarge(String),
}

/// The largest uncompressed part read (a sheet of a district table is a few megabytes).
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The last row number a sheet can have (Excel's limit).
pub const MAX_ROW: usize = 1_048_576;

/// A merged range: (first row, first column), (last row, last column), 1-based rows, 0-based columns.
type Merge = ((usize, usize), (usize, usize));

type Archive<'a> = zip_read::ZipArchive<Cursor<&'a [u8]>>;

fn part(ar: &mut Archive, name: &str) -> Result<Option<String>, XlsxError> {
    let mut file = match ar.by_name(name) {
        Ok(f) => f,
        Err(zip_read::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(XlsxError::BadPart(name.to_string())),
    };
    let mut s = String::new();
    let mut limited = (&mut file).take(MAX_PART_BYTES + 1);
    limited
        .read_to_string(&mut s)
        .map_err(|_| XlsxError::BadPart(name.to_string()))?;
    if s.len() as u64 > MAX_PART_BYTES {
        return Err(XlsxError::TooLarge(name.to_string()));
    }
    Ok(Some(s))
}

fn required(ar: &mut Archive, name: &str) -> Result<String, XlsxError> {
    part(ar, name)?.ok_or_else(|| XlsxError::MissingPart(name.to_string()))
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Sheets in workbook order: (name, part path).
fn sheets(ar: &mut Archive) -> Result<Vec<(String, String)>, XlsxError> {
    let workbook = required(ar, "xl/workbook.xml")?;
    let rels = part(ar, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let mut targets = HashMap::new();
    let mut r = Reader::from_str(&rels);
    loop {
        match r.read_event() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(t)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    let path = match t.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None => format!("xl/{t}"),
                    };
                    targets.insert(id, path);
                }
            }
            Ok(Event::Eof) => break,
            Err(_) => return Err(XlsxError::BadPart("xl/_rels/workbook.xml.rels".into())),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut r = Reader::from_str(&workbook);
    loop {
        match r.read_event() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == "sheet" => {
                let name = attr(&e, "name").unwrap_or_default();
                let path = attr(&e, "id")
                    .and_then(|id| targets.get(&id).cloned())
                    .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", out.len() + 1));
                out.push((name, path));
            }
            Ok(Event::Eof) => break,
            Err(_) => return Err(XlsxError::BadPart("xl/workbook.xml".into())),
            _ => {}
        }
    }
    Ok(out)
}

fn open(bytes: &[u8]) -> Result<Archive<'_>, XlsxError> {
    zip_read::ZipArchive::new(Cursor::new(bytes)).map_err(|_| XlsxError::NotXlsx)
}

/// The sheet names of a workbook, in order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, XlsxError> {
    let mut ar = open(bytes)?;
    Ok(sheets(&mut ar)?.into_iter().map(|(n, _)| n).collect())
}

/// Text of a run of character data and entity references.
fn push_text(out: &mut String, ev: &Event) {
    match ev {
        Event::Text(t) => out.push_str(t),
        Event::CData(t) => out.push_str(t),
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                out.push(c);
            } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(r) {
                out.push_str(s);
            }
        }
        _ => {}
    }
}

fn shared_strings(ar: &mut Archive) -> Result<Vec<String>, XlsxError> {
    let Some(xml) = part(ar, "xl/sharedStrings.xml")? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut r = Reader::from_str(&xml);
    let mut current = String::new();
    let mut in_t = false;
    let mut in_phonetic = false;
    loop {
        let ev = r
            .read_event()
            .map_err(|_| XlsxError::BadPart("xl/sharedStrings.xml".into()))?;
        match &ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => current.clear(),
                "t" => in_t = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "si" => out.push(std::mem::take(&mut current)),
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => out.push(String::new()),
            Event::Eof => break,
            _ if in_t && !in_phonetic => push_text(&mut current, &ev),
            _ => {}
        }
    }
    Ok(out)
}

/// Column index (0-based) of a cell reference such as “B3”.
fn column_of(reference: &str) -> Option<usize> {
    let mut n = 0usize;
    let mut any = false;
    for c in reference.chars().take_while(char::is_ascii_alphabetic) {
        n = n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1);
        any = true;
        if n > 16_384 {
            return None;
        }
    }
    any.then(|| n - 1)
}

/// “12.0” → “12”; other numbers as written.
fn number_text(v: &str) -> String {
    match v.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        _ => v.to_string(),
    }
}

/// The rows of a sheet (the first one, or the one named), numbered as Excel numbers them.
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Row>, XlsxError> {
    let mut ar = open(bytes)?;
    let list = sheets(&mut ar)?;
    let path = match sheet {
        Some(name) => list
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.clone())
            .ok_or_else(|| XlsxError::NoSuchSheet(name.to_string()))?,
        None => list
            .first()
            .map(|(_, p)| p.clone())
            .ok_or(XlsxError::NoSheet)?,
    };
    let strings = shared_strings(&mut ar)?;
    let xml = required(&mut ar, &path)?;
    let mut r = Reader::from_str(&xml);
    let mut rows: Vec<Row> = Vec::new();
    let mut row: Option<Row> = None;
    let mut cell_col = 0usize;
    let mut cell_type = String::new();
    let mut value = String::new();
    let mut in_value = false;
    let mut merges: Vec<Merge> = Vec::new();
    loop {
        let ev = r
            .read_event()
            .map_err(|_| XlsxError::BadPart(path.clone()))?;
        match &ev {
            Event::Start(e) if e.local_name().as_ref() == "row" => {
                // The row's number as written, else one past the last; a number Excel cannot have
                // is a damaged file. Rows keep the file's order either way.
                let number = match attr(e, "r") {
                    Some(n) => n.trim().parse::<usize>().ok(),
                    None => rows.last().map_or(Some(1), |r| r.number.checked_add(1)),
                };
                let number = number
                    .filter(|n| (1..=MAX_ROW).contains(n))
                    .ok_or_else(|| XlsxError::BadPart(path.clone()))?;
                row = Some(Row {
                    number,
                    cells: Vec::new(),
                });
            }
            Event::Empty(e) if e.local_name().as_ref() == "mergeCell" => {
                if let Some(range) = attr(e, "ref").and_then(|r| merge_range(&r)) {
                    merges.push(range);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                if let Some(done) = row.take() {
                    rows.push(done);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "c" => {
                let next = row.as_ref().map_or(0, |r| r.cells.len());
                cell_col = attr(e, "r").and_then(|c| column_of(&c)).unwrap_or(next);
                cell_type = attr(e, "t").unwrap_or_default();
                value.clear();
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_value = true,
            Event::End(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_value = false,
            Event::End(e) if e.local_name().as_ref() == "c" => {
                let text = match cell_type.as_str() {
                    "s" => value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| strings.get(i).cloned())
                        .unwrap_or_default(),
                    "b" => if value.trim() == "1" { "TRUE" } else { "FALSE" }.to_string(),
                    "inlineStr" | "str" | "e" => value.clone(),
                    _ => number_text(value.trim()),
                };
                if let Some(row) = row.as_mut() {
                    if row.cells.len() <= cell_col {
                        row.cells.resize(cell_col + 1, String::new());
                    }
                    row.cells[cell_col] = text;
                }
            }
            Event::Eof => break,
            _ if in_value => push_text(&mut value, &ev),
            _ => {}
        }
    }
    fill_merges(&mut rows, &merges);
    Ok(rows)
}

/// The cells of a merged range (“A2:A5”): (row, column) of its first and last cell, 1-based rows.
fn merge_range(reference: &str) -> Option<Merge> {
    let (a, b) = reference.split_once(':')?;
    let cell = |r: &str| -> Option<(usize, usize)> {
        let col = column_of(r)?;
        let row: usize = r
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()?;
        Some((row, col))
    };
    let (first, last) = (cell(a)?, cell(b)?);
    (first.0 <= last.0 && first.1 <= last.1 && last.0 <= MAX_ROW).then_some((first, last))
}

/// A merged cell holds its value in its first cell only: every cell of the range shows it, as the
/// table does on screen (a school's name over several rows of its area, one area over several
/// schools). Ranges over more than 10⁵ cells are left as they are.
fn fill_merges(rows: &mut [Row], merges: &[Merge]) {
    for &((r0, c0), (r1, c1)) in merges {
        if (r1 - r0 + 1).saturating_mul(c1 - c0 + 1) > 100_000 {
            continue;
        }
        let Some(value) = rows
            .iter()
            .find(|r| r.number == r0)
            .and_then(|r| r.cells.get(c0))
            .cloned()
        else {
            continue;
        };
        for row in rows.iter_mut().filter(|r| (r0..=r1).contains(&r.number)) {
            if row.cells.len() <= c1 {
                row.cells.resize(c1 + 1, String::new());
            }
            for cell in &mut row.cells[c0..=c1] {
                if cell.is_empty() {
                    cell.clone_from(&value);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_numbers() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("12"), None);
        assert_eq!(number_text("12.0"), "12");
        assert_eq!(number_text("1.5"), "1.5");
        assert_eq!(number_text("x"), "x");
    }

    #[test]
    fn merged_cells_show_their_value_in_every_cell() {
        let mut rows = vec![
            Row {
                number: 2,
                cells: vec!["甲小学".into(), "长青路".into()],
            },
            Row {
                number: 3,
                cells: vec![String::new(), "青年路".into()],
            },
            Row {
                number: 4,
                cells: vec!["乙小学".into()],
            },
        ];
        fill_merges(
            &mut rows,
            &[merge_range("A2:A3").unwrap(), merge_range("B3:B4").unwrap()],
        );
        assert_eq!(rows[1].cells, ["甲小学", "青年路"]);
        assert_eq!(rows[2].cells, ["乙小学", "青年路"]);
        assert_eq!(merge_range("B3:A1"), None);
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(read_sheet(b"a,b\n", None), Err(XlsxError::NotXlsx));
    }
}
