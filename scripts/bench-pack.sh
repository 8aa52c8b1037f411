#!/usr/bin/env bash
# Teacher-tools benchmark: how long `codebot validate` and `codebot grade` take on a big
# pack. Builds a 500-level pack from the built-in levels (each copied 10 times under new
# ids, in 10 chapters of 50), one submission per student holding every level's reference
# solution, then times, with the release binary:
#   - `codebot validate --no-run` (parse and check every level: the issue's < 1 s target),
#   - `codebot validate` (the same, plus every reference solution run on every variant),
#   - `codebot grade` of the submissions (every program re-run on every variant).
# Numbers only: nothing here fails on a slow machine. Run it on an idle machine.
#
#   scripts/bench-pack.sh [students]          # default 3 students
#   CODEBOT_BIN=path/to/codebot scripts/bench-pack.sh
set -euo pipefail
cd "$(dirname "$0")/.."

students="${1:-3}"
bin="${CODEBOT_BIN:-}"
if [ -z "$bin" ]; then
  echo "== cargo build --release" >&2
  cargo build --release --quiet
  bin="${CARGO_TARGET_DIR:-target}/release/codebot"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CODEBOT_DATA_DIR="$work/data"

python3 - "$work" "$students" <<'EOF'
import json, pathlib, re, sys

work, students = pathlib.Path(sys.argv[1]), int(sys.argv[2])
pack = work / "grand-pack"
pack.mkdir()
sources = sorted(pathlib.Path("levels/codebot").rglob("*.ron"))
sources = [s for s in sources if s.name != "pack.ron"]
chapters, solutions = [], {}
for copy in range(10):
    ids = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        old = re.search(r'^  id: "([^"]+)"', text, re.M).group(1)
        new = f"{old}-r{copy}"
        text = text.replace(f'id: "{old}"', f'id: "{new}"', 1)
        # Variants are drawn from the level's id: new ids give new layouts, on which the
        # hand-tuned action target of the third star may not hold: set it to the level's
        # own action limit.
        limit = re.search(r"^  max_actions: (\d+)", text, re.M).group(1)
        text = re.sub(r"(stars: \(max_lines: \d+), max_actions: \d+", rf"\1, max_actions: {limit}", text)
        (pack / f"{new}.ron").write_text(text, encoding="utf-8")
        # The solution is a RON string on one line, with JSON-compatible escapes.
        solution = re.search(r'^  solution: ("(?:[^"\\]|\\.)*"),?$', text, re.M).group(1)
        solutions[new] = json.loads(solution)
        ids.append(new)
    chapters.append(
        f'    (id: "partie-{copy}", title: (fr: "Partie {copy}", en: "Part {copy}"), '
        f'levels: [{", ".join(chr(34) + i + chr(34) for i in ids)}]),'
    )
(pack / "pack.ron").write_text(
    '(\n  id: "grand-pack",\n  title: (fr: "Grand pack", en: "Big pack"),\n'
    '  exam: (time_limit_minutes: 60),\n  chapters: [\n' + "\n".join(chapters) + "\n  ],\n)\n",
    encoding="utf-8",
)
copies = work / "copies"
copies.mkdir()
for n in range(students):
    submission = {
        "format": "codebot-submission", "format_version": 1,
        "pack": "grand-pack", "student": f"Élève {n}", "profile_id": f"eleve-{n}",
        "started_at": 1767225600, "submitted_at": 1767228300, "codebot_version": "0.1.0",
        "levels": {i: {"code": code, "runs": 1} for i, code in solutions.items()},
    }
    (copies / f"grand-pack-eleve-{n}.submission.json").write_text(
        json.dumps(submission), encoding="utf-8")
print(f"{len(solutions)} levels, {students} submissions", file=sys.stderr)
EOF

seconds() { # runs a command, prints its wall time in seconds; its output goes to a log
  local start end
  start=$(date +%s.%N)
  if ! "$@" >"$work/out.log" 2>&1; then
    echo "failed: $*" >&2
    tail -20 "$work/out.log" >&2
    echo "failed"
    return
  fi
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

echo "| command | levels | seconds |"
echo "|---|---|---|"
echo "| validate --no-run | 500 | $(seconds "$bin" validate --no-run "$work/grand-pack") |"
echo "| validate (runs every solution on every variant) | 500 | $(seconds "$bin" validate "$work/grand-pack") |"
echo "| grade, $students submissions | 500 | $(seconds "$bin" grade "$work/grand-pack" "$work"/copies/*.json --csv "$work/marks.csv") |"
passed=$(grep -c ";" "$work/marks.csv" || true)
echo "(marks.csv: $passed lines)" >&2
