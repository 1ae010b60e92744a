//! Rate limits: a fixed window per client address and purpose (filing complaints, looking up
//! receipt codes, signing in), kept in memory. Enough to stop guessing and flooding from one
//! address; the limits are settings of the server (`--limits`), raised for load tests.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What is being limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// Filing a complaint.
    Filing,
    /// Presenting a receipt code.
    Lookup,
    /// Signing in.
    SignIn,
}

/// Allowed requests per window, per purpose.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Filings per address per window.
    pub filing: u32,
    /// Receipt look-ups per address per window.
    pub lookup: u32,
    /// Sign-in attempts per address per window.
    pub sign_in: u32,
    /// The window.
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            filing: 10,
            lookup: 30,
            sign_in: 10,
            window: Duration::from_secs(600),
        }
    }
}

/// The counters.
pub struct Limiter {
    limits: Limits,
    counts: Mutex<HashMap<(Purpose, IpAddr), (Instant, u32)>>,
}

impl Limiter {
    /// Counters for these limits.
    pub fn new(limits: Limits) -> Self {
        Limiter {
            limits,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request; false if over the limit (the request must be refused).
    pub fn allow(&self, purpose: Purpose, addr: Option<IpAddr>) -> bool {
        let Some(addr) = addr else { return true };
        let limit = match purpose {
            Purpose::Filing => self.limits.filing,
            Purpose::Lookup => self.limits.lookup,
            Purpose::SignIn => self.limits.sign_in,
        };
        let mut counts = self.counts.lock().expect("limiter lock");
        if counts.len() > 100_000 {
            counts.retain(|_, (start, _)| start.elapsed() < self.limits.window);
        }
        let entry = counts.entry((purpose, addr)).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.limits.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
        entry.1 <= limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_and_purpose_has_its_own_budget() {
        let l = Limiter::new(Limits {
            filing: 2,
            lookup: 1,
            sign_in: 1,
            window: Duration::from_secs(60),
        });
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(l.allow(Purpose::Filing, Some(a)) && l.allow(Purpose::Filing, Some(a)));
        assert!(!l.allow(Purpose::Filing, Some(a)));
        assert!(l.allow(Purpose::Filing, Some(b)));
        assert!(l.allow(Purpose::Lookup, Some(a)));
        assert!(!l.allow(Purpose::Lookup, Some(a)));
    }
}
