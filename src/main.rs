//! Entry point of the browser app: installs the panic hook and mounts the root component.

fn main() {
    // A panic shows its message in the console, and the page says the saved data is safe.
    gongkai::web::fatal::install_panic_hook();
    leptos::mount::mount_to_body(gongkai::ui::app::App);
}
