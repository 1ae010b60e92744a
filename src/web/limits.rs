//! Rate limits, kept in memory: fixed windows per client and purpose.
//!
//! * Filing complaints and looking up receipt codes count every request, per client address.
//! * Signing in (the sign-in form, the API's `POST /api/v1/session`, the set-up form and the
//!   current-password check of a password change) counts **failures only**, twice: per client
//!   address and per account (the sign-in name, compared case-insensitively as accounts compare
//!   them). A success clears the account's failures, never the address's (or one valid account
//!   would wash an address clean between guesses at others). So a whole office behind one
//!   address signs in freely, an anonymous visitor can lock out at most the accounts they guess
//!   at (for one window), and a password is guessed at no faster than the account limit,
//!   from however many addresses.
//!
//! A client is its address as [`client_addr`] resolves it (the right-most `X-Forwarded-For`
//! entry not added by a trusted proxy), and IPv6 clients are grouped by /64, the smallest
//! block a home or office is given: one household cannot dodge the limit by cycling through
//! its own addresses.
//!
//! A refusal says how long to wait ([`Wait`]); it becomes a 429 with `Retry-After`. The
//! counters survive a panic elsewhere: a poisoned lock is taken over, not propagated.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use warp::http::HeaderMap;

/// What is being limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// Filing a complaint.
    Filing,
    /// Presenting a receipt code.
    Lookup,
    /// Failed sign-ins (and set-ups and current-password checks).
    SignIn,
}

/// Allowed requests per window, per purpose.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Filings per address per window.
    pub filing: u32,
    /// Receipt look-ups per address per window.
    pub lookup: u32,
    /// Failed sign-ins per address per window.
    pub sign_in: u32,
    /// Failed sign-ins per account per window.
    pub sign_in_account: u32,
    /// The window.
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            filing: 10,
            lookup: 30,
            sign_in: 30,
            sign_in_account: 10,
            window: Duration::from_secs(600),
        }
    }
}

/// How long a refused client must wait before trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait(pub Duration);

impl Wait {
    /// Whole seconds, at least one (the `Retry-After` value).
    pub fn seconds(&self) -> u64 {
        self.0.as_secs_f64().ceil().max(1.0) as u64
    }

    /// Whole minutes, at least one (for people).
    pub fn minutes(&self) -> u32 {
        self.seconds().div_ceil(60).min(u32::MAX as u64) as u32
    }
}

/// Who a counter counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Addr(Purpose, IpAddr),
    Account(String),
}

/// The counters.
pub struct Limiter {
    limits: Limits,
    counts: Mutex<HashMap<Key, (Instant, u32)>>,
}

/// The address a limit counts: IPv4 as is (also when mapped into IPv6), IPv6 by its /64.
pub fn bucket(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V4(_) => addr,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// The account a sign-in name belongs to, as accounts compare names.
fn account(login: &str) -> Key {
    Key::Account(login.trim().to_lowercase())
}

/// A set of networks (`--trusted-proxy`): single addresses or CIDR blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proxies(Vec<(IpAddr, u8)>);

impl std::str::FromStr for Proxies {
    type Err = String;

    /// One or more of `ADDR` or `ADDR/PREFIX`, separated by commas.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (addr, prefix) = match part.split_once('/') {
                Some((a, p)) => (a, Some(p)),
                None => (part, None),
            };
            let addr: IpAddr = addr
                .parse()
                .map_err(|_| format!("{part}: not an IP address"))?;
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let prefix = match prefix {
                Some(p) => p
                    .parse::<u8>()
                    .ok()
                    .filter(|p| *p <= max)
                    .ok_or_else(|| format!("{part}: the prefix must be 0 to {max}"))?,
                None => max,
            };
            nets.push((addr, prefix));
        }
        Ok(Proxies(nets))
    }
}

impl Proxies {
    /// Adds the networks of `other`.
    pub fn extend(&mut self, other: Proxies) {
        self.0.extend(other.0);
    }

    /// No proxy is trusted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `addr` is one of the trusted proxies.
    pub fn contains(&self, addr: IpAddr) -> bool {
        let addr = canonical(addr);
        self.0
            .iter()
            .any(|(net, prefix)| match (canonical(*net), addr) {
                (IpAddr::V4(n), IpAddr::V4(a)) => {
                    let mask = u32::MAX.checked_shl(32 - *prefix as u32).unwrap_or(0);
                    u32::from(n) & mask == u32::from(a) & mask
                }
                (IpAddr::V6(n), IpAddr::V6(a)) => {
                    let mask = u128::MAX.checked_shl(128 - *prefix as u32).unwrap_or(0);
                    u128::from(n) & mask == u128::from(a) & mask
                }
                _ => false,
            })
    }
}

fn canonical(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(addr),
        v4 => v4,
    }
}

/// The client's address: the peer, unless the peer is a trusted proxy, in which case the
/// right-most `X-Forwarded-For` entry that is not itself a trusted proxy (each proxy appends
/// the address it received the request from, so entries to the left of that one were written
/// by the client and prove nothing). A trusted peer that names no usable client counts as
/// itself. From an untrusted peer the header is ignored.
pub fn client_addr(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &Proxies) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.contains(peer) {
        return Some(peer);
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for entry in entries.iter().rev() {
        let Some(addr) = parse_forwarded(entry) else {
            // Garbage where a proxy should have written an address: trust nothing further left.
            return Some(peer);
        };
        if !trusted.contains(addr) {
            return Some(addr);
        }
    }
    Some(peer)
}

/// An `X-Forwarded-For` entry: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or `[2001:db8::1]:5678`.
fn parse_forwarded(entry: &str) -> Option<IpAddr> {
    if let Ok(a) = entry.parse::<IpAddr>() {
        return Some(a);
    }
    if let Ok(s) = entry.parse::<std::net::SocketAddr>() {
        return Some(s.ip());
    }
    entry
        .strip_prefix('[')
        .and_then(|r| r.split(']').next())
        .and_then(|a| a.parse().ok())
}

impl Limiter {
    /// Counters for these limits.
    pub fn new(limits: Limits) -> Self {
        Limiter {
            limits,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Key, (Instant, u32)>> {
        // A panic while holding the lock leaves plain counters behind: keep using them.
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        if counts.len() > 100_000 {
            let window = self.limits.window;
            counts.retain(|_, (start, _)| start.elapsed() < window);
        }
        counts
    }

    fn limit_of(&self, key: &Key) -> u32 {
        match key {
            Key::Addr(Purpose::Filing, _) => self.limits.filing,
            Key::Addr(Purpose::Lookup, _) => self.limits.lookup,
            Key::Addr(Purpose::SignIn, _) => self.limits.sign_in,
            Key::Account(_) => self.limits.sign_in_account,
        }
    }

    /// The wait if `key` has used its budget, else `None`.
    fn exhausted(&self, counts: &HashMap<Key, (Instant, u32)>, key: &Key) -> Option<Wait> {
        let (start, n) = counts.get(key)?;
        let elapsed = start.elapsed();
        (elapsed < self.limits.window && *n >= self.limit_of(key))
            .then(|| Wait(self.limits.window - elapsed))
    }

    fn count(&self, counts: &mut HashMap<Key, (Instant, u32)>, key: Key) {
        let entry = counts.entry(key).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.limits.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }

    /// Counts one filing or look-up; `Err` with the wait if over the limit (the request must
    /// be refused). Requests without an address are not limited.
    pub fn check(&self, purpose: Purpose, addr: Option<IpAddr>) -> Result<(), Wait> {
        let Some(addr) = addr else { return Ok(()) };
        let key = Key::Addr(purpose, bucket(addr));
        let mut counts = self.lock();
        if let Some(wait) = self.exhausted(&counts, &key) {
            return Err(wait);
        }
        self.count(&mut counts, key);
        Ok(())
    }

    /// [`check`](Self::check) as a yes or no.
    pub fn allow(&self, purpose: Purpose, addr: Option<IpAddr>) -> bool {
        self.check(purpose, addr).is_ok()
    }

    /// Whether a sign-in (or a password check) for `login` from `addr` may be tried: not while
    /// the address or the account has used up its failures. Counts nothing.
    pub fn sign_in_allowed(&self, addr: Option<IpAddr>, login: Option<&str>) -> Result<(), Wait> {
        let counts = self.lock();
        let keys = addr
            .map(|a| Key::Addr(Purpose::SignIn, bucket(a)))
            .into_iter()
            .chain(login.map(account));
        let wait = keys
            .filter_map(|k| self.exhausted(&counts, &k))
            .max_by_key(|w| w.0);
        wait.map_or(Ok(()), Err)
    }

    /// Counts a failed sign-in (or password check) against the address and the account.
    pub fn sign_in_failed(&self, addr: Option<IpAddr>, login: Option<&str>) {
        let mut counts = self.lock();
        if let Some(a) = addr {
            self.count(&mut counts, Key::Addr(Purpose::SignIn, bucket(a)));
        }
        if let Some(l) = login {
            self.count(&mut counts, account(l));
        }
    }

    /// A successful sign-in: the account's failures are forgiven (the address's are not).
    pub fn sign_in_succeeded(&self, login: &str) {
        self.lock().remove(&account(login));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            filing: 2,
            lookup: 1,
            sign_in: 3,
            sign_in_account: 2,
            window: Duration::from_secs(60),
        }
    }

    #[test]
    fn each_address_and_purpose_has_its_own_budget() {
        let l = Limiter::new(limits());
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(l.allow(Purpose::Filing, Some(a)) && l.allow(Purpose::Filing, Some(a)));
        let wait = l.check(Purpose::Filing, Some(a)).unwrap_err();
        assert!(wait.seconds() > 0 && wait.seconds() <= 60 && wait.minutes() == 1);
        assert!(l.allow(Purpose::Filing, Some(b)));
        assert!(l.allow(Purpose::Lookup, Some(a)));
        assert!(!l.allow(Purpose::Lookup, Some(a)));
    }

    #[test]
    fn sign_ins_count_failures_per_address_and_per_account() {
        let l = Limiter::new(limits());
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        for _ in 0..10 {
            assert!(
                l.sign_in_allowed(Some(a), Some("ada")).is_ok(),
                "successes are free"
            );
            l.sign_in_succeeded("ada");
        }
        l.sign_in_failed(Some(a), Some("Rui"));
        l.sign_in_failed(Some(b), Some(" rui "));
        assert!(
            l.sign_in_allowed(Some(b), Some("RUI")).is_err(),
            "any address, any case"
        );
        assert!(
            l.sign_in_allowed(Some(a), Some("ada")).is_ok(),
            "others unaffected"
        );
        l.sign_in_failed(Some(a), Some("ada"));
        l.sign_in_failed(Some(a), Some("eve"));
        assert!(
            l.sign_in_allowed(Some(a), Some("zoe")).is_err(),
            "the address is spent"
        );
        assert!(l.sign_in_allowed(Some(b), Some("zoe")).is_ok());
    }

    #[test]
    fn ipv6_clients_share_their_64() {
        let l = Limiter::new(limits());
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(l.allow(Purpose::Lookup, Some(a)));
        assert!(!l.allow(Purpose::Lookup, Some(b)));
        assert!(l.allow(Purpose::Lookup, Some(c)));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(bucket(mapped), "10.0.0.1".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        let trusted: Proxies = "10.0.0.0/8, ::1".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "6.6.6.6, 203.0.113.7, 10.1.1.1".parse().unwrap(),
        );
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let stranger: IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(
            client_addr(Some(proxy), &h, &trusted),
            Some("203.0.113.7".parse().unwrap()),
            "the right-most untrusted entry"
        );
        assert_eq!(client_addr(Some(stranger), &h, &trusted), Some(stranger));
        assert_eq!(
            client_addr(Some(proxy), &HeaderMap::new(), &trusted),
            Some(proxy)
        );
        h.insert("x-forwarded-for", "[2001:db8::5]:443".parse().unwrap());
        assert_eq!(
            client_addr(Some("::1".parse().unwrap()), &h, &trusted),
            Some("2001:db8::5".parse().unwrap())
        );
        assert!("10.0.0.0/33".parse::<Proxies>().is_err());
        assert!("proxy".parse::<Proxies>().is_err());
    }
}
