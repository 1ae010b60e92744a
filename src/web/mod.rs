//! The web application: the complaint form and tracking for clients, the committee's workspace,
//! the board's dashboard, the public ledger endpoints, and the JSON API.
//!
//! [`server`] accepts connections (with time limits on every phase and a cap on their number)
//! and reads each request (with a body limit, larger on the routes that take files: [`upload`]) into a plain [`http::Request`], whose client
//! address is the peer's or, from a trusted proxy, the forwarded one ([`limits::client_addr`]);
//! [`router`] sends it to a handler in [`pages`] or [`api`], which parses its input, calls the
//! [`Service`](crate::service::Service) and renders; errors become responses in [`error`], in
//! one place; every response gets the security headers here, also those the server makes
//! itself (413, 408), and every 429 says when to come back (`Retry-After`). Pages are
//! server-rendered HTML that works without JavaScript (askama templates, strings from Fluent
//! files).

pub mod api;
pub mod choice;
pub mod drafts;
pub mod error;
pub mod http;
pub mod i18n;
pub mod limits;
pub mod metrics;
pub mod pages;
pub mod router;
pub mod server;
pub mod session;
pub mod token_seal;
pub mod upload;
pub mod visits;

use std::sync::Arc;
use std::time::{Duration, Instant};

use warp::http::{HeaderValue, StatusCode, header};

use crate::accounts::AccountStore;
use crate::service::Service;
use crate::sessions::{MemorySessions, SessionStore};
use http::{Request, Response};
use i18n::Catalog;
use limits::{Limiter, Limits, Proxies};
use server::ServerLimits;

/// Largest request body accepted (forms and API calls; documents are base64 in the API), except
/// on the routes that take files ([`upload::UPLOAD_ROUTES`]).
pub const MAX_BODY: usize = 256 * 1024;

/// How the server is configured.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Set the `Secure` flag on cookies (behind HTTPS).
    pub secure_cookies: bool,
    /// Rate limits.
    pub limits: Limits,
    /// Proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
    pub trusted_proxies: Proxies,
    /// Time limits and the connection cap.
    pub server: ServerLimits,
    /// How long a session lasts from sign-in, however busy (`--session-hours`).
    pub session_lifetime: Duration,
    /// The bearer token that opens `/metrics` to other hosts than this one
    /// (`RECOURSE_METRICS_TOKEN`); without it, only loopback clients see the metrics.
    pub metrics_token: Option<String>,
    /// The address clients reach this server at (`--public-url`, e.g.
    /// `https://complaints.example.org`): the receipt file and the set-up links give it. Without
    /// it the address is built from the request's `Host`, which a proxy may rewrite.
    pub public_url: Option<PublicUrl>,
}

/// A server's public address: `http` or `https`, a host name and an optional port, nothing
/// else (no path, no query, no user), so that it can be put in a receipt file as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Checks `s` (a trailing `/` is dropped).
    pub fn parse(s: &str) -> Result<PublicUrl, String> {
        let s = s.trim().trim_end_matches('/');
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| format!("{s:?}: the public address starts with https:// or http://"))?;
        let plain = !rest.is_empty()
            && rest.len() < 256
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
        if !plain {
            return Err(format!(
                "{s:?}: the public address is a scheme and a host (and port) only, without a path"
            ));
        }
        Ok(PublicUrl(s.to_string()))
    }

    /// The address of `path` (which starts with `/`) on this server.
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            limits: Limits::default(),
            trusted_proxies: Proxies::default(),
            server: ServerLimits::default(),
            session_lifetime: session::LIFETIME.unsigned_abs(),
            metrics_token: None,
            public_url: None,
        }
    }
}

/// Shared state of the application.
pub struct App {
    /// The ledger service.
    pub service: Service,
    /// Staff accounts.
    pub accounts: Arc<dyn AccountStore>,
    /// Live staff sessions.
    pub sessions: Arc<dyn SessionStore>,
    /// Translations.
    pub catalog: Arc<Catalog>,
    /// Rate limits.
    pub limiter: Limiter,
    /// Configuration.
    pub config: WebConfig,
    /// The complaint form's drafts (sealed, in the transient store).
    pub drafts: drafts::Drafts,
    /// The client's tracking visits (sealed, in the transient store).
    pub visits: visits::Visits,
    /// Counters for `/metrics`.
    pub metrics: metrics::Metrics,
    /// When the server started.
    pub started: Instant,
}

impl App {
    /// The application over a service and its accounts, with sessions in this process's
    /// memory (one server process; tests).
    pub fn new(
        service: Service,
        accounts: Arc<dyn AccountStore>,
        config: WebConfig,
    ) -> Result<App, i18n::CatalogError> {
        let sessions = Arc::new(MemorySessions::new(
            session_lifetime(&config),
            service.clock(),
        ));
        Self::with_sessions(service, accounts, sessions, config)
    }

    /// The application over a service, its accounts and a session store (`recourse serve`
    /// keeps sessions in the data folder, shared by every process serving it).
    pub fn with_sessions(
        service: Service,
        accounts: Arc<dyn AccountStore>,
        sessions: Arc<dyn SessionStore>,
        config: WebConfig,
    ) -> Result<App, i18n::CatalogError> {
        Ok(App {
            service,
            accounts,
            sessions,
            catalog: Arc::new(Catalog::load()?),
            limiter: Limiter::new(config.limits),
            config,
            drafts: drafts::Drafts::default(),
            visits: visits::Visits::default(),
            metrics: metrics::Metrics::default(),
            started: Instant::now(),
        })
    }

    /// The application keeping drafts and tracking visits in `store` (shared by every server
    /// on a PostgreSQL store) rather than in this process's memory.
    pub fn with_transient(mut self, store: Arc<dyn crate::transient::TransientStore>) -> App {
        self.drafts = drafts::Drafts::new(store.clone());
        self.visits = visits::Visits::new(store);
        self
    }

    /// The administration workflows (enrolment, sign-in, resets...) over this application's
    /// service, accounts and sessions.
    pub fn administration(&self) -> crate::service::Administration<'_> {
        crate::service::Administration::new(&self.service, &self.accounts, &self.sessions)
    }

    /// Handles one request: routing, errors and security headers.
    pub async fn handle(self: &Arc<Self>, request: Request) -> Response {
        let started = Instant::now();
        let mut response = router::route(self, &request).await;
        if response.status == StatusCode::TOO_MANY_REQUESTS
            && !response.headers.contains_key(header::RETRY_AFTER)
        {
            // A refusal made without a `Wait`: the window is the longest the wait can be.
            let window = self.limiter.limits().window.as_secs().max(1);
            response = response.header(header::RETRY_AFTER, &window.to_string());
        }
        secure(&mut response, &request.path);
        self.metrics.observe(&request, &response, started.elapsed());
        response
    }
}

/// The configured session lifetime, as the session stores count it (a lifetime too long to
/// represent is the longest one).
pub fn session_lifetime(config: &WebConfig) -> jiff::SignedDuration {
    jiff::SignedDuration::try_from(config.session_lifetime).unwrap_or(jiff::SignedDuration::MAX)
}

/// Security headers on every response: a CSP without inline script or style, no framing, no
/// referrer, no sniffing; personal pages are never cached.
pub(crate) fn secure(r: &mut Response, path: &str) {
    let h = &mut r.headers;
    let set = |h: &mut warp::http::HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    // A download (an attached file) is sandboxed too: should a browser render it after all, it
    // runs no script and reaches nothing of the site.
    let download = h
        .get(header::CONTENT_DISPOSITION)
        .is_some_and(|v| v.as_bytes().starts_with(b"attachment"));
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        if download {
            "sandbox; default-src 'none'; frame-ancestors 'none'"
        } else {
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'"
        },
    );
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(
        h,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        let public = path.starts_with("/static/") || path.starts_with("/ledger/tile/");
        set(
            h,
            header::CACHE_CONTROL,
            if public {
                "public, max-age=3600"
            } else {
                "no-store"
            },
        );
    }
}

/// Serves `app` on `listener` until `shutdown` resolves (see [`server`]).
pub async fn serve(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    server::serve(app, listener, shutdown).await;
}
