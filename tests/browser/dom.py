"""Answer one question about a DOM dump of Chromium (`--dump-dom`).

usage: dom.py FILE count-attr NAME | count-attr-value NAME VALUE | count KEY
              | count-tag TAG | title | text-contains TEXT | attr NAME

Prints the answer (text-contains: exits 0 if found, 1 if not). The dump is
the DOM Chromium built and ran, serialised: an element that exists in it was
an element in the browser, and escaped text is text.
"""
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)
        self.counts = {}  # data-count key -> text
        self.title = ""
        self.text = []
        self._stack = []  # open elements we collect text for: (kind, key)
        self._title_seen = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "title" and not self._title_seen:
            # The document's title, not an SVG element's <title>.
            self._title_seen = True
            self._stack.append(("title", None))
        elif "data-count" in attrs:
            self._stack.append(("count", attrs["data-count"]))
        else:
            self._stack.append((None, None))
        if tag in ("img", "meta", "link", "br", "hr", "input"):
            self._stack.pop()

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for kind, key in self._stack:
            if kind == "title":
                self.title += data
            elif kind == "count":
                self.counts[key] = self.counts.get(key, "") + data


def main():
    path, query, *args = sys.argv[1:]
    dom = Dom()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    if query == "count-attr":
        print(sum(1 for _, a in dom.elements if args[0] in a))
    elif query == "count-attr-value":
        print(sum(1 for _, a in dom.elements if a.get(args[0]) == args[1]))
    elif query == "count":
        print(dom.counts.get(args[0], "(none)").strip())
    elif query == "attr":
        # The value of NAME on the first element that has it.
        print(next((a[args[0]] for _, a in dom.elements if args[0] in a), "(none)"))
    elif query == "count-tag":
        print(sum(1 for t, _ in dom.elements if t == args[0]))
    elif query == "title":
        print(dom.title.strip())
    elif query == "text-contains":
        sys.exit(0 if args[0] in "".join(dom.text) else 1)
    else:
        sys.exit(f"unknown query {query}")


main()
