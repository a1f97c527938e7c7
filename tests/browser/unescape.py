"""Make a control page: the report with every escaped payload turned back into
raw markup, to prove that the browser test would see a script that ran.

usage: unescape.py IN OUT [--drop-csp]
"""
import re
import sys

src, dst, *flags = sys.argv[1:]
html = open(src, encoding="utf-8").read()
escaped_script = "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"
if escaped_script not in html:
    sys.exit("the escaped script payload is not in the report")
html = html.replace(escaped_script, "<script>document.title='pwned'</script>")
if "--drop-csp" in flags:
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
open(dst, "w", encoding="utf-8").write(html)
