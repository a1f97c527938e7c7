//! The Markdown `history` report: the versions with their status counts, a
//! table of lineages (one row per measure, one column per version), then
//! each step's headline and what happened to each measure. Cut to [`LIMIT`]
//! with a note of what was left out, like every Markdown report.

use super::{Budget, LIMIT, code, escape};
use crate::history::History;

/// The report; `only_changed` leaves out lineages nothing happened to.
pub fn history(history: &History, only_changed: bool) -> String {
    let mut b = Budget::new(LIMIT);
    b.push(&format!(
        "## policydiff: history of {} versions\n\n**{}**\n\n",
        history.versions.len(),
        escape(&history.lead())
    ));
    b.push(
        "| Version | Date | Measures | B | V | N | Uncertain |\n|---|---|--:|--:|--:|--:|--:|\n",
    );
    for v in &history.versions {
        let c = v.counts;
        b.push(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            code(&v.label),
            v.info
                .date
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| "–".into()),
            c.measures,
            c.existing,
            c.strengthened,
            c.new,
            c.uncertain
        ));
    }
    b.push("\n### Changes\n\n");
    for (k, step) in history.steps.iter().enumerate() {
        let v = k + 1;
        let mut section = format!(
            "**{} → {}:** {}\n\n",
            code(&history.versions[k].label),
            code(&history.versions[v].label),
            escape(&step.story.lead)
        );
        for l in history.marked_at(v) {
            let title = l.at_step(v).map(|m| escape(&m.title)).unwrap_or_default();
            section.push_str(&format!(
                "- **{}**: {} — {title}\n",
                l.numbers_at(v),
                escape(&l.words_at(v))
            ));
        }
        section.push('\n');
        if !b.try_push(&section) {
            b.leave_out(format!(
                "the changes from {} to {}",
                history.versions[k].label, history.versions[v].label
            ));
        }
    }
    let mut table = String::from("### Measures over time\n\n|");
    for v in &history.versions {
        table.push_str(&format!(" {} |", code(&v.label)));
    }
    table.push_str(" Title (latest) |\n|");
    table.push_str(&"---|".repeat(history.versions.len() + 1));
    table.push('\n');
    b.push(&table);
    let mut left = 0;
    for (_, l) in history.shown(only_changed) {
        let mut row = String::from("|");
        for (v, m) in l.measures.iter().enumerate() {
            let cell = match m {
                None if l.marked_at(v) => format!("– · **{}**", l.marks_at(v)),
                None => "–".to_string(),
                Some(m) if l.marked_at(v) => format!(
                    "{} {} · **{}**",
                    m.number,
                    escape(&m.status.short()),
                    l.marks_at(v)
                ),
                Some(m) => format!("{} {}", m.number, escape(&m.status.short())),
            };
            row.push_str(&format!(" {cell} |"));
        }
        let title = l.latest().map(|m| escape(&m.title)).unwrap_or_default();
        row.push_str(&format!(" {title} |\n"));
        if !b.try_push(&row) {
            left += 1;
        }
    }
    if left > 0 {
        b.leave_out(format!("{left} rows of the table of measures"));
    }
    b.push(
        "\nIn bold: what changed in that version, besides the number. –: not in that version.\n",
    );
    b.finish("run `policydiff history --format html` for the whole history")
}
