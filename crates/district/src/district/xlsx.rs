//! Reading the cells of one sheet of an XLSX workbook: bytes in, rows of text out. Built on `zip`
//! (deflate) and `quick-xml`, the two crates calamine itself uses, without calamine's encoding tables
//! (docs/dependencies.md has the measured sizes). Pure, so it can live in a lazily loaded module.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::table::Row;

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
}

type Archive<'a> = zip_read::ZipArchive<Cursor<&'a [u8]>>;

fn part(ar: &mut Archive, name: &str) -> Result<Option<String>, XlsxError> {
    let mut file = match ar.by_name(name) {
        Ok(f) => f,
        Err(zip_read::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(XlsxError::BadPart(name.to_string())),
    };
    let mut s = String::new();
    file.read_to_string(&mut s)
        .map_err(|_| XlsxError::BadPart(name.to_string()))?;
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
    loop {
        let ev = r
            .read_event()
            .map_err(|_| XlsxError::BadPart(path.clone()))?;
        match &ev {
            Event::Start(e) if e.local_name().as_ref() == "row" => {
                let number = attr(e, "r")
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(rows.last().map_or(1, |r| r.number + 1));
                row = Some(Row {
                    number,
                    cells: Vec::new(),
                });
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
    Ok(rows)
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
    fn not_a_zip() {
        assert_eq!(read_sheet(b"a,b\n", None), Err(XlsxError::NotXlsx));
    }
}
