//! `#/report`: the live preview of the document as it will print, and every export. The document is
//! built once from the open report (`report::build`); the preview and each export render that one model.

use leptos::prelude::*;

use crate::page_data::{GraphicPageData, PageData};
use crate::report::{self, BuildOptions, Document, NotApplicable};
use crate::text::t;
use crate::ui::download::download_refusal;
use crate::ui::state::AppState;
use crate::web::modules::{self, ModuleError};
use crate::web::{clock, download::download_bytes};

/// The document of the open report, rebuilt when the workspace changes.
fn document(state: AppState) -> Memo<Option<Document>> {
    Memo::new(move |_| {
        state.ws.with(|w| {
            w.current().map(|r| {
                let options = BuildOptions {
                    not_applicable: if r.omit_not_applicable {
                        NotApplicable::Omit
                    } else {
                        NotApplicable::OneLine
                    },
                };
                report::build(r, &options)
            })
        })
    })
}

/// The JSON the `graphic-page` module draws the HTML export's graphic from, when the open report puts
/// the graphic in its HTML export.
fn graphic_json(w: &crate::model::Workspace) -> Option<String> {
    w.current().filter(|r| r.graphic_in_html)?;
    serde_json::to_string(&GraphicPageData::read(w)).ok()
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let doc = document(state);
    // The graphic (portrait, the width of a printed page) for the HTML export and the preview, drawn
    // by the `graphic-page` module (its layout code is not in the first load): `None` while the
    // option is off or the module is still drawing.
    let graphic_svg = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(json) = state.ws.with(graphic_json) else {
            graphic_svg.set(None);
            return;
        };
        leptos::task::spawn_local(async move {
            match modules::html_graphic(&json).await {
                Ok(svg) => {
                    let _ = graphic_svg.try_set(Some(svg));
                }
                Err(ModuleError::Load(m)) => {
                    state.alert.set(Some((t().delivery.module_load_failed)(&m)));
                }
                Err(ModuleError::Failed(m)) => {
                    state.alert.set(Some((t().export_failed)(&m)));
                }
            }
        });
    });
    let preview = Memo::new(move |_| {
        let svg = graphic_svg.get().filter(|s| !s.is_empty());
        doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    String::from_utf8_lossy(&report::render_html_with_graphic(d, svg.as_deref()))
                        .into_owned()
                })
                .unwrap_or_default()
        })
    });
    // Offers a rendered file, or says why it could not be offered.
    let offer = move |name: String, mime: &str, bytes: &[u8]| {
        if let Err(e) = download_bytes(&name, mime, bytes) {
            state
                .alert
                .set(Some(download_refusal(&e, t().download_failed)));
        } else {
            state.notice.set(Some((t().feedback.exported)(&name)));
        }
    };
    // The Word, Markdown and CSV writers are a wasm module loaded on first use (docs/delivery.md);
    // `busy` holds the kind being written.
    let busy = RwSignal::new(None::<String>);
    let export_file = move |ext: &'static str| {
        move |_| {
            let Some(d) = doc.get_untracked() else {
                return;
            };
            if busy.with_untracked(Option::is_some) {
                return;
            }
            busy.set(Some(ext.to_string()));
            leptos::task::spawn_local(async move {
                match modules::render_file(&d, ext, &clock::now_iso()).await {
                    Ok(bytes) => {
                        let mime = match ext {
                            "md" => "text/markdown;charset=utf-8",
                            "csv" => "text/csv;charset=utf-8",
                            _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        };
                        offer(report::file_name(&d, ext), mime, &bytes);
                    }
                    Err(ModuleError::Load(m)) => {
                        state.alert.set(Some((t().delivery.module_load_failed)(&m)));
                    }
                    Err(ModuleError::Failed(m)) => {
                        state.alert.set(Some((t().export_failed)(&m)));
                    }
                }
                busy.set(None);
            });
        }
    };
    let docx_busy = move || busy.with(|b| b.as_deref() == Some("docx"));
    let export_html = move |_| {
        let Some(d) = doc.get_untracked() else {
            return;
        };
        let svg = graphic_svg.get_untracked();
        let wanted = state
            .ws
            .with_untracked(|w| w.current().is_some_and(|r| r.graphic_in_html));
        if wanted && svg.is_none() {
            // The module is still drawing the graphic: no export without it.
            state.notice.set(Some(t().module_page.loading.to_string()));
            return;
        }
        let bytes = report::render_html_with_graphic(&d, svg.as_deref().filter(|s| !s.is_empty()));
        offer(
            report::file_name(&d, "html"),
            "text/html;charset=utf-8",
            &bytes,
        );
    };
    let omit = move || {
        state
            .ws
            .with(|w| w.current().is_some_and(|r| r.omit_not_applicable))
    };
    view! {
        <section data-testid="page-report">
            <h2>{t().nav_report}</h2>
            <Show when=move || doc.with(Option::is_none)>
                <p class="hint">{t().no_report}</p>
            </Show>
            <div class="form">
                <label>
                    <span>{t().settings_title_field}</span>
                    <input
                        type="text"
                        data-testid="report-title"
                        prop:value=move || {
                            state
                                .ws
                                .with(|w| w.current().map(|r| r.title.clone()).unwrap_or_default())
                        }
                        placeholder=move || {
                            doc.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default())
                        }
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state
                                .edit(|w| {
                                    if let Some(r) = w.current_mut() {
                                        r.title = v;
                                    }
                                });
                        }
                    />
                </label>
                <label>
                    <span>{t().report_na_style}</span>
                    <select
                        data-testid="report-na-style"
                        on:change=move |ev| {
                            let omit = event_target_value(&ev) == "omit";
                            state
                                .edit(|w| {
                                    if let Some(r) = w.current_mut() {
                                        r.omit_not_applicable = omit;
                                    }
                                });
                        }
                    >
                        <option value="line" selected=move || !omit()>
                            {t().report_na_line}
                        </option>
                        <option value="omit" selected=omit>
                            {t().report_na_omit}
                        </option>
                    </select>
                </label>
                <label class="checkbox">
                    <input
                        type="checkbox"
                        data-testid="report-graphic"
                        prop:checked=move || {
                            state.ws.with(|w| w.current().is_some_and(|r| r.graphic_in_html))
                        }
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state
                                .edit(|w| {
                                    if let Some(r) = w.current_mut() {
                                        r.graphic_in_html = on;
                                    }
                                });
                        }
                    />
                    <span>{t().graphic.report_option}</span>
                </label>
            </div>
            <div class="actions export">
                <button
                    data-testid="export-docx"
                    on:click=export_file("docx")
                    aria-busy=move || docx_busy().to_string()
                >
                    <span>
                        {move || {
                            if docx_busy() {
                                t().delivery.export_docx_busy
                            } else {
                                t().export_docx
                            }
                        }}
                    </span>
                    <small>{t().feedback.export_docx_small}</small>
                </button>
                <button data-testid="export-html" on:click=export_html>
                    <span>{t().export_html}</span>
                    <small>{t().feedback.export_html_small}</small>
                </button>
                <button data-testid="export-md" on:click=export_file("md")>
                    <span>{t().export_md}</span>
                    <small>{t().feedback.export_md_small}</small>
                </button>
                <button data-testid="export-csv" on:click=export_file("csv")>
                    <span>{t().export_csv}</span>
                    <small>{t().feedback.export_csv_small}</small>
                </button>
            </div>
            <p class="hint">{t().export_hint}</p>
            <iframe
                class="preview"
                title=t().report_preview
                data-testid="report-preview"
                sandbox=""
                srcdoc=move || preview.get()
            ></iframe>
        </section>
    }
}
