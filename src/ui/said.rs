//! The result of a button, shown next to it and announced to screen readers: `role="status"` for
//! what was done, `role="alert"` for a refusal. Both live regions are always in the page, empty until
//! something is said, so that assistive technology hears the change.

use leptos::prelude::*;

/// What a button's result area says now: a message, and whether it is a refusal.
#[derive(Clone, Copy)]
pub struct Said(RwSignal<Option<(String, bool)>>);

impl Default for Said {
    fn default() -> Self {
        Said::new()
    }
}

impl Said {
    pub fn new() -> Said {
        Said(RwSignal::new(None))
    }

    /// Something was done.
    pub fn done(&self, text: impl Into<String>) {
        self.0.set(Some((text.into(), false)));
    }

    /// The button refused, and why.
    pub fn refused(&self, text: impl Into<String>) {
        self.0.set(Some((text.into(), true)));
    }

    pub fn clear(&self) {
        self.0.set(None);
    }

    fn text(&self, refusal: bool) -> String {
        self.0.with(|s| match s {
            Some((t, r)) if *r == refusal => t.clone(),
            _ => String::new(),
        })
    }
}

/// The result area of one button (`testid` marks the area that holds the text).
#[component]
pub fn SaidHere(said: Said, testid: &'static str) -> impl IntoView {
    view! {
        <div class="said" data-testid=testid>
            <p role="status" class="said-done">
                {move || said.text(false)}
            </p>
            <p role="alert" class="said-refused field-error">
                {move || said.text(true)}
            </p>
        </div>
    }
}
