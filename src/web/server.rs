//! The HTTP server: TCP connections served by hyper's HTTP/1.1, with time limits on every phase
//! of a connection and a cap on how many are open at once.
//!
//! warp's own `serve` sets no time limit: a client that sends half a request head and stops
//! holds a connection, a task and a file descriptor until it goes away, and a few hundred such
//! clients starve everyone else (found by attack: 600 half-sent requests stayed open for
//! 45 s). hyper's `header_read_timeout` cannot be used alone either: its clock starts as soon
//! as the connection waits for the next request, so it also cuts every idle keep-alive
//! connection at the header limit. So this module accepts connections itself and watches each
//! socket through [`TimedStream`], whose deadline depends on the connection's phase:
//!
//! | phase | ends when | limit (default) |
//! | --- | --- | --- |
//! | reading a request head, from its first byte (or from the connection's opening) | the head is complete | `header_timeout` (10 s): a real client sends a head in one packet; ten seconds covers a very slow mobile link |
//! | reading the body | the body is complete | `body_timeout` (30 s): bodies are at most 256 KiB, so this still allows 9 KB/s; four times as long on the routes that take files (`upload.rs`) |
//! | handling the request | the response is ready | none here: handlers are bounded by the store and Argon2, not by the client |
//! | writing the response, then waiting for the next request | no byte moved for `idle_timeout` | `idle_timeout` (60 s): long enough for a person's next click to reuse the connection, short enough that idle connections do not pile up |
//!
//! A stalled head or an idle connection is closed; a stalled body is answered 408 and closed.
//! The cap (`max_connections`, 1024 by default) is a semaphore taken before `accept`: past it,
//! new connections wait in the kernel's queue rather than consuming descriptors, and since
//! every phase is bounded, a slot is always freed within a minute. It is lowered (with a
//! warning) to fit the process's open-file limit (`ulimit -n`), which also counts the
//! databases and evidence files.
//!
//! Every response made here (413, 408) carries the same security headers as those of
//! [`App::handle`](super::App::handle).

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};
use warp::http::{HeaderValue, header};

use super::error::WebError;
use super::http::{Request, Response};
use super::limits::client_addr;
use super::{App, secure, upload};

/// Time limits and the connection cap (see the module's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// Longest time to receive a request head, from its first byte.
    pub header_timeout: Duration,
    /// Longest time to receive a request body, once the head is in.
    pub body_timeout: Duration,
    /// Longest time a connection may move no byte between requests (or while its response is
    /// written).
    pub idle_timeout: Duration,
    /// Most connections open at once.
    pub max_connections: usize,
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            max_connections: 1024,
        }
    }
}

/// Where a connection is in its life, and so what its socket's deadline is.
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// Receiving a request head: it must be complete by the deadline.
    Head(Instant),
    /// A request is being read or handled: the body has its own limit, handlers none.
    Busy,
    /// Writing a response or waiting for the next request: some byte must move by the deadline.
    Idle(Instant),
}

/// A connection's phase, shared by its socket and its service.
struct Clock {
    phase: Mutex<Phase>,
    limits: ServerLimits,
}

impl Clock {
    fn new(limits: ServerLimits) -> Clock {
        Clock {
            phase: Mutex::new(Phase::Head(Instant::now() + limits.header_timeout)),
            limits,
        }
    }

    fn set(&self, phase: Phase) {
        *self.phase.lock().unwrap_or_else(PoisonError::into_inner) = phase;
    }

    fn get(&self) -> Phase {
        *self.phase.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Bytes arrived: an idle connection is now receiving a head.
    fn read_some(&self) {
        let mut phase = self.phase.lock().unwrap_or_else(PoisonError::into_inner);
        if let Phase::Idle(_) = *phase {
            *phase = Phase::Head(Instant::now() + self.limits.header_timeout);
        }
    }

    /// Bytes left: the response is moving.
    fn wrote_some(&self) {
        let mut phase = self.phase.lock().unwrap_or_else(PoisonError::into_inner);
        if let Phase::Idle(_) = *phase {
            *phase = Phase::Idle(Instant::now() + self.limits.idle_timeout);
        }
    }

    fn deadline(&self) -> Option<Instant> {
        match self.get() {
            Phase::Head(d) | Phase::Idle(d) => Some(d),
            Phase::Busy => None,
        }
    }
}

/// A TCP stream that fails with `TimedOut` when it waits past its connection's deadline,
/// which makes hyper close the connection.
struct TimedStream {
    inner: TcpStream,
    clock: Arc<Clock>,
    sleep: Option<(Instant, Pin<Box<Sleep>>)>,
}

impl TimedStream {
    /// Called when the socket is not ready: arms the timer for the current deadline, or fails
    /// if it has passed.
    fn check(&mut self, cx: &mut Context<'_>) -> io::Result<()> {
        let Some(deadline) = self.clock.deadline() else {
            return Ok(());
        };
        let timed_out = || io::Error::new(io::ErrorKind::TimedOut, "connection deadline passed");
        if Instant::now() >= deadline {
            return Err(timed_out());
        }
        match &mut self.sleep {
            Some((armed, sleep)) => {
                if *armed != deadline {
                    sleep.as_mut().reset(deadline);
                    *armed = deadline;
                }
            }
            None => self.sleep = Some((deadline, Box::pin(tokio::time::sleep_until(deadline)))),
        }
        let (_, sleep) = self.sleep.as_mut().expect("armed above");
        match sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Err(timed_out()),
            Poll::Pending => Ok(()),
        }
    }
}

impl AsyncRead for TimedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    self.clock.read_some();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match self.check(cx) {
                Ok(()) => Poll::Pending,
                Err(e) => Poll::Ready(Err(e)),
            },
        }
    }
}

impl AsyncWrite for TimedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Ready(Ok(n)) => {
                if n > 0 {
                    self.clock.wrote_some();
                }
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match self.check(cx) {
                Ok(()) => Poll::Pending,
                Err(e) => Poll::Ready(Err(e)),
            },
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending => match self.check(cx) {
                Ok(()) => Poll::Pending,
                Err(e) => Poll::Ready(Err(e)),
            },
            done => done,
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// A response that also closes the connection (its request was not read to the end).
fn closing(mut r: Response) -> Response {
    r.headers
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}

/// Reads one request (body within its route's limit, [`upload::body_limit`], and time limit)
/// and answers it.
async fn respond(
    app: Arc<App>,
    clock: Arc<Clock>,
    peer: SocketAddr,
    request: hyper::Request<Incoming>,
) -> hyper::Response<Full<Bytes>> {
    clock.set(Phase::Busy);
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_string();
    let read = async {
        let most = upload::body_limit(&parts.method, &path);
        let limit = upload::body_timeout(app.config.server.body_timeout, most);
        match tokio::time::timeout(limit, Limited::new(body, most).collect()).await {
            Ok(Ok(collected)) => Ok(collected.to_bytes()),
            Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
                Err(closing(WebError::TooLarge.json()))
            }
            Ok(Err(_)) => Err(closing(
                WebError::BadRequest("the request body could not be read".into()).json(),
            )),
            Err(_) => Err(closing(WebError::Timeout.json())),
        }
    };
    let mut response = match read.await {
        Ok(body) => {
            let request = Request {
                method: parts.method,
                path: path.clone(),
                query: parts.uri.query().unwrap_or_default().to_string(),
                remote: client_addr(Some(peer.ip()), &parts.headers, &app.config.trusted_proxies),
                headers: parts.headers,
                body,
            };
            app.handle(request).await
        }
        Err(refused) => refused,
    };
    secure(&mut response, &path);
    clock.set(Phase::Idle(Instant::now() + clock.limits.idle_timeout));
    let mut out = hyper::Response::new(Full::new(Bytes::from(response.body)));
    *out.status_mut() = response.status;
    *out.headers_mut() = response.headers;
    out
}

/// The connection cap in force: `wanted`, unless the process's open-file limit leaves less
/// room (the databases, evidence files and the listener need descriptors too), in which case a
/// warning says so and the cap is lowered: running out of descriptors would refuse everyone.
fn connection_cap(wanted: usize) -> usize {
    const RESERVED: u64 = 128;
    let mut l = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) } != 0 {
        return wanted.max(1);
    }
    #[allow(clippy::unnecessary_cast)] // `rlim_t` is u64 here, not on every platform
    let room = (l.rlim_cur as u64).saturating_sub(RESERVED).max(16);
    if (wanted as u64) > room {
        tracing::warn!(
            wanted,
            room,
            "the open-file limit (ulimit -n) leaves room for fewer connections: cap lowered"
        );
        return room as usize;
    }
    wanted.max(1)
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets open requests finish (for
/// up to ten seconds).
pub async fn serve(
    app: Arc<App>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let limits = app.config.server;
    let slots = Arc::new(Semaphore::new(connection_cap(limits.max_connections)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of descriptors, most likely: let some connections end first.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let clock = Arc::new(Clock::new(limits));
        let io = TimedStream {
            inner: stream,
            clock: clock.clone(),
            sleep: None,
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |request| {
            let (app, clock) = (app.clone(), clock.clone());
            async move { Ok::<_, Infallible>(respond(app, clock, peer, request).await) }
        });
        let connection = hyper::server::conn::http1::Builder::new()
            // This module keeps the time (hyper's header clock would also cut idle keep-alive).
            .header_read_timeout(None)
            .keep_alive(true)
            .serve_connection(hyper_util::rt::TokioIo::new(io), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(10)) => {}
    }
}
