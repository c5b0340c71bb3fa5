//! Hash routes (docs/design.md §4): parsing `location.hash` into a page and back. Pure, so it is
//! tested natively.

use crate::catalog;

/// Every page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Overview,
    Settings,
    Category(&'static str),
    Narrative,
    Tables,
    Check,
    Report,
    Graphic,
    Schools,
    School,
    Districts,
    Lookup,
    Data,
    NotFound(String),
}

impl Route {
    /// Parses a hash such as `#/category/policy`. Empty and `#` mean the overview; a trailing slash
    /// and a query part are ignored.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split('?').next().unwrap_or("");
        let path = path.trim_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Route::Overview,
            ["settings"] => Route::Settings,
            ["category", key] => match catalog::category(key) {
                Some(c) => Route::Category(c.key),
                None => Route::NotFound(hash.to_string()),
            },
            ["narrative"] => Route::Narrative,
            ["tables"] => Route::Tables,
            ["check"] => Route::Check,
            ["report"] => Route::Report,
            ["graphic"] => Route::Graphic,
            ["schools"] => Route::Schools,
            ["school"] => Route::School,
            ["districts"] => Route::Districts,
            ["lookup"] => Route::Lookup,
            ["data"] => Route::Data,
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The hash that leads to this page.
    pub fn href(&self) -> String {
        match self {
            Route::Overview => "#/".into(),
            Route::Settings => "#/settings".into(),
            Route::Category(key) => format!("#/category/{key}"),
            Route::Narrative => "#/narrative".into(),
            Route::Tables => "#/tables".into(),
            Route::Check => "#/check".into(),
            Route::Report => "#/report".into(),
            Route::Graphic => "#/graphic".into(),
            Route::Schools => "#/schools".into(),
            Route::School => "#/school".into(),
            Route::Districts => "#/districts".into(),
            Route::Lookup => "#/lookup".into(),
            Route::Data => "#/data".into(),
            Route::NotFound(h) => h.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips() {
        let mut routes = vec![
            Route::Overview,
            Route::Settings,
            Route::Narrative,
            Route::Tables,
            Route::Check,
            Route::Report,
            Route::Graphic,
            Route::Schools,
            Route::School,
            Route::Districts,
            Route::Lookup,
            Route::Data,
        ];
        routes.extend(catalog::CATEGORIES.iter().map(|c| Route::Category(c.key)));
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn tolerant_parsing() {
        assert_eq!(Route::parse(""), Route::Overview);
        assert_eq!(Route::parse("#"), Route::Overview);
        assert_eq!(Route::parse("#/settings/"), Route::Settings);
        assert_eq!(Route::parse("#/data?x=1"), Route::Data);
        assert_eq!(
            Route::parse("#/category/finance"),
            Route::Category("finance")
        );
        assert_eq!(
            Route::parse("#/category/nope"),
            Route::NotFound("#/category/nope".into())
        );
        assert_eq!(Route::parse("#/zzz"), Route::NotFound("#/zzz".into()));
    }
}
