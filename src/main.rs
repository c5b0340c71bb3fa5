//! Entry point of the browser app: mounts the root component, nothing else.

fn main() {
    leptos::mount::mount_to_body(gongkai::ui::app::App);
}
