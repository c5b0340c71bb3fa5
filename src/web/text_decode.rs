//! Decoding text the browser's way: `TextDecoder('gbk', {fatal: true})` reads the GBK that Excel
//! writes on zh-CN Windows, at no wasm cost (an encoding table compiled in would cost 129 KB gzip,
//! docs/dependencies.md). Passed to the core's CSV import as its legacy decoder.

/// The bytes as GBK text; `None` when they are not valid GBK or the browser has no GBK decoder.
pub fn decode_gbk(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gbk", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
