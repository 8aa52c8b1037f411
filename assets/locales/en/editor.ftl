# editor.ftl: texts of the editor screens (en).


## The level editor screen.

editor-back = ⬅ Teacher's tools
editor-title-bar = Level editor
editor-unsaved = Unsaved changes
editor-unsaved-short = (modified)
editor-undo = Undo (Ctrl+Z)
editor-redo = Redo (Ctrl+Y)
editor-undo-button = Undo
editor-redo-button = Redo
editor-busy = Saving…
editor-new = New
editor-open = Open…
editor-save-button = Save…
editor-save-help-short = Save the level into a pack (Ctrl+S saves to the same place).
editor-export = Export .zip…
editor-export-help = Save this level's pack as a .zip file to give to the class (save the level first).
editor-tab-texts = Texts
editor-tab-rules = Rules
editor-tab-solution = Solution
editor-tab-file = File
editor-default-pack-title = My levels
editor-default-chapter-title = Chapter 1

## Status line.
# Why an edit was refused. $x, $y: the cell (from 0); $mark: a map character;
# $what: hint, rule or goal; $number: its number (from 1).
editor-refused-outside-map = Not possible: square ({ $x }, { $y }) is outside the map.
editor-refused-size = Not possible: a map is 1 to { $max } squares wide and high, not { $width }×{ $height }.
editor-refused-unknown-mark = Not possible: "{ $mark }" is neither in the legend nor in Codebot's alphabet.
editor-refused-bad-mark = Not possible: "{ $mark }" cannot be used on the map (no spaces, quotes or backslashes).
editor-refused-mark-in-use = Not possible: "{ $mark }" is drawn on the map; paint its squares with something else first.
editor-refused-no-free-mark = Not possible: every character the legend can use is already taken.
editor-refused-no-entry = Not possible: there is no { $what ->
        [hint] hint
        [rule] rule
       *[goal] goal
    } number { $number }.
editor-status-new = New level. Paint the map with the tools on the left.
editor-status-opened = Opened: { $name }
editor-status-open-failed = Cannot open { $name }: { $reason }
editor-status-unknown-level = No level is called "{ $name }".
editor-status-no-dialog = No file dialog on this computer: drop the .ron file on the game's window.
editor-status-save-first = Save the level into a pack first.
editor-status-saved-library = Saved into the pack "{ $pack }" of the library: students on this computer can play it.
# In the browser.
editor-status-saved-browser = Saved into the pack "{ $pack }" of this browser: it can be played at once in this browser.
editor-status-saved-folder = Saved: { $path }
editor-status-saved-with-problems = Saved: { $path }. The pack still has { $count } problem(s), listed under the map.
editor-status-save-failed = The pack "{ $pack }" was not saved: { $reason }
editor-status-exported = Pack exported: { $path }
# In the browser. $path: the name of the file downloaded.
editor-status-downloaded = Pack downloaded: { $path } (in your Downloads folder), to give to the class.
editor-status-export-failed = Cannot export to { $path }: { $reason }

## Tool palette.
editor-tools = Tools
editor-marks = Characters of this level
editor-tools-help = Click or drag: paint. Right click: clear. Thin wall: click near an edge.
editor-tool-floor = Floor (clears)
editor-tool-wall = Wall
editor-tool-goal = Goal cell G
editor-tool-robot = Robot, facing { $heading }
editor-tool-item = { $item } × { $count }
editor-tool-color = { $color } floor
editor-tool-thin-wall = Thin wall between two cells
editor-tool-mark = Character "{ $mark }"
editor-heading-north = north
editor-heading-east = east
editor-heading-south = south
editor-heading-west = west
editor-item-gem = Gem
editor-item-coin = Coin
editor-item-key = Key
editor-item-battery = Battery
editor-item-count = Items per cell
editor-new-mark = New character
editor-new-mark-help = Creates a legend character that paints what the tool paints, so that a goal or a variant rule can name these cells.
editor-remove-mark = Remove this character
editor-map-size = Map size
editor-width = Width
editor-height = Height
editor-walls-around = Walls all around

## Texts tab.
editor-id = Id
editor-id-help = Letters without accents, digits, - and _. Students' saves refer to it: do not change it once the level has been played.
editor-title = Title
editor-brief = Brief
editor-lang-fr = French
editor-lang-en = English
editor-hints = Hints
editor-hints-help = Shown one at a time, from a nudge to nearly the answer. Write at least three.
editor-hint-number = Hint { $number }
editor-remove = Remove
editor-add-hint = Add a hint
editor-notes = Notes for teachers
editor-notes-help = The comment at the top of the file: never shown to students.

## Rules tab.
editor-goals = Goals
editor-goals-help = All must hold at the end. Written as in level files: ReachGoal, CollectAll(gem), Carry(3), RobotOn('X'), ItemsOn('D', 2), Painted('y', red), Output("…"), Said("…"), All([…]), Any([…]).
editor-add = Add:
editor-goal-reach = Reach G
editor-goal-collect = Collect all
editor-goal-carry = Carry
editor-goal-robot-on = End on…
editor-goal-items-on = Drop on…
editor-goal-painted = Paint…
editor-goal-output = Print
editor-goal-said = Say
editor-functions = Robot functions allowed
editor-functions-all = All functions
editor-functions-help = print() is always allowed. Without turn_right(), students build it from three turn_left().
editor-limits = Limits and stars
editor-max-actions = Most actions
editor-star-lines = Star 2: at most lines of code
editor-star-actions = Star 3: at most actions
editor-stars-help = One star for passing, one for a short program, one for an efficient one (on the longest variant). Test the solution to set them.
editor-variants = Variants
editor-variant-count = Number of variants
editor-variants-help = Every run plays all the variants: a program that replays the steps of one map fails on another. Columns and rows count from 0, as along the map's edge.
editor-rule-stretch = Stretch a column
editor-rule-stretch-row = Stretch a row
editor-rule-scatter = Scatter
editor-rule-item-count = Item count
editor-rule-random-heading = Random starting direction
editor-rule-stretch-column = Repeat column
editor-rule-stretch-row-label = Repeat row
editor-rule-extra = extra times, from
editor-rule-scatter-keep = Keep from
editor-rule-scatter-of = of the cells
editor-rule-item-count-cells = Cells
editor-rule-item-count-hold = hold items:

## Solution tab.
editor-test = ▶ Test
editor-test-help = Runs the reference solution on every variant, as "codebot validate" does.
editor-test-running = Testing… { $seconds } s
editor-test-stale = The level changed since this test.
editor-test-not-run = The solution could not be run: fix the level's problems first.
editor-test-passed = The solution passes every variant with 3 stars: the level is ready.
editor-test-stars = The solution passes, but earns only { $stars } star(s) of 3.
editor-test-failed = The solution does not pass every variant.
editor-use-stars = Set the stars from the solution ({ $lines } lines, { $actions } actions)
editor-use-stars-help = Students earn the stars by doing as well as your solution.

## Problems and file.
editor-no-problems = No problem: the level can be saved and played.
editor-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
  }
editor-problem-place = line { $line }, col. { $column }
editor-pack-problems = Problems of the pack
editor-copy = Copy
editor-file-help = The file as it will be saved: it stays readable and editable in a text editor (see docs/levels.md).

## Windows.
editor-save-title = Save the level
editor-save-where = Where
editor-save-in-library = In my pack library (playable at once on this computer)
# In the browser (there are no folders).
editor-save-in-browser = In this browser's pack library (playable at once in this browser)
editor-save-in-folder = In a folder
editor-choose-folder = Choose a folder…
editor-no-folder = No folder chosen.
editor-save-pack = Pack
editor-new-pack = New pack
editor-save-chapter = Chapter
editor-new-chapter = New chapter
editor-save-help = The level is added at the end of the chapter, or replaced if it is there already. The library only accepts a pack without problems; a folder also keeps work in progress.
editor-save-help-web = The level is added at the end of the chapter, or replaced if it is there already. The library only accepts a pack without problems. To give the pack to the class: "Export .zip…" downloads it.
editor-save = Save
editor-save-incomplete = Fill in the ids and the titles.
editor-cancel = Cancel
editor-open-title = Open a level
editor-open-file = Open a .ron file…
editor-open-help = Or choose a level of a pack. A built-in level is saved into one of your packs.
editor-unsaved-title = Unsaved changes
editor-unsaved-body = The level changed since it was last saved. Drop these changes?
editor-unsaved-discard = Drop the changes

## Problems of a level, as the editor lists them (one per LevelProblem kind).
## Arguments are those of the problem; seeds are variant numbers, counted from 0.

editor-problem-io = cannot read the file: { $message }
editor-problem-not-a-level-or-pack = not a level file (.ron) nor a pack folder.
editor-problem-no-pack-file = this folder has no pack.ron describing the pack.
editor-problem-syntax = the file is not valid RON: { $message }
editor-problem-symlink = symbolic links are refused in packs: copy the file itself.
editor-problem-special-file = not a regular file.
editor-problem-unsafe-path = this path could lead outside the pack ("..", absolute path, drive letter, backslash).
editor-problem-duplicate-entry = two files of the archive have the same name (ignoring case).
editor-problem-name-not-utf8 = the file name is not UTF-8.
editor-problem-not-utf8 = the file is not UTF-8 text.
editor-problem-file-too-large = the file is larger than { $max_bytes } bytes once decompressed.
editor-problem-too-many-files = the pack holds more than { $max } files.
editor-problem-pack-too-large = the pack is larger than { $max_bytes } bytes once decompressed.
editor-problem-bad-archive = not a readable zip archive: { $message }
editor-problem-bad-id = the id "{ $id }" must be non-empty and use only letters without accents, digits, "-" and "_".
editor-problem-empty-text = { $field ->
    [title] the title
    [brief] the brief
    [hint] hint { $number }
   *[other] the text { $field }
  } is empty in { $lang ->
    [fr] French
   *[other] English
  }.
editor-problem-unknown-function = "{ $name }" is not a robot function.
editor-problem-no-goals = the level has no goals: any program would pass.
editor-problem-unknown-mark = a goal names the character "{ $mark }", which is not drawn on the map.
editor-problem-no-goal-cell = the goal "reach G" needs a goal cell G on the map.
editor-problem-zero-limit = { $field } must be at least 1.
editor-problem-star-above-limit = the star target of { $stars } actions is above the level's limit of { $limit } actions.
editor-problem-empty-solution = the level has no reference solution.
editor-problem-solution-uses-forbidden = the reference solution calls { $name }(), which the level does not allow.
editor-problem-solution-fails = { $seed ->
    [none] the reference solution is not good enough
   *[other] the reference solution fails on variant { $seed }
  }: { $reason }
editor-problem-no-robot = the map has no robot: place it with the Robot tool.
editor-problem-too-many-robots = the map has { $count } robots; there must be exactly one.
editor-problem-unknown-char = unknown character "{ $ch }": add it to the legend.
editor-problem-conflicting-features = the legend of "{ $mark }" mixes a wall with other things, or has several robots.
editor-problem-map-too-large = variant { $seed }: the map is { $width }x{ $height }, larger than the maximum of { $max }x{ $max }.
editor-problem-wall-outside-map = the thin wall at x={ $x }, y={ $y } is outside the map.
editor-problem-goal-unreachable = variant { $seed }: the robot cannot reach this goal cell.
editor-problem-mark-unreachable = variant { $seed }: the robot cannot reach any cell "{ $mark }" that a goal needs.
editor-problem-item-unreachable = variant { $seed }: the robot cannot reach this item, yet a goal needs it collected.
editor-problem-not-enough-items = variant { $seed }: a goal needs { $wanted } items but only { $available } can be reached.
editor-problem-bad-variant-count = the number of variants is { $count }; it must be between 1 and { $max }.
editor-problem-stretch-outside-map = cannot stretch { $axis ->
    [row] row
   *[other] column
  } { $index }: the map has { $size } (numbered from 0).
editor-problem-rule-mark-not-on-map = the rule uses the character "{ $mark }", which is not drawn on the map.
editor-problem-no-item-to-count = ItemCount('{ $mark }') needs cells whose legend holds an item.
editor-problem-bad-range = the range ({ $min }, { $max }) is empty: the first number must not exceed the second.
editor-problem-identical-variants = variant { $seed } is identical to variant { $same_as }: add or widen variant rules.
editor-problem-duplicate-level-id = the level id "{ $id }" is already used by { $first_file }.
editor-problem-unknown-level = no file of the pack has the id "{ $id }".
editor-problem-level-in-two-chapters = the level "{ $id }" is already in another chapter.
editor-problem-duplicate-chapter-id = the chapter id "{ $id }" is used twice.
editor-problem-empty-chapter = the chapter "{ $id }" lists no levels.
editor-problem-no-chapters = the pack has no chapters.
editor-problem-unknown-builtin-level = "{ $reference }" names no level of a built-in pack (write pack/level, e.g. codebot/premiers-pas-01).
editor-problem-borrowed-id-clash = two levels of the pack have the id "{ $id }" (one of them borrowed from a built-in pack).
editor-problem-bad-time-limit = the exam lasts { $minutes } minutes; it must be between 1 and { $max }.
editor-solution-stars = it earns { $stars } star(s) of 3 ({ $lines } lines of code, up to { $actions } actions): loosen the star targets or shorten it.
