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

/// The module paths a source file refers to through `crate::` and `super::` (grouped imports
/// included), outside comments and its `#[cfg(test)]` module (tests may use anything).
fn references(module: &[String], is_mod_file: bool, text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .split("#[cfg(test)]")
        .next()
        .unwrap_or("")
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    // Paths after a root, expanding one level of `{a, b::c}`.
    let mut expand = |base: Vec<String>, rest: &str| {
        let rest = rest.trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut end) = (1, group.len());
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            for part in group[..end].split(',') {
                let name: String = part.trim().chars().take_while(|c| ident(*c)).collect();
                if !name.is_empty() && name != "self" {
                    let mut p = base.clone();
                    p.push(name);
                    out.push(p);
                }
            }
        } else {
            let mut p = base;
            for seg in rest.split("::") {
                // A path ends at the first segment that is not a plain identifier.
                let name: String = seg.chars().take_while(|c| ident(*c)).collect();
                let whole = name.len() == seg.len();
                if !name.is_empty() {
                    p.push(name);
                }
                if !whole || seg.is_empty() {
                    break;
                }
            }
            out.push(p);
        }
    };
    for (i, _) in code.match_indices("::") {
        let before = &code[..i];
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| ident(*c) || *c == ':')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let preceded = before[..before.len() - word.len()]
            .chars()
            .last()
            .is_some_and(ident);
        if preceded || !(word == "crate" || word == "super" || word.starts_with("super::")) {
            continue;
        }
        let mut base: Vec<String> = if word == "crate" {
            Vec::new()
        } else {
            let mut b = module.to_vec();
            if !is_mod_file {
                b.pop();
            }
            for _ in 1..word.split("::").count() {
                b.pop();
            }
            b
        };
        let mut rest = &code[i + 2..];
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        expand(base, rest);
    }
    out
}

/// Module files of a crate's `src/` by module path (`lib.rs` is the root; `bin/` and `main.rs` are
/// entry points, not modules of the library).
fn module_files(root: &Path) -> Vec<(Vec<String>, bool, PathBuf)> {
    rust_files(root)
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.first().is_some_and(|f| f == "bin") || parts == ["main"] {
                return None;
            }
            let is_mod = matches!(parts.last().map(String::as_str), Some("mod" | "lib"));
            if is_mod {
                parts.pop();
            }
            Some((parts, is_mod, p))
        })
        .collect()
}

/// Circles between sibling modules: for every module, its children's references to each other (a
/// reference to anything inside a child counts for that child), searched for cycles. Returns each
/// cycle as `parent: a → b → … → a`.
fn module_circles(root: &Path) -> Vec<String> {
    use std::collections::{BTreeMap, BTreeSet};
    let files = module_files(root);
    let known: BTreeSet<Vec<String>> = files.iter().map(|(m, _, _)| m.clone()).collect();
    let mut refs: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, is_mod, path) in &files {
        let text = fs::read_to_string(path).unwrap();
        for r in references(module, *is_mod, &text) {
            // The longest prefix that is a module of this crate.
            if let Some(k) = (0..=r.len()).rev().find(|k| known.contains(&r[..*k])) {
                refs.entry(module.clone())
                    .or_default()
                    .insert(r[..k].to_vec());
            }
        }
    }
    let mut circles = Vec::new();
    let parents: BTreeSet<Vec<String>> = known
        .iter()
        .filter(|m| !m.is_empty())
        .map(|m| m[..m.len() - 1].to_vec())
        .collect();
    for parent in parents {
        let n = parent.len();
        let under = |m: &Vec<String>| m.len() > n && m[..n] == parent[..];
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, targets) in &refs {
            if !under(from) {
                continue;
            }
            for to in targets.iter().filter(|t| under(t) && t[n] != from[n]) {
                graph
                    .entry(from[n].clone())
                    .or_default()
                    .insert(to[n].clone());
            }
        }
        // A cycle through `start`: a path back to it, found depth first.
        fn back_to(
            graph: &BTreeMap<String, BTreeSet<String>>,
            start: &str,
            at: &str,
            path: &mut Vec<String>,
            seen: &mut BTreeSet<String>,
        ) -> bool {
            for next in graph.get(at).into_iter().flatten() {
                if next == start {
                    return true;
                }
                if seen.insert(next.clone()) {
                    path.push(next.clone());
                    if back_to(graph, start, next, path, seen) {
                        return true;
                    }
                    path.pop();
                }
            }
            false
        }
        let mut reported: BTreeSet<String> = BTreeSet::new();
        for start in graph.keys() {
            if reported.contains(start) {
                continue;
            }
            let mut path = vec![start.clone()];
            if back_to(&graph, start, start, &mut path, &mut BTreeSet::new()) {
                reported.extend(path.iter().cloned());
                path.push(start.clone());
                let name = if parent.is_empty() {
                    "crate".to_string()
                } else {
                    parent.join("::")
                };
                circles.push(format!("{name}: {}", path.join(" → ")));
            }
        }
    }
    circles
}

/// Layers without circles: no two modules of the library or of the district core refer to each
/// other, directly or through others (findings are data worded by `text`, the shared types sit
/// below their users, `xlsx` owns the rows it returns, trends keep their series and the layout
/// draws them). A new circle fails here with its path.
#[test]
fn no_modules_refer_to_each_other_in_a_circle() {
    for root in [src(), crates().join("district/src")] {
        let circles = module_circles(&root);
        assert!(
            circles.is_empty(),
            "modules of {} in a circle:\n  {}",
            root.display(),
            circles.join("\n  ")
        );
    }
}

/// The circle finder finds a circle when there is one: two sibling files naming each other.
#[test]
fn the_circle_finder_sees_a_circle() {
    let dir = std::env::temp_dir().join(format!("gongkai-tidy-circle-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("report")).unwrap();
    fs::write(
        dir.join("lib.rs"),
        "//! x\npub mod check;\npub mod report;\n",
    )
    .unwrap();
    fs::write(
        dir.join("check.rs"),
        "//! x\nuse crate::{cell, report::build::Thing};\n",
    )
    .unwrap();
    fs::write(dir.join("report/mod.rs"), "//! x\nmod build;\n").unwrap();
    fs::write(
        dir.join("report/build.rs"),
        "//! x\nuse super::super::check::Finding;\n#[cfg(test)]\nmod tests { use crate::nothing; }\n",
    )
    .unwrap();
    let circles = module_circles(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(circles, ["crate: check → report → check"]);
}

/// The test-data generators (`synth`, a default feature so that `cargo test` runs everything) stay
/// out of every product build: trunk builds the workbench without default features, and so does the
/// build of every module and page.
#[test]
fn product_builds_leave_the_generators_out() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let index = fs::read_to_string(root.join("index.html")).unwrap();
    let rust_link = index
        .lines()
        .find(|l| l.contains("data-trunk rel=\"rust\""))
        .expect("index.html builds the workbench with trunk");
    assert!(rust_link.contains("data-cargo-no-default-features"));
    let build = fs::read_to_string(root.join("delivery/build.mjs")).unwrap();
    let cargo_args = build
        .lines()
        .find(|l| l.contains("const cargoArgs = ['build'"))
        .expect("delivery/build.mjs builds the modules with cargo");
    assert!(cargo_args.contains("'--no-default-features'"));
    for (file, gate) in [
        (
            "src/school/mod.rs",
            "#[cfg(feature = \"synth\")]\npub mod synth;",
        ),
        (
            "crates/district/src/district/mod.rs",
            "#[cfg(any(test, feature = \"synth\"))]\npub mod synth;",
        ),
    ] {
        let text = fs::read_to_string(root.join(file)).unwrap();
        assert!(
            text.contains(gate),
            "{file}: synth is not behind its feature"
        );
    }
}
