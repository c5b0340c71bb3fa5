//! Entry point of the browser app: installs the panic hook and mounts the root component.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    // A panic shows its message in the console, and the page says the saved data is safe.
    gongkai::web::fatal::install_panic_hook();
    leptos::mount::mount_to_body(gongkai::ui::app::App);
}

/// Panics on purpose, so that the end-to-end tests can check the recovery message a real panic
/// shows (`tests/e2e/delivery.test.mjs`). Reached only from the console (`wasmBindings`).
#[wasm_bindgen]
pub fn gongkai_test_panic() {
    panic!("test panic requested from the console");
}
