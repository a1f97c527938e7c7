"""Print what a diff's JSON report (policydiff-diff/1) counts: changed
measure entries, then the text, added, removed, renumbered and status counts.
An independent source for the numbers the HTML report must show."""
import json
import sys

d = json.load(open(sys.argv[1], encoding="utf-8"))
changed = sum(1 for m in d["measures"] if m["classes"] != ["unchanged"])
c = d["counts"]
print(changed, c["text"], c["added"], c["removed"], c["renumbered"], c["status"])
