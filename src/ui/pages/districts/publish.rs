//! Publishing from `#/districts`: `districts.json` (the data file the parent page reads beside it) and
//! `lookup.html` (the parent page as one file with the data inside), both with pinyin readings computed
//! by the lazily loaded `district-tools` module.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::district::problems::problems;
use crate::district::{
    publish, reading_names, set_readings, write_published, DistrictData, Published,
};
use crate::lookup::embed::embed_data;
use crate::model::School;
use crate::text::t;
use crate::ui::dialog::Dialog;
use crate::ui::download::download_refusal;
use crate::ui::pages::districts::DistrictsState;
use crate::web::download::download_text;
use crate::web::modules::{self, ModuleError};

/// The published form of the workspace's district data, readings included (from the module).
pub async fn published_with_readings(
    districts: &DistrictData,
    schools: &[School],
) -> Result<Published, ModuleError> {
    let mut p = publish(districts, schools, &|_| Vec::new());
    let names = reading_names(&p);
    if !names.is_empty() {
        set_readings(&mut p, modules::pinyin_readings(&names).await?);
    }
    Ok(p)
}

fn module_message(e: &ModuleError) -> String {
    match e {
        ModuleError::Load(m) => (t().district_page.module_failed)(m),
        ModuleError::Failed(m) => (t().district_page.module_error)(m),
    }
}

/// What a publish button is doing.
#[derive(Clone, Copy, PartialEq)]
enum Work {
    Data,
    Page,
}

#[component]
pub fn PublishCard() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    let busy = RwSignal::new(None::<Work>);
    let empty = move || state.data.with(|w| w.districts.rules.is_empty());
    // Publishing with open problems asks first (发布前核对 names them).
    let asking = RwSignal::new(None::<(Work, usize)>);
    let review = t().district_review;

    let run = move |work: Work| {
        if busy.get_untracked().is_some() {
            return;
        }
        busy.set(Some(work));
        spawn_local(async move {
            let data = state.data.get_untracked();
            let result = match published_with_readings(&data.districts, &data.schools).await {
                Err(e) => Err(module_message(&e)),
                Ok(p) => {
                    let json = write_published(&p);
                    match work {
                        Work::Data => download_text("districts.json", "application/json", &json)
                            .map(|()| words.published_data)
                            .map_err(|e| download_refusal(&e, t().download_failed)),
                        Work::Page => match modules::load_file("lookup.html").await {
                            Err(e) => Err(module_message(&e)),
                            Ok(bytes) => {
                                let page = String::from_utf8_lossy(&bytes);
                                match embed_data(&page, &json) {
                                    Err(_) => Err(words.page_unusable.to_string()),
                                    Ok(html) => download_text(
                                        "lookup.html",
                                        "text/html;charset=utf-8",
                                        &html,
                                    )
                                    .map(|()| words.published_page)
                                    .map_err(|e| download_refusal(&e, t().download_failed)),
                                }
                            }
                        },
                    }
                }
            };
            busy.set(None);
            match result {
                Ok(message) => state.notice(message.to_string()),
                Err(message) => state.alert(message),
            }
        });
    };

    let start = move |work: Work| {
        let open = state.data.with_untracked(|w| {
            problems(&w.districts, &w.schools)
                .iter()
                .filter(|p| p.is_open())
                .count()
        });
        if open > 0 {
            asking.set(Some((work, open)));
        } else {
            run(work);
        }
    };

    view! {
        <div class="card" data-testid="district-publish-card">
            <h3>{words.publish_title}</h3>
            <p class="hint">{words.publish_hint}</p>
            <div class="actions export">
                <button
                    data-testid="district-publish"
                    disabled=move || empty() || busy.get().is_some()
                    on:click=move |_| start(Work::Data)
                >
                    {words.publish_data}
                    <small>{words.publish_data_small}</small>
                </button>
                <button
                    data-testid="district-download-lookup"
                    disabled=move || empty() || busy.get().is_some()
                    on:click=move |_| start(Work::Page)
                >
                    {words.publish_page}
                    <small>{words.publish_page_small}</small>
                </button>
            </div>
            <Show when=move || busy.get().is_some()>
                <p role="status" data-testid="district-publish-busy">
                    {words.publish_busy}
                </p>
            </Show>
            <p class="hint">
                <a href="#/lookup">{words.publish_preview}</a>
            </p>
            {move || {
                asking
                    .get()
                    .map(|(work, open)| {
                        view! {
                            <Dialog
                                testid="district-publish-ask"
                                title=review.publish_confirm_title.to_string()
                                on_close=Callback::new(move |()| asking.set(None))
                            >
                                <p>{(review.publish_confirm_body)(open)}</p>
                                <div class="actions">
                                    <button
                                        class="primary"
                                        data-testid="district-publish-anyway"
                                        on:click=move |_| {
                                            asking.set(None);
                                            run(work);
                                        }
                                    >
                                        {review.publish_anyway}
                                    </button>
                                    <button
                                        data-testid="district-publish-fix"
                                        on:click=move |_| asking.set(None)
                                    >
                                        {review.publish_fix_first}
                                    </button>
                                </div>
                            </Dialog>
                        }
                    })
            }}
        </div>
    }
}
