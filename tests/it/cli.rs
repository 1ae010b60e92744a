//! The command line on real data folders: init, verify, export, checkpoint, show, prove; their
//! outputs checked by independent implementations (`signed_note`, `tlog_tiles`, and a direct
//! RFC 6962 hash written here); and bad input giving clear messages and exit status 2.

use std::os::unix::fs::PermissionsExt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use sha2::{Digest, Sha256};
use signed_note::{Note, StandardVerifier, VerifierList};

use crate::helpers::{DataFolder, assert_verifies, run, text};

/// RFC 6962 MTH over raw entries, straight from the RFC, independent of the project's code.
fn mth(entries: &[Vec<u8>]) -> [u8; 32] {
    match entries.len() {
        0 => Sha256::digest(b"").into(),
        1 => Sha256::new()
            .chain_update([0u8])
            .chain_update(&entries[0])
            .finalize()
            .into(),
        n => {
            let k = n.next_power_of_two() / 2;
            Sha256::new()
                .chain_update([1u8])
                .chain_update(mth(&entries[..k]))
                .chain_update(mth(&entries[k..]))
                .finalize()
                .into()
        }
    }
}

fn all_entries(d: &DataFolder) -> Vec<Vec<u8>> {
    let conn = d.sqlite();
    let mut stmt = conn
        .prepare("SELECT entry FROM entries ORDER BY position")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn lines(out: &std::process::Output) -> Vec<tlog_tiles::Hash> {
    text(&out.stdout)
        .lines()
        .map(|l| tlog_tiles::Hash(B64.decode(l).unwrap().try_into().unwrap()))
        .collect()
}

#[test]
fn init_creates_private_keys_and_refuses_to_overwrite() {
    let d = DataFolder::with_events(0);
    for key in ["keys/ledger.key", "keys/master.key"] {
        let mode = std::fs::metadata(d.path.join(key))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{key}");
    }
    let again = d.run(&["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("already holds a ledger"),
        "{}",
        text(&again.stderr)
    );
    assert_verifies(&d);
}

#[test]
fn checkpoint_and_proofs_are_accepted_by_independent_implementations() {
    let d = DataFolder::with_events(700);
    let note = text(&d.run(&["checkpoint"]).stdout);
    let vkey = text(&d.run(&["checkpoint", "--vkey"]).stdout)
        .trim()
        .to_string();
    assert!(vkey.starts_with("test.recourse.example/ledger+"), "{vkey}");

    // signed_note verifies the checkpoint with the printed verifier key.
    let verifier = StandardVerifier::new(&vkey).expect("signed_note parses the verifier key");
    let parsed = Note::from_bytes(note.as_bytes()).expect("signed_note parses the checkpoint");
    parsed
        .verify(&VerifierList::new(vec![Box::new(verifier)]))
        .expect("checkpoint signature verifies");
    let cp = tlog_tiles::Checkpoint::from_bytes(parsed.text())
        .expect("tlog_tiles parses the checkpoint");
    let size = cp.size();
    let entries = all_entries(&d);
    assert_eq!(size, entries.len() as u64);
    assert_eq!(
        cp.hash().0,
        mth(&entries),
        "checkpoint root is the RFC 6962 root of the entries"
    );

    // Inclusion proofs from `prove inclusion`, for the exact bytes `show` prints.
    for position in [0u64, 1, 255, 256, 511, size - 1] {
        let shown = d.run(&["show", "--position", &position.to_string()]).stdout;
        assert_eq!(shown, entries[position as usize]);
        let leaf = tlog_tiles::record_hash(&shown);
        let proof = lines(&d.run(&["prove", "inclusion", "--position", &position.to_string()]));
        tlog_tiles::check_record(&proof, size, *cp.hash(), position, leaf)
            .unwrap_or_else(|e| panic!("position {position}: {e:?}"));
    }
    // Consistency proofs from `prove consistency` against roots computed here.
    for from in [1u64, 2, 256, 300, size - 1] {
        let old_root = tlog_tiles::Hash(mth(&entries[..from as usize]));
        let proof = lines(&d.run(&["prove", "consistency", "--from", &from.to_string()]));
        tlog_tiles::check_tree(&proof, size, *cp.hash(), from, old_root)
            .unwrap_or_else(|e| panic!("from {from}: {e:?}"));
    }
}

/// Reads the store's tiles for `tlog_tiles`, which checks every tile it loads against the tree
/// hash: tiles that do not hash up to the checkpoint root are refused.
struct StoredTiles(rusqlite::Connection);

impl tlog_tiles::TileReader for StoredTiles {
    fn height(&self) -> u8 {
        8
    }
    fn read_tiles(&self, tiles: &[tlog_tiles::Tile]) -> Result<Vec<Vec<u8>>, tlog_tiles::Error> {
        tiles
            .iter()
            .map(|t| {
                let hashes: Vec<u8> = self
                    .0
                    .query_row(
                        "SELECT hashes FROM tiles WHERE level = ?1 AND idx = ?2",
                        (t.level(), t.level_index() as i64),
                        |r| r.get(0),
                    )
                    .map_err(|_| tlog_tiles::Error::InvalidTile)?;
                hashes
                    .get(..t.width() as usize * 32)
                    .map(<[u8]>::to_vec)
                    .ok_or(tlog_tiles::Error::InvalidTile)
            })
            .collect()
    }
    fn save_tiles(&self, _: &[tlog_tiles::Tile], _: &[Vec<u8>]) {}
}

#[test]
fn stored_tiles_are_valid_c2sp_tiles_for_the_checkpoint() {
    let d = DataFolder::with_events(70_000);
    let note = text(&d.run(&["checkpoint"]).stdout);
    let cp = tlog_tiles::Checkpoint::from_bytes(Note::from_bytes(note.as_bytes()).unwrap().text())
        .unwrap();
    let tiles = StoredTiles(d.sqlite());
    let reader = tlog_tiles::TileHashReader::new(cp.size(), *cp.hash(), &tiles);
    for position in [0u64, 65_535, 65_536, cp.size() - 1] {
        let theirs = tlog_tiles::prove_record(cp.size(), position, &reader)
            .expect("tiles verify against the root");
        let ours = lines(&d.run(&["prove", "inclusion", "--position", &position.to_string()]));
        assert_eq!(theirs, ours, "position {position}");
    }
    assert_eq!(
        tlog_tiles::tree_hash(cp.size(), &reader).unwrap(),
        *cp.hash()
    );
}

#[test]
fn export_bundle_verifies_offline_and_tampering_is_caught() {
    let d = DataFolder::with_events(300);
    let bundle = d.path.with_file_name("ledger.bundle");
    let out = d.run(&["export", "--out", bundle.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let vkey_file = d.path.join("ledger.vkey");
    let vkey = std::fs::read_to_string(&vkey_file)
        .unwrap()
        .trim()
        .to_string();
    for key in [vkey_file.to_str().unwrap(), vkey.as_str()] {
        let out = run(&[
            "verify".into(),
            "--bundle".into(),
            bundle.display().to_string(),
            "--vkey".into(),
            key.into(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("ok: 302 entries"),
            "{}",
            text(&out.stdout)
        );
    }
    let verify = |path: &std::path::Path| {
        run(&[
            "verify".into(),
            "--bundle".into(),
            path.display().to_string(),
            "--vkey".into(),
            vkey.clone(),
        ])
    };
    let original = std::fs::read_to_string(&bundle).unwrap();
    let mut lines: Vec<&str> = original.lines().collect();

    // An altered entry: the position is named, status 1.
    let altered = lines[100].replacen("\"n\":", "\"n\":1", 1);
    lines[100] = &altered;
    let tampered = bundle.with_extension("altered");
    std::fs::write(&tampered, lines.join("\n") + "\n").unwrap();
    let out = verify(&tampered);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("at position 99:"),
        "{}",
        text(&out.stderr)
    );

    // A truncated bundle.
    let original_lines: Vec<&str> = original.lines().collect();
    let truncated = bundle.with_extension("truncated");
    std::fs::write(&truncated, original_lines[..250].join("\n") + "\n").unwrap();
    let out = verify(&truncated);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("truncated"),
        "{}",
        text(&out.stderr)
    );

    // Not a bundle at all: status 2, a clear message.
    let garbage = bundle.with_extension("garbage");
    std::fs::write(&garbage, b"\x00\x01 definitely not a bundle\n").unwrap();
    let out = verify(&garbage);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not a Recourse bundle"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bad_input_gives_a_clear_message_and_status_2() {
    let d = DataFolder::with_events(5);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["show".into(), "--position".into(), "999".into()],
            "no entry at position 999",
        ),
        (
            vec![
                "prove".into(),
                "inclusion".into(),
                "--position".into(),
                "999".into(),
            ],
            "not below tree size",
        ),
        (
            vec!["verify".into(), "--vkey".into(), "nonsense".into()],
            "neither a readable file nor a verifier key",
        ),
        (vec!["frobnicate".into()], "unrecognized subcommand"),
    ];
    for (args, message) in cases {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = d.run(&refs);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(message),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // A data folder without a ledger.
    let empty = DataFolder::empty();
    let out = empty.run(&["verify"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("missing") || text(&out.stderr).contains("no ledger"),
        "{}",
        text(&out.stderr)
    );
    // A missing verifier key.
    std::fs::remove_file(d.path.join("ledger.vkey")).unwrap();
    let out = d.run(&["verify"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("ledger.vkey is missing"),
        "{}",
        text(&out.stderr)
    );
    // A corrupt database file.
    let c = DataFolder::with_events(0);
    std::fs::write(c.db(), vec![0x5a; 8192]).unwrap();
    for f in ["ledger.db-wal", "ledger.db-shm"] {
        let _ = std::fs::remove_file(c.path.join(f));
    }
    let out = c.run(&["verify"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("not a database"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn huge_positions_and_sizes_are_usage_errors_not_panics() {
    let d = DataFolder::with_events(3);
    let huge = [
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
    ];
    for n in huge {
        for args in [
            vec!["show", "--position", n],
            vec!["prove", "inclusion", "--position", n],
            vec!["prove", "inclusion", "--position", "0", "--size", n],
            vec!["prove", "consistency", "--from", n],
            vec!["prove", "consistency", "--from", "1", "--to", n],
        ] {
            let out = d.run(&args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(err.contains(n), "{args:?} names the number: {err}");
        }
    }
    // Past u64: clap's own usage error, status 2 as well.
    let out = d.run(&["show", "--position", "18446744073709551616"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!text(&out.stderr).contains("panicked"));
}

#[test]
fn bench_and_demo_numbers_out_of_range_are_usage_errors() {
    let d = DataFolder::with_events(0);
    for args in [
        vec!["bench", "append", "--events", "10", "--rate", "0"],
        vec!["bench", "append", "--events", "10", "--rate", "-5"],
        vec!["bench", "append", "--events", "10", "--rate", "NaN"],
        vec!["bench", "append", "--events", "10", "--concurrency", "0"],
        vec!["bench", "append", "--events", "18446744073709551615"],
        vec!["bench", "prove", "--samples", "18446744073709551615"],
        vec!["demo", "--complaints", "18446744073709551615"],
    ] {
        let out = d.run(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains("--"), "{args:?} names the option: {err}");
    }
}

/// The organization's copy of a reference document is checked before anything starts: a
/// refused one stops `serve` and `retention` with its path, line and problem, as bad input
/// (status 2), and a good one is used and announced.
#[test]
fn a_refused_reference_file_stops_start_up_naming_it() {
    let d = DataFolder::with_events(0);
    let folder = d.path.join("reference");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("framework.toml");
    let shipped = recourse_projections::framework::ReferenceFile::Framework.shipped_text();
    let broken = shipped.replacen(
        "evidence = [\"citing-right:respect\"]",
        "evidence = [\"respect\"]",
        1,
    );
    assert_ne!(broken, shipped);
    std::fs::write(&path, &broken).unwrap();
    let line = broken
        .lines()
        .position(|l| l == "evidence = [\"respect\"]")
        .unwrap()
        + 1;
    for args in [vec!["retention"], vec!["serve", "--listen", "127.0.0.1:0"]] {
        let out = d.run(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("reference file {} was refused", path.display())),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("framework.toml line {line}, column ")),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("unknown measure \"respect\""),
            "{args:?}: {stderr}"
        );
    }
    // Mended, the copy is used (and said to be).
    std::fs::write(
        &path,
        shipped.replace("version = \"2021-02-08\"", "version = \"ours\""),
    )
    .unwrap();
    let out = d.run(&["retention"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "Reference documents from {}: framework.toml.",
            folder.display()
        )),
        "{stdout}"
    );
}
