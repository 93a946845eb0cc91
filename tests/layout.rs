//! The source tree keeps the shape docs/architecture.md describes: no file in `src/`
//! is over 800 lines (tests included), and no module imports a module that imports it
//! back, among the crate's top-level modules and among the sibling modules of any
//! folder (`components::viewer` and `components::hooks`, `state::view` and
//! `state::url`, …). Read from the source text: `use` trees (braces expanded) and
//! `crate::`/`super::`/`self::` paths in code, comments left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 800;

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The library module a file under `src/` holds (`src/state/view.rs` → `["state",
/// "view"]`; `src/lib.rs` → `[]`), or `None` for the binaries.
fn module_of(src: &Path, file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(src).unwrap();
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    match parts.first().map(String::as_str) {
        Some("bin") | Some("main") => None,
        Some("lib") => Some(Vec::new()),
        _ => Some(parts),
    }
}

/// The text with `//` comments (doc comments too) and `/* */` comments blanked.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let (mut in_str, mut line_comment, mut block) = (false, false, 0usize);
    while let Some(c) = chars.next() {
        if line_comment {
            if c == '\n' {
                line_comment = false;
                out.push('\n');
            }
            continue;
        }
        if block > 0 {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                block -= 1;
            } else if c == '/' && chars.peek() == Some(&'*') {
                chars.next();
                block += 1;
            }
            continue;
        }
        if in_str {
            if c == '\\' {
                chars.next();
            } else if c == '"' {
                in_str = false;
            }
            out.push(' ');
            continue;
        }
        match (c, chars.peek()) {
            ('/', Some('/')) => line_comment = true,
            ('/', Some('*')) => {
                chars.next();
                block = 1;
            }
            ('"', _) => {
                in_str = true;
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands a `use` tree (`crate::a::{b, c::{d, e}}`) into its paths.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut depth, mut start, mut items) = (0, 0, Vec::new());
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|i| !i.is_empty())
        .flat_map(|i| expand_use(&format!("{prefix}{i}")))
        .collect()
}

/// Every module path a file's code names: its `use` trees and its inline
/// `crate::`/`super::`/`self::` paths, as segments.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    // `use` statements, whole.
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let after = &rest[at + 4..];
        if before.is_none_or(|c| !is_ident(c)) {
            if let Some(end) = after.find(';') {
                for p in expand_use(&after[..end]) {
                    paths.push(p.split("::").map(|s| s.to_string()).collect());
                }
            }
        }
        rest = after;
    }
    // Inline paths anywhere.
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            if code[..at].chars().last().is_some_and(is_ident) {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(is_ident(c) || c == ':'))
                .map_or(code.len(), |e| at + e);
            paths.push(
                code[at..end]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(|s| s.to_string())
                    .collect(),
            );
        }
    }
    paths
}

/// Resolves a path named in `module` to the deepest known module it reaches.
fn resolve(
    module: &[String],
    path: &[String],
    known: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    // `self` in a file is its own module; `super` its parent.
    let mut base: Vec<String> = module.to_vec();
    let mut segs = path.iter().peekable();
    match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            base.clear();
            segs.next();
        }
        Some("self") | Some("super") => {
            while let Some(s) = segs.peek() {
                match s.as_str() {
                    "self" => {}
                    "super" => {
                        base.pop()?;
                    }
                    _ => break,
                }
                segs.next();
            }
        }
        _ => return None, // an external crate, or a name in scope
    }
    let mut deepest = None;
    for s in segs {
        base.push(s.clone());
        if known.contains(&base) {
            deepest = Some(base.clone());
        } else {
            break;
        }
    }
    deepest
}

/// The child of `parent` that `module` is in, if it is under `parent`.
fn child_under(parent: &[String], module: &[String]) -> Option<String> {
    (module.len() > parent.len() && module.starts_with(parent))
        .then(|| module[parent.len()].clone())
}

#[test]
fn no_source_file_is_over_800_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let long: Vec<String> = rust_files(&src)
        .into_iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(&f).unwrap().lines().count();
            (n > MAX_LINES)
                .then(|| format!("{} ({n} lines)", f.strip_prefix(&src).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    for f in rust_files(&src) {
        if let Some(m) = module_of(&src, &f) {
            files.insert(m, code_only(&std::fs::read_to_string(&f).unwrap()));
        }
    }
    let mut known: BTreeSet<Vec<String>> = files.keys().cloned().collect();
    // Inline `mod name {` blocks (e.g. `mod browser`) are modules too, but paths into
    // them resolve to their file's module, which is what matters here.
    known.insert(Vec::new());
    let mut edges: BTreeSet<(Vec<String>, Vec<String>)> = BTreeSet::new();
    for (module, code) in &files {
        for path in paths_in(code) {
            if let Some(to) = resolve(module, &path, &known) {
                edges.insert((module.clone(), to));
            }
        }
    }
    assert!(
        edges
            .iter()
            .any(|(a, b)| a == &vec!["embed".to_string()] && b[0] == "components"),
        "the scan must see embed's use of components: {edges:?}"
    );
    // Among the children of every module (the crate root included), which child's
    // files name which other child.
    let mut circles = Vec::new();
    for parent in &known {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in &edges {
            if let (Some(a), Some(b)) = (child_under(parent, from), child_under(parent, to)) {
                if a != b {
                    graph.entry(a).or_default().insert(b);
                }
            }
        }
        for (a, outs) in &graph {
            for b in outs {
                if a < b && graph.get(b).is_some_and(|o| o.contains(a)) {
                    circles.push(format!("{}::{{{a} <-> {b}}}", path_name(parent)));
                }
            }
        }
        circles.extend(longer_cycle(parent, &graph));
    }
    assert!(
        circles.is_empty(),
        "modules that import each other: {circles:?}"
    );
}

/// `crate` or `crate::a::b`.
fn path_name(module: &[String]) -> String {
    std::iter::once("crate")
        .chain(module.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}

/// A cycle of three or more children (two-way pairs are reported on their own).
fn longer_cycle(parent: &[String], graph: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            return Some(stack[i..].to_vec());
        }
        if !done.insert(n.to_string()) {
            return None;
        }
        stack.push(n.to_string());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, graph, &mut Vec::new(), &mut done) {
            if c.len() > 2 {
                return Some(format!("{}::{{{}}}", path_name(parent), c.join(" -> ")));
            }
        }
    }
    None
}

#[test]
fn the_scan_sees_use_trees_and_inline_paths() {
    let code = code_only(
        "use super::{dom, turn_list::{TurnList, WAKE}};\n// use crate::ignored;\n\
         fn f() { crate::page::page_path(\"crate::no\"); self::x::y(); }",
    );
    let paths = paths_in(&code);
    let names: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert!(names.contains(&"super::dom".to_string()), "{names:?}");
    assert!(
        names.contains(&"super::turn_list::WAKE".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"crate::page::page_path".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"self::x::y".to_string()), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("ignored") || n.contains("no")),
        "{names:?}"
    );
    let known: BTreeSet<Vec<String>> = [vec![], vec!["a".into()], vec!["a".into(), "b".into()]]
        .into_iter()
        .collect();
    let m = vec!["a".to_string(), "c".to_string()];
    let sup: Vec<String> = vec!["super".into(), "b".into(), "Thing".into()];
    assert_eq!(
        resolve(&m, &sup, &known),
        Some(vec!["a".into(), "b".into()])
    );
}
