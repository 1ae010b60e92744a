//! The witness's HTTP server: `POST /add-checkpoint` and nothing else, on hyper directly.
//!
//! It is exposed to anyone who can reach it, and only the log's signature authenticates a
//! request, so it bounds what a client can make it hold and for how long: a request head must
//! arrive within [`Limits::header_timeout`], a body within [`Limits::body_timeout`] and be at
//! most [`Limits::max_body`] bytes (a larger declared or sent body is answered 413 without
//! being read), and at most [`Limits::max_connections`] connections are served at once (more
//! wait in the kernel's backlog).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode, header};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use super::protocol::{Reply, Witness};

/// The server's limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body.
    pub max_body: usize,
    /// Longest time to receive a request head.
    pub header_timeout: Duration,
    /// Longest time to receive a request body.
    pub body_timeout: Duration,
    /// Most connections served at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            // 63 proof lines of 45 bytes and a checkpoint with a few dozen signatures fit
            // many times over.
            max_body: 64 * 1024,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            max_connections: 256,
        }
    }
}

fn answer(reply: Reply) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(reply.body)));
    *r.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static(reply.content_type),
    );
    r
}

fn plain(status: u16, body: &str) -> Response<Full<Bytes>> {
    answer(Reply {
        status,
        content_type: "text/plain; charset=utf-8",
        body: format!("{body}\n"),
    })
}

async fn respond(
    witness: Arc<Witness>,
    limits: Limits,
    request: Request<Incoming>,
) -> Response<Full<Bytes>> {
    if request.uri().path() != "/add-checkpoint" {
        return plain(404, "not found: this witness serves POST /add-checkpoint");
    }
    if request.method() != Method::POST {
        let mut r = plain(405, "method not allowed: use POST");
        r.headers_mut()
            .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        return r;
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body as u64) {
        return plain(413, "request body too large");
    }
    let body = Limited::new(request.into_body(), limits.max_body);
    let body = match tokio::time::timeout(limits.body_timeout, body.collect()).await {
        Err(_) => return plain(408, "request body not received in time"),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return plain(413, "request body too large");
        }
        Ok(Err(_)) => return plain(400, "unreadable request body"),
        Ok(Ok(b)) => b.to_bytes(),
    };
    answer(witness.add_checkpoint(&body).await)
}

/// Serves `witness` on `listener` until `shutdown` resolves.
pub async fn serve(
    witness: Arc<Witness>,
    listener: TcpListener,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let witness = witness.clone();
        let service = hyper::service::service_fn(move |request| {
            let witness = witness.clone();
            async move { Ok::<_, Infallible>(respond(witness, limits, request).await) }
        });
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .keep_alive(true)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
            drop(slot);
        });
    }
}
