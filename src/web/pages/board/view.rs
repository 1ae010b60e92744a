//! The view of a report: the period labels, the tables by period, the breakdowns, the key
//! figures and the sections of charts ([`super::charts`]), every text in the page's
//! language. Only the figures of the projections' published report reach it: a suppressed
//! group of a breakdown is written "not shown" (or "fewer than 5" where it can only be that),
//! with none of its figures.

use recourse_events::org::Named;
use recourse_projections::dashboard::{Dimension, Granularity, Group, Metrics, Published, Query};
use recourse_projections::framework::Reference;

use super::form::query_string;
use super::numbers::Numbers;
use crate::service::DashboardReport;
use crate::web::i18n::{LANGUAGES, Tr};

/// A figure of a [`Metrics`], as written in a table cell.
pub(super) type Cell<'a> = &'a dyn Fn(&Metrics) -> String;

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
    pub(super) range: String,
    pub(super) query: String,
    pub(super) targets: String,
    pub(super) key: Vec<(String, String)>,
    pub(super) sections: Vec<Section>,
    pub(super) breakdowns: Vec<Breakdown>,
    /// How small groups are suppressed.
    pub(super) suppressed_note: String,
    /// Systemic corrective actions by period, then the total.
    pub(super) systemic: Table,
}

impl View {
    /// The view of the application's report, in `tr`'s language, with the names of the
    /// reference's rights and areas and the settings' programs and sites.
    pub(super) fn of(
        tr: &Tr,
        asked: &DashboardReport,
        reference: &Reference,
        programs: &[Named],
        sites: &[Named],
    ) -> View {
        let (query, report) = (&asked.query, &asked.report);
        let targets = (asked.acknowledge_business_days, asked.decide_calendar_days);
        let min_cell = report.min_cell.to_string();
        let labels = labels(tr, report, query);
        let axis = labels
            .iter()
            .map(|l| (l.short.clone(), l.year.clone()))
            .collect();
        let b = Builder {
            tr,
            n: Numbers::new(tr),
            suppressed: suppressed_texts(tr, report.min_cell),
            report,
            labels,
            axis,
            reference,
            programs,
            sites,
            targets,
        };
        let range = [
            ("from", query.from.to_string()),
            ("to", query.to.to_string()),
        ];
        let target_days = [
            ("ack", targets.0.to_string()),
            ("decide", targets.1.to_string()),
        ];
        View {
            range: tr.t_args("board-range", &[("from", &range[0].1), ("to", &range[1].1)]),
            query: query_string(query),
            targets: tr.t_args(
                "board-targets",
                &[("ack", &target_days[0].1), ("decide", &target_days[1].1)],
            ),
            key: b.key(),
            sections: b.sections(),
            breakdowns: b.breakdowns(),
            suppressed_note: tr.t_args("board-suppressed-note", &[("n", &min_cell)]),
            systemic: b.systemic(),
        }
    }
}

/// A period's labels: short and year (chart axis), and in full (tables).
pub(super) struct Label {
    pub(super) short: String,
    pub(super) year: String,
    pub(super) full: String,
}

pub(super) fn labels(tr: &Tr, report: &Published, q: &Query) -> Vec<Label> {
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
pub(super) struct Builder<'a> {
    pub(super) tr: &'a Tr,
    pub(super) n: Numbers,
    /// What a suppressed group's count reads: "not shown" where the group may be hidden as a
    /// complement (a partition), "fewer than 5" where it can only be small.
    pub(super) suppressed: (String, String),
    pub(super) report: &'a Published,
    pub(super) labels: Vec<Label>,
    pub(super) axis: Vec<(String, String)>,
    pub(super) reference: &'a Reference,
    pub(super) programs: &'a [Named],
    pub(super) sites: &'a [Named],
    pub(super) targets: (u32, u32),
}

impl Builder<'_> {
    pub(super) fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// The systemic corrective actions of each period and of the range, beside the cases'.
    pub(super) fn systemic(&self) -> Table {
        let s = &self.report.systemic;
        let cells = |f: &recourse_projections::dashboard::SystemicFigures| {
            [f.opened, f.overdue, f.completed, f.verified].map(|n| self.n.count(n))
        };
        let mut rows: Vec<Vec<String>> = self
            .labels
            .iter()
            .zip(&s.periods)
            .map(|(label, f)| {
                std::iter::once(label.full.clone())
                    .chain(cells(f))
                    .collect()
            })
            .collect();
        rows.push(
            std::iter::once(self.t("board-total"))
                .chain(cells(&s.total))
                .collect(),
        );
        Table {
            head: [
                "board-period-column",
                "systemic-board-opened",
                "systemic-board-overdue",
                "systemic-board-completed",
                "systemic-board-verified",
            ]
            .map(|id| self.t(id))
            .to_vec(),
            rows,
        }
    }

    /// A table by period: a column per (heading, figure), and the total.
    pub(super) fn by_period(&self, cols: &[(&str, Cell)]) -> Table {
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

    pub(super) fn series(&self, f: impl Fn(&Metrics) -> Option<f64>) -> Vec<Option<f64>> {
        self.report.periods.iter().map(|(_, m)| f(m)).collect()
    }

    pub(super) fn chart(
        &self,
        id: &str,
        title: &str,
        read: String,
        svg: String,
        table: Table,
    ) -> Chart {
        Chart {
            id: id.to_owned(),
            title: self.t(title),
            read,
            svg,
            table,
        }
    }

    /// The display name of a breakdown value.
    pub(super) fn name(&self, dim: Dimension, id: &str) -> String {
        let fr = self.tr.lang == "fr";
        let lang = self.tr.lang;
        let named = |list: &[Named]| {
            list.iter()
                .find(|n| n.id == id)
                .map(|n| n.name_in(lang).to_string())
        };
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
                .chain(
                    crate::web::pages::public::INTERPRETER_LANGUAGES
                        .iter()
                        .copied(),
                )
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

    pub(super) fn breakdowns(&self) -> Vec<Breakdown> {
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
                    .groups(dim)
                    .iter()
                    .map(|g| {
                        let mut r = vec![self.name(dim, &g.value)];
                        match &g.metrics {
                            Some(m) => r.extend(cols.iter().map(|(_, f)| f(m))),
                            // None of a suppressed group's figures, derived ones included.
                            None => {
                                r.push(self.suppressed_text(dim).to_owned());
                                r.extend(cols[1..].iter().map(|_| String::new()));
                            }
                        }
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

    /// What a suppressed group of `dim` reads in place of its count.
    pub(super) fn suppressed_text(&self, dim: Dimension) -> &str {
        if dim.partitions() {
            &self.suppressed.0
        } else {
            &self.suppressed.1
        }
    }

    /// The groups of a breakdown, as published.
    pub(super) fn groups(&self, dim: Dimension) -> &[Group] {
        self.report
            .breakdowns
            .get(&dim)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub(super) fn key(&self) -> Vec<(String, String)> {
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

    pub(super) fn sections(&self) -> Vec<Section> {
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

/// "not shown" and "fewer than `min`", in `tr`'s language.
fn suppressed_texts(tr: &Tr, min: u32) -> (String, String) {
    let min = min.to_string();
    (
        tr.t("board-suppressed"),
        tr.t_args("board-fewer-than", &[("n", &min)]),
    )
}

pub(super) fn dimension_id(d: Dimension) -> &'static str {
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use jiff::Timestamp;
    use jiff::civil::date;
    use recourse_projections::dashboard::{Dimension, Granularity, Metrics, Query, Report};
    use recourse_projections::framework::Reference;
    use recourse_projections::suppression::MIN_CELL;

    use super::View;
    use crate::service::DashboardReport;
    use crate::web::i18n::{Catalog, Tr};

    fn groups(counts: &[(&str, u32)]) -> Vec<(String, Metrics)> {
        counts
            .iter()
            .map(|&(v, n)| {
                let m = Metrics {
                    received: n,
                    decided_within_target_pct: Some(50.0),
                    ..Metrics::default()
                };
                (v.to_owned(), m)
            })
            .collect()
    }

    #[test]
    fn suppressed_groups_show_no_figure() {
        let reference = Reference::shipped();
        let right = reference.client_code.rights[0].clone();
        let report = Report {
            periods: vec![],
            total: Metrics {
                received: 22,
                ..Metrics::default()
            },
            breakdowns: BTreeMap::from([
                (
                    Dimension::Language,
                    groups(&[("en", 12), ("fr", 7), ("ti", 3)]),
                ),
                (Dimension::Right, groups(&[(right.id.as_str(), 2)])),
            ]),
            systemic: Default::default(),
        };
        let asked = DashboardReport {
            query: Query {
                granularity: Granularity::Quarter,
                from: date(2026, 1, 1),
                to: date(2026, 3, 31),
            },
            report: report.published(MIN_CELL),
            generated_at: Timestamp::UNIX_EPOCH,
            acknowledge_business_days: 3,
            decide_calendar_days: 30,
        };
        let tr = Tr::new(std::sync::Arc::new(Catalog::load().unwrap()), "en");
        let view = View::of(&tr, &asked, &reference, &[], &[]);
        let rows = |id: &str| {
            view.breakdowns
                .iter()
                .find(|b| b.id == id)
                .unwrap()
                .table
                .rows
                .clone()
        };
        let blank = vec![String::new(); 7];
        let hidden = |name: &str, text: &str| {
            let mut r = vec![name.to_owned(), text.to_owned()];
            r.extend(blank.clone());
            r
        };
        let language = rows("language");
        assert_eq!(language[0][..2], ["English", "12"]);
        // The 3 and its complement, the 7: neither says "fewer than 5", which the 7 is not.
        assert_eq!(language[1], hidden("Français", "not shown"));
        assert_eq!(language[2][1..], hidden("", "not shown")[1..]);
        // A right can only be hidden for being small.
        assert_eq!(rows("right")[0], hidden(&right.title, "fewer than 5"));
        let chart = view
            .sections
            .iter()
            .flat_map(|s| &s.charts)
            .find(|c| c.id == "c-rights")
            .unwrap();
        assert!(
            chart
                .table
                .rows
                .contains(&vec![right.title.clone(), "fewer than 5".to_owned()])
        );
        assert!(chart.svg.contains("fewer than 5"));
        assert!(view.suppressed_note.contains("fewer than 5 complaints"));
    }
}
