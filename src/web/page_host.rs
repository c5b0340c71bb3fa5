//! The object through which a page running in a lazily loaded wasm module talks back to the workbench
//! (docs/delivery.md, “A page in a module”): the workbench makes it (`host_object`), the module's page
//! calls it (`PageHost`). The two wasm instances share no memory, so the page's data crosses as JSON.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// What the workbench hands a module's page: `edit(json, undo)` (the page's whole data after an
    /// edit; `undo` non-empty: the message offering 撤销), `notice(text)` and `alert(text)`.
    pub type PageHost;

    #[wasm_bindgen(method, catch)]
    pub fn edit(this: &PageHost, json: &str, undo: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn notice(this: &PageHost, text: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn alert(this: &PageHost, text: &str) -> Result<(), JsValue>;
}

/// A host object whose `edit`, `notice` and `alert` call these functions. The closures live as long
/// as the object (a few per visit of the page).
pub fn host_object(
    edit: impl Fn(String, String) + 'static,
    notice: impl Fn(String) + 'static,
    alert: impl Fn(String) + 'static,
) -> JsValue {
    let object = js_sys::Object::new();
    let set = |key: &str, f: JsValue| {
        // Setting a property of a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &f);
    };
    set(
        "edit",
        Closure::<dyn Fn(String, String)>::new(edit).into_js_value(),
    );
    set(
        "notice",
        Closure::<dyn Fn(String)>::new(notice).into_js_value(),
    );
    set(
        "alert",
        Closure::<dyn Fn(String)>::new(alert).into_js_value(),
    );
    object.into()
}
