//! Runs one program against one world inside RustPython, in this process: fresh
//! interpreter, restricted built-ins, robot functions, budgets. Used by the worker
//! process natively and by the Web Worker on the web.

use std::cell::RefCell;
use std::rc::Rc;
#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

use rustpython_vm::builtins::{PyBaseExceptionRef, PyStrRef, PyTypeRef};
use rustpython_vm::compiler::Mode;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::scope::Scope;
use rustpython_vm::{AsObject, Interpreter, PyObjectRef, PyResult, Settings, VirtualMachine};
use serde::{Deserialize, Serialize};
#[cfg(target_arch = "wasm32")]
use web_time::Instant;

use super::api::RobotFn;
use super::error::{Problem, ProgramError};
use super::limits::Limits;
use super::modules;
use super::source_check::{self, FORBIDDEN_NAMES};
use super::translate;
use crate::sim::{Action, Color, Step, World};

/// What one run produced: the robot steps asked for, the printed text and how it ended.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub steps: Vec<Step>,
    pub output: String,
    pub error: Option<ProgramError>,
}

/// Stack of the thread running Python: deep enough for the recursion limit and the parser.
pub const PYTHON_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Built-ins kept from Python's own set.
const KEPT_BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bin",
    "bool",
    "callable",
    "chr",
    "dict",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "hash",
    "hex",
    "id",
    "int",
    "isinstance",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "oct",
    "ord",
    "pow",
    "repr",
    "reversed",
    "round",
    "set",
    "slice",
    "sorted",
    "str",
    "sum",
    "tuple",
    "zip",
    "None",
    "True",
    "False",
    "__build_class__",
    "Exception",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "IndexError",
    "KeyError",
    "LookupError",
    "NameError",
    "RecursionError",
    "RuntimeError",
    "StopIteration",
    "TypeError",
    "ValueError",
    "ZeroDivisionError",
];

/// Runs `code` on `world` with the given allowed robot functions and budgets.
/// Never panics and never returns without a record, whatever the program does
/// (allocation bombs and stuck built-ins are the worker process's job).
#[cfg(not(target_arch = "wasm32"))]
pub fn run_program(code: &str, world: &World, allowed: &[RobotFn], limits: &Limits) -> RunRecord {
    let code = code.to_owned();
    let world = world.clone();
    let allowed = allowed.to_vec();
    let limits = limits.clone();
    let spawned = std::thread::Builder::new()
        .name("codebot-python".into())
        .stack_size(PYTHON_STACK_BYTES)
        .spawn(move || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_on_this_thread(&code, &world, &allowed, &limits)
            }))
        });
    match spawned.map(|handle| handle.join()) {
        Ok(Ok(Ok(record))) => record,
        _ => RunRecord {
            error: Some(ProgramError::new(Problem::Crashed, None)),
            ..RunRecord::default()
        },
    }
}

/// Runs `code` on `world` with the given allowed robot functions and budgets.
/// The browser has no threads: this runs on the calling one, inside the sandbox's Web
/// Worker, whose stack is as deep as the native thread's (`.cargo/config.toml`). A panic
/// aborts the Web Worker, which the page turns into a `crashed` verdict.
#[cfg(target_arch = "wasm32")]
pub fn run_program(code: &str, world: &World, allowed: &[RobotFn], limits: &Limits) -> RunRecord {
    run_on_this_thread(code, world, allowed, limits)
}

/// Everything the host functions share during one run.
struct RunState {
    world: World,
    steps: Vec<Step>,
    output: String,
    output_chars: u32,
    /// Set once the run must end; every later event or robot call raises again.
    error: Option<ProgramError>,
    events: u64,
    started: Instant,
    limits: Limits,
}

type Shared = Rc<RefCell<RunState>>;

fn run_on_this_thread(
    code: &str,
    world: &World,
    allowed: &[RobotFn],
    limits: &Limits,
) -> RunRecord {
    if let Err(error) = source_check::check(code) {
        return RunRecord {
            error: Some(error),
            ..RunRecord::default()
        };
    }
    let mut settings = Settings::default();
    settings.hash_seed = Some(0);
    settings.install_signal_handlers = false;
    let interpreter = Interpreter::without_stdlib(settings);
    let state: Shared = Rc::new(RefCell::new(RunState {
        world: world.clone(),
        steps: Vec::new(),
        output: String::new(),
        output_chars: 0,
        error: None,
        events: 0,
        started: Instant::now(),
        limits: limits.clone(),
    }));
    interpreter.enter(|vm| {
        let outcome = execute(vm, code, allowed, &state);
        let mut state = state.borrow_mut();
        let error = state.error.take().or_else(|| match outcome {
            Ok(()) => None,
            Err(Failure::Compile(error)) => Some(error),
            Err(Failure::Python(exc)) => Some(translate::exception(vm, &exc, allowed)),
        });
        RunRecord {
            steps: std::mem::take(&mut state.steps),
            output: std::mem::take(&mut state.output),
            error,
        }
    })
}

enum Failure {
    Compile(ProgramError),
    Python(PyBaseExceptionRef),
}

impl From<PyBaseExceptionRef> for Failure {
    fn from(exc: PyBaseExceptionRef) -> Self {
        Failure::Python(exc)
    }
}

fn execute(
    vm: &VirtualMachine,
    code: &str,
    allowed: &[RobotFn],
    state: &Shared,
) -> Result<(), Failure> {
    vm.recursion_limit
        .set(state.borrow().limits.recursion_limit as usize);
    let stop = vm.ctx.new_exception_type(
        "codebot",
        "RobotStop",
        Some(vec![vm.ctx.exceptions.base_exception_type.to_owned()]),
    );
    let builtins = vm.ctx.new_dict();
    for name in KEPT_BUILTINS {
        if let Ok(value) = vm.builtins.get_attr(*name, vm) {
            builtins.set_item(*name, value, vm)?;
        }
    }
    install_print(vm, &builtins, state, &stop)?;
    install_range(vm, &builtins, state, &stop)?;
    install_type(vm, &builtins)?;
    install_robot(vm, &builtins, allowed, state, &stop)?;
    for name in FORBIDDEN_NAMES {
        builtins.del_item(*name, vm).ok();
    }
    harden_str_format(vm, state, &stop)?;
    install_budget(vm, state, &stop)?;
    // After the budget: it imports `sys` through the interpreter's own `__import__`.
    modules::install(vm, &state.borrow().world)?;

    let compiled = vm
        .compile(code, Mode::Exec, "<student>".to_owned())
        .map_err(|e| Failure::Compile(translate::compile_error(&e)))?;
    let globals = vm.ctx.new_dict();
    globals.set_item("__builtins__", builtins.into(), vm)?;
    globals.set_item("__name__", vm.ctx.new_str("__main__").into(), vm)?;
    vm.run_code_obj(compiled, Scope::with_builtins(None, globals, vm))?;
    Ok(())
}

/// Ends the run: records the error (the first one wins) and raises the stop exception,
/// which derives from BaseException so that `except Exception:` does not catch it.
fn stop_run(
    vm: &VirtualMachine,
    state: &Shared,
    stop: &PyTypeRef,
    error: ProgramError,
) -> PyBaseExceptionRef {
    state.borrow_mut().error.get_or_insert(error);
    vm.new_exception_empty(stop.clone())
}

/// The line of the student's code running now.
fn current_line(vm: &VirtualMachine) -> Option<u32> {
    vm.current_frame().map(|frame| frame.f_lineno() as u32)
}

/// Raises again if the run was already stopped (a bare `except:` caught the stop).
fn check_stopped(vm: &VirtualMachine, state: &Shared, stop: &PyTypeRef) -> PyResult<()> {
    if state.borrow().error.is_some() {
        return Err(vm.new_exception_empty(stop.clone()));
    }
    Ok(())
}

/// Counts interpreter events (function starts, loop jumps) through `sys.monitoring`
/// and stops the run over the event or time budget. Then hides the means to undo it.
fn install_budget(vm: &VirtualMachine, state: &Shared, stop: &PyTypeRef) -> PyResult<()> {
    const PY_START: i32 = 1;
    const JUMP: i32 = 1 << 7;
    let sys = vm.import("sys", 0)?;
    let monitoring = sys.get_attr("monitoring", vm)?;
    vm.call_method(&monitoring, "use_tool_id", (0, "codebot-budget"))?;
    let (state_cb, stop_cb) = (state.clone(), stop.clone());
    let callback = vm.new_function(
        "budget",
        move |_args: FuncArgs, vm: &VirtualMachine| -> PyResult<()> {
            check_stopped(vm, &state_cb, &stop_cb)?;
            let over = {
                let mut s = state_cb.borrow_mut();
                s.events += 1;
                s.events > s.limits.max_events
                    || (s.events % 1024 == 0
                        && s.started.elapsed().as_millis() as u64 > s.limits.time_ms)
            };
            if over {
                // The time it really ran: the event budget may end it before the clock does.
                let elapsed = state_cb.borrow().started.elapsed().as_secs_f32();
                let seconds = (elapsed * 10.0).round().max(1.0) / 10.0;
                let line = current_line(vm);
                return Err(stop_run(
                    vm,
                    &state_cb,
                    &stop_cb,
                    ProgramError::new(Problem::Timeout { seconds }, line),
                ));
            }
            Ok(())
        },
    );
    let callback: PyObjectRef = callback.into();
    vm.call_method(
        &monitoring,
        "register_callback",
        (0, PY_START, callback.clone()),
    )?;
    vm.call_method(&monitoring, "register_callback", (0, JUMP, callback))?;
    vm.call_method(&monitoring, "set_events", (0, PY_START | JUMP))?;
    for name in [
        "monitoring",
        "settrace",
        "setprofile",
        "setrecursionlimit",
        "_getframe",
        "stdout",
        "stderr",
        "stdin",
    ] {
        sys.del_attr(name, vm).ok();
    }
    // An empty `sys.modules` rather than none: RustPython looks there to word the
    // error for a missing module attribute, and without it that lookup recursed.
    sys.set_attr("modules", vm.ctx.new_dict(), vm)?;
    Ok(())
}

fn install_print(
    vm: &VirtualMachine,
    builtins: &rustpython_vm::builtins::PyDictRef,
    state: &Shared,
    stop: &PyTypeRef,
) -> PyResult<()> {
    let (state, stop) = (state.clone(), stop.clone());
    let print = vm.new_function(
        "print",
        move |args: FuncArgs, vm: &VirtualMachine| -> PyResult<()> {
            check_stopped(vm, &state, &stop)?;
            let text_of = |key: &str, default: &str| -> PyResult<String> {
                match args.kwargs.get(key) {
                    Some(value) if !vm.is_none(value) => {
                        Ok(value.str(vm)?.to_string_lossy().into_owned())
                    }
                    _ => Ok(default.to_owned()),
                }
            };
            let sep = text_of("sep", " ")?;
            let end = text_of("end", "\n")?;
            let mut text = String::new();
            for (i, arg) in args.args.iter().enumerate() {
                if i > 0 {
                    text.push_str(&sep);
                }
                text.push_str(&arg.str(vm)?.to_string_lossy());
            }
            text.push_str(&end);
            let mut s = state.borrow_mut();
            let limit = s.limits.max_output_chars;
            let chars = text.chars().count() as u32;
            if s.output_chars.saturating_add(chars) > limit {
                let room = limit.saturating_sub(s.output_chars) as usize;
                let kept: String = text.chars().take(room).collect();
                s.output.push_str(&kept);
                s.output_chars = limit;
                drop(s);
                return Err(stop_run(
                    vm,
                    &state,
                    &stop,
                    ProgramError::new(Problem::OutputLimit { limit }, current_line(vm)),
                ));
            }
            s.output.push_str(&text);
            s.output_chars += chars;
            Ok(())
        },
    );
    builtins.set_item("print", print.into(), vm)
}

/// `range` that refuses to make more numbers than the budget allows (`sum(range(10**12))`
/// would otherwise run inside a built-in where no budget can stop it).
fn install_range(
    vm: &VirtualMachine,
    builtins: &rustpython_vm::builtins::PyDictRef,
    state: &Shared,
    stop: &PyTypeRef,
) -> PyResult<()> {
    let real_range: PyObjectRef = vm.ctx.types.range_type.to_owned().into();
    let (state, stop) = (state.clone(), stop.clone());
    let range = vm.new_function(
        "range",
        move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            check_stopped(vm, &state, &stop)?;
            let made = real_range.call(args, vm)?;
            let max = state.borrow().limits.max_range_len;
            let too_big = match made.length(vm) {
                Ok(len) => len as u64 > max,
                Err(_) => true,
            };
            if too_big {
                return Err(stop_run(
                    vm,
                    &state,
                    &stop,
                    ProgramError::new(Problem::ValueTooBig, current_line(vm)),
                ));
            }
            Ok(made)
        },
    );
    builtins.set_item("range", range.into(), vm)
}

/// `type(x)` for curious students; the three-argument form that builds classes is refused.
fn install_type(
    vm: &VirtualMachine,
    builtins: &rustpython_vm::builtins::PyDictRef,
) -> PyResult<()> {
    let type_of = vm.new_function("type", |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
        match args.args.as_slice() {
            [one] if args.kwargs.is_empty() => Ok(one.class().to_owned().into()),
            _ => Err(vm.new_type_error("type() takes 1 argument".to_owned())),
        }
    });
    builtins.set_item("type", type_of.into(), vm)
}

/// `"{0.__class__}".format(x)` builds its attribute path at run time, out of reach of the
/// source check: `str.format` refuses fields that walk into internals.
fn harden_str_format(vm: &VirtualMachine, state: &Shared, stop: &PyTypeRef) -> PyResult<()> {
    let str_type = vm.ctx.types.str_type;
    let original = str_type.as_object().get_attr("format", vm)?;
    let (state, stop) = (state.clone(), stop.clone());
    let checked = vm.new_method(
        "format",
        str_type,
        move |zelf: PyStrRef, mut args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            if source_check::format_field_reaches_internals(&zelf.to_string_lossy()) {
                let name = zelf.to_string_lossy().chars().take(60).collect();
                return Err(stop_run(
                    vm,
                    &state,
                    &stop,
                    ProgramError::new(Problem::ForbiddenAttribute { name }, current_line(vm)),
                ));
            }
            args.prepend_arg(zelf.into());
            original.call(args, vm)
        },
    );
    str_type.set_attr(vm.ctx.intern_str("format"), checked.into());
    str_type.set_attr(vm.ctx.intern_str("format_map"), vm.ctx.none());
    Ok(())
}

/// Registers both names of every robot function. Functions the level does not allow
/// exist too, and explain that they are not available here.
fn install_robot(
    vm: &VirtualMachine,
    builtins: &rustpython_vm::builtins::PyDictRef,
    allowed: &[RobotFn],
    state: &Shared,
    stop: &PyTypeRef,
) -> PyResult<()> {
    for function in RobotFn::ALL {
        for name in [function.english(), function.french()] {
            let (state, stop) = (state.clone(), stop.clone());
            let is_allowed = allowed.contains(&function);
            let french = name == function.french();
            let host = vm.new_function(
                name,
                move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                    check_stopped(vm, &state, &stop)?;
                    let line = current_line(vm);
                    if !is_allowed {
                        let error = ProgramError::new(
                            Problem::NotAllowedInLevel {
                                name: name.to_owned(),
                            },
                            line,
                        );
                        return Err(stop_run(vm, &state, &stop, error));
                    }
                    if args.args.len() != function.arity() || !args.kwargs.is_empty() {
                        let problem = Problem::WrongArgumentCount {
                            function: name.to_owned(),
                            expected: Some(function.arity() as u32),
                            given: Some((args.args.len() + args.kwargs.len()) as u32),
                        };
                        return Err(stop_run(
                            vm,
                            &state,
                            &stop,
                            ProgramError::new(problem, line),
                        ));
                    }
                    call_robot(vm, function, name, french, &args, line, &state, &stop)
                },
            );
            builtins.set_item(name, host.into(), vm)?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn call_robot(
    vm: &VirtualMachine,
    function: RobotFn,
    name: &'static str,
    french: bool,
    args: &FuncArgs,
    line: Option<u32>,
    state: &Shared,
    stop: &PyTypeRef,
) -> PyResult {
    let world = || state.borrow();
    let answer = |b: bool| -> PyResult { Ok(vm.ctx.new_bool(b).into()) };
    let action = match function {
        RobotFn::FrontIsClear => return answer(world().world.front_is_clear()),
        RobotFn::WallInFront => return answer(world().world.wall_in_front()),
        RobotFn::ItemHere => return answer(world().world.item_here()),
        RobotFn::AtGoal => return answer(world().world.at_goal()),
        RobotFn::ColorHere => {
            let color = world().world.color_here();
            return Ok(match color {
                Some(c) if french => vm.ctx.new_str(french_color(c)).into(),
                Some(c) => vm.ctx.new_str(c.name()).into(),
                None => vm.ctx.none(),
            });
        }
        RobotFn::Move => Action::Move,
        RobotFn::TurnLeft => Action::TurnLeft,
        RobotFn::TurnRight => Action::TurnRight,
        RobotFn::Pick => Action::Pick,
        RobotFn::Drop => Action::Drop,
        RobotFn::Paint => {
            let color = args.args[0]
                .downcast_ref::<rustpython_vm::builtins::PyStr>()
                .and_then(|s| Color::parse(&s.to_string_lossy()));
            match color {
                Some(color) => Action::Paint(color),
                None => {
                    let error = ProgramError::new(
                        Problem::BadArgument {
                            function: name.to_owned(),
                        },
                        line,
                    );
                    return Err(stop_run(vm, state, stop, error));
                }
            }
        }
        RobotFn::Say => {
            let text: String = args.args[0]
                .str(vm)?
                .to_string_lossy()
                .chars()
                .take(200)
                .collect();
            Action::Say(text)
        }
    };
    let mut s = state.borrow_mut();
    if s.steps.len() as u32 >= s.limits.max_actions {
        let limit = s.limits.max_actions;
        drop(s);
        return Err(stop_run(
            vm,
            state,
            stop,
            ProgramError::new(Problem::TooManyActions { limit }, line),
        ));
    }
    let output_len = s.output.len();
    let result = s.world.apply(&action);
    s.steps.push(Step {
        action,
        line: line.unwrap_or(0),
        output_len,
    });
    drop(s);
    match result {
        Ok(()) => Ok(vm.ctx.none()),
        Err(error) => Err(stop_run(
            vm,
            state,
            stop,
            ProgramError::new(Problem::Robot { error }, line),
        )),
    }
}

fn french_color(color: Color) -> &'static str {
    match color {
        Color::Red => "rouge",
        Color::Green => "vert",
        Color::Blue => "bleu",
        Color::Yellow => "jaune",
    }
}
