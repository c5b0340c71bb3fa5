//! Downloads: hand bytes or a Blob to the browser as a file through a Blob URL, and refuse where an
//! app's built-in browser would drop the file without a word.

use wasm_bindgen::{JsCast, JsValue};

use crate::browser::InApp;

/// Why a download did not start.
#[derive(Debug)]
pub enum DownloadError {
    /// WeChat's or QQ's built-in browser, which blocks downloads: the page must be opened in a browser.
    InApp(InApp),
    /// The browser refused (a DOM or Blob error).
    Failed(JsValue),
}

impl From<JsValue> for DownloadError {
    fn from(e: JsValue) -> Self {
        DownloadError::Failed(e)
    }
}

/// Offers `bytes` as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob)
}

/// Offers a Blob (e.g. a PNG from a canvas) as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), DownloadError> {
    if let Some(app) = super::browser::current().in_app {
        return Err(DownloadError::InApp(app));
    }
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.style().set_property("display", "none")?;
    if let Some(body) = document.body() {
        body.append_child(&anchor)?;
        anchor.click();
        body.remove_child(&anchor)?;
    } else {
        anchor.click();
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// Offers UTF-8 text as a download.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    download_bytes(file_name, mime, text.as_bytes())
}
