//! Receipt codes: how a client without an account follows their case.
//!
//! A code is 100 random bits written as 20 Crockford base32 characters, shown in five groups of
//! four (`7K2Q-9MXD-...`): no vowels to spell words, and the letters people confuse (I/L/1,
//! O/0) read the same. From the code the server derives, each time the client presents it, the
//! complainant's Ed25519 key (which signs their follow-ups) and a lookup hash (which finds the
//! case). Only the lookup hash and the public key are ever stored, so follow-ups in the client's
//! name cannot be forged later without the code. With 100 bits of entropy a fast hash is enough:
//! there is nothing to guess.

use std::fmt;

use recourse_events::{Hash, SecretKey};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::data_dir::random_bytes;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a code.
pub const CODE_CHARS: usize = 20;

/// A receipt code. Its `Debug` never shows the code.
#[derive(Clone, PartialEq, Eq)]
pub struct ReceiptCode(Zeroizing<String>);

/// A string that is not a receipt code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a receipt code has 20 letters and digits, like 7K2Q-9MXD-4RTA-PZ3C-W8NE")]
pub struct ReceiptCodeError;

impl ReceiptCode {
    /// A fresh random code.
    pub fn generate() -> ReceiptCode {
        let bytes = random_bytes::<13>();
        // 13 bytes = 104 bits; the first 100 make 20 symbols.
        let mut bits: u128 = 0;
        for b in bytes {
            bits = (bits << 8) | u128::from(b);
        }
        let code: String = (0..CODE_CHARS)
            .map(|i| ALPHABET[((bits >> (104 - 5 * (i + 1))) & 31) as usize] as char)
            .collect();
        ReceiptCode(Zeroizing::new(code))
    }

    /// Reads a code as people type or paste it: any case, with spaces or dashes, and the
    /// look-alike letters I, L (for 1) and O (for 0).
    pub fn parse(input: &str) -> Result<ReceiptCode, ReceiptCodeError> {
        if input.len() > 64 {
            return Err(ReceiptCodeError);
        }
        let mut code = String::with_capacity(CODE_CHARS);
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{a0}' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(ReceiptCodeError),
            };
            code.push(c);
        }
        if code.len() != CODE_CHARS {
            return Err(ReceiptCodeError);
        }
        Ok(ReceiptCode(Zeroizing::new(code)))
    }

    /// The code in groups of four: `7K2Q-9MXD-4RTA-PZ3C-W8NE`.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).expect("ASCII"))
            .collect::<Vec<_>>()
            .join("-")
    }

    fn derive(&self, purpose: &str, origin: &str) -> [u8; 32] {
        Sha256::new()
            .chain_update(format!("recourse/{purpose}/v1\n{origin}\n").as_bytes())
            .chain_update(self.0.as_bytes())
            .finalize()
            .into()
    }

    /// The complainant's signing key for this code in the ledger `origin`.
    pub fn complainant_key(&self, origin: &str) -> SecretKey {
        SecretKey::from_seed(&self.derive("complainant-key", origin))
    }

    /// The hash that finds the case, stored in `complaint.filed`.
    pub fn lookup(&self, origin: &str) -> Hash {
        Hash(self.derive("receipt-lookup", origin))
    }
}

impl fmt::Debug for ReceiptCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReceiptCode(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_20_symbols_and_parse_back_however_typed() {
        let code = ReceiptCode::generate();
        let g = code.grouped();
        assert_eq!(g.len(), 24);
        assert_eq!(ReceiptCode::parse(&g).unwrap(), code);
        assert_eq!(
            ReceiptCode::parse(&g.to_lowercase().replace('-', " ")).unwrap(),
            code
        );
        assert_eq!(format!("{code:?}"), "ReceiptCode(<redacted>)");
    }

    #[test]
    fn look_alike_letters_read_as_digits_and_bad_input_is_refused() {
        let a = ReceiptCode::parse("IL0O-2222-3333-4444-5555").unwrap();
        assert_eq!(a.grouped(), "1100-2222-3333-4444-5555");
        for bad in [
            "",
            "1234",
            "UUUU-2222-3333-4444-5555",
            "1111-2222-3333-4444-55555",
            "1111-2222-3333-4444-555é",
        ] {
            assert!(ReceiptCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn keys_and_lookups_are_separate_and_bound_to_the_ledger() {
        let code = ReceiptCode::generate();
        assert_ne!(code.lookup("a").0, code.complainant_key("a").seed());
        assert_ne!(code.lookup("a"), code.lookup("b"));
        assert_eq!(
            code.complainant_key("a").key_id(),
            code.complainant_key("a").key_id()
        );
        let codes: std::collections::HashSet<String> = (0..1000)
            .map(|_| ReceiptCode::generate().grouped())
            .collect();
        assert_eq!(codes.len(), 1000);
    }
}
