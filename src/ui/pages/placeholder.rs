//! Pages not built yet, and unknown routes.

use leptos::prelude::*;

use crate::route::Route;
use crate::text::t;

#[component]
pub fn ComingSoon(route: Route) -> impl IntoView {
    view! {
        <section data-testid="page-coming" data-route=route.href()>
            <h2>{t().coming_title}</h2>
            <p>{t().coming_body}</p>
            <p>
                <a href="#/">{t().back_home}</a>
            </p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section data-testid="page-not-found">
            <h2>{t().not_found_title}</h2>
            <p>{t().not_found_body}</p>
            <p>
                <a href="#/">{t().back_home}</a>
            </p>
        </section>
    }
}
