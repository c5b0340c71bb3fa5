//! Randomness from the browser, handed to the core as plain values.

/// A random id for this tab (12 base-36 digits).
pub fn tab_id() -> String {
    let mut id = String::with_capacity(12);
    for _ in 0..12 {
        let digit = (js_sys::Math::random() * 36.0) as u32 % 36;
        id.push(char::from_digit(digit, 36).unwrap_or('0'));
    }
    id
}
