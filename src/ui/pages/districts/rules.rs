//! The rule table of `#/districts`: searchable, a page of rows at a time, each rule with its original
//! text; add and edit in a dialog whose 门牌号 is checked as it is typed; delete with 撤销.

use leptos::prelude::*;

use crate::district::editing::{
    check_numbers, fields_of, rule_from_fields, search_rules, FieldError, RuleFields,
};
use crate::district::{print_numbers, Rule};
use crate::page_data::DistrictsPageData;
use crate::text::t;
use crate::ui::dialog::Dialog;
use crate::ui::pages::districts::{DistrictsLinks, DistrictsState};

/// Rows shown at first, and added by “显示更多”.
const PAGE: usize = 50;

/// The rule being edited: its index (`None`: a new rule) and the fields as typed.
#[derive(Clone)]
struct Editing {
    index: Option<usize>,
    fields: RuleFields,
}

fn field_error(e: &FieldError) -> String {
    let words = t().district_page;
    match e {
        FieldError::NoPlace => words.rule_no_place.to_string(),
        FieldError::Unclear => words.rule_unclear.to_string(),
        FieldError::NoSchool => words.rule_no_school.to_string(),
        FieldError::Numbers(s) => {
            (words.rule_bad_numbers)(t().district.spec_error(s.kind), &s.fragment)
        }
    }
}

fn remove_rule(w: &mut DistrictsPageData, index: usize) -> Option<String> {
    if index >= w.districts.rules.len() {
        return None;
    }
    let rule = w.districts.rules.remove(index);
    Some((t().district_page.rule_removed)(&shown_text(&rule)))
}

/// The original text of a rule, or its place and numbers when it has none.
fn shown_text(r: &Rule) -> String {
    if r.source.trim().is_empty() {
        format!("{} {}", r.name, print_numbers(&r.numbers))
    } else {
        r.source.clone()
    }
}

#[component]
pub fn RulesCard() -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    let review = t().district_review;
    let query = expect_context::<DistrictsLinks>().rule_query;
    let shown = RwSignal::new(PAGE);
    let editing = RwSignal::new(None::<Editing>);
    let matches = Memo::new(move |_| {
        let q = query.get();
        state.data.with(|w| search_rules(&w.districts.rules, &q))
    });
    let total = move || state.data.with(|w| w.districts.rules.len());

    let row = move |i: usize, r: Rule| {
        let text = shown_text(&r);
        let edit_label = (words.rule_edit_label)(&text);
        let delete_label = (words.rule_delete_label)(&text);
        let numbers = if r.numbers.is_all() {
            words.rule_all.to_string()
        } else {
            print_numbers(&r.numbers)
        };
        let mut place = if r.aliases.is_empty() {
            r.name.clone()
        } else {
            (words.rule_aliases)(&r.name, &r.aliases.join(t().list_separator))
        };
        if !r.town.is_empty() {
            place.push_str(&(review.rule_town)(&r.town));
        }
        // What limits the rule: places left out, a part only.
        let except: Vec<String> = r
            .except
            .iter()
            .map(|e| {
                if e.numbers.is_all() {
                    e.name.clone()
                } else {
                    format!("{}{}", e.name, print_numbers(&e.numbers))
                }
            })
            .collect();
        let limits = [
            (!except.is_empty()).then(|| (review.rule_except)(&except.join(t().list_separator))),
            (!r.part.is_empty()).then(|| (review.rule_part)(&r.part)),
        ];
        let possible = r.is_possible_only();
        let sep = t().list_separator;
        view! {
            <tr data-testid="district-rule">
                <td data-label=words
                    .col_place>
                    {place}
                    {possible
                        .then(|| view! { <span class="rule-tag">{words.rule_possible}</span> })}
                </td>
                <td data-label=words.col_numbers>{numbers}</td>
                <td data-label=words.col_primary>{r.primary.join(sep)}</td>
                <td data-label=words.col_middle>{r.middle.join(sep)}</td>
                <td data-label=words.col_source class="rule-source">
                    <q data-testid="district-rule-source">{text}</q>
                    {limits
                        .into_iter()
                        .flatten()
                        .map(|l| {
                            view! {
                                <span class="hint" data-testid="district-rule-limit">
                                    {l}
                                </span>
                            }
                        })
                        .collect_view()}
                    {(!r.note.is_empty())
                        .then(|| view! { <span class="hint">{(words.rule_note)(&r.note)}</span> })}
                </td>
                <td class="rule-actions">
                    <button
                        data-testid="district-rule-edit"
                        aria-label=edit_label
                        on:click=move |_| {
                            let fields = state
                                .data
                                .with_untracked(|w| w.districts.rules.get(i).map(fields_of));
                            if let Some(fields) = fields {
                                editing.set(Some(Editing { index: Some(i), fields }));
                            }
                        }
                    >
                        {words.rule_edit}
                    </button>
                    <button
                        class="remove"
                        data-testid="district-rule-delete"
                        aria-label=delete_label
                        on:click=move |_| state.edit_undoable(|w| remove_rule(w, i))
                    >
                        {words.rule_delete}
                    </button>
                </td>
            </tr>
        }
    };

    let rows = move || {
        let ids = matches.get();
        let limit = shown.get();
        state
            .data
            .with(|w| {
                ids.iter()
                    .take(limit)
                    .filter_map(|i| w.districts.rules.get(*i).map(|r| (*i, r.clone())))
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .map(|(i, r)| row(i, r))
            .collect_view()
    };

    view! {
        <div class="card" data-testid="district-rules-card">
            <h3>{move || (words.rules_title)(total())}</h3>
            <div class="inline-form">
                <label class="grow">
                    <span>{words.rules_search}</span>
                    <input
                        type="text"
                        data-testid="district-rule-search"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            shown.set(PAGE);
                        }
                    />
                </label>
                <button
                    data-testid="district-rule-add"
                    on:click=move |_| {
                        editing
                            .set(
                                Some(Editing {
                                    index: None,
                                    fields: RuleFields::default(),
                                }),
                            )
                    }
                >
                    {words.rule_add}
                </button>
            </div>
            <p class="hint" role="status" data-testid="district-rules-count">
                {move || (words
                    .rules_shown)(matches.with(Vec::len).min(shown.get()), matches.with(Vec::len))}
            </p>
            <div class="rules-wrap">
                <table class="rules" data-testid="district-rules">
                    <thead>
                        <tr>
                            <th scope="col">{words.col_place}</th>
                            <th scope="col">{words.col_numbers}</th>
                            <th scope="col">{words.col_primary}</th>
                            <th scope="col">{words.col_middle}</th>
                            <th scope="col">{words.col_source}</th>
                            <th scope="col">
                                <span class="visually-hidden">{words.col_actions}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || { matches.with(Vec::len) > shown.get() }>
                <button
                    data-testid="district-rules-more"
                    on:click=move |_| shown.update(|n| *n += PAGE)
                >
                    {words.rules_more}
                </button>
            </Show>
            {move || {
                editing
                    .get()
                    .map(|e| {
                        view! {
                            <RuleDialog
                                editing=e
                                on_close=Callback::new(move |()| editing.set(None))
                            />
                        }
                    })
            }}
        </div>
    }
}

/// The dialog that adds a rule or edits one.
#[component]
fn RuleDialog(editing: Editing, on_close: Callback<()>) -> impl IntoView {
    let state = expect_context::<DistrictsState>();
    let words = t().district_page;
    let index = editing.index;
    let f = editing.fields;
    let place = RwSignal::new(f.place);
    let numbers = RwSignal::new(f.numbers);
    let primary = RwSignal::new(f.primary);
    let middle = RwSignal::new(f.middle);
    let note = RwSignal::new(f.note);
    let town = RwSignal::new(f.town);
    let fragment = f.fragment;
    let error = RwSignal::new(None::<String>);
    let numbers_error = Memo::new(move |_| {
        numbers
            .with(|n| check_numbers(n.trim()).err())
            .map(|e| (words.rule_bad_numbers)(t().district.spec_error(e.kind), &e.fragment))
    });
    let save = move || {
        let fields = RuleFields {
            place: place.get_untracked(),
            numbers: numbers.get_untracked(),
            primary: primary.get_untracked(),
            middle: middle.get_untracked(),
            note: note.get_untracked(),
            town: town.get_untracked(),
            fragment,
        };
        match rule_from_fields(&fields) {
            Err(e) => error.set(Some(field_error(&e))),
            Ok(rule) => {
                state.edit(|w| match index {
                    Some(i) if i < w.districts.rules.len() => w.districts.rules[i] = rule,
                    _ => w.districts.rules.push(rule),
                });
                state.notice(
                    if index.is_some() {
                        words.rule_saved
                    } else {
                        words.rule_added
                    }
                    .to_string(),
                );
                on_close.run(());
            }
        }
    };
    let title = if index.is_some() {
        words.rule_edit_title
    } else {
        words.rule_add_title
    };
    let text_field = move |testid: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <label>
                <span>{label}</span>
                <input
                    type="text"
                    data-testid=testid
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
            </label>
        }
    };
    view! {
        <Dialog testid="district-rule-dialog" title=title.to_string() on_close=on_close>
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }
            >
                {text_field("district-rule-place", words.col_place, place)}
                {text_field("district-rule-town", words.col_town, town)}
                <label>
                    <span>{words.col_numbers}</span>
                    <input
                        type="text"
                        data-testid="district-rule-numbers"
                        placeholder=words.rule_numbers_placeholder
                        aria-describedby="district-rule-numbers-error"
                        aria-invalid=move || numbers_error.with(Option::is_some).to_string()
                        prop:value=move || numbers.get()
                        on:input=move |ev| {
                            numbers.set(event_target_value(&ev));
                            error.set(None);
                        }
                    />
                    <span
                        class="field-error"
                        id="district-rule-numbers-error"
                        data-testid="district-rule-numbers-error"
                        aria-live="polite"
                    >
                        {move || numbers_error.get().unwrap_or_default()}
                    </span>
                </label>
                {text_field("district-rule-primary", words.col_primary, primary)}
                {text_field("district-rule-middle", words.col_middle, middle)}
                {text_field("district-rule-note", words.col_note, note)}
                <p class="hint">{words.rule_dialog_hint}</p>
                <Show when=move || error.with(Option::is_some)>
                    <p class="field-error" role="alert" data-testid="district-rule-error">
                        {move || error.get().unwrap_or_default()}
                    </p>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="district-rule-save">
                        {words.rule_save}
                    </button>
                    <button
                        type="button"
                        data-testid="district-rule-cancel"
                        on:click=move |_| on_close.run(())
                    >
                        {t().feedback.cancel}
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
