//! Raw DEFLATE through the browser's own `CompressionStream('deflate-raw')`, so that compressing the
//! DOCX parts costs no wasm. Browsers without it (before Chrome 103, Firefox 113, Safari 16.4)
//! return an error and the caller stores the part instead.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream`: web-sys has it only behind `web_sys_unstable_apis`.
    type CompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
}

/// `data` compressed as raw DEFLATE (RFC 1951, no zlib or gzip header), as ZIP method 8 wants it.
pub async fn deflate_raw(data: &[u8]) -> Result<Vec<u8>, JsValue> {
    let stream = CompressionStream::new("deflate-raw")?;
    let parts = Array::of1(&Uint8Array::from(data));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let compressed = blob
        .stream()
        .pipe_through(stream.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&compressed))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
