//! Helpers shared by the integration tests that compare with the seed report.

use std::path::{Path, PathBuf};

pub fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed/000_7785ecb1c462ef30.txt")
}

/// The seed report without Word's `[bookmark: …]` artefacts. Fails (does not skip) when the file is missing.
pub fn seed() -> String {
    let path = seed_path();
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the seed report {} is required by this test but cannot be read: {e}",
            path.display()
        )
    });
    strip_bookmarks(&raw)
}

/// Drops `[bookmark: …]` artefacts; an unclosed one is kept as text.
pub fn strip_bookmarks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[bookmark:") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
