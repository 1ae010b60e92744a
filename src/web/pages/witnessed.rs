//! The words the pages use for the witnesses that vouch for a case ([`Witnessed`]): a line
//! per witness for staff on the "verify this case" page, and one plain-language line for the
//! client on the receipt, the receipt file and the tracking page.
//!
//! Witness names are their key names (`umbrella.example/witness`), shown as they are: in a
//! right-to-left page each is isolated (U+2068 ... U+2069) so that its slashes and dots keep
//! their order inside the Arabic or Persian sentence, in the HTML and in the text file alike.

use crate::service::Witnessed;
use crate::web::i18n::Tr;

/// `name` isolated from the text around it in a right-to-left language.
fn isolated(tr: &Tr, name: &str) -> String {
    if tr.dir() == "rtl" {
        format!("\u{2068}{name}\u{2069}")
    } else {
        name.to_string()
    }
}

/// The names, joined with the language's list separator.
fn joined(tr: &Tr, names: &[String]) -> String {
    names
        .iter()
        .map(|n| isolated(tr, n))
        .collect::<Vec<_>>()
        .join(&tr.t("witness-names-separator"))
}

/// What the client reads about the witnesses of their complaint: who countersigned its record
/// already, and who will within minutes; nothing when no witness is configured.
pub fn client_lines(tr: &Tr, witnessed: &[Witnessed]) -> Vec<String> {
    let mut lines = Vec::new();
    for (cosigned, one, many) in [
        (
            true,
            "witness-countersigned-one",
            "witness-countersigned-many",
        ),
        (
            false,
            "witness-countersigning-one",
            "witness-countersigning-many",
        ),
    ] {
        let names = Witnessed::names(witnessed, cosigned);
        if names.is_empty() {
            continue;
        }
        let id = if names.len() == 1 { one } else { many };
        lines.push(tr.t1(id, "names", joined(tr, &names)));
    }
    lines
}

/// One witness on the "verify this case" page: a sentence, and whether it cosigned.
pub struct StaffLine {
    /// What the witness did, in words.
    pub text: String,
    /// It cosigned a checkpoint that includes every event of the case.
    pub cosigned: bool,
}

/// What staff read about each witness for a case: who cosigned a checkpoint including its
/// latest event (of what size, when, in the time zone `tz`), who not yet. Empty when no
/// witness is configured (the page says so).
pub fn staff_lines(tr: &Tr, tz: &str, witnessed: &[Witnessed]) -> Vec<StaffLine> {
    witnessed
        .iter()
        .map(|w| {
            let name = isolated(tr, &w.name);
            match &w.cosigned {
                Some((size, at)) => StaffLine {
                    text: tr.t_args(
                        "verify-witness-cosigned",
                        &[
                            ("name", &name),
                            ("size", &size.to_string()),
                            // Kept on one line: a phone would break the date at a hyphen.
                            (
                                "at",
                                &super::witnesses::local_time(tz, at)
                                    .replace('-', "\u{2011}")
                                    .replace(' ', "\u{a0}"),
                            ),
                        ],
                    ),
                    cosigned: true,
                },
                None => StaffLine {
                    text: tr.t1("verify-witness-not-yet", "name", name),
                    cosigned: false,
                },
            }
        })
        .collect()
}
