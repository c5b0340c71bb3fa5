//! Controls shared by several pages: the report-structure and table-format choices of the open report,
//! the note shown where the statutory structure leaves content out, the file picker and a checkbox
//! with its label on one line.

use leptos::prelude::*;

use crate::model::{ReportStructure, TableFormat};
use crate::text::t;
use crate::ui::state::AppState;
use crate::web::file_input::file_names;

/// 报告结构 of the open report (settings and narrative pages).
#[component]
pub fn StructureSelect(testid: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let structure = move || {
        state
            .ws
            .with(|w| w.current().map(|r| r.structure).unwrap_or_default())
    };
    let option = move |s: ReportStructure, value: &'static str| {
        view! {
            <option value=value selected=move || structure() == s>
                {t().structure(s)}
            </option>
        }
    };
    view! {
        <select
            data-testid=testid
            on:change=move |ev| {
                let s = if event_target_value(&ev) == "statutory" {
                    ReportStructure::Statutory
                } else {
                    ReportStructure::Field
                };
                state
                    .edit(|w| {
                        if let Some(r) = w.current_mut() {
                            r.structure = s;
                        }
                    });
            }
        >
            {option(ReportStructure::Field, "field")}
            {option(ReportStructure::Statutory, "statutory")}
        </select>
    }
}

/// 表格格式 of the open report: by year (the default), or 2019 / 2021 by hand (settings and tables pages).
#[component]
pub fn TableFormatSelect(testid: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let choice = move || state.ws.with(|w| w.current().and_then(|r| r.table_format));
    let by_year = move || {
        state.ws.with(|w| {
            w.current()
                .map(|r| TableFormat::for_year(r.year))
                .unwrap_or(TableFormat::V2021)
        })
    };
    let fixed = move |f: TableFormat, value: &'static str| {
        view! {
            <option value=value selected=move || choice() == Some(f)>
                {t().table_format(f)}
            </option>
        }
    };
    view! {
        <select
            data-testid=testid
            on:change=move |ev| {
                let v = event_target_value(&ev);
                state
                    .edit(|w| {
                        if let Some(r) = w.current_mut() {
                            r.table_format = match v.as_str() {
                                "2019" => Some(TableFormat::V2019),
                                "2021" => Some(TableFormat::V2021),
                                _ => None,
                            };
                        }
                    });
            }
        >
            <option value="auto" selected=move || choice().is_none()>
                {move || (t().format_auto)(by_year())}
            </option>
            {fixed(TableFormat::V2019, "2019")}
            {fixed(TableFormat::V2021, "2021")}
        </select>
    }
}

/// With the statutory structure: the ten categories are not part of the report.
#[component]
pub fn StatutoryNote(message: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let statutory = move || {
        state.ws.with(|w| {
            w.current()
                .is_some_and(|r| r.structure == ReportStructure::Statutory)
        })
    };
    view! {
        <Show when=statutory>
            <p class="structure-note" data-testid="structure-note">
                {message}
            </p>
        </Show>
    }
}

/// A file input shown as a button in the app's language (“选择文件…”; the browser's own button follows
/// the browser's language), with the chosen file's name beside it. The input itself stays focusable
/// and keeps `testid`; `on_change` gets its `change` event.
#[component]
pub fn FilePicker(
    testid: &'static str,
    accept: &'static str,
    /// The input's accessible name.
    label: &'static str,
    #[prop(optional)] multiple: bool,
    on_change: impl Fn(leptos::ev::Event) + 'static,
) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    view! {
        <div class="file-picker">
            <label class="file-button">
                <input
                    type="file"
                    class="visually-hidden"
                    accept=accept
                    multiple=multiple
                    data-testid=testid
                    aria-label=label
                    on:change=move |ev| {
                        chosen.set(file_names(&ev).join(t().list_separator));
                        on_change(ev);
                    }
                />
                <span aria-hidden="true">{t().feedback.choose_file}</span>
            </label>
            <span class="file-name" aria-hidden="true">
                {move || {
                    chosen
                        .with(|c| {
                            if c.is_empty() { t().feedback.no_file.to_string() } else { c.clone() }
                        })
                }}
            </span>
        </div>
    }
}

/// A checkbox with its label on one line (`check-line`): `checked` reads its state, `on_change` gets
/// the state the user set. Shared by the workbench's pages and the page modules (it is small enough
/// for the first load).
#[component]
pub fn CheckLine(
    testid: &'static str,
    label: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_change: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <label class="check-line">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=checked
                on:change=move |ev| on_change(event_target_checked(&ev))
            />
            {label}
        </label>
    }
}
