//! One version for every package, and a changelog that knows it.

use std::path::Path;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value of `key = "..."` in the named table of a Cargo.toml.
fn toml_value<'a>(text: &'a str, table: &str, key: &str) -> Option<&'a str> {
    let start = text.find(&format!("\n[{table}]\n"))?;
    let body = &text[start + table.len() + 4..];
    let body = &body[..body.find("\n[").unwrap_or(body.len())];
    body.lines().find_map(|line| {
        let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?;
        let rest = rest.trim();
        if let Some(quoted) = rest.strip_prefix('"') {
            return quoted.split('"').next();
        }
        // An inline table: `{ path = "...", version = "..." }`.
        let at = rest.find("version = \"")? + "version = \"".len();
        rest[at..].split('"').next()
    })
}

#[test]
fn the_workspace_version_is_the_only_one() {
    let cargo = read("Cargo.toml");
    let version = toml_value(&cargo, "workspace.package", "version").expect("a workspace version");
    assert_eq!(
        version,
        env!("CARGO_PKG_VERSION"),
        "heel-core takes the workspace version"
    );
    // The path dependency has no version of its own: only heel-core is
    // published, and nothing published depends on it through the path.
    let deps = &cargo[cargo.find("\n[workspace.dependencies]\n").unwrap()..];
    let line = deps.lines().find(|l| l.starts_with("heel-core")).unwrap();
    assert_eq!(line, r#"heel-core = { path = "heel-core" }"#);
    assert_eq!(
        toml_value(&cargo, "workspace.dependencies", "heel-core"),
        None
    );
    for member in ["heel-core", "heel-py", "heel-wasm"] {
        let manifest = read(&format!("{member}/Cargo.toml"));
        assert!(
            manifest.contains("\nversion.workspace = true\n"),
            "{member} takes the workspace version"
        );
    }
    // The Python package reads it from Cargo (maturin), the npm package from
    // cargo metadata (heel-wasm/build.sh): neither writes one of its own.
    let pyproject = read("heel-py/pyproject.toml");
    assert!(pyproject.contains("dynamic = [\"version\"]"));
    assert!(!pyproject.lines().any(|l| l.starts_with("version")));
    let npm = read("heel-wasm/npm/package.json");
    assert!(npm.contains("\"version\": \"0.0.0-set-by-build\""));
}

#[test]
fn the_changelog_has_the_version_and_the_engine_names_its_knowledge_base() {
    let changelog = read("CHANGELOG.md");
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        changelog.contains(&format!("\n## [{version}]")),
        "CHANGELOG.md has a section for {version}"
    );
    let engine = heel_core::ENGINE_VERSION;
    let (v, kb) = engine
        .split_once("+kb.")
        .expect("<version>+kb.<fingerprint>");
    assert_eq!(v, version);
    assert_eq!(kb, heel_core::KNOWLEDGE_BASE);
    assert!(
        kb.len() == 8 && kb.bytes().all(|b| b.is_ascii_hexdigit()),
        "{kb}"
    );
    assert_eq!(heel_core::catalog().engine_version, engine);
}
