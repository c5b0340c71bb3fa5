//! Wasm modules loaded on first use (see docs/delivery.md): the page's boot script
//! (`delivery/boot.js`) fetches a module's glue and wasm, or decodes them from the single HTML file,
//! and hands back its exports. Typed bindings for each module's exports live here too.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::district::xlsx::XlsxError;
use crate::district::Row;
use crate::report::Document;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = gongkaiBoot, js_name = loadModule)]
    fn load_module(name: &str) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = gongkaiBoot, js_name = loadFile)]
    fn boot_load_file(name: &str) -> Result<js_sys::Promise, JsValue>;

    /// The exports of the `report-files` module (`src/bin/report_files.rs`).
    type ReportFilesModule;

    #[wasm_bindgen(method, catch, js_name = render_file)]
    fn render_file(
        this: &ReportFilesModule,
        document_json: &str,
        ext: &str,
        date: &str,
    ) -> Result<js_sys::Promise, JsValue>;

    /// The exports of the `district-tools` module (`src/bin/district_tools.rs`).
    type DistrictModule;

    #[wasm_bindgen(method, catch, js_name = xlsx_sheets)]
    fn xlsx_sheets(this: &DistrictModule, bytes: &[u8]) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_name = xlsx_rows)]
    fn xlsx_rows(this: &DistrictModule, bytes: &[u8], sheet: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_name = pinyin_readings)]
    fn pinyin_readings(this: &DistrictModule, names_json: &str) -> Result<String, JsValue>;

    /// The exports of the `lookup` module: the parent page's own binary (`src/bin/lookup.rs`).
    type LookupModule;

    #[wasm_bindgen(method, catch, js_name = mount_lookup)]
    fn mount_lookup(
        this: &LookupModule,
        root: &web_sys::Element,
        json: &str,
    ) -> Result<(), JsValue>;

    /// The `graphic-page` module's exports beside its pages (`src/bin/graphic_page.rs`): the HTML
    /// export's graphic and the built-in example.
    type GraphicModule;

    #[wasm_bindgen(method, catch, js_name = html_graphic)]
    fn html_graphic(this: &GraphicModule, workspace_json: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_name = example_json)]
    fn example_json(this: &GraphicModule) -> Result<String, JsValue>;

    /// The exports of a module holding workbench pages (`src/bin/districts_page.rs`, and any other:
    /// docs/delivery.md, “A page in a module”).
    type PageModule;

    #[wasm_bindgen(method, catch, js_name = mount_page)]
    fn mount_page(
        this: &PageModule,
        page: &str,
        root: &web_sys::HtmlElement,
        json: &str,
        host: &JsValue,
    ) -> Result<u32, JsValue>;

    #[wasm_bindgen(method, catch, js_name = update_page)]
    fn update_page(this: &PageModule, id: u32, json: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = unmount_page)]
    fn unmount_page(this: &PageModule, id: u32) -> Result<(), JsValue>;
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

/// The document as a file of kind `ext` (`docx` with compressed parts, `md`, `csv`), from the
/// `report-files` module.
pub async fn render_file(doc: &Document, ext: &str, date: &str) -> Result<Vec<u8>, ModuleError> {
    let module: ReportFilesModule = load("report-files").await?.unchecked_into();
    let json = serde_json::to_string(doc).map_err(|e| ModuleError::Failed(e.to_string()))?;
    let promise = module
        .render_file(&json, ext, date)
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    let bytes = JsFuture::from(promise)
        .await
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The 图解 of the open report (portrait SVG) for the HTML export, from the `graphic-page` module;
/// `workspace_json` is the JSON of `page_data::GraphicPageData`. Empty when there is no graphic.
pub async fn html_graphic(workspace_json: &str) -> Result<String, ModuleError> {
    let module: GraphicModule = load("graphic-page").await?.unchecked_into();
    module
        .html_graphic(workspace_json)
        .map_err(|e| ModuleError::Failed(describe(&e)))
}

/// The built-in example (the JSON of a workspace), from the `graphic-page` module, so that the
/// example's text and builder are not in the first load (docs/performance.md).
pub async fn example_json() -> Result<String, ModuleError> {
    let module: GraphicModule = load("graphic-page").await?.unchecked_into();
    module
        .example_json()
        .map_err(|e| ModuleError::Failed(describe(&e)))
}

async fn district() -> Result<DistrictModule, ModuleError> {
    Ok(load("district-tools").await?.unchecked_into())
}

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, ModuleError> {
    serde_json::from_str(json).map_err(|e| ModuleError::Failed(e.to_string()))
}

/// The sheet names of an XLSX workbook, from the `district-tools` module.
pub async fn xlsx_sheets(bytes: &[u8]) -> Result<Result<Vec<String>, XlsxError>, ModuleError> {
    let module = district().await?;
    let json = module
        .xlsx_sheets(bytes)
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    parse(&json)
}

/// The rows of one sheet (`None`: the first) of an XLSX workbook, from the `district-tools` module.
pub async fn xlsx_rows(
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Result<Vec<Row>, XlsxError>, ModuleError> {
    let module = district().await?;
    let json = module
        .xlsx_rows(bytes, sheet.unwrap_or(""))
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    parse(&json)
}

/// The pinyin readings of each name, from the `district-tools` module.
pub async fn pinyin_readings(names: &[String]) -> Result<Vec<Vec<String>>, ModuleError> {
    let module = district().await?;
    let names = serde_json::to_string(names).map_err(|e| ModuleError::Failed(e.to_string()))?;
    let json = module
        .pinyin_readings(&names)
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    parse(&json)
}

/// The bytes of a file this build hands out (`files` of the page in delivery/config.mjs, such as
/// `lookup.html`): fetched when served (precached), decoded when the page is one file.
pub async fn load_file(name: &str) -> Result<Vec<u8>, ModuleError> {
    let promise = boot_load_file(name).map_err(|e| ModuleError::Load(describe(&e)))?;
    let bytes = JsFuture::from(promise)
        .await
        .map_err(|e| ModuleError::Load(describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The parent page in `root`, answering from `json` (`districts.json` as published), from the
/// `lookup` module: the workbench's `#/lookup` runs the very code parents get, and its first load
/// carries none of it.
pub async fn mount_lookup(root: &web_sys::Element, json: &str) -> Result<(), ModuleError> {
    let module: LookupModule = load("lookup").await?.unchecked_into();
    module
        .mount_lookup(root, json)
        .map_err(|e| ModuleError::Failed(describe(&e)))
}

/// A page mounted by a page module: the module and the mount's number.
pub struct MountedPage {
    module: PageModule,
    id: u32,
}

impl MountedPage {
    /// Hands the page its data again (JSON), after a change made outside it.
    pub fn update(&self, json: &str) -> Result<(), ModuleError> {
        self.module
            .update_page(self.id, json)
            .map_err(|e| ModuleError::Failed(describe(&e)))
    }

    /// Takes the page out of its element (a later mount has already replaced it: nothing happens).
    pub fn unmount(&self) {
        // A module that failed cannot unmount; the element goes anyway.
        let _ = self.module.unmount_page(self.id);
    }
}

/// Page `page` of module `module`, mounted into `root` with its data `json`; it reports edits through
/// `host` (`web::page_host::host_object`).
pub async fn mount_page(
    module: &str,
    page: &str,
    root: &web_sys::HtmlElement,
    json: &str,
    host: &JsValue,
) -> Result<MountedPage, ModuleError> {
    let loaded: PageModule = load(module).await?.unchecked_into();
    let id = loaded
        .mount_page(page, root, json, host)
        .map_err(|e| ModuleError::Failed(describe(&e)))?;
    Ok(MountedPage { module: loaded, id })
}
