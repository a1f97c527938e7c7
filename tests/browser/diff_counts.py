"""Print what a diff's JSON report (policydiff-diff/2) says, read from its
measure entries rather than its `story`: the entries the HTML report tells as
articles, the text, added, removed, renumbered and status counts, then the
headline: measures changed in substance, measures only renumbered, stale
references. An independent source for the numbers the HTML report must show."""
import json
import sys

d = json.load(open(sys.argv[1], encoding="utf-8"))
stale_in = {s["measure"] for s in d["stale_references"]}


def renumbered_only(m):
    return m["classes"] == ["renumbered"] and "status" not in m


substantive = sum(
    1 for m in d["measures"] if m["classes"] != ["unchanged"] and not renumbered_only(m)
)
only_renumbered = sum(1 for m in d["measures"] if renumbered_only(m))
# Articles: substantive changes, statuses that only settled, and renumbered
# measures a stale reference stands in.
told = sum(
    1
    for m in d["measures"]
    if (m["classes"] != ["unchanged"] and not renumbered_only(m))
    or (m["classes"] == ["unchanged"] and "status" in m)
    or (renumbered_only(m) and any(r["number"] in stale_in for r in m["new"]))
)
c = d["counts"]
print(
    told,
    c["text"],
    c["added"],
    c["removed"],
    c["renumbered"],
    c["status"],
    substantive,
    only_renumbered,
    len(d["stale_references"]),
)
