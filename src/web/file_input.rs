//! Reading files the user picked in an `<input type=file>`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The files chosen in the input that fired `ev`; clears the input so that the same file can be
/// chosen again.
pub fn take_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let mut files = Vec::new();
    if let Some(list) = input.files() {
        for i in 0..list.length() {
            if let Some(f) = list.get(i) {
                files.push(f);
            }
        }
    }
    input.set_value("");
    files
}

/// The names of the files chosen in the input that fired `ev`, leaving the input as it is.
pub fn file_names(ev: &web_sys::Event) -> Vec<String> {
    let list = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files());
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f| f.name())
        .collect()
}

/// The file's text, decoded as UTF-8. `None` when the browser cannot read it.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// The file's bytes. `None` when the browser cannot read it.
pub async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
