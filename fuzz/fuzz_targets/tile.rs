//! C2SP tlog-tiles: paths, entry bundles, and nodes read from a tile. Properties: a path that
//! parses prints back as itself (one tile, one path); every valid tile reference parses back
//! from its path, and one past a tree of 2^64 leaves is refused; an entry bundle that decodes re-encodes to the same bytes; `node_from_tile`
//! never panics on any height or offset, and what it returns is the Merkle hash of exactly the
//! `2^r` hashes at that offset; `locate_node` points inside a tile at the right level.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use recourse_events::Hash;
use recourse_events::merkle::node_hash;
use recourse_events::tile::{
    MAX_INDEX_BITS, TILE_HEIGHT, TILE_WIDTH, TileRef, decode_entry_bundle, encode_entry_bundle,
    locate_node, node_from_tile,
};

fn mth(hashes: &[Hash]) -> Hash {
    if hashes.len() == 1 {
        return hashes[0];
    }
    let k = hashes.len() / 2;
    node_hash(&mth(&hashes[..k]), &mth(&hashes[k..]))
}

fn structured(u: &mut Unstructured, data: &[u8]) -> Result<()> {
    let width = u.int_in_range(1..=TILE_WIDTH as u16)?;
    let index = if u.arbitrary()? {
        u.arbitrary::<u64>()?
    } else {
        u.int_in_range(0..=5000)?
    };
    let t = if u.arbitrary()? {
        TileRef::Entries { index, width }
    } else {
        TileRef::Hashes {
            level: u.int_in_range(0..=7)?,
            index,
            width,
        }
    };
    // A reference is valid when its first leaf is a position of a tree of at most 2^64
    // leaves: those parse back from their path, the others are refused.
    let level = match t {
        TileRef::Entries { .. } => 0,
        TileRef::Hashes { level, .. } => level,
    };
    let valid = index >> (u32::from(MAX_INDEX_BITS) - 8 * u32::from(level)) == 0;
    let parsed = TileRef::parse(&t.path());
    if valid {
        assert_eq!(parsed, Ok(t), "{}", t.path());
    } else {
        assert!(parsed.is_err(), "{} is past any tree", t.path());
    }

    let r: u8 = if u.arbitrary()? {
        u.arbitrary()?
    } else {
        u.int_in_range(0..=TILE_HEIGHT)?
    };
    let offset: usize = if u.arbitrary()? {
        u.arbitrary()?
    } else {
        u.int_in_range(0..=300)?
    };
    let got = node_from_tile(data, r, offset);
    let want = (r <= TILE_HEIGHT)
        .then(|| 1usize << r)
        .and_then(|count| Some((offset.checked_add(count)?.checked_mul(32)?, count)))
        .filter(|&(end, _)| end <= data.len())
        .map(|(_, count)| {
            let hashes: Vec<Hash> = data[offset * 32..(offset + count) * 32]
                .chunks_exact(32)
                .map(|c| Hash(c.try_into().unwrap()))
                .collect();
            mth(&hashes)
        });
    assert_eq!(
        got,
        want,
        "node_from_tile(r={r}, offset={offset}) on {} bytes",
        data.len()
    );

    let height: u8 = u.arbitrary()?;
    let node: u64 = u.arbitrary()?;
    let (level, tile_index, r, first) = locate_node(height, node);
    assert_eq!(level * TILE_HEIGHT + r, height);
    assert!((first as u64) < TILE_WIDTH);
    // A real node covers leaves below 2^64: then its place in the tile is exact.
    if u32::from(height) < 64
        && node
            .checked_shl(u32::from(height))
            .is_some_and(|l| l >> height == node)
    {
        assert_eq!(tile_index * TILE_WIDTH + first as u64, node << r);
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    if let Ok(path) = std::str::from_utf8(data) {
        if let Ok(t) = TileRef::parse(path) {
            assert_eq!(t.path(), path, "tile path does not round-trip");
        }
    }
    if let Some(entries) = decode_entry_bundle(data) {
        assert_eq!(encode_entry_bundle(entries.iter().copied()), data);
    }
    let _ = structured(&mut Unstructured::new(data), data);
});
