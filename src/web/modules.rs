//! Wasm modules loaded on first use (see docs/delivery.md): the page's boot script
//! (`delivery/boot.js`) fetches a module's glue and wasm, or decodes them from the single HTML file,
//! and hands back its exports. Typed bindings for each module's exports live here too.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::report::Document;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = gongkaiBoot, js_name = loadModule)]
    fn load_module(name: &str) -> Result<js_sys::Promise, JsValue>;

    /// The exports of the `docx` module (`src/bin/docx.rs`).
    type DocxModule;

    #[wasm_bindgen(method, catch, js_name = render_docx)]
    fn render_docx(
        this: &DocxModule,
        document_json: &str,
        date: &str,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// Why a module's work could not be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleError {
    /// The module could not be loaded (missing file, no wasm, not in this build).
    Load(String),
    /// The module ran and reported a failure.
    Failed(String),
}

fn describe(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// The exports of module `name`, loading it on the first call.
async fn load(name: &str) -> Result<JsValue, ModuleError> {
    let promise = load_module(name).map_err(|e| ModuleError::Load(describe(&e)))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| ModuleError::Load(describe(&e)))
}

/// The document as a .docx file with compressed parts, from the `docx` module.
pub async fn render_docx(doc: &Document, date: &str) -> Result<Vec<u8>, ModuleError> {
    let module: DocxModule = load("docx").await?.unchecked_into();
    let json = serde_json::to_string(doc).map_err(|e| ModuleError::Failed(e.to_string()))?;
    let promise = module
        .render_docx(&json, date)
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    let bytes = JsFuture::from(promise)
        .await
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}
