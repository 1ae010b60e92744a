//! The organization as clients see it: its name, address and how to reach it, shown on the
//! landing page and the receipt, and this server's public address, which the receipt file
//! gives so that a client who kept only the file can find the tracking page again.
//!
//! The public address is the server's `--public-url` when it has one (behind a proxy that
//! rewrites `Host`, the only right one). Otherwise it is built from the request: `https` when the server runs behind HTTPS
//! (its cookies are `Secure`), and the `Host` the browser asked for, kept only if it is a
//! plain host name (so that a forged header cannot put markup or another scheme in a file).
//! Without a usable `Host` it is the path alone.

use recourse_events::org::Organization;
use warp::http::{StatusCode, header};

use crate::web::error::WebError;
use crate::web::http::Response;
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

/// The logo's address: `/logo/` and the first 16 hex digits of its SHA-256, so that a new
/// logo has a new address and the old one can be cached for a year.
pub fn logo_path(sha256: &str) -> String {
    format!("/logo/{}", sha256.get(..16).unwrap_or(sha256))
}

/// `GET /logo/<id>`: the current logo, with the type its bytes were found to be, if `id` is
/// its address; else 404 (an old address is not served: its image was replaced).
pub fn logo(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    let logo = ctx.app.service.read(|m| m.org().logo.clone());
    let logo = logo
        .filter(|l| logo_path(&l.sha256) == format!("/logo/{id}"))
        .ok_or(WebError::NotFound)?;
    let content_type = match logo.content_type.as_str() {
        "image/png" => "image/png",
        "image/jpeg" => "image/jpeg",
        "image/webp" => "image/webp",
        _ => return Err(WebError::NotFound),
    };
    Ok(
        Response::new(StatusCode::OK, content_type, logo.bytes.as_slice())
            .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
    )
}

/// The full address of `path` on this server: under `--public-url` if the server was given
/// one, else as the browser reached it (the path alone when the request's `Host` is missing or
/// not a plain host name).
pub fn public_address(ctx: &Ctx, path: &str) -> String {
    if let Some(url) = &ctx.app.config.public_url {
        return url.join(path);
    }
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
