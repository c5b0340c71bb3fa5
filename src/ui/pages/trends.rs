//! The overview's trends: a small chart per key figure across the workspace's years, each jump a
//! link to the figure's cell in that year's tables (`graphic::trends`, `graphic::trend_svg`). It runs in
//! the `graphic-page` module, mounted by the overview when the workspace has two years or more, so
//! that the charts' code is not in the first load (docs/performance.md).

use leptos::prelude::*;

use crate::graphic;
use crate::model::Report;
use crate::page_data::GraphicPageData;
use crate::text::t;
use crate::ui::module_page::PageState;

#[component]
pub fn Trends() -> impl IntoView {
    let state = expect_context::<PageState<GraphicPageData>>();
    // Plain closures, not memos: the overview is not edited, so it re-renders only when the workspace
    // changes, and no new memo type goes into the wasm.
    let list = move || {
        state.data.with(|d| {
            let reports: Vec<&Report> = d.0.reports.values().collect();
            graphic::trends(&reports)
        })
    };
    view! {
        <section class="trends" data-testid="trends">
            <h3>{t().graphic.overview_trends}</h3>
            {move || {
                let list = list();
                if list.is_empty() {
                    return view! { <p class="hint">{t().graphic.overview_one_year}</p> }.into_any();
                }
                let charts = list
                    .iter()
                    .map(|trend| {
                        view! {
                            <li class="trend" data-testid="trend" data-figure=trend.id.clone()>
                                <p class="trend-label">
                                    {trend.label.clone()} " "
                                    <span class="trend-caption">{trend.caption.clone()}</span>
                                </p>
                                <div class="trend-chart" inner_html=graphic::trend_svg(trend)></div>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="hint">{t().graphic.overview_trends_hint}</p>
                    <ul class="trend-list">{charts}</ul>
                }
                    .into_any()
            }}
        </section>
    }
}
