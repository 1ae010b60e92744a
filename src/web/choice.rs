//! A choice a form offers (a program, a right of the Client Code, a contact preference), with
//! its label in the visitor's language: shared by the pages, which show them, and the API,
//! which lists them in GET /options, so both say the same.

use recourse_projections::framework::Reference;

use super::i18n::Tr;

/// An option of a choice: value, label, hint.
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Label.
    pub label: String,
    /// Plain-language explanation.
    pub hint: String,
}

/// Rights of the Client Code, in the page language where a translation exists (English and
/// French from the reference data, other languages from their `right-<id>` messages).
pub fn rights(tr: &Tr, reference: &Reference) -> Vec<Choice> {
    reference
        .client_code
        .rights
        .iter()
        .map(|r| {
            let (title, plain) = match tr.lang {
                "en" => (r.title.clone(), r.plain.clone()),
                "fr" => (r.title_fr.clone(), r.plain_fr.clone()),
                _ => (
                    tr.t_own(&format!("right-{}", r.id))
                        .unwrap_or_else(|| r.title.clone()),
                    tr.t_own(&format!("right-{}-plain", r.id))
                        .unwrap_or_else(|| r.plain.clone()),
                ),
            };
            Choice {
                value: r.id.clone(),
                label: title,
                hint: plain,
            }
        })
        .collect()
}
