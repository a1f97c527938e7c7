#!/usr/bin/env bash
# Real-browser test of the HTML reports: generate reports with the release
# binary, render each in headless Chromium (a fresh profile per call), take a
# screenshot, and assert on the DOM Chromium built from the file: the rows it
# shows, the counts in the header, and that text carrying <script> and
# onerror= payloads is shown as text and runs nothing.
#
# Usage: tests/browser/run.sh            (from anywhere; run by .ci/run)
#   POLICYDIFF_BIN=path   use this binary instead of building one
#   BROWSER_OUT=dir       keep reports, DOM dumps and screenshots there
# Prints PASS/FAIL lines and ends with `browser: N passed, M failed`; exits
# non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() {
    echo "browser: $passed passed, $failed failed"
    [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
    exit $?
}
# check DESCRIPTION COMMAND...: PASS when the command succeeds.
check() {
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# --- tools -------------------------------------------------------------------
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
    echo "installing Debian's chromium"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
        fail "chromium could not be installed"
        finish
    fi
fi
if ! command -v python3 >/dev/null; then
    fail "python3 is needed to edit snapshots and read DOM dumps"
    finish
fi

if [ -n "${POLICYDIFF_BIN:-}" ]; then
    BIN=$POLICYDIFF_BIN
else
    if ! cargo build --release --locked --quiet; then
        fail "cargo build --release --locked"
        finish
    fi
    BIN=${CARGO_TARGET_DIR:-target}/release/policydiff
fi

OUT=${BROWSER_OUT:-$(mktemp -d)}
mkdir -p "$OUT"
echo "reports, DOM dumps and screenshots in $OUT"

# render NAME: headless Chromium on $OUT/NAME.html; writes NAME.dom.html and
# NAME.png. Each call gets a new empty profile and at most 60 seconds.
render() {
    local name=$1 profile
    profile=$(mktemp -d)
    local flags=(--headless --no-sandbox --disable-gpu --no-first-run
        --disable-background-networking --disable-component-update
        --disable-sync --disable-quic --user-data-dir="$profile"
        --window-size=1280,2000)
    timeout 60 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$OUT/$name.html" \
        >"$OUT/$name.dom.html" 2>"$OUT/$name.dom.log"
    local dom_rc=$?
    rm -rf "$profile"
    profile=$(mktemp -d)
    flags[8]=--user-data-dir="$profile"
    timeout 60 "$CHROMIUM" "${flags[@]}" --screenshot="$OUT/$name.png" \
        "file://$OUT/$name.html" >"$OUT/$name.png.log" 2>&1
    local shot_rc=$?
    rm -rf "$profile"
    check "$name: chromium rendered the DOM (exit $dom_rc)" test "$dom_rc" -eq 0 -a -s "$OUT/$name.dom.html"
    check "$name: chromium took a screenshot (exit $shot_rc)" test "$shot_rc" -eq 0 -a -s "$OUT/$name.png"
}

# dom NAME QUERY [ARG]: ask the DOM dump a question (see dom.py).
dom() { python3 tests/browser/dom.py "$OUT/$1.dom.html" "${@:2}"; }

# expect WHAT ACTUAL EXPECTED
expect() {
    if [ "$2" = "$3" ]; then pass "$1 ($2)"; else fail "$1: got '$2', expected '$3'"; fi
}

# --- the shipped programme ---------------------------------------------------
PROGRAMME=versions/actieprogramma-2014/snapshot.json
"$BIN" --versions versions show actieprogramma-2014 --format html -o "$OUT/show.html" --force ||
    fail "show --format html of the shipped programme"
render show
read -r M B V N U < <(python3 tests/browser/counts.py "$PROGRAMME")
expect "show: one article per measure" "$(dom show count-attr data-measure)" "$M"
expect "show: header counts all measures" "$(dom show count measures)" "$M"
expect "show: header counts B" "$(dom show count B)" "$B"
expect "show: header counts V" "$(dom show count V)" "$V"
expect "show: header counts N" "$(dom show count N)" "$N"
expect "show: header counts uncertain apart" "$(dom show count uncertain)" "$U"
expect "show: uncertain measures carry the ? chip" "$(dom show count-attr-value data-certainty uncertain)" "$U"
expect "show: the title is the programme's" "$(dom show title)" "Actieprogramma Integrale Aanpak Jihadisme (actieprogramma-2014) · policydiff"
expect "show: no script element" "$(dom show count-tag script)" 0

# --- the summary page --------------------------------------------------------
"$BIN" --versions versions show samenvatting-2014 --format html -o "$OUT/summary.html" --force ||
    fail "show --format html of the shipped summary page"
render summary
expect "summary: one article per group" "$(dom summary count-attr data-group)" 5

# --- a programme whose text carries payloads ----------------------------------
SCRIPT_PAYLOAD="<script>document.title='pwned'</script>"
IMG_PAYLOAD="\"><img src=x onerror=\"document.title='pwned'\">"
mkdir -p "$OUT/versions/injected"
python3 tests/browser/inject.py "$PROGRAMME" "$OUT/versions/injected/snapshot.json" \
    "$SCRIPT_PAYLOAD" "$IMG_PAYLOAD"
"$BIN" show "$OUT/versions/injected/snapshot.json" --format html -o "$OUT/injected.html" --force ||
    fail "show --format html of the injected programme"
render injected
expect "injected: the title is unchanged (no script ran)" "$(dom injected title)" "Actieprogramma Integrale Aanpak Jihadisme (injected) · policydiff"
expect "injected: no script element" "$(dom injected count-tag script)" 0
expect "injected: no img element" "$(dom injected count-tag img)" 0
expect "injected: no element has an onerror attribute" "$(dom injected count-attr onerror)" 0
check "injected: the <script> payload shows as text" dom injected text-contains "$SCRIPT_PAYLOAD"
check "injected: the onerror payload shows as text" dom injected text-contains "$IMG_PAYLOAD"
expect "injected: still one article per measure" "$(dom injected count-attr data-measure)" "$M"

# The test above can fail: the same payload unescaped, without the CSP, does
# set the title in this browser. With the CSP it does not.
python3 tests/browser/unescape.py "$OUT/injected.html" "$OUT/control-no-csp.html" --drop-csp
render control-no-csp
expect "control: an unescaped script without the CSP runs" "$(dom control-no-csp title)" "pwned"
python3 tests/browser/unescape.py "$OUT/injected.html" "$OUT/control-csp.html"
render control-csp
expect "control: the CSP alone stops an unescaped script" "$(dom control-csp title)" "Actieprogramma Integrale Aanpak Jihadisme (injected) · policydiff"

# --- a diff of the programme against an edited copy with payloads ------------
mkdir -p "$OUT/versions/edited"
python3 tests/browser/inject.py "$PROGRAMME" "$OUT/versions/edited/snapshot.json" \
    "$SCRIPT_PAYLOAD" "$IMG_PAYLOAD" --restructure
EDITED="$OUT/versions/edited/snapshot.json"
"$BIN" --versions versions diff actieprogramma-2014 "$EDITED" --format html -o "$OUT/diff.html" --force ||
    fail "diff --format html of the programme against the edited copy"
"$BIN" --versions versions diff actieprogramma-2014 "$EDITED" --format json >"$OUT/diff.json" ||
    fail "diff --format json of the programme against the edited copy"
render diff
read -r TOLD TEXT ADDED REMOVED RENUMBERED STATUS SUBSTANTIVE ONLY_RENUMBERED STALE < <(python3 tests/browser/diff_counts.py "$OUT/diff.json")
expect "diff: one article per measure the story tells (as the JSON entries give them)" "$(dom diff count-attr data-change)" "$TOLD"
expect "diff: headline counts the measures changed in substance" "$(dom diff attr data-substantive)" "$SUBSTANTIVE"
expect "diff: headline counts the measures only renumbered" "$(dom diff attr data-renumbered-only)" "$ONLY_RENUMBERED"
expect "diff: headline counts the stale references" "$(dom diff attr data-stale)" "$STALE"
check "diff: the lead sentence says the substantive count in words" dom diff text-contains "$SUBSTANTIVE measures changed in substance"
check "diff: the lead sentence gives the renumbering as ranges" dom diff text-contains "$ONLY_RENUMBERED only renumbered ("
expect "diff: header counts text changes" "$(dom diff count text)" "$TEXT"
expect "diff: header counts added measures" "$(dom diff count added)" "$ADDED"
expect "diff: header counts removed measures" "$(dom diff count removed)" "$REMOVED"
expect "diff: header counts renumbered measures" "$(dom diff count renumbered)" "$RENUMBERED"
expect "diff: header counts status changes" "$(dom diff count status)" "$STATUS"
expect "diff: the added measure is set apart" "$(dom diff count-attr-value data-change added)" "$ADDED"
expect "diff: the removed measure is set apart" "$(dom diff count-attr-value data-change removed)" "$REMOVED"
expect "diff: the title is unchanged (no script ran)" "$(dom diff title)" "actieprogramma-2014 → edited · policydiff diff"
expect "diff: no script element" "$(dom diff count-tag script)" 0
expect "diff: no img element" "$(dom diff count-tag img)" 0
expect "diff: no element has an onerror attribute" "$(dom diff count-attr onerror)" 0
check "diff: the <script> payload shows as text" dom diff text-contains "$SCRIPT_PAYLOAD"
check "diff: the onerror payload shows as text" dom diff text-contains "$IMG_PAYLOAD"
check "diff: words are marked as inserted" test "$(dom diff count-tag ins)" -gt 0

# --- the history of a series, ending with the edited copy with payloads -----
SERIES=(actieprogramma-2014 examples/series/actieprogramma-2015 examples/series/actieprogramma-2016 "$EDITED")
"$BIN" --versions versions history "${SERIES[@]}" --format html -o "$OUT/history.html" --force ||
    fail "history --format html of the series"
"$BIN" --versions versions history "${SERIES[@]}" --format json >"$OUT/history.json" ||
    fail "history --format json of the series"
render history
read -r LINEAGES SUBSTANTIVE_LINEAGES CELLS VERSIONS < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ls = d["lineages"]
cells = sum(1 for l in ls for m in l["measures"] if m is not None)
print(len(ls), sum(1 for l in ls if l["substantive"]), cells, len(d["versions"]))' "$OUT/history.json")
expect "history: one timeline row per lineage (as the JSON lists them)" "$(dom history count-attr data-lineage)" "$LINEAGES"
expect "history: one numbered cell per measure of every version" "$(dom history count-attr data-number)" "$CELLS"
expect "history: headline counts the lineages changed in substance" "$(dom history attr data-substantive)" "$SUBSTANTIVE_LINEAGES"
expect "history: headline counts the versions" "$(dom history attr data-versions)" "$VERSIONS"
expect "history: one step section per pair of versions" "$(dom history count-attr data-step)" "$((VERSIONS - 1))"
expect "history: the chart is there" "$(dom history count-tag svg)" 1
expect "history: the title is unchanged (no script ran)" "$(dom history title)" "actieprogramma-2014 → edited · policydiff history"
expect "history: no script element" "$(dom history count-tag script)" 0
expect "history: no img element" "$(dom history count-tag img)" 0
expect "history: no element has an onerror attribute" "$(dom history count-attr onerror)" 0
check "history: the <script> payload shows as text" dom history text-contains "$SCRIPT_PAYLOAD"
# The attribute payload stands in bodies and status evidence: the page shows
# no body, and the evidence is a chip's tooltip (no element got onerror).

# --- check of the shipped versions ------------------------------------------
# check exits 1 when it finds errors; the report is written either way.
"$BIN" --versions versions check --format html -o "$OUT/check.html" --force
[ -s "$OUT/check.html" ] || fail "check --format html of the shipped versions"
"$BIN" --versions versions check --format json >"$OUT/check.json"
render check
read -r FINDINGS ERRORS WARNINGS INFOS < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
c = d["counts"]
print(len(d["findings"]), c["error"], c["warning"], c["info"])' "$OUT/check.json")
expect "check: one article per finding (as the JSON report lists them)" "$(dom check count-attr data-finding)" "$FINDINGS"
expect "check: header counts errors" "$(dom check count errors)" "$ERRORS"
expect "check: header counts warnings" "$(dom check count warnings)" "$WARNINGS"
expect "check: header counts infos" "$(dom check count infos)" "$INFOS"

finish
