//! Where a finding's “去修改” link leads: the page, and the one control on it that the finding is about.
//! A [`Link`] is written into the hash (`#/category/safety?focus=item-reason&item=school-bus`); the
//! shell reads the query back with [`Focus::from_query`] and focuses [`Focus::selector`].

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::Target;
use crate::catalog;
use crate::route::Route;

/// The control to focus on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// The element with this `data-testid`.
    TestId(String),
    /// The element with `data-testid` `field` inside the item card `data-item-id = item`.
    ItemField { item: String, field: String },
    /// The table cell with this `TableValues` key: its input, or the computed cell itself.
    Cell(String),
}

/// A page and the control to focus there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub route: Route,
    pub focus: Focus,
}

impl Target {
    /// The page and control of this target. A category key outside the catalogue leads to the overview.
    pub fn link(&self) -> Link {
        match self {
            Target::Settings(field) => Link {
                route: Route::Settings,
                focus: Focus::TestId(field.to_string()),
            },
            Target::Category { key, item, field } => {
                let Some(category) = catalog::category(key) else {
                    return Link {
                        route: Route::Overview,
                        focus: Focus::TestId("page-overview".into()),
                    };
                };
                Link {
                    route: Route::Category(category.key),
                    focus: match item {
                        Some(item) => Focus::ItemField {
                            item: item.clone(),
                            field: field.to_string(),
                        },
                        None => Focus::TestId(field.to_string()),
                    },
                }
            }
            Target::Narrative(field) => Link {
                route: Route::Narrative,
                focus: Focus::TestId(field.to_string()),
            },
            Target::Cell(key) => Link {
                route: Route::Tables,
                focus: Focus::Cell(key.clone()),
            },
            // The work items share one `data-testid`; each item's box carries `data-item-id=work-<n>`.
            Target::WorkItem(n) => Link {
                route: Route::Narrative,
                focus: Focus::ItemField {
                    item: format!("work-{n}"),
                    field: "narrative-work-item".into(),
                },
            },
            Target::TableMark(table) => Link {
                route: Route::Tables,
                focus: Focus::TestId(format!("table-{table}-none")),
            },
        }
    }
}

/// What a query value keeps as it is: letters, digits and `-_.~/` (cell keys read `t3/new/natural`).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

fn encode(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// `value` as a CSS string literal: quotes and backslashes escaped, line breaks as `\a `.
fn css_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\a "),
            '\r' => out.push_str("\\d "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Link {
    /// The hash of the page with the control in its query.
    pub fn href(&self) -> String {
        let page = self.route.href();
        match &self.focus {
            Focus::TestId(id) => format!("{page}?focus={}", encode(id)),
            Focus::ItemField { item, field } => {
                format!("{page}?focus={}&item={}", encode(field), encode(item))
            }
            Focus::Cell(key) => format!("{page}?cell={}", encode(key)),
        }
    }
}

impl Focus {
    /// The control named by the decoded query values `focus`, `item` and `cell` of a hash.
    pub fn from_query(
        focus: Option<&str>,
        item: Option<&str>,
        cell: Option<&str>,
    ) -> Option<Focus> {
        match (focus, item, cell) {
            (_, _, Some(cell)) => Some(Focus::Cell(cell.to_string())),
            (Some(field), Some(item), None) => Some(Focus::ItemField {
                item: item.to_string(),
                field: field.to_string(),
            }),
            (Some(id), None, None) => Some(Focus::TestId(id.to_string())),
            (None, _, None) => None,
        }
    }

    /// A CSS selector for the control.
    pub fn selector(&self) -> String {
        match self {
            Focus::TestId(id) => format!("[data-testid={}]", css_string(id)),
            Focus::ItemField { item, field } => format!(
                "[data-item-id={}] [data-testid={}]",
                css_string(item),
                css_string(field)
            ),
            Focus::Cell(key) => format!("[data-cell={}]", css_string(key)),
        }
    }

    /// Whether the control's text is selected when it is focused, so that typing replaces it: yes for
    /// a table cell (as in a spreadsheet), no for text that the user adds to.
    pub fn selects_text(&self) -> bool {
        matches!(self, Focus::Cell(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(link: &Link) -> Focus {
        let hash = link.href();
        assert_eq!(Route::parse(&hash), link.route, "{hash}");
        let query = hash.split_once('?').map(|(_, q)| q).unwrap_or("");
        let param = |name: &str| -> Option<String> {
            query.split('&').find_map(|pair| {
                let (k, v) = pair.split_once('=')?;
                (k == name).then(|| {
                    percent_encoding::percent_decode_str(v)
                        .decode_utf8_lossy()
                        .into_owned()
                })
            })
        };
        let (f, i, c) = (param("focus"), param("item"), param("cell"));
        Focus::from_query(f.as_deref(), i.as_deref(), c.as_deref()).unwrap()
    }

    #[test]
    fn every_target_kind_round_trips_through_the_hash() {
        let targets = [
            Target::Settings("settings-unit"),
            Target::Category {
                key: "safety".into(),
                item: None,
                field: "category-intro",
            },
            Target::Category {
                key: "safety".into(),
                item: Some("a&b=c \"d\"#?".into()),
                field: "item-reason",
            },
            Target::Narrative("narrative-problems"),
            Target::Cell("t3/new/natural".into()),
            Target::WorkItem(3),
            Target::TableMark("t4"),
        ];
        for target in targets {
            let link = target.link();
            assert_eq!(round_trip(&link), link.focus, "{target:?}");
        }
    }

    #[test]
    fn links_name_the_page_and_the_control() {
        let item = Target::Category {
            key: "safety".into(),
            item: Some("school-bus".into()),
            field: "item-reason",
        };
        assert_eq!(
            item.link().href(),
            "#/category/safety?focus=item-reason&item=school-bus"
        );
        assert_eq!(
            item.link().focus.selector(),
            r#"[data-item-id="school-bus"] [data-testid="item-reason"]"#
        );
        let cell = Target::Cell("t3/new/natural".into()).link();
        assert_eq!(cell.href(), "#/tables?cell=t3/new/natural");
        assert_eq!(cell.focus.selector(), r#"[data-cell="t3/new/natural"]"#);
        assert!(cell.focus.selects_text());
        assert!(!item.link().focus.selects_text());
        // An unknown category leads to the overview rather than to a page that does not exist.
        let lost = Target::Category {
            key: "nope".into(),
            item: None,
            field: "category-intro",
        };
        assert_eq!(lost.link().route, Route::Overview);
    }

    #[test]
    fn selectors_escape_hostile_ids() {
        let f = Focus::ItemField {
            item: "x\"] , body [a=\"\\\n".into(),
            field: "item-text".into(),
        };
        assert_eq!(
            f.selector(),
            r#"[data-item-id="x\"] , body [a=\"\\\a "] [data-testid="item-text"]"#
        );
    }

    #[test]
    fn work_items_and_table_marks_name_their_control() {
        let item = Target::WorkItem(2).link();
        assert_eq!(
            item.href(),
            "#/narrative?focus=narrative-work-item&item=work-2"
        );
        assert_eq!(
            item.focus.selector(),
            r#"[data-item-id="work-2"] [data-testid="narrative-work-item"]"#
        );
        let mark = Target::TableMark("t3").link();
        assert_eq!(mark.href(), "#/tables?focus=table-t3-none");
        assert_eq!(mark.focus.selector(), r#"[data-testid="table-t3-none"]"#);
    }
}
