//! Yielding to the browser between steps of long work, so that the page repaints (a progress bar)
//! and stays responsive.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves after the browser has had a turn (a `setTimeout` of 0).
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0)
        });
        if !matches!(scheduled, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
