//! The dashboard's charts, one method each: what it shows, its SVG (drawn by [`super::svg`])
//! and the same numbers as a table.

use std::fmt::Write as _;

use recourse_events::case::Outcome;
use recourse_projections::dashboard::{Dimension, Metrics};

use super::numbers::share;
use super::svg;
use super::view::{Builder, Chart, Table};

impl Builder<'_> {
    pub(super) fn volumes(&self) -> Chart {
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

    pub(super) fn timeliness(&self) -> Chart {
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

    pub(super) fn days(&self, id: &str, title_id: &str, target: u32, ack: bool) -> Chart {
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
    pub(super) fn bars_chart(
        &self,
        id: &str,
        title_id: &str,
        read: String,
        head: [&str; 2],
        bars: Vec<svg::Bar>,
        track: bool,
    ) -> Chart {
        let no_data = self.n.no_data.clone();
        self.bars_chart_reading(id, title_id, read, head, bars, (track, &no_data))
    }

    /// [`Self::bars_chart`], bars of no value written `(track, none)`'s `none` in the picture.
    fn bars_chart_reading(
        &self,
        id: &str,
        title_id: &str,
        read: String,
        head: [&str; 2],
        bars: Vec<svg::Bar>,
        (track, none): (bool, &str),
    ) -> Chart {
        let title = self.t(title_id);
        let mut desc = read.clone();
        for b in &bars {
            let _ = write!(desc, " {}: {}.", b.label, b.text);
        }
        let svg = svg::hbars(id, &title, &desc, &bars, track, none);
        let table = Table {
            head: vec![self.t(head[0]), self.t(head[1])],
            rows: bars.into_iter().map(|b| vec![b.label, b.text]).collect(),
        };
        self.chart(id, title_id, read, svg, table)
    }

    /// Count and share of `whole`.
    pub(super) fn count_share(&self, n: u32, whole: u32) -> String {
        format!("{} ({})", self.n.count(n), self.n.pct(share(n, whole)))
    }

    pub(super) fn outcomes(&self) -> Chart {
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

    pub(super) fn actions(&self) -> Chart {
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
    /// with no complaint included: a right nobody complained about is worth seeing). A
    /// suppressed group has no bar, and reads as suppressed in the picture and the table.
    pub(super) fn concerned(
        &self,
        id: &str,
        title_id: &str,
        dim: Dimension,
        order: Vec<String>,
    ) -> Chart {
        let entries = self.groups(dim);
        let received = self.report.total.received;
        let mut ids = order;
        for g in entries {
            if !ids.contains(&g.value) {
                ids.push(g.value.clone());
            }
        }
        // The count of each value; `None` if suppressed.
        let counts: Vec<Option<u32>> = ids
            .iter()
            .map(|v| {
                entries
                    .iter()
                    .find(|g| &g.value == v)
                    .map_or(Some(0), |g| g.metrics.as_ref().map(|m| m.received))
            })
            .collect();
        let max = counts.iter().flatten().copied().max().unwrap_or(0);
        let hidden = self.suppressed_text(dim);
        let bars = ids
            .iter()
            .zip(counts)
            .map(|(v, n)| svg::Bar {
                label: self.name(dim, v),
                value: n.map(f64::from),
                max: f64::from(max),
                text: n.map_or_else(|| hidden.to_owned(), |n| self.count_share(n, received)),
            })
            .collect();
        self.bars_chart_reading(
            id,
            title_id,
            self.t(&format!("{title_id}-read")),
            ["board-col-name", "board-col-received"],
            bars,
            (false, hidden),
        )
    }

    pub(super) fn satisfaction(&self) -> Chart {
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

    pub(super) fn rates(&self) -> Chart {
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

    pub(super) fn recusals(&self) -> Chart {
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

    pub(super) fn privacy(&self) -> Chart {
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
}
