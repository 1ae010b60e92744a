//! Staff sign-in, sign-out, first password through a set-up link, and password change.
//!
//! Every password check (sign-in, the current password on a change) is throttled by the
//! failures of the address and of the account ([`crate::web::limits`]); a set-up link that
//! does not work counts against the address. After signing in, `next` is followed only when
//! it is a path of this site ([`safe_next`]); otherwise the person lands on their role's home.
//!
//! The sign-in rule (an active member, a key not revoked) and the sessions it starts or ends
//! are the application's ([`crate::service::sign_in`]); these handlers read the form, apply
//! the throttle, call it and show the outcome.

use askama::Template;

use super::layout::Layout;
use super::render;
use crate::service::SignInError;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;
use crate::web::session::SESSION_COOKIE;
use recourse_events::ids::StaffId;
use recourse_events::org::Role;

#[derive(Template)]
#[template(path = "staff/login.html")]
struct Login {
    l: Layout,
    next: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/setup.html")]
struct Setup {
    l: Layout,
    login: String,
    token: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/password.html")]
struct Password {
    l: Layout,
    error: Option<String>,
}

/// Whether `p` is a same-origin absolute path as it stands: one `/`, then neither `/` nor
/// `\` (which browsers read as the start of another host: `//evil`, `/\evil`), and no control
/// character or white space anywhere (browsers drop tabs and new lines from URLs, so `/\t/evil`
/// becomes `//evil`), nor a backslash.
fn local_path(p: &str) -> bool {
    let mut chars = p.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !p
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// Percent-decodes `s` once; `None` if the bytes are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Where to go after signing in: `next` if it is a same-origin absolute path, as it stands and
/// after percent-decoding (as many times as it changes, so that no layer of encoding hides a
/// `//`, a `\` or a control character), else `None` (the role's home page).
pub fn safe_next(next: &str) -> Option<String> {
    if next.len() > 512 {
        return None;
    }
    let mut current = next.to_string();
    for _ in 0..4 {
        if !local_path(&current) {
            return None;
        }
        let decoded = percent_decode(&current)?;
        if decoded == current {
            return Some(next.to_string());
        }
        current = decoded;
    }
    None
}

/// The first page of a staff member: the work queue for those who handle cases, the dashboard
/// for the board, the administration for administrators.
/// Signing in, choosing a first password and changing it all land there, and so does the
/// brand link of every staff page.
pub fn home(app: &crate::web::App, staff: StaffId) -> &'static str {
    let roles = app.service.read(|m| m.org().roles(staff));
    let any = |rs: &[Role]| rs.iter().any(|r| roles.contains(r));
    if any(&[Role::Intake, Role::Reviewer, Role::Chair, Role::Auditor]) {
        "/staff"
    } else if any(&[Role::Board]) {
        "/board"
    } else if any(&[Role::Admin]) {
        "/staff/admin"
    } else {
        "/staff"
    }
}

/// The sign-in form.
pub fn login_form(ctx: &Ctx) -> Result<Response, WebError> {
    let next = ctx.req.query().get("next").and_then(safe_next);
    render(Login {
        l: Layout::new(ctx, "login-title"),
        next: next.unwrap_or_default(),
        error: None,
    })
}

/// Signs in.
pub async fn login(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let next = form.get("next").and_then(safe_next);
    let (login, password) = (
        form.get("login").unwrap_or_default().to_string(),
        form.text("password").unwrap_or_default().to_string(),
    );
    ctx.app
        .limiter
        .sign_in_allowed(ctx.req.remote, Some(&login))?;
    let result = ctx.app.administration().sign_in(&login, &password).await;
    let shown_next = next.clone().unwrap_or_default();
    if matches!(result, Ok(_) | Err(SignInError::Inactive)) {
        // The password was right (even for an account that no longer signs anything).
        ctx.app.limiter.sign_in_succeeded(&login);
    }
    match result {
        Ok(signed_in) => {
            let to = next.unwrap_or_else(|| home(ctx.app, signed_in.staff).to_string());
            Ok(
                Response::redirect(&to).cookie(
                    SESSION_COOKIE,
                    &signed_in.token,
                    None,
                    ctx.secure(),
                ),
            )
        }
        // A departed member, or a revoked key: the account no longer signs anything.
        Err(SignInError::Inactive) => render(Login {
            l: Layout::new(ctx, "login-title"),
            next: shown_next,
            error: Some(ctx.tr.t("login-inactive")),
        }),
        Err(SignInError::BadCredentials) => {
            ctx.app.limiter.sign_in_failed(ctx.req.remote, Some(&login));
            let page = Login {
                l: Layout::new(ctx, "login-title"),
                next: shown_next,
                error: Some(ctx.tr.t("login-failed")),
            };
            render(page).map(|r| r.status(warp::http::StatusCode::UNAUTHORIZED))
        }
        Err(e) => Err(e.into()),
    }
}

/// Signs out.
pub fn logout(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.check_csrf(&ctx.req.form())?;
    if let Some(token) = ctx.req.cookie(SESSION_COOKIE) {
        ctx.app.administration().sign_out(&token)?;
    }
    Ok(Response::redirect("/staff/login?done=signed-out").cookie(
        SESSION_COOKIE,
        "",
        Some(0),
        ctx.secure(),
    ))
}

/// The set-up form (choose a password).
pub fn setup_form(ctx: &Ctx, token: &str) -> Result<Response, WebError> {
    let (login, _) = ctx
        .app
        .administration()
        .setup_account(token)
        .map_err(|e| setup_refused(ctx, e))?;
    render(Setup {
        l: Layout::new(ctx, "setup-title"),
        login,
        token: token.to_string(),
        error: None,
    })
}

/// A set-up link that does not work, said in the page's language.
fn setup_refused(ctx: &Ctx, e: SignInError) -> WebError {
    match e {
        SignInError::BadSetupLink => WebError::BadRequest(ctx.tr.t("setup-link-invalid")),
        SignInError::Inactive => WebError::Forbidden(ctx.tr.t("login-inactive")),
        e => e.into(),
    }
}

/// Sets the first password and signs in.
pub async fn setup(ctx: &Ctx<'_>, token: &str) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    ctx.app.limiter.sign_in_allowed(ctx.req.remote, None)?;
    let administration = ctx.app.administration();
    let (login, _) = match administration.setup_account(token) {
        Ok(found) => found,
        Err(e) => {
            // A link that does not work: guessing links costs the address like a bad password.
            ctx.app.limiter.sign_in_failed(ctx.req.remote, None);
            return Err(setup_refused(ctx, e));
        }
    };
    let (p1, p2) = (
        form.text("password").unwrap_or_default().to_string(),
        form.text("confirm").unwrap_or_default(),
    );
    let form_again = |error: String| {
        render(Setup {
            l: Layout::new(ctx, "setup-title"),
            login: login.clone(),
            token: token.to_string(),
            error: Some(error),
        })
    };
    if p1 != p2 {
        return form_again(ctx.tr.t("setup-mismatch"));
    }
    match administration.complete_setup(token, &p1).await {
        Ok(signed_in) => Ok(Response::redirect(&format!(
            "{}?done=password-set",
            home(ctx.app, signed_in.staff)
        ))
        .cookie(SESSION_COOKIE, &signed_in.token, None, ctx.secure())),
        Err(SignInError::WeakPassword) => form_again(ctx.tr.t("setup-weak")),
        // A link issued before the person left, or before their key was replaced.
        Err(SignInError::Inactive) => Err(WebError::Forbidden(ctx.tr.t("login-inactive"))),
        Err(e) => Err(e.into()),
    }
}

/// The password change form.
pub fn password_form(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.staff()?;
    render(Password {
        l: Layout::new(ctx, "password-title"),
        error: None,
    })
}

/// Changes the password.
pub async fn password(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let session = ctx.staff()?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let administration = ctx.app.administration();
    let login = administration
        .login_of(session.staff)?
        .ok_or(WebError::NotFound)?;
    let (old, new, confirm) = (
        form.text("current").unwrap_or_default().to_string(),
        form.text("password").unwrap_or_default().to_string(),
        form.text("confirm").unwrap_or_default(),
    );
    let form_again = |error: String| {
        render(Password {
            l: Layout::new(ctx, "password-title"),
            error: Some(error),
        })
    };
    if new != confirm {
        return form_again(ctx.tr.t("setup-mismatch"));
    }
    // Checking the current password costs an Argon2 derivation and answers a guess: throttled
    // as sign-in is.
    ctx.app
        .limiter
        .sign_in_allowed(ctx.req.remote, Some(&login))?;
    // Whoever else knew the old password is signed out; this session stays.
    let keep = ctx.req.cookie(SESSION_COOKIE);
    let changed = administration
        .change_password(session.staff, keep.as_deref(), &old, &new)
        .await;
    match changed {
        Ok(()) => Ok(Response::redirect(&format!(
            "{}?done=password-changed",
            home(ctx.app, session.staff)
        ))),
        Err(SignInError::BadCredentials) => {
            ctx.app.limiter.sign_in_failed(ctx.req.remote, Some(&login));
            form_again(ctx.tr.t("password-wrong"))
        }
        Err(SignInError::WeakPassword) => form_again(ctx.tr.t("setup-weak")),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_only_a_path_of_this_site() {
        let hostile = [
            "//evil",
            "/\\evil",
            "/%09/evil",
            "/%2F/evil",
            "/%2f/evil",
            "/%252F/evil",
            "/%5Cevil",
            "/\t/evil",
            "/\r\n/evil",
            "/ /evil",
            "/ok\u{0}",
            "/a\\b",
            "https://evil",
            "evil",
            "",
            "/%E2%80%AF/evil",
        ];
        for h in hostile {
            assert_eq!(safe_next(h), None, "{h:?}");
        }
        assert_eq!(safe_next(&format!("/{}", "a".repeat(600))), None);
        for good in [
            "/",
            "/staff",
            "/staff/case/1?tab=x&y=%41",
            "/board#top",
            "/a%2Bb",
        ] {
            assert_eq!(safe_next(good).as_deref(), Some(good), "{good:?}");
        }
    }
}
