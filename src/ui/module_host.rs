//! The workbench side of a page that runs in a lazily loaded wasm module (docs/delivery.md, “A page
//! in a module”): an element the module mounts the page into, a loading state, a clear message (and
//! 重新载入) when the module cannot load, the page's edits applied through the workbench's own edit
//! path (autosave, 撤销, two-tab and quota guarantees), and changes made outside the page (撤销,
//! another tab, a restored backup) handed back to it.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::model::Workspace;
use crate::page_data::{read_page_data, PageData};
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

/// A page's data `D` as the host handles it, without being generic: the host's code (its views,
/// signals and closures) is then linked once for every page in a module, not once per `D`
/// (docs/performance.md).
#[derive(Clone, Copy)]
struct Codec {
    /// The page's part of the workspace, as JSON.
    read: fn(&Workspace) -> Option<String>,
    /// Puts the page's data (JSON) into the workspace; `false` (and no change) when it is not a `D`.
    write: fn(&str, &mut Workspace) -> bool,
    /// Whether the JSON is a `D`.
    check: fn(&str) -> bool,
}

impl Codec {
    fn of<D: PageData>() -> Codec {
        Codec {
            read: |w| serde_json::to_string(&D::read(w)).ok(),
            write: |json, w| match read_page_data::<D>(json) {
                Some(d) => {
                    d.write(w);
                    true
                }
                None => false,
            },
            check: |json| read_page_data::<D>(json).is_some(),
        }
    }
}

/// The host object: edits go through `state.edit` (or `edit_undoable`, whose 撤销 puts back the data
/// as it was), messages through the app's notice and alert.
fn host_for(state: AppState, last: StoredValue<String>, codec: Codec) -> wasm_bindgen::JsValue {
    let edit = move |json: String, undo: String| {
        if !(codec.check)(&json) {
            state.alert.set(Some(t().module_page.bad_edit.to_string()));
            return;
        }
        // The page has this already: it need not be handed back.
        let _ = last.try_update_value(|l| l.clone_from(&json));
        if undo.is_empty() {
            state.edit(|w| {
                (codec.write)(&json, w);
            });
        } else {
            state.edit_undoable(move |w| {
                let before = (codec.read)(w);
                (codec.write)(&json, w);
                let before = before?;
                let undo_fn: UndoFn = Box::new(move |w| {
                    (codec.write)(&before, w);
                });
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
) -> AnyView {
    host_view(module, page, testid, Codec::of::<D>())
}

fn host_view(
    module: &'static str,
    page: &'static str,
    testid: &'static str,
    codec: Codec,
) -> AnyView {
    let state = expect_context::<AppState>();
    let words = t().module_page;
    let status = RwSignal::new(Status::Loading);
    let node = NodeRef::<html::Div>::new();
    // The JSON the page holds now (sent to it, or received from it).
    let last = StoredValue::new(String::new());
    let mounted = StoredValue::new_local(None::<MountedPage>);

    // Hands the page the workspace's data when it differs from what the page holds.
    let sync = move || {
        let Some(json) = state.ws.with(codec.read) else {
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
            let Some(json) = state.ws.with_untracked(codec.read) else {
                status.set(Status::Failed(words.bad_edit.to_string()));
                return;
            };
            let host = host_for(state, last, codec);
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
                Status::Loading => {
                    Some(
                        view! {
                            <p class="hint" role="status" data-testid="module-loading">
                                {words.loading}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Status::Ready => None,
                Status::Failed(reason) => {
                    Some(
                        view! {
                            <div class="module-failed" role="alert" data-testid="module-failed">
                                <p class="field-error">{reason}</p>
                                <button data-testid="module-retry" on:click=move |_| start()>
                                    {words.retry}
                                </button>
                            </div>
                        }
                            .into_any(),
                    )
                }
            }}
            <div node_ref=node></div>
        </div>
    }
    .into_any()
}

/// What the user reads: a module that did not load gets advice about the network and the single
/// file; a page that refused to open gets its own reason, without that advice.
fn describe(e: &ModuleError) -> String {
    let words = t().module_page;
    match e {
        ModuleError::Load(m) => (words.failed)(m),
        ModuleError::Failed(m) => (words.page_failed)(m),
    }
}
