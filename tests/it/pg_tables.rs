//! The PostgreSQL side of the state contracts: a pool on a test database, and the files on disk
//! of that database's tables (heap, TOAST and index files, every fork and segment), flushed by
//! a checkpoint first, so that a contract test can search "every file the backend keeps" for
//! what must never be there, as it does the SQLite files.

use std::path::PathBuf;

use recourse::postgres::Database;

/// A pool of two connections on the database at `url` (migrated).
pub fn connect(url: &str) -> Database {
    Database::connect(url, 2).expect("connect to the test database")
}

/// The files of every table of the database at `url` (and of their TOAST tables and indexes),
/// after a checkpoint has written every changed page to them.
pub fn files(url: &str) -> Vec<PathBuf> {
    let server = crate::pg::server().expect("the test server is running");
    let (root, paths) = server
        .on(url, |c| {
            c.batch_execute("CHECKPOINT")?;
            let root: String = c.query_one("SHOW data_directory", &[])?.get(0);
            let paths: Vec<String> = c
                .query(
                    "SELECT pg_relation_filepath(r.oid) FROM pg_class r
                     WHERE r.relnamespace IN ('public'::regnamespace, 'pg_toast'::regnamespace)
                       AND r.relkind IN ('r', 't', 'i')
                       AND pg_relation_filepath(r.oid) IS NOT NULL",
                    &[],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            Ok((root, paths))
        })
        .expect("list the database's files");
    let mut files = Vec::new();
    for rel in paths {
        let main = PathBuf::from(&root).join(rel);
        let (Some(dir), Some(name)) = (main.parent(), main.file_name()) else {
            continue;
        };
        let name = name.to_string_lossy().to_string();
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            // The main fork, its segments (`.1`, ...) and its other forks (`_fsm`, `_vm`).
            if n == name || n.starts_with(&format!("{name}.")) || n.starts_with(&format!("{name}_"))
            {
                files.push(e.path());
            }
        }
    }
    files
}
