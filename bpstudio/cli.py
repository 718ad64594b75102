"""The `bpstudio` command (also `python -m bpstudio`).

    bpstudio [FILE] [--lang en|vi] [--phases K] [--screenshot PNG] [--size WxH]   open the window
    bpstudio explain [FILE] [--steps N] [--format md|html|json|text] [--lang en|vi]
    bpstudio train FILE (--steps N | --epochs N) [--output OUT.json] [--report text|json]
    bpstudio check FILE [--tolerance T]

Exit status: 0 success; 1 the gradient check found a mismatch (`check`); 2 any error (bad
arguments, a file that cannot be read or written) with exactly one line on stderr, and OUT left
as it was; 3 training diverged (a NaN or an infinity appeared; OUT holds the last finite state);
4 `train` stopped by a limit of the file format (OUT holds the steps done); 130 interrupted with
Ctrl+C.

Qt is imported only when the window opens, so the headless commands start fast and run on
machines without a display. A file given with --output is written atomically and only after
training succeeded (or diverged, in which case it holds the last finite parameters), so an
existing file is never left half-written. Only regular files are read; --output refuses a folder,
a FIFO, a device node or a socket, and writes through a symbolic link (the link's target is
replaced atomically, the link stays).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from bpstudio import __version__
from bpstudio.notation import languages, names, numbers

PROG = "bpstudio"
EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_ERROR = 2
EXIT_DIVERGED = 3
EXIT_LIMIT = 4  # train stopped at a limit of the file: OUT holds the steps it did
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `… | head`
EXIT_INTERRUPTED = 130
_CHUNK = 1 << 16
PROGRESS_EVERY_S = 0.5  # how often `check` rewrites its progress line on a terminal


class CommandError(Exception):
    """A problem to report as one line on stderr; `status` is the exit status."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (no usage dump) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{self.prog}: {message} (see {self.prog} --help)")


def _whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, got {value}")
        return value

    return parse


_positive = _whole_number(1)
_non_negative = _whole_number(0)

# The smallest window BP Studio lays out without clipping, and a bound far beyond any screen.
MIN_WINDOW_SIZE = (1024, 700)
MAX_WINDOW_SIDE = 10_000


def _window_size(text: str) -> tuple[int, int]:
    """An argparse type: WxH in pixels, e.g. 1024x700, no smaller than the window's minimum."""
    width_text, sep, height_text = text.strip().lower().replace("×", "x").partition("x")
    if not sep or not width_text.isdigit() or not height_text.isdigit():
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT in pixels such as 1024x700, got {text!r}")
    width, height = int(width_text), int(height_text)
    min_w, min_h = MIN_WINDOW_SIZE
    if width < min_w or height < min_h or max(width, height) > MAX_WINDOW_SIDE:
        raise argparse.ArgumentTypeError(
            f"{width}x{height} is outside the sizes the window supports "
            f"({min_w}x{min_h} up to {MAX_WINDOW_SIDE}x{MAX_WINDOW_SIDE})"
        )
    return width, height


def _tolerance(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text}")
    return value


# -- output ---------------------------------------------------------------------------------------
def _write(text: str) -> None:
    """Print to stdout; a console that cannot show some character gets UTF-8 bytes instead."""
    for start in range(0, len(text), _CHUNK):  # in chunks, so that a closed pipe is noticed early
        chunk = text[start : start + _CHUNK]
        try:
            sys.stdout.write(chunk)
        except UnicodeEncodeError:
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:
                encoding = sys.stdout.encoding or "ascii"
                sys.stdout.write(chunk.encode(encoding, "replace").decode(encoding))
            else:
                sys.stdout.flush()
                buffer.write(chunk.encode("utf-8"))
    sys.stdout.flush()


def _one_line(message: str) -> str:
    return " ".join(message.split())


# -- loading --------------------------------------------------------------------------------------
def _load(path: str | None, prog: str) -> Any:
    """The NetworkFile at `path` (the article's network when None); a refusal is a CommandError."""
    from bpstudio.document.fileformat import LoadError, default_network, load_file

    try:
        return default_network() if path is None else load_file(path)
    except LoadError as error:
        raise CommandError(f"{prog}: cannot open {error}") from None


def _check_output_target(path: str, prog: str) -> None:
    """Refuse an --output that could never be written, before any training time is spent: a
    folder, a FIFO, a device node or a socket (never replaced), a missing folder, one we may not
    write in. A symbolic link is written through: its target is what gets replaced."""
    from bpstudio.document.fileformat import output_target
    from bpstudio.document.fileformat.common import shorten

    shown = shorten(path)  # as every message quotes a value: at most about 80 characters
    try:
        folder = output_target(path).parent
    except OSError as error:
        raise CommandError(f"{prog}: --output {shown}: {error.strerror or error}") from None
    if not os.access(folder, os.W_OK):
        raise CommandError(f"{prog}: --output {shown}: no permission to write in {shorten(str(folder))}")


# -- the window -------------------------------------------------------------------------------------
def _window(argv: Sequence[str]) -> int:
    parser = _Parser(
        prog=PROG,
        description="Watch backpropagation happen: build a small neural network and train it one "
        "phase at a time. Without FILE the article's network opens.",
        epilog="Headless commands: bpstudio explain | train | check (see bpstudio COMMAND --help).",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="network file (*.json) to open")
    parser.add_argument("--lang", choices=languages.CODES, help="language (default: the system's)")
    parser.add_argument(
        "--phases", type=_non_negative, default=0, metavar="K", help="advance K phases after opening"
    )
    parser.add_argument(
        "--screenshot", metavar="PNG", help="render the window to PNG and exit (works offscreen)"
    )
    parser.add_argument(
        "--size",
        type=_window_size,
        metavar="WxH",
        help="window size in pixels, e.g. 1024x700 (screenshots default to 1440x900; "
        "otherwise the window fits the screen)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    args = parser.parse_args(argv)
    if args.file is not None:
        _load(args.file, PROG)  # a bad file is reported here, before Qt starts
    if args.screenshot is not None:
        _check_output_target(args.screenshot, f"{PROG} --screenshot")
    try:
        from bpstudio.ui.app import run
    except ImportError as error:  # Qt missing or broken on this machine
        raise CommandError(
            f"{PROG}: cannot open the window ({error}); the commands explain, train and check work without it"
        ) from None
    options: dict[str, Any] = {}
    if args.size is not None:
        options["size"] = args.size
    return int(
        run(file=args.file, lang=args.lang, phases=args.phases, screenshot=args.screenshot, **options) or 0
    )


# -- explain ----------------------------------------------------------------------------------------------
def _explain(argv: Sequence[str]) -> int:
    from bpstudio.engine.errors import EngineError, NonFiniteError

    prog = f"{PROG} explain"
    parser = _Parser(
        prog=prog,
        description="Write the worked derivation of the first N training steps in the article's order: "
        "every z and a, the loss, the output δ and gradients, the hidden δ and gradients, the "
        "updated parameters (6 decimals; json: full precision). Without FILE: the article's network.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="network file (default: the article's)")
    parser.add_argument("--steps", type=_positive, default=1, metavar="N", help="steps to explain (1)")
    parser.add_argument("--format", choices=("md", "html", "json", "text"), default="md", help="(md)")
    parser.add_argument(
        "--lang", choices=languages.CODES, default=languages.SOURCE, help=f"({languages.SOURCE})"
    )
    args = parser.parse_args(argv)
    network_file = _load(args.file, prog)
    from bpstudio.document.fileformat import in_language
    from bpstudio.explain import explain_steps

    try:
        # the title and description in the chosen language when the file has them (the examples do)
        nf = network_file
        fields = {"name": nf.name, "name_vi": nf.name_vi, "description": nf.description}
        fields["description_vi"] = nf.description_vi
        name, description = (in_language(fields, key, args.lang) for key in ("name", "description"))
        text = explain_steps(
            network_file.stepper,
            args.steps,
            lang=args.lang,
            fmt=args.format,
            name=name or None,
            description=description or None,
        )
    except NonFiniteError as error:
        raise CommandError(f"{prog}: training diverged: {error}", EXIT_DIVERGED) from None
    except EngineError as error:  # a step past a limit (engine.limits)
        raise CommandError(f"{prog}: {args.file or 'the article'}: {error}") from None
    _write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


# -- train ------------------------------------------------------------------------------------------------
def _train(argv: Sequence[str]) -> int:
    from bpstudio.document.fileformat import SaveError, save_file
    from bpstudio.engine.errors import EngineError, NonFiniteError

    prog = f"{PROG} train"
    parser = _Parser(
        prog=prog,
        description="Train a network without the window and write it, with its training state, to OUT.",
    )
    parser.add_argument("file", metavar="FILE", help="network file (*.json)")
    length = parser.add_mutually_exclusive_group(required=True)
    length.add_argument("--steps", type=_positive, metavar="N", help="train N steps (mini-batches)")
    length.add_argument("--epochs", type=_positive, metavar="N", help="train N epochs")
    parser.add_argument(
        "--output",
        metavar="OUT.json",
        help="write the trained network here (atomic; a symbolic link is written through, a FIFO or "
        "a device is refused)",
    )
    parser.add_argument("--report", choices=("text", "json"), default="text", help="summary format (text)")
    args = parser.parse_args(argv)
    if args.output is not None:
        _check_output_target(args.output, prog)
    network_file = _load(args.file, prog)
    stepper = network_file.stepper
    start_step, start_epoch = stepper.steps_done, stepper.epoch

    def save() -> None:
        if args.output is None:
            return
        try:
            save_file(args.output, network_file)
        except SaveError as error:
            raise CommandError(f"{prog}: {error}") from None

    try:
        summary = stepper.train(steps=args.steps, epochs=args.epochs)
    except NonFiniteError as error:
        # The engine refused the non-finite values: the network holds the last finite parameters.
        stepper.restart_step()
        save()
        where = f"; {args.output} holds the last finite parameters" if args.output else ""
        raise CommandError(f"{prog}: training diverged at {error}{where}", EXIT_DIVERGED) from None
    except EngineError as error:
        done = stepper.steps_done - start_step
        if error.field == "limit" and done:  # a limit of the file reached mid-way: keep the steps trained
            stepper.restart_step()
            save()
            where = f"; {args.output} holds the {done} steps trained" if args.output else ""
            raise CommandError(
                f"{prog}: {args.file}: after {done} steps: {error}{where}", EXIT_LIMIT
            ) from None
        raise CommandError(f"{prog}: {args.file}: {error}") from None
    save()
    rate = summary.steps_per_second
    report: dict[str, Any] = {
        "file": args.file,
        "output": args.output,
        "steps": summary.steps,
        "epochs": summary.epochs_completed,
        "final_cost": summary.final_cost,
        "wall_time_s": summary.seconds,
        "steps_per_second": rate if math.isfinite(rate) else None,
        "total_steps": stepper.steps_done,
        "total_epochs": stepper.epoch,
        "start_step": start_step,
        "start_epoch": start_epoch,
    }
    if args.report == "json":
        _write(json.dumps(report, indent=1) + "\n")
        return EXIT_OK
    cost = "—" if summary.final_cost is None else numbers.derivation(summary.final_cost)
    lines = [
        f"trained {args.file}: {summary.steps} steps, {summary.epochs_completed} epochs completed",
        f"final cost J:      {cost}",
        f"wall time:         {summary.seconds:.3f} s",
        f"steps per second:  {rate:,.0f}" if math.isfinite(rate) else "steps per second:  —",
        f"in total:          {stepper.steps_done} steps, {stepper.epoch} epochs completed",
    ]
    if args.output is not None:
        lines.append(f"written to:        {args.output}")
    _write("\n".join(lines) + "\n")
    return EXIT_OK


# -- check ------------------------------------------------------------------------------------------------
def _check(argv: Sequence[str]) -> int:
    from bpstudio.engine.errors import NonFiniteError
    from bpstudio.engine.gradcheck import DEFAULT_TOLERANCE, gradient_check

    prog = f"{PROG} check"
    parser = _Parser(
        prog=prog,
        description="Validate a network file (everything train would refuse is refused) and compare "
        "backpropagation with numerical derivatives for every parameter on the whole dataset (on a "
        "large network: an evenly spread, fixed selection of them, with a progress line on a terminal). "
        "A parameter whose samples sit on a kink (ReLU, leaky ReLU or ELU at 0, Huber at |ŷ − y| = δ) "
        "has no derivative there: it is reported and not compared. "
        "Exit 0 when both pass, 1 when a gradient is off by more than the tolerance, 2 for a bad file "
        "(or one whose cost is not a finite number, so that no gradient can be checked).",
    )
    parser.add_argument("file", metavar="FILE", help="network file (*.json)")
    parser.add_argument(
        "--tolerance",
        type=_tolerance,
        default=DEFAULT_TOLERANCE,
        metavar="T",
        help=f"largest relative error accepted ({DEFAULT_TOLERANCE:g}); the numerical derivative "
        "is a 4th-order central difference, so smooth activations reach 1e-9 or better",
    )
    args = parser.parse_args(argv)
    network_file = _load(args.file, prog)
    stepper = network_file.stepper
    net, data = stepper.network, stepper.dataset
    _write(
        f"{args.file}: valid — {' → '.join(str(s) for s in net.sizes)} network, "
        f"{net.parameter_count} parameters, {data.size} samples, loss {stepper.loss}\n"
    )
    try:
        report = gradient_check(net, stepper.loss, data.inputs, data.targets, progress=_progress_line(prog))
    except NonFiniteError as error:  # e.g. weights so large that the cost overflows
        raise CommandError(f"{prog}: {args.file}: the gradient cannot be checked: {error}") from None
    worst = report.worst
    checked = f"{len(report.entries)} parameters"
    if report.sampled:
        checked = f"{len(report.entries)} of the {report.total} parameters (evenly spread)"
    lines = []
    if report.kinks:
        first = report.kinks[0]
        lines.append(
            f"{len(report.kinks)} of them sit at a non-differentiable point (a sample on a kink of "
            f"ReLU, leaky ReLU, ELU or Huber, e.g. {names.parameter_name(first.kind, first.layer, *first.index)}): "
            "not compared"
        )
    if worst is None:
        lines.insert(0, f"gradient check over {checked}: no parameter to compare")
        _write("\n".join(lines) + "\n")
        return EXIT_OK
    where = names.parameter_name(worst.kind, worst.layer, *worst.index)
    passed = report.passed(args.tolerance)
    lines.insert(
        0,
        f"gradient check over {checked}: worst relative error "
        f"{worst.relative_error:.3e} at {where} (backprop {numbers.full(worst.backprop)}, "
        f"numerical {numbers.full(worst.numeric)}); tolerance {args.tolerance:g}: {'passed' if passed else 'FAILED'}",
    )
    _write("\n".join(lines) + "\n")
    if not passed:
        raise CommandError(
            f"{prog}: gradient check failed: relative error {worst.relative_error:.3e} at {where} "
            f"is above the tolerance {args.tolerance:g}",
            EXIT_CHECK_FAILED,
        )
    return EXIT_OK


def _progress_line(prog: str) -> Callable[[int, int], None] | None:
    """On a terminal, a progress line on stderr (rewritten in place) once the check takes a
    while; None when stderr is not a terminal (scripts and pipes get the result alone)."""
    if not sys.stderr.isatty():
        return None
    started = time.monotonic()
    shown = [started]

    def show(done: int, count: int) -> None:
        now = time.monotonic()
        if done < count and now - shown[0] < PROGRESS_EVERY_S:
            return
        shown[0] = now
        if done == count and now - started < PROGRESS_EVERY_S:
            return
        end = "\n" if done == count else ""
        sys.stderr.write(f"\r{prog}: {done} of {count} parameters compared{end}")
        sys.stderr.flush()

    return show


# -- entry point ------------------------------------------------------------------------------------------
def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so that Python's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (see the module docstring)."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {"explain": _explain, "train": _train, "check": _check}
    name = args[0] if args and args[0] in commands else None
    try:
        if name is None:
            return _window(args)
        return commands[name](args[1:])
    except CommandError as error:
        _report(str(error))
        return error.status
    except KeyboardInterrupt:
        _report(f"{PROG}{' ' + name if name else ''}: interrupted; nothing was written")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except SystemExit as exit_request:  # --help and --version
        code = exit_request.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_ERROR)
    except MemoryError:
        _report(f"{PROG}: not enough memory for this network")
        return EXIT_ERROR
    except Exception as error:
        if os.environ.get("BPSTUDIO_DEBUG"):
            raise
        _report(
            f"{PROG}: unexpected error ({type(error).__name__}: {error}); please report it "
            "(set BPSTUDIO_DEBUG=1 to see the details)"
        )
        return EXIT_ERROR


def _report(message: str) -> None:
    try:
        sys.stderr.write(_one_line(message) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
