//! `#/settings`: unit, region, year, title, structure, table format, and the list of years. The year is
//! the report's identity: a new value is checked as it is typed but changes the report only after a
//! dialog that says what happens. A new year (carried forward) is the separate action below.

use leptos::prelude::*;

use crate::model::{ModelError, Report, Workspace};
use crate::text::t;
use crate::ui::dialog::Dialog;
use crate::ui::state::AppState;
use crate::ui::widgets::{StructureSelect, TableFormatSelect};

/// Parses a year typed by the user, with the message to show when it is not acceptable.
fn parse_year(input: &str) -> Result<u16, String> {
    let trimmed = input.trim();
    let n: i64 = trimmed
        .parse()
        .map_err(|_| t().year_not_a_number(trimmed))?;
    Workspace::validate_year(n).map_err(|e| t().model_error(&e))
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_report = move || state.ws.with(|w| w.current().is_some());
    view! {
        <section data-testid="page-settings">
            <h2>{t().settings_title}</h2>
            <Show when=has_report>
                <ReportSettings />
            </Show>
            <YearList />
        </section>
    }
}

#[component]
fn ReportSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let get = move |f: fn(&Report) -> String| {
        move || state.ws.with(|w| w.current().map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut Report, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            state.edit(|w| {
                if let Some(r) = w.current_mut() {
                    f(r, value)
                }
            });
        }
    };

    let year_text = RwSignal::new(
        state
            .ws
            .with_untracked(|w| w.current_year.map(|y| y.to_string()).unwrap_or_default()),
    );
    let year_error = RwSignal::new(None::<String>);
    // A valid new year typed but not yet confirmed, and whether its dialog is open.
    let pending = RwSignal::new(None::<(u16, u16)>);
    let asking = RwSignal::new(false);
    let reset = move |y: u16| {
        year_text.set(y.to_string());
        year_error.set(None);
        pending.set(None);
    };
    // Keep the field in step when the year changes elsewhere (confirmed change, import, other tab).
    Effect::new(move |_| {
        if let Some(y) = state.ws.with(|w| w.current_year) {
            if parse_year(&year_text.get_untracked()).ok() != Some(y)
                && pending.get_untracked().is_none()
            {
                reset(y);
            }
        }
    });
    let on_year = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        year_text.set(value.clone());
        let Some(current) = state.ws.with_untracked(|w| w.current_year) else {
            return;
        };
        let checked = parse_year(&value).and_then(|y| {
            let mut probe = state.ws.get_untracked();
            match probe.change_year(current, y) {
                Ok(()) => Ok(y),
                Err(ModelError::YearTaken(y)) => Err((t().feedback.year_taken)(y)),
                Err(e) => Err(t().model_error(&e)),
            }
        });
        match checked {
            Ok(y) => {
                year_error.set(None);
                pending.set((y != current).then_some((current, y)));
            }
            Err(message) => {
                year_error.set(Some(message));
                pending.set(None);
            }
        }
    };
    let confirm = move || {
        asking.set(false);
        let Some((from, to)) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        let mut changed = false;
        state.edit(|w| changed = w.change_year(from, to).is_ok());
        if changed {
            state
                .notice
                .set(Some((t().feedback.year_changed)(from, to)));
        }
    };
    let cancel = move || {
        asking.set(false);
        if let Some((from, _)) = pending.get_untracked() {
            reset(from);
        }
    };

    view! {
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <label>
                <span>{t().settings_unit}</span>
                <input
                    type="text"
                    data-testid="settings-unit"
                    prop:value=get(|r| r.unit_name.clone())
                    on:input=set(|r, v| r.unit_name = v)
                />
            </label>
            <label>
                <span>{t().settings_region}</span>
                <input
                    type="text"
                    data-testid="settings-region"
                    prop:value=get(|r| r.region.clone())
                    on:input=set(|r, v| r.region = v)
                />
            </label>
            <div class="year-field">
                <label>
                    <span>{t().settings_year}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        maxlength="4"
                        data-testid="settings-year"
                        aria-invalid=move || year_error.with(Option::is_some).then_some("true")
                        aria-describedby="settings-year-hint"
                        prop:value=move || year_text.get()
                        on:input=on_year
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" && pending.with_untracked(Option::is_some) {
                                ev.prevent_default();
                                asking.set(true);
                            }
                        }
                    />
                </label>
                <button
                    type="button"
                    data-testid="settings-year-change"
                    disabled=move || pending.with(Option::is_none)
                    on:click=move |_| asking.set(true)
                >
                    {t().feedback.year_change}
                </button>
            </div>
            <p class="hint" id="settings-year-hint">
                {move || {
                    if pending.with(Option::is_some) {
                        t().feedback.year_pending
                    } else {
                        t().feedback.year_hint
                    }
                }}
            </p>
            <Show when=move || year_error.with(Option::is_some)>
                <p class="field-error" data-testid="settings-year-error" role="alert">
                    {move || year_error.get().unwrap_or_default()}
                </p>
            </Show>
            <Show when=move || {
                asking.get() && pending.with(Option::is_some)
            }>
                {move || {
                    pending
                        .get()
                        .map(|(from, to)| {
                            view! {
                                <Dialog
                                    testid="year-dialog"
                                    title=t().feedback.year_dialog_title.to_string()
                                    alert=true
                                    on_close=Callback::new(move |()| cancel())
                                >
                                    <p>{(t().feedback.year_dialog_body)(from, to)}</p>
                                    <p>{t().feedback.year_dialog_others}</p>
                                    <p class="hint">
                                        {(t().feedback.year_dialog_alternative)(from, to)}
                                    </p>
                                    <div class="actions">
                                        <button
                                            type="button"
                                            class="primary"
                                            data-testid="year-dialog-confirm"
                                            on:click=move |_| confirm()
                                        >
                                            {(t().feedback.year_dialog_confirm)(to)}
                                        </button>
                                        <button
                                            type="button"
                                            data-testid="year-dialog-cancel"
                                            autofocus=true
                                            on:click=move |_| cancel()
                                        >
                                            {t().feedback.cancel}
                                        </button>
                                    </div>
                                </Dialog>
                            }
                        })
                }}
            </Show>
            <label>
                <span>{t().settings_title_field}</span>
                <input
                    type="text"
                    data-testid="settings-title"
                    placeholder=move || {
                        state
                            .ws
                            .with(|w| w.current().map(Report::default_title).unwrap_or_default())
                    }
                    prop:value=get(|r| r.title.clone())
                    on:input=set(|r, v| r.title = v)
                />
            </label>
            <p class="hint">{t().settings_title_hint}</p>
            <label>
                <span>{t().settings_structure}</span>
                <StructureSelect testid="settings-structure" />
            </label>
            <label>
                <span>{t().settings_format}</span>
                <TableFormatSelect testid="settings-table-format" />
            </label>
        </form>
    }
}

/// Years in the workspace: switch between them, add one.
#[component]
fn YearList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let new_year = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let years = move || {
        state
            .ws
            .with(|w| w.reports.keys().copied().collect::<Vec<_>>())
    };
    let add = move |_| match parse_year(&new_year.get_untracked()).and_then(|y| {
        let mut probe = state.ws.get_untracked();
        crate::carry::add_year_carried(&mut probe, y).map_err(|e| t().model_error(&e))?;
        Ok(y)
    }) {
        Ok(y) => {
            error.set(None);
            new_year.set(String::new());
            let from = state.ws.with_untracked(|w| w.carry_source(y));
            let mut added = false;
            state.edit(|w| added = crate::carry::add_year_carried(w, y).is_ok());
            if added {
                state.notice.set(Some((t().feedback.year_added)(y, from)));
            }
        }
        Err(m) => error.set(Some(m)),
    };
    view! {
        <h3>{t().settings_years}</h3>
        <ul class="years" data-testid="year-list">
            {move || {
                years()
                    .into_iter()
                    .map(|y| {
                        let current = move || state.ws.with(|w| w.current_year == Some(y));
                        view! {
                            <li>
                                <button
                                    class:current=current
                                    aria-pressed=move || current().to_string()
                                    on:click=move |_| state.edit(|w| w.current_year = Some(y))
                                >
                                    {y.to_string()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <div class="inline-form">
            <label>
                <span>{t().settings_new_year}</span>
                <input
                    type="text"
                    inputmode="numeric"
                    maxlength="4"
                    data-testid="new-year"
                    prop:value=move || new_year.get()
                    on:input=move |ev| new_year.set(event_target_value(&ev))
                />
            </label>
            <button data-testid="add-year" on:click=add>
                {t().settings_add_year}
            </button>
            <p class="hint">{t().settings_add_year_hint}</p>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" data-testid="new-year-error" role="alert">
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}
