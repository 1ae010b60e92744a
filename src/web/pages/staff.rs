//! Staff sign-in, sign-out, first password through a set-up link, and password change.

use askama::Template;
use jiff::Timestamp;

use super::layout::Layout;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::limits::Purpose;
use crate::web::router::Ctx;
use crate::web::session::SESSION_COOKIE;

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

/// Where to go after signing in: only a local path of the site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && n.len() < 200 =>
        {
            n.to_string()
        }
        _ => "/staff".into(),
    }
}

fn render(t: impl Template) -> Result<Response, WebError> {
    Ok(Response::html(
        t.render().map_err(|e| WebError::Internal(e.to_string()))?,
    ))
}

/// The sign-in form.
pub fn login_form(ctx: &Ctx) -> Result<Response, WebError> {
    let next = safe_next(ctx.req.query().get("next"));
    render(Login {
        l: Layout::new(ctx, "login-title"),
        next,
        error: None,
    })
}

/// Signs in.
pub async fn login(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    if !ctx.app.limiter.allow(Purpose::SignIn, ctx.req.remote) {
        return Err(WebError::TooMany);
    }
    let next = safe_next(form.get("next"));
    let (login, password) = (
        form.get("login").unwrap_or_default().to_string(),
        form.text("password").unwrap_or_default().to_string(),
    );
    let accounts = ctx.app.accounts.clone();
    let result = tokio::task::spawn_blocking(move || accounts.sign_in(&login, &password))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    match result {
        Ok((staff, key)) => {
            let active = ctx.app.service.read(|m| {
                m.org()
                    .staff
                    .get(&staff)
                    .is_some_and(|s| s.active && s.keys.contains(&key.key_id()))
            });
            if !active {
                // A departed member, or a revoked key: the account no longer signs anything.
                return render(Login {
                    l: Layout::new(ctx, "login-title"),
                    next,
                    error: Some(ctx.tr.t("login-inactive")),
                });
            }
            let token = ctx.app.sessions.start(staff, key);
            Ok(Response::redirect(&next).cookie(SESSION_COOKIE, &token, None, ctx.secure()))
        }
        Err(crate::accounts::AccountError::BadCredentials) => {
            let page = Login {
                l: Layout::new(ctx, "login-title"),
                next,
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
        ctx.app.sessions.end(&token);
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
    let (login, _) = ctx.app.accounts.setup_account(token, Timestamp::now())?;
    render(Setup {
        l: Layout::new(ctx, "setup-title"),
        login,
        token: token.to_string(),
        error: None,
    })
}

/// Sets the first password and signs in.
pub async fn setup(ctx: &Ctx<'_>, token: &str) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    if !ctx.app.limiter.allow(Purpose::SignIn, ctx.req.remote) {
        return Err(WebError::TooMany);
    }
    let (login, _) = ctx.app.accounts.setup_account(token, Timestamp::now())?;
    let (p1, p2) = (
        form.text("password").unwrap_or_default().to_string(),
        form.text("confirm").unwrap_or_default(),
    );
    let error = if p1 != p2 {
        Some(ctx.tr.t("setup-mismatch"))
    } else if p1.chars().count() < crate::accounts::MIN_PASSWORD {
        Some(ctx.tr.t("setup-weak"))
    } else {
        None
    };
    if let Some(error) = error {
        return render(Setup {
            l: Layout::new(ctx, "setup-title"),
            login,
            token: token.to_string(),
            error: Some(error),
        });
    }
    let accounts = ctx.app.accounts.clone();
    let token_owned = token.to_string();
    let (staff, key) = tokio::task::spawn_blocking(move || {
        accounts.complete_setup(&token_owned, &p1, Timestamp::now())
    })
    .await
    .map_err(|e| WebError::Internal(e.to_string()))??;
    let active = ctx.app.service.read(|m| {
        m.org()
            .staff
            .get(&staff)
            .is_some_and(|s| s.active && s.keys.contains(&key.key_id()))
    });
    if !active {
        // A link issued before the person left, or before their key was replaced.
        return Err(WebError::Forbidden(ctx.tr.t("login-inactive")));
    }
    let session = ctx.app.sessions.start(staff, key);
    Ok(Response::redirect("/staff?done=password-set").cookie(
        SESSION_COOKIE,
        &session,
        None,
        ctx.secure(),
    ))
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
    let login = ctx
        .app
        .accounts
        .login_of(session.staff)?
        .ok_or(WebError::NotFound)?;
    let (old, new, confirm) = (
        form.text("current").unwrap_or_default().to_string(),
        form.text("password").unwrap_or_default().to_string(),
        form.text("confirm").unwrap_or_default(),
    );
    if new != confirm {
        return render(Password {
            l: Layout::new(ctx, "password-title"),
            error: Some(ctx.tr.t("setup-mismatch")),
        });
    }
    let accounts = ctx.app.accounts.clone();
    let result = tokio::task::spawn_blocking(move || accounts.change_password(&login, &old, &new))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    match result {
        Ok(()) => Ok(Response::redirect("/staff?done=password-changed")),
        Err(
            e @ (crate::accounts::AccountError::BadCredentials
            | crate::accounts::AccountError::WeakPassword),
        ) => {
            let msg = if matches!(e, crate::accounts::AccountError::WeakPassword) {
                ctx.tr.t("setup-weak")
            } else {
                ctx.tr.t("password-wrong")
            };
            render(Password {
                l: Layout::new(ctx, "password-title"),
                error: Some(msg),
            })
        }
        Err(e) => Err(e.into()),
    }
}
