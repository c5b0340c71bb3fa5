//! `#/narrative`: the free-text sections of both report structures. Both sets are kept, so switching the
//! structure loses nothing. The chosen structure's sections come first, at full weight; the other's are
//! folded away under a summary that says they are not printed.

use leptos::prelude::*;

use crate::model::{Narrative, ReportStructure};
use crate::text::t;
use crate::ui::state::{AppState, UndoFn};
use crate::ui::widgets::{StatutoryNote, StructureSelect};

type ReadField = fn(&Narrative) -> String;
type WriteField = fn(&mut Narrative, String);
/// An edit of the 工作开展情况 list.
type ListEdit = Box<dyn FnOnce(&mut Vec<String>)>;

/// A labelled textarea bound to one narrative field.
fn text_field(
    state: AppState,
    testid: &'static str,
    label: &'static str,
    rows: u32,
    get: ReadField,
    put: WriteField,
) -> impl IntoView {
    view! {
        <label class="block">
            <span>{label}</span>
            <textarea
                data-testid=testid
                rows=rows.to_string()
                prop:value=move || {
                    state.ws.with(|w| w.current().map(|r| get(&r.narrative)).unwrap_or_default())
                }
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    state
                        .edit(|w| {
                            if let Some(r) = w.current_mut() {
                                put(&mut r.narrative, v)
                            }
                        });
                }
            ></textarea>
        </label>
    }
}

#[component]
pub fn NarrativePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so that typing in a field (a workspace change) does not redraw the sections around it.
    let structure = Memo::new(move |_| {
        state
            .ws
            .with(|w| w.current().map(|r| r.structure).unwrap_or_default())
    });
    let field_sections = move || {
        view! {
            <section class="card" data-testid="narrative-field">
                <h3>{t().structure(ReportStructure::Field)}</h3>
                {text_field(
                    state,
                    "narrative-goals",
                    t().nar_goals,
                    3,
                    |n| n.goals.clone(),
                    |n, v| n.goals = v,
                )}
                <WorkItems />
                {text_field(
                    state,
                    "narrative-disclosure-intro",
                    t().nar_disclosure_intro,
                    2,
                    |n| n.disclosure_intro.clone(),
                    |n, v| n.disclosure_intro = v,
                )}
                {text_field(
                    state,
                    "narrative-tables-note",
                    t().nar_tables_note,
                    2,
                    |n| n.tables_note.clone(),
                    |n, v| n.tables_note = v,
                )}
            </section>
        }
    };
    let statutory_sections = move || {
        view! {
            <section class="card" data-testid="narrative-statutory">
                <h3>{t().structure(ReportStructure::Statutory)}</h3>
                <p class="hint">{t().nar_overview}</p>
                {text_field(
                    state,
                    "narrative-overview-active",
                    t().nar_active,
                    3,
                    |n| n.overview.active.clone(),
                    |n, v| n.overview.active = v,
                )}
                {text_field(
                    state,
                    "narrative-overview-on-request",
                    t().nar_on_request,
                    3,
                    |n| n.overview.on_request.clone(),
                    |n, v| n.overview.on_request = v,
                )}
                {text_field(
                    state,
                    "narrative-overview-management",
                    t().nar_management,
                    3,
                    |n| n.overview.management.clone(),
                    |n, v| n.overview.management = v,
                )}
                {text_field(
                    state,
                    "narrative-overview-platform",
                    t().nar_platform,
                    3,
                    |n| n.overview.platform.clone(),
                    |n, v| n.overview.platform = v,
                )}
                {text_field(
                    state,
                    "narrative-overview-supervision",
                    t().nar_supervision,
                    3,
                    |n| n.overview.supervision.clone(),
                    |n, v| n.overview.supervision = v,
                )}
                {text_field(
                    state,
                    "narrative-fee-line",
                    t().nar_fee_line,
                    2,
                    |n| n.fee_line.clone(),
                    |n, v| n.fee_line = v,
                )}
            </section>
        }
    };
    view! {
        <section data-testid="page-narrative">
            <h2>{t().nav_narrative}</h2>
            <label class="block">
                <span>{t().settings_structure}</span>
                <StructureSelect testid="narrative-structure" />
            </label>
            <p class="hint">{t().nar_both_kept}</p>
            <StatutoryNote message=t().feedback.narrative_statutory_categories />
            {text_field(
                state,
                "narrative-preamble",
                t().nar_preamble,
                5,
                |n| n.preamble.clone(),
                |n, v| n.preamble = v,
            )}
            {move || {
                let chosen = structure.get();
                let other = match chosen {
                    ReportStructure::Field => ReportStructure::Statutory,
                    ReportStructure::Statutory => ReportStructure::Field,
                };
                let sections = move |s: ReportStructure| match s {
                    ReportStructure::Field => field_sections().into_any(),
                    ReportStructure::Statutory => statutory_sections().into_any(),
                };
                view! {
                    <div class="printed" data-testid="narrative-printed">
                        <p class="section-label">{t().feedback.narrative_printed}</p>
                        {sections(chosen)}
                        <section class="card">
                            <h3>{t().nar_common}</h3>
                            {text_field(
                                state,
                                "narrative-problems",
                                t().nar_problems,
                                5,
                                |n| n.problems.clone(),
                                |n, v| n.problems = v,
                            )}
                            {text_field(
                                state,
                                "narrative-other",
                                t().nar_other,
                                2,
                                |n| n.other.clone(),
                                |n, v| n.other = v,
                            )}
                        </section>
                    </div>
                    <details class="not-printed" data-testid="narrative-not-printed">
                        <summary>
                            {(t().feedback.narrative_not_printed)(t().structure(other))}
                        </summary>
                        {sections(other)}
                    </details>
                }
            }}
        </section>
    }
}

/// 二、工作开展情况: a numbered list; numbers are added when the report is rendered.
#[component]
fn WorkItems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| {
        state.ws.with(|w| {
            w.current()
                .map(|r| r.narrative.work_items.len())
                .unwrap_or(0)
        })
    });
    let edit = move |f: ListEdit| {
        state.edit(|w| {
            if let Some(r) = w.current_mut() {
                f(&mut r.narrative.work_items)
            }
        })
    };
    view! {
        <fieldset class="work-items">
            <legend>{t().nar_work}</legend>
            <For each=move || 0..count.get() key=|n| *n let:n>
                <div class="work-item" data-item-id=format!("work-{n}")>
                    <span class="num">{(t().work_item_number)(n + 1)}</span>
                    <textarea
                        data-testid="narrative-work-item"
                        aria-label=(t().feedback.work_item_label)(n + 1)
                        rows="2"
                        prop:value=move || {
                            state
                                .ws
                                .with(|w| {
                                    w.current()
                                        .and_then(|r| r.narrative.work_items.get(n).cloned())
                                        .unwrap_or_default()
                                })
                        }
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            edit(
                                Box::new(move |items| {
                                    if let Some(x) = items.get_mut(n) {
                                        *x = v;
                                    }
                                }),
                            );
                        }
                    ></textarea>
                    <button
                        class="remove"
                        data-testid="narrative-work-remove"
                        aria-label=(t().feedback.work_item_remove_label)(n + 1)
                        on:click=move |_| state.edit_undoable(|w| remove_work_item(w, n))
                    >
                        {t().item_remove}
                    </button>
                </div>
            </For>
            <button
                data-testid="narrative-work-add"
                on:click=move |_| edit(Box::new(|items| items.push(String::new())))
            >
                {t().nar_work_add}
            </button>
        </fieldset>
    }
}

/// Removes work item `n` of the open report, with the edit that puts it back.
fn remove_work_item(w: &mut crate::model::Workspace, n: usize) -> Option<(String, UndoFn)> {
    let year = w.current_year?;
    let items = &mut w.reports.get_mut(&year)?.narrative.work_items;
    if n >= items.len() {
        return None;
    }
    let text = items.remove(n);
    let undo: UndoFn = Box::new(move |w| {
        if let Some(r) = w.reports.get_mut(&year) {
            let items = &mut r.narrative.work_items;
            items.insert(n.min(items.len()), text);
        }
    });
    Some(((t().feedback.work_item_removed)(n + 1), undo))
}
