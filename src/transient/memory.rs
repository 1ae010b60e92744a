//! Transient state in this process's memory: a map per space, with expiry and a cap.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::{Space, TransientError, TransientStore, expiry, millis};

/// Entries a space holds at most: the one expiring first goes to make room.
pub const MAX_PER_SPACE: usize = 200_000;

type Map = HashMap<(Space, Vec<u8>), (Vec<u8>, i64)>;

/// The transient state of one process (it ends when the process does).
#[derive(Default)]
pub struct MemoryTransient {
    map: Mutex<Map>,
    /// Entries per space, for the cap.
    counts: Mutex<HashMap<Space, usize>>,
}

impl MemoryTransient {
    fn with<T>(&self, f: impl FnOnce(&mut Map) -> T) -> T {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut map)
    }

    /// Makes room for one more entry in `space`: expired entries go, then the one expiring
    /// first.
    fn room(map: &mut Map, space: Space, now: i64, counts: &mut HashMap<Space, usize>) {
        let count = counts.entry(space).or_insert(0);
        if *count < MAX_PER_SPACE {
            return;
        }
        map.retain(|(s, _), (_, exp)| *s != space || *exp > now);
        *count = map.keys().filter(|(s, _)| *s == space).count();
        if *count >= MAX_PER_SPACE
            && let Some(first) = map
                .iter()
                .filter(|((s, _), _)| *s == space)
                .min_by_key(|(_, (_, exp))| *exp)
                .map(|(k, _)| k.clone())
        {
            map.remove(&first);
            *count -= 1;
        }
    }

    fn insert(&self, map: &mut Map, space: Space, key: &[u8], value: &[u8], now: i64, until: i64) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let k = (space, key.to_vec());
        if !map.contains_key(&k) {
            Self::room(map, space, now, &mut counts);
            *counts.entry(space).or_insert(0) += 1;
        }
        map.insert(k, (value.to_vec(), until));
    }
}

impl TransientStore for MemoryTransient {
    fn get(
        &self,
        space: Space,
        key: &[u8],
        now: SystemTime,
    ) -> Result<Option<Vec<u8>>, TransientError> {
        let now = millis(now);
        Ok(self.with(|m| {
            m.get(&(space, key.to_vec()))
                .filter(|(_, exp)| *exp > now)
                .map(|(v, _)| v.clone())
        }))
    }

    fn put(
        &self,
        space: Space,
        key: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<(), TransientError> {
        let until = expiry(now, ttl);
        self.with(|m| self.insert(m, space, key, value, millis(now), until));
        Ok(())
    }

    fn put_new(
        &self,
        space: Space,
        key: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<bool, TransientError> {
        let (at, until) = (millis(now), expiry(now, ttl));
        Ok(self.with(|m| {
            if m.get(&(space, key.to_vec()))
                .is_some_and(|(_, exp)| *exp > at)
            {
                return false;
            }
            self.insert(m, space, key, value, at, until);
            true
        }))
    }

    fn swap(
        &self,
        space: Space,
        key: &[u8],
        expected: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<bool, TransientError> {
        let (at, until) = (millis(now), expiry(now, ttl));
        Ok(self.with(|m| match m.get_mut(&(space, key.to_vec())) {
            Some((v, exp)) if *exp > at && v.as_slice() == expected => {
                *v = value.to_vec();
                *exp = until;
                true
            }
            _ => false,
        }))
    }

    fn delete(&self, space: Space, key: &[u8]) -> Result<(), TransientError> {
        let removed = self.with(|m| m.remove(&(space, key.to_vec())).is_some());
        if removed {
            let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(c) = counts.get_mut(&space) {
                *c = c.saturating_sub(1);
            }
        }
        Ok(())
    }
}
