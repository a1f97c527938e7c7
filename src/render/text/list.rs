//! `list` as text: the versions in the store.

use super::{cell, new_table};
use crate::render::color::Palette;
use crate::snapshot::{Kind, Snapshot};

pub fn render(snapshots: &[&Snapshot], width: u16) -> String {
    let mut t = new_table(width, Palette::PLAIN);
    t.set_header(vec!["Id", "Kind", "Title", "Date", "Contents"]);
    for s in snapshots {
        let contents = match s.kind {
            Kind::Programme => format!("{} measures, {} groups", s.measures.len(), s.groups.len()),
            Kind::Summary => format!(
                "{} groups{}",
                s.groups.len(),
                s.describes
                    .as_ref()
                    .map(|d| format!(", describes {d}"))
                    .unwrap_or_default()
            ),
        };
        t.add_row(vec![
            cell(&s.id),
            s.kind.as_str().to_string(),
            cell(&s.title),
            s.date.as_deref().map_or_else(|| "–".to_string(), cell),
            cell(&contents),
        ]);
    }
    crate::render::inert::terminal(&format!("{t}\n"))
}
