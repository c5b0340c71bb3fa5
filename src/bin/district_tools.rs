//! The district tools as a wasm module of their own, loaded on first use so that the workbench's
//! first load carries neither the XLSX reader (zip, inflate, quick-xml) nor the pinyin table
//! (docs/performance.md): the sheets and rows of a workbook when the bureau imports an XLSX file, and
//! the pinyin readings of place names when it publishes. Data crosses as bytes and JSON.

use gongkai::district::pinyin::readings;
use gongkai::district::xlsx::{read_sheet, sheet_names};
use wasm_bindgen::prelude::*;

fn main() {
    // A panic here fails that import or publish; the app itself keeps running.
    gongkai::web::fatal::install_module_panic_hook("district-tools");
}

/// The sheet names of a workbook: JSON of `Result<Vec<String>, XlsxError>`.
#[wasm_bindgen]
pub fn xlsx_sheets(bytes: &[u8]) -> String {
    serde_json::to_string(&sheet_names(bytes)).unwrap_or_default()
}

/// The rows of a sheet (`sheet` empty: the first): JSON of `Result<Vec<Row>, XlsxError>`.
#[wasm_bindgen]
pub fn xlsx_rows(bytes: &[u8], sheet: &str) -> String {
    let sheet = (!sheet.is_empty()).then_some(sheet);
    serde_json::to_string(&read_sheet(bytes, sheet)).unwrap_or_default()
}

/// The pinyin readings of each name of a JSON array of names: a JSON array of arrays.
#[wasm_bindgen]
pub fn pinyin_readings(names_json: &str) -> Result<String, JsValue> {
    let names: Vec<String> =
        serde_json::from_str(names_json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let out: Vec<Vec<String>> = names.iter().map(|n| readings(n)).collect();
    serde_json::to_string(&out).map_err(|e| JsValue::from_str(&e.to_string()))
}
