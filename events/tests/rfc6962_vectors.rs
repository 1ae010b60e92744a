//! Every proof vector of transparency-dev/merkle (copied under tests/data/rfc6962) must give the
//! expected verdict. The folders are walked, so new vector files are picked up without edits.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use recourse_events::merkle::{verify_consistency, verify_inclusion};
use serde_json::Value;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn vectors(kind: &str) -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/rfc6962")
        .join(kind);
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.clone(),
                serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap(),
            )
        })
        .collect()
}

fn bytes(v: &Value) -> Vec<u8> {
    v.as_str()
        .map(|s| B64.decode(s).unwrap())
        .unwrap_or_default()
}

fn proof(v: &Value) -> Vec<Vec<u8>> {
    v.as_array()
        .map(|a| a.iter().map(bytes).collect())
        .unwrap_or_default()
}

#[test]
fn inclusion_vectors() {
    let cases = vectors("inclusion");
    assert!(cases.len() > 50, "vectors missing: found {}", cases.len());
    for (path, v) in cases {
        let result = verify_inclusion(
            v["leafIdx"].as_u64().unwrap(),
            v["treeSize"].as_u64().unwrap(),
            &bytes(&v["leafHash"]),
            &proof(&v["proof"]),
            &bytes(&v["root"]),
        );
        assert_eq!(
            result.is_err(),
            v["wantErr"].as_bool().unwrap(),
            "{}: {result:?}",
            path.display()
        );
    }
}

#[test]
fn consistency_vectors() {
    let cases = vectors("consistency");
    assert!(cases.len() > 50, "vectors missing: found {}", cases.len());
    for (path, v) in cases {
        let result = verify_consistency(
            v["size1"].as_u64().unwrap(),
            v["size2"].as_u64().unwrap(),
            &proof(&v["proof"]),
            &bytes(&v["root1"]),
            &bytes(&v["root2"]),
        );
        assert_eq!(
            result.is_err(),
            v["wantErr"].as_bool().unwrap(),
            "{}: {result:?}",
            path.display()
        );
    }
}
