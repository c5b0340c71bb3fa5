//! The parent lookup page in plain DOM (no Leptos, for the size of the parent binary): it writes the
//! skeleton of `gongkai_district::lookup` into an element, listens to the search box, and shows the suggestions
//! and the answers that the index gives, as `gongkai_district::lookup` renders them. Used by the parent page's
//! own binary (`main.rs`) and by the workbench's `#/lookup`. Nothing typed leaves the page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use gongkai_district::district::{DistrictIndex, Outcome};
use gongkai_district::lookup::{self, ids, QUERY_ATTR};
use gongkai_district::lookup_text::LookupTexts;

struct State {
    index: RefCell<Option<DistrictIndex>>,
    input: web_sys::HtmlInputElement,
    suggestions: web_sys::HtmlElement,
    status: web_sys::Element,
    results: web_sys::Element,
    meta: web_sys::Element,
    hint: Option<web_sys::Element>,
    texts: &'static LookupTexts,
    /// Level of the answers' headings.
    heading: u8,
}

type Listener = (
    web_sys::EventTarget,
    &'static str,
    Closure<dyn FnMut(web_sys::Event)>,
);

/// A mounted lookup page. Dropping it removes its listeners (the workbench's page does, when the
/// route changes); the parent page keeps it for the page's life.
pub struct LookupWidget {
    state: Rc<State>,
    listeners: Vec<Listener>,
}

/// The element of the skeleton with this id, found inside `root` (which may not be in the document
/// yet when the workbench's page mounts it).
fn by_id<T: JsCast>(root: &web_sys::Element, id: &str) -> Result<T, JsValue> {
    root.query_selector(&format!("#{id}"))?
        .ok_or_else(|| JsValue::from_str(id))?
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str(id))
}

impl State {
    fn hide_suggestions(&self) {
        self.suggestions.set_hidden(true);
        self.suggestions.set_inner_html("");
        self.status.set_text_content(None);
    }

    fn suggest(&self) {
        let text = self.input.value();
        let index = self.index.borrow();
        let Some(ix) = index.as_ref() else {
            return;
        };
        if text.trim().is_empty() {
            self.hide_suggestions();
            return;
        }
        let s = lookup::suggestions_html(ix, &text, self.texts);
        if s.count == 0 {
            self.hide_suggestions();
            return;
        }
        self.suggestions.set_inner_html(&s.html);
        self.suggestions.set_hidden(false);
        self.status
            .set_text_content(Some(&(self.texts.suggestions_count)(s.count)));
    }

    /// Answers what the box holds; true when the answer asks for a number.
    fn search(&self) -> bool {
        self.hide_suggestions();
        let text = self.input.value();
        let index = self.index.borrow();
        let Some(ix) = index.as_ref() else {
            self.results.set_inner_html(&format!(
                "<p class=\"lk-status\">{}</p>",
                lookup::esc(self.texts.loading)
            ));
            return false;
        };
        let outcome = ix.search(&text);
        let html = lookup::outcome_html(ix, &outcome, &text, self.texts, self.heading);
        self.results.set_inner_html(&html);
        matches!(outcome, Outcome::NeedNumber { .. } | Outcome::Choose(_))
    }

    fn focus_input(&self) {
        let _ = self.input.focus();
    }

    /// The query buttons (suggestions), in order.
    fn suggestion_buttons(&self) -> Vec<web_sys::HtmlElement> {
        let Ok(list) = self.suggestions.query_selector_all("button") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    }

    fn on_keydown(&self, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        let buttons = self.suggestion_buttons();
        let target = ev.target();
        let at = buttons
            .iter()
            .position(|b| target.as_ref().is_some_and(|t| t == b.as_ref()));
        let on_input = target
            .as_ref()
            .is_some_and(|t| t == self.input.unchecked_ref::<web_sys::EventTarget>());
        match key.as_str() {
            "ArrowDown" if !buttons.is_empty() && (on_input || at.is_some()) => {
                ev.prevent_default();
                let next = at.map_or(0, |i| (i + 1).min(buttons.len() - 1));
                let _ = buttons[next].focus();
            }
            "ArrowUp" if at.is_some() => {
                ev.prevent_default();
                match at {
                    Some(0) | None => self.focus_input(),
                    Some(i) => {
                        let _ = buttons[i - 1].focus();
                    }
                }
            }
            "Escape" if !self.suggestions.hidden() => {
                ev.prevent_default();
                self.hide_suggestions();
                self.focus_input();
            }
            _ => {}
        }
    }

    fn on_click(&self, ev: &web_sys::Event) {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(&format!("[{QUERY_ATTR}]")).ok().flatten())
        else {
            return;
        };
        let Some(query) = button.get_attribute(QUERY_ATTR) else {
            return;
        };
        ev.prevent_default();
        self.input.set_value(&query);
        self.search();
        // The button is gone with its list: the box takes the focus, ready for a number.
        self.focus_input();
    }
}

impl LookupWidget {
    /// Writes the page into `root` and starts listening. `standalone`: the parent page itself (its
    /// own `<h1>`), else part of the workbench's `#/lookup`.
    pub fn mount(root: &web_sys::Element, standalone: bool) -> Result<LookupWidget, JsValue> {
        let texts = &gongkai_district::lookup_text::ZH_CN;
        root.set_inner_html(&lookup::skeleton(texts, standalone));
        let state = Rc::new(State {
            index: RefCell::new(None),
            input: by_id(root, ids::INPUT)?,
            suggestions: by_id(root, ids::SUGGESTIONS)?,
            status: by_id(root, ids::SUGGESTIONS_STATUS)?,
            results: by_id(root, ids::RESULTS)?,
            meta: by_id(root, ids::META)?,
            hint: by_id(root, ids::HINT).ok(),
            texts,
            heading: if standalone { 2 } else { 3 },
        });
        let form: web_sys::EventTarget = by_id::<web_sys::Element>(root, ids::FORM)?.into();
        let mut widget = LookupWidget {
            state: state.clone(),
            listeners: Vec::new(),
        };
        let s = state.clone();
        widget.listen(&state.input.clone().into(), "input", move |_| s.suggest())?;
        let s = state.clone();
        widget.listen(&form, "submit", move |ev| {
            ev.prevent_default();
            s.search();
        })?;
        let s = state.clone();
        widget.listen(&root.clone().into(), "click", move |ev| s.on_click(&ev))?;
        let s = state;
        widget.listen(&root.clone().into(), "keydown", move |ev| {
            if let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                s.on_keydown(k);
            }
        })?;
        Ok(widget)
    }

    fn listen(
        &mut self,
        target: &web_sys::EventTarget,
        kind: &'static str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<(), JsValue> {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
        self.listeners.push((target.clone(), kind, closure));
        Ok(())
    }

    /// Shows the data's header and answers queries from `index` (and the query already typed, if any).
    pub fn set_index(&self, index: DistrictIndex) {
        let s = &self.state;
        s.meta.set_inner_html(&lookup::meta_html(
            s.texts,
            &index.meta,
            index.own_place_count(),
        ));
        // The example in the box and the hint are the bureau's own.
        if let Some(example) = index.example() {
            s.input
                .set_placeholder(&(s.texts.placeholder_of)(&example.address));
            if let Some(hint) = s.hint.as_ref() {
                let text = if example.initials.is_empty() {
                    s.texts.hint.to_string()
                } else {
                    (s.texts.hint_of)(&example.name, &example.initials)
                };
                hint.set_text_content(Some(&text));
            }
        }
        let typed = !s.input.value().trim().is_empty();
        *s.index.borrow_mut() = Some(index);
        if typed {
            s.search();
        }
    }

    /// Shows why there is no data to search (in the data's header).
    pub fn show_problem(&self, message: &str) {
        self.state.meta.set_inner_html(&format!(
            "<p class=\"lk-alert\" role=\"alert\" data-testid=\"lookup-problem\">{}</p>",
            lookup::esc(message)
        ));
    }
}

impl Drop for LookupWidget {
    fn drop(&mut self) {
        for (target, kind, closure) in &self.listeners {
            let _ =
                target.remove_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        }
    }
}
