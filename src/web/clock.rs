//! The clock, read from the browser and handed to the core as plain values.

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// ISO 8601 UTC time, e.g. `2026-11-26T10:00:00.000Z`.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's local date, for the core's date rules (`crate::deadline`).
pub fn today() -> crate::deadline::Date {
    let d = js_sys::Date::new_0();
    crate::deadline::Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// Local time of day `HH:MM:SS` for a timestamp.
pub fn time_of_day(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// Local date and time `YYYY-MM-DD HH:MM` of an ISO 8601 time (a file's `created_at`); the text
/// itself when the browser cannot read it.
pub fn local_datetime(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}
