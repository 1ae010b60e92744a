//! The `add-checkpoint` request body of C2SP tlog-witness, the one format both sides use: the
//! log writes it ([`AddCheckpoint::to_body`]) and the witness parses it, strictly
//! ([`AddCheckpoint::parse`]).
//!
//! ```text
//! old <size>\n
//! <base64 of a 32-byte hash>\n      (0 to 63 lines: the consistency proof)
//! \n
//! <the signed checkpoint note>
//! ```

use crate::Hash;

/// Most consistency proof lines a request may hold (the specification's limit).
pub const MAX_PROOF_LINES: usize = 63;

/// A parsed `add-checkpoint` request body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddCheckpoint {
    /// The size of the checkpoint the client believes the witness last cosigned.
    pub old: u64,
    /// The consistency proof from `old` to the checkpoint's size.
    pub proof: Vec<Hash>,
    /// The signed checkpoint note.
    pub checkpoint: String,
}

/// A request body that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed add-checkpoint request: {0}")]
pub struct BadRequest(pub String);

fn decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse().ok()
}

impl AddCheckpoint {
    /// Parses a request body: `old <size>\n`, up to 63 base64 hash lines, `\n`, checkpoint.
    pub fn parse(body: &[u8]) -> Result<Self, BadRequest> {
        let bad = |why: &str| BadRequest(why.into());
        let body = std::str::from_utf8(body).map_err(|_| bad("body is not UTF-8"))?;
        let (first, mut rest) = body
            .split_once('\n')
            .ok_or_else(|| bad("no old size line"))?;
        let old = first
            .strip_prefix("old ")
            .and_then(decimal)
            .ok_or_else(|| bad("the first line must be `old <size>` in decimal"))?;
        let mut proof = Vec::new();
        loop {
            let (line, after) = rest
                .split_once('\n')
                .ok_or_else(|| bad("no blank line before the checkpoint"))?;
            rest = after;
            if line.is_empty() {
                break;
            }
            if proof.len() == MAX_PROOF_LINES {
                return Err(bad("more than 63 consistency proof lines"));
            }
            proof.push(
                Hash::from_base64(line)
                    .map_err(|_| bad("a proof line is not the base64 of a 32-byte hash"))?,
            );
        }
        if rest.is_empty() {
            return Err(bad("no checkpoint"));
        }
        Ok(Self {
            old,
            proof,
            checkpoint: rest.into(),
        })
    }

    /// The request body: what [`Self::parse`] reads back as `self`.
    pub fn to_body(&self) -> String {
        let mut body = format!("old {}\n", self.old);
        for h in &self.proof {
            body.push_str(&h.to_base64());
            body.push('\n');
        }
        body.push('\n');
        body.push_str(&self.checkpoint);
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_malformed_bodies() {
        let hash = format!("{}\n", Hash([7; 32]).to_base64());
        let long = format!("old 1\n{}\ncp\n", hash.repeat(64));
        for bad in [
            "",
            "old 1",
            "old 01\n\ncp\n",
            "old -1\n\ncp\n",
            "old  1\n\ncp\n",
            "new 1\n\ncp\n",
            "old 1\nnot base64\n\ncp\n",
            "old 1\nAAAA\n\ncp\n",
            "old 1\n",
            "old 1\n\n",
            long.as_str(),
        ] {
            assert!(AddCheckpoint::parse(bad.as_bytes()).is_err(), "{bad:?}");
        }
        let ok = format!("old 1\n{}\ncp\n", hash.repeat(63));
        assert_eq!(AddCheckpoint::parse(ok.as_bytes()).unwrap().proof.len(), 63);
        assert!(AddCheckpoint::parse(b"old 0\n\xff\n\ncp\n").is_err());
    }

    #[test]
    fn a_body_written_is_read_back() {
        let req = AddCheckpoint {
            old: 20,
            proof: vec![Hash([1; 32]), Hash([2; 32])],
            checkpoint: "example.org/log\n21\nAAAA\n\n— example.org/log AAAA\n".into(),
        };
        assert_eq!(AddCheckpoint::parse(req.to_body().as_bytes()).unwrap(), req);
    }
}
