//! Architecture rules, checked on the source: the pure core imports no browser crate, every source
//! file opens with a `//!` line, and the shell does not unwrap.

use std::fs;
use std::path::{Path, PathBuf};

/// Core modules: everything in src/ except the shell (`web/`, `ui/`), `main.rs` and the entry points
/// of the lazily loaded wasm modules (`bin/`).
fn core_files() -> Vec<PathBuf> {
    rust_files(&src())
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(src()).unwrap();
            !(rel.starts_with("web")
                || rel.starts_with("ui")
                || rel.starts_with("bin")
                || rel == Path::new("main.rs"))
        })
        .chain(rust_files(&crates().join("district/src")))
        .collect()
}

fn crates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates")
}

/// The shell's files: the workbench's browser code, its wasm entry points, and the parent page's.
fn shell_files() -> Vec<PathBuf> {
    ["web", "ui", "bin"]
        .iter()
        .flat_map(|dir| rust_files(&src().join(dir)))
        .chain(rust_files(&crates().join("lookup-page/src")))
        .chain(rust_files(&crates().join("fatal/src")))
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

const BROWSER_CRATES: [&str; 7] = [
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "leptos",
    "crate::web",
    "crate::ui",
];

#[test]
fn core_imports_no_browser_crate() {
    let files = core_files();
    assert!(files.len() >= 8, "core files found: {files:?}");
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in BROWSER_CRATES {
                if code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}")) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "browser code in the core:\n{}",
        offences.join("\n")
    );
}

#[test]
fn every_source_file_says_what_it_is_for() {
    let missing: Vec<_> = rust_files(&src())
        .into_iter()
        .chain(rust_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        ))
        .chain(rust_files(&crates()))
        .filter(|p| !fs::read_to_string(p).unwrap().starts_with("//!"))
        .collect();
    assert!(missing.is_empty(), "files without a //! line: {missing:?}");
}

#[test]
fn shell_has_no_unwrap() {
    let mut offences = Vec::new();
    for file in shell_files() {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains(".unwrap()") || line.contains(".expect(") {
                offences.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "unwrap/expect in the shell: {offences:?}"
    );
}

#[test]
fn shell_strings_live_in_text_rs() {
    let is_cjk =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c);
    let mut offences = Vec::new();
    for file in shell_files() {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.chars().any(is_cjk) {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "user-facing text outside src/text.rs:\n{}",
        offences.join("\n")
    );
}

/// The parent page is its own package, and Cargo keeps it small: it depends on the district core,
/// the panic hooks and the browser bindings only, and the district core on no browser crate, no
/// Leptos and none of the report's crates. (The linker then drops what the page does not call, such
/// as the district core's pinyin table and XLSX reader.)
#[test]
fn the_parent_page_depends_on_the_district_core_alone() {
    let deps = |manifest: &str| -> Vec<String> {
        let text = fs::read_to_string(crates().join(manifest)).unwrap();
        let mut out = Vec::new();
        let mut in_deps = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                in_deps = line == "[dependencies]";
                continue;
            }
            if in_deps && !line.is_empty() && !line.starts_with('#') && !line.starts_with('"') {
                if let Some((name, _)) = line.split_once('=') {
                    out.push(name.trim().to_string());
                }
            }
        }
        out
    };
    assert_eq!(
        deps("lookup-page/Cargo.toml"),
        [
            "gongkai-district",
            "gongkai-fatal",
            "wasm-bindgen",
            "js-sys",
            "web-sys"
        ]
    );
    for dep in deps("district/Cargo.toml") {
        for heavy in [
            "leptos", "web-sys", "js-sys", "wasm", "docx", "gloo", "sha2", "crc32",
        ] {
            assert!(!dep.contains(heavy), "the district core depends on {dep}");
        }
    }
}

/// The panic hooks (crates/fatal) call `gongkaiBoot.fatal` and `gongkaiBoot.moduleFailed`, which the
/// boot script (delivery/boot.js) must export: the end-to-end story of a panic calls `fatal` itself,
/// because the production build exports no way to panic on purpose.
#[test]
fn the_panic_hooks_call_what_the_boot_script_exports() {
    let hooks = fs::read_to_string(crates().join("fatal/src/lib.rs")).unwrap();
    let boot =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("delivery/boot.js")).unwrap();
    let exports = &boot[boot
        .find("window.gongkaiBoot = {")
        .expect("boot.js exports gongkaiBoot")..];
    for name in ["fatal", "moduleFailed"] {
        assert!(
            hooks.contains(&format!("js_namespace = gongkaiBoot, js_name = {name})")),
            "crates/fatal no longer calls gongkaiBoot.{name}"
        );
        assert!(
            exports.contains(&format!("{name}: {name},")),
            "delivery/boot.js does not export {name}"
        );
    }
    let main = fs::read_to_string(src().join("main.rs")).unwrap();
    assert!(main.contains("install_panic_hook()"));
    assert!(
        !main.contains("wasm_bindgen"),
        "the workbench's entry point exports nothing"
    );
}
