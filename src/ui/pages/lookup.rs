//! `#/lookup` in the workbench: the parent lookup page itself (the same plain-DOM page as
//! `dist/lookup/`, its binary loaded as the `lookup` module), answering from the workspace's district
//! data as it would be published, so that the bureau sees what parents will see. It runs in the
//! `districts-page` module with the district page (docs/delivery.md, “A page in a module”), which keeps
//! publishing out of the workbench's first load.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::district::write_published;
use crate::text::t;
use crate::ui::pages::districts::published_with_readings;
use crate::ui::pages::districts::DistrictsState;
use crate::web::modules;

#[component]
pub fn LookupPage() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    let empty = state.data.with_untracked(|w| w.districts.rules.is_empty());
    let node = NodeRef::<html::Div>::new();
    node.on_load(move |div| {
        let element: web_sys::Element = div.unchecked_into();
        spawn_local(async move {
            let ws = state.data.get_untracked();
            let (published, problem) =
                match published_with_readings(&ws.districts, &ws.schools).await {
                    Ok(p) => (p, None),
                    // Without the module (it failed to load) the page still answers, without pinyin.
                    Err(_) => (
                        crate::district::publish(&ws.districts, &ws.schools, &|_| Vec::new()),
                        Some(words.lookup_no_pinyin),
                    ),
                };
            let problem = match modules::mount_lookup(&element, &write_published(&published)).await
            {
                Ok(()) => problem,
                Err(_) => Some(words.lookup_no_module),
            };
            if let Some(p) = problem {
                state.alert(p);
            }
        });
    });
    view! {
        <section data-testid="page-lookup">
            <h2>{words.lookup_title}</h2>
            <p class="hint">
                {words.lookup_intro} " " <a href="#/districts">{words.lookup_to_districts}</a>
            </p>
            {empty
                .then(|| {
                    view! {
                        <p class="reminder" data-testid="lookup-no-rules">
                            {words.lookup_empty}
                        </p>
                    }
                })}
            <div class="lookup-host" node_ref=node></div>
        </section>
    }
}
