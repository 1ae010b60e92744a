//! What a person may do on a case is the application's ([`crate::service::permission`]); this
//! re-export keeps older imports compiling.

pub use crate::service::permission::{ClientCan, allowed, placeholder};
