//! `#/graphic`: 图解 of the open report, updated as the report changes, in a portrait (phone) or a
//! landscape (web page) layout; exports as SVG, and as PNG at 2× drawn by the browser's canvas.
//! The page runs in the `graphic-page` module (src/bin/graphic_page.rs; docs/delivery.md, “A page in
//! a module”), on the workspace's reports as `GraphicPageData`.

use leptos::prelude::*;

use crate::graphic::{self, Layout};
use crate::page_data::GraphicPageData;
use crate::text::t;
use crate::ui::download::download_refusal;
use crate::ui::module_page::PageState;
use crate::web::download::{download_blob, download_text, DownloadError};
use crate::web::raster::svg_to_png;

/// The PNG is drawn at twice the SVG's size.
const PNG_SCALE: u32 = 2;
/// Below this window width the page opens in the portrait layout.
const PHONE_WIDTH: f64 = 720.0;

/// The graphic as drawn for the open report and the chosen layout.
#[derive(Clone, PartialEq)]
struct Drawn {
    svg: String,
    width: u32,
    height: u32,
    svg_name: String,
    png_name: String,
}

#[component]
pub fn GraphicPage() -> impl IntoView {
    let state = expect_context::<PageState<GraphicPageData>>();
    let narrow = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < PHONE_WIDTH);
    let layout = RwSignal::new(if narrow {
        Layout::Portrait
    } else {
        Layout::Landscape
    });
    // One memo of plain data (a single memo type keeps the wasm small).
    let drawn = Memo::new(move |_| {
        let layout = layout.get();
        state.data.with(|GraphicPageData(w)| {
            let g = graphic::build_for(w, w.current_year?)?;
            let scene = graphic::layout(&g, layout);
            Some(Drawn {
                svg: scene.to_svg(),
                width: scene.width.ceil() as u32,
                height: scene.height.ceil() as u32,
                svg_name: graphic::file_name(&g, "svg"),
                png_name: graphic::file_name(&g, "png"),
            })
        })
    });
    let busy = RwSignal::new(false);

    let export_svg = move |_| {
        let Some(d) = drawn.get_untracked() else {
            return;
        };
        if let Err(e) = download_text(&d.svg_name, "image/svg+xml;charset=utf-8", &d.svg) {
            state.notice(download_refusal(&e, t().download_failed));
        }
    };
    let export_png = move |_| {
        let Some(d) = drawn.get_untracked() else {
            return;
        };
        busy.set(true);
        let name = d.png_name;
        let started = svg_to_png(&d.svg, d.width, d.height, PNG_SCALE, move |png| {
            busy.set(false);
            let saved = png
                .map_err(DownloadError::Failed)
                .and_then(|blob| download_blob(&name, &blob));
            if let Err(e) = saved {
                state.notice(download_refusal(&e, t().graphic.png_failed));
            }
        });
        if started.is_err() {
            busy.set(false);
            state.notice(t().graphic.png_failed);
        }
    };
    let option = move |l: Layout, label: &'static str| {
        view! {
            <option value=l.key() selected=move || layout.get() == l>
                {label}
            </option>
        }
    };
    view! {
        <section data-testid="page-graphic">
            <h2>{t().graphic.nav}</h2>
            <p class="hint">{t().graphic.page_hint}</p>
            {move || {
                drawn.with(Option::is_none).then(|| view! { <p class="hint">{t().no_report}</p> })
            }}
            <div class="graphic-controls">
                <label>
                    <span>{t().graphic.layout}</span>
                    <select
                        data-testid="graphic-layout"
                        on:change=move |ev| {
                            if let Some(l) = Layout::parse(&event_target_value(&ev)) {
                                layout.set(l);
                            }
                        }
                    >
                        {option(Layout::Portrait, t().graphic.portrait)}
                        {option(Layout::Landscape, t().graphic.landscape)}
                    </select>
                </label>
                <button data-testid="export-svg" on:click=export_svg>
                    {t().graphic.export_svg}
                </button>
                <button data-testid="export-png" on:click=export_png disabled=move || busy.get()>
                    {move || if busy.get() { t().graphic.png_busy } else { t().graphic.export_png }}
                </button>
            </div>
            <div
                class="graphic-view"
                class:portrait=move || layout.get() == Layout::Portrait
                data-testid="graphic-view"
                inner_html=move || {
                    drawn.with(|d| d.as_ref().map(|d| d.svg.clone()).unwrap_or_default())
                }
            ></div>
        </section>
    }
}
