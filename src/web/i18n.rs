//! Languages: every string on every page comes from Fluent files, `locales/<lang>/*.ftl` (one per
//! area of the site: common, public, staff, board, admin; validation, why a field was
//! refused; and rules, why the rules refused an action).
//!
//! English is the reference and the fallback for any message a translation lacks (so a
//! partial translation never shows a message id). The page language is chosen from the
//! `?lang=` link a visitor followed (remembered in a cookie), else their browser's
//! `Accept-Language`, among the languages the organization offers; Arabic and Farsi (and Dari)
//! are written right to left. Files are compiled in, and checked at start-up.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use recourse_projections::message::{Arg, Message};
use unic_langid::LanguageIdentifier;

/// The translation files of a language, one per area of the site, concatenated.
macro_rules! ftl {
    ($lang:literal) => {
        concat!(
            include_str!(concat!("../../locales/", $lang, "/common.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/public.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/staff.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/board.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/admin.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/validation.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/rules.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/transparency.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/review.ftl")),
            "\n",
            include_str!(concat!("../../locales/", $lang, "/systemic.ftl")),
        )
    };
}

/// The languages shipped: code, name in the language itself, translations.
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", "English", ftl!("en")),
    ("fr", "Français", ftl!("fr")),
    ("ar", "العربية", ftl!("ar")),
    ("fa", "فارسی", ftl!("fa")),
    ("es", "Español", ftl!("es")),
    ("uk", "Українська", ftl!("uk")),
];

/// Right-to-left languages.
const RTL: &[&str] = &["ar", "fa", "prs", "he", "ur", "ps"];

/// All loaded translations.
pub struct Catalog {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

/// A problem with a translation file.
#[derive(Debug, thiserror::Error)]
#[error("locales/{lang}: {reason}")]
pub struct CatalogError {
    /// The language.
    pub lang: String,
    /// What is wrong.
    pub reason: String,
}

impl Catalog {
    /// Parses every shipped translation.
    pub fn load() -> Result<Catalog, CatalogError> {
        let mut bundles = HashMap::new();
        for (code, _, source) in LANGUAGES {
            let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
                CatalogError {
                    lang: code.to_string(),
                    reason: format!("{errors:?}"),
                }
            })?;
            let id: LanguageIdentifier = code.parse().map_err(|e| CatalogError {
                lang: code.to_string(),
                reason: format!("{e}"),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // In right-to-left languages each placeable (a date, a number, a name in Latin
            // letters) is wrapped in directional isolates, so that "2025-01-01" is not read as
            // "01-01-2025". Left-to-right pages need none: `dir` on the document suffices there.
            bundle.set_use_isolating(RTL.contains(code));
            bundle.add_resource(resource).map_err(|e| CatalogError {
                lang: code.to_string(),
                reason: format!("{e:?}"),
            })?;
            bundles.insert(*code, bundle);
        }
        Ok(Catalog { bundles })
    }

    /// Whether a language is shipped.
    pub fn has(&self, lang: &str) -> bool {
        self.bundles.contains_key(lang)
    }

    /// Message ids of a language's file.
    pub fn ids(&self, lang: &str) -> Vec<String> {
        let Some((_, _, source)) = LANGUAGES.iter().find(|(c, _, _)| *c == lang) else {
            return vec![];
        };
        source
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim()))
            .map(String::from)
            .collect()
    }

    fn format(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = vec![];
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }
}

/// The translator for one page: its language and direction.
#[derive(Clone)]
pub struct Tr {
    catalog: Arc<Catalog>,
    /// Language code.
    pub lang: &'static str,
}

impl Tr {
    /// A translator for `lang` (must be shipped; falls back to English otherwise).
    pub fn new(catalog: Arc<Catalog>, lang: &str) -> Tr {
        let lang = LANGUAGES
            .iter()
            .map(|(c, _, _)| *c)
            .find(|c| *c == lang)
            .unwrap_or("en");
        Tr { catalog, lang }
    }

    /// `ltr` or `rtl`.
    pub fn dir(&self) -> &'static str {
        if RTL.contains(&self.lang) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The message `id`, in this language or else in English, or the id itself if missing.
    pub fn t(&self, id: &str) -> String {
        self.catalog
            .format(self.lang, id, None)
            .or_else(|| self.catalog.format("en", id, None))
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` if this language or English has it.
    pub fn t_opt(&self, id: &str) -> Option<String> {
        self.catalog
            .format(self.lang, id, None)
            .or_else(|| self.catalog.format("en", id, None))
    }

    /// The message `id` only if this very language has it (no English fallback).
    pub fn t_own(&self, id: &str) -> Option<String> {
        self.catalog.format(self.lang, id, None)
    }

    /// The message `id` with one argument.
    pub fn t1(&self, id: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.t_args(id, &[(name, &value.to_string())])
    }

    /// The message `id` with a number, which its variants may select on by plural category
    /// (`[one]`, `[two]`, `[few]`... in the page language).
    pub fn t_count(&self, id: &str, name: &str, n: u32) -> String {
        let mut args = FluentArgs::new();
        args.set(name, FluentValue::from(n));
        self.catalog
            .format(self.lang, id, Some(&args))
            .or_else(|| self.catalog.format("en", id, Some(&args)))
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with arguments (each a text).
    pub fn t_args(&self, id: &str, values: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(*name, FluentValue::from(*value));
        }
        self.catalog
            .format(self.lang, id, Some(&args))
            .or_else(|| self.catalog.format("en", id, Some(&args)))
            .unwrap_or_else(|| id.to_string())
    }

    /// A [`Message`] from the application or the rules, in this language (else English).
    pub fn message(&self, m: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &m.args {
            match value {
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Text(t) => args.set(*name, FluentValue::from(t.as_str())),
            }
        }
        self.catalog
            .format(self.lang, m.id, Some(&args))
            .or_else(|| self.catalog.format("en", m.id, Some(&args)))
            .unwrap_or_else(|| m.id.to_string())
    }

    /// What an event means for a client, in words: the event, and its outcome if it has one
    /// ("Decision issued: upheld").
    pub fn what(&self, what: &crate::service::ClientWhat) -> String {
        let event = self.t(&what.event);
        match &what.outcome {
            Some(outcome) => format!("{event}: {}", self.t(outcome)),
            None => event,
        }
    }

    /// Names of languages, for the language menu: (code, own name).
    pub fn languages(&self, offered: &[String]) -> Vec<(&'static str, &'static str)> {
        LANGUAGES
            .iter()
            .filter(|(c, _, _)| offered.iter().any(|o| o == c))
            .map(|(c, n, _)| (*c, *n))
            .collect()
    }
}

/// Picks a page language: an explicit choice, else the browser's preferences, among `offered`.
pub fn negotiate(
    choice: Option<&str>,
    accept_language: Option<&str>,
    offered: &[String],
    catalog: &Catalog,
) -> String {
    let usable = |l: &str| offered.iter().any(|o| o == l) && catalog.has(l);
    if let Some(c) = choice.filter(|c| usable(c)) {
        return c.to_string();
    }
    if let Some(header) = accept_language {
        let mut prefs: Vec<(f32, String)> = header
            .split(',')
            .filter_map(|part| {
                let mut bits = part.trim().split(';');
                let tag = bits.next()?.trim().to_lowercase();
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q=")?.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, tag.split('-').next()?.to_string()))
            })
            .collect();
        prefs.sort_by(|a, b| b.0.total_cmp(&a.0));
        if let Some((_, l)) = prefs.into_iter().find(|(_, l)| usable(l)) {
            return l;
        }
    }
    offered
        .iter()
        .find(|o| catalog.has(o))
        .cloned()
        .unwrap_or_else(|| "en".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_without_duplicate_ids() {
        let catalog = Catalog::load().expect("all translation files parse");
        for (code, _, _) in LANGUAGES {
            let ids = catalog.ids(code);
            let mut seen = std::collections::HashSet::new();
            for id in &ids {
                assert!(seen.insert(id), "{code}: message {id} is defined twice");
            }
        }
        assert!(catalog.ids("en").len() > 100);
    }

    #[test]
    fn arabic_and_farsi_are_right_to_left_and_missing_messages_fall_back_to_english() {
        let catalog = Arc::new(Catalog::load().unwrap());
        assert_eq!(Tr::new(catalog.clone(), "ar").dir(), "rtl");
        assert_eq!(Tr::new(catalog.clone(), "fa").dir(), "rtl");
        assert_eq!(Tr::new(catalog.clone(), "fr").dir(), "ltr");
        let uk = Tr::new(catalog.clone(), "uk");
        assert!(!uk.t("site-name").is_empty());
        assert_eq!(Tr::new(catalog.clone(), "xx").lang, "en");
        // Placeables are isolated in right-to-left text only: an ISO date keeps its order.
        let range = [("from", "2025-01-01"), ("to", "2026-11-23")];
        let ar = Tr::new(catalog.clone(), "ar").t_args("board-range", &range);
        assert!(ar.contains("\u{2068}2025-01-01\u{2069}"), "{ar}");
        let en = Tr::new(catalog, "en").t_args("board-range", &range);
        assert!(
            en.contains("2025-01-01") && !en.contains('\u{2068}'),
            "{en}"
        );
    }

    #[test]
    fn the_acknowledgement_promise_follows_the_number_of_days() {
        let catalog = Arc::new(Catalog::load().unwrap());
        let en = Tr::new(catalog.clone(), "en");
        let one = en.t_count("landing-step-3", "days", 1);
        assert!(one.contains("within 1 working day,"), "{one}");
        let five = en.t_count("landing-step-3", "days", 5);
        assert!(five.contains("within 5 working days"), "{five}");
        let fr = Tr::new(catalog.clone(), "fr").t_count("receipt-next", "days", 3);
        assert!(fr.contains("3 jours ouvrables"), "{fr}");
        for (code, _, _) in LANGUAGES {
            let tr = Tr::new(catalog.clone(), code);
            for id in ["landing-step-3", "receipt-next"] {
                let text = tr.t_count(id, "days", 7);
                assert!(
                    text.contains('7') && !text.contains("{$") && !text.contains(" 2 "),
                    "{code} {id}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_rule_refusal_reads_in_every_language_without_its_slugs() {
        use recourse_projections::rule::RuleError;
        let catalog = Arc::new(Catalog::load().unwrap());
        let refusals = [
            RuleError::WrongState {
                status: "under review",
                action: "assign a reviewer",
            },
            RuleError::ActionsOutstanding(3),
            RuleError::Forbidden("only the chair closes cases"),
        ];
        for r in &refusals {
            let m = r.message();
            for (code, _, _) in LANGUAGES {
                let text = Tr::new(catalog.clone(), code).message(&m);
                let own = catalog.format(code, m.id, None).is_some();
                assert!(own, "{code} translates {}", m.id);
                assert!(
                    !text.contains("under-review")
                        && !text.contains("assign-a-reviewer")
                        && !text.contains("rule-"),
                    "{code}: {text}"
                );
            }
        }
        let en = Tr::new(catalog.clone(), "en");
        assert_eq!(
            en.message(&refusals[0].message()),
            "A case that is under review does not accept this: assign a reviewer."
        );
        let fr = Tr::new(catalog, "fr").message(&refusals[1].message());
        assert!(
            fr.starts_with("3 mesures correctives sont encore ouvertes"),
            "{fr}"
        );
    }

    #[test]
    fn the_browser_preference_is_used_among_the_offered_languages() {
        let catalog = Catalog::load().unwrap();
        let offered: Vec<String> = ["en", "fr", "ar"].map(String::from).to_vec();
        assert_eq!(
            negotiate(
                None,
                Some("fa-IR,fa;q=0.9,ar;q=0.8,en;q=0.5"),
                &offered,
                &catalog
            ),
            "ar"
        );
        assert_eq!(negotiate(Some("fr"), Some("ar"), &offered, &catalog), "fr");
        assert_eq!(negotiate(Some("uk"), None, &offered, &catalog), "en");
    }
}
