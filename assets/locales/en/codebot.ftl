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
# $name: the name written without parentheses.
problem-missing-call-parens = "{ $name }" without parentheses does nothing: write { $name }() to call the function.

## Not allowed in Codebot

# $module: the imported module.
problem-forbidden-import = no need to import "{ $module }": in Codebot, everything you need to guide the robot is already there. Remove this import line.
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
    your program has been going round in circles for more than { $seconds } { $count ->
        [one] second
       *[other] seconds
    }: does a loop never stop? Check that the condition of your while becomes false at some point.
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
