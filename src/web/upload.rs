//! Uploads: the routes that take files (`multipart/form-data` bodies larger than
//! [`MAX_BODY`]), and reading such a body into its text fields and its files.
//!
//! The server caps every request body at [`MAX_BODY`] (256 KiB) before it routes it, so that
//! no route can be made to hold a large body in memory. A route that takes files is listed in
//! [`UPLOAD_ROUTES`] with its own cap; the server reads a larger body only for such a route
//! ([`body_limit`]), and gives it more time to arrive ([`body_timeout`]): a photo from a phone
//! on a slow mobile link takes longer than a form.
//!
//! The handler then calls [`Request::multipart`], which parses the body with `multer` (the
//! parser of Rocket and axum) under the route's [`PartLimits`]: how many files, how large each,
//! how large a text field. The text fields become a [`Form`], as an urlencoded body would, so
//! the CSRF token is checked the same way (`ctx.check_csrf(&parts.form)`). Files are kept in
//! memory (the route's cap bounds them). A file's name and the type the browser claims are
//! hints only: what a file *is* must be decided from its bytes by whoever keeps it.

use std::convert::Infallible;
use std::time::Duration;

use bytes::Bytes;
use warp::http::{Method, header};

use super::MAX_BODY;
use super::error::WebError;
use super::http::{Form, Request};

/// A route that takes files, and the largest body it accepts.
#[derive(Debug, Clone, Copy)]
pub struct UploadRoute {
    /// The path's segments; `"*"` stands for any one segment (an id).
    pub path: &'static [&'static str],
    /// The largest body, in bytes (the files, the text fields and the multipart framing).
    pub limit: usize,
}

/// Room for the text fields and the multipart framing beside the files of an upload.
pub const FORM_ROOM: usize = 64 * 1024;

/// The routes that take files (all `POST`). Every other body is capped at [`MAX_BODY`].
pub const UPLOAD_ROUTES: &[UploadRoute] = &[
    // The organization's logo (its own limit, within one ledger entry).
    UploadRoute {
        path: &["staff", "admin", "logo"],
        limit: crate::limits::LOGO_BYTES + FORM_ROOM,
    },
    // The client attaches a file on the tracking page.
    UploadRoute {
        path: &["track", "attach"],
        limit: crate::limits::ATTACHMENT_BYTES + FORM_ROOM,
    },
    // Staff attach a file on the case page.
    UploadRoute {
        path: &["staff", "case", "*", "attach"],
        limit: crate::limits::ATTACHMENT_BYTES + FORM_ROOM,
    },
];

/// The largest body the server reads for a request: the route's, if it takes files, else
/// [`MAX_BODY`].
pub fn body_limit(method: &Method, path: &str) -> usize {
    limit_in(UPLOAD_ROUTES, method, path)
}

fn limit_in(routes: &[UploadRoute], method: &Method, path: &str) -> usize {
    if method != Method::POST {
        return MAX_BODY;
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    routes
        .iter()
        .find(|r| {
            r.path.len() == segments.len()
                && r.path
                    .iter()
                    .zip(&segments)
                    .all(|(p, s)| *p == "*" || p == s)
        })
        .map_or(MAX_BODY, |r| r.limit.max(MAX_BODY))
}

/// How long a body of at most `limit` bytes may take to arrive, given the time a form body
/// (at most [`MAX_BODY`]) has: four times as long for an upload, so that a 5 MiB photo still
/// arrives at about 45 KB/s (a weak mobile uplink) with the default 30 s.
pub fn body_timeout(base: Duration, limit: usize) -> Duration {
    if limit > MAX_BODY { base * 4 } else { base }
}

/// Limits on the parts of one upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartLimits {
    /// Most files in one body.
    pub max_files: usize,
    /// Largest file, in bytes.
    pub max_file_bytes: usize,
    /// Largest text field, in bytes.
    pub max_field_bytes: usize,
    /// Most parts (text fields and files) in one body.
    pub max_parts: usize,
}

impl Default for PartLimits {
    fn default() -> Self {
        PartLimits {
            max_files: 1,
            max_file_bytes: 5 * 1024 * 1024,
            max_field_bytes: 64 * 1024,
            max_parts: 32,
        }
    }
}

/// A file sent in an upload, as the browser sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedFile {
    /// The form field it came in.
    pub field: String,
    /// The file's name on the sender's device, if given (a hint; may be anything).
    pub file_name: Option<String>,
    /// The type the sender claims (a hint; never trusted).
    pub claimed_type: Option<String>,
    /// The bytes.
    pub bytes: Bytes,
}

/// A `multipart/form-data` body, read.
#[derive(Debug, Clone, Default)]
pub struct Multipart {
    /// The text fields, as a form.
    pub form: Form,
    /// The files, in the order sent (a file input left empty is not one).
    pub files: Vec<UploadedFile>,
}

impl Multipart {
    /// The files sent in field `name`.
    pub fn files(&self, name: &str) -> impl Iterator<Item = &UploadedFile> {
        self.files.iter().filter(move |f| f.field == name)
    }
}

/// Why a part was refused, before it is mapped to a response.
fn refused(e: multer::Error) -> WebError {
    match e {
        multer::Error::FieldSizeExceeded { .. } | multer::Error::StreamSizeExceeded { .. } => {
            WebError::TooLarge
        }
        e => WebError::BadRequest(format!("the upload could not be read: {e}")),
    }
}

impl Request {
    /// The body as `multipart/form-data`, within `limits`. A body of another type, or one that
    /// is not well formed, is a 400; a file or field over its limit, or too many files, a 413.
    pub async fn multipart(&self, limits: &PartLimits) -> Result<Multipart, WebError> {
        let content_type = self.header(header::CONTENT_TYPE).unwrap_or_default();
        let boundary = multer::parse_boundary(content_type)
            .map_err(|_| WebError::BadRequest("the body is not multipart/form-data".to_string()))?;
        let body = self.body.clone();
        let stream = futures_util::stream::once(async move { Ok::<Bytes, Infallible>(body) });
        let constraints = multer::Constraints::new().size_limit(
            multer::SizeLimit::new()
                .whole_stream(self.body.len() as u64)
                .per_field(limits.max_file_bytes.max(limits.max_field_bytes) as u64),
        );
        let mut parts = multer::Multipart::with_constraints(stream, boundary, constraints);
        let mut pairs = Vec::new();
        let mut files = Vec::new();
        let mut count = 0;
        while let Some(field) = parts.next_field().await.map_err(refused)? {
            count += 1;
            if count > limits.max_parts {
                return Err(WebError::BadRequest(
                    "too many parts in the upload".to_string(),
                ));
            }
            let name = field.name().unwrap_or_default().to_string();
            match field.file_name().map(str::to_string) {
                Some(file_name) => {
                    let claimed_type = field.content_type().map(|m| m.essence_str().to_string());
                    let bytes = field.bytes().await.map_err(refused)?;
                    if bytes.is_empty() && file_name.is_empty() {
                        continue; // a file input left empty
                    }
                    if bytes.len() > limits.max_file_bytes || files.len() == limits.max_files {
                        return Err(WebError::TooLarge);
                    }
                    files.push(UploadedFile {
                        field: name,
                        file_name: Some(file_name).filter(|n| !n.is_empty()),
                        claimed_type,
                        bytes,
                    });
                }
                None => {
                    let bytes = field.bytes().await.map_err(refused)?;
                    if bytes.len() > limits.max_field_bytes {
                        return Err(WebError::TooLarge);
                    }
                    let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
                        WebError::BadRequest(format!("the field {name:?} is not UTF-8 text"))
                    })?;
                    pairs.push((name, text));
                }
            }
        }
        Ok(Multipart {
            form: Form::new(pairs),
            files,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use warp::http::{HeaderMap, HeaderValue};

    const BOUNDARY: &str = "----recourse-test-boundary";

    fn request(body: Vec<u8>, content_type: &str) -> Request {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).expect("header"),
        );
        Request {
            method: Method::POST,
            path: "/upload".to_string(),
            query: String::new(),
            headers,
            body: Bytes::from(body),
            remote: None,
        }
    }

    /// A multipart body: `(name, None, value)` for a text field, `(name, Some(file name),
    /// bytes)` for a file.
    fn body(parts: &[(&str, Option<&str>, &[u8])]) -> Request {
        let mut out = Vec::new();
        for (name, file, value) in parts {
            out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            match file {
                Some(f) => out.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                         Content-Type: image/png\r\n\r\n"
                    )
                    .as_bytes(),
                ),
                None => out.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                ),
            }
            out.extend_from_slice(value);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        request(out, &format!("multipart/form-data; boundary={BOUNDARY}"))
    }

    #[tokio::test]
    async fn text_fields_become_a_form_and_files_keep_their_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00binary\r\n--not-a-boundary";
        let req = body(&[
            ("csrf", None, b"token"),
            ("note", None, "مرحبا à tous".as_bytes()),
            ("file", Some("photo.png"), png),
        ]);
        let parts = req.multipart(&PartLimits::default()).await.expect("parsed");
        assert_eq!(parts.form.get("csrf"), Some("token"));
        assert_eq!(parts.form.get("note"), Some("مرحبا à tous"));
        let files: Vec<_> = parts.files("file").collect();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].file_name.as_deref(), Some("photo.png"));
        assert_eq!(files[0].claimed_type.as_deref(), Some("image/png"));
        assert_eq!(&files[0].bytes[..], &png[..]);
    }

    #[tokio::test]
    async fn an_empty_file_input_is_no_file() {
        let req = body(&[("csrf", None, b"t"), ("file", Some(""), b"")]);
        let parts = req.multipart(&PartLimits::default()).await.expect("parsed");
        assert!(parts.files.is_empty());
    }

    #[tokio::test]
    async fn a_file_over_its_limit_or_one_file_too_many_is_too_large() {
        let limits = PartLimits {
            max_files: 1,
            max_file_bytes: 10,
            ..PartLimits::default()
        };
        let big = body(&[("file", Some("a.png"), &[7u8; 11])]);
        assert!(matches!(
            big.multipart(&limits).await,
            Err(WebError::TooLarge)
        ));
        let two = body(&[("file", Some("a.png"), b"1"), ("file", Some("b.png"), b"2")]);
        assert!(matches!(
            two.multipart(&limits).await,
            Err(WebError::TooLarge)
        ));
        let fits = body(&[("file", Some("a.png"), &[7u8; 10])]);
        assert_eq!(fits.multipart(&limits).await.expect("fits").files.len(), 1);
    }

    #[tokio::test]
    async fn other_bodies_and_broken_ones_are_bad_requests() {
        let form = request(b"a=1".to_vec(), "application/x-www-form-urlencoded");
        assert!(matches!(
            form.multipart(&PartLimits::default()).await,
            Err(WebError::BadRequest(_))
        ));
        let cut = request(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunfinished")
                .into_bytes(),
            &format!("multipart/form-data; boundary={BOUNDARY}"),
        );
        assert!(matches!(
            cut.multipart(&PartLimits::default()).await,
            Err(WebError::BadRequest(_))
        ));
        let not_utf8 = body(&[("note", None, &[0xff, 0xfe])]);
        assert!(matches!(
            not_utf8.multipart(&PartLimits::default()).await,
            Err(WebError::BadRequest(_))
        ));
        let many: Vec<(&str, Option<&str>, &[u8])> = vec![("a", None, b"1"); 40];
        assert!(matches!(
            body(&many).multipart(&PartLimits::default()).await,
            Err(WebError::BadRequest(_))
        ));
    }

    #[test]
    fn only_listed_posts_get_a_larger_body() {
        const ROUTES: &[UploadRoute] = &[UploadRoute {
            path: &["staff", "case", "*", "attach"],
            limit: 5 * 1024 * 1024,
        }];
        let post = Method::POST;
        assert_eq!(
            limit_in(ROUTES, &post, "/staff/case/0190-ab/attach"),
            5 * 1024 * 1024
        );
        assert_eq!(
            limit_in(ROUTES, &Method::GET, "/staff/case/x/attach"),
            MAX_BODY
        );
        assert_eq!(
            limit_in(ROUTES, &post, "/staff/case/x/attach/more"),
            MAX_BODY
        );
        assert_eq!(limit_in(ROUTES, &post, "/staff/case/attach"), MAX_BODY);
        assert_eq!(limit_in(ROUTES, &post, "/complain"), MAX_BODY);
        assert_eq!(body_limit(&post, "/complain"), MAX_BODY);
        let base = Duration::from_secs(30);
        assert_eq!(body_timeout(base, MAX_BODY), base);
        assert_eq!(body_timeout(base, 5 * 1024 * 1024), base * 4);
    }
}
