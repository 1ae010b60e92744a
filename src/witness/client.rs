//! The log's HTTP client for witnesses: one `POST` per connection, over plain HTTP or HTTPS.
//!
//! A witness answers small text bodies (a cosignature line, or a size), so this is a small
//! HTTP/1.1 client rather than a general one: it sends `Connection: close`, reads the answer to
//! the end (at most a given size), and takes the body by `Content-Length` or by chunks, as an
//! HTTPS reverse proxy in front of a witness may send it.
//!
//! `https://` witnesses are reached with rustls (the *ring* provider), the server certificate
//! checked against the system's trusted roots (`rustls-native-certs`: `/etc/ssl/certs`, or the
//! files named by `SSL_CERT_FILE` / `SSL_CERT_DIR`). Nothing the witness answers is trusted
//! either way: its cosignature is verified under the witness's configured key before it is
//! kept (`crate::service::cosigning`); TLS keeps the request private and the answer from being
//! swapped in transit.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rustls::pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _};

/// A witness's base URL, split for a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Whether it is `https://`.
    pub tls: bool,
    /// The host, as the URL gives it (an IPv6 address keeps its brackets).
    pub host: String,
    /// The port (the scheme's default when the URL gives none).
    pub port: u16,
    /// The path prefix, without a trailing slash.
    pub prefix: String,
}

impl Endpoint {
    /// Parses an `http://` or `https://` base URL: a host, an optional port, an optional path.
    pub fn parse(url: &str) -> Result<Self, String> {
        let (tls, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(format!(
                "{url:?}: witness URLs start with https:// or http://"
            ));
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if authority.is_empty()
            || authority
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '@')
        {
            return Err(format!("{url:?}: no host"));
        }
        let default = if tls { 443 } else { 80 };
        let (host, port) = match authority.rsplit_once(':') {
            // An IPv6 address without a port ends with its bracket.
            Some((host, port)) if !port.contains(']') => {
                let port = port
                    .parse::<u16>()
                    .map_err(|_| format!("{url:?}: bad port"))?;
                (host, port)
            }
            _ => (authority, default),
        };
        if host.is_empty() {
            return Err(format!("{url:?}: no host"));
        }
        if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!("{url:?}: bad path"));
        }
        Ok(Self {
            tls,
            host: host.to_string(),
            port,
            prefix: path.trim_end_matches('/').to_string(),
        })
    }

    /// The `Host` header's value: the host, and the port when it is not the scheme's default.
    fn host_header(&self) -> String {
        let default = if self.tls { 443 } else { 80 };
        if self.port == default {
            self.host.clone()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// Why a request got no usable answer, in the words shown in a witness's status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostError {
    /// No connection, or no complete answer in time.
    #[error("{0}")]
    Unreachable(String),
    /// The TLS handshake failed (an untrusted certificate, most often).
    #[error("TLS: {0}")]
    Tls(String),
    /// An answer came that is not a readable HTTP response.
    #[error("{0}")]
    BadAnswer(String),
}

/// `POST {url}/{path}` with `body` (text/plain), all within `timeout`, reading at most
/// `max_answer` bytes of answer: its status and body.
pub async fn post(
    url: &str,
    path: &str,
    body: &str,
    timeout: Duration,
    max_answer: usize,
) -> Result<(u16, String), PostError> {
    let endpoint = Endpoint::parse(url).map_err(PostError::BadAnswer)?;
    let head = format!(
        "POST {}/{path} HTTP/1.1\r\nHost: {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        endpoint.prefix,
        endpoint.host_header(),
        body.len()
    );
    let request = async {
        let tcp = tokio::net::TcpStream::connect((
            endpoint.host.trim_start_matches('[').trim_end_matches(']'),
            endpoint.port,
        ))
        .await
        .map_err(|e| PostError::Unreachable(format!("connecting: {e}")))?;
        if !endpoint.tls {
            return exchange(tcp, &head, body, max_answer).await;
        }
        let name = ServerName::try_from(
            endpoint
                .host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_string(),
        )
        .map_err(|e| PostError::Tls(format!("{}: {e}", endpoint.host)))?;
        let connector = tokio_rustls::TlsConnector::from(tls_config().map_err(PostError::Tls)?);
        let stream = connector.connect(name, tcp).await.map_err(|e| {
            PostError::Tls(
                match e.get_ref().and_then(|e| e.downcast_ref::<rustls::Error>()) {
                    Some(rustls::Error::InvalidCertificate(why)) => {
                        format!("the witness's certificate is not trusted ({why:?})")
                    }
                    _ => e.to_string(),
                },
            )
        })?;
        exchange(stream, &head, body, max_answer).await
    };
    let answer = tokio::time::timeout(timeout, request)
        .await
        .map_err(|_| PostError::Unreachable(format!("no answer within {timeout:?}")))??;
    parse_response(&answer).map_err(PostError::BadAnswer)
}

/// Sends the request on `stream` and reads the answer to its end.
async fn exchange(
    mut stream: impl AsyncRead + AsyncWrite + Unpin,
    head: &str,
    body: &str,
    max_answer: usize,
) -> Result<Vec<u8>, PostError> {
    let io = |e: std::io::Error| PostError::Unreachable(e.to_string());
    stream.write_all(head.as_bytes()).await.map_err(io)?;
    stream.write_all(body.as_bytes()).await.map_err(io)?;
    stream.flush().await.map_err(io)?;
    let mut answer = Vec::new();
    match (&mut stream)
        .take(max_answer as u64 + 1)
        .read_to_end(&mut answer)
        .await
    {
        Ok(_) => {}
        // A TLS server that closes without close_notify: what was read is judged by its
        // framing below (a cut-short body fails there).
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !answer.is_empty() => {}
        Err(e) => return Err(io(e)),
    }
    if answer.len() > max_answer {
        return Err(PostError::BadAnswer("the answer is too large".into()));
    }
    Ok(answer)
}

/// The TLS client settings: the system's trusted roots, loaded once.
fn tls_config() -> Result<Arc<rustls::ClientConfig>, String> {
    static CONFIG: OnceLock<Result<Arc<rustls::ClientConfig>, String>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let mut roots = rustls::RootCertStore::empty();
            let found = rustls_native_certs::load_native_certs();
            for cert in found.certs {
                // A root the system lists but rustls cannot parse is skipped, as browsers do.
                let _ = roots.add(cert);
            }
            if roots.is_empty() {
                return Err(format!(
                    "no trusted root certificates found (install ca-certificates, or set SSL_CERT_FILE){}",
                    found
                        .errors
                        .first()
                        .map(|e| format!(": {e}"))
                        .unwrap_or_default()
                ));
            }
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let config = rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map_err(|e| e.to_string())?
                .with_root_certificates(roots)
                .with_no_client_auth();
            Ok(Arc::new(config))
        })
        .clone()
}

/// An HTTP/1.1 response's status and body (by `Content-Length`, by chunks, or to the end).
pub fn parse_response(bytes: &[u8]) -> Result<(u16, String), String> {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| "the answer has no end of headers".to_string())?;
    let head = std::str::from_utf8(&bytes[..split])
        .map_err(|_| "the answer's headers are not UTF-8".to_string())?;
    let mut body = &bytes[split + 4..];
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| {
            l.strip_prefix("HTTP/1.1 ")
                .or_else(|| l.strip_prefix("HTTP/1.0 "))
        })
        .and_then(|l| l.get(..3))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| "the answer has no HTTP status line".to_string())?;
    let mut chunked = false;
    let mut length = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.trim().eq_ignore_ascii_case("chunked");
            if !chunked {
                return Err(format!("unsupported Transfer-Encoding {:?}", value.trim()));
            }
        }
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| "bad Content-Length".to_string())?,
            );
        }
    }
    let decoded;
    if chunked {
        decoded = dechunk(body)?;
        body = &decoded;
    } else if let Some(n) = length {
        body = body
            .get(..n)
            .ok_or_else(|| "the answer was cut short".to_string())?;
    }
    let body = std::str::from_utf8(body).map_err(|_| "the answer is not UTF-8".to_string())?;
    Ok((status, body.to_string()))
}

/// The body of a `Transfer-Encoding: chunked` answer (chunk extensions and trailers ignored).
fn dechunk(mut bytes: &[u8]) -> Result<Vec<u8>, String> {
    let cut = || "the answer was cut short".to_string();
    let mut out = Vec::new();
    loop {
        let end = bytes
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(cut)?;
        let line = std::str::from_utf8(&bytes[..end]).map_err(|_| "bad chunk size".to_string())?;
        let size = usize::from_str_radix(line.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| "bad chunk size".to_string())?;
        bytes = &bytes[end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = bytes.get(..size).ok_or_else(cut)?;
        out.extend_from_slice(chunk);
        bytes = bytes
            .get(size..)
            .and_then(|b| b.strip_prefix(b"\r\n"))
            .ok_or_else(cut)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_give_scheme_host_port_and_prefix() {
        let e = Endpoint::parse("http://w.example").unwrap();
        assert_eq!(
            (e.tls, e.host.as_str(), e.port, e.prefix.as_str()),
            (false, "w.example", 80, "")
        );
        assert_eq!(e.host_header(), "w.example");
        let e = Endpoint::parse("https://w.example/tlog/witness/").unwrap();
        assert_eq!(
            (e.tls, e.port, e.prefix.as_str()),
            (true, 443, "/tlog/witness")
        );
        let e = Endpoint::parse("https://127.0.0.1:8443").unwrap();
        assert_eq!((e.port, e.host_header().as_str()), (8443, "127.0.0.1:8443"));
        let e = Endpoint::parse("http://[::1]:7380").unwrap();
        assert_eq!((e.host.as_str(), e.port), ("[::1]", 7380));
        let e = Endpoint::parse("https://[::1]").unwrap();
        assert_eq!((e.host.as_str(), e.port), ("[::1]", 443));
        for bad in [
            "ftp://w.example",
            "w.example",
            "https://",
            "https://user@w.example",
            "http://w.example:99999",
            "http://w.example:port",
            "http://:80",
            "http://w.example/a b",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn answers_are_read_by_length_by_chunks_or_to_the_end() {
        let r = b"HTTP/1.1 409 Conflict\r\ncontent-type: text/x.tlog.size\r\ncontent-length: 3\r\n\r\n12\nextra";
        assert_eq!(parse_response(r).unwrap(), (409, "12\n".to_string()));
        let r = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n\xe2\x80\x94 \r\n7;x=y\r\nw.test\n\r\n0\r\n\r\n";
        assert_eq!(parse_response(r).unwrap(), (200, "— w.test\n".to_string()));
        let r = b"HTTP/1.0 200 OK\r\n\r\nto the end";
        assert_eq!(parse_response(r).unwrap(), (200, "to the end".to_string()));
        for bad in [
            &b"HTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\nshort"[..],
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nshort",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
            b"HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n",
            b"HTTP/1.1 200 OK\r\n\r\n\xff",
            b"garbage",
        ] {
            assert!(
                parse_response(bad).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
