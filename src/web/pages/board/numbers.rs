//! How figures are written in the page's language: a decimal comma where the language uses
//! one, percentages in its own pattern, and "no data" for what cannot be measured.

use crate::web::i18n::Tr;

/// How numbers are written in the page language.
pub(super) struct Numbers {
    pub(super) decimal_comma: bool,
    pub(super) pct: String,
    pub(super) no_data: String,
}

impl Numbers {
    pub(super) fn new(tr: &Tr) -> Numbers {
        Numbers {
            decimal_comma: matches!(tr.lang, "fr" | "es" | "uk"),
            pct: tr.t("board-pct"),
            no_data: tr.t("board-no-data"),
        }
    }

    /// Figures are rounded to one decimal already; `Display` writes `3` for 3.0.
    pub(super) fn num(&self, x: f64) -> String {
        let s = format!("{x}");
        if self.decimal_comma {
            s.replace('.', ",")
        } else {
            s
        }
    }

    pub(super) fn count(&self, n: u32) -> String {
        n.to_string()
    }

    pub(super) fn opt(&self, x: Option<f64>) -> String {
        x.map_or_else(|| self.no_data.clone(), |x| self.num(x))
    }

    pub(super) fn pct(&self, x: Option<f64>) -> String {
        x.map_or_else(
            || self.no_data.clone(),
            |x| self.pct.replace("{$n}", &self.num(x)),
        )
    }
}

pub(super) fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr() -> Tr {
        Tr::new(
            std::sync::Arc::new(crate::web::i18n::Catalog::load().unwrap()),
            "en",
        )
    }

    #[test]
    fn messages_get_their_values() {
        let t = tr();
        assert_eq!(
            t.t_args(
                "board-range",
                &[("from", "2025-01-01"), ("to", "2025-12-31")]
            ),
            "Complaints received from 2025-01-01 to 2025-12-31."
        );
        assert_eq!(Numbers::new(&t).pct(Some(12.5)), "12.5%");
    }
}
