//! The PostgreSQL schema, as numbered migrations applied in order at start-up.
//!
//! A migration is never edited once released: a change is a new one. `schema_migrations`
//! records which have run; they run in one transaction under an advisory lock, so instances
//! starting at once migrate once and none sees half a schema.

use postgres::Client;

use super::PgError;

/// The advisory lock key for migrations ("recourse" in ASCII, as a number).
const MIGRATION_LOCK: i64 = 0x7265_636f_7572_7365;

/// The migrations, in order: (version, SQL).
pub const MIGRATIONS: &[(i32, &str)] = &[
    (1, LEDGER),
    (2, STATE),
    (3, TRANSIENT),
    (4, COSIGNATURES),
    (5, COSIGNATURES_BY_WITNESS),
];

/// Witnesses' cosignatures on the ledger's checkpoints (see `store::sqlite` for how a row is
/// checked before it is written and why it is verified again when read).
const COSIGNATURES: &str = "
CREATE TABLE cosignatures (
    size      bigint NOT NULL CHECK (size >= 0),
    witness   text NOT NULL,
    line      text NOT NULL,
    timestamp bigint NOT NULL CHECK (timestamp >= 0),
    PRIMARY KEY (size, witness)
);
";

/// Each witness's cosignatures by size, to find its latest without reading every row.
const COSIGNATURES_BY_WITNESS: &str = "
CREATE INDEX cosignatures_by_witness ON cosignatures (witness, size);
";

/// The ledger: entries by position (the only evidence), the stream index, tiles, checkpoints.
/// The same tables as the embedded store's (see `store::sqlite` for what each column is
/// derived from and how it is checked); `bytea` for bytes, `bigint` for numbers.
const LEDGER: &str = "
CREATE TABLE entries (
    position      bigint PRIMARY KEY CHECK (position >= 0),
    seq           bigint NOT NULL CHECK (seq >= 0),
    prev_position bigint,
    entry         bytea NOT NULL
);
CREATE TABLE streams (
    name          text PRIMARY KEY,
    next_seq      bigint NOT NULL,
    last_position bigint NOT NULL,
    last_hash     bytea NOT NULL
);
CREATE TABLE tiles (
    level  smallint NOT NULL,
    idx    bigint NOT NULL,
    hashes bytea NOT NULL,
    PRIMARY KEY (level, idx)
);
CREATE TABLE checkpoints (size bigint PRIMARY KEY, note text NOT NULL);
";

/// Whether every migration has been applied (without changing anything).
pub fn is_current(client: &mut Client) -> Result<bool, PgError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('schema_migrations') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(false);
    }
    let done: Vec<i32> = client
        .query("SELECT version FROM schema_migrations", &[])?
        .iter()
        .map(|r| r.get(0))
        .collect();
    Ok(MIGRATIONS.iter().all(|(v, _)| done.contains(v)))
}

/// The web's short-lived state (`crate::transient`): visits, drafts, one-time ids.
const TRANSIENT: &str = "
CREATE TABLE transient (
    space   text NOT NULL,
    key     bytea NOT NULL,
    value   bytea NOT NULL,
    expires bigint NOT NULL,
    PRIMARY KEY (space, key)
);
CREATE INDEX transient_expires ON transient (expires);
";

/// The state beside the ledger that every instance must share: the key vault (wrapped data
/// keys, the ids destroyed, sealed documents), staff accounts, staff sessions and the sealed
/// bytes of attachments. The same columns as the SQLite files (`vault.db`, `accounts.db`,
/// `sessions.db`) and the files of `evidence/`; see `vault::postgres`, `accounts::postgres`,
/// `sessions::postgres` and `blob::postgres` for what each holds and why none of it opens
/// anything without the master key, a password or a cookie.
const STATE: &str = "
CREATE TABLE vault_keys (
    id      text PRIMARY KEY,
    wrapped bytea NOT NULL
);
CREATE TABLE vault_destroyed (
    id text PRIMARY KEY,
    at text NOT NULL
);
CREATE TABLE vault_documents (
    hash   text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    sealed bytea NOT NULL
);
CREATE TABLE accounts (
    login         text PRIMARY KEY,
    staff         text NOT NULL,
    salt          bytea,
    sealed_key    bytea,
    setup_lookup  bytea UNIQUE,
    setup_sealed  bytea,
    setup_expires text
);
CREATE INDEX accounts_by_staff ON accounts (staff);
CREATE TABLE sessions (
    lookup    bytea PRIMARY KEY,
    staff     text NOT NULL,
    sealed    bytea NOT NULL,
    started   bigint NOT NULL,
    last_seen bigint NOT NULL
);
CREATE INDEX sessions_by_staff ON sessions (staff);
CREATE TABLE blobs (
    case_id    text NOT NULL,
    attachment text NOT NULL,
    sealed     bytea NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, attachment)
);
";

/// Applies the migrations not yet applied.
pub fn migrate(client: &mut Client) -> Result<(), PgError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    )?;
    let done: Vec<i32> = tx
        .query("SELECT version FROM schema_migrations", &[])?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for (version, sql) in MIGRATIONS {
        if done.contains(version) {
            continue;
        }
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[version],
        )?;
    }
    tx.commit()
}
