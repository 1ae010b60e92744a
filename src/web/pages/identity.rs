//! The organization as clients see it: its name, address and how to reach it, shown on the
//! landing page and the receipt, and this server's public address, which the receipt file
//! gives so that a client who kept only the file can find the tracking page again.
//!
//! The public address is built from the request: `https` when the server runs behind HTTPS
//! (its cookies are `Secure`), and the `Host` the browser asked for, kept only if it is a
//! plain host name (so that a forged header cannot put markup or another scheme in a file).
//! Without a usable `Host` it is the path alone.

use recourse_events::org::Organization;
use warp::http::header;

use crate::web::router::Ctx;

/// The organization's identity in the page's language, ready to show.
pub struct Identity {
    /// Its name in the page language (empty if none is set).
    pub name: String,
    /// Its postal address, line by line.
    pub address: Vec<String>,
    /// Its telephone number, as written.
    pub phone: String,
    /// The number for a `tel:` link (digits and `+` only).
    pub phone_link: String,
    /// Its email address.
    pub email: String,
    /// Its web site.
    pub website: String,
}

impl Identity {
    /// The identity of the settings in the page language.
    pub fn of(ctx: &Ctx) -> Identity {
        let o: Organization = ctx
            .app
            .service
            .read(|m| m.org().settings.organization.clone());
        Identity {
            name: o.name_in(ctx.tr.lang).to_string(),
            address: o.address.lines().map(String::from).collect(),
            phone_link: o
                .phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect(),
            phone: o.phone,
            email: o.email,
            website: o.website,
        }
    }

    /// True if there is a way to reach the organization to show.
    pub fn has_contact(&self) -> bool {
        !self.address.is_empty()
            || !self.phone.is_empty()
            || !self.email.is_empty()
            || !self.website.is_empty()
    }
}

/// The full address of `path` on this server, as the browser reached it (the path alone when
/// the request's `Host` is missing or not a plain host name).
pub fn public_address(ctx: &Ctx, path: &str) -> String {
    let scheme = if ctx.secure() { "https" } else { "http" };
    let host = ctx.req.header(header::HOST).filter(|h| {
        !h.is_empty()
            && h.len() < 256
            && h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
    });
    match host {
        Some(h) => format!("{scheme}://{h}{path}"),
        None => path.to_string(),
    }
}
