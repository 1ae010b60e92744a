//! Witnesses configured in the settings: the one check of a witness list, and the
//! administration workflows that add one or remove one.
//!
//! A witness is an independent party (an umbrella body, a funder, a partner agency) that
//! cosigns the log's checkpoints; the cosigner ([`super::cosigning`]) asks every witness of the
//! settings and of `serve --witness`. The settings keep each as its URL and its verifier key in
//! the note form; the key's name is the witness's display name. A list is accepted only if
//! every URL is an `http://` or `https://` base address of at most [`crate::limits::URL`]
//! characters without spaces or control characters, every key parses as a
//! [`WitnessVerifier`], no key is there twice and there are at most [`MAX_WITNESSES`].
//! [`refusals`] says so field by field, and [`Administration::save_settings`] refuses any
//! settings whose list it refuses: the witness page and the settings form alike.
//!
//! Adding or removing a witness records the whole settings again with that one change, over
//! the settings the page was opened on (their fingerprint), as the settings form does: a
//! change made meanwhile by another administrator is not silently lost.

use recourse_events::cosignature::WitnessVerifier;
use recourse_events::org::WitnessSetting;
use recourse_projections::message::Message;

use super::administration::{AdminError, Administration, SettingsSaved};
use super::validation::{Invalid, at_most};
use super::{Acting, ServiceError};
use crate::limits;

/// Most witnesses the settings may list.
pub const MAX_WITNESSES: usize = 16;

/// The form field of a witness's URL.
pub const URL_FIELD: &str = "witness_url";
/// The form field of a witness's verifier key.
pub const KEY_FIELD: &str = "witness_key";

/// Whether `url` is a witness's base address: `http://` or `https://`, a host (with an
/// optional port), an optional path; no user part, query, fragment, spaces, quotes or
/// control characters.
pub fn is_witness_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or_default();
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !host.starts_with(['.', '-'])
        && !host.ends_with('.');
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0));
    host_ok
        && port_ok
        && url
            .chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && !"\"'<>\\`?#@".contains(c))
}

/// A URL as kept: trimmed, without a trailing slash.
pub fn normalize_url(url: &str) -> String {
    url.trim().trim_end_matches('/').to_string()
}

/// One witness's refusals: its URL, then its key.
fn entry_refusals(w: &WitnessSetting) -> Vec<Invalid> {
    let mut refused = Vec::new();
    if w.url.chars().any(char::is_control) {
        refused.push(Invalid::new(URL_FIELD, Message::new("invalid-control")));
    } else if let Err(e) = at_most(URL_FIELD, &w.url, limits::URL) {
        refused.push(e);
    } else if !is_witness_url(&w.url) {
        refused.push(Invalid::new(URL_FIELD, Message::new("witness-error-url")));
    }
    if w.key.chars().any(char::is_control) {
        refused.push(Invalid::new(KEY_FIELD, Message::new("invalid-control")));
    } else if let Err(e) = at_most(KEY_FIELD, &w.key, limits::URL) {
        refused.push(e);
    } else if WitnessVerifier::parse(&w.key).is_err() {
        refused.push(Invalid::new(KEY_FIELD, Message::new("witness-error-key")));
    }
    refused
}

/// Every refusal of a witness list (see the module's documentation), by form field, each
/// message once.
pub fn refusals(list: &[WitnessSetting]) -> Vec<Invalid> {
    let mut refused: Vec<Invalid> = Vec::new();
    let mut push = |i: Invalid| {
        if !refused
            .iter()
            .any(|r| r.field == i.field && r.message.id == i.message.id)
        {
            refused.push(i);
        }
    };
    let mut keys: Vec<WitnessVerifier> = Vec::new();
    for w in list {
        entry_refusals(w).into_iter().for_each(&mut push);
        if let Ok(v) = WitnessVerifier::parse(&w.key) {
            if keys.contains(&v) {
                push(Invalid::new(
                    KEY_FIELD,
                    Message::new("witness-error-duplicate"),
                ));
            }
            keys.push(v);
        }
    }
    if list.len() > MAX_WITNESSES {
        push(Invalid::new(
            URL_FIELD,
            Message::new("witness-error-too-many").count("limit", MAX_WITNESSES),
        ));
    }
    refused
}

impl Administration<'_> {
    /// Adds the witness at `url` with the verifier key `key` to the settings, if the current
    /// settings still have the fingerprint `base`. The URL and key are refused by
    /// [`refusals`], and a key already configured (in the settings or on the command line) as
    /// a duplicate.
    pub async fn add_witness(
        &self,
        admin: &Acting,
        url: &str,
        key: &str,
        base: &str,
    ) -> Result<SettingsSaved, AdminError> {
        let entry = WitnessSetting {
            url: normalize_url(url),
            // Kept in its canonical form, so that the same key pasted twice is seen as one.
            key: WitnessVerifier::parse(key)
                .map(|v| v.to_string())
                .unwrap_or_else(|_| key.trim().to_string()),
        };
        let service = self.service();
        let mut settings = service.read(|m| m.org().settings.clone());
        let started_with = WitnessVerifier::parse(&entry.key).is_ok_and(|v| {
            service
                .cosigning()
                .command_line()
                .iter()
                .any(|c| c.verifier == v)
        });
        settings.witnesses.push(entry);
        let mut refused = refusals(&settings.witnesses);
        if started_with && !refused.iter().any(|i| i.field == KEY_FIELD) {
            refused.push(Invalid::new(
                KEY_FIELD,
                Message::new("witness-error-duplicate"),
            ));
        }
        if !refused.is_empty() {
            return Err(ServiceError::Invalid(refused).into());
        }
        self.save_settings(admin, settings, base).await
    }

    /// Removes the witness whose verifier key is `key` from the settings, if the current
    /// settings still have the fingerprint `base`. A key the settings do not list (one given
    /// on the command line, say) is not found.
    pub async fn remove_witness(
        &self,
        admin: &Acting,
        key: &str,
        base: &str,
    ) -> Result<SettingsSaved, AdminError> {
        let mut settings = self.service().read(|m| m.org().settings.clone());
        let before = settings.witnesses.len();
        settings.witnesses.retain(|w| w.key != key.trim());
        if settings.witnesses.len() == before {
            return Err(ServiceError::NotFound("no such witness in the settings".into()).into());
        }
        self.save_settings(admin, settings, base).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, seed: u8) -> String {
        let k = recourse_events::SecretKey::from_seed(&[seed; 32]);
        WitnessVerifier::new(name, k.public()).unwrap().to_string()
    }

    fn refused(list: &[WitnessSetting]) -> Vec<(&'static str, &'static str)> {
        refusals(list)
            .iter()
            .map(|i| (i.field, i.message.id))
            .collect()
    }

    fn w(url: &str, key: &str) -> WitnessSetting {
        WitnessSetting {
            url: url.into(),
            key: key.into(),
        }
    }

    #[test]
    fn witness_urls_are_http_or_https_base_addresses() {
        for ok in [
            "https://witness.ocasi.example",
            "http://127.0.0.1:8090",
            "https://w.example/tlog/witness",
            "http://witness:80",
        ] {
            assert!(is_witness_url(ok), "{ok}");
        }
        for bad in [
            "ftp://w.example",
            "https://",
            "javascript:alert(1)",
            "https://user@w.example",
            "https://w.example/a b",
            "https://w.example?x=1",
            "https://w.example:99999",
            "https://w.example/\"x",
            "https://-w.example",
        ] {
            assert!(!is_witness_url(bad), "{bad}");
        }
        assert_eq!(normalize_url(" https://w.example/ "), "https://w.example");
    }

    #[test]
    fn every_refused_witness_field_is_named() {
        let a = key("umbrella.example/witness", 1);
        let b = key("funder.example/witness", 2);
        assert!(refused(&[w("https://a.example", &a), w("http://b.example:1", &b)]).is_empty());
        assert_eq!(
            refused(&[w("ftp://a.example", "not-a-key")]),
            [
                (URL_FIELD, "witness-error-url"),
                (KEY_FIELD, "witness-error-key")
            ]
        );
        assert_eq!(
            refused(&[w("https://a.example\u{7}", &format!("{a}\u{1b}"))]),
            [
                (URL_FIELD, "invalid-control"),
                (KEY_FIELD, "invalid-control")
            ]
        );
        let long = format!("https://a.example/{}", "p".repeat(limits::URL));
        assert_eq!(refused(&[w(&long, &a)]), [(URL_FIELD, "invalid-too-long")]);
        assert_eq!(
            refused(&[w("https://a.example", &a), w("https://other.example", &a)]),
            [(KEY_FIELD, "witness-error-duplicate")]
        );
        let many: Vec<WitnessSetting> = (0..=MAX_WITNESSES as u8)
            .map(|i| w("https://a.example", &key(&format!("w{i}"), i + 10)))
            .collect();
        assert!(refused(&many[..MAX_WITNESSES]).is_empty());
        assert_eq!(refused(&many), [(URL_FIELD, "witness-error-too-many")]);
    }
}
