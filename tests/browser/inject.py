"""Write a copy of a programme snapshot whose texts carry HTML payloads.

usage: inject.py IN OUT SCRIPT_PAYLOAD ATTRIBUTE_PAYLOAD [--restructure]

The script payload goes into measure 1's title, theme 1's title, an item and
a glossary term; the attribute payload into measure 2's body and its status
evidence (which the report puts in a title attribute) and a footnote.

With --restructure the copy is also a new version a diff has something to
say about: a measure inserted after 11 (so 12-38 become 13-39 and
cross-references go stale), measure 5 made N, measure 20 removed.
"""
import json
import sys

src, dst, script, attr = sys.argv[1:5]
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
if "--restructure" in sys.argv[5:]:
    s["id"] = "edited"
    ms = s["measures"]
    ms[:] = [m for m in ms if m["number"] != 20]
    for m in ms:
        if m["number"] > 20:
            m["number"] -= 1
    for m in ms:
        if m["number"] == 5:
            m["status"] = {"value": "N", "certainty": "confirmed", "note": "edited"}
        if m["number"] > 11:
            m["number"] += 1
    at = next(i for i, m in enumerate(ms) if m["number"] > 12)
    ms.insert(at, {
        "number": 12,
        "title": "Nieuwe aanpak voor gemeentelijke jeugdwerkers " + script,
        "theme": 1,
        "status": {"value": "N", "certainty": "confirmed"},
        "body": "Gemeenten ontvangen extra middelen voor wijkteams, buurtvaders en sportcoaches. " + attr,
    })
json.dump(s, open(dst, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
