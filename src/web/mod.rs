//! The web application: the complaint form and tracking for clients, the committee's workspace,
//! the board's dashboard, the public ledger endpoints, and the JSON API.
//!
//! warp accepts connections and reads each request (with a body limit) into a plain
//! [`http::Request`]; [`router`] sends it to a handler in [`pages`] or [`api`], which parses
//! its input, calls the [`Service`](crate::service::Service) and renders; errors become
//! responses in [`error`], in one place; every response gets the security headers here. Pages
//! are server-rendered HTML that works without JavaScript (askama templates, strings from
//! Fluent files).

pub mod api;
pub mod error;
pub mod http;
pub mod i18n;
pub mod limits;
pub mod metrics;
pub mod pages;
pub mod router;
pub mod session;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use bytes::{Buf, BytesMut};
use futures_util::StreamExt;
use warp::Filter;
use warp::http::{HeaderValue, header};

use crate::accounts::Accounts;
use crate::service::Service;
use http::{Request, Response};
use i18n::Catalog;
use limits::{Limiter, Limits};
use session::Sessions;

/// Largest request body accepted (forms and API calls; documents are base64 in the API).
pub const MAX_BODY: usize = 256 * 1024;

/// How the server is configured.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Set the `Secure` flag on cookies (behind HTTPS).
    pub secure_cookies: bool,
    /// Rate limits.
    pub limits: Limits,
}

/// Shared state of the application.
pub struct App {
    /// The ledger service.
    pub service: Service,
    /// Staff accounts.
    pub accounts: Arc<Accounts>,
    /// Live staff sessions.
    pub sessions: Sessions,
    /// Translations.
    pub catalog: Arc<Catalog>,
    /// Rate limits.
    pub limiter: Limiter,
    /// Configuration.
    pub config: WebConfig,
    /// Counters for `/metrics`.
    pub metrics: metrics::Metrics,
    /// When the server started.
    pub started: Instant,
}

impl App {
    /// The application over a service and its accounts.
    pub fn new(
        service: Service,
        accounts: Arc<Accounts>,
        config: WebConfig,
    ) -> Result<App, i18n::CatalogError> {
        Ok(App {
            service,
            accounts,
            sessions: Sessions::default(),
            catalog: Arc::new(Catalog::load()?),
            limiter: Limiter::new(config.limits),
            config,
            metrics: metrics::Metrics::default(),
            started: Instant::now(),
        })
    }

    /// Handles one request: routing, errors and security headers.
    pub async fn handle(self: &Arc<Self>, request: Request) -> Response {
        let started = Instant::now();
        let mut response = router::route(self, &request).await;
        secure(&mut response, &request);
        self.metrics.observe(&request, &response, started.elapsed());
        response
    }
}

/// Security headers on every response: a CSP without inline script or style, no framing, no
/// referrer, no sniffing; personal pages are never cached.
fn secure(r: &mut Response, req: &Request) {
    let h = &mut r.headers;
    let set = |h: &mut warp::http::HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'",
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
        let public = req.path.starts_with("/static/") || req.path.starts_with("/ledger/tile/");
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

async fn read_body(
    mut body: impl futures_util::Stream<Item = Result<impl Buf, warp::Error>> + Unpin,
) -> Result<bytes::Bytes, ()> {
    let mut buf = BytesMut::new();
    while let Some(chunk) = body.next().await {
        let mut chunk = chunk.map_err(|_| ())?;
        if buf.len() + chunk.remaining() > MAX_BODY {
            return Err(());
        }
        while chunk.has_remaining() {
            let c = chunk.chunk();
            buf.extend_from_slice(c);
            let n = c.len();
            chunk.advance(n);
        }
    }
    Ok(buf.freeze())
}

/// The warp filter serving `app`.
pub fn filter(
    app: Arc<App>,
) -> impl Filter<Extract = (warp::http::Response<Vec<u8>>,), Error = warp::Rejection> + Clone {
    warp::method()
        .and(warp::path::full())
        .and(warp::query::raw().or(warp::any().map(String::new)).unify())
        .and(warp::header::headers_cloned())
        .and(warp::addr::remote())
        .and(warp::body::stream())
        .then(
            move |method,
                  path: warp::path::FullPath,
                  query,
                  headers,
                  remote: Option<SocketAddr>,
                  body| {
                let app = app.clone();
                async move {
                    let body = read_body(Box::pin(body)).await;
                    let response = match body {
                        Ok(body) => {
                            let path = path.as_str().to_string();
                            let request = Request {
                                method,
                                path,
                                query,
                                headers,
                                body,
                                remote: remote.map(|a| a.ip()),
                            };
                            app.handle(request).await
                        }
                        Err(()) => error::WebError::TooLarge.json(),
                    };
                    let mut builder = warp::http::Response::builder().status(response.status);
                    for (k, v) in response.headers.iter() {
                        builder = builder.header(k, v);
                    }
                    builder.body(response.body).expect("valid response")
                }
            },
        )
}

/// Serves `app` on `listener` until `shutdown` resolves.
pub async fn serve(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    warp::serve(filter(app))
        .incoming(listener)
        .graceful(shutdown)
        .run()
        .await;
}
