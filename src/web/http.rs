//! A plain request and response, so that handlers are functions of data: warp receives and
//! sends, the router and the pages never see warp's types (and tests can call them directly).

use std::collections::HashMap;
use std::net::IpAddr;

use warp::http::{HeaderMap, HeaderValue, Method, StatusCode, header};

/// An HTTP request, body read (within the size limit).
#[derive(Debug, Clone)]
pub struct Request {
    /// Method.
    pub method: Method,
    /// Path, percent-decoded segments joined by `/`, without query.
    pub path: String,
    /// Raw query string.
    pub query: String,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: bytes::Bytes,
    /// The client's address.
    pub remote: Option<IpAddr>,
}

fn decode(s: &str) -> String {
    // `+` is a space in forms and queries.
    let s = s.replace('+', " ");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(
                std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                16,
            )
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses `a=1&b=2` (forms and queries) into pairs, in order.
pub fn parse_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// A decoded form or query: all values of each name.
#[derive(Debug, Clone, Default)]
pub struct Form {
    pairs: Vec<(String, String)>,
}

impl Form {
    /// From pairs.
    pub fn new(pairs: Vec<(String, String)>) -> Self {
        Form { pairs }
    }

    /// The first value of `name`, trimmed; `None` if absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The first value of `name`, untrimmed (free text keeps its shape); `None` if empty.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// Every value of `name` (checkboxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// A checkbox: present with any value.
    pub fn checked(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// All pairs.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }
}

impl Request {
    /// The query, decoded.
    pub fn query(&self) -> Form {
        Form::new(parse_pairs(&self.query))
    }

    /// The body as an urlencoded form (empty if it is not one).
    pub fn form(&self) -> Form {
        let is_form = self
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Form::default();
        }
        Form::new(parse_pairs(&String::from_utf8_lossy(&self.body)))
    }

    /// A cookie's value.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|c| {
                let (k, v) = c.trim().split_once('=')?;
                (k == name).then(|| v.to_string())
            })
    }

    /// A header as text.
    pub fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Path segments.
    pub fn segments(&self) -> Vec<&str> {
        self.path
            .trim_matches('/')
            .split('/')
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Whether the client wants JSON (the API, or `Accept: application/json`).
    pub fn wants_json(&self) -> bool {
        self.path.starts_with("/api/")
            || self
                .header(header::ACCEPT)
                .is_some_and(|a| a.starts_with("application/json"))
    }
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body of a content type.
    pub fn new(
        status: StatusCode,
        content_type: &'static str,
        body: impl Into<Vec<u8>>,
    ) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        Response {
            status,
            headers,
            body: body.into(),
        }
    }

    /// An HTML page.
    pub fn html(body: String) -> Response {
        Response::new(StatusCode::OK, "text/html; charset=utf-8", body)
    }

    /// JSON.
    pub fn json(value: &impl serde::Serialize) -> Response {
        Response::new(
            StatusCode::OK,
            "application/json",
            serde_json::to_vec(value).expect("serializable"),
        )
    }

    /// Plain text.
    pub fn text(body: impl Into<String>) -> Response {
        Response::new(StatusCode::OK, "text/plain; charset=utf-8", body.into())
    }

    /// A redirect after a form (303 See Other).
    pub fn redirect(to: &str) -> Response {
        let mut r = Response::new(
            StatusCode::SEE_OTHER,
            "text/plain; charset=utf-8",
            Vec::new(),
        );
        r.headers.insert(
            header::LOCATION,
            HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")),
        );
        r
    }

    /// With another status.
    pub fn status(mut self, status: StatusCode) -> Response {
        self.status = status;
        self
    }

    /// With a header added.
    pub fn header(mut self, name: header::HeaderName, value: &str) -> Response {
        if let Ok(v) = HeaderValue::from_str(value) {
            self.headers.append(name, v);
        }
        self
    }

    /// With a cookie set (HttpOnly, SameSite=Strict, Path=/; Secure when asked).
    pub fn cookie(self, name: &str, value: &str, max_age: Option<i64>, secure: bool) -> Response {
        self.cookie_at(name, value, "/", max_age, secure)
    }

    /// With a cookie set for the pages under `path` (HttpOnly, SameSite=Strict; Secure when
    /// asked).
    pub fn cookie_at(
        self,
        name: &str,
        value: &str,
        path: &str,
        max_age: Option<i64>,
        secure: bool,
    ) -> Response {
        let mut c = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Strict");
        if let Some(age) = max_age {
            c.push_str(&format!("; Max-Age={age}"));
        }
        if secure {
            c.push_str("; Secure");
        }
        self.header(header::SET_COOKIE, &c)
    }
}

/// Query parameters as a map (last value wins), for simple lookups.
pub fn query_map(query: &str) -> HashMap<String, String> {
    parse_pairs(query).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_percent_and_plus() {
        let f = Form::new(parse_pairs("a=caf%C3%A9+au+lait&b=1&b=2&c=&d=%ZZ"));
        assert_eq!(f.get("a"), Some("café au lait"));
        assert_eq!(f.all("b"), vec!["1", "2"]);
        assert_eq!(f.get("c"), None);
        assert_eq!(f.get("d"), Some("%ZZ"));
    }
}
