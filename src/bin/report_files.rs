//! The report's downloadable files (Word .docx, Markdown, CSV) as a wasm module of its own, loaded on
//! the first export, so that their writers are not part of the app's first load (docs/performance.md).
//! The DOCX parts come from the core (`report::docx_parts`), each deflated with the browser's
//! `CompressionStream`, the package laid out with `archive`. Built and inlined by `delivery/build.mjs`.

use gongkai::archive::{self, Entry};
use gongkai::report::{self, Document};
use wasm_bindgen::prelude::*;

fn main() {
    // A panic here fails the export; the app itself keeps running.
    gongkai::web::fatal::install_module_panic_hook("report-files");
}

/// The document (JSON of `report::Document`) as the bytes of a file of kind `ext`: `docx`, `md` or
/// `csv`. `date` (ISO 8601) goes into the DOCX properties. Rejects with a message when the
/// document cannot be rendered.
#[wasm_bindgen]
pub async fn render_file(
    document_json: String,
    ext: String,
    date: String,
) -> Result<js_sys::Uint8Array, JsValue> {
    let fail = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let doc: Document = serde_json::from_str(&document_json).map_err(|e| fail(&e))?;
    let bytes = match ext.as_str() {
        "md" => report::render_markdown(&doc),
        "csv" => report::render_csv(&doc),
        _ => docx(&doc, &date).await.map_err(|e| fail(&e))?,
    };
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

async fn docx(doc: &Document, date: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let parts = report::docx_parts(doc, date)?;
    let mut deflated = Vec::with_capacity(parts.len());
    for part in &parts {
        // Without CompressionStream('deflate-raw') (older browsers) the part is stored.
        deflated.push(gongkai::web::compress::deflate_raw(&part.data).await.ok());
    }
    let entries: Vec<Entry> = parts
        .iter()
        .zip(&deflated)
        .map(|(part, d)| match d {
            Some(d) => Entry::best(part, d),
            None => Entry::stored(part),
        })
        .collect();
    Ok(archive::write(&entries)?)
}
