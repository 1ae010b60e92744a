//! `/metrics` in the Prometheus text format: request counts and latency by kind of route and
//! status class, and the ledger's size. No labels ever carry ids, paths or personal data.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::http::{Request, Response};

const KINDS: [&str; 7] = [
    "public", "track", "staff", "board", "api", "ledger", "other",
];
const CLASSES: [&str; 5] = ["2xx", "3xx", "4xx", "5xx", "other"];

/// Request counters.
pub struct Metrics {
    counts: Vec<AtomicU64>,
    micros: Vec<AtomicU64>,
    /// Complaints filed through this process.
    pub filed: AtomicU64,
}

impl Default for Metrics {
    fn default() -> Self {
        let n = KINDS.len() * CLASSES.len();
        Metrics {
            counts: (0..n).map(|_| AtomicU64::new(0)).collect(),
            micros: (0..n).map(|_| AtomicU64::new(0)).collect(),
            filed: AtomicU64::new(0),
        }
    }
}

fn kind(path: &str) -> usize {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match first {
        "" | "complain" | "receipt" | "lang" | "static" | "about" => 0,
        "track" => 1,
        "staff" => 2,
        "board" => 3,
        "api" => 4,
        "ledger" => 5,
        _ => 6,
    }
}

fn class(status: u16) -> usize {
    match status {
        200..=299 => 0,
        300..=399 => 1,
        400..=499 => 2,
        500..=599 => 3,
        _ => 4,
    }
}

impl Metrics {
    /// Counts a request.
    pub fn observe(&self, req: &Request, res: &Response, took: Duration) {
        let i = kind(&req.path) * CLASSES.len() + class(res.status.as_u16());
        self.counts[i].fetch_add(1, Ordering::Relaxed);
        self.micros[i].fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    /// The Prometheus exposition.
    pub fn render(
        &self,
        ledger_size: u64,
        cases: usize,
        sessions: usize,
        uptime: Duration,
    ) -> Response {
        let mut out = String::new();
        out.push_str("# HELP recourse_http_requests_total HTTP requests by kind of route and status class.\n");
        out.push_str("# TYPE recourse_http_requests_total counter\n");
        for (k, kind) in KINDS.iter().enumerate() {
            for (c, class) in CLASSES.iter().enumerate() {
                let n = self.counts[k * CLASSES.len() + c].load(Ordering::Relaxed);
                out.push_str(&format!(
                    "recourse_http_requests_total{{kind=\"{kind}\",status=\"{class}\"}} {n}\n"
                ));
            }
        }
        out.push_str("# HELP recourse_http_request_seconds_total Time spent serving requests.\n");
        out.push_str("# TYPE recourse_http_request_seconds_total counter\n");
        for (k, kind) in KINDS.iter().enumerate() {
            for (c, class) in CLASSES.iter().enumerate() {
                let us = self.micros[k * CLASSES.len() + c].load(Ordering::Relaxed);
                out.push_str(&format!("recourse_http_request_seconds_total{{kind=\"{kind}\",status=\"{class}\"}} {:.6}\n", us as f64 / 1e6));
            }
        }
        let gauges = [
            (
                "recourse_complaints_filed_total",
                "Complaints filed through this process.",
                self.filed.load(Ordering::Relaxed) as f64,
                "counter",
            ),
            (
                "recourse_ledger_entries",
                "Entries in the ledger.",
                ledger_size as f64,
                "gauge",
            ),
            (
                "recourse_cases",
                "Cases in the read model.",
                cases as f64,
                "gauge",
            ),
            (
                "recourse_staff_sessions",
                "Live staff sessions.",
                sessions as f64,
                "gauge",
            ),
            (
                "recourse_uptime_seconds",
                "Seconds since start.",
                uptime.as_secs_f64(),
                "gauge",
            ),
        ];
        for (name, help, value, kind) in gauges {
            out.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"
            ));
        }
        Response::new(
            warp::http::StatusCode::OK,
            "text/plain; version=0.0.4; charset=utf-8",
            out,
        )
    }
}
