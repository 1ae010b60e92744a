//! The board's dashboard: how many complaints, how fast, what was decided, what was promised
//! and done, which rights and framework areas they concern, what clients thought, and the
//! safeguards (appeals, conflicts of interest, access to personal data), by month, quarter or
//! year; with breakdown tables and CSV and JSON exports.
//!
//! Only the figures of the projections' [`Report`] reach these pages and files: no case ids, no
//! staff ids, no names, no client text. The page is for board members (and the chair and
//! administrators); it works without JavaScript: the period is a GET form, the charts are SVG
//! drawn here (in [`svg`]), each in a `<figure>` with a caption, a title and description for
//! screen readers, patterns and labels besides colour, and the same numbers in a table.
//!
//! Rendering is a few string pushes per number: the report itself (one pass over the cases)
//! is the cost, so the page answers in about the report's time.

use std::fmt::Write as _;

use askama::Template;
use jiff::Span;
use jiff::civil::Date;
use recourse_events::case::Outcome;
use recourse_events::org::{Named, Role};
use recourse_projections::dashboard::{Dimension, Granularity, Metrics, Period, Query, Report};
use recourse_projections::framework::Reference;
use warp::http::{StatusCode, header};

use super::layout::Layout;
use super::render;
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::i18n::{LANGUAGES, Tr};
use crate::web::router::Ctx;

/// Who may read the dashboard.
pub const ROLES: &[Role] = &[Role::Board, Role::Chair, Role::Admin];

/// The longest period that can be asked for, in years.
pub const MAX_YEARS: i64 = 10;

/// The period form as typed, shown back as it was.
struct Typed {
    granularity: String,
    from: String,
    to: String,
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

/// The default first day for a last day `to`: whole quarters, the one holding `to` and the
/// seven before it (the last two years).
fn default_from(to: Date) -> Date {
    let start = Period::of(Granularity::Quarter, to).start();
    start.checked_sub(Span::new().months(21)).unwrap_or(start)
}

/// The period asked for in `form`, with defaults for what is missing (by quarter over the last
/// two years up to `today`), or the problems as (field, message).
fn read_query(form: &Form, today: Date, tr: &Tr) -> Result<Query, Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let granularity = match form.get("granularity") {
        None | Some("quarter") => Some(Granularity::Quarter),
        Some("month") => Some(Granularity::Month),
        Some("year") => Some(Granularity::Year),
        Some(_) => {
            errors.push(("granularity", tr.t("board-error-granularity")));
            None
        }
    };
    let mut date = |field: &'static str, message: &str| match form.get(field) {
        None => Some(None),
        Some(s) => match parse_date(s) {
            Some(d) => Some(Some(d)),
            None => {
                errors.push((field, tr.t(message)));
                None
            }
        },
    };
    let from = date("from", "board-error-from");
    let to = date("to", "board-error-to");
    if let (Some(granularity), Some(from), Some(to)) = (granularity, from, to) {
        let to = to.unwrap_or(today);
        let from = from.unwrap_or_else(|| default_from(to));
        if from > to {
            errors.push(("from", tr.t("board-error-order")));
        } else if from
            .checked_add(Span::new().years(MAX_YEARS))
            .is_ok_and(|limit| to > limit)
        {
            errors.push(("to", tr.t("board-error-too-long")));
        } else {
            return Ok(Query {
                granularity,
                from,
                to,
            });
        }
    }
    Err(errors)
}

fn granularity_id(g: Granularity) -> &'static str {
    match g {
        Granularity::Month => "month",
        Granularity::Quarter => "quarter",
        Granularity::Year => "year",
    }
}

fn dimension_id(d: Dimension) -> &'static str {
    match d {
        Dimension::Program => "program",
        Dimension::Site => "site",
        Dimension::ServiceStream => "service_stream",
        Dimension::Channel => "channel",
        Dimension::Language => "language",
        Dimension::Right => "right",
        Dimension::FrameworkArea => "framework_area",
    }
}

/// The query as URL parameters (dates and words only: nothing to encode).
fn query_string(q: &Query) -> String {
    format!(
        "granularity={}&from={}&to={}",
        granularity_id(q.granularity),
        q.from,
        q.to
    )
}

/// How numbers are written in the page language.
struct Numbers {
    decimal_comma: bool,
    pct: String,
    no_data: String,
}

impl Numbers {
    fn new(tr: &Tr) -> Numbers {
        Numbers {
            decimal_comma: matches!(tr.lang, "fr" | "es" | "uk"),
            pct: tr.t("board-pct"),
            no_data: tr.t("board-no-data"),
        }
    }

    /// Figures are rounded to one decimal already; `Display` writes `3` for 3.0.
    fn num(&self, x: f64) -> String {
        let s = format!("{x}");
        if self.decimal_comma {
            s.replace('.', ",")
        } else {
            s
        }
    }

    fn count(&self, n: u32) -> String {
        n.to_string()
    }

    fn opt(&self, x: Option<f64>) -> String {
        x.map_or_else(|| self.no_data.clone(), |x| self.num(x))
    }

    fn pct(&self, x: Option<f64>) -> String {
        x.map_or_else(
            || self.no_data.clone(),
            |x| self.pct.replace("{$n}", &self.num(x)),
        )
    }
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0)
}

/// A figure of a [`Metrics`], as written in a table cell.
type Cell<'a> = &'a dyn Fn(&Metrics) -> String;

/// A named CSV column.
type Column = (String, Box<dyn Fn(&Metrics) -> String>);

/// A table: column headings, and rows whose first cell heads the row.
pub struct Table {
    /// Column headings.
    pub head: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
}

/// A chart and its numbers.
pub struct Chart {
    /// Element id prefix.
    pub id: String,
    /// Caption.
    pub title: String,
    /// How to read it.
    pub read: String,
    /// The SVG (drawn and escaped here).
    pub svg: String,
    /// The same numbers.
    pub table: Table,
}

/// A group of charts under a heading.
pub struct Section {
    /// Anchor.
    pub id: &'static str,
    /// Heading.
    pub title: String,
    /// Charts.
    pub charts: Vec<Chart>,
}

/// A breakdown table.
pub struct Breakdown {
    /// Anchor.
    pub id: &'static str,
    /// Heading.
    pub title: String,
    /// The figures by value.
    pub table: Table,
}

/// Everything shown for a valid period.
pub struct View {
    range: String,
    query: String,
    targets: String,
    key: Vec<(String, String)>,
    sections: Vec<Section>,
    breakdowns: Vec<Breakdown>,
}

#[derive(Template)]
#[template(path = "board/dashboard.html")]
struct Page {
    l: Layout,
    typed: Typed,
    granularities: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, String)>,
    view: Option<View>,
}

impl Page {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }
}

/// A period's labels: short and year (chart axis), and in full (tables).
struct Label {
    short: String,
    year: String,
    full: String,
}

fn labels(tr: &Tr, report: &Report, q: &Query) -> Vec<Label> {
    report
        .periods
        .iter()
        .map(|(p, _)| {
            let year = p.year.to_string();
            let short = match p.granularity {
                Granularity::Month => tr.t(&format!("board-month-{}", p.index)),
                Granularity::Quarter => {
                    tr.t_args("board-quarter-short", &[("n", &p.index.to_string())])
                }
                Granularity::Year => year.clone(),
            };
            let mut full = if p.granularity == Granularity::Year {
                year.clone()
            } else {
                format!("{short} {year}")
            };
            if p.start() < q.from || p.end() > q.to {
                full.push(' ');
                full.push_str(&tr.t("board-partial"));
            }
            let year = if p.granularity == Granularity::Year {
                String::new()
            } else {
                year
            };
            Label { short, year, full }
        })
        .collect()
}

/// Builds the view of a report.
struct Builder<'a> {
    tr: &'a Tr,
    n: Numbers,
    report: &'a Report,
    labels: Vec<Label>,
    axis: Vec<(String, String)>,
    reference: &'a Reference,
    programs: &'a [Named],
    sites: &'a [Named],
    targets: (u32, u32),
}

impl Builder<'_> {
    fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// A table by period: a column per (heading, figure), and the total.
    fn by_period(&self, cols: &[(&str, Cell)]) -> Table {
        let mut head = vec![self.t("board-period-column")];
        head.extend(cols.iter().map(|(h, _)| self.t(h)));
        let row = |label: &str, m: &Metrics| {
            let mut r = Vec::with_capacity(cols.len() + 1);
            r.push(label.to_owned());
            r.extend(cols.iter().map(|(_, f)| f(m)));
            r
        };
        let mut rows: Vec<Vec<String>> = self
            .report
            .periods
            .iter()
            .zip(&self.labels)
            .map(|((_, m), l)| row(&l.full, m))
            .collect();
        rows.push(row(&self.t("board-total"), &self.report.total));
        Table { head, rows }
    }

    fn series(&self, f: impl Fn(&Metrics) -> Option<f64>) -> Vec<Option<f64>> {
        self.report.periods.iter().map(|(_, m)| f(m)).collect()
    }

    fn chart(&self, id: &str, title: &str, read: String, svg: String, table: Table) -> Chart {
        Chart {
            id: id.to_owned(),
            title: self.t(title),
            read,
            svg,
            table,
        }
    }

    fn volumes(&self) -> Chart {
        let (received, open) = (self.t("board-series-received"), self.t("board-series-open"));
        let title = self.t("board-chart-volumes");
        let read = self.t("board-chart-volumes-read");
        let total = &self.report.total;
        let desc = format!(
            "{read} {}: {received} {}, {open} {}.",
            self.t("board-total"),
            total.received,
            total.open
        );
        let svg = svg::columns(
            "c-volumes",
            &title,
            &desc,
            &self.axis,
            &[
                svg::Series {
                    name: &received,
                    values: self.series(|m| Some(f64::from(m.received))),
                },
                svg::Series {
                    name: &open,
                    values: self.series(|m| Some(f64::from(m.open))),
                },
            ],
        );
        let table = self.by_period(&[
            ("board-series-received", &|m| self.n.count(m.received)),
            ("board-series-open", &|m| self.n.count(m.open)),
        ]);
        self.chart("c-volumes", "board-chart-volumes", read, svg, table)
    }

    fn timeliness(&self) -> Chart {
        let ack = self.t("board-series-ack-on-time");
        let dec = self.t("board-series-decided-on-time");
        let title = self.t("board-chart-timeliness");
        let read = self.t("board-chart-timeliness-read");
        let total = &self.report.total;
        let desc = format!(
            "{read} {}: {ack} {}, {dec} {}.",
            self.t("board-total"),
            self.n.pct(total.acknowledged_within_target_pct),
            self.n.pct(total.decided_within_target_pct)
        );
        let pct = |x: f64| self.n.pct(Some(x));
        let svg = svg::lines(
            "c-timeliness",
            &title,
            &desc,
            &self.axis,
            &[
                svg::Series {
                    name: &ack,
                    values: self.series(|m| m.acknowledged_within_target_pct),
                },
                svg::Series {
                    name: &dec,
                    values: self.series(|m| m.decided_within_target_pct),
                },
            ],
            svg::Scale::Percent,
            None,
            &pct,
        );
        let table = self.by_period(&[
            ("board-col-acknowledged", &|m| self.n.count(m.acknowledged)),
            ("board-series-ack-on-time", &|m| {
                self.n.pct(m.acknowledged_within_target_pct)
            }),
            ("board-key-decided", &|m| self.n.count(m.decided)),
            ("board-series-decided-on-time", &|m| {
                self.n.pct(m.decided_within_target_pct)
            }),
        ]);
        self.chart("c-timeliness", "board-chart-timeliness", read, svg, table)
    }

    fn days(&self, id: &str, title_id: &str, target: u32, ack: bool) -> Chart {
        let (median, p90) = (self.t("board-series-median"), self.t("board-series-p90"));
        let title = self.t(title_id);
        let read = self.t(&format!("{title_id}-read"));
        let target_label = self
            .tr
            .t_args("board-series-target", &[("n", &target.to_string())]);
        let pick = move |m: &Metrics| {
            if ack {
                (m.median_days_to_acknowledge, m.p90_days_to_acknowledge)
            } else {
                (m.median_days_to_decide, m.p90_days_to_decide)
            }
        };
        let (tm, tp) = pick(&self.report.total);
        let desc = format!(
            "{read} {}: {median} {}, {p90} {}. {target_label}.",
            self.t("board-total"),
            self.n.opt(tm),
            self.n.opt(tp)
        );
        let num = |x: f64| self.n.num(x);
        let svg = svg::lines(
            id,
            &title,
            &desc,
            &self.axis,
            &[
                svg::Series {
                    name: &median,
                    values: self.series(|m| pick(m).0),
                },
                svg::Series {
                    name: &p90,
                    values: self.series(|m| pick(m).1),
                },
            ],
            svg::Scale::Auto,
            Some((f64::from(target), &target_label)),
            &num,
        );
        let table = self.by_period(&[
            ("board-series-median", &|m| self.n.opt(pick(m).0)),
            ("board-series-p90", &|m| self.n.opt(pick(m).1)),
        ]);
        self.chart(id, title_id, read, svg, table)
    }

    /// A chart of bars with their table (label, figure as text).
    fn bars_chart(
        &self,
        id: &str,
        title_id: &str,
        read: String,
        head: [&str; 2],
        bars: Vec<svg::Bar>,
        track: bool,
    ) -> Chart {
        let title = self.t(title_id);
        let mut desc = read.clone();
        for b in &bars {
            let _ = write!(desc, " {}: {}.", b.label, b.text);
        }
        let svg = svg::hbars(id, &title, &desc, &bars, track, &self.n.no_data);
        let table = Table {
            head: vec![self.t(head[0]), self.t(head[1])],
            rows: bars.into_iter().map(|b| vec![b.label, b.text]).collect(),
        };
        self.chart(id, title_id, read, svg, table)
    }

    /// Count and share of `whole`.
    fn count_share(&self, n: u32, whole: u32) -> String {
        format!("{} ({})", self.n.count(n), self.n.pct(share(n, whole)))
    }

    fn outcomes(&self) -> Chart {
        let outcomes = &self.report.total.outcomes;
        let sum: u32 = outcomes.values().sum();
        let bars = Outcome::ALL
            .iter()
            .map(|o| {
                let n = outcomes.get(o.as_str()).copied().unwrap_or(0);
                svg::Bar {
                    label: self.t(&format!("board-outcome-{}", o.as_str())),
                    value: Some(f64::from(n)),
                    max: f64::from(sum),
                    text: self.count_share(n, sum),
                }
            })
            .collect();
        self.bars_chart(
            "c-outcomes",
            "board-chart-outcomes",
            self.t("board-chart-outcomes-read"),
            ["board-col-name", "board-col-received"],
            bars,
            false,
        )
    }

    fn actions(&self) -> Chart {
        let t = &self.report.total;
        let items = [
            ("board-actions-opened", t.actions_opened),
            ("board-actions-verified", t.actions_verified),
            ("board-actions-waived", t.actions_waived),
            ("board-actions-overdue", t.actions_overdue),
        ];
        let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let bars = items
            .iter()
            .map(|(id, n)| svg::Bar {
                label: self.t(id),
                value: Some(f64::from(*n)),
                max: f64::from(max),
                text: self.n.count(*n),
            })
            .collect();
        let mut chart = self.bars_chart(
            "c-actions",
            "board-chart-actions",
            self.t("board-chart-actions-read"),
            ["board-col-name", "board-col-actions"],
            bars,
            false,
        );
        // The table gives every period.
        chart.table = self.by_period(&[
            ("board-actions-opened", &|m| self.n.count(m.actions_opened)),
            ("board-actions-verified", &|m| {
                self.n.count(m.actions_verified)
            }),
            ("board-actions-waived", &|m| self.n.count(m.actions_waived)),
            ("board-actions-overdue", &|m| {
                self.n.count(m.actions_overdue)
            }),
        ]);
        chart
    }

    /// Bars of the complaints under each value of a dimension, in the given order (values
    /// with no complaint included: a right nobody complained about is worth seeing).
    fn concerned(&self, id: &str, title_id: &str, dim: Dimension, order: Vec<String>) -> Chart {
        let entries = self
            .report
            .breakdowns
            .get(&dim)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let received = self.report.total.received;
        let mut ids = order;
        for (v, _) in entries {
            if !ids.contains(v) {
                ids.push(v.clone());
            }
        }
        let counts: Vec<u32> = ids
            .iter()
            .map(|v| {
                entries
                    .iter()
                    .find(|(k, _)| k == v)
                    .map_or(0, |(_, m)| m.received)
            })
            .collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        let bars = ids
            .iter()
            .zip(counts)
            .map(|(v, n)| svg::Bar {
                label: self.name(dim, v),
                value: Some(f64::from(n)),
                max: f64::from(max),
                text: self.count_share(n, received),
            })
            .collect();
        self.bars_chart(
            id,
            title_id,
            self.t(&format!("{title_id}-read")),
            ["board-col-name", "board-col-received"],
            bars,
            false,
        )
    }

    fn satisfaction(&self) -> Chart {
        let s = &self.report.total.satisfaction;
        let read = self.tr.t_args(
            "board-chart-satisfaction-read",
            &[("n", &s.responses.to_string())],
        );
        let rating_text = s.average_rating.map_or_else(
            || self.n.no_data.clone(),
            |r| self.tr.t_args("board-out-of-5", &[("n", &self.n.num(r))]),
        );
        let bars = vec![
            svg::Bar {
                label: self.t("board-satisfaction-rating"),
                value: s.average_rating,
                max: 5.0,
                text: rating_text,
            },
            svg::Bar {
                label: self.t("board-satisfaction-explained"),
                value: s.explained_pct,
                max: 100.0,
                text: self.n.pct(s.explained_pct),
            },
            svg::Bar {
                label: self.t("board-satisfaction-fair"),
                value: s.fair_pct,
                max: 100.0,
                text: self.n.pct(s.fair_pct),
            },
        ];
        let mut chart = self.bars_chart(
            "c-satisfaction",
            "board-chart-satisfaction",
            read,
            ["board-col-name", "board-col-rating"],
            bars,
            true,
        );
        chart.table = self.by_period(&[
            ("board-col-responses", &|m| {
                self.n.count(m.satisfaction.responses)
            }),
            ("board-satisfaction-rating", &|m| {
                self.n.opt(m.satisfaction.average_rating)
            }),
            ("board-satisfaction-explained", &|m| {
                self.n.pct(m.satisfaction.explained_pct)
            }),
            ("board-satisfaction-fair", &|m| {
                self.n.pct(m.satisfaction.fair_pct)
            }),
        ]);
        chart
    }

    fn rates(&self) -> Chart {
        let t = &self.report.total;
        let bars = vec![
            svg::Bar {
                label: self.t("board-rate-appeal"),
                value: t.appeal_rate_pct,
                max: 100.0,
                text: format!(
                    "{} ({})",
                    self.n.pct(t.appeal_rate_pct),
                    self.tr.t_args(
                        "board-of",
                        &[
                            ("part", &t.appealed.to_string()),
                            ("whole", &t.decided.to_string())
                        ]
                    )
                ),
            },
            svg::Bar {
                label: self.t("board-rate-reopen"),
                value: t.reopen_rate_pct,
                max: 100.0,
                text: format!("{} ({})", self.n.pct(t.reopen_rate_pct), t.reopened),
            },
        ];
        let mut chart = self.bars_chart(
            "c-rates",
            "board-chart-rates",
            self.t("board-chart-rates-read"),
            ["board-col-name", "board-col-share"],
            bars,
            true,
        );
        chart.table = self.by_period(&[
            ("board-col-appealed", &|m| self.n.count(m.appealed)),
            ("board-rate-appeal", &|m| self.n.pct(m.appeal_rate_pct)),
            ("board-col-reopened", &|m| self.n.count(m.reopened)),
            ("board-rate-reopen", &|m| self.n.pct(m.reopen_rate_pct)),
        ]);
        chart
    }

    fn recusals(&self) -> Chart {
        let name = self.t("board-series-recusals");
        let title = self.t("board-chart-recusals");
        let read = self.t("board-chart-recusals-read");
        let desc = format!(
            "{read} {}: {}.",
            self.t("board-total"),
            self.report.total.recusals
        );
        let svg = svg::columns(
            "c-recusals",
            &title,
            &desc,
            &self.axis,
            &[svg::Series {
                name: &name,
                values: self.series(|m| Some(f64::from(m.recusals))),
            }],
        );
        let table = self.by_period(&[("board-series-recusals", &|m| self.n.count(m.recusals))]);
        self.chart("c-recusals", "board-chart-recusals", read, svg, table)
    }

    fn privacy(&self) -> Chart {
        let t = &self.report.total;
        let of = |part: u32, whole: u32| {
            self.tr.t_args(
                "board-of",
                &[("part", &part.to_string()), ("whole", &whole.to_string())],
            )
        };
        let outsider = share(t.outsider_views, t.views);
        let bars = vec![
            svg::Bar {
                label: self.t("board-privacy-returned"),
                value: t.anonymous_returned_pct,
                max: 100.0,
                text: self.n.pct(t.anonymous_returned_pct),
            },
            svg::Bar {
                label: self.t("board-privacy-outsider"),
                value: outsider,
                max: 100.0,
                text: format!(
                    "{} ({})",
                    self.n.pct(outsider),
                    of(t.outsider_views, t.views)
                ),
            },
        ];
        let mut chart = self.bars_chart(
            "c-privacy",
            "board-chart-privacy",
            self.t("board-chart-privacy-read"),
            ["board-col-name", "board-col-share"],
            bars,
            true,
        );
        chart.table = self.by_period(&[
            ("board-col-anonymous", &|m| self.n.count(m.anonymous)),
            ("board-privacy-returned", &|m| {
                self.n.pct(m.anonymous_returned_pct)
            }),
            ("board-col-views", &|m| self.n.count(m.views)),
            ("board-col-outsider-views", &|m| {
                self.n.count(m.outsider_views)
            }),
            ("board-privacy-erased", &|m| self.n.count(m.erased)),
        ]);
        chart
    }

    /// The display name of a breakdown value.
    fn name(&self, dim: Dimension, id: &str) -> String {
        let fr = self.tr.lang == "fr";
        let named = |list: &[Named]| list.iter().find(|n| n.id == id).map(|n| n.name.clone());
        let found = match dim {
            Dimension::Program => named(self.programs),
            Dimension::Site => named(self.sites),
            Dimension::ServiceStream if id == "unspecified" => Some(self.t("board-unspecified")),
            Dimension::ServiceStream => self
                .reference
                .service_streams
                .iter()
                .find(|s| s.id == id)
                .map(|s| {
                    if fr {
                        s.title_fr.clone()
                    } else {
                        self.tr
                            .t_own(&format!("stream-{id}"))
                            .unwrap_or_else(|| s.title.clone())
                    }
                }),
            Dimension::Channel => self.tr.t_opt(&format!("board-channel-{id}")),
            Dimension::Language => LANGUAGES
                .iter()
                .map(|(c, n, _)| (*c, *n))
                .chain(super::public::INTERPRETER_LANGUAGES.iter().copied())
                .find(|(c, _)| *c == id)
                .map(|(_, n)| n.to_owned()),
            Dimension::Right => self
                .reference
                .client_code
                .rights
                .iter()
                .find(|r| r.id == id)
                .map(|r| match self.tr.lang {
                    "en" => r.title.clone(),
                    "fr" => r.title_fr.clone(),
                    _ => self
                        .tr
                        .t_own(&format!("right-{id}"))
                        .unwrap_or_else(|| r.title.clone()),
                }),
            Dimension::FrameworkArea if id == "unknown" => Some(self.t("board-unknown-area")),
            Dimension::FrameworkArea => self
                .reference
                .framework
                .areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| {
                    if fr {
                        a.title_fr.clone()
                    } else {
                        a.title.clone()
                    }
                }),
        };
        found.unwrap_or_else(|| id.to_owned())
    }

    fn breakdowns(&self) -> Vec<Breakdown> {
        let cols: [(&str, Cell); 8] = [
            ("board-col-received", &|m| self.n.count(m.received)),
            ("board-col-open", &|m| self.n.count(m.open)),
            ("board-col-ack-on-time", &|m| {
                self.n.pct(m.acknowledged_within_target_pct)
            }),
            ("board-col-decided-on-time", &|m| {
                self.n.pct(m.decided_within_target_pct)
            }),
            ("board-col-median-decide", &|m| {
                self.n.opt(m.median_days_to_decide)
            }),
            ("board-col-appeal-rate", &|m| self.n.pct(m.appeal_rate_pct)),
            ("board-col-actions", &|m| self.n.count(m.actions_opened)),
            ("board-col-rating", &|m| {
                self.n.opt(m.satisfaction.average_rating)
            }),
        ];
        Dimension::ALL
            .iter()
            .map(|&dim| {
                let id = dimension_id(dim);
                let mut head = vec![self.t("board-col-name")];
                head.extend(cols.iter().map(|(h, _)| self.t(h)));
                let rows = self
                    .report
                    .breakdowns
                    .get(&dim)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|(v, m)| {
                        let mut r = vec![self.name(dim, v)];
                        r.extend(cols.iter().map(|(_, f)| f(m)));
                        r
                    })
                    .collect();
                Breakdown {
                    id,
                    title: self.t(&format!("board-dim-{id}")),
                    table: Table { head, rows },
                }
            })
            .collect()
    }

    fn key(&self) -> Vec<(String, String)> {
        let t = &self.report.total;
        vec![
            (self.t("board-key-received"), self.n.count(t.received)),
            (self.t("board-key-open"), self.n.count(t.open)),
            (self.t("board-key-decided"), self.n.count(t.decided)),
            (
                self.t("board-key-ack-on-time"),
                self.n.pct(t.acknowledged_within_target_pct),
            ),
            (
                self.t("board-key-decided-on-time"),
                self.n.pct(t.decided_within_target_pct),
            ),
            (self.t("board-key-overdue"), self.n.count(t.actions_overdue)),
            (
                self.t("board-key-rating"),
                t.satisfaction.average_rating.map_or_else(
                    || self.n.no_data.clone(),
                    |r| self.tr.t_args("board-out-of-5", &[("n", &self.n.num(r))]),
                ),
            ),
        ]
    }

    fn sections(&self) -> Vec<Section> {
        let rights = self
            .reference
            .client_code
            .rights
            .iter()
            .map(|r| r.id.clone())
            .collect();
        let areas = self
            .reference
            .framework
            .areas
            .iter()
            .map(|a| a.id.clone())
            .collect();
        let section = |id, title: &str, charts| Section {
            id,
            title: self.t(title),
            charts,
        };
        vec![
            section("volumes", "board-section-volumes", vec![self.volumes()]),
            section(
                "timeliness",
                "board-section-timeliness",
                vec![
                    self.timeliness(),
                    self.days("c-ack-days", "board-chart-ack-days", self.targets.0, true),
                    self.days(
                        "c-decide-days",
                        "board-chart-decide-days",
                        self.targets.1,
                        false,
                    ),
                ],
            ),
            section(
                "outcomes",
                "board-section-outcomes",
                vec![self.outcomes(), self.actions()],
            ),
            section(
                "topics",
                "board-section-topics",
                vec![
                    self.concerned("c-rights", "board-chart-rights", Dimension::Right, rights),
                    self.concerned(
                        "c-areas",
                        "board-chart-areas",
                        Dimension::FrameworkArea,
                        areas,
                    ),
                ],
            ),
            section(
                "satisfaction",
                "board-section-satisfaction",
                vec![self.satisfaction()],
            ),
            section(
                "safeguards",
                "board-section-safeguards",
                vec![self.rates(), self.recusals(), self.privacy()],
            ),
        ]
    }
}

fn granularities(tr: &Tr) -> Vec<(&'static str, String)> {
    ["month", "quarter", "year"]
        .into_iter()
        .map(|g| (g, tr.t(&format!("board-granularity-{g}"))))
        .collect()
}

/// The dashboard.
pub fn dashboard(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.staff_with(ROLES)?;
    let tr = &ctx.tr;
    let now = ctx.app.service.now();
    let form = ctx.req.query();
    let today = ctx.app.service.read(|m| m.clocks().local_date(now));
    let query = match read_query(&form, today, tr) {
        Ok(q) => q,
        Err(errors) => {
            let typed = Typed {
                granularity: form.get("granularity").unwrap_or("quarter").to_owned(),
                from: form.get("from").unwrap_or_default().to_owned(),
                to: form.get("to").unwrap_or_default().to_owned(),
            };
            let page = Page {
                l: Layout::new(ctx, "board-title"),
                typed,
                granularities: granularities(tr),
                errors,
                view: None,
            };
            return render(page).map(|r| r.status(StatusCode::BAD_REQUEST));
        }
    };
    let (report, reference, programs, sites, targets) = ctx.app.service.read(|m| {
        let settings = &m.org().settings;
        (
            m.dashboard(&query, now),
            m.reference().clone(),
            settings.programs.clone(),
            settings.sites.clone(),
            (
                m.clocks().acknowledge_business_days(),
                m.clocks().decide_calendar_days(),
            ),
        )
    });
    let labels = labels(tr, &report, &query);
    let axis = labels
        .iter()
        .map(|l| (l.short.clone(), l.year.clone()))
        .collect();
    let b = Builder {
        tr,
        n: Numbers::new(tr),
        report: &report,
        labels,
        axis,
        reference: &reference,
        programs: &programs,
        sites: &sites,
        targets,
    };
    let view = View {
        range: tr.t_args(
            "board-range",
            &[
                ("from", &query.from.to_string()),
                ("to", &query.to.to_string()),
            ],
        ),
        query: query_string(&query),
        targets: tr.t_args(
            "board-targets",
            &[
                ("ack", &targets.0.to_string()),
                ("decide", &targets.1.to_string()),
            ],
        ),
        key: b.key(),
        sections: b.sections(),
        breakdowns: b.breakdowns(),
    };
    render(Page {
        l: Layout::new(ctx, "board-title"),
        typed: Typed {
            granularity: granularity_id(query.granularity).to_owned(),
            from: query.from.to_string(),
            to: query.to.to_string(),
        },
        granularities: granularities(tr),
        errors: vec![],
        view: Some(view),
    })
}

/// The report of an export request (same roles and parameters as the page), or why not.
fn export_report(ctx: &Ctx) -> Result<(Query, Report, (u32, u32)), WebError> {
    ctx.staff_with(ROLES)?;
    let now = ctx.app.service.now();
    let today = ctx.app.service.read(|m| m.clocks().local_date(now));
    let query = read_query(&ctx.req.query(), today, &ctx.tr).map_err(|errors| {
        let messages: Vec<String> = errors.into_iter().map(|(_, m)| m).collect();
        WebError::BadRequest(messages.join(" "))
    })?;
    Ok(ctx.app.service.read(|m| {
        (
            query,
            m.dashboard(&query, now),
            (
                m.clocks().acknowledge_business_days(),
                m.clocks().decide_calendar_days(),
            ),
        )
    }))
}

/// A CSV field, quoted when it must be (RFC 4180).
fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The columns of the CSV export after `period,from,to`: the [`Metrics`] field names, and
/// one `outcome_<name>` column per outcome (the targets in force follow, in `csv`).
fn csv_columns() -> Vec<Column> {
    fn c(n: u32) -> String {
        n.to_string()
    }
    fn o(x: Option<f64>) -> String {
        x.map(|x| x.to_string()).unwrap_or_default()
    }
    type Col = (&'static str, fn(&Metrics) -> String);
    let before: [Col; 11] = [
        ("received", |m| c(m.received)),
        ("open", |m| c(m.open)),
        ("acknowledged", |m| c(m.acknowledged)),
        ("acknowledged_within_target_pct", |m| {
            o(m.acknowledged_within_target_pct)
        }),
        ("median_days_to_acknowledge", |m| {
            o(m.median_days_to_acknowledge)
        }),
        ("p90_days_to_acknowledge", |m| o(m.p90_days_to_acknowledge)),
        ("decided", |m| c(m.decided)),
        ("decided_within_target_pct", |m| {
            o(m.decided_within_target_pct)
        }),
        ("median_days_to_decide", |m| o(m.median_days_to_decide)),
        ("p90_days_to_decide", |m| o(m.p90_days_to_decide)),
        ("appealed", |m| c(m.appealed)),
    ];
    let after: [Col; 17] = [
        ("appeal_rate_pct", |m| o(m.appeal_rate_pct)),
        ("reopened", |m| c(m.reopened)),
        ("reopen_rate_pct", |m| o(m.reopen_rate_pct)),
        ("actions_opened", |m| c(m.actions_opened)),
        ("actions_overdue", |m| c(m.actions_overdue)),
        ("actions_verified", |m| c(m.actions_verified)),
        ("actions_waived", |m| c(m.actions_waived)),
        ("recusals", |m| c(m.recusals)),
        ("satisfaction_responses", |m| c(m.satisfaction.responses)),
        ("satisfaction_average_rating", |m| {
            o(m.satisfaction.average_rating)
        }),
        ("satisfaction_explained_pct", |m| {
            o(m.satisfaction.explained_pct)
        }),
        ("satisfaction_fair_pct", |m| o(m.satisfaction.fair_pct)),
        ("anonymous", |m| c(m.anonymous)),
        ("anonymous_returned_pct", |m| o(m.anonymous_returned_pct)),
        ("views", |m| c(m.views)),
        ("outsider_views", |m| c(m.outsider_views)),
        ("erased", |m| c(m.erased)),
    ];
    let mut cols: Vec<Column> = Vec::new();
    for (name, f) in before {
        cols.push((name.to_owned(), Box::new(f)));
    }
    for outcome in Outcome::ALL {
        let key = outcome.as_str();
        cols.push((
            format!("outcome_{key}"),
            Box::new(move |m: &Metrics| c(m.outcomes.get(key).copied().unwrap_or(0))),
        ));
    }
    for (name, f) in after {
        cols.push((name.to_owned(), Box::new(f)));
    }
    cols
}

/// The CSV export: a header row, one row per period, and the total.
pub fn csv(ctx: &Ctx) -> Result<Response, WebError> {
    let (query, report, targets) = export_report(ctx)?;
    let cols = csv_columns();
    let mut out = String::with_capacity(256 * (report.periods.len() + 2));
    out.push_str("period,from,to");
    for (name, _) in &cols {
        out.push(',');
        out.push_str(name);
    }
    out.push_str(",target_acknowledge_business_days,target_decide_calendar_days\r\n");
    let mut row = |period: &str, from: Date, to: Date, m: &Metrics| {
        csv_field(&mut out, period);
        let _ = write!(out, ",{from},{to}");
        for (_, f) in &cols {
            out.push(',');
            csv_field(&mut out, &f(m));
        }
        let _ = write!(out, ",{},{}\r\n", targets.0, targets.1);
    };
    for (p, m) in &report.periods {
        let from = p.start().max(query.from);
        let to = p.end().min(query.to);
        row(&p.to_string(), from, to, m);
    }
    row("total", query.from, query.to, &report.total);
    Ok(
        Response::new(StatusCode::OK, "text/csv; charset=utf-8", out).header(
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"recourse-dashboard.csv\"",
        ),
    )
}

/// The JSON export: the query, the targets in force, and the report as the projections
/// serialize it.
pub fn json(ctx: &Ctx) -> Result<Response, WebError> {
    let (query, report, targets) = export_report(ctx)?;
    let body = serde_json::json!({
        "query": query,
        "targets": {
            "acknowledge_business_days": targets.0,
            "decide_calendar_days": targets.1,
        },
        "report": report,
    });
    Ok(Response::json(&body).header(
        header::CONTENT_DISPOSITION,
        "attachment; filename=\"recourse-dashboard.json\"",
    ))
}

/// Charts as SVG strings: grouped columns and lines by period, and horizontal bars. Every
/// text is escaped; colours pass WCAG AA against white (text 4.5:1, marks 3:1 with room),
/// and series differ by pattern, dash and marker shape too, named in a legend.
pub mod svg {
    use std::fmt::Write as _;

    const INK: &str = "#1b1b1b";
    const MUTED: &str = "#4a4a4a";
    const GRID: &str = "#d4d4d4";
    const TRACK: &str = "#e6e6e6";
    /// Blue 7.9:1, brown 7.4:1, green 6.6:1, purple 9.6:1 against white.
    const COLOURS: [&str; 4] = ["#0b5394", "#8a3b00", "#1d6b2f", "#6a1b9a"];
    const DASHES: [&str; 4] = ["", "7 4", "2 3", "10 3 2 3"];
    const FONT: f64 = 16.0;
    const SMALL: f64 = 14.0;
    const VALUE: f64 = 13.0;
    /// Charts are drawn for the width a phone gives them (its 360 px less the page's and
    /// the figure's margins), with large text: there they show at about 80%, text at 11 px
    /// and more; wider screens show them at 1.3 times (`open`).
    const WIDTH: f64 = 300.0;
    const PLOT_HEIGHT: f64 = 170.0;

    /// Text made safe for SVG text and attribute values.
    pub fn esc(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    /// A rough width of `s` in a sans-serif font of `size` (no font metrics on the server).
    fn text_width(s: &str, size: f64) -> f64 {
        s.chars().count() as f64 * size * 0.58
    }

    /// One series of a chart by period.
    pub struct Series<'a> {
        /// Its name, in the legend.
        pub name: &'a str,
        /// One value per period; `None` where there is nothing to measure.
        pub values: Vec<Option<f64>>,
    }

    /// One horizontal bar.
    pub struct Bar {
        /// What it is.
        pub label: String,
        /// Its value (`None`: nothing to measure).
        pub value: Option<f64>,
        /// The value of a full-width bar.
        pub max: f64,
        /// The value as written.
        pub text: String,
    }

    /// The vertical scale of a chart by period.
    pub enum Scale {
        /// 0 to 100.
        Percent,
        /// 0 to a round number above the largest value.
        Auto,
    }

    fn open(out: &mut String, id: &str, w: f64, h: f64, title: &str, desc: &str) {
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{:.0}\" \
             height=\"{:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" focusable=\"false\" \
             font-family=\"system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif\" \
             direction=\"ltr\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
            w * 1.3,
            h * 1.3,
            esc(title),
            esc(desc)
        );
    }

    /// The fill of series `i`: solid for the first, patterns for the others.
    fn fill(id: &str, i: usize) -> String {
        if i == 0 {
            COLOURS[0].to_owned()
        } else {
            format!("url(#{id}-p{i})")
        }
    }

    fn patterns(out: &mut String, id: &str, n: usize) {
        if n < 2 {
            return;
        }
        out.push_str("<defs>");
        for (i, c) in COLOURS.iter().enumerate().take(n).skip(1) {
            // Diagonal stripes, dots, cross-hatch.
            let marks = match i {
                1 => format!("<path d=\"M0 0V6\" stroke=\"{c}\" stroke-width=\"3\"/>"),
                2 => format!("<circle cx=\"3\" cy=\"3\" r=\"1.8\" fill=\"{c}\"/>"),
                _ => format!("<path d=\"M0 0V6M0 0H6\" stroke=\"{c}\" stroke-width=\"2\"/>"),
            };
            let rotate = if i == 1 {
                " patternTransform=\"rotate(45)\""
            } else {
                ""
            };
            let _ = write!(
                out,
                "<pattern id=\"{id}-p{i}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"{rotate}>\
                 <rect width=\"6\" height=\"6\" fill=\"#fff\"/>{marks}</pattern>"
            );
        }
        out.push_str("</defs>");
    }

    /// The frame of a chart by period: legend on top, value axis on the left, periods below.
    struct Frame {
        left: f64,
        top: f64,
        plot_w: f64,
        slot: f64,
        max: f64,
        ticks: Vec<f64>,
        width: f64,
        height: f64,
    }

    impl Frame {
        /// The frame below a legend `legend_h` high. It keeps the chart's width whatever the
        /// number of periods (the page's style shrinks an SVG to fit, so a wider chart would
        /// only make its text smaller): columns get thinner and period labels sparser.
        fn new(periods: usize, legend_h: f64, max: f64, tick: &dyn Fn(f64) -> String) -> Frame {
            let (max, step) = match max {
                m if m <= 0.0 => (4.0, 1.0),
                m => {
                    let raw = m / 4.0;
                    let mag = 10f64.powf(raw.log10().floor());
                    let step = [1.0, 2.0, 5.0, 10.0]
                        .iter()
                        .map(|k| k * mag)
                        .find(|s| *s >= raw)
                        .unwrap_or(10.0 * mag)
                        .max(1.0);
                    ((m / step).ceil() * step, step)
                }
            };
            let ticks: Vec<f64> = (0..)
                .map(|i| f64::from(i) * step)
                .take_while(|t| *t <= max + step / 2.0)
                .collect();
            let left = ticks
                .iter()
                .map(|t| text_width(&tick(*t), SMALL) * 1.15)
                .fold(0.0, f64::max)
                + 10.0;
            let n = periods.max(1) as f64;
            let plot_w = WIDTH - left - 8.0;
            let top = legend_h + 20.0;
            Frame {
                left,
                top,
                plot_w,
                slot: plot_w / n,
                max,
                ticks,
                width: left + plot_w + 8.0,
                height: top + PLOT_HEIGHT + 42.0,
            }
        }

        fn y(&self, v: f64) -> f64 {
            self.top + PLOT_HEIGHT - (v / self.max).clamp(0.0, 1.0) * PLOT_HEIGHT
        }

        fn bottom(&self) -> f64 {
            self.top + PLOT_HEIGHT
        }

        /// Grid, value axis and period labels (as many as fit).
        fn draw(&self, out: &mut String, axis: &[(String, String)], tick: &dyn Fn(f64) -> String) {
            for t in &self.ticks {
                let y = self.y(*t);
                let _ = write!(
                    out,
                    "<path d=\"M{:.1} {y:.1}H{:.1}\" stroke=\"{GRID}\"/>\
                     <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{SMALL}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
                    self.left,
                    self.left + self.plot_w,
                    self.left - 6.0,
                    y + 4.0,
                    esc(&tick(*t))
                );
            }
            let _ = write!(
                out,
                "<path d=\"M{:.1} {:.1}H{:.1}\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
                self.left,
                self.bottom(),
                self.left + self.plot_w
            );
            let need = axis
                .iter()
                .map(|(s, _)| text_width(s, SMALL))
                .fold(0.0, f64::max)
                + 6.0;
            let every = (need / self.slot).ceil().max(1.0) as usize;
            // The year under the first label and the first of each year, where it fits.
            let (mut last_year, mut last_x) = ("", f64::MIN);
            for (i, (short, year)) in axis.iter().enumerate() {
                if i % every != 0 {
                    continue;
                }
                let x = self.left + (i as f64 + 0.5) * self.slot;
                let _ = write!(
                    out,
                    "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{SMALL}\" text-anchor=\"middle\" fill=\"{INK}\">{}",
                    self.bottom() + 18.0,
                    esc(short)
                );
                if !year.is_empty()
                    && year != last_year
                    && x - last_x >= text_width(year, SMALL) + 6.0
                {
                    let _ = write!(out, "<tspan x=\"{x:.1}\" dy=\"17\">{}</tspan>", esc(year));
                    (last_year, last_x) = (year, x);
                }
                out.push_str("</text>");
            }
        }
    }

    /// A legend: entries one under the other, each a sample (drawn at x 0..28) and a name
    /// wrapped to the chart's width. Returns it and its height.
    fn legend(entries: &[(String, &str)]) -> (String, f64) {
        let per_line = ((WIDTH - 36.0) / (FONT * 0.6)) as usize;
        let mut out = String::new();
        let mut y = 2.0;
        for (sample, name) in entries {
            let _ = write!(out, "<g transform=\"translate(0 {y:.0})\">{sample}");
            let lines = wrap(name, per_line);
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    out,
                    "<text x=\"36\" y=\"{:.0}\" font-size=\"{FONT}\" fill=\"{INK}\">{}</text>",
                    15.0 + k as f64 * 19.0,
                    esc(line)
                );
            }
            out.push_str("</g>");
            y += 24.0 + lines.len().saturating_sub(1) as f64 * 19.0;
        }
        (out, y)
    }

    fn largest(series: &[Series]) -> f64 {
        series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .copied()
            .fold(0.0, f64::max)
    }

    fn whole(v: f64) -> String {
        format!("{v}")
    }

    /// Grouped columns by period: one column per series in each period.
    pub fn columns(
        id: &str,
        title: &str,
        desc: &str,
        axis: &[(String, String)],
        series: &[Series],
    ) -> String {
        let k = series.len().max(1);
        let entries: Vec<(String, &str)> = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let sample = format!(
                    "<rect x=\"4\" y=\"1\" width=\"20\" height=\"16\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                    fill(id, i),
                    COLOURS[i % COLOURS.len()]
                );
                (sample, s.name)
            })
            .collect();
        let (legend, legend_h) = legend(&entries);
        let f = Frame::new(axis.len(), legend_h, largest(series), &whole);
        let mut out = String::with_capacity(2048 + axis.len() * k * 120);
        open(&mut out, id, f.width, f.height, title, desc);
        patterns(&mut out, id, k);
        out.push_str(&legend);
        f.draw(&mut out, axis, &whole);
        let group = f.slot * 0.8;
        let bar = group / k as f64;
        let widest = series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .map(|v| text_width(&whole(*v), VALUE))
            .fold(0.0, f64::max);
        let labelled = widest <= bar + 2.0;
        for (p, _) in axis.iter().enumerate() {
            let x0 = f.left + p as f64 * f.slot + (f.slot - group) / 2.0;
            for (i, s) in series.iter().enumerate() {
                let Some(v) = s.values.get(p).copied().flatten() else {
                    continue;
                };
                let x = x0 + i as f64 * bar;
                let y = f.y(v);
                if v > 0.0 {
                    let _ = write!(
                        out,
                        "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                        x + 0.75,
                        (bar - 1.5).max(1.0),
                        f.bottom() - y,
                        fill(id, i),
                        COLOURS[i % COLOURS.len()]
                    );
                }
                if labelled {
                    let _ = write!(
                        out,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{VALUE}\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
                        x + bar / 2.0,
                        y - 4.0,
                        whole(v)
                    );
                }
            }
        }
        out.push_str("</svg>");
        out
    }

    fn marker(out: &mut String, i: usize, x: f64, y: f64) {
        let c = COLOURS[i % COLOURS.len()];
        let _ = match i % 4 {
            0 => write!(
                out,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"{c}\"/>"
            ),
            1 => write!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"{c}\" stroke-width=\"2.5\"/>",
                x - 4.0,
                y - 4.0
            ),
            2 => write!(
                out,
                "<path d=\"M{x:.1} {:.1}l5 5-5 5-5-5z\" fill=\"{c}\"/>",
                y - 5.0
            ),
            _ => write!(
                out,
                "<path d=\"M{x:.1} {:.1}l5 9h-10z\" fill=\"{c}\"/>",
                y - 5.0
            ),
        };
    }

    /// Lines by period, with a marker at each value; a gap where there is nothing to measure;
    /// and a dotted reference line (a target) if given.
    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        id: &str,
        title: &str,
        desc: &str,
        axis: &[(String, String)],
        series: &[Series],
        scale: Scale,
        reference: Option<(f64, &str)>,
        tick: &dyn Fn(f64) -> String,
    ) -> String {
        let max = match scale {
            Scale::Percent => 100.0,
            Scale::Auto => largest(series).max(reference.map_or(0.0, |r| r.0)),
        };
        let mut entries: Vec<(String, &str)> = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut sample = format!(
                    "<path d=\"M0 9H28\" stroke=\"{}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\"/>",
                    COLOURS[i % COLOURS.len()],
                    DASHES[i % DASHES.len()]
                );
                marker(&mut sample, i, 14.0, 9.0);
                (sample, s.name)
            })
            .collect();
        if let Some((_, label)) = reference {
            let sample = format!(
                "<path d=\"M0 9H28\" stroke=\"{MUTED}\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>"
            );
            entries.push((sample, label));
        }
        let (legend, legend_h) = legend(&entries);
        let f = Frame::new(axis.len(), legend_h, max, tick);
        let mut out = String::with_capacity(2048 + axis.len() * series.len() * 100);
        open(&mut out, id, f.width, f.height, title, desc);
        out.push_str(&legend);
        f.draw(&mut out, axis, tick);
        if let Some((v, _)) = reference {
            let _ = write!(
                out,
                "<path d=\"M{:.1} {:.1}H{:.1}\" stroke=\"{MUTED}\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>",
                f.left,
                f.y(v),
                f.left + f.plot_w
            );
        }
        for (i, s) in series.iter().enumerate() {
            let mut d = String::new();
            let mut pen_down = false;
            for (p, v) in s.values.iter().enumerate() {
                match v {
                    Some(v) => {
                        let x = f.left + (p as f64 + 0.5) * f.slot;
                        let _ = write!(
                            d,
                            "{}{x:.1} {:.1}",
                            if pen_down { "L" } else { "M" },
                            f.y(*v)
                        );
                        pen_down = true;
                    }
                    None => pen_down = false,
                }
            }
            if !d.is_empty() {
                let _ = write!(
                    out,
                    "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\" stroke-linejoin=\"round\"/>",
                    COLOURS[i % COLOURS.len()],
                    DASHES[i % DASHES.len()]
                );
            }
            // Markers only where periods are far enough apart to tell them.
            for (p, v) in s.values.iter().enumerate().filter(|_| f.slot >= 9.0) {
                if let Some(v) = v {
                    marker(&mut out, i, f.left + (p as f64 + 0.5) * f.slot, f.y(*v));
                }
            }
        }
        out.push_str("</svg>");
        out
    }

    /// Words of `s` in lines of at most `max` characters (a longer word gets its own line).
    fn wrap(s: &str, max: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in s.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Horizontal bars, each under its label, its value written at its end. With `track`,
    /// each bar is drawn over a light track of its full scale (a share, a rating out of 5).
    pub fn hbars(
        id: &str,
        title: &str,
        desc: &str,
        bars: &[Bar],
        track: bool,
        no_data: &str,
    ) -> String {
        let per_line = (WIDTH / (FONT * 0.58)) as usize;
        let mut body = String::with_capacity(512 + bars.len() * 300);
        let mut y = 4.0;
        for b in bars {
            for line in wrap(&b.label, per_line) {
                let _ = write!(
                    body,
                    "<text x=\"0\" y=\"{:.1}\" font-size=\"{FONT}\" fill=\"{INK}\">{}</text>",
                    y + FONT,
                    esc(&line)
                );
                y += FONT + 4.0;
            }
            y += 2.0;
            if track {
                let _ = write!(
                    body,
                    "<rect x=\"0\" y=\"{y:.1}\" width=\"{WIDTH:.1}\" height=\"20\" fill=\"{TRACK}\"/>"
                );
            }
            let len = match b.value {
                Some(v) if b.max > 0.0 => (v / b.max).clamp(0.0, 1.0) * WIDTH,
                _ => 0.0,
            };
            if len > 0.0 {
                let _ = write!(
                    body,
                    "<rect x=\"0\" y=\"{y:.1}\" width=\"{len:.1}\" height=\"20\" fill=\"{}\"/>",
                    COLOURS[0]
                );
            }
            let text = if b.value.is_some() {
                b.text.as_str()
            } else {
                no_data
            };
            // Digits and % are wider than the average letter.
            let w = text_width(text, FONT) * 1.15;
            // After the bar if it fits, else inside its end, in white on the bar's blue.
            let (x, anchor, colour) = if len + 6.0 + w <= WIDTH {
                (len + 6.0, "start", INK)
            } else {
                (len - 6.0, "end", "#fff")
            };
            let _ = write!(
                body,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{FONT}\" text-anchor=\"{anchor}\" fill=\"{colour}\">{}</text>",
                y + 15.0,
                esc(text)
            );
            y += 20.0 + 14.0;
        }
        let mut out = String::with_capacity(body.len() + 512);
        open(&mut out, id, WIDTH, y, title, desc);
        out.push_str(&body);
        out.push_str("</svg>");
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn text_is_escaped_and_charts_are_labelled() {
            let axis = vec![("Q1".to_owned(), "2026".to_owned()); 3];
            let svg = columns(
                "x",
                "<script>",
                "a & b",
                &axis,
                &[Series {
                    name: "\"quoted\"",
                    values: vec![Some(1.0), None, Some(3.0)],
                }],
            );
            assert!(svg.contains("&lt;script&gt;") && !svg.contains("<script>"));
            assert!(svg.contains("a &amp; b") && svg.contains("&quot;quoted&quot;"));
            assert!(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"x-t x-d\""));
            let bars = hbars(
                "h",
                "t",
                "d",
                &[Bar {
                    label: "<b>".into(),
                    value: None,
                    max: 1.0,
                    text: String::new(),
                }],
                true,
                "no data",
            );
            assert!(bars.contains("&lt;b&gt;") && bars.contains("no data"));
        }

        #[test]
        fn lines_break_where_there_is_nothing_to_measure() {
            let axis = vec![("a".to_owned(), String::new()); 4];
            let svg = lines(
                "l",
                "t",
                "d",
                &axis,
                &[Series {
                    name: "s",
                    values: vec![Some(1.0), Some(2.0), None, Some(4.0)],
                }],
                Scale::Auto,
                Some((3.0, "target")),
                &|v| v.to_string(),
            );
            let path = svg
                .split("<path d=\"")
                .find(|p| p.contains("fill=\"none\""));
            let d = path.unwrap().split('"').next().unwrap();
            assert_eq!(d.matches('M').count(), 2, "{d}");
            assert!(svg.contains("target"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn tr() -> Tr {
        Tr::new(
            std::sync::Arc::new(crate::web::i18n::Catalog::load().unwrap()),
            "en",
        )
    }

    fn form(q: &str) -> Form {
        Form::new(crate::web::http::parse_pairs(q))
    }

    #[test]
    fn the_default_is_eight_quarters_up_to_today() {
        let today = date(2026, 11, 23);
        let q = read_query(&form(""), today, &tr()).unwrap();
        assert_eq!(q.granularity, Granularity::Quarter);
        assert_eq!((q.from, q.to), (date(2025, 1, 1), today));
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
            let errors = read_query(&form(q), today, &t).unwrap_err();
            assert_eq!(errors[0].0, field, "{q}");
            assert!(!errors[0].1.starts_with("board-"), "{q}: {errors:?}");
        }
        let ten = read_query(
            &form("granularity=year&from=2016-01-01&to=2026-01-01"),
            today,
            &t,
        );
        assert!(ten.is_ok());
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

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut s = String::new();
        csv_field(&mut s, "a,\"b\"");
        assert_eq!(s, "\"a,\"\"b\"\"\"");
    }
}
