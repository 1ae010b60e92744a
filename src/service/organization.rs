//! The organization's public identity and the names of its programs and sites in each
//! language, checked before settings are saved.
//!
//! All of it is public (shown on every page, the landing page and the receipt), so it is kept
//! in clear in the settings; what makes it unsafe is shape, not secrecy: control characters
//! (which would break the receipt file or a header), an address that is not an email or a web
//! address (a `javascript:` link on the landing page), or a text too long for the page and the
//! ledger's entry. Each refusal names the form's field and says why as a message id, which the
//! page translates; the rules (`validate_settings`) keep the whole settings within one entry.

use recourse_events::org::{Named, Settings};
use recourse_projections::message::Message;

use super::validation::{Invalid, Refusals, at_most, one_line};
use crate::limits;

/// Every refused field of the identity and of the names in other languages.
pub fn refusals(s: &Settings) -> Vec<Invalid> {
    let o = &s.organization;
    let mut r = Refusals::default();
    r.check(name("org_name", &o.name));
    for n in o.names.values() {
        r.check(name("org_names", n));
    }
    r.check(at_most("org_address", &o.address, limits::ADDRESS));
    if o.address.chars().any(|c| c.is_control() && c != '\n') {
        r.push(Invalid::new("org_address", Message::new("invalid-control")));
    }
    r.check(at_most("org_phone", &o.phone, limits::PHONE));
    if !o.phone.is_empty() && !is_phone(&o.phone) {
        r.push(Invalid::new("org_phone", Message::new("invalid-phone")));
    }
    r.check(at_most("org_email", &o.email, limits::EMAIL));
    if !o.email.is_empty() && !is_email(&o.email) {
        r.push(Invalid::new("org_email", Message::new("invalid-email")));
    }
    r.check(at_most("org_website", &o.website, limits::URL));
    if !o.website.is_empty() && !is_web_address(&o.website) {
        r.push(Invalid::new("org_website", Message::new("invalid-url")));
    }
    for (field, list) in [("program_names", &s.programs), ("site_names", &s.sites)] {
        for n in list.iter().flat_map(|n: &Named| n.names.values()) {
            r.check(name(field, n));
        }
    }
    r.into_vec()
}

/// A name: one line, at most [`limits::PLACE_NAME`] characters.
fn name(field: &'static str, text: &str) -> Result<(), Invalid> {
    at_most(field, text, limits::PLACE_NAME)?;
    one_line(field, text)
}

/// A telephone number as people write it: digits, spaces, `+ - ( ) .`, an extension (`x`),
/// with at least one digit.
pub fn is_phone(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-().x".contains(c))
}

/// An email address's shape: `local@domain.tld`, no spaces, quotes or angle brackets.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let plain = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| !c.is_control() && !c.is_whitespace() && !"@\"<>()[],;:\\".contains(c))
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A web address: `https://` or `http://`, a host with a dot (or `localhost`), then anything
/// without spaces, quotes or angle brackets.
pub fn is_web_address(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_name = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let host_ok = !host_name.is_empty()
        && host_name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && (host_name.contains('.') || host_name == "localhost")
        && !host_name.starts_with('.')
        && !host_name.ends_with('.');
    host_ok
        && s.chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && !"\"'<>\\`".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_contact_addresses() {
        assert!(is_email("help@maple.example"));
        assert!(!is_email("help@maple"));
        assert!(!is_email("help maple@x.org"));
        assert!(!is_email("@x.org"));
        assert!(is_web_address("https://maple.example/aide?x=1"));
        assert!(is_web_address("http://localhost:8080/"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("https://a.example/\"onmouseover"));
        assert!(is_phone("+1 (416) 555-0100 x12"));
        assert!(!is_phone("call us"));
    }

    #[test]
    fn every_refused_identity_field_is_named() {
        let mut s = Settings::default();
        assert!(refusals(&s).is_empty());
        s.organization.name = "ع".repeat(201);
        s.organization.email = "nobody".into();
        s.organization.website = "ftp://x.org".into();
        s.organization.address = "1 Main St\u{7}".into();
        s.programs[0].names.insert("fr".into(), "a\nb".into());
        let fields: Vec<_> = refusals(&s).into_iter().map(|i| i.field).collect();
        assert_eq!(
            fields,
            [
                "org_name",
                "org_address",
                "org_email",
                "org_website",
                "program_names"
            ]
        );
    }
}
