//! The import card of `#/districts`: a CSV (UTF-8, BOM, GBK through the browser's `TextDecoder`) or
//! XLSX file (read by the lazily loaded `district-tools` module, with a choice of sheet) is read a
//! few hundred rows at a time with a progress bar, its errors listed by row and column, and what it
//! would change previewed before anything is replaced. Applying it can be undone.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::district::mapping::{suggest, Mapping, Role};
use crate::district::table::stage_hint;
use crate::district::xlsx::XlsxError;
use crate::district::{
    apply_import, csv_file_rows, is_xlsx, preview_import, ImportError, ImportErrorKind, ImportJob,
    ImportMode, ImportPreview, Imported, Row,
};
use crate::model::Stage;
use crate::text::t;
use crate::ui::pages::districts::DistrictsState;
use crate::ui::widgets::FilePicker;
use crate::web::file_input::{read_bytes, take_files};
use crate::web::modules::{self, ModuleError};
use crate::web::text_decode::decode_gbk;
use crate::web::tick::next_tick;

/// Rows read between two repaints.
const CHUNK: usize = 500;

/// At most this many errors are listed (the count says how many there are).
const MAX_ERRORS: usize = 200;

/// At most this many unread fragments are listed in the preview (the review card shows them all).
const MAX_UNREAD: usize = 20;

/// The columns of a file as read, and what the bureau says each holds, before the rows are read.
#[derive(Clone)]
struct MappingDraft {
    file: Chosen,
    sheet: Option<String>,
    rows: std::sync::Arc<Vec<Row>>,
    mapping: Mapping,
    /// The 学段 of the table, when the bureau gives one (else from the sheet, file or school name).
    stage: Option<Stage>,
    /// Every heading recognised: the rows were read at once.
    complete: bool,
}

/// A read file waiting for the user's confirmation.
#[derive(Clone)]
struct Pending {
    file: String,
    imported: Imported,
    replace: ImportPreview,
    append: ImportPreview,
}

/// Work in progress: what is being done, and rows read of rows in all (0 of 0: no count yet).
#[derive(Clone, PartialEq)]
struct Busy {
    what: &'static str,
    done: usize,
    total: usize,
}

/// The file last chosen, kept to read another sheet of it.
#[derive(Clone)]
struct Chosen {
    name: String,
    bytes: std::sync::Arc<Vec<u8>>,
}

fn module_error(e: &ModuleError) -> String {
    match e {
        ModuleError::Load(m) => (t().district_page.module_failed)(m),
        ModuleError::Failed(m) => (t().district_page.module_error)(m),
    }
}

/// The file's rows: through the module for XLSX (with its sheet names), else as CSV.
async fn rows_of(
    bytes: &[u8],
    sheet: Option<&str>,
    busy: RwSignal<Option<Busy>>,
    sheets: RwSignal<Vec<String>>,
    sheet_choice: RwSignal<String>,
) -> Result<Vec<Row>, String> {
    let words = t().district_page;
    if !is_xlsx(bytes) {
        busy.set(Some(Busy {
            what: words.import_reading,
            done: 0,
            total: 0,
        }));
        next_tick().await;
        let decoder = |b: &[u8]| decode_gbk(b);
        return csv_file_rows(bytes, Some(&decoder)).map_err(|e| t().district.import_error(&e));
    }
    busy.set(Some(Busy {
        what: words.import_loading_xlsx,
        done: 0,
        total: 0,
    }));
    let xlsx = |e: XlsxError| {
        t().district
            .import_error(&ImportError::file(ImportErrorKind::Xlsx(e)))
    };
    if sheet.is_none() {
        let names = modules::xlsx_sheets(bytes)
            .await
            .map_err(|e| module_error(&e))?
            .map_err(xlsx)?;
        sheet_choice.set(names.first().cloned().unwrap_or_default());
        sheets.set(names);
    }
    busy.set(Some(Busy {
        what: words.import_reading,
        done: 0,
        total: 0,
    }));
    modules::xlsx_rows(bytes, sheet)
        .await
        .map_err(|e| module_error(&e))?
        .map_err(xlsx)
}

/// What the 服务区域 texts of a file read as: schools, rules, possible and unread fragments, and the
/// first unread fragments with their school and row.
fn areas_view(imported: &Imported) -> Option<impl IntoView> {
    if imported.areas.is_empty() {
        return None;
    }
    let review = t().district_review;
    let unread: Vec<(usize, String, String)> = imported
        .unread()
        .map(|(a, f)| {
            (
                a.row,
                a.schools.join(t().list_separator),
                crate::excerpt::excerpt_to(&f.text, 80),
            )
        })
        .collect();
    let mut names: Vec<&str> = imported
        .areas
        .iter()
        .flat_map(|a| a.schools.iter().map(String::as_str))
        .collect();
    names.sort_unstable();
    names.dedup();
    let schools = names.len();
    let summary = (review.import_areas)(
        schools,
        imported.rules.len(),
        imported.possible().count(),
        unread.len(),
    );
    let more = unread.len().saturating_sub(MAX_UNREAD);
    let list = unread
        .into_iter()
        .take(MAX_UNREAD)
        .map(|(row, school, text)| {
            view! {
                <li data-testid="district-import-unread">
                    {(review.import_unread_item)(row, &school, &text)}
                </li>
            }
        })
        .collect_view();
    let count = imported.unread().count();
    let notes = imported.notes.len();
    Some(view! {
        <div class="import-areas">
            <p data-testid="district-import-areas">{summary}</p>
            {(count > 0)
                .then(|| {
                    view! {
                        <p class="hint">{(review.import_unread_title)(count)}</p>
                        <ul class="import-unread">{list}</ul>
                        {(more > 0)
                            .then(|| {
                                view! { <p class="hint">{(review.import_unread_more)(more)}</p> }
                            })}
                    }
                })}
            {(notes > 0).then(|| view! { <p class="hint">{(review.import_notes)(notes)}</p> })}
        </div>
    })
}

#[component]
pub fn ImportCard() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    let review = t().district_review;
    let busy = RwSignal::new(None::<Busy>);
    let failure = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<String>::new());
    let error_count = RwSignal::new(0usize);
    let pending = RwSignal::new(None::<Pending>);
    let mode = RwSignal::new(ImportMode::Replace);
    let sheets = RwSignal::new(Vec::<String>::new());
    let sheet = RwSignal::new(String::new());
    let chosen = StoredValue::new(None::<Chosen>);
    // Each run has a number; a run that is no longer the latest stops.
    let run_id = StoredValue::new(0u64);

    let draft = RwSignal::new(None::<MappingDraft>);
    let mapping_open = RwSignal::new(false);

    // Reads the rows with the draft's mapping, a few hundred at a time, then previews the import.
    let read = move |d: MappingDraft| {
        let id = run_id.get_value() + 1;
        run_id.set_value(id);
        failure.set(None);
        errors.set(Vec::new());
        error_count.set(0);
        pending.set(None);
        mapping_open.set(false);
        spawn_local(async move {
            let current = move || run_id.try_get_value() == Some(id);
            let hint = d
                .stage
                .or_else(|| d.sheet.as_deref().and_then(stage_hint))
                .or_else(|| stage_hint(&d.file.name));
            let mut job = ImportJob::with_mapping(&d.rows, d.mapping.clone(), hint);
            loop {
                let done = job.step(CHUNK);
                let (read, total) = job.progress();
                busy.set(Some(Busy {
                    what: words.import_rows,
                    done: read,
                    total,
                }));
                next_tick().await;
                if !current() {
                    return;
                }
                if done {
                    break;
                }
            }
            let imported = job.finish();
            error_count.set(imported.errors.len());
            errors.set(
                imported
                    .errors
                    .iter()
                    .take(MAX_ERRORS)
                    .map(|e| t().district.import_error(e))
                    .collect(),
            );
            busy.set(None);
            if imported.rules.is_empty() && imported.schools.is_empty() && imported.areas.is_empty()
            {
                if imported.errors.is_empty() {
                    failure.set(Some(words.import_nothing.to_string()));
                }
                return;
            }
            let (replace, append) = state.data.with_untracked(|w| {
                (
                    preview_import(&w.schools, &w.districts, &imported, ImportMode::Replace),
                    preview_import(&w.schools, &w.districts, &imported, ImportMode::Append),
                )
            });
            mode.set(ImportMode::Replace);
            pending.set(Some(Pending {
                file: d.file.name.clone(),
                imported,
                replace,
                append,
            }));
        });
    };

    // Reads the file's rows, then its columns: straight on when every heading is recognised, else
    // the bureau says what each column holds first.
    let run = move |file: Chosen, sheet_name: Option<String>| {
        let id = run_id.get_value() + 1;
        run_id.set_value(id);
        failure.set(None);
        errors.set(Vec::new());
        error_count.set(0);
        pending.set(None);
        draft.set(None);
        spawn_local(async move {
            let current = move || run_id.try_get_value() == Some(id);
            let rows = rows_of(&file.bytes, sheet_name.as_deref(), busy, sheets, sheet).await;
            if !current() {
                return;
            }
            let rows = match rows {
                Ok(rows) => rows,
                Err(message) => {
                    busy.set(None);
                    failure.set(Some(message));
                    return;
                }
            };
            busy.set(None);
            let Some(mapping) = suggest(&rows) else {
                failure.set(Some(
                    t().district
                        .import_error(&ImportError::file(ImportErrorKind::Empty)),
                ));
                return;
            };
            let complete = mapping.is_complete(&rows);
            let known = mapping.roles.iter().any(Option::is_some);
            // The sheet read: the one chosen, else the first (its name may say the 学段).
            let sheet_name = sheet_name.or_else(|| sheets.with_untracked(|s| s.first().cloned()));
            let d = MappingDraft {
                file,
                sheet: sheet_name,
                rows: std::sync::Arc::new(rows),
                mapping,
                stage: None,
                complete,
            };
            draft.set(Some(d.clone()));
            if complete {
                read(d);
            } else {
                mapping_open.set(true);
                if !known {
                    // Nothing recognised: say so, with the first row, beside the mapping.
                    let first = ImportJob::new(&d.rows).finish();
                    error_count.set(first.errors.len());
                    errors.set(
                        first
                            .errors
                            .iter()
                            .map(|e| t().district.import_error(e))
                            .collect(),
                    );
                }
            }
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = take_files(&ev).into_iter().next() else {
            return;
        };
        sheets.set(Vec::new());
        sheet.set(String::new());
        spawn_local(async move {
            let name = file.name();
            busy.set(Some(Busy {
                what: t().district_page.import_reading,
                done: 0,
                total: 0,
            }));
            let Some(bytes) = read_bytes(&file).await else {
                busy.set(None);
                failure.set(Some(t().file_read_failed.to_string()));
                return;
            };
            let chosen_file = Chosen {
                name,
                bytes: std::sync::Arc::new(bytes),
            };
            chosen.set_value(Some(chosen_file.clone()));
            run(chosen_file, None);
        });
    };

    let read_sheet = move |_| {
        let name = sheet.get_untracked();
        if let Some(file) = chosen.get_value() {
            run(file, (!name.is_empty()).then_some(name));
        }
    };

    let confirm = move |_| {
        let mut taken = None;
        pending.update(|p| taken = p.take());
        let Some(p) = taken else {
            return;
        };
        let m = mode.get_untracked();
        let message = (words.import_done)(&p.file);
        state.edit_undoable(move |w| {
            apply_import(&mut w.schools, &mut w.districts, &p.imported, m);
            if m == ImportMode::Replace && !p.imported.rules.is_empty() {
                w.districts.illustrative = false;
            }
            Some(message)
        });
        errors.set(Vec::new());
        error_count.set(0);
    };

    let progress = move || {
        busy.get().map(|b| {
            let percent = (b.done * 100).checked_div(b.total);
            view! {
                <div class="import-progress" data-testid="district-import-progress" role="status">
                    <span>{b.what}</span>
                    {percent
                        .map(|p| {
                            view! {
                                <progress
                                    max="100"
                                    value=p.to_string()
                                    aria-label=words.import_progress_label
                                ></progress>
                                <span data-testid="district-import-percent">
                                    {(words.import_percent)(b.done, b.total, p)}
                                </span>
                            }
                        })}
                </div>
            }
        })
    };

    let preview = move || {
        pending.with(|p| {
            p.as_ref().map(|p| {
                let kind = p.imported.kind.map(|k| t().district.table_kind(k)).unwrap_or_default();
                let has_rules = !p.imported.rules.is_empty();
                let counts = (words.import_counts)(
                    p.imported.rows,
                    p.imported.rules.len(),
                    p.imported.schools.len(),
                    p.imported.errors.len(),
                );
                let replace = p.replace.clone();
                let append = p.append.clone();
                let added = p.replace.schools_added.join(t().list_separator);
                let updated = p.replace.schools_updated.join(t().list_separator);
                view! {
                    <div
                        class="import-preview"
                        data-testid="district-import-preview"
                        role="region"
                        aria-label=words.import_preview_title
                    >
                        <h4>{(words.import_preview_file)(&p.file)}</h4>
                        <p class="hint">{kind}</p>
                        <p data-testid="district-import-counts">{counts}</p>
                        {has_rules
                            .then(|| {
                                view! {
                                    <fieldset class="import-mode">
                                        <legend>{words.import_mode}</legend>
                                        <label class="check-line">
                                            <input
                                                type="radio"
                                                name="district-import-mode"
                                                data-testid="district-import-replace"
                                                prop:checked=move || mode.get() == ImportMode::Replace
                                                on:change=move |_| mode.set(ImportMode::Replace)
                                            />
                                            <span>{words.import_replace}</span>
                                        </label>
                                        <label class="check-line">
                                            <input
                                                type="radio"
                                                name="district-import-mode"
                                                data-testid="district-import-append"
                                                prop:checked=move || mode.get() == ImportMode::Append
                                                on:change=move |_| mode.set(ImportMode::Append)
                                            />
                                            <span>{words.import_append}</span>
                                        </label>
                                    </fieldset>
                                    <p data-testid="district-import-change">
                                        {move || {
                                            let p = if mode.get() == ImportMode::Replace {
                                                &replace
                                            } else {
                                                &append
                                            };
                                            (words
                                                .import_change)(
                                                p.rules_before,
                                                p.rules_after,
                                                p.rules_new,
                                                p.rules_removed,
                                            )
                                        }}
                                    </p>
                                }
                            })}
                        {areas_view(&p.imported)}
                        {(!added.is_empty())
                            .then(|| view! { <p>{words.import_schools_added}{added}</p> })}
                        {(!updated.is_empty())
                            .then(|| view! { <p>{words.import_schools_updated}{updated}</p> })}
                        <div class="actions">
                            <button
                                class="primary"
                                data-testid="district-import-confirm"
                                on:click=confirm
                            >
                                {words.import_confirm}
                            </button>
                            <button
                                data-testid="district-import-cancel"
                                on:click=move |_| pending.set(None)
                            >
                                {words.import_cancel}
                            </button>
                        </div>
                    </div>
                }
            })
        })
    };

    let mapping_panel = move || {
        let d = draft.get()?;
        if !mapping_open.get() && d.complete {
            return Some(
                view! {
                    <p class="hint">
                        <button
                            class="link"
                            data-testid="district-import-mapping-open"
                            on:click=move |_| mapping_open.set(true)
                        >
                            {review.mapping_change}
                        </button>
                    </p>
                }
                .into_any(),
            );
        }
        if !mapping_open.get() {
            return None;
        }
        let header: Vec<String> = d
            .rows
            .get(d.mapping.header)
            .map(|r| r.cells.clone())
            .unwrap_or_default();
        let columns = header.len().max(d.mapping.roles.len());
        let sample = |c: usize| -> String {
            d.rows
                .iter()
                .skip(d.mapping.header + 1)
                .filter_map(|r| r.cells.get(c))
                .find(|v| !v.trim().is_empty())
                .map(|v| crate::excerpt::excerpt_to(v, 30))
                .unwrap_or_default()
        };
        let rows =
            (0..columns)
                .map(|c| {
                    let heading = header.get(c).cloned().unwrap_or_default();
                    let label = (review.mapping_column)(c + 1, &heading);
                    let current = d.mapping.roles.get(c).copied().flatten();
                    let options =
                        std::iter::once((String::new(), review.mapping_none, current.is_none()))
                            .chain(Role::ALL.iter().map(|r| {
                                (r.name().to_string(), review.role(*r), current == Some(*r))
                            }))
                            .map(|(value, name, selected)| {
                                view! {
                                    <option value=value selected=selected>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view();
                    let example = sample(c);
                    view! {
                        <tr>
                            <th scope="row">{label.clone()}</th>
                            <td class="hint">
                                {(!example.is_empty())
                                    .then(|| format!("{}{example}", review.mapping_sample))}
                            </td>
                            <td>
                                <select
                                    data-testid="district-import-role"
                                    data-column=c.to_string()
                                    aria-label=label
                                    on:change=move |ev| {
                                        let role = Role::from_name(&event_target_value(&ev));
                                        draft
                                            .update(|d| {
                                                if let Some(d) = d {
                                                    d.mapping.set(c, role);
                                                }
                                            });
                                    }
                                >
                                    {options}
                                </select>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
        let stage_options = [
            (String::new(), review.mapping_stage_auto),
            ("primary".to_string(), t().district.stage(Stage::Primary)),
            ("middle".to_string(), t().district.stage(Stage::Middle)),
            ("both".to_string(), t().district.stage(Stage::Both)),
        ]
        .into_iter()
        .map(|(value, name)| view! { <option value=value>{name}</option> })
        .collect_view();
        let readable =
            move || draft.with(|d| d.as_ref().is_some_and(|d| d.mapping.kind().is_some()));
        Some(
            view! {
                <div
                    class="import-mapping"
                    data-testid="district-import-mapping"
                    role="region"
                    aria-label=review.mapping_title
                >
                    <h4>{review.mapping_title}</h4>
                    <p class="hint">
                        {if d.complete { review.mapping_ok_hint } else { review.mapping_hint }}
                    </p>
                    <div class="rules-wrap">
                        <table class="mapping">
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <label>
                        <span>{review.mapping_stage}</span>
                        <select
                            data-testid="district-import-stage"
                            on:change=move |ev| {
                                let stage = match event_target_value(&ev).as_str() {
                                    "primary" => Some(Stage::Primary),
                                    "middle" => Some(Stage::Middle),
                                    "both" => Some(Stage::Both),
                                    _ => None,
                                };
                                draft
                                    .update(|d| {
                                        if let Some(d) = d {
                                            d.stage = stage;
                                        }
                                    });
                            }
                        >
                            {stage_options}
                        </select>
                    </label>
                    <Show when=move || !readable()>
                        <p
                            class="field-error"
                            role="status"
                            data-testid="district-import-mapping-incomplete"
                        >
                            {review.mapping_no_kind}
                        </p>
                    </Show>
                    <div class="actions">
                        <button
                            class="primary"
                            data-testid="district-import-read"
                            disabled=move || !readable()
                            on:click=move |_| {
                                if let Some(d) = draft.get_untracked() {
                                    read(d);
                                }
                            }
                        >
                            {review.mapping_read}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
        )
    };

    view! {
        <div class="card" data-testid="district-import-card">
            <h3>{words.import_title}</h3>
            <p class="hint">{words.import_hint}</p>
            <FilePicker
                testid="district-import"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                label=words.import_title
                on_change=on_file
            />
            {progress}
            <Show when=move || sheets.with(|s| s.len() > 1)>
                <div class="inline-form">
                    <label>
                        <span>{words.import_sheet}</span>
                        <select
                            data-testid="district-import-sheet"
                            on:change=move |ev| sheet.set(event_target_value(&ev))
                        >
                            {move || {
                                sheets
                                    .get()
                                    .into_iter()
                                    .map(|name| {
                                        let value = name.clone();
                                        let selected = name.clone();
                                        view! {
                                            <option
                                                value=value
                                                selected=move || sheet.with(|s| *s == selected)
                                            >
                                                {name}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                    <button data-testid="district-import-sheet-read" on:click=read_sheet>
                        {words.import_sheet_read}
                    </button>
                </div>
            </Show>
            <Show when=move || failure.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="district-import-failure">
                    {move || failure.get().unwrap_or_default()}
                </p>
            </Show>
            {mapping_panel}
            {preview}
            <Show when=move || { error_count.get() > 0 }>
                <div class="import-errors" data-testid="district-import-errors">
                    <p class="danger" role="alert">
                        {move || (words.import_error_count)(error_count.get())}
                    </p>
                    <ul>
                        {move || {
                            errors
                                .get()
                                .into_iter()
                                .map(|e| view! { <li data-testid="district-import-error">{e}</li> })
                                .collect_view()
                        }}
                    </ul>
                    <Show when=move || { error_count.get() > MAX_ERRORS }>
                        <p class="hint">
                            {move || (words.import_errors_more)(error_count.get() - MAX_ERRORS)}
                        </p>
                    </Show>
                </div>
            </Show>
        </div>
    }
}
