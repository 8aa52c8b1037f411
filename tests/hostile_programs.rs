//! Every program here tries to freeze, crash, exhaust or escape the sandbox. Each must end
//! with the expected verdict, the test process (the caller) must survive, and no file may
//! appear in the working directory.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use codebot::sandbox::{ErrorKind, Limits, RobotFn, RunRecord, RunRequest, Sandbox};
use codebot::sim::{Heading, Pos, Robot, World};

fn corridor() -> World {
    let mut world = World::new(5, 1);
    world.robot = Robot::new(Pos::new(0, 0), Heading::East);
    world.goals.insert(Pos::new(4, 0));
    world
}

fn run(code: &str) -> RunRecord {
    let sandbox = Sandbox::new(env!("CARGO_BIN_EXE_codebot"));
    let allowed = RobotFn::ALL
        .iter()
        .map(|f| f.english().to_string())
        .collect();
    let request = RunRequest {
        code: code.to_string(),
        worlds: vec![corridor()],
        allowed,
        limits: Limits::with_max_actions(200),
        stop_at_first_error: true,
    };
    let mut records = sandbox.run(&request);
    assert_eq!(records.len(), 1);
    records
        .remove(0)
        .expect("the only world always gets a record")
}

fn files_here() -> BTreeSet<String> {
    std::fs::read_dir(Path::new("."))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Runs `code` and asserts the verdict kind (`None`: the program ends without error).
fn expect(code: &str, kind: Option<ErrorKind>) -> RunRecord {
    let before = files_here();
    let started = Instant::now();
    let record = run(code);
    let elapsed = started.elapsed();
    assert_eq!(
        record.error.as_ref().map(|e| e.kind()),
        kind,
        "program {code:?} gave {:?} after {elapsed:?}",
        record.error
    );
    assert_eq!(files_here(), before, "program {code:?} created a file");
    record
}

fn expect_one_of(code: &str, kinds: &[ErrorKind]) -> RunRecord {
    let record = run(code);
    let kind = record
        .error
        .as_ref()
        .map(|e| e.kind())
        .expect("an error verdict");
    assert!(
        kinds.contains(&kind),
        "program {code:?} gave {:?}",
        record.error
    );
    record
}

use ErrorKind::*;

// --- endless loops of every shape ---

#[test]
fn while_true_pass() {
    let record = expect("while True:\n    pass\n", Some(Timeout));
    assert_eq!(record.error.unwrap().line, Some(1));
}

#[test]
fn loop_with_bare_except_inside() {
    expect(
        "while True:\n    try:\n        pass\n    except:\n        pass\n",
        Some(Timeout),
    );
}

#[test]
fn bare_except_around_endless_loop() {
    expect(
        "while True:\n    try:\n        while True:\n            pass\n    except:\n        pass\n",
        Some(Timeout),
    );
}

#[test]
fn try_finally_reenters_the_loop() {
    expect(
        "def f():\n    try:\n        while True:\n            pass\n    finally:\n        f()\nf()\n",
        Some(Timeout),
    );
}

#[test]
fn endless_generator() {
    expect(
        "def g():\n    while True:\n        yield 1\nfor x in g():\n    pass\n",
        Some(Timeout),
    );
}

#[test]
fn nested_comprehensions() {
    expect(
        "x = [[a * b for a in range(1000000)] for b in range(1000000)]\n",
        Some(Timeout),
    );
}

#[test]
fn comprehension_over_endless_native_iterator() {
    expect("x = [i for i in iter(int, 1)]\n", Some(Timeout));
}

#[test]
fn long_counting_loop() {
    expect(
        "n = 0\nfor i in range(9000000):\n    n += i\n",
        Some(Timeout),
    );
}

#[test]
fn catching_recursion_then_looping() {
    expect(
        "def f():\n    f()\ntry:\n    f()\nexcept:\n    while True:\n        pass\n",
        Some(Timeout),
    );
}

#[test]
fn except_base_exception_cannot_hold_the_stop() {
    expect(
        "while True:\n    try:\n        while True:\n            pass\n    except Exception:\n        pass\n",
        Some(Timeout),
    );
}

// --- recursion ---

#[test]
fn infinite_recursion() {
    expect("def f():\n    return f()\nf()\n", Some(Runtime));
}

#[test]
fn recursion_error_can_be_caught_like_in_python() {
    let record = expect(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('caught')\n",
        None,
    );
    assert_eq!(record.output, "caught\n");
}

#[test]
fn deep_tuple_hash() {
    // Hashing a deep structure recurses natively; any verdict is fine, the caller survives.
    let record = run("t = ()\nfor i in range(200000):\n    t = (t,)\nprint(hash(t))\n");
    let _ = record;
}

// --- memory bombs and huge numbers ---

#[test]
fn huge_string() {
    expect("x = 'a' * 10**10\n", Some(Memory));
}

#[test]
fn huge_list() {
    expect("x = [0] * 10**9\n", Some(Memory));
}

#[test]
fn list_growing_in_a_loop() {
    expect_one_of(
        "l = []\nwhile True:\n    l.append('x' * 1000000)\n",
        &[Memory, Timeout],
    );
}

#[test]
fn doubling_string() {
    expect_one_of("x = 'a'\nwhile True:\n    x = x + x\n", &[Memory, Timeout]);
}

#[test]
fn huge_integer() {
    expect_one_of("x = 10**10**8\n", &[Timeout, Memory]);
}

#[test]
fn huge_integer_printed() {
    expect_one_of("print(9**9**9)\n", &[Timeout, Memory, OutputLimit]);
}

#[test]
fn sum_of_a_huge_range() {
    expect("print(sum(range(10**12)))\n", Some(Runtime));
}

#[test]
fn sorting_a_huge_range() {
    expect("x = sorted(range(10**9))\n", Some(Runtime));
}

// --- source that breaks parsers ---

#[test]
fn ten_thousand_nested_brackets() {
    let code = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    expect(&code, Some(Syntax));
}

#[test]
fn ten_thousand_nested_lists() {
    let code = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    expect(&code, Some(Syntax));
}

#[test]
fn long_chain_of_unary_operators() {
    let code = format!("x = {}1\n", "-".repeat(15_000));
    let record = run(&code);
    assert!(record.error.is_none() || record.error.is_some());
}

#[test]
fn binary_garbage() {
    expect("\u{0}\u{1}\u{2}\u{ff}\u{fffd}garbage(((", Some(Syntax));
}

#[test]
fn empty_program() {
    let record = expect("", None);
    assert!(record.steps.is_empty());
}

#[test]
fn only_comments_and_blank_lines() {
    expect("# rien\n\n   \n", None);
}

// --- escapes ---

#[test]
fn import_os() {
    expect("import os\nos.system('touch pwned')\n", Some(Forbidden));
}

#[test]
fn import_sys() {
    expect("import sys\nprint(sys.modules)\n", Some(Forbidden));
}

#[test]
fn import_subprocess() {
    expect(
        "from subprocess import run\nrun(['touch', 'pwned'])\n",
        Some(Forbidden),
    );
}

#[test]
fn import_inside_a_function() {
    expect("def f():\n    import os\nf()\n", Some(Forbidden));
}

#[test]
fn open_a_file_for_writing() {
    expect("open('pwned.txt', 'w').write('hi')\n", Some(Forbidden));
}

#[test]
fn eval_and_exec() {
    expect("eval('1 + 1')\n", Some(Forbidden));
    expect("exec('x = 1')\n", Some(Forbidden));
    expect("compile('x', 'f', 'exec')\n", Some(Forbidden));
}

#[test]
fn dunder_import() {
    expect("__import__('os').system('touch pwned')\n", Some(Forbidden));
}

#[test]
fn builtins_dict() {
    expect("print(__builtins__)\n", Some(Forbidden));
}

#[test]
fn subclasses_chain() {
    expect(
        "print(().__class__.__base__.__subclasses__())\n",
        Some(Forbidden),
    );
}

#[test]
fn getattr_tricks() {
    expect("c = getattr((), '__cl' + 'ass__')\n", Some(Forbidden));
}

#[test]
fn format_string_walking_internals() {
    expect(
        "print('{0.__class__.__mro__}'.format(1))\n",
        Some(Forbidden),
    );
}

#[test]
fn format_string_built_at_run_time() {
    expect(
        "s = '{0.' + '_' + '_class__}'\nprint(s.format(1))\n",
        Some(Forbidden),
    );
}

#[test]
fn frames_and_tracebacks() {
    expect(
        "def g():\n    yield 1\nprint(g().gi_frame.f_globals)\n",
        Some(Forbidden),
    );
    expect(
        "try:\n    1 / 0\nexcept Exception as e:\n    print(e.__traceback__)\n",
        Some(Forbidden),
    );
}

#[test]
fn mro_and_globals() {
    expect("class A:\n    pass\nprint(A.mro())\n", Some(Forbidden));
    expect("print(globals())\n", Some(Forbidden));
}

#[test]
fn three_argument_type() {
    expect("T = type('T', (), {})\n", Some(Runtime));
}

#[test]
fn input_and_exit() {
    expect("x = input()\n", Some(Forbidden));
    expect("exit()\n", Some(Forbidden));
}

// --- output ---

#[test]
fn printing_ten_megabytes() {
    let record = expect("print('x' * 10**7)\n", Some(OutputLimit));
    assert!(record.output.len() <= Limits::default().max_output_chars as usize);
}

#[test]
fn printing_forever() {
    expect("while True:\n    print('spam')\n", Some(OutputLimit));
}

// --- the robot ---

#[test]
fn redefining_robot_functions() {
    let record = expect("def move():\n    pass\nmove()\nmove()\n", None);
    assert!(record.steps.is_empty());
}

#[test]
fn robot_function_replaced_by_a_number() {
    expect("move = 3\nmove()\n", Some(Runtime));
}

#[test]
fn walking_into_the_wall() {
    let record = expect("while True:\n    move()\n", Some(Runtime));
    assert_eq!(
        record.steps.len(),
        5,
        "four moves, then the one that hits the wall"
    );
    assert_eq!(record.error.unwrap().line, Some(2));
}

#[test]
fn spinning_forever() {
    expect("while True:\n    turn_left()\n", Some(TooManyActions));
}

#[test]
fn unicode_oddities() {
    // Fullwidth letters are normalised to `move` by Python, as in CPython.
    let record = expect("ｍｏｖｅ()\né = '\u{202e}🤖'\nprint(é)\n", None);
    assert_eq!(record.steps.len(), 1);
}

#[test]
fn raising_system_exit() {
    expect("raise SystemExit\n", Some(Runtime));
}

#[test]
fn french_and_english_names_both_work() {
    let record = expect(
        "avancer()\nmove()\ntourner_gauche()\nprint(devant_libre(), front_is_clear())\n",
        None,
    );
    assert_eq!(record.steps.len(), 3);
    assert_eq!(record.output, "False False\n");
}

// --- the two importable modules cannot be turned into a way out ---

#[test]
fn allowed_modules_hide_their_internals() {
    expect("import math\nprint(math.__dict__)\n", Some(Forbidden));
    expect(
        "import random\nprint(getattr(random, '__loader__'))\n",
        Some(Forbidden),
    );
    // A missing attribute is a plain AttributeError, at once.
    expect(
        "import random\nrandom.os.system('touch pwned')\n",
        Some(Runtime),
    );
    expect("import math\nprint(math.foo)\n", Some(Runtime));
}

#[test]
fn allowed_modules_cannot_bypass_budgets() {
    expect(
        "import random\nwhile True:\n    random.shuffle([1, 2, 3])\n",
        Some(Timeout),
    );
    expect("import math\nprint(math.isqrt(10**100))\n", Some(Runtime));
    expect("import random\nrandom.randint(0, 10**30)\n", Some(Runtime));
}
