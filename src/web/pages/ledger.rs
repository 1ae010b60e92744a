//! The public ledger: the latest signed checkpoint and the C2SP tlog tiles (hashes only), for
//! anyone to verify and witnesses to cosign. Entry bundles hold the entries themselves (sealed
//! personal data, but still case structure), so they are served to auditors only.

use recourse_events::checkpoint::{Checkpoint, Note};
use recourse_events::org::Role;
use recourse_events::tile::{TILE_WIDTH, TileRef, encode_entry_bundle};
use warp::http::StatusCode;

use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

fn internal(e: impl std::fmt::Display) -> WebError {
    WebError::Internal(e.to_string())
}

/// `/ledger/checkpoint`: the signed note, as `text/plain`, with the witnesses' cosignatures
/// gathered for it.
pub async fn checkpoint(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    // The published checkpoint: the latest one the high-water mark holds.
    let marked = ctx
        .app
        .service
        .ledger()
        .published()
        .ok_or(WebError::NotFound)?;
    let note = crate::service::cosigning::cosigned_note(
        ctx.app.service.store().as_ref(),
        &marked.note,
        marked.checkpoint.size,
    )
    .await
    .map_err(internal)?;
    Ok(Response::text(note).header(warp::http::header::CACHE_CONTROL, "no-cache"))
}

/// `/ledger/tile/<L>/<N>[.p/<W>]` and `/ledger/tile/entries/<N>[.p/<W>]`.
pub async fn tile(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let path = ctx.req.path.trim_start_matches("/ledger/");
    let tile = TileRef::parse(path).map_err(|_| WebError::NotFound)?;
    let store = ctx.app.service.store();
    // Only what the latest checkpoint covers is served: a tile never shows an unsigned tail.
    let note = ctx
        .app
        .service
        .ledger()
        .checkpoint()
        .ok_or(WebError::NotFound)?;
    let size = Note::parse(&note)
        .ok()
        .and_then(|n| Checkpoint::parse_text(n.text()).ok())
        .map(|c| c.size)
        .ok_or_else(|| internal("bad checkpoint"))?;
    match tile {
        TileRef::Hashes {
            level,
            index,
            width,
        } => {
            // Checked before the store is asked: a tile the checkpoint does not cover is a 404,
            // whatever its index (`TileRef::parse` already bounds it; the arithmetic is checked
            // all the same).
            let nodes = size >> (8 * u32::from(level));
            let first = index.checked_mul(TILE_WIDTH).ok_or(WebError::NotFound)?;
            let available = nodes.saturating_sub(first).min(TILE_WIDTH);
            if u64::from(width) > available {
                return Err(WebError::NotFound);
            }
            let hashes = store
                .tile(level, index)
                .await
                .map_err(internal)?
                .ok_or(WebError::NotFound)?;
            let body = hashes
                .get(..usize::from(width) * 32)
                .ok_or(WebError::NotFound)?
                .to_vec();
            let mut r = Response::new(StatusCode::OK, "application/octet-stream", body);
            if u64::from(width) == TILE_WIDTH {
                r = r.header(
                    warp::http::header::CACHE_CONTROL,
                    "public, max-age=31536000, immutable",
                );
            }
            Ok(r)
        }
        TileRef::Entries { index, width } => {
            ctx.staff_with(&[Role::Auditor])?;
            let end = index
                .checked_mul(TILE_WIDTH)
                .and_then(|start| start.checked_add(u64::from(width)))
                .ok_or(WebError::NotFound)?;
            if end > size {
                return Err(WebError::NotFound);
            }
            let start = end - u64::from(width);
            let entries = store
                .read_from(start, usize::from(width))
                .await
                .map_err(internal)?;
            let bundle = encode_entry_bundle(entries.iter().map(|e| e.entry.as_slice()));
            Ok(Response::new(
                StatusCode::OK,
                "application/octet-stream",
                bundle,
            ))
        }
    }
}
