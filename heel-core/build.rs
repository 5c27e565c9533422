//! Fingerprints the knowledge base, so that every report can say which one
//! produced it: `engine_version` is `<crate version>+kb.<fingerprint>`.
//!
//! The fingerprint is FNV-1a (64 bits, the first 8 hex digits shown) over
//! the files of `src/knowledge/` in name order, each as its name, a NUL and
//! its text with carriage returns removed (so a Windows checkout gives the
//! same value). Every build from the same tables, native or WebAssembly,
//! reports the same version, and the documents stay bit-identical across
//! languages.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("src/knowledge");
    println!("cargo:rerun-if-changed=src/knowledge");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("src/knowledge exists")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a UTF-8 file name");
        let text = std::fs::read_to_string(path).expect("a UTF-8 knowledge file");
        eat(name.as_bytes());
        eat(&[0]);
        eat(text.replace('\r', "").as_bytes());
    }
    let mut hex = String::new();
    let _ = write!(hex, "{hash:016x}");
    println!("cargo:rustc-env=HEEL_KB_FINGERPRINT={}", &hex[..8]);
}
