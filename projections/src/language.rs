//! Which languages a complaint may name: the client's own, and an interpreter's.
//!
//! A language recorded in a complaint is in clear in the signed ledger, never erased, and
//! counted on the board's dashboard: it must be a choice from a list, never free text (a
//! tag-shaped string such as `xx-John-Smith-1985` would be personal data kept forever). The
//! client's language is one the organization offers (its settings) or one an interpreter can
//! be booked for; the interpreter's is one of the latter.

use recourse_events::org::Settings;

/// Languages offered for an interpreter: code and name in that language.
pub const INTERPRETER_LANGUAGES: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("am", "አማርኛ"),
    ("bn", "বাংলা"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fr", "Français"),
    ("hi", "हिन्दी"),
    ("ku", "Kurdî"),
    ("ne", "नेपाली"),
    ("prs", "دری"),
    ("ps", "پښتو"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("sw", "Kiswahili"),
    ("ta", "தமிழ்"),
    ("ti", "ትግርኛ"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
];

/// Whether `code` is a language an interpreter can be booked for.
pub fn is_interpreter_language(code: &str) -> bool {
    INTERPRETER_LANGUAGES.iter().any(|(c, _)| *c == code)
}

/// Whether `code` may be recorded as a client's language: one the organization offers, or an
/// interpreter's.
pub fn is_client_language(settings: &Settings, code: &str) -> bool {
    settings.languages.iter().any(|l| l == code) || is_interpreter_language(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_languages_come_from_the_lists_only() {
        let settings = Settings::default();
        for ok in ["en", "fr", "ar", "fa", "es", "uk", "ti", "zh", "prs"] {
            assert!(is_client_language(&settings, ok), "{ok}");
        }
        for bad in ["xx-John-Smith-1985", "en-GB", "xx", "", "EN", "fr "] {
            assert!(!is_client_language(&settings, bad), "{bad}");
        }
        assert!(is_interpreter_language("ti") && !is_interpreter_language("en"));
        let mut own = Settings::default();
        own.languages.push("pt-BR".into());
        assert!(is_client_language(&own, "pt-BR"));
    }
}
