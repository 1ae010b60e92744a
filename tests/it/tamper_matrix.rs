//! Every single edit of every database file, held to the ledger's promise.
//!
//! A small organization is built through the service: staff with accounts, complaints filed
//! with receipt codes, a case handled with a sealed message, one erased. Then, for every table
//! and column of `ledger.db`, `vault.db` and `accounts.db` (found from the schema, not listed by
//! hand), one edit of each kind is made to a fresh copy of the folder: a value changed (in the
//! first, a middle and the last row), a row deleted, a row duplicated, two rows' values swapped,
//! the whole file restored from an earlier copy; plus the high-water mark file and the
//! cross-stream rewiring that once showed one client another's complaint. Each edit must have
//! one of these outcomes:
//!
//! - `recourse verify` exits 1 and says where (a position, or the checkpoint or stream);
//! - the service refuses to start, with a message;
//! - what clients and staff are shown (each client's file opened by receipt code, every case's
//!   timeline, the published checkpoint, who each sign-in acts as) is exactly what it was, or,
//!   for a staff account, the sign-in fails closed (a damaged account can lock its owner out,
//!   never let anyone act as someone else).

use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;
use recourse::accounts::{AccountStore, Accounts};
use recourse::data_dir::DataDir;
use recourse::receipt::ReceiptCode;
use recourse::service::Service;
use recourse_events::case::{Audience, MessagePosted};
use recourse_projections::case::Command;
use recourse_projections::framework::Reference;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::helpers::{DataFolder, text};
use crate::service::{form, organization};

const PASSWORD: &str = "tamper-test-password";

/// The organization, and what a reader needs to look at it.
struct Fixture {
    folder: DataFolder,
    /// An earlier copy of the data folder (after the first two filings).
    earlier: DataFolder,
    receipts: Vec<ReceiptCode>,
    logins: Vec<String>,
    /// Data keys in use (cases' and the staff key): the vault rows that matter most, edited
    /// besides the sampled ones (most rows are spare keys made ahead of need).
    used_keys: Vec<String>,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn build() -> Fixture {
    let folder = DataFolder::empty();
    let earlier = DataFolder::empty();
    let (receipts, logins, used_keys) = runtime().block_on(async {
        let o = organization(&folder).await;
        let s = &o.service;
        let accounts = Accounts::open(&DataDir::new(&folder.path).accounts_path()).unwrap();
        let mut logins = Vec::new();
        for (login, who) in [
            ("intake", &o.intake),
            ("reviewer", &o.reviewer),
            ("chair", &o.chair),
        ] {
            let staff = who.actor.staff().unwrap();
            accounts
                .create_with_password(login, staff, &who.key, PASSWORD)
                .unwrap();
            logins.push(login.to_string());
        }
        let mut receipts = Vec::new();
        for i in 0..4 {
            let mut f = form();
            f.what_happened = format!("Complaint number {i}: كان الموظف غير محترم");
            let filed = s.file(&s.web_intake(), f, Timestamp::now()).await.unwrap();
            receipts.push(filed.receipt);
            if i == 1 {
                // The earlier copy: files closed by dropping nothing; SQLite copies in WAL mode
                // are consistent after a checkpoint, which the copy forces by reading.
                flush(&folder.path);
                copy_dir(&folder.path, &earlier.path);
            }
        }
        let (case, _) = s.client(&receipts[0]).unwrap();
        s.act(
            &o.intake,
            case,
            Command::Acknowledge { note: None },
            Timestamp::now(),
        )
        .await
        .unwrap();
        let body = s
            .seal_for(case, "body", "We have your complaint; إليك ما سيحدث")
            .unwrap();
        s.act(
            &o.intake,
            case,
            Command::PostMessage(MessagePosted {
                audience: Audience::Client,
                body,
            }),
            Timestamp::now(),
        )
        .await
        .unwrap();
        s.request_erasure(&receipts[3], Timestamp::now())
            .await
            .unwrap();
        let mut used_keys: Vec<String> = s.read(|m| {
            m.cases()
                .filter_map(|c| c.filing.as_ref().map(|f| f.data_key.clone()))
                .collect()
        });
        used_keys.push(recourse::service::STAFF_KEY.to_string());
        (receipts, logins, used_keys)
    });
    flush(&folder.path);
    Fixture {
        folder,
        earlier,
        receipts,
        logins,
        used_keys,
    }
}

/// Folds each database's WAL into the file, so that file copies are complete.
fn flush(dir: &Path) {
    for db in ["ledger.db", "vault.db", "accounts.db"] {
        let c = Connection::open(dir.join(db)).unwrap();
        let _ = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
}

/// What clients and staff are shown, or why the service would not start.
fn observe(dir: &Path, receipts: &[ReceiptCode], logins: &[String]) -> Result<String, String> {
    runtime().block_on(async {
        let service = Service::open(&DataDir::new(dir), Arc::new(Reference::shipped()))
            .await
            .map_err(|e| e.to_string())?;
        let mut seen = Vec::new();
        seen.push(format!("checkpoint {:?}", service.ledger().checkpoint()));
        for code in receipts {
            seen.push(match service.client_file(code).await {
                Ok(file) => format!(
                    "client file {}: {:?} {:?}",
                    file.case,
                    file.timeline,
                    file.fields
                        .iter()
                        .map(|f| (&f.field, &f.text))
                        .collect::<Vec<_>>()
                ),
                Err(e) => format!("client file: error {e}"),
            });
        }
        let cases: Vec<_> = service.read(|m| m.cases().map(|c| c.id).collect());
        let mut cases = cases;
        cases.sort();
        for case in cases {
            seen.push(format!(
                "timeline {case}: {:?}",
                service.timeline(case).await.map_err(|e| e.to_string())
            ));
        }
        let accounts =
            Accounts::open(&DataDir::new(dir).accounts_path()).map_err(|e| e.to_string())?;
        for login in logins {
            let signed = accounts
                .sign_in(login, PASSWORD)
                .ok()
                .and_then(|(staff, key)| {
                    let active = service.read(|m| {
                        m.org()
                            .staff
                            .get(&staff)
                            .is_some_and(|s| s.active && s.keys.contains(&key.key_id()))
                    });
                    active.then(|| (staff, key.key_id()))
                });
            seen.push(format!("sign-in {login}: {signed:?}"));
        }
        Ok(seen.join("\n"))
    })
}

/// How an edit came out.
enum Outcome {
    VerifyFailed(String),
    Refused(String),
    Unchanged,
    /// The only allowed change: a sign-in that now fails.
    SignInFailsClosed,
}

fn judge(f: &Fixture, baseline: &str, d: &DataFolder, what: &str) -> Outcome {
    let out = d.run(&["verify"]);
    let stderr = text(&out.stderr);
    if out.status.code() == Some(1) {
        assert!(
            stderr.contains("FAILED"),
            "{what}: verify exit 1 without a reason: {stderr}"
        );
        return Outcome::VerifyFailed(stderr);
    }
    assert!(
        out.status.success(),
        "{what}: verify neither passed nor failed cleanly: {:?} {stderr}",
        out.status
    );
    match observe(&d.path, &f.receipts, &f.logins) {
        Err(why) => Outcome::Refused(why),
        Ok(seen) if seen == baseline => Outcome::Unchanged,
        Ok(seen) => {
            // Compare line by line: only sign-ins may differ, and only by failing.
            let (a, b): (Vec<_>, Vec<_>) = (baseline.lines().collect(), seen.lines().collect());
            assert_eq!(a.len(), b.len(), "{what}: what is shown changed:\n{seen}");
            for (x, y) in a.iter().zip(&b) {
                if x != y {
                    assert!(
                        x.starts_with("sign-in ") && y.ends_with(": None"),
                        "{what}: verify passed, the service started, and what is shown changed:\n  before: {x}\n  after:  {y}"
                    );
                }
            }
            Outcome::SignInFailsClosed
        }
    }
}

/// One edit to a fresh copy of the fixture's folder.
fn with_copy(f: &Fixture, edit: impl FnOnce(&Path)) -> DataFolder {
    let d = DataFolder::empty();
    copy_dir(&f.folder.path, &d.path);
    edit(&d.path);
    d
}

fn tables(db: &Connection) -> Vec<String> {
    let mut stmt = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// (column, is part of the primary key)
fn columns(db: &Connection, table: &str) -> Vec<(String, bool)> {
    let mut stmt = db.prepare(&format!("PRAGMA table_info({table})")).unwrap();
    stmt.query_map([], |r| {
        Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)? > 0))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The primary key values of the first, a middle and the last row.
fn sample_keys(db: &Connection, table: &str, pk: &[String]) -> Vec<Vec<Value>> {
    let order = pk.join(", ");
    let count: i64 = db
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap();
    let mut keys = Vec::new();
    for offset in [0, count / 2, count - 1] {
        if offset < 0 {
            continue;
        }
        let sql = format!("SELECT {order} FROM {table} ORDER BY {order} LIMIT 1 OFFSET {offset}");
        let key: Option<Vec<Value>> = db
            .query_row(&sql, [], |r| {
                (0..pk.len()).map(|i| r.get::<_, Value>(i)).collect()
            })
            .ok();
        if let Some(k) = key
            && !keys.contains(&k)
        {
            keys.push(k);
        }
    }
    keys
}

fn where_key(pk: &[String]) -> String {
    pk.iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn changed(v: &Value) -> Value {
    match v {
        Value::Null => Value::Integer(0),
        Value::Integer(i) => Value::Integer(i.wrapping_add(1)),
        Value::Real(r) => Value::Real(r + 1.0),
        Value::Text(t) => {
            let mut s: Vec<char> = t.chars().collect();
            match s.last_mut() {
                Some(c) => *c = if *c == '0' { '1' } else { '0' },
                None => s.push('x'),
            }
            Value::Text(s.into_iter().collect())
        }
        Value::Blob(b) => {
            let mut b = b.clone();
            match b.last_mut() {
                Some(x) => *x ^= 1,
                None => b.push(0),
            }
            Value::Blob(b)
        }
    }
}

/// One edit: it returns how many rows it changed (0: not applicable here).
type Edit = Box<dyn Fn(&Connection) -> usize>;

/// Every table and column of one database file: each edit's name and the edit.
fn edits_of(f: &Fixture, file: &str) -> Vec<(String, Edit)> {
    let db = Connection::open(f.folder.path.join(file)).unwrap();
    let mut edits: Vec<(String, Edit)> = Vec::new();
    for table in tables(&db) {
        let cols = columns(&db, &table);
        let mut pk: Vec<String> = cols.iter().filter(|c| c.1).map(|c| c.0.clone()).collect();
        if pk.is_empty() {
            pk = vec!["rowid".into()];
        }
        let mut keys = sample_keys(&db, &table, &pk);
        if table == "data_keys" {
            for k in &f.used_keys {
                let k = vec![Value::Text(k.clone())];
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        let w = where_key(&pk);
        for (col, _) in &cols {
            for key in &keys {
                let (t, c, w, key) = (table.clone(), col.clone(), w.clone(), key.clone());
                edits.push((
                    format!("{file}: change {table}.{col} at {key:?}"),
                    Box::new(move |db: &Connection| {
                        let Ok(v) = db.query_row(
                            &format!("SELECT {c} FROM {t} WHERE {w}"),
                            rusqlite::params_from_iter(&key),
                            |r| r.get::<_, Value>(0),
                        ) else {
                            return 0; // a row that is not there (an erased case's key)
                        };
                        // The key fills ?1..?k, the changed value ?k+1.
                        let mut params = key.clone();
                        params.push(changed(&v));
                        let sql = format!(
                            "UPDATE OR IGNORE {t} SET {c} = ?{} WHERE {w}",
                            key.len() + 1
                        );
                        db.execute(&sql, rusqlite::params_from_iter(&params))
                            .unwrap()
                    }),
                ));
            }
            // Swap between the first and last rows, and between the last two (the rows in use).
            let pairs: Vec<(usize, usize)> = match keys.len() {
                0 | 1 => vec![],
                2 => vec![(0, 1)],
                n => vec![(0, n - 1), (n - 2, n - 1)],
            };
            for (i, j) in pairs {
                let (t, c, w, pk) = (table.clone(), col.clone(), w.clone(), pk.clone());
                let (a, b) = (keys[i].clone(), keys[j].clone());
                edits.push((
                    format!("{file}: swap {table}.{col} between rows {a:?} and {b:?}"),
                    Box::new(move |db: &Connection| {
                        let get = |k: &Vec<Value>| -> Option<Value> {
                            db.query_row(
                                &format!("SELECT {c} FROM {t} WHERE {w}"),
                                rusqlite::params_from_iter(k),
                                |r| r.get(0),
                            )
                            .ok()
                        };
                        let (Some(va), Some(vb)) = (get(&a), get(&b)) else {
                            return 0;
                        };
                        if va == vb {
                            return 0;
                        }
                        let set = |k: &Vec<Value>, v: &Value| {
                            let mut p = k.clone();
                            p.push(v.clone());
                            db.execute(
                                &format!(
                                    "UPDATE OR IGNORE {t} SET {c} = ?{} WHERE {}",
                                    k.len() + 1,
                                    w
                                ),
                                rusqlite::params_from_iter(&p),
                            )
                            .unwrap()
                        };
                        // Through a placeholder, so that unique columns can swap.
                        let hold = match &va {
                            Value::Integer(_) => Value::Integer(-987_654_321),
                            Value::Text(_) => Value::Text("swap-placeholder".into()),
                            _ => Value::Blob(vec![0xde, 0xad]),
                        };
                        set(&a, &hold);
                        let n = set(&b, &va);
                        // If the column is part of the key, row `a` is now found by `hold`.
                        let ka: Vec<Value> = match pk.iter().position(|p| *p == c) {
                            Some(i) => {
                                let mut k = a.clone();
                                k[i] = hold.clone();
                                k
                            }
                            None => a.clone(),
                        };
                        n + set(&ka, &vb)
                    }),
                ));
            }
        }
        for key in &keys {
            let (t, w, key) = (table.clone(), w.clone(), key.clone());
            edits.push((
                format!("{file}: delete {table} row {key:?}"),
                Box::new(move |db: &Connection| {
                    db.execute(
                        &format!("DELETE FROM {t} WHERE {w}"),
                        rusqlite::params_from_iter(&key),
                    )
                    .unwrap()
                }),
            ));
        }
        if let Some(key) = keys.last() {
            // A duplicate of a row under a new key (the key column changed, the rest copied).
            let (t, w, key, cols, pk) = (
                table.clone(),
                w.clone(),
                key.clone(),
                cols.clone(),
                pk.clone(),
            );
            edits.push((
                format!("{file}: duplicate a {table} row"),
                Box::new(move |db: &Connection| {
                    let names: Vec<String> = cols.iter().map(|c| c.0.clone()).collect();
                    let Ok(mut row) = db.query_row(
                        &format!("SELECT {} FROM {t} WHERE {w}", names.join(", ")),
                        rusqlite::params_from_iter(&key),
                        |r| {
                            (0..names.len())
                                .map(|i| r.get::<_, Value>(i))
                                .collect::<Result<Vec<Value>, _>>()
                        },
                    ) else {
                        return 0;
                    };
                    let first_key = names.iter().position(|n| pk.contains(n)).unwrap_or(0);
                    row[first_key] = match &row[first_key] {
                        Value::Integer(i) => Value::Integer(i + 1_000),
                        other => changed(other),
                    };
                    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                    db.execute(
                        &format!(
                            "INSERT OR IGNORE INTO {t} ({}) VALUES ({})",
                            names.join(", "),
                            marks.join(", ")
                        ),
                        rusqlite::params_from_iter(&row),
                    )
                    .unwrap()
                }),
            ));
        }
    }
    edits
}

fn tally(outcomes: &[(String, Outcome)]) -> String {
    let count = |p: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| p(o)).count();
    format!(
        "{} edits: verify failed {}, refused to start {}, unchanged {}, sign-in failed closed {}",
        outcomes.len(),
        count(|o| matches!(o, Outcome::VerifyFailed(_))),
        count(|o| matches!(o, Outcome::Refused(_))),
        count(|o| matches!(o, Outcome::Unchanged)),
        count(|o| matches!(o, Outcome::SignInFailsClosed)),
    )
}

#[test]
fn every_single_edit_of_every_database_file_is_caught_refused_or_harmless() {
    let f = build();
    let baseline = observe(&f.folder.path, &f.receipts, &f.logins).expect("the fixture starts");
    assert!(
        baseline.contains("إليك ما سيحدث"),
        "the baseline opens sealed text"
    );
    let out = f.folder.run(&["verify"]);
    assert!(
        out.status.success(),
        "fixture verifies: {}",
        text(&out.stderr)
    );

    let mut outcomes: Vec<(String, Outcome)> = Vec::new();
    for file in ["ledger.db", "vault.db", "accounts.db"] {
        for (what, edit) in edits_of(&f, file) {
            let mut applied = 0;
            let d = with_copy(&f, |dir| {
                let db = Connection::open(dir.join(file)).unwrap();
                applied = edit(&db);
            });
            if applied == 0 {
                continue; // e.g. a swap of equal values, or a duplicate the schema refuses
            }
            let outcome = judge(&f, &baseline, &d, &what);
            outcomes.push((what, outcome));
        }
        // The whole file put back as it was after two filings.
        let d = with_copy(&f, |dir| {
            std::fs::copy(f.earlier.path.join(file), dir.join(file)).unwrap();
        });
        let what = format!("{file}: an older copy restored");
        let outcome = judge(&f, &baseline, &d, &what);
        if file == "ledger.db" {
            assert!(
                matches!(&outcome, Outcome::VerifyFailed(e) if e.contains("rolled back")),
                "a rolled-back ledger fails verification as a rollback"
            );
        }
        outcomes.push((what, outcome));
    }
    // The mark file: an older copy is weaker but harmless; a damaged or missing one refuses.
    for (what, edit) in [
        ("mark: older copy", 0),
        ("mark: zeroed", 1),
        ("mark: deleted", 2),
    ] {
        let d = with_copy(&f, |dir| {
            let mark = dir.join("checkpoint.mark");
            match edit {
                0 => {
                    std::fs::copy(f.earlier.path.join("checkpoint.mark"), &mark).unwrap();
                }
                1 => std::fs::write(&mark, vec![0u8; 16384]).unwrap(),
                _ => std::fs::remove_file(&mark).unwrap(),
            }
        });
        let outcome = judge(&f, &baseline, &d, what);
        if edit > 0 {
            assert!(
                matches!(outcome, Outcome::VerifyFailed(_) | Outcome::Refused(_)),
                "{what} must not pass"
            );
        }
        outcomes.push((what.to_string(), outcome));
    }
    let summary = tally(&outcomes);
    eprintln!("{summary}");
    for (what, o) in &outcomes {
        let how = match o {
            Outcome::VerifyFailed(e) => format!("verify: {}", e.trim()),
            Outcome::Refused(e) => format!("refused: {e}"),
            Outcome::Unchanged => "unchanged".into(),
            Outcome::SignInFailsClosed => "sign-in fails closed".into(),
        };
        eprintln!("  {what}: {how}");
    }
    assert!(outcomes.len() > 100, "{summary}");
}

#[test]
fn rewiring_a_streams_back_pointer_to_another_clients_case_never_shows_their_complaint() {
    let f = build();
    let baseline = observe(&f.folder.path, &f.receipts, &f.logins).unwrap();
    let d = with_copy(&f, |dir| {
        let db = Connection::open(dir.join("ledger.db")).unwrap();
        // Case of receipt 0 has three events; point its last one's back-pointer at the filing
        // of another case, keeping the seq plausible.
        let rows: Vec<(i64, String)> = {
            let mut stmt = db
                .prepare("SELECT position, entry FROM entries ORDER BY position")
                .unwrap();
            stmt.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    String::from_utf8(r.get::<_, Vec<u8>>(1)?).unwrap(),
                ))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
        };
        let filings: Vec<i64> = rows
            .iter()
            .filter(|(_, e)| e.contains("\"type\":\"complaint.filed\""))
            .map(|(p, _)| *p)
            .collect();
        let last_of_first: i64 = db
            .query_row(
                "SELECT last_position FROM streams WHERE next_seq = 3 LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let other = *filings
            .iter()
            .find(|p| **p > last_of_first || **p != filings[0])
            .unwrap();
        db.execute(
            "UPDATE entries SET prev_position = ?1, seq = 2 WHERE position = ?2",
            (other, last_of_first),
        )
        .unwrap();
    });
    let out = d.run(&["verify"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "verify fails: {}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("at position"),
        "{}",
        text(&out.stderr)
    );
    // And the service, should it be started anyway, shows nobody else's complaint.
    if let Ok(seen) = observe(&d.path, &f.receipts, &f.logins) {
        for (before, after) in baseline.lines().zip(seen.lines()) {
            if before != after {
                assert!(
                    after.contains("error") || after.contains("Err("),
                    "a changed view is an error, not data: {after}"
                );
            }
        }
        let first = seen.lines().find(|l| l.starts_with("client file")).unwrap();
        assert!(!first.contains("Complaint number 1"), "{first}");
    }
}
