# Codebot: messages in English.
#
# Read by src/i18n (embedded in the program with include_str!). Every message also exists
# in ../fr/codebot.ftl; a test checks that both files have the same ids.
# Tone: talking to a 13-year-old beginner, in one or two short sentences: what happened,
# then what to try.
# "problem-*" and "robot-*" messages start with a lowercase letter: the code puts
# "Line 3:" in front when the line is known, and a capital letter otherwise.

## Where the error is

# $line: line number in the student's program.
where-line = Line { $line }:
# $line, $column: line and column (syntax errors).
where-line-column = Line { $line }, column { $column }:

## Syntax errors (before the program runs)

problem-missing-colon = a ":" is missing at the end of this line. Lines starting with if, for, while, else and def end with a colon.
problem-assign-in-condition = to compare in a condition, write "==". A single "=" stores a value in a variable.
problem-bad-indentation = the indentation of this line (the spaces at its start) is wrong. Under a line ending with ":", indent the lines of the block by 4 spaces; elsewhere, don't indent.
# $kind: paren, square, curly or other; $bracket: the opening symbol; $closing: the symbol that closes it.
problem-unclosed-bracket =
    { $kind ->
        [paren] the parenthesis "{ $bracket }" opened here is never closed. Add "{ $closing }" in the right place.
        [square] the square bracket "{ $bracket }" opened here is never closed. Add "{ $closing }" in the right place.
        [curly] the curly bracket "{ $bracket }" opened here is never closed. Add "{ $closing }" in the right place.
       *[other] the symbol "{ $bracket }" opened here is never closed. Check the symbols on this line.
    }
# $kind: paren, square, curly or other; $bracket: the closing symbol; $opening: the symbol that opens it.
problem-unmatched-bracket =
    { $kind ->
        [paren] the parenthesis "{ $bracket }" closes something that was never opened. Remove it, or add "{ $opening }" before it.
        [square] the square bracket "{ $bracket }" closes something that was never opened. Remove it, or add "{ $opening }" before it.
        [curly] the curly bracket "{ $bracket }" closes something that was never opened. Remove it, or add "{ $opening }" before it.
       *[other] the symbol "{ $bracket }" closes something that was never opened. Check the symbols on this line.
    }
problem-unclosed-string = some text starts with a quote but never ends. Close it with the same quote (" or ') on the same line.
# $limit: maximum depth.
problem-too-deeply-nested =
    your code is nested too deeply: more than { $limit } { $limit ->
        [one] level
       *[other] levels
    } of blocks or brackets inside each other. Make it simpler, for example with a function (def).
# $limit: maximum number of characters.
problem-program-too-long =
    your program is too long: Codebot accepts at most { $limit } { $limit ->
        [one] character
       *[other] characters
    }. Use loops and functions so you don't repeat the same lines.
# $detail: the words of Python's parser.
problem-invalid-syntax = Python doesn't understand this line (Python says: "{ $detail }"). Check the spelling, brackets, quotes and colons.
problem-several-statements = there are several instructions on the same line. Put each instruction on a line of its own (press Enter after each ")").
# $name: the name written without parentheses.
problem-missing-call-parens = "{ $name }" without parentheses does not call the function: write { $name }().

## Not allowed in Codebot

# $module: the imported module.
problem-forbidden-import = no need to import "{ $module }": in Codebot, everything you need to guide the robot is already there. Only "math" and "random" can be imported. Remove this import line.
# $name: open, eval, exec...
problem-forbidden-name = "{ $name }" is not available in Codebot. Your program doesn't need it to guide the robot.
# $name: the refused attribute.
problem-forbidden-attribute = ".{ $name }" is part of Python's inner machinery, which Codebot doesn't allow (like every name starting with "_" after a dot). You don't need it here.
# $name: the robot function refused in this level.
problem-not-allowed-in-level = in this level, you can't use { $name }(). Try to succeed with the robot's other functions.

## Errors while running

# $name: the unknown name.
problem-unknown-name = Python doesn't know "{ $name }". Check the spelling, or give it a value before using it.
# $name: the unknown name; $suggestion: the closest known name.
problem-unknown-name-suggestion = Python doesn't know "{ $name }". Did you mean "{ $suggestion }"?
# $name: red, green, blue or yellow written without quotes.
problem-unquoted-colour = "{ $name }" is a colour: it is text, so write it between quotes, like paint("{ $name }").
# $function, $expected, $given
problem-wrong-argument-count =
    you gave { $given ->
        [0] no values
        [one] { $given } value
       *[other] { $given } values
    } to { $function }(), but it { $expected ->
        [0] takes none: leave the parentheses empty
        [one] takes { $expected }
       *[other] takes { $expected }
    }.
# $function, $expected
problem-wrong-argument-count-expected =
    between the parentheses of { $function }(), { $expected ->
        [0] put no values
        [one] put { $expected } value
       *[other] put { $expected } values
    }. Check what you wrote there.
# $function
problem-wrong-argument-count-unknown = the number of values between the parentheses of { $function }() is wrong. Check how this function is used.
problem-text-and-number = you are mixing text and numbers. To join a number to some text, turn it into text with str(...); to do maths with text like "3", turn it into a number with int(...).
# $function
problem-bad-argument = the value given to { $function }() doesn't fit. Check what you put between the parentheses.
# $function: paint or peindre.
problem-bad-argument-paint = between the parentheses of { $function }(), put a color in quotes: "red", "green", "blue" or "yellow".
problem-division-by-zero = division by zero: a number can't be divided by 0. Check what comes after "/", "//" or "%".
problem-index-out-of-range = you asked for a position that doesn't exist in the list. Positions start at 0: a list of 3 items goes from 0 to 2.
# $key: the missing key.
problem-missing-key = the key "{ $key }" doesn't exist in this dictionary. Check its spelling, or add it before reading it.
# $what: what the program tried to call.
problem-not-callable = "{ $what }" is not a function, so it can't be called with parentheses. Did you give a variable the same name as a function?
problem-recursion-too-deep = your function calls itself too many times and never stops. Add a case (with if) where it doesn't call itself again.
problem-value-too-big = you asked Python to make something huge, for example range() with a very big number. Use smaller numbers.
# $exception: the Python error type; $message: its message.
problem-python-error = Python reported an error ({ $exception }): "{ $message }". Read this line carefully.
# $exception: the Python error type.
problem-python-error-no-message = Python reported an error ({ $exception }). Read this line carefully.
problem-crashed = your program stopped in an unexpected way. It's probably not your fault: try again, and if it happens again, make your program simpler.

## The robot refused an action

robot-hit-wall = the robot bumped into a wall. Check front_is_clear() before moving.
robot-nothing-to-pick = there is nothing to pick up on this square. Check item_here() before calling pick().
robot-hit-wall-no-sensor = the robot bumped into a wall. Count the squares, and look which way it faces before moving.
robot-nothing-to-pick-no-sensor = there is nothing to pick up on this square. Count the squares up to the item before calling pick().
robot-bag-empty = the robot's bag is empty: it has nothing to drop. Pick something up first with pick().

## Limits

# $limit: maximum number of actions.
problem-too-many-actions =
    the robot has already done { $limit } { $limit ->
        [one] action
       *[other] actions
    }, the maximum. Maybe a loop never stops: check its condition.
# $seconds: the duration as text ("2.5"); $count: the same as a number, for the plural.
problem-timeout =
    your program had not finished after { $seconds } { $count ->
        [one] second
       *[other] seconds
    }: does a loop never stop, or is a calculation far too big? Check that the condition of your while becomes false at some point.
# $megabytes: maximum memory in megabytes.
problem-memory = your program uses too much memory (more than { $megabytes } MB). Does a list or a text keep growing inside a loop?
# $limit: maximum number of printed characters.
problem-output-limit =
    your program prints too much text (more than { $limit } { $limit ->
        [one] character
       *[other] characters
    }). Maybe a print() is inside a loop that never stops.

## Level goals not met

goal-not-on-goal = The robot must end on the goal square, but it stopped somewhere else. Count the squares carefully.
# $mark: the letter of the square on the map.
goal-not-on-mark = The robot must end on the "{ $mark }" square, but it stopped somewhere else. Count the squares carefully.
# $left: items still on the floor.
goal-items-left =
    { $left ->
        [one] There is still 1 item on the floor
       *[other] There are still { $left } items on the floor
    }. The robot must pick everything up.
# $wanted, $carried
goal-not-carrying =
    The robot must carry at least { $wanted } { $wanted ->
        [one] item
       *[other] items
    }, but { $carried ->
        [0] it carries none
       *[other] it only carries { $carried }
    }.
# $mark, $wanted, $found
goal-wrong-item-count =
    { $wanted ->
        [0] Every "{ $mark }" square must be empty
        [one] Every "{ $mark }" square must hold 1 item
       *[other] Every "{ $mark }" square must hold { $wanted } items
    }, but { $found ->
        [0] one of them holds none
       *[other] one of them holds { $found }
    }.
# $mark; $color: the color's name (message color-*).
goal-not-painted = Every "{ $mark }" square must be painted { $color }. Put the robot on each one and use paint("{ $color }").
# $expected, $printed: short texts (one line).
goal-wrong-output = Your program should print "{ $expected }", but it printed "{ $printed }".
# $expected
goal-wrong-output-nothing = Your program should print "{ $expected }", but it printed nothing. Use print(...).
# $number: number of the printed line; $expected, $printed: that line.
goal-wrong-output-line = Printed line { $number } should be "{ $expected }", but your program printed "{ $printed }".
# $number, $expected
goal-wrong-output-missing-line = Some printed lines are missing: line { $number } should be "{ $expected }".
# $number, $printed
goal-wrong-output-extra-line = Your program prints too many lines: line { $number } ("{ $printed }") was not expected.
# $expected, $said
goal-wrong-said = The robot should say "{ $expected }", but it said "{ $said }".
# $expected, $said: the same words, capitals apart.
goal-wrong-said-case = The robot should say "{ $expected }", but it said "{ $said }". Almost: mind the capital letters!
# $expected
goal-wrong-said-nothing = The robot should say "{ $expected }", but it said nothing. Use say(...).
# $first: the message of the first possible goal.
goal-none-of = None of the possible goals is met. For example: { $first }

## Colors (the same words paint() accepts)

color-red = red
color-green = green
color-blue = blue
color-yellow = yellow

## Verdicts printed by the command line

# $stars: stars earned, 0 to 3.
verdict-passed =
    Passed! { $stars ->
        [0] No stars yet: try with fewer lines or fewer actions.
        [one] You earn 1 star out of 3.
       *[other] You earn { $stars } stars out of 3.
    }
verdict-failed = Not passed yet. Read the message, fix your program and try again!
# $seed: the variant's number (pass it as text); $actions: the robot's actions.
verdict-variant-passed =
    Variant { $seed }: passed in { $actions } { $actions ->
        [one] action
       *[other] actions
    }
# $seed: the variant's number (pass it as text); $reason: an already translated message.
verdict-variant-failed = Variant { $seed }: { $reason }
verdict-variant-not-run = Variant { $seed }: not run, because an earlier variant stopped on an error.
# $stars: stars earned (0 to 3), $lines: lines of code, $actions: most robot actions in a variant.
verdict-stars-detail = { $lines } { $lines ->
    [one] line
   *[other] lines
 } of code, at most { $actions } { $actions ->
    [one] action
   *[other] actions
 } in a variant.
verdict-validate-ok = { $count } { $count ->
    [one] level checked
   *[other] levels checked
 }: no problem found.
# $passed, $total: numbers of variants.
verdict-variants-summary =
    { $passed } of { $total } { $total ->
        [one] variant
       *[other] variants
    } passed.

## Problems with what the command line was given

# $path: the given path; $reason: why (often from the system).
input-unreadable-level = Cannot read the level "{ $path }": { $reason }
# $reference: what was typed, for example basics/level-01.
input-unknown-level = No level is called "{ $reference }". Type "codebot list" to see the available levels.
# $path, $reason
input-unreadable-program = Cannot read the program "{ $path }": { $reason }

## The robot's functions, in one line (English name first)

fn-move = move(): the robot moves one square forward.
fn-turn-left = turn_left(): the robot turns a quarter turn to the left.
fn-turn-right = turn_right(): the robot turns a quarter turn to the right.
fn-pick = pick(): the robot picks up an item from its square.
fn-drop = drop(): the robot puts an item from its bag down on its square.
fn-paint = paint(color): the robot paints its square "red", "green", "blue" or "yellow".
fn-say = say(text): the robot says the text in a speech bubble.
fn-front-is-clear = front_is_clear(): answers True if the square in front of the robot is free.
fn-wall-in-front = wall_in_front(): answers True if there is a wall in front of the robot.
fn-item-here = item_here(): tells whether there is an item on the robot's square.
fn-at-goal = at_goal(): answers True if the robot is on the goal square.
fn-color-here = color_here(): gives the color of the robot's square.

## curriculum

# The three tiers of a chapter (as in CitizenCode), shown on the level map.
tier-discovery = Discovery
tier-practice = Practice
tier-challenge = Challenge
# Career cards (src/curriculum): headings of the parts of a card.
career-what = The job
career-day = A day at work
career-skill = What you learned that this job uses
career-path = How to get there after collège (age 15)
# $name: the first name of the person on the card; $role: what they do, for example
# "developer at a company making health apps".
career-persona = { $name }, { $role }
# $chapter: the title of the chapter to finish.
career-locked = Finish the chapter "{ $chapter }" to discover this job.
# $title: the title of the unlocked card.
career-unlocked = New career card: { $title }!
# $title: the name of the badge earned.
badge-earned = New badge: { $title }!

## game: screens

common-back = ⬅ Back
common-cancel = Cancel
common-keys-help = Keyboard: Tab or arrows to move · Enter to choose · Esc to go back
title-tagline = Program the robot in Python!
title-play = Play
# $name: the current profile.
title-continue = Continue ({ $name })
title-change-profile = Change profile
title-settings = Settings
title-credits = About
title-quit = Quit
profiles-title = Who is playing?
profiles-subtitle = Pick your profile, or create yours. Your progress is kept on this computer.
profiles-new = New profile
profiles-edit = Edit
# $stars: stars earned; $levels: levels passed.
profiles-card-progress =
    { $stars } · { $levels ->
        [0] no level
        [one] 1 level
       *[other] { $levels } levels
    }
profiles-card-recovered = Damaged save: the backup will be used
profiles-card-newer = Made by a newer version of Codebot
profiles-card-unreadable = Unreadable: ask your teacher
profiles-create-title = Create your profile
profiles-edit-title = Edit the profile
profiles-name = Your first name or nickname:
profiles-name-hint = for example Zoe
profiles-avatar = Choose your robot:
# $number: the avatar's number (1 to 8).
profiles-avatar-number = Robot { $number }
profiles-create = Create and play
profiles-save = Save
profiles-delete = Delete this profile…
# $name: the profile's name.
profiles-delete-confirm = Delete the profile "{ $name }" and all its progress? The files are set aside in Codebot's trash folder: your teacher can get them back.
profiles-delete-yes = Yes, delete
profiles-error-name-empty = Write a name for your profile.
# $max: the most characters allowed.
profiles-error-name-too-long = This name is too long: { $max } characters at most.
profiles-error-name-invalid = This name has characters that are not allowed.
profiles-error-name-taken = There is already a profile "{ $name }". Choose another name (add your last name's initial, for example).
profiles-error-unreadable = The profile "{ $name }" cannot be read: its save and its backup copy are both damaged. Nothing was erased: show this message to your teacher.
profiles-error-newer = The profile "{ $name }" was saved by a newer version of Codebot. It was not changed: open it with that version.
# $reason: the technical reason, for the teacher.
profiles-error-failed = That did not work. Show this message to your teacher: { $reason }
map-no-levels = No level is installed.
map-all-done = You passed every level. Well done! Try to earn every star.
# $number: the chapter's number; $title: its title.
map-chapter = Chapter { $number } · { $title }
# $passed, $total: levels passed out of the total; $stars, $max: stars earned out of the most.
map-chapter-progress = { $passed }/{ $total } passed · { $stars }/{ $max } ★
map-chapter-locked = Pass the levels of the chapter before (its final challenge is optional) to open this one.
# $stars: stars earned; $levels: levels passed.
map-total =
    { $stars } ★ · { $levels ->
        [0] no level passed
        [one] 1 level passed
       *[other] { $levels } levels passed
    }
map-settings = Settings
map-change-profile = Change profile
map-home = Home
map-next = Your turn!
map-level-locked = locked
map-level-open = to do
# $stars: stars earned (0 to 3).
map-level-passed =
    passed, { $stars ->
        [one] 1 star
       *[other] { $stars } stars
    }
map-level-locked-help = Pass the level before to open this one.
settings-title = Settings
settings-language = Language
settings-text-size = Text size
settings-text-size-help = Makes the whole game bigger: texts, buttons and code.
settings-text-normal = Normal
settings-text-large = Large
settings-text-larger = Larger
settings-text-largest = Huge
settings-contrast = High contrast
settings-contrast-help = White text on black, bright colours: easier to read, also on a projector.
settings-off = Off
settings-on = On
settings-speed = Robot speed
settings-speed-help = How fast the robot replays your program.
settings-speed-slow = Slow
settings-speed-normal = Normal
settings-speed-fast = Fast
settings-speed-fastest = Very fast
settings-motion = Reduced motion
settings-motion-help = No sliding or effects: the robot jumps from square to square without animation.
# $name: the current profile.
settings-saved-in-profile = These settings are saved in { $name }'s profile.
settings-no-profile = These settings last until you choose a profile; then they are saved in your profile.
notice-title-info = Done
notice-title-warning = Warning
notice-title-error = A problem
notice-title-reward = Well done!
# The second button of a notice that offers to open a screen.
notice-later = Later
notice-ok = I understand
notice-file-missing = the file is missing
notice-file-empty = the file is empty
notice-file-truncated = the file stops before its end (the computer may have been switched off while saving)
notice-file-garbled = the file cannot be read
notice-file-invalid = the file holds impossible values
notice-file-newer = the file comes from a newer version of Codebot
notice-file-io = the computer refused to read the file
# $name: the profile; $problem: what was wrong (one of the notice-file-… messages); $copy: where the damaged file is kept.
notice-profile-recovered = { $name }'s last save was damaged: { $problem }. Codebot used the backup copy, so your very latest progress may be missing; everything else is there. The damaged file is kept for your teacher ({ $copy }).
# $reason: the technical reason.
notice-save-failed = Your progress could not be saved. Codebot will try again by itself; if this message comes back, tell your teacher. Reason: { $reason }
notice-no-data-folder = Codebot cannot find a folder to keep your progress in: it will be lost when the game closes. Tell your teacher. Reason: { $reason }
notice-list-failed = The list of profiles could not be read. Tell your teacher. Reason: { $reason }
# $name: the name given with --profile.
notice-start-profile-failed = The profile "{ $name }" could not be opened: { $reason }
credits-title = About Codebot
credits-about-title = Codebot { $version }
credits-about = A game to learn Python by programming a robot: write your program, watch the robot run it, fix it, and earn stars. It works without the Internet and keeps each student's progress on the computer.
credits-built-with-title = Built with
credits-built-with = Bevy (game engine, MIT or Apache-2.0) · egui and bevy_egui (interface, MIT or Apache-2.0) · RustPython (Python, MIT) · Fluent (translations, Apache-2.0 or MIT) · the Rust language.
credits-art-title = Pictures and fonts
credits-art = The robot, the squares, the items and the avatars are drawn by the game's own code, pixel by pixel. Fonts bundled with egui: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT and Bitstream Vera), Noto Emoji and emoji-icon-font (SIL Open Font Licence 1.1).
credits-licence-title = Licence
credits-licence = Codebot is free software, under the MIT or Apache-2.0 licence, as you choose: you may use it, study it, share it and improve it.

## game: level screen

level-no-levels = No level is installed.
# Put as a comment at the top of the editor of a new level (one line = one comment line).
level-code-starter =
    Write your program here,
    then click "Run".
level-run-crashed = Codebot could not run your program. Try again; if it happens again, tell your teacher.
level-run-no-worker = Codebot cannot find its own program to run yours. Tell your teacher.
level-back-to-map = ⬅ Map
level-best-stars = Your best:
level-mission = Mission
level-goal = Goal
level-functions = Robot functions
level-function-print = print(text): shows the text in the console.
level-hints = Need help?
# $count: number of variants of the level.
level-variants-note =
    { $count ->
        [one] Your program will be tested on this world.
       *[other] Your program will be tested on { $count } variants of this world: it must work on all of them.
    }
# $number: the hint's number; $total: number of hints.
level-hint-title = Hint { $number } of { $total }
level-hint-reveal = Show hint { $number } of { $total }
level-goal-reach = Bring the robot to the goal square G (the flag).
# $mark: the letter written on the square.
level-goal-robot-on = Stop the robot on the square "{ $mark }".
level-goal-collect-all = Pick up every item.
# $kind: gem, coin, key or battery.
level-goal-collect-kind =
    Pick up { $kind ->
        [gem] every gem
        [coin] every coin
        [key] every key
       *[battery] every battery
    }.
level-goal-carry =
    The robot must end up carrying at least { $count } { $count ->
        [one] item
       *[other] items
    }.
level-goal-items-on =
    { $count ->
        [0] Every square "{ $mark }" must end up empty.
        [one] Every square "{ $mark }" must end up with exactly 1 item.
       *[other] Every square "{ $mark }" must end up with exactly { $count } items.
    }
# $color: name of the colour.
level-goal-painted = Paint every square "{ $mark }" { $color }.
level-goal-painted-floor = Paint every empty square (marked with a dot) { $color }.
# $from: the colour the squares have now (red, green, blue, yellow); $color: the colour to paint.
level-goal-painted-colored = Paint every { $from ->
        [red] red
        [green] green
        [blue] blue
       *[yellow] yellow
    } square { $color }.
level-goal-output = Your program must print:
level-goal-said = The robot must say:
level-goal-any = Any one of these goals:
level-goal-count-items = (the number of items)
level-goal-count-kind =
    (the number of { $kind ->
        [gem] gems
        [coin] coins
        [key] keys
       *[battery] batteries
    })
level-editor = Your program
# $lines: lines of code (blank lines and comments not counted).
level-lines =
    { $lines ->
        [0] no line of code
        [one] 1 line of code
       *[other] { $lines } lines of code
    }
level-editor-changed = You changed the code since the last run: run it again to see the result.
level-run = ▶ Run
level-stop = ■ Stop
level-play = ▶ Play
level-pause = ⏸ Pause
level-step = Step ▶|
level-step-back = |◀ Back
# $done: actions shown; $total: actions of the program.
level-timeline = Action { $done } of { $total }
level-tip-run = Runs your program (Ctrl+Enter or F5).
level-tip-stop = Stops the program (Escape).
level-tip-play = Play or pause (Space, when you are not typing in the editor).
level-tip-step = One action forward (right arrow). Before a run: runs the program, then shows its first action.
level-tip-step-back = One action back (left arrow).
level-tip-reset = Back to the start (Home key).
level-tip-end = Go to the end (End key).
level-tip-speed = Speed of the robot, in actions per second:
# $seconds: for how long, in seconds.
level-running = Your program is running… { $seconds } s
level-stopped = Program stopped.
level-console = Console
level-console-empty = Nothing printed yet. print(...) writes here.
# $number: the variant shown; $total: number of variants.
level-variant-shown = Variant { $number } of { $total }
level-verdict-passed = Well done, level passed!
level-verdict-passed-all =
    { $total ->
        [one] Your program reaches the goal.
       *[other] Your program works on all { $total } variants.
    }
level-verdict-failed = Not yet…
level-verdict-failed-variant = Variant { $number } of { $total }:
level-verdict-not-graded = Your program could not be checked.
# $max: lines allowed; $lines: lines of the program.
level-verdict-next-lines = Next star: write a program of at most { $max } lines (yours has { $lines }).
# $max: actions allowed; $actions: actions in the worst variant.
level-verdict-next-actions = Next star: the robot must finish in at most { $max } actions (it takes up to { $actions }).
level-verdict-all-stars = Every star: a short program and an efficient robot!
level-verdict-variants = Variants:
level-variant-passed = Variant { $number }: passed. Click to watch it again.
level-variant-failed = Variant { $number }: not passed. Click to watch it again.
level-variant-not-run = Variant { $number }: not tried, because another one stopped on an error.
level-retry = Retry
level-next = Next level ➡
level-show-solution = See a solution
level-solution-title = A possible solution
level-solution-note = There are often several good solutions: yours may be different and just as right.
level-close = Close
level-verdict-hide = Hide
level-verdict-show = Show the result

## crash reports and graphics start-up (src/crash.rs, src/game/crash.rs, src/game/graphics.rs)

crash-report-title = Codebot — crash report
crash-report-intro = Codebot stopped because of an error in the game itself, not in the student's program. Saves were not touched. This file contains no student code and no name: you can send it to whoever looks after Codebot.
crash-report-version = Version
crash-report-time = Time
crash-report-system = System
crash-report-graphics = Graphics
crash-report-screen = Screen shown
crash-report-what = What went wrong
crash-report-where = Where in the code
crash-report-details = For developers
crash-report-unknown = unknown
# $path: where the report was written.
crash-report-written = Codebot stopped because of an error. A report was written to { $path }
# $reason: the technical reason.
crash-report-not-written = Codebot stopped because of an error, and the crash report could not be written: { $reason }
crash-notice-title = Codebot stopped unexpectedly last time
# $path: the report file.
crash-notice-body = Sorry! Codebot stopped because of an error last time. Your saves are safe. A report for your teacher was saved here: { $path }
crash-notice-show = Show the report
crash-notice-copy = Copy the report
crash-notice-copied = Copied: paste it into an e-mail or a message.
crash-notice-open-folder = Open the folder
crash-notice-close = Close
crash-graphics-title = Codebot cannot start
# $reason: the technical reason; $gl: `tried` when OpenGL was among the backends tried.
crash-no-graphics =
    Codebot could not start the graphics card of this computer.
    { $gl ->
        [tried] What to try: update the graphics card's drivers, or play the browser version of Codebot (in a recent web browser, nothing to install).
       *[other] What to try: update the graphics card's drivers; start Codebot with `codebot --backend gl` (OpenGL, for old graphics cards); or play the browser version of Codebot (in a recent web browser, nothing to install).
    }
    Technical reason: { $reason }
# $reason: the technical reason.
crash-no-display =
    Codebot found no screen to open its window on. The commands (`codebot --help`) work without one.
    Technical reason: { $reason }
# $path: the PNG file asked for; $reason: the technical reason.
crash-icon-not-written = Cannot write the icon { $path }: { $reason }
crash-graphics-retry = The graphics card could not start: trying again with OpenGL only.
# $value: the value found in the environment variable.
crash-backend-unknown = CODEBOT_BACKEND={ $value } is not a graphics backend Codebot knows (auto, vulkan or gl): it is ignored.
