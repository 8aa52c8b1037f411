# Fixtures for the teacher's screenshots (sourced by scripts/screenshots.sh, which sets
# BIN, WORK and CODEBOT_DATA_DIR): a class pack and an exam pack installed in the data
# folder, a second exam pack and a broken pack to give with --pack, students' progress
# files and exam submissions in $WORK, and `teacher_desk TAB` choosing the tab the
# teacher's screen opens on (written into the seed copy, $WORK/seed).

# seed_teacher: writes the packs and the class's files, installs two packs.
seed_teacher() {
  local packs="$WORK/packs"
  mkdir -p "$packs/classe-5a/niveaux" "$packs/controle-boucles" "$packs/controle-si" \
    "$packs/casse/niveaux" "$WORK/classe-5a" "$WORK/copies"

  cat >"$packs/classe-5a/pack.ron" <<'EOF'
(
  id: "classe-5a",
  title: (fr: "Parcours de la 5e A", en: "Year 8 A path"),
  chapters: [
    (
      id: "debut",
      title: (fr: "Pour commencer", en: "Getting started"),
      levels: ["codebot/premiers-pas-01", "codebot/premiers-pas-03", "couloir"],
    ),
  ],
)
EOF
  cat >"$packs/classe-5a/niveaux/couloir.ron" <<'EOF'
(
  id: "couloir",
  title: (fr: "Le long couloir", en: "The long corridor"),
  brief: (fr: "Va au bout du couloir, quelle que soit sa longueur.", en: "Go to the end of the corridor, whatever its length."),
  map: "
    #######
    #>...G#
    #######
  ",
  goals: [ReachGoal],
  variants: (count: 3, rules: [Stretch(column: 3, extra: (0, 4))]),
  allowed: ["move", "at_goal"],
  stars: (max_lines: 2, max_actions: 20),
  hints: [(fr: "Une boucle while.", en: "A while loop.")],
  solution: "while not at_goal():\n    move()\n",
)
EOF
  cat >"$packs/controle-boucles/pack.ron" <<'EOF'
(
  id: "controle-boucles",
  title: (fr: "Contrôle : les boucles", en: "Test: loops"),
  chapters: [
    (
      id: "controle",
      title: (fr: "Contrôle", en: "Test"),
      levels: ["codebot/premiers-pas-04", "codebot/boucles-while-01"],
    ),
  ],
  exam: (time_limit_minutes: 45),
)
EOF
  cat >"$packs/controle-si/pack.ron" <<'EOF'
(
  id: "controle-si",
  title: (fr: "Contrôle : les conditions", en: "Test: conditions"),
  chapters: [
    (
      id: "controle",
      title: (fr: "Contrôle", en: "Test"),
      levels: ["codebot/premiers-pas-05", "codebot/premiers-pas-06"],
    ),
  ],
  exam: (time_limit_minutes: 30),
)
EOF
  # A pack with two mistakes: a goal misspelt, a level listed but missing.
  cat >"$packs/casse/pack.ron" <<'EOF'
(
  id: "casse",
  title: (fr: "Pack abîmé", en: "Broken pack"),
  chapters: [
    (id: "un", title: (fr: "Un", en: "One"), levels: ["tresor", "absent"]),
  ],
)
EOF
  sed -e 's/id: "couloir"/id: "tresor"/' -e 's/goals: \[ReachGoal\]/goals: [ReachGoall]/' \
    "$packs/classe-5a/niveaux/couloir.ron" >"$packs/casse/niveaux/tresor.ron"

  "$BIN" install-pack "$packs/classe-5a" >/dev/null
  "$BIN" install-pack "$packs/controle-boucles" >/dev/null

  # Six students' progress on the class pack (Zoé exported twice: counted once).
  local now
  now=$(date +%s)
  progress() { # progress ID NAME "level:passed:stars:attempts:hints ..."
    local id=$1 name=$2 levels="" entry level passed stars attempts hints
    for entry in $3; do
      IFS=: read -r level passed stars attempts hints <<<"$entry"
      [ -n "$levels" ] && levels="$levels,"
      levels="$levels\"classe-5a/$level\": {\"passed\": $passed, \"stars\": $stars, \"attempts\": $attempts, \"hints_used\": $hints, \"code\": \"\", \"last_played\": $now}"
    done
    printf '{"format": "codebot-progress", "format_version": 1, "student": "%s", "profile_id": "%s", "pack": "classe-5a", "exported_at": %s, "codebot_version": "0.1.0", "levels": {%s}}\n' \
      "$name" "$id" "$now" "$levels"
  }
  progress zoe-k3xa "Zoé" "premiers-pas-01:true:3:1:0 premiers-pas-03:true:2:3:1 couloir:true:3:2:0" \
    >"$WORK/classe-5a/zoe.progress.json"
  cp "$WORK/classe-5a/zoe.progress.json" "$WORK/classe-5a/zoe-copie.progress.json"
  progress leo-p2mn "Léo" "premiers-pas-01:true:3:1:0 premiers-pas-03:false:0:5:2" \
    >"$WORK/classe-5a/leo.progress.json"
  progress ines-8qwe "Inès" "premiers-pas-01:true:2:2:1 premiers-pas-03:true:3:1:0 couloir:false:0:4:1" \
    >"$WORK/classe-5a/ines.progress.json"
  progress noah-4fgh "Noah" "premiers-pas-01:true:1:6:2" >"$WORK/classe-5a/noah.progress.json"
  progress mila-7jkl "Mila" "premiers-pas-01:true:3:1:0 premiers-pas-03:true:3:1:0 couloir:true:2:2:1" \
    >"$WORK/classe-5a/mila.progress.json"
  progress sacha-1zxc "Sacha" "premiers-pas-01:false:0:2:0" >"$WORK/classe-5a/sacha.progress.json"
  echo '{"format": "something-else"}' >"$WORK/classe-5a/notes.json"

  # Three exam copies: one right, one wrong on the second level, one blank there.
  escaped_solution() { # the reference solution as written in its file: a JSON string
    sed -n 's/^  solution: "\(.*\)",$/\1/p' "$(grep -rl "id: \"$1\"" levels/)"
  }
  local right_a right_b
  right_a=$(escaped_solution premiers-pas-04)
  right_b=$(escaped_solution boucles-while-01)
  submission() { # submission ID NAME CODE_A CODE_B
    printf '{"format": "codebot-submission", "format_version": 1, "pack": "controle-boucles", "student": "%s", "profile_id": "%s", "started_at": %s, "submitted_at": %s, "codebot_version": "0.1.0", "levels": {"premiers-pas-04": {"code": "%s", "runs": 3}, "boucles-while-01": {"code": "%s", "runs": 2}}, "handed_in": true}\n' \
      "$2" "$1" "$now" "$now" "$3" "$4"
  }
  submission zoe-k3xa "Zoé" "$right_a" "$right_b" >"$WORK/copies/zoe.submission.json"
  submission leo-p2mn "Léo" "$right_a" 'move()\nmove()\n' >"$WORK/copies/leo.submission.json"
  submission ines-8qwe "Inès" "$right_a" "" >"$WORK/copies/ines.submission.json"
}

# teacher_desk TAB: the teacher's screen opens on TAB (Packs, Progress or Exams) with the
# class's files chosen.
teacher_desk() {
  cat >"$WORK/seed/teacher.ron" <<EOF
(
    tab: $1,
    progress: ["$WORK/classe-5a"],
    exam: Some("controle-boucles"),
    submissions: ["$WORK/copies"],
)
EOF
}
