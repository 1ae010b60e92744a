//! The view of one review, in the page's language: what its page, its printable report and
//! its exports show. It is built from a [`Snapshot`] taken under the read model's lock once,
//! so that a page never mixes two states of the ledger.
//!
//! The **trend** of an item compares it with the previous approved review of the same scope
//! (the same area, or the whole framework): the latest one whose period ends before this
//! one's starts. Each figure shows its previous value and whether it went up, down or stayed
//! the same (a share or an average compares as a proportion, a count as a count).

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use recourse_events::ids::StaffId;
use recourse_events::review::{Figure, Rating, ReviewId};
use recourse_projections::framework::Reference;
use recourse_projections::message::Message;
use recourse_projections::read_model::ReadModel;
use recourse_projections::review::measure::Measure;
use recourse_projections::review::{FollowUp, Review, ReviewStatus};

use super::Viewer;
use crate::web::error::WebError;
use crate::web::i18n::Tr;
use crate::web::router::{Ctx, urlencode};

/// What a review's pages are made from, read at once.
pub(crate) struct Snapshot {
    /// The review.
    pub review: Review,
    /// The previous approved review of the same scope, if any.
    pub previous: Option<Review>,
    /// The framework (item texts, area titles, right titles).
    pub reference: std::sync::Arc<Reference>,
    /// The organization's time zone (times are shown in it).
    pub tz: TimeZone,
    /// Staff names, by id.
    pub names: HashMap<StaffId, String>,
    /// Follow-ups' labels: a systemic action's title, an area review's period and area.
    pub follow_ups: BTreeMap<FollowUp, String>,
}

impl Snapshot {
    /// Reads review `id` (not found if it does not exist or was never opened).
    pub fn read(ctx: &Ctx, id: ReviewId) -> Result<Snapshot, WebError> {
        // Names are opened from the vault: outside the model's lock.
        let names = ctx.app.service.staff_names();
        ctx.app.service.read(|m| {
            let review = m
                .review(&id)
                .filter(|r| r.opened.is_some())
                .ok_or(WebError::NotFound)?;
            let follow_ups = review
                .follow_ups
                .values()
                .flatten()
                .map(|f| (*f, follow_up_label(m, f)))
                .collect();
            Ok(Snapshot {
                review: review.clone(),
                previous: previous_approved(m, review).cloned(),
                reference: m.reference().clone(),
                tz: m.clocks().time_zone().clone(),
                names,
                follow_ups,
            })
        })
    }

    /// `s`'s name (blank for someone unknown).
    pub fn name(&self, s: &StaffId) -> String {
        self.names.get(s).cloned().unwrap_or_default()
    }

    /// A time in the organization's time zone.
    pub fn when(&self, at: Timestamp) -> String {
        at.to_zoned(self.tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// The previous review's figure for `item` and `measure`.
    pub fn previous_figure(&self, item: &str, measure: &str) -> Option<&Figure> {
        self.previous
            .as_ref()?
            .items()
            .find(|i| i.item == item)?
            .figures
            .iter()
            .find(|f| f.measure == measure)
    }

    /// The previous review's rating of `item`.
    pub fn previous_rating(&self, item: &str) -> Option<Rating> {
        Some(self.previous.as_ref()?.ratings.get(item)?.rating)
    }
}

/// The latest approved review of the same scope as `review` whose period ends before
/// `review`'s starts.
pub(crate) fn previous_approved<'m>(model: &'m ReadModel, review: &Review) -> Option<&'m Review> {
    let period = review.period()?;
    let area = review.opened.as_ref().and_then(|o| o.area.as_deref());
    model
        .reviews()
        .into_iter()
        .filter(|r| r.id != review.id && r.status == ReviewStatus::Approved)
        .filter(|r| r.opened.as_ref().and_then(|o| o.area.as_deref()) == area)
        .filter(|r| r.period().is_some_and(|p| p.end() <= period.start))
        .max_by_key(|r| {
            (
                r.period().map(|p| p.end()),
                r.approved.as_ref().map(|s| s.at),
            )
        })
}

fn follow_up_label(model: &ReadModel, f: &FollowUp) -> String {
    match f {
        FollowUp::Systemic(id) => model
            .systemic_action(id)
            .and_then(|s| s.opened.as_ref())
            .map(|o| o.title.clone())
            .unwrap_or_default(),
        FollowUp::AreaReview(id) => model
            .review(id)
            .and_then(|r| r.opened.as_ref())
            .map(|o| {
                let area = o.area.as_deref().unwrap_or_default();
                format!("{} · {area}", o.period.label())
            })
            .unwrap_or_default(),
    }
}

/// A review as shown.
pub(crate) struct ReviewView {
    /// Its id.
    pub id: String,
    /// Its period's label (`2026-Q1`).
    pub period: String,
    /// The whole framework, or the area's title.
    pub scope: String,
    /// The scope is a framework area (its title is the framework's, in English or French).
    pub scope_area: bool,
    /// Its status slug (`open`, `submitted`, `approved`).
    pub status: &'static str,
    /// Its status in words.
    pub status_label: String,
    /// Who opened it, and when.
    pub opened: String,
    /// What opened it, when a review's item did: (link, words).
    pub origin: Option<(String, String)>,
    /// Entries the pinned checkpoint covers.
    pub pinned_size: u64,
    /// The pinned root, in hex.
    pub pinned_root: String,
    /// How anyone recomputes the figures.
    pub pinned_hint: String,
    /// The framework version and file hash.
    pub framework: String,
    /// The previous approved review of the same scope: (link, period label).
    pub previous: Option<(String, String)>,
    /// Its items, by area.
    pub areas: Vec<AreaView>,
    /// Opened, submitted, returned, approved: (when, what, comments).
    pub history: Vec<(String, String, String)>,
    /// What still blocks submission.
    pub blockers: Vec<String>,
    /// Open: the committee rates and attests.
    pub open: bool,
    /// Submitted: the board returns or approves.
    pub submitted: bool,
    /// Approved: final.
    pub approved: bool,
}

/// An area and its items in scope.
pub(crate) struct AreaView {
    /// The area's id (an anchor).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its items.
    pub items: Vec<ItemView>,
}

/// An item of the review.
pub(crate) struct ItemView {
    /// The item's id (and anchor).
    pub id: String,
    /// Its area's id.
    pub area: String,
    /// Its text.
    pub text: String,
    /// Its figures.
    pub figures: Vec<FigureView>,
    /// Its current rating.
    pub rating: Option<RatingView>,
    /// The previous approved review's rating, in words.
    pub previous_rating: Option<String>,
    /// Its attestations.
    pub attestations: Vec<AttestationView>,
    /// Its follow-ups: (link, words).
    pub follow_ups: Vec<(String, String)>,
    /// Rated partly met or not met, with no follow-up yet.
    pub needs_follow_up: bool,
}

impl ItemView {
    /// True if the item's current rating is `slug` (the rate form starts from it).
    pub fn rated(&self, slug: &str) -> bool {
        self.rating.as_ref().is_some_and(|r| r.slug == slug)
    }
}

/// A figure as shown.
pub(crate) struct FigureView {
    /// Its measure, in words.
    pub label: String,
    /// Its value, in words ("3 of 10 (30 %)").
    pub value: String,
    /// Against the previous review.
    pub trend: Option<Trend>,
    /// The cases behind it, for those who may see them.
    pub cases: Option<String>,
}

/// A figure's trend.
pub(crate) struct Trend {
    /// `↑`, `↓`, `=`, or nothing when it was not measured before.
    pub arrow: &'static str,
    /// The previous value, in words.
    pub text: String,
}

/// A rating as shown.
pub(crate) struct RatingView {
    /// The rating's slug (`partly_met`).
    pub slug: &'static str,
    /// In words.
    pub label: String,
    /// The reasons.
    pub reasons: String,
    /// Who, when, how many times.
    pub by: String,
}

/// An attestation as shown.
pub(crate) struct AttestationView {
    /// What was attested.
    pub statement: String,
    /// Who and when.
    pub by: String,
    /// The document kept, described.
    pub document: Option<String>,
}

/// A rating in words.
pub(crate) fn rating_label(tr: &Tr, r: Rating) -> String {
    tr.t(&format!("review-rating-{}", r.as_str().replace('_', "-")))
}

/// The ratings offered, as (value, words).
pub(crate) fn ratings(tr: &Tr) -> Vec<(&'static str, String)> {
    Rating::ALL
        .iter()
        .map(|r| (r.as_str(), rating_label(tr, *r)))
        .collect()
}

/// A review's status in words.
pub(crate) fn status_label(tr: &Tr, s: ReviewStatus) -> String {
    tr.t(&format!("review-status-{}", s.as_str()))
}

/// The scope of a review in words: the whole framework, or the area's title.
pub(crate) fn scope_label(tr: &Tr, reference: &Reference, area: Option<&str>) -> String {
    match area {
        None => tr.t("review-scope-all"),
        Some(id) => reference
            .area(id)
            .map(|a| pick(tr, &a.title, &a.title_fr))
            .unwrap_or_else(|| id.to_owned()),
    }
}

/// The French text on French pages (when there is one), else the English.
fn pick(tr: &Tr, en: &str, fr: &str) -> String {
    if tr.lang == "fr" && !fr.is_empty() {
        fr.to_owned()
    } else {
        en.to_owned()
    }
}

/// A decimal number with one decimal, as the page's language writes it.
fn decimal(tr: &Tr, x: f64) -> String {
    let s = format!("{:.1}", (x * 10.0).round() / 10.0);
    if matches!(tr.lang, "fr" | "es" | "uk") {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A measure in words (`citing-right:<id>` names the right).
pub(crate) fn measure_label(tr: &Tr, reference: &Reference, name: &str) -> String {
    match Measure::parse(name) {
        Ok(Measure::CitingRight(right)) => {
            let title = reference
                .right(&right)
                .map(|r| pick(tr, &r.title, &r.title_fr))
                .unwrap_or(right);
            tr.t1("review-measure-citing-right", "right", title)
        }
        Ok(m) => tr.t(&format!("review-measure-{}", m.base_name())),
        Err(_) => name.to_owned(),
    }
}

/// A figure's value in words: a count; a share as "n of m (p %)"; satisfaction as an average
/// out of 5 with its number of answers.
pub(crate) fn value(tr: &Tr, f: &Figure) -> String {
    match f.of {
        None => f.count.to_string(),
        Some(0) if f.measure == "satisfaction" => tr.t("review-average-none"),
        Some(of) if f.measure == "satisfaction" => tr.message(
            &Message::new("review-average")
                .arg("average", decimal(tr, f.count as f64 / of as f64))
                .count("answers", of),
        ),
        Some(0) => tr.t_args(
            "review-share-empty",
            &[("count", &f.count.to_string()), ("of", "0")],
        ),
        Some(of) => tr.t_args(
            "review-share",
            &[
                ("count", &f.count.to_string()),
                ("of", &of.to_string()),
                ("pct", &decimal(tr, f.count as f64 * 100.0 / of as f64)),
            ],
        ),
    }
}

/// What a figure compares as: the proportion for a share or an average, else the count.
fn level(f: &Figure) -> Option<f64> {
    match f.of {
        None => Some(f.count as f64),
        Some(0) => None,
        Some(of) => Some(f.count as f64 / of as f64),
    }
}

fn trend(tr: &Tr, now: &Figure, before: Option<&Figure>) -> Trend {
    let Some(before) = before else {
        return Trend {
            arrow: "",
            text: tr.t("review-trend-new"),
        };
    };
    let was = value(tr, before);
    let (arrow, id) = match (level(now), level(before)) {
        (Some(a), Some(b)) if a > b => ("↑", "review-trend-up"),
        (Some(a), Some(b)) if a < b => ("↓", "review-trend-down"),
        (Some(_), Some(_)) => ("=", "review-trend-same"),
        _ => ("", "review-trend-was"),
    };
    Trend {
        arrow,
        text: tr.t1(id, "value", was),
    }
}

/// Measures whose figure counts cases (the systemic ones count organization actions).
fn counts_cases(measure: &str) -> bool {
    !measure.contains("systemic")
}

impl ReviewView {
    /// The view of `s` for `viewer`, in `tr`'s language.
    pub fn of(tr: &Tr, s: &Snapshot, viewer: &Viewer) -> ReviewView {
        let r = &s.review;
        let opened = r.opened.as_deref();
        let id = r.id.to_string();
        let area = opened.and_then(|o| o.area.clone());
        let pinned = opened.map(|o| o.pinned);
        let pinned_size = pinned.map_or(0, |p| p.size);
        let framework = match opened {
            Some(o) if !o.framework_version.is_empty() => tr.t_args(
                "review-framework",
                &[
                    ("version", &o.framework_version),
                    ("sha256", &o.framework_sha256.to_hex()),
                ],
            ),
            _ => tr.t("review-framework-unknown"),
        };
        let origin = opened.and_then(|o| {
            let from = o.origin.review?;
            let item = o.origin.item.clone().unwrap_or_default();
            Some((
                format!("/board/reviews/{from}#item-{item}"),
                tr.t1("review-origin", "item", item),
            ))
        });
        let mut history = Vec::new();
        if let Some(st) = &r.opened_step {
            history.push((st.at, "review-history-opened", st.by, String::new()));
        }
        for st in &r.submissions {
            history.push((st.at, "review-history-submitted", st.by, String::new()));
        }
        for st in &r.returns {
            history.push((st.at, "review-history-returned", st.by, st.comments.clone()));
        }
        if let Some(st) = &r.approved {
            history.push((st.at, "review-history-approved", st.by, st.comments.clone()));
        }
        history.sort_by_key(|h| h.0);
        let history = history
            .into_iter()
            .map(|(at, what, by, comments)| {
                (s.when(at), tr.t1(what, "name", s.name(&by)), comments)
            })
            .collect();
        let mut blockers: Vec<String> = r
            .unrated()
            .into_iter()
            .map(|i| tr.t1("review-blocker-unrated", "item", i))
            .collect();
        blockers.extend(
            r.missing_follow_ups()
                .into_iter()
                .map(|i| tr.t1("review-blocker-follow-up", "item", i)),
        );
        ReviewView {
            period: r.period().map(|p| p.label()).unwrap_or_default(),
            scope: scope_label(tr, &s.reference, area.as_deref()),
            scope_area: area.is_some(),
            status: r.status.as_str(),
            status_label: status_label(tr, r.status),
            opened: r
                .opened_step
                .as_ref()
                .map(|st| {
                    tr.t_args(
                        "review-opened-by",
                        &[("name", &s.name(&st.by)), ("when", &s.when(st.at))],
                    )
                })
                .unwrap_or_default(),
            origin,
            pinned_size,
            pinned_root: pinned.map(|p| p.root.to_hex()).unwrap_or_default(),
            pinned_hint: tr.t1("review-pinned-hint", "size", pinned_size),
            framework,
            previous: s.previous.as_ref().map(|p| {
                (
                    format!("/board/reviews/{}", p.id),
                    p.period().map(|x| x.label()).unwrap_or_default(),
                )
            }),
            areas: areas(tr, s, viewer, &id),
            history,
            blockers,
            open: r.status == ReviewStatus::Open,
            submitted: r.status == ReviewStatus::Submitted,
            approved: r.status == ReviewStatus::Approved,
            id,
        }
    }
}

/// The items in scope, grouped by area in the framework's order (items the framework no
/// longer lists last, under their own heading).
fn areas(tr: &Tr, s: &Snapshot, viewer: &Viewer, id: &str) -> Vec<AreaView> {
    let r = &s.review;
    let mut out: Vec<AreaView> = Vec::new();
    for figures in r.items() {
        let item = figures.item.as_str();
        let (area_id, area_title, text) = match s.reference.framework_item(item) {
            Some((a, i)) => (
                a.id.clone(),
                pick(tr, &a.title, &a.title_fr),
                pick(tr, &i.text, &i.text_fr),
            ),
            None => (String::new(), tr.t("review-area-unknown"), item.to_owned()),
        };
        let rating = r.ratings.get(item).map(|x| RatingView {
            slug: x.rating.as_str(),
            label: rating_label(tr, x.rating),
            reasons: x.reasons.clone(),
            by: format!(
                "{} · {}",
                tr.t_args(
                    "review-rated-by",
                    &[("name", &s.name(&x.by)), ("when", &s.when(x.at))]
                ),
                tr.t_count("review-rated-times", "count", x.times)
            ),
        });
        let has_previous = s.previous.is_some();
        let view = ItemView {
            id: item.to_owned(),
            area: area_id.clone(),
            text,
            figures: figures
                .figures
                .iter()
                .map(|f| FigureView {
                    label: measure_label(tr, &s.reference, &f.measure),
                    value: value(tr, f),
                    trend: has_previous.then(|| trend(tr, f, s.previous_figure(item, &f.measure))),
                    cases: (viewer.reads_cases && counts_cases(&f.measure)).then(|| {
                        format!(
                            "/board/reviews/{id}/cases?item={}&measure={}",
                            urlencode(item),
                            urlencode(&f.measure)
                        )
                    }),
                })
                .collect(),
            previous_rating: has_previous.then(|| match s.previous_rating(item) {
                Some(p) => tr.t1("review-previous-rating", "rating", rating_label(tr, p)),
                None => tr.t("review-previous-unrated"),
            }),
            needs_follow_up: r.missing_follow_ups().contains(&item),
            rating,
            attestations: r
                .attestations
                .iter()
                .filter(|a| a.item == item)
                .map(|a| AttestationView {
                    statement: a.statement.clone(),
                    by: tr.t_args(
                        "review-attested-by",
                        &[("name", &s.name(&a.by)), ("when", &s.when(a.at))],
                    ),
                    document: a.document.as_ref().map(|d| {
                        tr.t_args(
                            "review-document",
                            &[
                                ("name", &d.name),
                                ("size", &d.size.to_string()),
                                ("sha256", &d.sha256.to_hex()),
                            ],
                        )
                    }),
                })
                .collect(),
            follow_ups: r
                .follow_ups
                .get(item)
                .into_iter()
                .flatten()
                .map(|f| follow_up(tr, s, f))
                .collect(),
        };
        match out.iter_mut().find(|a| a.id == area_id) {
            Some(a) => a.items.push(view),
            None => out.push(AreaView {
                id: area_id,
                title: area_title,
                items: vec![view],
            }),
        }
    }
    // Unknown items last.
    out.sort_by_key(|a| a.id.is_empty());
    out
}

fn follow_up(tr: &Tr, s: &Snapshot, f: &FollowUp) -> (String, String) {
    let label = s.follow_ups.get(f).cloned().unwrap_or_default();
    match f {
        FollowUp::Systemic(id) => (
            format!("/board/systemic/{id}"),
            tr.t1("review-follow-up-systemic", "title", label),
        ),
        FollowUp::AreaReview(id) => (
            format!("/board/reviews/{id}"),
            tr.t1("review-follow-up-area", "review", label),
        ),
    }
}
