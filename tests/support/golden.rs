//! Golden files under `tests/golden/`: compare an export with its reviewed copy, or rewrite the copy
//! when `UPDATE_GOLDEN=1` (then review `git diff tests/golden` by eye).

use std::path::{Path, PathBuf};

pub fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `actual` with `tests/golden/<name>`, or writes it when `UPDATE_GOLDEN=1`; `test` names
/// the test target for the message (`cargo test --test <test>`).
pub fn check(name: &str, actual: &[u8], test: &str) {
    let path = golden_dir().join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::create_dir_all(golden_dir()).expect("create tests/golden");
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{} cannot be read ({e}); run `UPDATE_GOLDEN=1 cargo test --test {test}`",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (expected, actual) = (
        String::from_utf8_lossy(&expected),
        String::from_utf8_lossy(actual),
    );
    let (mut e, mut a) = (expected.lines(), actual.lines());
    let mut line = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => panic!(
                "{name} differs from the golden file at line {line}:\n  expected: {}\n  actual:   {}\n\
                 If the change is intended, run `UPDATE_GOLDEN=1 cargo test --test {test}` and \
                 review `git diff tests/golden`.",
                x.unwrap_or("<end of file>"),
                y.unwrap_or("<end of file>")
            ),
        }
    }
}
