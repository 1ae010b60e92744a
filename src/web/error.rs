//! Errors mapped to HTTP in one place: every handler returns `Result<Response, WebError>`, and
//! this module turns a `WebError` into a page (in the visitor's language) or JSON for the API.
//! Internal failures are logged without personal data and shown as a generic message.
//! A refusal for too many attempts says how long to wait, in its message and in `Retry-After`.
//!
//! A rule's refusal ([`WebError::Refused`]) carries the rules' [`Message`] and is translated
//! where the response is made, like refused fields: the page in the visitor's language, the
//! JSON with `message` in the request's language beside its `message_id`.

use warp::http::StatusCode;

use super::http::Response;
use super::i18n::Tr;
use super::limits::Wait;
use crate::accounts::AccountError;
use crate::service::{Invalid, Message, ServiceError};
use recourse_projections::rule::RuleError;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No such page or record.
    #[error("not found")]
    NotFound,
    /// Not signed in.
    #[error("sign in first")]
    Unauthorized,
    /// Signed in, but not allowed.
    #[error("{0}")]
    Forbidden(String),
    /// Bad input.
    #[error("{0}")]
    BadRequest(String),
    /// Fields refused by validation (translated where the response is made).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Invalid>),
    /// The case is not in a state for this (or someone else changed it first).
    #[error("{0}")]
    Conflict(String),
    /// A rule refused it: 403 for who acts, 400 for a value, 409 for the case's state. The
    /// message is translated where the response is made; `english` is the rules' own text.
    #[error("{english}")]
    Refused {
        /// The status the refusal is answered with.
        status: StatusCode,
        /// Why, as a message id with its arguments.
        message: Message,
        /// The rules' English, where no translation is at hand.
        english: String,
    },
    /// The CSRF token is missing or wrong.
    #[error("this form has expired; please go back, reload the page and try again")]
    Csrf,
    /// Too many requests from this address, for the limit's whole window (the router turns it
    /// into [`WebError::Throttled`] with the window's length).
    #[error("too many attempts; please wait a few minutes and try again")]
    TooMany,
    /// Too many attempts: try again after the wait.
    #[error("too many attempts; please wait {} and try again", minutes(.0))]
    Throttled(Wait),
    /// The body is too large.
    #[error("the request is too large")]
    TooLarge,
    /// The body did not arrive in time.
    #[error("the request took too long to arrive")]
    Timeout,
    /// A server-side failure (details logged, not shown).
    #[error("internal error")]
    Internal(String),
}

fn minutes(w: &Wait) -> String {
    match w.minutes() {
        1 => "1 minute".into(),
        n => format!("{n} minutes"),
    }
}

impl From<Wait> for WebError {
    fn from(w: Wait) -> Self {
        WebError::Throttled(w)
    }
}

impl From<ServiceError> for WebError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Rule(r) => WebError::refused(&r),
            ServiceError::Input(m) => WebError::BadRequest(m),
            ServiceError::Invalid(v) => WebError::Invalid(v),
            ServiceError::TooLarge(_) => WebError::TooLarge,
            ServiceError::NotFound(_) => WebError::NotFound,
            ServiceError::Busy => WebError::Conflict(e.to_string()),
            // The case's data key is gone: nothing can be added to an erased case.
            ServiceError::Vault(crate::vault::VaultError::NoKey(_)) => {
                WebError::refused(&RuleError::Erased)
            }
            // A text the vault will not seal is the sender's to shorten, not a failure here.
            ServiceError::Vault(e @ crate::vault::VaultError::TooLong(..)) => {
                WebError::BadRequest(e.to_string())
            }
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl WebError {
    /// A rule's refusal, with the status it is answered with.
    pub fn refused(r: &RuleError) -> WebError {
        let status = if r.is_forbidden() {
            StatusCode::FORBIDDEN
        } else if matches!(r, RuleError::Invalid { .. }) {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::CONFLICT
        };
        WebError::Refused {
            status,
            message: r.message(),
            english: r.to_string(),
        }
    }
}

impl From<AccountError> for WebError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Storage(m) => WebError::Internal(m),
            AccountError::LoginTaken(_) => WebError::Conflict(e.to_string()),
            other => WebError::BadRequest(other.to_string()),
        }
    }
}

impl From<crate::service::AdminError> for WebError {
    fn from(e: crate::service::AdminError) -> Self {
        use crate::service::AdminError;
        match e {
            AdminError::Service(e) => e.into(),
            AdminError::Account(e) => e.into(),
            AdminError::Session(e) => WebError::Internal(e.to_string()),
        }
    }
}

impl From<crate::service::SignInError> for WebError {
    fn from(e: crate::service::SignInError) -> Self {
        use crate::service::SignInError;
        match e {
            SignInError::Failed(e) => e.into(),
            SignInError::NoAccount => WebError::NotFound,
            SignInError::Inactive => WebError::Forbidden(e.to_string()),
            other => WebError::BadRequest(other.to_string()),
        }
    }
}

impl WebError {
    /// The status code.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::BadRequest(_) | WebError::Invalid(_) => StatusCode::BAD_REQUEST,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::Refused { status, .. } => *status,
            WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::TooMany | WebError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Timeout => StatusCode::REQUEST_TIMEOUT,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short machine-readable code for the API.
    pub fn code(&self) -> &'static str {
        match self {
            WebError::NotFound => "not_found",
            WebError::Unauthorized => "unauthorized",
            WebError::Forbidden(_) => "forbidden",
            WebError::BadRequest(_) | WebError::Invalid(_) => "bad_request",
            WebError::Conflict(_) => "conflict",
            WebError::Refused { status, .. } => match *status {
                StatusCode::FORBIDDEN => "forbidden",
                StatusCode::BAD_REQUEST => "bad_request",
                _ => "conflict",
            },
            WebError::Csrf => "csrf",
            WebError::TooMany | WebError::Throttled(_) => "too_many_requests",
            WebError::TooLarge => "too_large",
            WebError::Timeout => "request_timeout",
            WebError::Internal(_) => "internal",
        }
    }

    /// The message shown (internal details never are).
    pub fn public_message(&self) -> String {
        match self {
            WebError::Internal(_) => {
                "Something went wrong on our side. Nothing was recorded; please try again.".into()
            }
            other => other.to_string(),
        }
    }

    /// The message shown, in `tr`'s language where the error carries message ids.
    pub fn message_in(&self, tr: &Tr) -> String {
        match self {
            WebError::Invalid(v) => v
                .iter()
                .map(|i| format!("{}: {}", i.field, tr.message(&i.message)))
                .collect::<Vec<_>>()
                .join("; "),
            WebError::Refused { message, .. } => tr.message(message),
            other => other.public_message(),
        }
    }

    /// Seconds to wait before trying again, for `Retry-After`.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            WebError::Throttled(w) => Some(w.seconds()),
            _ => None,
        }
    }

    /// `response` with the headers this error calls for (`Retry-After`).
    pub fn headers(&self, response: Response) -> Response {
        match self.retry_after() {
            Some(s) => response.header(warp::http::header::RETRY_AFTER, &s.to_string()),
            None => response,
        }
    }

    /// The JSON form: `{"error": {"code", "message"}}`, with its headers.
    pub fn json(&self) -> Response {
        let body = serde_json::json!({ "error": { "code": self.code(), "message": self.public_message() } });
        self.headers(Response::json(&body).status(self.status()))
    }

    /// The JSON form with messages in `tr`'s language; refused fields are listed as
    /// `{"field", "message_id", "message"}` under `error.fields`, and a rule's refusal gives its
    /// `error.message_id`.
    pub fn json_in(&self, tr: &Tr) -> Response {
        let mut error = serde_json::json!({ "code": self.code(), "message": self.message_in(tr) });
        if let WebError::Refused { message, .. } = self {
            error["message_id"] = message.id.into();
        }
        if let WebError::Invalid(v) = self {
            error["fields"] = v
                .iter()
                .map(|i| {
                    serde_json::json!({
                        "field": i.field,
                        "message_id": i.message.id,
                        "message": tr.message(&i.message),
                    })
                })
                .collect();
        }
        let body = serde_json::json!({ "error": error });
        self.headers(Response::json(&body).status(self.status()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::VaultError;

    #[test]
    fn a_rule_refusal_keeps_its_status_and_carries_its_message() {
        let e = WebError::from(ServiceError::Rule(RuleError::ActionsOutstanding(2)));
        assert_eq!(e.status(), StatusCode::CONFLICT);
        assert_eq!(e.code(), "conflict");
        assert!(
            e.public_message()
                .contains("2 corrective action(s) still open"),
            "{e}"
        );
        match &e {
            WebError::Refused { message, .. } => {
                assert_eq!(message.to_string(), "rule-actions-outstanding count=2")
            }
            other => panic!("{other:?}"),
        }
        let e = WebError::from(ServiceError::Rule(RuleError::Restricted));
        assert_eq!((e.status(), e.code()), (StatusCode::FORBIDDEN, "forbidden"));
        let e = WebError::from(ServiceError::Rule(RuleError::Invalid {
            field: "rating",
            reason: "1 to 5".into(),
        }));
        assert_eq!(
            (e.status(), e.code()),
            (StatusCode::BAD_REQUEST, "bad_request")
        );
    }

    #[test]
    fn a_text_the_vault_will_not_seal_is_the_senders_to_shorten() {
        let e = WebError::from(ServiceError::Vault(VaultError::TooLong(
            "body".into(),
            50_000,
        )));
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        assert!(e.public_message().starts_with("body: too long"), "{e}");
        // Other vault failures stay internal (and their details unshown).
        let e = WebError::from(ServiceError::Vault(VaultError::Storage("disk".into())));
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!e.public_message().contains("disk"));
    }
}
