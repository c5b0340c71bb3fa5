//! When the app panics: the message goes to the console and to the page's boot script
//! (`delivery/boot.js`), which shows, in plain HTML that needs no wasm, that the saved data is safe
//! and offers it as a backup file.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = gongkaiBoot, js_name = fatal)]
    fn boot_fatal(message: &str) -> Result<(), JsValue>;
}

/// Installs the panic hook: console message first, then the recovery message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Without the boot script (a page assembled by hand) there is only the console.
        let _ = boot_fatal(&info.to_string());
    }));
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = gongkaiBoot, js_name = moduleFailed)]
    fn boot_module_failed(name: &str, message: &str) -> Result<(), JsValue>;
}

/// The panic hook of a lazily loaded module (`src/bin/`): its failure fails that one task (the app
/// shows the message), not the app.
pub fn install_module_panic_hook(name: &'static str) {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        let _ = boot_module_failed(name, &info.to_string());
    }));
}
