"""Write a copy of a programme snapshot whose texts carry HTML payloads.

usage: inject.py IN OUT SCRIPT_PAYLOAD ATTRIBUTE_PAYLOAD

The script payload goes into measure 1's title, theme 1's title, an item and
a glossary term; the attribute payload into measure 2's body and its status
evidence (which the report puts in a title attribute) and a footnote.
"""
import json
import sys

src, dst, script, attr = sys.argv[1:]
s = json.load(open(src, encoding="utf-8"))
s["id"] = "injected"
s["measures"][0]["title"] += " " + script
s["themes"][0]["title"] += " " + script
for m in s["measures"]:
    if m.get("items"):
        m["items"][0]["text"] += " " + script
        break
s["measures"][1]["status"]["note"] = (s["measures"][1]["status"].get("note") or "") + " " + attr
if s["measures"][1].get("body"):
    s["measures"][1]["body"] += " " + attr
else:
    s["measures"][1]["title"] += " " + attr
s["footnotes"][0]["text"] += " " + attr
s["glossary"]["entries"][0]["term"] += " " + script
json.dump(s, open(dst, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
