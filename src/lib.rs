//! policydiff: compare versions of a policy programme, and check that the
//! documents about it agree.
//!
//! The pipeline, one module a stage: [`load`] snapshots (the [`snapshot`]
//! model) → [`import`] new versions from extracted text → [`align`] measures
//! across versions → [`diff`] them (and chain the diffs of a series into a
//! [`history`]) → [`check`] consistency → [`render`] reports. [`command`]
//! wires each command line to that pipeline.

pub mod align;
pub mod check;
pub mod cli;
pub mod command;
pub mod diff;
pub mod exit_code;
pub mod history;
pub mod import;
pub mod load;
pub mod output;
pub mod render;
pub mod snapshot;
pub mod source;
pub mod wording;
