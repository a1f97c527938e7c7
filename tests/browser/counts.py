"""Print a programme snapshot's status counts, read straight from its JSON:
measures, B, V, N (settled statuses only) and uncertain."""
import json
import sys

s = json.load(open(sys.argv[1], encoding="utf-8"))
ms = s["measures"]
settled = [m["status"]["value"] for m in ms if m["status"]["certainty"] != "uncertain"]
uncertain = sum(1 for m in ms if m["status"]["certainty"] == "uncertain")
print(len(ms), settled.count("B"), settled.count("V"), settled.count("N"), uncertain)
