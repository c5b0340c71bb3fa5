//! Rendering the lookup page: the skeleton (title, search form, result region), the data's header,
//! the suggestions and every kind of answer (found, possible, a number needed, a choice of places,
//! nothing found), as HTML strings with every value escaped.

use std::fmt::Write as _;

use super::{esc, ids, QUERY_ATTR};
use crate::district::index::Meta;
use crate::district::lookup::{Assignment, Found, Outcome, PlaceHit, RuleHit};
use crate::district::query::{parse_query, print_address};
use crate::district::{DistrictIndex, PubSchool};
use crate::lookup_text::LookupTexts;
use crate::school::{Stage, WarningLevel};

/// The page's frame. `standalone`: the parent page itself (with its `<h1>`), else a part of the
/// workbench's `#/lookup`, under the workbench's own heading. `h` is the level of result headings.
pub fn skeleton(t: &LookupTexts, standalone: bool) -> String {
    let mut s = String::new();
    s.push_str("<div class=\"lk\">");
    if standalone {
        let _ = write!(
            s,
            "<header class=\"lk-head\"><h1>{}</h1></header>",
            esc(t.title)
        );
    }
    let _ = write!(
        s,
        "<div id=\"{meta}\" class=\"lk-meta\" data-testid=\"lookup-meta\"><p class=\"lk-status\">{loading}</p></div>\
         <form id=\"{form}\" class=\"lk-form\" role=\"search\" autocomplete=\"off\">\
         <label for=\"{input}\" class=\"lk-label\">{label}</label>\
         <div class=\"lk-row\">\
         <input id=\"{input}\" class=\"lk-input\" data-testid=\"lookup-input\" type=\"search\" \
         enterkeyhint=\"search\" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\" \
         placeholder=\"{placeholder}\" aria-describedby=\"{hint_id}\" aria-controls=\"{sugg}\">\
         <button type=\"submit\" class=\"lk-submit\" data-testid=\"lookup-submit\">{submit}</button>\
         </div>\
         <p id=\"{hint_id}\" class=\"lk-hint\" data-testid=\"lookup-hint\">{hint}</p>\
         <p id=\"{status}\" class=\"lk-visually-hidden\" role=\"status\"></p>\
         <ul id=\"{sugg}\" class=\"lk-suggestions\" data-testid=\"lookup-suggestions\" aria-label=\"{sugg_label}\" hidden></ul>\
         </form>\
         <section id=\"{results}\" class=\"lk-results\" data-testid=\"lookup-results\" aria-live=\"polite\" aria-label=\"{results_label}\"></section>\
         <footer class=\"lk-foot\"><p>{privacy}</p></footer>",
        meta = ids::META,
        loading = esc(t.loading),
        form = ids::FORM,
        input = ids::INPUT,
        label = esc(t.input_label),
        placeholder = esc(t.placeholder),
        sugg = ids::SUGGESTIONS,
        submit = esc(t.submit),
        hint = esc(t.hint),
        hint_id = ids::HINT,
        status = ids::SUGGESTIONS_STATUS,
        sugg_label = esc(t.suggestions_label),
        results = ids::RESULTS,
        results_label = esc(t.submit),
        privacy = esc(t.privacy),
    );
    s.push_str("</div>");
    s
}

/// `tel:` link target of a phone text (its first run of digits), if it has one.
fn tel(phone: &str) -> Option<String> {
    let run: String = phone
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '+')
        .collect();
    let digits = run.chars().filter(char::is_ascii_digit).count();
    (digits >= 5).then(|| run.trim_end_matches('-').to_string())
}

fn phone_html(phone: &str) -> String {
    match tel(phone) {
        Some(href) => format!(
            "<a class=\"lk-tel\" href=\"tel:{}\">{}</a>",
            esc(&href),
            esc(phone)
        ),
        None => esc(phone),
    }
}

/// The data's header: region, date, the bureau's phone, how much it holds (roads and communities:
/// parents do not think in rules), and the illustrative mark.
pub fn meta_html(t: &LookupTexts, meta: &Meta, places: usize) -> String {
    let mut s = String::new();
    if meta.illustrative {
        let _ = write!(
            s,
            "<p class=\"lk-illustrative\" data-testid=\"lookup-illustrative\">{}</p>",
            esc(t.illustrative)
        );
    }
    if !meta.region.is_empty() {
        let _ = write!(s, "<p class=\"lk-region\">{}</p>", esc(&meta.region));
    }
    let mut line = String::new();
    if !meta.date.is_empty() {
        line.push_str(&esc(&(t.data_date)(&meta.date)));
    }
    if !meta.phone.is_empty() {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        let _ = write!(line, "{}{}", esc(t.bureau_phone), phone_html(&meta.phone));
    }
    if !line.is_empty() {
        let _ = write!(
            s,
            "<p class=\"lk-date\" data-testid=\"lookup-date\">{line}</p>"
        );
    }
    let _ = write!(
        s,
        "<p class=\"lk-count\">{}</p>",
        esc(&(t.places_count)(places))
    );
    s
}

/// Suggestions for what the parent has typed so far.
pub struct Suggestions {
    pub html: String,
    pub count: usize,
}

/// Places whose name or pinyin starts with the text, each a button that runs the query with that
/// place and the numbers typed so far.
pub fn suggestions_html(ix: &DistrictIndex, text: &str, t: &LookupTexts) -> Suggestions {
    let q = parse_query(text, &ix.meta.region);
    if q.places.is_empty() && q.letters.is_empty() {
        return Suggestions {
            html: String::new(),
            count: 0,
        };
    }
    let address = print_address(&q.address);
    let hits = ix.suggest(text);
    let mut html = String::new();
    let mut count = 0;
    for h in &hits {
        // A suggestion that only repeats what is typed helps nobody.
        if h.name == text.trim() {
            continue;
        }
        count += 1;
        let query = format!("{}{address}", h.name);
        let _ = write!(
            html,
            "<li><button type=\"button\" class=\"lk-suggestion\" data-testid=\"lookup-suggestion\" {QUERY_ATTR}=\"{}\">\
             <span class=\"lk-suggestion-name\">{}</span><span class=\"lk-kind\">{}</span></button></li>",
            esc(&query),
            esc(&query),
            esc(t.place_kind(h.kind)),
        );
    }
    Suggestions { html, count }
}

fn heading(level: u8, class: &str, inner: &str) -> String {
    let level = level.clamp(2, 6);
    format!("<h{level} class=\"{class}\">{inner}</h{level}>")
}

fn warning_class(l: WarningLevel) -> &'static str {
    match l {
        WarningLevel::Red | WarningLevel::Level1 => "lk-warning lk-red",
        WarningLevel::Orange => "lk-warning lk-orange",
        WarningLevel::Yellow | WarningLevel::Level2 => "lk-warning lk-yellow",
        WarningLevel::Green => "lk-warning lk-green",
    }
}

fn school_html(s: &PubSchool, t: &LookupTexts) -> String {
    let mut out = String::new();
    let stage = match s.stage {
        Stage::Primary => "primary",
        Stage::Middle => "middle",
        Stage::Both => "both",
    };
    let _ = write!(
        out,
        "<div class=\"lk-school\" data-testid=\"lookup-school\" data-stage=\"{stage}\"><p class=\"lk-school-name\">{}</p>",
        esc(&s.name)
    );
    if s.unlisted {
        let _ = write!(out, "<p class=\"lk-small\">{}</p>", esc(t.unlisted));
    }
    if !s.address.is_empty() {
        let _ = write!(out, "<p>{}{}</p>", esc(t.address), esc(&s.address));
    }
    if !s.phone.is_empty() {
        let _ = write!(out, "<p>{}{}</p>", esc(t.phone), phone_html(&s.phone));
    }
    if let Some(w) = &s.warning {
        let level = t.warning_level(w.level);
        let _ = write!(
            out,
            "<p class=\"{}\" data-testid=\"lookup-warning\"><strong>{}</strong>{}</p>",
            warning_class(w.level),
            esc(level),
            if w.text.is_empty() {
                String::new()
            } else {
                format!("：{}", esc(&w.text))
            }
        );
    }
    out.push_str("</div>");
    out
}

fn schools_html(ix: &DistrictIndex, ids: &[u32], t: &LookupTexts) -> String {
    ids.iter()
        .filter_map(|i| ix.school(*i))
        .map(|s| school_html(s, t))
        .collect()
}

fn school_names(ix: &DistrictIndex, ids: &[u32]) -> String {
    ids.iter()
        .filter_map(|i| ix.school(*i))
        .map(|s| esc(&s.name))
        .collect::<Vec<_>>()
        .join("、")
}

/// “对口小学：甲；对口初中：乙” of a rule.
fn schools_line(ix: &DistrictIndex, c: &RuleHit, t: &LookupTexts) -> String {
    let mut line = String::new();
    if !c.primary.is_empty() {
        let _ = write!(line, "{}：{}", esc(t.primary), school_names(ix, c.primary));
    }
    if !c.middle.is_empty() {
        if !line.is_empty() {
            line.push('；');
        }
        let _ = write!(line, "{}：{}", esc(t.middle), school_names(ix, c.middle));
    }
    line
}

fn rule_text_html(r: &RuleHit, t: &LookupTexts) -> String {
    let mut s = format!(
        "<q class=\"lk-original\" data-testid=\"lookup-rule-text\">{}</q>",
        esc(&r.original())
    );
    if !r.note.is_empty() {
        let _ = write!(
            s,
            " <span class=\"lk-small\">{}{}</span>",
            esc(t.rule_note),
            esc(r.note)
        );
    }
    s
}

fn level_html(
    ix: &DistrictIndex,
    a: &Assignment,
    label: &str,
    level: u8,
    t: &LookupTexts,
) -> String {
    let mut s = String::from("<div class=\"lk-level\">");
    s.push_str(&heading(level, "lk-level-title", &esc(label)));
    if a.is_empty() {
        let _ = write!(
            s,
            "<p class=\"lk-small\">{}</p>",
            esc(&(t.level_missing)(label))
        );
    } else {
        if a.contested {
            let _ = write!(
                s,
                "<p class=\"lk-alert\" data-testid=\"lookup-contested\">{}</p>",
                esc(t.contested)
            );
            s.push_str(&bureau_html(ix, t));
        }
        s.push_str(&schools_html(ix, &a.schools, t));
    }
    s.push_str("</div>");
    s
}

fn note_html(ix: &DistrictIndex, t: &LookupTexts) -> String {
    let note = if ix.meta.note.is_empty() {
        t.default_note
    } else {
        ix.meta.note.as_str()
    };
    format!(
        "<p class=\"lk-note\" data-testid=\"lookup-note\">{}</p>",
        esc(note)
    )
}

fn date_html(ix: &DistrictIndex, t: &LookupTexts) -> String {
    if ix.meta.date.is_empty() {
        return String::new();
    }
    format!(
        "<p class=\"lk-small lk-result-date\">{}</p>",
        esc(&(t.data_date)(&ix.meta.date))
    )
}

fn bureau_html(ix: &DistrictIndex, t: &LookupTexts) -> String {
    if ix.meta.phone.is_empty() {
        return format!("<p>{}</p>", esc(t.no_phone));
    }
    format!(
        "<p class=\"lk-call\">{}{}</p>",
        esc(t.call_bureau),
        phone_html(&ix.meta.phone)
    )
}

fn possible_html(ix: &DistrictIndex, rules: &[RuleHit], t: &LookupTexts) -> String {
    let mut s = String::from("<ul class=\"lk-possible-list\">");
    for r in rules {
        let _ = write!(
            s,
            "<li data-testid=\"lookup-possible\"><div class=\"lk-possible-schools\">{}</div>\
             <p>{}{}</p></li>",
            schools_html(ix, &[r.primary, r.middle].concat(), t),
            esc(t.possible_item),
            rule_text_html(r, t)
        );
    }
    s.push_str("</ul>");
    s
}

fn place_title(place: &PlaceHit, address: &crate::district::Address) -> String {
    format!("{}{}", place.name, print_address(address))
}

fn found_html(ix: &DistrictIndex, f: &Found, t: &LookupTexts, h: u8) -> String {
    let definite = !(f.primary.is_empty() && f.middle.is_empty());
    let kind = if definite { "found" } else { "possible" };
    let mut s = format!(
        "<article class=\"lk-answer lk-{kind}\" data-testid=\"lookup-result\" data-kind=\"{kind}\">"
    );
    s.push_str(&note_html(ix, t));
    s.push_str(&heading(
        h,
        "lk-place",
        &esc(&place_title(&f.place, &f.address)),
    ));
    if definite {
        s.push_str(&level_html(ix, &f.primary, t.primary, h + 1, t));
        s.push_str(&level_html(ix, &f.middle, t.middle, h + 1, t));
        let mut rules: Vec<&RuleHit> = f.primary.rules.iter().chain(&f.middle.rules).collect();
        crate::district::sort::sort_by_key(&mut rules, |r| r.rule);
        rules.dedup_by_key(|r| r.rule);
        s.push_str("<div class=\"lk-basis\">");
        let _ = write!(s, "<p class=\"lk-basis-title\">{}</p>", esc(t.basis));
        for r in rules {
            let _ = write!(s, "<p>{}</p>", rule_text_html(r, t));
        }
        s.push_str("</div>");
        if !f.possible.is_empty() {
            s.push_str("<div class=\"lk-possible\">");
            s.push_str(&heading(h + 1, "lk-level-title", &esc(t.possible_title)));
            s.push_str(&possible_html(ix, &f.possible, t));
            s.push_str("</div>");
        }
    } else {
        let _ = write!(s, "<p class=\"lk-alert\">{}</p>", esc(t.possible_only));
        s.push_str(&possible_html(ix, &f.possible, t));
        s.push_str(&bureau_html(ix, t));
    }
    s.push_str(&date_html(ix, t));
    s.push_str("</article>");
    s
}

/// The answer to a query, as the result region shows it. `typed` is the query as typed; `h` the level
/// of the answer's heading.
pub fn outcome_html(
    ix: &DistrictIndex,
    outcome: &Outcome,
    typed: &str,
    t: &LookupTexts,
    h: u8,
) -> String {
    match outcome {
        Outcome::Empty => String::new(),
        Outcome::Found(f) => found_html(ix, f, t, h),
        Outcome::NeedNumber { place, candidates } => {
            let mut s = String::from(
                "<article class=\"lk-answer\" data-testid=\"lookup-need-number\" data-kind=\"need-number\">",
            );
            s.push_str(&note_html(ix, t));
            s.push_str(&heading(h, "lk-place", &esc(place.name)));
            let _ = write!(
                s,
                "<p class=\"lk-alert\">{} {}</p>",
                esc(&(t.need_number)(place.name)),
                esc(&(t.need_number_example)(place.name))
            );
            let _ = write!(
                s,
                "<p class=\"lk-basis-title\">{}</p><ul class=\"lk-candidates\">",
                esc(t.candidates)
            );
            for c in candidates {
                let _ = write!(
                    s,
                    "<li data-testid=\"lookup-candidate\">{}<br><span class=\"lk-small\">{}</span></li>",
                    rule_text_html(c, t),
                    schools_line(ix, c, t)
                );
            }
            s.push_str("</ul>");
            s.push_str(&date_html(ix, t));
            s.push_str("</article>");
            s
        }
        Outcome::Choose(places) => {
            let mut s = String::from(
                "<article class=\"lk-answer\" data-testid=\"lookup-choose\" data-kind=\"choose\">",
            );
            s.push_str(&heading(h, "lk-place", &esc(t.choose)));
            let address = print_address(&parse_query(typed, &ix.meta.region).address);
            s.push_str("<ul class=\"lk-choices\">");
            for p in places {
                let query = format!("{}{address}", p.name);
                let _ = write!(
                    s,
                    "<li><button type=\"button\" class=\"lk-suggestion\" data-testid=\"lookup-choice\" {QUERY_ATTR}=\"{}\">\
                     <span class=\"lk-suggestion-name\">{}</span><span class=\"lk-kind\">{}</span></button></li>",
                    esc(&query),
                    esc(&query),
                    esc(t.place_kind(p.kind))
                );
            }
            s.push_str("</ul></article>");
            s
        }
        Outcome::NotFound {
            place,
            address,
            listed,
            did_you_mean,
            possible,
        } => {
            let mut s = String::from(
                "<article class=\"lk-answer lk-empty\" data-testid=\"lookup-empty\" data-kind=\"empty\">",
            );
            let what = match place {
                Some(p) if !address.is_empty() => {
                    (t.not_found_place)(p.name, &print_address(address))
                }
                Some(p) => (t.not_found)(p.name),
                None => (t.not_found)(typed.trim()),
            };
            s.push_str(&heading(h, "lk-place", &esc(&what)));
            let _ = write!(s, "<p>{}</p>", esc(t.no_guess));
            s.push_str(&bureau_html(ix, t));
            // The numbers the road has, so that the parent can check the one typed.
            if let (Some(p), false) = (place, listed.is_empty()) {
                let _ = write!(
                    s,
                    "<p class=\"lk-basis-title\">{}</p><ul class=\"lk-candidates\">",
                    esc(&(t.listed)(p.name))
                );
                // The wording only: a school beside a range the number is not in could be taken
                // for an answer.
                for c in listed {
                    let _ = write!(
                        s,
                        "<li data-testid=\"lookup-listed\">{}</li>",
                        rule_text_html(c, t)
                    );
                }
                s.push_str("</ul>");
            }
            // Close names: offered, searched only when the parent taps one.
            if !did_you_mean.is_empty() {
                let numbers = print_address(address);
                let _ = write!(
                    s,
                    "<p class=\"lk-basis-title\">{}</p><ul class=\"lk-choices\">",
                    esc(t.did_you_mean)
                );
                for p in did_you_mean {
                    let query = format!("{}{numbers}", p.name);
                    let _ = write!(
                        s,
                        "<li><button type=\"button\" class=\"lk-suggestion\" data-testid=\"lookup-did-you-mean\" {QUERY_ATTR}=\"{}\">\
                         <span class=\"lk-suggestion-name\">{}</span><span class=\"lk-kind\">{}</span></button></li>",
                        esc(&query),
                        esc(&query),
                        esc(t.place_kind(p.kind))
                    );
                }
                s.push_str("</ul>");
            }
            // Text the bureau published that names the place but was not read: only possible.
            if !possible.is_empty() {
                let _ = write!(s, "<p class=\"lk-alert\">{}</p>", esc(t.mentioned));
                s.push_str(&possible_html(ix, possible, t));
            }
            s.push_str("</article>");
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_take_the_first_number() {
        assert_eq!(tel("0431-85000001").as_deref(), Some("0431-85000001"));
        assert_eq!(
            tel("电话 0431-85000001、85000002").as_deref(),
            Some("0431-85000001")
        );
        assert_eq!(tel("无"), None);
        assert_eq!(tel("12"), None);
    }

    #[test]
    fn the_skeleton_has_every_control_once() {
        let html = skeleton(&crate::lookup_text::ZH_CN, true);
        for id in [
            ids::FORM,
            ids::INPUT,
            ids::SUGGESTIONS,
            ids::RESULTS,
            ids::META,
        ] {
            assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
        }
        assert!(html.contains("data-testid=\"lookup-input\""));
        assert!(html.contains("aria-live=\"polite\""));
        assert!(html.contains("<label for=\"lk-input\""));
    }
}
