//! C2SP tlog-tiles: the layout in which a log stores its tree and serves it.
//!
//! A tile at level `L` and index `N` holds up to 256 hashes of the tree nodes of height `8L` at
//! indices `256N ..`; a full tile never changes again, a partial one (`.p/<W>`) is the right
//! edge. Level 0 tiles hold leaf hashes; entry bundles (`tile/entries/N`) hold the entries
//! themselves, each prefixed by its length as a big-endian u16 (which is why an entry must stay
//! under 64 KiB). Any complete node of height `8L + r` is the hash of `2^r` consecutive hashes of
//! one level-`L` tile, so a proof reads O(log n) tiles.

use crate::hash::Hash;
use crate::merkle::node_hash;

/// Tree levels per tile.
pub const TILE_HEIGHT: u8 = 8;
/// Hashes in a full tile (2^TILE_HEIGHT).
pub const TILE_WIDTH: u64 = 1 << TILE_HEIGHT;
/// Largest entry an entry bundle can hold.
pub const MAX_ENTRY_SIZE: usize = u16::MAX as usize;

/// Bits of a level-0 tile index: a tree of at most 2^64 leaves has at most 2^56 tiles of 256.
pub const MAX_INDEX_BITS: u8 = 64 - TILE_HEIGHT;

/// What a tile path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TileRef {
    /// Hashes of level `level`, tile `index`, its first `width` hashes.
    Hashes {
        /// Tile level (tree height / 8).
        level: u8,
        /// Tile index within its level.
        index: u64,
        /// Number of hashes, 1..=256.
        width: u16,
    },
    /// Entries `256 * index ..`, the first `width` of them.
    Entries {
        /// Bundle index.
        index: u64,
        /// Number of entries, 1..=256.
        width: u16,
    },
}

/// A tile path that does not follow tlog-tiles.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a tile path: {0}")]
pub struct TilePathError(String);

impl TileRef {
    /// The path of this tile below the log's prefix, e.g. `tile/0/x001/234.p/7`.
    pub fn path(&self) -> String {
        let (head, index, width) = match *self {
            TileRef::Hashes {
                level,
                index,
                width,
            } => (level.to_string(), index, width),
            TileRef::Entries { index, width } => ("entries".to_string(), index, width),
        };
        let mut p = format!("tile/{head}/{}", encode_index(index));
        if u64::from(width) < TILE_WIDTH {
            p.push_str(&format!(".p/{width}"));
        }
        p
    }

    /// Parses a path such as `tile/1/x002/003.p/17` or `tile/entries/000`.
    pub fn parse(path: &str) -> Result<TileRef, TilePathError> {
        let bad = || TilePathError(path.chars().take(200).collect());
        let rest = path.strip_prefix("tile/").ok_or_else(bad)?;
        let (head, rest) = rest.split_once('/').ok_or_else(bad)?;
        let (index_part, width) = match rest.split_once(".p/") {
            Some((i, w)) => {
                let w: u16 = parse_decimal(w)
                    .ok_or_else(bad)?
                    .try_into()
                    .map_err(|_| bad())?;
                if w == 0 || u64::from(w) >= TILE_WIDTH {
                    return Err(bad());
                }
                (i, w)
            }
            None => (rest, TILE_WIDTH as u16),
        };
        let index = decode_index(index_part).ok_or_else(bad)?;
        let level: u8 = if head == "entries" {
            0
        } else {
            parse_decimal(head)
                .and_then(|l| l.try_into().ok())
                .ok_or_else(bad)?
        };
        // Height 8 levels cover 2^(8*L) leaves; past level 7 the index space is exhausted.
        if level > 7 {
            return Err(bad());
        }
        // The tile's first leaf, `index * 256^(level + 1)`, must be a position of a tree of at
        // most 2^64 leaves: so that nobody doing arithmetic on a parsed tile overflows (an
        // entries tile 2^56 would otherwise wrap to tile 0).
        if index >> (u32::from(MAX_INDEX_BITS) - 8 * u32::from(level)) != 0 {
            return Err(bad());
        }
        if head == "entries" {
            return Ok(TileRef::Entries { index, width });
        }
        Ok(TileRef::Hashes {
            level,
            index,
            width,
        })
    }
}

/// Decimal digits only, no sign, no leading zeros (except "0").
fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse().ok()
}

/// `1234067` -> `x001/x234/067`: groups of three digits, all but the last prefixed with `x`.
fn encode_index(mut n: u64) -> String {
    let mut groups = vec![format!("{:03}", n % 1000)];
    n /= 1000;
    while n > 0 {
        groups.push(format!("x{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join("/")
}

fn decode_index(s: &str) -> Option<u64> {
    let parts: Vec<&str> = s.split('/').collect();
    let (last, init) = parts.split_last()?;
    let mut n: u64 = 0;
    for (i, part) in init.iter().enumerate() {
        let digits = part.strip_prefix('x')?;
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // No leading zero groups: the encoding of a number is unique.
        if i == 0 && digits == "000" {
            return None;
        }
        n = n
            .checked_mul(1000)?
            .checked_add(digits.parse::<u64>().ok()?)?;
    }
    if last.len() != 3 || !last.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.checked_mul(1000)?.checked_add(last.parse::<u64>().ok()?)
}

/// The hash of a complete node of height `r` (0..=8) built from `2^r` consecutive hashes of
/// one tile level, starting at `offset` within the tile's bytes; `None` if the tile does not
/// hold them all or `r` is above 8.
pub fn node_from_tile(tile: &[u8], r: u8, offset: usize) -> Option<Hash> {
    if r > TILE_HEIGHT {
        return None;
    }
    let count = 1usize << r;
    // Checked: a huge offset must not wrap around to the start of the tile.
    let start = offset.checked_mul(32)?;
    let end = offset.checked_add(count)?.checked_mul(32)?;
    let bytes = tile.get(start..end)?;
    let mut level: Vec<Hash> = bytes
        .chunks_exact(32)
        .map(|c| <[u8; 32]>::try_from(c).ok().map(Hash))
        .collect::<Option<_>>()?;
    while level.len() > 1 {
        level = level
            .chunks_exact(2)
            .map(|p| node_hash(&p[0], &p[1]))
            .collect();
    }
    level.first().copied()
}

/// Where the node of height `height` at `index` lives: (tile level, tile index, height within
/// the tile, first hash within the tile).
pub fn locate_node(height: u8, index: u64) -> (u8, u64, u8, usize) {
    let level = height / TILE_HEIGHT;
    let r = height % TILE_HEIGHT;
    let first = index << r;
    (level, first / TILE_WIDTH, r, (first % TILE_WIDTH) as usize)
}

/// An entry bundle: each entry prefixed by its big-endian u16 length.
pub fn encode_entry_bundle<'a>(entries: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        let len = u16::try_from(e.len()).expect("entries are under 64 KiB");
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(e);
    }
    out
}

/// Splits an entry bundle back into entries.
pub fn decode_entry_bundle(mut bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let len = u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]) as usize;
        out.push(bytes.get(2..2 + len)?);
        bytes = &bytes[2 + len..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::{MemoryTree, NodeSource, leaf_hash};

    #[test]
    fn paths_follow_the_spec_examples() {
        let t = TileRef::Hashes {
            level: 0,
            index: 1234067,
            width: 256,
        };
        assert_eq!(t.path(), "tile/0/x001/x234/067");
        let p = TileRef::Hashes {
            level: 1,
            index: 0,
            width: 7,
        };
        assert_eq!(p.path(), "tile/1/000.p/7");
        assert_eq!(
            TileRef::Entries {
                index: 5,
                width: 256
            }
            .path(),
            "tile/entries/005"
        );
        for t in [
            t,
            p,
            TileRef::Entries {
                index: 1000,
                width: 1,
            },
        ] {
            assert_eq!(TileRef::parse(&t.path()), Ok(t));
        }
    }

    #[test]
    fn rejects_malformed_paths() {
        for bad in [
            "tile/0/1",
            "tile/0/0001",
            "tile/0/x000/001",
            "tile/0/001.p/0",
            "tile/0/001.p/256",
            "tile/0/001.p/07",
            "tile/9/001",
            "tile/-1/001",
            "tiles/0/001",
            "tile/0/x1/001",
            "tile/0/",
            // 2^63 and 2^56: past the last tile a tree of 2^64 leaves can have.
            "tile/0/x009/x223/x372/x036/x854/x775/808",
            "tile/entries/x072/x057/x594/x037/x927/936",
            "tile/1/x281/x474/x976/x710/656",
            "tile/7/001",
        ] {
            assert!(TileRef::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_last_possible_tiles_still_parse() {
        let last = (1u64 << MAX_INDEX_BITS) - 1;
        for t in [
            TileRef::Entries {
                index: last,
                width: 256,
            },
            TileRef::Hashes {
                level: 0,
                index: last,
                width: 3,
            },
            TileRef::Hashes {
                level: 6,
                index: 255,
                width: 256,
            },
            TileRef::Hashes {
                level: 7,
                index: 0,
                width: 1,
            },
        ] {
            assert_eq!(TileRef::parse(&t.path()), Ok(t), "{}", t.path());
        }
    }

    #[test]
    fn nodes_come_from_one_tile() {
        let tree = MemoryTree::from_leaves((0..1024u32).map(|i| leaf_hash(&i.to_be_bytes())));
        let tile: Vec<u8> = (256..512)
            .flat_map(|i| tree.node(0, i).unwrap().0)
            .collect();
        for (height, index) in [(0u8, 300u64), (3, 40), (8, 1)] {
            let (level, tile_index, r, offset) = locate_node(height, index);
            assert_eq!(
                (level, tile_index),
                (
                    if height == 8 { 1 } else { 0 },
                    if height == 8 { 0 } else { 1 }
                )
            );
            if level == 0 {
                assert_eq!(
                    node_from_tile(&tile, r, offset),
                    Some(tree.node(height, index).unwrap())
                );
            }
        }
    }

    #[test]
    fn node_from_tile_refuses_heights_and_offsets_out_of_range() {
        // Found by the `tile` fuzz target: r >= 64 overflowed the shift, and an offset whose
        // byte position overflows usize wrapped around to the tile's first hashes.
        let tile: Vec<u8> = (0..4u32)
            .flat_map(|i| leaf_hash(&i.to_be_bytes()).0)
            .collect();
        assert_eq!(node_from_tile(&tile, 64, 0), None);
        assert_eq!(node_from_tile(&tile, 255, 0), None);
        assert_eq!(node_from_tile(&tile, 9, 0), None);
        assert_eq!(node_from_tile(&tile, 0, usize::MAX / 32 + 1), None);
        assert_eq!(node_from_tile(&tile, 1, usize::MAX), None);
        assert_eq!(node_from_tile(&tile, 2, 1), None);
        let first = Hash(tile[..32].try_into().unwrap());
        assert_eq!(node_from_tile(&tile, 0, 0), Some(first));
    }

    #[test]
    fn entry_bundles_round_trip() {
        let entries: Vec<&[u8]> = vec![b"a", b"", b"{\"x\":1}"];
        let bundle = encode_entry_bundle(entries.iter().copied());
        assert_eq!(decode_entry_bundle(&bundle), Some(entries));
        assert_eq!(decode_entry_bundle(&[0, 5, 1]), None);
    }
}
