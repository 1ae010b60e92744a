//! The public transparency report: computed from the ledger as folded, published by a board
//! member as a signed event that pins the ledger's size and root, so anyone holding an export
//! recomputes it (`recourse report recompute`).

use jiff::Timestamp;
use recourse_events::review::{Period, Pinned, ReportId, ReportPublished};
use recourse_projections::read_model::ReadModel;
use recourse_projections::transparency;

use super::{Acting, Service, ServiceError, uuid_at};
use crate::store::Appended;

/// The report of `period` as `model` stands: what would be published now.
pub fn report(model: &ReadModel, period: Period) -> ReportPublished {
    let contents = transparency::contents(model, period);
    ReportPublished {
        period,
        pinned: Pinned {
            size: model.position(),
            root: model.log_root(),
        },
        lines: contents.lines,
        review: contents.review,
        systemic: contents.systemic,
    }
}

impl Service {
    /// Publishes the transparency report of `period` at `at`.
    pub async fn publish_report(
        &self,
        who: &Acting,
        period: Period,
        at: Timestamp,
    ) -> Result<(ReportId, Appended), ServiceError> {
        let id = ReportId(uuid_at(at));
        let appended = self
            .record(&id.stream(), &who.key, at, |model| {
                let published = report(model, period);
                Ok((
                    0,
                    transparency::decide_publish(&who.actor, model.org(), &published)?,
                ))
            })
            .await?;
        Ok((id, appended))
    }
}
