//! The workbench side of a page that runs in a lazily loaded wasm module (docs/delivery.md, “A page
//! in a module”): an element the module mounts the page into, a loading state, a clear message (and
//! 重新载入) when the module cannot load, the page's edits applied through the workbench's own edit
//! path (autosave, 撤销, two-tab and quota guarantees), and changes made outside the page (撤销,
//! another tab, a restored backup) handed back to it.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::model::{PageData, Workspace};
use crate::text::t;
use crate::ui::state::{AppState, UndoFn};
use crate::web::modules::{self, ModuleError, MountedPage};
use crate::web::page_host::host_object;

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(String),
}

fn json_of<D: PageData>(w: &Workspace) -> Option<String> {
    serde_json::to_string(&D::read(w)).ok()
}

/// The host object for page data `D`: edits go through `state.edit` (or `edit_undoable`, whose 撤销
/// puts back the data as it was), messages through the app's notice and alert.
fn host_for<D: PageData>(state: AppState, last: StoredValue<String>) -> wasm_bindgen::JsValue {
    let edit = move |json: String, undo: String| {
        let Ok(new) = serde_json::from_str::<D>(&json) else {
            state.alert.set(Some(t().module_page.bad_edit.to_string()));
            return;
        };
        // The page has this already: it need not be handed back.
        let _ = last.try_update_value(|l| *l = json);
        if undo.is_empty() {
            state.edit(|w| new.write(w));
        } else {
            state.edit_undoable(move |w| {
                let before = D::read(w);
                new.write(w);
                let undo_fn: UndoFn = Box::new(move |w| before.write(w));
                Some((undo, undo_fn))
            });
        }
    };
    let notice = move |text: String| state.notice.set(Some(text));
    let alert = move |text: String| state.alert.set(Some(text));
    host_object(edit, notice, alert)
}

/// Page `page` of the wasm module `module` (delivery/config.mjs), working on the workspace's `D`.
/// `testid` names the host element (the page inside has its own `page-…` testid).
pub fn module_page<D: PageData>(
    module: &'static str,
    page: &'static str,
    testid: &'static str,
) -> impl IntoView {
    // Only these two are generic: the host itself is one function for every page's data.
    host_page(module, page, testid, json_of::<D>, host_for::<D>)
}

fn host_page(
    module: &'static str,
    page: &'static str,
    testid: &'static str,
    json_of: fn(&Workspace) -> Option<String>,
    host_for: fn(AppState, StoredValue<String>) -> wasm_bindgen::JsValue,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let words = t().module_page;
    let status = RwSignal::new(Status::Loading);
    let node = NodeRef::<html::Div>::new();
    // The JSON the page holds now (sent to it, or received from it).
    let last = StoredValue::new(String::new());
    let mounted = StoredValue::new_local(None::<MountedPage>);

    // Hands the page the workspace's data when it differs from what the page holds.
    let sync = move || {
        let Some(json) = state.ws.with(json_of) else {
            return;
        };
        if status.with_untracked(|s| *s != Status::Ready) || last.with_value(|l| *l == json) {
            return;
        }
        last.set_value(json.clone());
        let failed = mounted.with_value(|m| m.as_ref().map(|m| m.update(&json)));
        if let Some(Err(e)) = failed {
            status.set(Status::Failed(describe(&e)));
        }
    };

    let start = move || {
        let Some(div) = node.get_untracked() else {
            return;
        };
        let element: web_sys::HtmlElement = div.unchecked_into();
        status.set(Status::Loading);
        spawn_local(async move {
            let Some(json) = state.ws.with_untracked(json_of) else {
                status.set(Status::Failed(words.bad_edit.to_string()));
                return;
            };
            let host = host_for(state, last);
            match modules::mount_page(module, page, &element, &json, &host).await {
                Ok(m) => {
                    // The host is gone (the user left the page while the module loaded).
                    if last.try_set_value(json).is_some() {
                        m.unmount();
                        return;
                    }
                    mounted.set_value(Some(m));
                    status.set(Status::Ready);
                    // A change made while the module loaded.
                    sync();
                }
                Err(e) => {
                    let _ = status.try_set(Status::Failed(describe(&e)));
                }
            }
        });
    };

    node.on_load(move |_| start());
    Effect::new(move |_| sync());
    on_cleanup(move || {
        mounted.try_with_value(|m| {
            if let Some(m) = m {
                m.unmount();
            }
        });
    });

    view! {
        <div class="module-host" data-testid=testid>
            {move || match status.get() {
                Status::Loading => Some(view! {
                    <p class="hint" role="status" data-testid="module-loading">{words.loading}</p>
                }.into_any()),
                Status::Ready => None,
                Status::Failed(reason) => Some(view! {
                    <div class="module-failed" role="alert" data-testid="module-failed">
                        <p class="field-error">{(words.failed)(&reason)}</p>
                        <button data-testid="module-retry" on:click=move |_| start()>{words.retry}</button>
                    </div>
                }.into_any()),
            }}
            <div node_ref=node></div>
        </div>
    }
}

fn describe(e: &ModuleError) -> String {
    match e {
        ModuleError::Load(m) | ModuleError::Failed(m) => m.clone(),
    }
}
