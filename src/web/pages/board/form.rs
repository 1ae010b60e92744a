//! The period form: month, quarter or year, and the first and last days, read strictly
//! (a date is `YYYY-MM-DD` and nothing else) and shown back as it was typed. What is missing is
//! left for the application's one rule to fill in.

use jiff::civil::Date;
use recourse_projections::dashboard::{Granularity, Query};

use crate::service::{DashboardAsk, DashboardReport, Invalid, Message};
use crate::web::error::WebError;
use crate::web::http::Form;
use crate::web::i18n::Tr;
use crate::web::router::Ctx;

/// The period form as typed, shown back as it was.
pub(super) struct Typed {
    pub(super) granularity: String,
    pub(super) from: String,
    pub(super) to: String,
}

/// A date written `YYYY-MM-DD`, and nothing else.
fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shaped { s.parse().ok() } else { None }
}

pub(super) fn granularity_id(g: Granularity) -> &'static str {
    match g {
        Granularity::Month => "month",
        Granularity::Quarter => "quarter",
        Granularity::Year => "year",
    }
}

/// What `form` asks for, or every field that cannot be read (as message ids).
pub(super) fn read_ask(form: &Form) -> Result<DashboardAsk, Vec<Invalid>> {
    let mut errors = Vec::new();
    let granularity = match form.get("granularity") {
        None | Some("quarter") => Some(Granularity::Quarter),
        Some("month") => Some(Granularity::Month),
        Some("year") => Some(Granularity::Year),
        Some(_) => {
            errors.push(Invalid::new(
                "granularity",
                Message::new("board-error-granularity"),
            ));
            None
        }
    };
    let mut date = |field: &'static str, id: &'static str| match form.get(field) {
        None => None,
        Some(s) => {
            let d = parse_date(s);
            if d.is_none() {
                errors.push(Invalid::new(field, Message::new(id)));
            }
            d
        }
    };
    let from = date("from", "board-error-from");
    let to = date("to", "board-error-to");
    if errors.is_empty() {
        Ok(DashboardAsk {
            granularity,
            from,
            to,
        })
    } else {
        Err(errors)
    }
}

/// The application's report for the period in `form` (the page's, the exports' and the API's
/// rule); fields refused, by the form or the rule, as [`WebError::Invalid`].
pub(super) fn report(ctx: &Ctx, form: &Form) -> Result<DashboardReport, WebError> {
    let ask = read_ask(form).map_err(WebError::Invalid)?;
    Ok(ctx.app.service.dashboard(&ask)?)
}

/// The query as URL parameters (dates and words only: nothing to encode).
pub(super) fn query_string(q: &Query) -> String {
    format!(
        "granularity={}&from={}&to={}",
        granularity_id(q.granularity),
        q.from,
        q.to
    )
}

pub(super) fn granularities(tr: &Tr) -> Vec<(&'static str, String)> {
    ["month", "quarter", "year"]
        .into_iter()
        .map(|g| (g, tr.t(&format!("board-granularity-{g}"))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use recourse_projections::dashboard::RangeError;

    fn tr() -> Tr {
        Tr::new(
            std::sync::Arc::new(crate::web::i18n::Catalog::load().unwrap()),
            "en",
        )
    }

    fn form(q: &str) -> Form {
        Form::new(crate::web::http::parse_pairs(q))
    }

    /// The form and then the application's rule, as [`report`] applies them.
    fn read_query(form: &Form, today: jiff::civil::Date) -> Result<Query, Vec<Invalid>> {
        let ask = read_ask(form)?;
        Query::asked(ask.granularity, ask.from, ask.to, today, None)
            .map_err(|e: RangeError| vec![Invalid::new(e.field(), e.message())])
    }

    #[test]
    fn the_default_on_a_new_install_is_the_current_quarter() {
        let today = date(2026, 11, 23);
        let q = read_query(&form(""), today).unwrap();
        assert_eq!(q.granularity, Granularity::Quarter);
        assert_eq!((q.from, q.to), (date(2026, 10, 1), today));
    }

    #[test]
    fn bad_periods_are_explained() {
        let today = date(2026, 11, 23);
        let t = tr();
        for (q, field) in [
            ("granularity=week", "granularity"),
            ("from=2026-02-30", "from"),
            ("from=yesterday", "from"),
            ("to=2026-1-1", "to"),
            ("from=2026-05-01&to=2026-04-01", "from"),
            ("from=2010-01-01&to=2026-01-01", "to"),
        ] {
            let errors = read_query(&form(q), today).unwrap_err();
            assert_eq!(errors[0].field, field, "{q}");
            let message = t.message(&errors[0].message);
            assert!(!message.starts_with("board-"), "{q}: {message}");
        }
        let ten = read_query(
            &form("granularity=year&from=2016-01-01&to=2026-01-01"),
            today,
        );
        assert!(ten.is_ok());
    }
}
