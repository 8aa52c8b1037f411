//! The only modules a student program may import: a small `math` and a `random` whose
//! numbers are drawn from a seed fixed by the world, so the same level variant and
//! program always give the same run (the trace stays deterministic). Both are built
//! here from native functions; nothing of Python's own library is reachable.

use std::cell::RefCell;
use std::rc::Rc;

use rustpython_vm::builtins::{PyDictRef, PyList, PyStrRef};
use rustpython_vm::function::{ArgIntoFloat, FuncArgs, OptionalArg};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

use crate::sim::World;

/// The modules `import` accepts; the source check refuses every other name.
pub const ALLOWED_MODULES: &[&str] = &["math", "random"];

/// Installs `math` and `random` and an `__import__` that hands out only them.
pub(super) fn install(vm: &VirtualMachine, world: &World) -> PyResult<()> {
    let math = math_module(vm)?;
    let random = random_module(vm, seed_of(world))?;
    let import = vm.new_function(
        "__import__",
        move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            let name: PyStrRef = args
                .args
                .first()
                .cloned()
                .ok_or_else(|| vm.new_type_error("__import__ needs a name".to_owned()))?
                .try_into_value(vm)?;
            match &*name.to_string_lossy() {
                "math" => Ok(math.clone()),
                "random" => Ok(random.clone()),
                other => Err(vm
                    .new_import_error(format!("no module named '{other}'"), vm.ctx.new_str(other))),
            }
        },
    );
    vm.builtins.set_attr("__import__", import, vm)
}

/// A seed that depends only on the world the program starts in.
fn seed_of(world: &World) -> u64 {
    let bytes = serde_json::to_vec(world).unwrap_or_default();
    // FNV-1a: stable across platforms and versions, unlike std's hasher.
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn module(vm: &VirtualMachine, name: &str, dict: PyDictRef) -> PyObjectRef {
    vm.new_module(name, dict, None).into()
}

/// `ValueError("math domain error")`, as Python says it.
fn domain_error(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_value_error("math domain error".to_owned())
}

/// A float function that refuses inputs outside its domain (a NaN out of a non-NaN in).
fn checked(vm: &VirtualMachine, input: f64, output: f64) -> PyResult<f64> {
    if output.is_nan() && !input.is_nan() {
        Err(domain_error(vm))
    } else {
        Ok(output)
    }
}

/// A float function of `math`, as Rust has it.
type FloatFn = fn(f64) -> f64;

fn math_module(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let dict = vm.ctx.new_dict();
    for (name, value) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
    ] {
        dict.set_item(name, vm.ctx.new_float(value).into(), vm)?;
    }
    let unary: [(&'static str, FloatFn); 14] = [
        ("sqrt", f64::sqrt),
        ("fabs", f64::abs),
        ("sin", f64::sin),
        ("cos", f64::cos),
        ("tan", f64::tan),
        ("asin", f64::asin),
        ("acos", f64::acos),
        ("atan", f64::atan),
        ("exp", f64::exp),
        ("log2", f64::log2),
        ("log10", f64::log10),
        ("degrees", f64::to_degrees),
        ("radians", f64::to_radians),
        ("cbrt", f64::cbrt),
    ];
    for (name, function) in unary {
        let native = vm.new_function(
            name,
            move |x: ArgIntoFloat, vm: &VirtualMachine| -> PyResult<f64> {
                let x = x.into_float();
                let domain_edge = matches!(name, "log2" | "log10") && x <= 0.0;
                if domain_edge {
                    return Err(domain_error(vm));
                }
                checked(vm, x, function(x))
            },
        );
        dict.set_item(name, native.into(), vm)?;
    }
    // floor, ceil and trunc give ints, through the number's own method as in Python.
    for (name, method) in [
        ("floor", "__floor__"),
        ("ceil", "__ceil__"),
        ("trunc", "__trunc__"),
    ] {
        let native = vm.new_function(
            name,
            move |x: PyObjectRef, vm: &VirtualMachine| -> PyResult {
                let number: PyObjectRef = if x.class().is(vm.ctx.types.int_type) {
                    x
                } else {
                    vm.ctx.new_float(x.try_float(vm)?.to_f64()).into()
                };
                vm.call_method(&number, method, ())
            },
        );
        dict.set_item(name, native.into(), vm)?;
    }
    let log = vm.new_function(
        "log",
        |x: ArgIntoFloat, base: OptionalArg<ArgIntoFloat>, vm: &VirtualMachine| -> PyResult<f64> {
            let x = x.into_float();
            let base = base.into_option().map(ArgIntoFloat::into_float);
            if x <= 0.0 || base.is_some_and(|b| b <= 0.0 || b == 1.0) {
                return Err(domain_error(vm));
            }
            Ok(match base {
                Some(base) => x.ln() / base.ln(),
                None => x.ln(),
            })
        },
    );
    dict.set_item("log", log.into(), vm)?;
    let hypot = vm.new_function("hypot", |x: ArgIntoFloat, y: ArgIntoFloat| -> f64 {
        x.into_float().hypot(y.into_float())
    });
    dict.set_item("hypot", hypot.into(), vm)?;
    let atan2 = vm.new_function("atan2", |y: ArgIntoFloat, x: ArgIntoFloat| -> f64 {
        y.into_float().atan2(x.into_float())
    });
    dict.set_item("atan2", atan2.into(), vm)?;
    let gcd = vm.new_function("gcd", |a: i64, b: i64| -> i64 {
        let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        i64::try_from(a).unwrap_or(i64::MAX)
    });
    dict.set_item("gcd", gcd.into(), vm)?;
    let isqrt = vm.new_function("isqrt", |n: i64, vm: &VirtualMachine| -> PyResult<i64> {
        if n < 0 {
            return Err(vm.new_value_error("isqrt() argument must be nonnegative".to_owned()));
        }
        let mut root = (n as f64).sqrt() as i64;
        while root.checked_mul(root).is_none_or(|square| square > n) {
            root -= 1;
        }
        while (root + 1)
            .checked_mul(root + 1)
            .is_some_and(|square| square <= n)
        {
            root += 1;
        }
        Ok(root)
    });
    dict.set_item("isqrt", isqrt.into(), vm)?;
    Ok(module(vm, "math", dict))
}

fn random_module(vm: &VirtualMachine, seed: u64) -> PyResult<PyObjectRef> {
    let rng = Rc::new(RefCell::new(fastrand::Rng::with_seed(seed)));
    let dict = vm.ctx.new_dict();

    let r = rng.clone();
    let random = vm.new_function("random", move || -> f64 { r.borrow_mut().f64() });
    dict.set_item("random", random.into(), vm)?;

    let r = rng.clone();
    let uniform = vm.new_function("uniform", move |a: ArgIntoFloat, b: ArgIntoFloat| -> f64 {
        let (a, b) = (a.into_float(), b.into_float());
        a + (b - a) * r.borrow_mut().f64()
    });
    dict.set_item("uniform", uniform.into(), vm)?;

    let r = rng.clone();
    let randint = vm.new_function(
        "randint",
        move |a: i64, b: i64, vm: &VirtualMachine| -> PyResult<i64> {
            if a > b {
                return Err(vm.new_value_error(format!("empty range in randint({a}, {b})")));
            }
            Ok(r.borrow_mut().i64(a..=b))
        },
    );
    dict.set_item("randint", randint.into(), vm)?;

    let r = rng.clone();
    let randrange = vm.new_function(
        "randrange",
        move |start: i64, stop: OptionalArg<i64>, vm: &VirtualMachine| -> PyResult<i64> {
            let (start, stop) = match stop.into_option() {
                Some(stop) => (start, stop),
                None => (0, start),
            };
            if start >= stop {
                return Err(
                    vm.new_value_error(format!("empty range for randrange({start}, {stop})"))
                );
            }
            Ok(r.borrow_mut().i64(start..stop))
        },
    );
    dict.set_item("randrange", randrange.into(), vm)?;

    let r = rng.clone();
    let choice = vm.new_function(
        "choice",
        move |sequence: PyObjectRef, vm: &VirtualMachine| -> PyResult {
            let len = sequence.length(vm)?;
            if len == 0 {
                return Err(vm.new_index_error("cannot choose from an empty sequence".to_owned()));
            }
            let index = r.borrow_mut().usize(0..len);
            sequence.get_item(&index, vm)
        },
    );
    dict.set_item("choice", choice.into(), vm)?;

    let r = rng.clone();
    let shuffle = vm.new_function(
        "shuffle",
        move |list: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
            let list = list
                .downcast_ref::<PyList>()
                .ok_or_else(|| vm.new_type_error("shuffle() needs a list".to_owned()))?;
            r.borrow_mut().shuffle(&mut list.borrow_vec_mut());
            Ok(())
        },
    );
    dict.set_item("shuffle", shuffle.into(), vm)?;

    let r = rng;
    let reseed = vm.new_function("seed", move |value: i64| {
        r.borrow_mut().seed(value as u64);
    });
    dict.set_item("seed", reseed.into(), vm)?;
    Ok(module(vm, "random", dict))
}

#[cfg(test)]
mod tests {
    use crate::sandbox::{ErrorKind, Limits, Problem, run_program};
    use crate::sim::{Heading, Pos, Robot, World};

    fn world(width: i32) -> World {
        let mut world = World::new(width, 1);
        world.robot = Robot::new(Pos::new(0, 0), Heading::East);
        world
    }

    fn output(code: &str, world: &World) -> String {
        let record = run_program(code, world, &[], &Limits::default());
        assert_eq!(record.error, None, "program {code:?}");
        record.output
    }

    #[test]
    fn math_gives_python_results() {
        let w = world(3);
        assert_eq!(output("import math\nprint(math.sqrt(16))\n", &w), "4.0\n");
        assert_eq!(
            output(
                "from math import floor, ceil, gcd, isqrt\nprint(floor(2.7), ceil(2.1), gcd(12, 18), isqrt(17))\n",
                &w
            ),
            "2 3 6 4\n"
        );
        assert_eq!(
            output("import math as m\nprint(round(m.pi, 2))\n", &w),
            "3.14\n"
        );
        assert_eq!(output("import math\nprint(math.log(8, 2))\n", &w), "3.0\n");
    }

    #[test]
    fn math_domain_errors_are_value_errors_on_the_line() {
        let record = run_program(
            "import math\n\nx = math.sqrt(-1)\n",
            &world(3),
            &[],
            &Limits::default(),
        );
        let error = record.error.expect("a domain error");
        assert_eq!(error.line, Some(3));
        assert_eq!(error.kind(), ErrorKind::Runtime);
    }

    #[test]
    fn random_is_the_same_for_the_same_world_and_differs_between_worlds() {
        let code = "import random\nprint([random.randint(1, 1000) for _ in range(5)], random.choice('abc'))\nx = [1, 2, 3, 4]\nrandom.shuffle(x)\nprint(x, random.random() < 1)\n";
        let first = output(code, &world(3));
        assert_eq!(first, output(code, &world(3)));
        assert_ne!(first, output(code, &world(4)));
    }

    #[test]
    fn random_refuses_empty_ranges() {
        let record = run_program(
            "import random\nrandom.randint(5, 1)\n",
            &world(3),
            &[],
            &Limits::default(),
        );
        assert!(record.error.is_some());
        let record = run_program(
            "from random import choice\nchoice([])\n",
            &world(3),
            &[],
            &Limits::default(),
        );
        assert!(record.error.is_some());
    }

    #[test]
    fn other_imports_stay_refused_even_next_to_allowed_ones() {
        for code in [
            "import math, os\n",
            "from os import path\n",
            "from . import math\n",
            "import math.os\n",
        ] {
            let record = run_program(code, &world(3), &[], &Limits::default());
            assert!(
                matches!(
                    record.error.map(|e| e.problem),
                    Some(Problem::ForbiddenImport { .. })
                ),
                "{code:?} was not refused"
            );
        }
    }
}
