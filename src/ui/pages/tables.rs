//! `#/tables`: the statutory tables with verbatim labels and official merged headers. Cells are checked
//! as they are typed, totals are computed, the keyboard moves like a spreadsheet, and a block copied
//! from Excel/WPS can be pasted.

use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::catalog::{self, Span};
use crate::cell::{parse_cell, parse_clipboard};
use crate::grid::{self, Grid, GridCell, Step};
use crate::model::{ReportStructure, TableFormat};
use crate::text::t;
use crate::ui::state::AppState;
use crate::ui::widgets::TableFormatSelect;
use crate::web::dom;

fn format_of(state: AppState) -> TableFormat {
    state.ws.with(|w| {
        w.current()
            .map(|r| r.effective_table_format())
            .unwrap_or(TableFormat::V2021)
    })
}

#[component]
pub fn TablesPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let format = Memo::new(move |_| format_of(state));
    // Memos, so that typing in a cell (a workspace change) does not redraw the tables around it.
    let statutory = Memo::new(move |_| {
        state.ws.with(|w| {
            w.current()
                .is_some_and(|r| r.structure == ReportStructure::Statutory)
        })
    });
    let computed = Memo::new(move |_| {
        let f = format.get();
        state.ws.with(|w| {
            w.current()
                .map(|r| catalog::computed_cells(&r.tables, f))
                .unwrap_or_default()
        })
    });
    view! {
        <section data-testid="page-tables">
            <h2>{t().nav_tables}</h2>
            <label class="block">
                <span>{t().settings_format}</span>
                <TableFormatSelect testid="tables-format" />
            </label>
            <p class="hint">{t().tables_hint}</p>
            {move || {
                let f = format.get();
                view! {
                    <h3>{t().table2_title}</h3>
                    <Table2 format=f />
                    {if statutory.get() {
                        view! {
                            <h3>{t().table3_title}</h3>
                            <NoCasesMark table=catalog::TABLE3 />
                            <Table3 format=f computed=computed />
                            <h3>{t().table4_title}</h3>
                            <NoCasesMark table=catalog::TABLE4 />
                            <Table4 format=f computed=computed />
                        }
                            .into_any()
                    } else {
                        view! {
                            <p class="hint" data-testid="tables-field-note">
                                {t().tables_field_note}
                            </p>
                        }
                            .into_any()
                    }}
                }
            }}
        </section>
    }
}

/// The “本年度无相关情况” mark of 表三 (`t3`) or 表四 (`t4`): a blank table marked so is not a finding.
#[component]
fn NoCasesMark(table: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let is_t3 = table == catalog::TABLE3;
    let checked = move || {
        state.ws.with(|w| {
            w.current().is_some_and(|r| {
                if is_t3 {
                    r.no_cases.table3
                } else {
                    r.no_cases.table4
                }
            })
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        state.edit(|w| {
            if let Some(r) = w.current_mut() {
                if is_t3 {
                    r.no_cases.table3 = on;
                } else {
                    r.no_cases.table4 = on;
                }
            }
        });
    };
    view! {
        <label class="check-line no-cases">
            <input
                type="checkbox"
                data-testid=format!("table-{table}-none")
                prop:checked=checked
                on:change=on_change
            />
            " "
            {t().safeguards.no_cases}
        </label>
        <p class="hint no-cases-hint">{t().safeguards.no_cases_hint}</p>
    }
}

fn header_cells(spans: &[Span]) -> impl IntoView {
    spans
        .iter()
        .map(|s| {
            view! {
                <th colspan=s.colspan.to_string() rowspan=s.rowspan.to_string()>
                    {s.text}
                </th>
            }
        })
        .collect_view()
}

#[component]
fn Table2(format: TableFormat) -> impl IntoView {
    let grid = StoredValue::new(grid::table2(format));
    let mut r = 0usize;
    let blocks = catalog::table2(format)
        .iter()
        .map(|b| {
            let width = b.columns.len() + 1;
            let rows = b
                .rows
                .iter()
                .map(|row| {
                    let this_row = r;
                    r += 1;
                    let cells = (0..b.columns.len())
                        .map(|c| view! { <GridInput table="t2" grid=grid pos=(this_row, c) /> })
                        .collect_view();
                    view! {
                        <tr>
                            <th class="row-label">{row.label}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th class="block-title" colspan=width.to_string()>
                        {b.title}
                    </th>
                </tr>
                <tr>
                    <th>{b.label_header}</th>
                    {b.columns.iter().map(|c| view! { <th>{c.label}</th> }).collect_view()}
                </tr>
                {rows}
            }
        })
        .collect_view();
    view! {
        <div class="grid-wrap">
            <table class="grid" data-testid="table-t2">
                <tbody>{blocks}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Table3(format: TableFormat, computed: Memo<BTreeMap<String, i64>>) -> impl IntoView {
    let def = catalog::table3(format);
    let grid = StoredValue::new(grid::table3(format));
    let rows = def
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let labels = def
                .label_cells(r)
                .into_iter()
                .map(|s| view! {
                    <th
                        class="row-label"
                        colspan=s.colspan.to_string()
                        rowspan=s.rowspan.to_string()
                    >
                        {s.text}
                    </th>
                })
                .collect_view();
            let cells = def
                .columns
                .iter()
                .enumerate()
                .map(|(c, col)| {
                    if row.computed || col.computed {
                        let key = catalog::t3_key(row.key, col.key);
                        view! { <ComputedCell key=key row=row.label col=col.label computed=computed /> }.into_any()
                    } else {
                        view! { <GridInput table="t3" grid=grid pos=(r, c) /> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{labels}{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="grid-wrap">
            <table class="grid" data-testid="table-t3">
                <thead>
                    {def
                        .header
                        .iter()
                        .map(|spans| view! { <tr>{header_cells(spans)}</tr> })
                        .collect_view()}
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Table4(format: TableFormat, computed: Memo<BTreeMap<String, i64>>) -> impl IntoView {
    let def = catalog::table4(format);
    let grid = StoredValue::new(grid::table4(format));
    let mut c = 0usize;
    let cells = def
        .groups
        .iter()
        .flat_map(|g| def.columns.iter().map(move |col| (g, col)))
        .map(|(g, col)| {
            let pos = (0, c);
            c += 1;
            if col.computed {
                let key = catalog::t4_key(g.key, col.key);
                view! { <ComputedCell key=key row=g.label col=col.label computed=computed /> }
                    .into_any()
            } else {
                view! { <GridInput table="t4" grid=grid pos=pos /> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div class="grid-wrap">
            <table class="grid" data-testid="table-t4">
                <thead>
                    {def
                        .header
                        .iter()
                        .map(|spans| view! { <tr>{header_cells(spans)}</tr> })
                        .collect_view()}
                </thead>
                <tbody>
                    <tr>{cells}</tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ComputedCell(
    key: String,
    row: &'static str,
    col: &'static str,
    computed: Memo<BTreeMap<String, i64>>,
) -> impl IntoView {
    let cell = key.clone();
    let value = move || computed.with(|m| m.get(&key).copied().unwrap_or(0));
    view! {
        <td
            class="computed"
            data-row=row
            data-col=col
            data-cell=cell
            title=t().cell_computed
            data-testid="cell-computed"
            tabindex="-1"
        >
            {value}
        </td>
    }
}

/// Moves the focus to the typed cell at `pos` of `table`, its text selected as in a spreadsheet.
fn focus_cell(table: &str, (r, c): (usize, usize)) {
    dom::focus(
        &format!("input[data-grid=\"{table}\"][data-r=\"{r}\"][data-c=\"{c}\"]"),
        true,
    );
}

#[component]
fn GridInput(table: &'static str, grid: StoredValue<Grid>, pos: (usize, usize)) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(cell) =
        grid.with_value(|g| g.get(pos.0).and_then(|r| r.get(pos.1)).cloned().flatten())
    else {
        return view! { <td></td> }.into_any();
    };
    let GridCell {
        key,
        kind,
        row,
        column,
    } = cell;
    let key = StoredValue::new(key);
    // The text is stored as typed, readable or not: text the cell cannot read stays, marked, with its
    // message, until the user fixes it (the check lists it as an error meanwhile).
    let shown = move || {
        state.ws.with(|w| {
            w.current()
                .map(|r| key.with_value(|k| r.tables.get(k).to_string()))
                .unwrap_or_default()
        })
    };
    let error = move || parse_cell(&shown(), kind).err().map(|e| e.message());
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        state.edit(|w| {
            if let Some(r) = w.current_mut() {
                key.with_value(|k| r.tables.set(k.clone(), text.trim()));
            }
        });
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "Enter" if ev.shift_key() => Some(Step::Up),
            "Enter" | "ArrowDown" => Some(Step::Down),
            "ArrowUp" => Some(Step::Up),
            "ArrowLeft" => dom::caret(&ev).filter(|(p, _)| *p == 0).map(|_| Step::Left),
            "ArrowRight" => dom::caret(&ev)
                .filter(|(p, len)| p == len)
                .map(|_| Step::Right),
            _ => None,
        };
        if let Some(step) = step {
            ev.prevent_default();
            if let Some(next) = grid.with_value(|g| grid::step(g, pos, step)) {
                focus_cell(table, next);
            }
        }
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = dom::pasted_text(&ev) else {
            return;
        };
        if !text.contains(['\t', '\n', '\r']) {
            return;
        }
        ev.prevent_default();
        let plan = grid.with_value(|g| grid::paste(g, pos, &parse_clipboard(&text)));
        let writes = plan.writes;
        state.edit(move |w| {
            if let Some(r) = w.current_mut() {
                for (k, v) in writes {
                    r.tables.set(k, v);
                }
            }
        });
        if !plan.rejected.is_empty() || plan.skipped > 0 {
            let names: Vec<String> = plan
                .rejected
                .iter()
                .map(|(c, v)| format!("{} · {}：“{}”", c.row, c.column, v))
                .collect();
            state.alert.set(Some((t().paste_report)(
                plan.rejected.len(),
                plan.skipped,
                &names.join("；"),
            )));
        }
    };
    let row_label = row.clone();
    let col_label = column.clone();
    let aria = format!("{row} · {column}");
    let error_id = format!("cell-error-{table}-{}-{}", pos.0, pos.1);
    let described = error_id.clone();
    view! {
        <td
            data-row=row_label
            data-col=col_label
            data-cell=move || key.get_value()
            class:invalid=move || error().is_some()
        >
            <input
                type="text"
                data-testid="cell"
                data-grid=table
                data-r=pos.0.to_string()
                data-c=pos.1.to_string()
                aria-label=aria
                inputmode=if kind == catalog::CellKind::Count { "numeric" } else { "text" }
                class:blank=move || shown().trim().is_empty()
                placeholder="0"
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=move || error().is_some().then(|| described.clone())
                prop:value=shown
                on:input=on_input
                on:keydown=on_keydown
                on:paste=on_paste
            />
            <Show when=move || error().is_some()>
                <span class="cell-error" id=error_id.clone() data-testid="cell-error">
                    {move || error().unwrap_or_default()}
                </span>
            </Show>
        </td>
    }
    .into_any()
}
