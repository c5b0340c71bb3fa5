//! Controls shared by several pages: the report-structure and table-format choices of the open report.

use leptos::prelude::*;

use crate::model::{ReportStructure, TableFormat};
use crate::text::t;
use crate::ui::state::AppState;

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
        view! { <option value=value selected=move || structure() == s>{t().structure(s)}</option> }
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
                state.edit(|w| {
                    if let Some(r) = w.current_mut() {
                        r.structure = s
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
        view! { <option value=value selected=move || choice() == Some(f)>{t().table_format(f)}</option> }
    };
    view! {
        <select
            data-testid=testid
            on:change=move |ev| {
                let v = event_target_value(&ev);
                state.edit(|w| {
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
