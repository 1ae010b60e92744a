//! Translations: every Fluent file of every language parses; French is complete; no language
//! defines a message English lacks (a typo there would silently fall back to English); no message
//! is defined twice within a language (the app concatenates a language's files into one
//! resource); the placeables of each English message (`{ $name }`) survive in its translations.
//! And, through the running app, `?lang=ar` serves the Arabic landing page right to left and
//! `?lang=fr` the French one.
//!
//! Some ids exist only in translations, on purpose: the Client Code rights, the service
//! streams and the external bodies (`right-<id>`, `right-<id>-plain`, `stream-<id>`,
//! `external-<id>`; English and French read them from
//! `projections/data/*.toml`) and the names of holiday jurisdictions (`admin-jurisdiction-<code>`;
//! English uses the names in the code).
//!
//! And every message id the code and the templates use exists in English (a missing one shows
//! its id to people), and the ids other languages lack are listed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use recourse::service::{ClientAction, INTERNAL_KINDS, event_id};
use recourse_events::case::{Channel, Outcome};
use recourse_events::org::Role;
use recourse_events::vocabulary::Payload;
use recourse_projections::framework::Reference;
use recourse_projections::holiday::Jurisdiction;
use recourse_projections::rule::{FORBIDDEN, RuleError};
use reqwest::StatusCode;

use crate::web_helpers::spawn_app;

/// The languages shipped, English (the reference) first.
const LANGS: &[&str] = &["en", "fr", "ar", "fa", "es", "uk"];
/// The files of a language, one per area of the site (and why fields and actions are refused).
const AREAS: &[&str] = &[
    "common",
    "public",
    "staff",
    "board",
    "admin",
    "validation",
    "rules",
    "review",
    "transparency",
    "systemic",
];

/// One message as written in a file.
struct Message {
    /// The file it is in (`public`, ...).
    area: &'static str,
    /// Its source text: the `id = ...` line and its indented continuation lines.
    source: String,
}

/// A language's files: their parse errors, and their messages in file order.
struct Lang {
    code: &'static str,
    /// `(area, error)` for every parse error.
    errors: Vec<(&'static str, String)>,
    /// Every definition, in file order (an id twice means a duplicate).
    defined: Vec<(String, Message)>,
    /// The language's files, for formatting.
    bundle: FluentBundle<FluentResource>,
}

impl Lang {
    fn ids(&self) -> BTreeSet<&str> {
        self.defined.iter().map(|(id, _)| id.as_str()).collect()
    }

    fn ids_in(&self, area: &str) -> BTreeSet<&str> {
        self.defined
            .iter()
            .filter(|(_, m)| m.area == area)
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The definition the bundle uses: the last one, if an id is (wrongly) defined twice.
    fn message(&self, id: &str) -> Option<&Message> {
        self.defined
            .iter()
            .rev()
            .find(|(i, _)| i == id)
            .map(|(_, m)| m)
    }

    /// Formats `id` with `args`; the text and any formatting errors.
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<(String, Vec<String>)> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = vec![];
        let text = self
            .bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        Some((text, errors.iter().map(|e| format!("{e:?}")).collect()))
    }
}

fn locales() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Messages defined in a Fluent source, by reading its lines: in Fluent, a line that starts at
/// column 0 with a letter starts a message, and its value continues on indented lines. (The
/// parser's own AST types are not reachable through `fluent_bundle`; [`load`] checks that this
/// finds exactly the messages the parser finds.)
fn messages(area: &'static str, source: &str) -> Vec<(String, Message)> {
    let mut out: Vec<(String, Message)> = vec![];
    let mut current: Option<usize> = None;
    for line in source.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let id: String = line
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if line[id.len()..].trim_start().starts_with('=') {
                out.push((
                    id,
                    Message {
                        area,
                        source: line.to_owned(),
                    },
                ));
                current = Some(out.len() - 1);
                continue;
            }
        }
        match current {
            Some(i) if line.starts_with(' ') => {
                out[i].1.source.push('\n');
                out[i].1.source.push_str(line);
            }
            Some(_) if line.trim().is_empty() => {}
            _ => current = None,
        }
    }
    out
}

/// The variables a message's source uses: `{ $name }`, `{ $n -> ...}`, `{ NUMBER($n) }`.
fn variables(source: &str) -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    let mut depth = 0usize;
    for (i, c) in source.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '$' if depth > 0 => {
                let name: String = source[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if !name.is_empty() {
                    vars.insert(name);
                }
            }
            _ => {}
        }
    }
    vars
}

fn load(code: &'static str) -> Lang {
    let mut errors = vec![];
    let mut defined = vec![];
    let langid = code.parse().expect("a language identifier");
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    for area in AREAS {
        let path = locales().join(code).join(format!("{area}.ftl"));
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let found = messages(area, &source);
        let line_of = |at: usize| source.get(..at).unwrap_or(&source).matches('\n').count() + 1;
        let resource = match FluentResource::try_new(source.clone()) {
            Ok(r) => r,
            Err((r, errs)) => {
                errors.extend(
                    errs.into_iter()
                        .map(|e| (*area, format!("line {}: {e:?}", line_of(e.pos.start)))),
                );
                r
            }
        };
        // Entries print as `Message(..)`, `Term(..)`, `Comment(..)`, `Junk(..)`.
        let parsed = resource
            .entries()
            .filter(|e| format!("{e:?}").starts_with("Message"))
            .count();
        if errors.is_empty() {
            assert_eq!(
                parsed,
                found.len(),
                "locales/{code}/{area}.ftl: the line scan finds {} messages, the parser {parsed}",
                found.len()
            );
        }
        defined.extend(found);
        // Duplicates are reported below, with their files; here they would only stop the load.
        bundle.add_resource_overriding(resource);
    }
    Lang {
        code,
        errors,
        defined,
        bundle,
    }
}

fn all() -> Vec<Lang> {
    LANGS.iter().map(|code| load(code)).collect()
}

/// Ids a translation may define although English does not.
fn translation_only(code: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for j in Jurisdiction::ALL {
        ids.insert(format!("admin-jurisdiction-{}", j.code()));
    }
    if code != "fr" {
        let reference = Reference::shipped();
        for r in &reference.client_code.rights {
            ids.insert(format!("right-{}", r.id));
            ids.insert(format!("right-{}-plain", r.id));
        }
        for s in &reference.service_streams {
            ids.insert(format!("stream-{}", s.id));
        }
        for b in &reference.external_bodies {
            ids.insert(format!("external-{}", b.id));
        }
    }
    ids
}

#[test]
fn every_translation_file_parses() {
    let problems: Vec<String> = all()
        .iter()
        .flat_map(|l| {
            l.errors
                .iter()
                .map(move |(area, e)| format!("locales/{}/{area}.ftl: {e}", l.code))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "parse errors:\n{}",
        problems.join("\n")
    );
}

#[test]
fn french_defines_every_message_english_defines() {
    let en = load("en");
    let fr = load("fr");
    let mut missing = vec![];
    for area in AREAS {
        let lacking: Vec<&str> = en
            .ids_in(area)
            .difference(&fr.ids_in(area))
            .copied()
            .collect();
        if !lacking.is_empty() {
            missing.push(format!(
                "locales/fr/{area}.ftl lacks {} message(s): {}",
                lacking.len(),
                lacking.join(", ")
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "French is incomplete:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_language_defines_a_message_english_does_not() {
    let langs = all();
    let en = langs[0].ids();
    let mut unknown = vec![];
    for l in &langs[1..] {
        let allowed = translation_only(l.code);
        for (id, m) in &l.defined {
            if !en.contains(id.as_str()) && !allowed.contains(id) {
                unknown.push(format!("locales/{}/{}.ftl: {id}", l.code, m.area));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "messages English does not define (typos? renamed in English? in French, rights and \
         streams come from projections/data):\n{}",
        unknown.join("\n")
    );
}

#[test]
fn no_message_is_defined_twice_within_a_language() {
    let mut twice = vec![];
    for l in all() {
        let mut places: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (id, m) in &l.defined {
            places.entry(id).or_default().push(m.area);
        }
        for (id, areas) in places.into_iter().filter(|(_, a)| a.len() > 1) {
            twice.push(format!("{}: {id} in {}", l.code, areas.join(", ")));
        }
    }
    assert!(
        twice.is_empty(),
        "messages defined twice:\n{}",
        twice.join("\n")
    );
}

#[test]
fn translations_keep_the_placeables_of_english() {
    let langs = all();
    let en = &langs[0];
    let mut problems = vec![];
    for (id, m) in &en.defined {
        let vars = variables(&m.source);
        // Each variable gets a value that cannot occur in a translation by chance.
        let mut args = FluentArgs::new();
        for v in &vars {
            args.set(v.clone(), FluentValue::from(format!("⟦{v}⟧")));
        }
        for l in &langs {
            let Some(translated) = l.message(id) else {
                continue;
            };
            let Some((text, errors)) = l.format(id, Some(&args)) else {
                problems.push(format!("{}: {id} has no value", l.code));
                continue;
            };
            let lost: Vec<&str> = vars
                .iter()
                .filter(|v| !text.contains(&format!("⟦{v}⟧")))
                .map(String::as_str)
                .collect();
            if !lost.is_empty() {
                problems.push(format!(
                    "{}: {id} lacks {}\n    {}",
                    l.code,
                    lost.iter()
                        .map(|v| format!("{{ ${v} }}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    translated.source
                ));
            }
            if !errors.is_empty() {
                problems.push(format!(
                    "{}: {id} does not format with English's variables {vars:?}: {}\n    {}",
                    l.code,
                    errors.join("; "),
                    translated.source
                ));
            }
        }
    }
    assert!(problems.is_empty(), "placeables:\n{}", problems.join("\n"));
}

#[test]
fn messages_only_translations_define_name_existing_rights_and_streams() {
    // Guards the allowance above: a translated right must still exist in the Client Code.
    let reference = Reference::shipped();
    let rights: BTreeSet<&str> = reference
        .client_code
        .rights
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let streams: BTreeSet<&str> = reference
        .service_streams
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    for l in all() {
        for (id, _) in &l.defined {
            if let Some(rest) = id.strip_prefix("right-") {
                let right = rest.strip_suffix("-plain").unwrap_or(rest);
                assert!(
                    rights.contains(right),
                    "{}: {id} names no right of the Client Code",
                    l.code
                );
            }
            if let Some(stream) = id.strip_prefix("stream-") {
                assert!(
                    streams.contains(stream),
                    "{}: {id} names no service stream",
                    l.code
                );
            }
            if let Some(body) = id.strip_prefix("external-") {
                assert!(
                    reference.external_bodies.iter().any(|b| b.id == body),
                    "{}: {id} names no external body",
                    l.code
                );
            }
        }
    }
}

/// The text of a page with the entities the templates' escaping produces turned back.
fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_landing_page_is_served_in_arabic_right_to_left_and_in_french() {
    let t = spawn_app().await;
    let browser = t.browser();
    let english = load("en")
        .format("landing-title", None)
        .expect("English landing-title")
        .0;
    for (code, dir) in [
        ("ar", "rtl"),
        ("fr", "ltr"),
        ("fa", "rtl"),
        ("es", "ltr"),
        ("uk", "ltr"),
    ] {
        let (title, _) = load(code)
            .format("landing-title", None)
            .unwrap_or_else(|| panic!("{code} translates landing-title"));
        assert_ne!(title, english, "{code}: landing-title is still English");
        let page = browser.get(&format!("/?lang={code}")).await;
        assert_eq!(
            page.status,
            StatusCode::OK,
            "GET /?lang={code}: {}",
            page.body
        );
        let html_tag = format!("<html lang=\"{code}\" dir=\"{dir}\">");
        assert!(
            page.body.contains(&html_tag),
            "GET /?lang={code} lacks {html_tag}:\n{}",
            page.body
        );
        assert!(
            unescape(&page.body).contains(&title),
            "GET /?lang={code} lacks the landing title {title:?}:\n{}",
            page.body
        );
    }
}

/// Calls whose first string literal is a message id: the translator's methods (in code and in
/// templates), the application's messages, and page titles.
const ID_CALLS: &[&str] = &[
    ".t(\"",
    ".t1(\"",
    ".t_args(\"",
    ".t_count(\"",
    "Message::new(\"",
    "Layout::new(ctx, \"",
    "layout(ctx, \"",
];

/// Files under `dir` (recursively) whose name ends with `ext`.
fn files(dir: &std::path::Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.to_string_lossy().ends_with(ext) {
            out.push(path);
        }
    }
}

/// Whether `id` has the shape of a message id (`landing-title`, `rule-forbidden-close`).
fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Message ids used literally in the code and templates, each with where (file:line).
fn literal_ids() -> BTreeMap<String, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![];
    for dir in ["src", "projections/src", "events/src"] {
        files(&root.join(dir), ".rs", &mut paths);
    }
    files(&root.join("templates"), ".html", &mut paths);
    let mut ids = BTreeMap::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let file = path.strip_prefix(&root).unwrap().display().to_string();
        for (n, line) in source.lines().enumerate() {
            for call in ID_CALLS {
                for (at, _) in line.match_indices(call) {
                    let rest = &line[at + call.len()..];
                    let Some(id) = rest.split('"').next().filter(|id| is_id(id)) else {
                        continue;
                    };
                    ids.entry(id.to_string())
                        .or_insert_with(|| format!("{file}:{}", n + 1));
                }
            }
        }
    }
    ids
}

/// Message ids built from a prefix and the vocabulary (`status-<status>`, `event-<kind>`...),
/// and those the rules' refusals give, each with what builds it.
fn built_ids() -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    let mut add = |id: String, from: &str| {
        ids.entry(id).or_insert_with(|| from.to_string());
    };
    // Every event of a case's stream (those before `complaint.filed` are the organization's;
    // reviews, systemic actions and reports have streams of their own, never a case's timeline).
    let first_case_event = Payload::TYPES
        .iter()
        .position(|k| *k == "complaint.filed")
        .unwrap();
    let own_streams = ["review.", "systemic_action.", "report."];
    for kind in Payload::TYPES[first_case_event..]
        .iter()
        .filter(|k| !own_streams.iter().any(|p| k.starts_with(p)))
    {
        add(
            format!("staff-{}", event_id(kind)),
            "the case page's timeline",
        );
        if !INTERNAL_KINDS.contains(kind) {
            add(event_id(kind), "the client's timeline (service::event_id)");
        }
    }
    // The statuses, as `Status::as_str` says them with hyphens (tracking, the case page).
    for status in [
        "filed",
        "acknowledged",
        "under-review",
        "decided",
        "under-appeal",
        "closed",
        "withdrawn",
        "erased",
    ] {
        add(format!("status-{status}"), "status labels");
        add(format!("status-{status}-hint"), "status hints");
    }
    for o in Outcome::ALL {
        add(format!("outcome-{}", o.as_str()), "decision outcomes");
    }
    for o in ["confirmed", "varied", "overturned"] {
        add(format!("appeal-outcome-{o}"), "appeal outcomes");
        add(
            format!("staff-appeal-outcome-{o}"),
            "the case page's appeal outcomes",
        );
    }
    // What the client is told next (`Service::client_next_step`).
    for step in [
        "filed",
        "acknowledged",
        "under-review",
        "decided-appeal",
        "decided-final",
        "appeal-decided",
        "closed-appeal",
        "closed-final",
        "closed-appeal-decided",
    ] {
        add(format!("track-next-{step}"), "the client's next step");
    }
    for c in Channel::ALL {
        add(format!("channel-{}", c.as_str()), "channels");
    }
    for r in Role::ALL {
        add(format!("admin-role-{}", r.as_str()), "roles");
        add(format!("admin-role-{}-hint", r.as_str()), "roles");
    }
    for step in 1..=4 {
        add(format!("step-{step}"), "the complaint form's steps");
    }
    for a in [
        ClientAction::AddInformation(String::new()),
        ClientAction::Comment(String::new()),
        ClientAction::Message(String::new()),
        ClientAction::Appeal(String::new()),
        ClientAction::Withdraw,
    ] {
        add(
            format!("done-{}", a.slug()),
            "client actions' confirmations",
        );
    }
    add("done-erased".into(), "client actions' confirmations");
    for field in [
        "narrative",
        "outcome_wanted",
        "text",
        "body",
        "grounds",
        "reasons",
        "remedy",
    ] {
        add(format!("text-{field}"), "texts on the client's timeline");
    }
    // Every refusal the rules make, and every reason of a role refusal.
    let staff = recourse_events::ids::StaffId(uuid::Uuid::nil());
    let refusals = [
        RuleError::Forbidden("a reason the table lacks"),
        RuleError::Conflicted(staff),
        RuleError::TookPartInDecision(staff),
        RuleError::WrongState {
            status: "filed",
            action: "close",
        },
        RuleError::NoFinding,
        RuleError::ActionsOutstanding(1),
        RuleError::AppealWindowClosed(jiff::civil::date(2026, 1, 1)),
        RuleError::UnknownStaff(staff),
        RuleError::NotReviewer(staff),
        RuleError::UnknownAction(recourse_events::ids::ActionId(1)),
        RuleError::Restricted,
        RuleError::Erased,
        RuleError::LastAdministrator,
        RuleError::NotNow {
            status: "open",
            action: "submit",
        },
        RuleError::ReviewFinal,
        RuleError::Unrated(1),
        RuleError::FollowUpNeeded("i".into()),
        RuleError::NotInScope("i".into()),
        RuleError::UnknownReview(recourse_events::review::ReviewId(uuid::Uuid::nil())),
        RuleError::OwnWork("approve a review you submitted"),
        RuleError::AlreadyAnswered,
        RuleError::Invalid {
            field: "f",
            reason: "r".into(),
        },
    ];
    for r in refusals {
        add(r.message().id.to_string(), "RuleError::message");
    }
    for (_, id) in FORBIDDEN {
        add(id.to_string(), "rule::FORBIDDEN");
    }
    // The review pages: measures, ratings, statuses, period lengths, notices.
    for name in recourse_projections::review::measure::Measure::NAMES {
        add(format!("review-measure-{name}"), "review figures");
    }
    for r in recourse_events::review::Rating::ALL {
        add(
            format!("review-rating-{}", r.as_str().replace('_', "-")),
            "review ratings",
        );
    }
    for status in ["new", "open", "submitted", "approved"] {
        add(format!("review-status-{status}"), "review statuses");
    }
    for k in recourse_events::review::PeriodKind::ALL {
        add(
            format!("review-kind-{}", k.as_str().replace('_', "-")),
            "review period lengths",
        );
    }
    for action in ["opened", "rate", "attest", "submit", "return", "approve"] {
        add(format!("done-review-{action}"), "review notices");
    }
    ids
}

#[test]
fn every_message_id_the_code_uses_exists_in_english_and_the_gaps_of_each_language_are_listed() {
    let langs = all();
    let mut used = literal_ids();
    assert!(
        used.len() > 300,
        "the scan finds the ids in use ({} found)",
        used.len()
    );
    for (id, from) in built_ids() {
        used.entry(id).or_insert(from);
    }
    let en = langs[0].ids();
    let missing: Vec<String> = used
        .iter()
        .filter(|(id, _)| !en.contains(id.as_str()))
        .map(|(id, from)| format!("{id} (used at {from})"))
        .collect();
    assert!(
        missing.is_empty(),
        "message ids used but not defined in English (people would see the id):\n{}",
        missing.join("\n")
    );
    // Other languages fall back to English; what each one lacks is listed here. French is
    // complete (see above), so a gap there fails.
    let mut report = vec![];
    for l in &langs[1..] {
        let ids = l.ids();
        let lacking: Vec<&str> = used
            .keys()
            .map(String::as_str)
            .filter(|id| !ids.contains(id))
            .collect();
        report.push(format!(
            "{}: {} of {} used ids missing{}{}",
            l.code,
            lacking.len(),
            used.len(),
            if lacking.is_empty() { "" } else { ": " },
            lacking.join(", ")
        ));
        if l.code == "fr" {
            assert!(lacking.is_empty(), "French lacks used ids: {lacking:?}");
        }
    }
    println!(
        "message ids missing per language (shown in English):\n{}",
        report.join("\n")
    );
}

/// French typography on every page: a non-breaking space (U+00A0, or the narrow U+202F) before
/// `:` `;` `?` `!` and `»`, and after `«`, never an ordinary space (a line would break before
/// the colon) nor none at all ("De quel service s'agit-il?" was on the complaint form).
#[test]
fn french_texts_use_non_breaking_spaces() {
    let fr = load("fr");
    let nbsp = |c: char| c == '\u{00a0}' || c == '\u{202f}';
    let mut wrong = vec![];
    for (id, m) in &fr.defined {
        let value: Vec<char> = m
            .source
            .split_once('=')
            .map_or("", |(_, v)| v)
            .chars()
            .collect();
        for (i, &c) in value.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| value[j]);
            let after = value.get(i + 1).copied();
            let bad = match c {
                // A URL's `://` and a time's or an id's `a:b` are not punctuation.
                ':' if after == Some('/')
                    || (before.is_some_and(|b| b.is_ascii_alphanumeric())
                        && after.is_some_and(|a| a.is_ascii_alphanumeric())) =>
                {
                    false
                }
                ':' | ';' | '?' | '!' | '»' => !before.is_some_and(nbsp),
                '«' => !after.is_some_and(nbsp),
                _ => false,
            };
            if bad {
                let at: String = value[i.saturating_sub(20)..(i + 2).min(value.len())]
                    .iter()
                    .collect();
                wrong.push(format!("{}.ftl {id}: {c:?} in …{at}…", m.area));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "French punctuation without a non-breaking space:\n{}",
        wrong.join("\n")
    );
}

/// A rating reads the same on the committee's review page and on the public transparency
/// report, in every language (the report quotes the approved review's ratings).
#[test]
fn a_rating_has_the_same_words_on_the_review_pages_and_the_public_report() {
    let mut differ = vec![];
    for l in all() {
        for rating in ["met", "partly_met", "not_met", "not_applicable"] {
            let review = format!("review-rating-{}", rating.replace('_', "-"));
            let report = format!("transparency-rating-{rating}");
            let text = |id: &str| l.format(id, None).map(|(t, _)| t);
            if text(&review) != text(&report) {
                differ.push(format!(
                    "{}: {review} = {:?}, {report} = {:?}",
                    l.code,
                    text(&review),
                    text(&report)
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
