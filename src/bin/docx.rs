//! The Word (.docx) writer as a wasm module of its own, loaded on first use so that docx-rs is not
//! part of the app's first load (docs/performance.md). It renders the document's parts with the
//! core (`report::docx_parts`), deflates each with the browser's `CompressionStream`, and lays out
//! the package with `archive`. Built and inlined by `delivery/build.mjs`.

use gongkai::archive::{self, Entry};
use gongkai::report::{self, Document};
use wasm_bindgen::prelude::*;

fn main() {
    // A panic here fails the export; the app itself keeps running.
    gongkai::web::fatal::install_module_panic_hook("docx");
}

/// The document (JSON of `report::Document`) as .docx bytes. `date` (ISO 8601) goes into the
/// document properties. Rejects with a message when the document cannot be rendered.
#[wasm_bindgen]
pub async fn render_docx(
    document_json: String,
    date: String,
) -> Result<js_sys::Uint8Array, JsValue> {
    let fail = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let doc: Document = serde_json::from_str(&document_json).map_err(|e| fail(&e))?;
    let parts = report::docx_parts(&doc, &date).map_err(|e| fail(&e))?;
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
    let bytes = archive::write(&entries).map_err(|e| fail(&e))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}
