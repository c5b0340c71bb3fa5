//! A modal dialog on the native `<dialog>`: it takes the focus when it opens (the page behind is inert),
//! closes with Esc, and gives the focus back to the control it was opened from. Mount it to open it,
//! unmount it (e.g. with `<Show>`) to close it.

use leptos::html;
use leptos::prelude::*;

use crate::web::dom;

#[component]
pub fn Dialog(
    /// `data-testid` of the dialog; also the stem of its heading's id.
    testid: &'static str,
    /// The dialog's heading, which names it.
    title: String,
    /// A question before something irreversible (`role=alertdialog`) rather than a form.
    #[prop(optional)]
    alert: bool,
    /// Esc, or the browser's own close request.
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<html::Dialog>::new();
    let opener = dom::remember_focus();
    node.on_load(|dialog| dom::show_modal(&dialog));
    on_cleanup(move || {
        dom::close_dialog(&format!("dialog[data-testid={testid}][open]"));
        dom::restore_focus(opener);
    });
    let title_id = format!("{testid}-title");
    let heading_id = title_id.clone();
    view! {
        <dialog
            node_ref=node
            class="dialog"
            data-testid=testid
            role=if alert { "alertdialog" } else { "dialog" }
            aria-modal="true"
            aria-labelledby=title_id
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    on_close.run(());
                }
            }
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                on_close.run(());
            }
        >
            <h3 id=heading_id>{title}</h3>
            {children()}
        </dialog>
    }
}
