//! The witness's signing key: `witness.key` (mode 0600) in its data folder, in the note
//! private-key form `PRIVATE+KEY+<name>+<8 hex id>+base64(0x04 || seed)`, and its public
//! verifier key `witness.vkey`, `<name>+<8 hex id>+base64(0x04 || public key)`, the line a
//! log and its readers are given.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use recourse_events::SecretKey;
use recourse_events::cosignature::{self, COSIGNATURE_V1, WitnessVerifier};

use super::state::write_durably;

/// A witness's name and signing key.
pub struct WitnessKey {
    /// The witness's name (its key name on cosignature lines).
    pub name: String,
    /// The signing key.
    pub key: SecretKey,
}

impl std::fmt::Debug for WitnessKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WitnessKey")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// The key file of the witness data folder `dir`.
pub fn key_path(dir: &Path) -> PathBuf {
    dir.join("witness.key")
}

/// The verifier key file of the witness data folder `dir`.
pub fn vkey_path(dir: &Path) -> PathBuf {
    dir.join("witness.vkey")
}

impl WitnessKey {
    /// The public verifier key.
    pub fn verifier(&self) -> WitnessVerifier {
        WitnessVerifier::new(&self.name, self.key.public())
            .expect("the name was checked when the key was made or read")
    }

    /// Creates a fresh key named `name` in `dir` (created, mode 0700, if missing); refuses a
    /// folder that already holds a witness key.
    pub fn create(dir: &Path, name: &str) -> anyhow::Result<Self> {
        let key = SecretKey::from_seed(&crate::data_dir::random_bytes::<32>());
        let verifier = WitnessVerifier::new(name, key.public())?;
        use std::os::unix::fs::DirBuilderExt as _;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
        let path = key_path(dir);
        anyhow::ensure!(
            !path.exists(),
            "{} already holds a witness key: a witness keeps its key for life",
            dir.display()
        );
        let mut data = vec![COSIGNATURE_V1];
        data.extend_from_slice(&key.seed());
        let text = format!(
            "PRIVATE+KEY+{name}+{:08x}+{}\n",
            verifier.id(),
            BASE64.encode(&data)
        );
        write_durably(&path, text.as_bytes(), 0o600)?;
        write_durably(&vkey_path(dir), format!("{verifier}\n").as_bytes(), 0o644)?;
        Ok(Self {
            name: name.into(),
            key,
        })
    }

    /// Reads the key of the witness data folder `dir`.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let path = key_path(dir);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read {} ({e}): run `recourse witness init --data {} --name NAME` first",
                path.display(),
                dir.display()
            )
        })?;
        Self::decode(text.trim())
            .map_err(|why| anyhow::anyhow!("{} is not a witness key: {why}", path.display()))
    }

    fn decode(text: &str) -> Result<Self, &'static str> {
        let rest = text
            .strip_prefix("PRIVATE+KEY+")
            .ok_or("expected PRIVATE+KEY+name+id+key")?;
        let mut parts = rest.splitn(3, '+');
        let (Some(name), Some(id), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
            return Err("expected PRIVATE+KEY+name+id+key");
        };
        let data = BASE64.decode(data).map_err(|_| "key is not base64")?;
        let seed: [u8; 32] = match data.split_first() {
            Some((&COSIGNATURE_V1, seed)) => seed.try_into().map_err(|_| "seed is 32 bytes")?,
            _ => return Err("not a cosignature/v1 (0x04) key"),
        };
        let key = SecretKey::from_seed(&seed);
        WitnessVerifier::new(name, key.public()).map_err(|_| "invalid name")?;
        if format!("{:08x}", cosignature::key_id(name, &key.public())) != id {
            return Err("key id does not match the name and key");
        }
        Ok(Self {
            name: name.into(),
            key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn created_once_private_and_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("w");
        let made = WitnessKey::create(&dir, "witness.example/w1").unwrap();
        let mode = std::fs::metadata(key_path(&dir))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let read = WitnessKey::load(&dir).unwrap();
        assert_eq!(read.verifier(), made.verifier());
        let vkey = std::fs::read_to_string(vkey_path(&dir)).unwrap();
        assert_eq!(WitnessVerifier::parse(&vkey).unwrap(), made.verifier());
        assert!(WitnessKey::create(&dir, "witness.example/w1").is_err());
        assert_eq!(WitnessKey::load(&dir).unwrap().verifier(), made.verifier());
        assert!(WitnessKey::create(&tmp.path().join("x"), "bad name").is_err());
    }
}
