//! `#/lookup` in the workbench: the parent lookup page itself (the same plain-DOM page as
//! `dist/lookup/`), answering from the workspace's district data as it would be published, so that the
//! bureau sees what parents will see.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::district::DistrictIndex;
use crate::text::t;
use crate::ui::lookup_widget::LookupWidget;
use crate::ui::pages::districts::published_with_readings;
use crate::ui::state::AppState;

#[component]
pub fn LookupPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let words = t().district_page;
    let empty = state.ws.with_untracked(|w| w.districts.rules.is_empty());
    let node = NodeRef::<html::Div>::new();
    let widget = StoredValue::new_local(None::<LookupWidget>);
    node.on_load(move |div| {
        let element: web_sys::Element = div.unchecked_into();
        let Ok(mounted) = LookupWidget::mount(&element, false) else {
            return;
        };
        widget.set_value(Some(mounted));
        spawn_local(async move {
            let ws = state.ws.get_untracked();
            let (published, problem) = match published_with_readings(&ws).await {
                Ok(p) => (p, None),
                // Without the module (it failed to load) the page still answers, without pinyin.
                Err(_) => (
                    crate::district::publish(&ws.districts, &ws.schools, &|_| Vec::new()),
                    Some(words.lookup_no_pinyin),
                ),
            };
            let index = DistrictIndex::build(&published);
            widget.try_with_value(|w| {
                if let Some(w) = w {
                    match index {
                        Ok(ix) => w.set_index(ix),
                        Err(e) => w.show_problem(&t().district.publish_error(&e)),
                    }
                    if let Some(p) = problem {
                        state.alert.set(Some(p.to_string()));
                    }
                }
            });
        });
    });
    view! {
        <section data-testid="page-lookup">
            <h2>{words.lookup_title}</h2>
            <p class="hint">{words.lookup_intro} " " <a href="#/districts">{words.lookup_to_districts}</a></p>
            {empty.then(|| view! { <p class="reminder" data-testid="lookup-no-rules">{words.lookup_empty}</p> })}
            <div class="lookup-host" node_ref=node></div>
        </section>
    }
}
