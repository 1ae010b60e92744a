//! Sealing in memory under a browser's cookie token, for state the server keeps only for that
//! browser (the complaint form's drafts, the tracking page's visits): the state is found by a
//! domain-separated SHA-256 of the token and sealed with XChaCha20-Poly1305 under a key derived
//! from it, so the server's memory alone (a core dump, say) opens nothing without the cookie.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::data_dir::random_bytes;

/// The labels that separate one use of tokens from another.
#[derive(Debug, Clone, Copy)]
pub struct TokenSeal {
    /// Prefix of the lookup hash (e.g. `b"recourse/draft-lookup/v1\n"`).
    pub lookup: &'static [u8],
    /// Prefix of the key derivation (e.g. `b"recourse/draft-key/v1\n"`).
    pub key: &'static [u8],
}

impl TokenSeal {
    /// Where the state of `token` is kept.
    pub fn lookup(&self, token: &str) -> [u8; 32] {
        Sha256::new()
            .chain_update(self.lookup)
            .chain_update(token.as_bytes())
            .finalize()
            .into()
    }

    fn cipher(&self, token: &str) -> XChaCha20Poly1305 {
        let key: Zeroizing<[u8; 32]> = Zeroizing::new(
            Sha256::new()
                .chain_update(self.key)
                .chain_update(token.as_bytes())
                .finalize()
                .into(),
        );
        XChaCha20Poly1305::new(&Key::from(*key))
    }

    /// `plain` sealed under `token`, bound to `what` (nonce first).
    pub fn seal(&self, token: &str, what: &[u8], plain: &[u8]) -> Vec<u8> {
        let nonce = random_bytes::<24>();
        let sealed = self
            .cipher(token)
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain,
                    aad: what,
                },
            )
            .expect("sealing in memory cannot fail");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        out
    }

    /// What [`seal`](Self::seal) sealed, if `token` and `what` are the same.
    pub fn open(&self, token: &str, what: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        let (nonce, ct) = sealed.split_at_checked(24)?;
        self.cipher(token)
            .decrypt(
                &XNonce::from(<[u8; 24]>::try_from(nonce).ok()?),
                Payload { msg: ct, aad: what },
            )
            .ok()
            .map(Zeroizing::new)
    }
}
