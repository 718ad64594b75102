"""Worked derivations from a trace, in English or Vietnamese, as Markdown, HTML, text or JSON.

`explain_phase` writes the formulas of one phase of a step with the trace's numbers substituted
(the explanation dock shows it after each phase); `explain_steps` runs whole steps on a stepper
and writes the derivation in the article's order (`bpstudio explain`); `explain_range` writes
steps a…b counted as the window counts them (File › Export explanation). Engine only: no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OptimizerConfig
from bpstudio.engine.stepper import Phase, Stepper, Trace
from bpstudio.explain import record, texts
from bpstudio.explain.derive import COMPACT, FULL, Context, Detail, overview, phase_doc
from bpstudio.explain.doc import Doc, render, render_html_page
from bpstudio.notation import languages

FORMATS = ("md", "html", "text", "json")
DETAILS: dict[str, Detail] = {"full": FULL, "compact": COMPACT}
LANGUAGES = languages.CODES
PHASES = (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE)

__all__ = [
    "DETAILS",
    "FORMATS",
    "LANGUAGES",
    "CancelledError",
    "current_step",
    "explain_phase",
    "explain_range",
    "explain_steps",
    "suggested_detail",
]

COMPACT_WEIGHTS = 32  # weights worked out in full past which the dock goes compact


def suggested_detail(network: Network) -> str:
    """The detail for a window that explains every phase as it runs: "full" while the full
    derivation stays short (it works out at most 32 weights, as for the article's network or
    a 2-8-1 one), "compact" beyond (a 2-16-16-1 network, eight layers of 8, 6 × 64)."""
    limit = FULL.neurons
    sizes = network.sizes
    worked = sum(min(n, limit) * min(n_in, limit) for n, n_in in zip(sizes[1:], sizes[:-1], strict=True))
    return "compact" if worked > COMPACT_WEIGHTS else "full"


def _check(lang: str, fmt: str) -> None:
    texts.get(lang)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def explain_phase(
    trace: Trace,
    network: Network,
    loss: str,
    optimizer: OptimizerConfig,
    phase: Phase | str,
    *,
    lang: str = "en",
    fmt: str = "md",
    detail: str = "full",
) -> str:
    """The formulas of `phase` with the numbers of `trace` substituted.

    `detail="full"` (the CLI's and the exports') works out up to 8 neurons per layer with 8 inputs
    each; `detail="compact"` (the explanation dock, for large networks) keeps every formula of
    every layer but works out 2 neurons with 2 inputs each, 3 terms per sum and 3 samples per
    table, says in one line per layer how many more there are, and where every value is shown.
    A network within the compact limits reads the same either way.

    FEEDFORWARD and BACKWARD may be partial (after `next_layer`): the layers computed so far are
    written. UPDATE needs the finished step. Raises ValueError for a phase that has not run.
    `network` gives the structure; parameters are read from the trace, so it may already hold
    the updated values.
    """
    _check(lang, fmt)
    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; expected one of {', '.join(DETAILS)}")
    phase = Phase(phase)
    if fmt == "json":
        return record.dumps(record.step_record(trace, network))
    context = Context(trace, network, loss, optimizer, lang, DETAILS[detail])
    return render(phase_doc(context, phase), fmt)  # type: ignore[arg-type]


class CancelledError(Exception):
    """The `progress` callback of explain_steps asked to stop."""


def explain_steps(
    stepper: Stepper,
    steps: int = 1,
    *,
    lang: str = "en",
    fmt: str = "md",
    name: str | None = None,
    description: str | None = None,
    finished: bool = False,
    skip: int = 0,
    progress: Callable[[int, int], bool] | None = None,
) -> str:
    """Run `steps` training steps phase by phase on `stepper` and write out every one.

    A step already in progress is restarted first (parameters only change in UPDATE, so nothing
    is lost) and explained from its beginning. With `finished`, a step the stepper has just
    completed (its trace is complete: the window's current step) is written first from its trace
    and `steps - 1` more are run. `skip` steps are run before the first one written (and then
    `finished` does not apply). `progress(done, total)` is called after each step run; returning
    False stops with CancelledError. The stepper is left after the last step. `name` and
    `description` (the network file's) head the description of the network.
    """
    _check(lang, fmt)
    if not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a whole number of at least 1, got {steps!r}")
    if not isinstance(skip, int) or skip < 0:
        raise ValueError(f"skip must be a whole number of at least 0, got {skip!r}")
    done_trace = stepper.trace if finished and skip == 0 else None
    if done_trace is not None and not done_trace.complete:
        done_trace = None
    if done_trace is None and (
        stepper.trace is not None or stepper.layer != 1 or stepper.phase is not Phase.FEEDFORWARD
    ):
        stepper.restart_step()
    net = stepper.network
    to_run = skip + steps - (1 if done_trace is not None else 0)
    run = 0

    def ran() -> None:
        nonlocal run
        run += 1
        if progress is not None and not progress(run, to_run):
            raise CancelledError

    for _ in range(skip):
        stepper.step()
        ran()
    initial = (done_trace.params_before if done_trace is not None else net.theta).copy()
    step_docs: list[Doc] = []
    records: list[dict[str, Any]] = []
    numbers: list[int] = []
    tx = texts.get(lang)
    network_doc = Doc()

    def write(trace: Trace, phase: Phase, doc: Doc) -> None:
        if fmt == "json":
            return
        context = Context(trace, net, stepper.loss, stepper.optimizer, lang)
        if phase is Phase.FEEDFORWARD:
            if not step_docs:
                overview(
                    context,
                    network_doc,
                    stepper.dataset.size,
                    stepper.training.batch_size,
                    stepper.training.shuffle,
                    name,
                    description,
                )
            doc.heading(2, tx["step_title"].format(step=trace.step + 1, epoch=trace.epoch + 1))
        doc.extend(phase_doc(context, phase))

    for index in range(steps):
        doc = Doc()
        if index == 0 and done_trace is not None:
            trace = done_trace
            for phase in PHASES:
                write(trace, phase, doc)
        else:
            for phase in PHASES:
                stepper.next_phase()
                assert stepper.trace is not None
                trace = stepper.trace
                write(trace, phase, doc)
        if fmt == "json":
            records.append(record.step_record(trace, net))
        numbers.append(trace.step + 1)
        step_docs.append(doc)
        if index > 0 or done_trace is None:
            ran()
    if fmt == "json":
        document = {
            "format": record.FORMAT,
            "version": record.VERSION,
            "name": name,
            "network": record.network_record(net, stepper.loss, stepper.optimizer, stepper.training),
            "initial_parameters": record.parameters(net, initial),
            "steps": records,
        }
        return record.dumps(document)
    return _whole(network_doc, step_docs, numbers, lang, fmt, name)


def _whole(
    network_doc: Doc, step_docs: list[Doc], numbers: list[int], lang: str, fmt: str, name: str | None
) -> str:
    """The written steps under their title, with the network's description first."""
    tx = texts.get(lang)
    whole = Doc()
    whole.heading(1, tx["doc_title"])
    scope = tx["scope_one"] if len(numbers) == 1 else tx["scope_many"]
    whole.para(scope.format(first=numbers[0], last=numbers[-1]))
    whole.para(tx["doc_intro"])
    whole.extend(network_doc)
    for doc in step_docs:
        whole.extend(doc)
    if fmt == "html":
        title = tx["doc_title"] + (f" — {name}" if name else "")
        return render_html_page(whole, title, lang)
    return render(whole, fmt)  # type: ignore[arg-type]


def current_step(stepper: Stepper) -> int:
    """The step the window shows, counted from 1: the one in progress or just completed, else the next."""
    trace = stepper.trace
    return trace.step + 1 if trace is not None else stepper.steps_done + 1


def explain_range(
    stepper: Stepper,
    first: int,
    last: int,
    *,
    lang: str = "en",
    fmt: str = "md",
    name: str | None = None,
    description: str | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> str:
    """Steps `first` to `last` (counted from 1) of a stepper that is in, or just after, its
    current step (see current_step), which is the earliest one that can be written. Steps before
    `first` are run without being written; the stepper is left after `last` (give it a copy)."""
    current = current_step(stepper)
    if not current <= first <= last:
        raise ValueError(f"steps {first} to {last} cannot be written from step {current}")
    trace = stepper.trace
    finished = trace is not None and trace.complete
    skip = first - current - (1 if finished and first > current else 0)
    return explain_steps(
        stepper,
        last - first + 1,
        lang=lang,
        fmt=fmt,
        name=name,
        description=description,
        finished=finished and first == current,
        skip=skip,
        progress=progress,
    )
