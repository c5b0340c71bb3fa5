//! The module side of a workbench page that runs in a lazily loaded wasm module (docs/delivery.md,
//! “A page in a module”): the page's data as a signal of its own (`PageState`, given to its components
//! as context), whose edits go back to the workbench as JSON through the host object, and the mount,
//! update and unmount that the module binary exports (declared by
//! [`module_page!`](crate::module_page)).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use crate::page_data::PageData;
use crate::text::t;
use crate::web::page_host::PageHost;

/// What a page in a module works with: its data, and the workbench's edit path (autosave, 撤销,
/// two-tab and quota guarantees stay the workbench's). Copy, like the workbench's `AppState`.
pub struct PageState<D: PageData> {
    /// The page's data; change it through `edit` or `edit_undoable` only.
    pub data: RwSignal<D>,
    host: StoredValue<PageHost, LocalStorage>,
}

impl<D: PageData> Clone for PageState<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: PageData> Copy for PageState<D> {}

impl<D: PageData> PageState<D> {
    /// Applies an edit and hands the result to the workbench, which saves it.
    pub fn edit(&self, f: impl FnOnce(&mut D)) {
        self.data.update(f);
        self.send("");
    }

    /// Applies an edit that removes something: `f` returns the message offering 撤销 (`None`: nothing
    /// was removed). The workbench keeps the data as it was before, which 撤销 brings back.
    pub fn edit_undoable(&self, f: impl FnOnce(&mut D) -> Option<String>) {
        let mut offer = None;
        self.data.update(|d| offer = f(d));
        match offer {
            Some(message) => self.send(&message),
            None => self.send(""),
        }
    }

    /// A message that hides itself (the workbench's notice).
    pub fn notice(&self, text: impl Into<String>) {
        let text = text.into();
        self.host.with_value(|h| {
            let _ = h.notice(&text);
        });
    }

    /// A message that stays (the workbench's alert).
    pub fn alert(&self, text: impl Into<String>) {
        let text = text.into();
        self.host.with_value(|h| {
            let _ = h.alert(&text);
        });
    }

    fn send(&self, undo: &str) {
        let Ok(json) = self.data.with_untracked(serde_json::to_string) else {
            return self.alert(t().module_page.bad_edit);
        };
        let sent = self.host.with_value(|h| h.edit(&json, undo));
        if sent.is_err() {
            self.alert(t().module_page.bad_edit);
        }
    }
}

/// Hands a mounted page new data (JSON).
type UpdateFn = Box<dyn Fn(&str) -> Result<(), JsValue>>;

/// The page mounted now: its number, its view (dropping it takes the page out) and how to hand it
/// new data.
struct Mounted {
    id: u32,
    _view: Box<dyn Any>,
    update: UpdateFn,
}

thread_local! {
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn js_error(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// Mounts `page` into `root` with its data `json` (JSON of `D`) and the workbench's `host`; replaces
/// the page mounted before. Returns the mount's number, for `update` and `unmount`.
pub fn mount<D, V>(
    root: web_sys::HtmlElement,
    json: &str,
    host: JsValue,
    page: impl FnOnce() -> V + 'static,
) -> Result<u32, JsValue>
where
    D: PageData,
    V: IntoView + 'static,
{
    let data: D = serde_json::from_str(json).map_err(js_error)?;
    let host: PageHost = host.unchecked_into();
    MOUNTED.with(|m| m.borrow_mut().take());
    let signal = Rc::new(Cell::new(None::<RwSignal<D>>));
    let made = Rc::clone(&signal);
    let view = leptos::mount::mount_to(root, move || {
        let state = PageState {
            data: RwSignal::new(data),
            host: StoredValue::new_local(host),
        };
        made.set(Some(state.data));
        provide_context(state);
        page()
    });
    let Some(data) = signal.get() else {
        return Err(js_error("page state missing"));
    };
    let update = move |json: &str| -> Result<(), JsValue> {
        let new: D = serde_json::from_str(json).map_err(js_error)?;
        if data.with_untracked(|d| *d != new) {
            data.set(new);
        }
        Ok(())
    };
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    MOUNTED.with(|m| {
        *m.borrow_mut() = Some(Mounted {
            id,
            _view: Box::new(view),
            update: Box::new(update),
        })
    });
    Ok(id)
}

/// Hands mount `id` its data again (JSON of its `D`), after a change made outside the page (撤销,
/// another tab, a restored backup). Nothing happens when `id` is no longer mounted.
pub fn update(id: u32, json: &str) -> Result<(), JsValue> {
    MOUNTED.with(|m| match m.borrow().as_ref() {
        Some(mounted) if mounted.id == id => (mounted.update)(json),
        _ => Ok(()),
    })
}

/// Takes mount `id` out of its element (nothing when a later mount replaced it).
pub fn unmount(id: u32) {
    let taken = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        if m.as_ref().is_some_and(|x| x.id == id) {
            m.take()
        } else {
            None
        }
    });
    drop(taken);
}

/// Declares what a module binary holding workbench pages exports (docs/delivery.md, “A page in a
/// module”), so that its `src/bin/<name>.rs` is its doc and this one call:
///
/// - `main`, which installs `web::fatal::install_module_panic_hook(module)`: a panic fails that
///   call; the workbench keeps running;
/// - `mount_page(page, root, json, host) -> Result<u32, JsValue>`: mounts the listed page named
///   `page` into `root` with its data (`json`, the JSON of that page's data type), talking back
///   through `host`, and returns the mount's number; an unlisted name rejects with “no page <name>
///   in this module”;
/// - `update_page(id, json) -> Result<(), JsValue>`: hands mount `id` its data again, after a
///   change made outside the page;
/// - `unmount_page(id)`: takes mount `id` out of its element.
///
/// `module` is the module's name in `delivery/config.mjs`; each page is `"name" => DataType,
/// Component`, the name `web::modules` and `ui::module_host::module_page` mount it by, its
/// `page_data::PageData` type and its component (which reads `PageState<DataType>` from context).
/// A module may add exports of its own beside the call.
///
/// ```text
/// gongkai::module_page! {
///     module: "schools-page",
///     pages: {
///         "schools" => SchoolsPageData, SchoolsPage,
///         "school" => SchoolPageData, SchoolPage,
///     }
/// }
/// ```
#[macro_export]
macro_rules! module_page {
    (
        module: $module:literal,
        pages: { $($page:literal => $data:ty, $component:path),+ $(,)? } $(,)?
    ) => {
        fn main() {
            // A panic here fails that call; the workbench keeps running.
            $crate::web::fatal::install_module_panic_hook($module);
        }

        /// Mounts page `page` into `root` with its data (JSON of its page data), talking back
        /// through `host`; returns the mount's number.
        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount_page(
            page: &str,
            root: ::web_sys::HtmlElement,
            json: &str,
            host: ::wasm_bindgen::JsValue,
        ) -> ::std::result::Result<u32, ::wasm_bindgen::JsValue> {
            match page {
                $($page => {
                    $crate::ui::module_page::mount::<$data, _>(root, json, host, $component)
                })+
                other => ::std::result::Result::Err(::wasm_bindgen::JsValue::from_str(
                    &::std::format!("no page {other} in this module"),
                )),
            }
        }

        /// Hands mount `id` its data again (JSON), after a change made outside the page.
        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn update_page(
            id: u32,
            json: &str,
        ) -> ::std::result::Result<(), ::wasm_bindgen::JsValue> {
            $crate::ui::module_page::update(id, json)
        }

        /// Takes mount `id` out of its element.
        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn unmount_page(id: u32) {
            $crate::ui::module_page::unmount(id);
        }
    };
}
