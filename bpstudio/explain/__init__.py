"""Worked derivations from a trace, in English or Vietnamese, as Markdown, HTML, text or JSON.

`explain_phase` writes the formulas of one phase of a step with the trace's numbers substituted
(the explanation dock shows it after each phase); `explain_steps` runs whole steps on a stepper
and writes the derivation in the article's order (`bpstudio explain`). Engine only: no Qt.
"""

from __future__ import annotations

from typing import Any

from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OptimizerConfig
from bpstudio.engine.stepper import Phase, Stepper, Trace
from bpstudio.explain import record, texts
from bpstudio.explain.derive import COMPACT, FULL, Detail, Writer, phase_doc
from bpstudio.explain.doc import Doc, render, render_html_page
from bpstudio.explain.formula import format_number

FORMATS = ("md", "html", "text", "json")
DETAILS: dict[str, Detail] = {"full": FULL, "compact": COMPACT}
LANGUAGES = texts.LANGUAGES
PHASES = (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE)

__all__ = [
    "DETAILS",
    "FORMATS",
    "LANGUAGES",
    "explain_phase",
    "explain_steps",
    "format_number",
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
    writer = Writer(trace, network, loss, optimizer, lang, DETAILS[detail])
    return render(phase_doc(writer, phase), fmt)  # type: ignore[arg-type]


def explain_steps(
    stepper: Stepper,
    steps: int = 1,
    *,
    lang: str = "en",
    fmt: str = "md",
    name: str | None = None,
    description: str | None = None,
) -> str:
    """Run `steps` training steps phase by phase on `stepper` and write out every one.

    A step already in progress is restarted first (parameters only change in UPDATE, so nothing
    is lost) and explained from its beginning. The stepper is left after the last step.
    `name` and `description` (the network file's) head the description of the network.
    """
    _check(lang, fmt)
    if not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a whole number of at least 1, got {steps!r}")
    if stepper.trace is not None or stepper.layer != 1 or stepper.phase is not Phase.FEEDFORWARD:
        stepper.restart_step()
    net = stepper.network
    initial = net.theta.copy()
    step_docs: list[Doc] = []
    records: list[dict[str, Any]] = []
    tx = texts.get(lang)
    overview = Doc()
    for index in range(steps):
        doc = Doc()
        for phase in PHASES:
            stepper.next_phase()
            trace = stepper.trace
            assert trace is not None
            if fmt == "json":
                continue
            writer = Writer(trace, net, stepper.loss, stepper.optimizer, lang)
            if phase is Phase.FEEDFORWARD:
                if index == 0:
                    writer.overview(
                        overview,
                        stepper.dataset.size,
                        stepper.training.batch_size,
                        stepper.training.shuffle,
                        name,
                        description,
                    )
                doc.heading(2, tx["step_title"].format(step=trace.step + 1, epoch=trace.epoch + 1))
            doc.extend(phase_doc(writer, phase))
        if fmt == "json":
            assert stepper.trace is not None
            records.append(record.step_record(stepper.trace, net))
        step_docs.append(doc)
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
    whole = Doc()
    whole.heading(1, tx["doc_title"])
    whole.para(tx["doc_intro"])
    whole.extend(overview)
    for doc in step_docs:
        whole.extend(doc)
    if fmt == "html":
        return render_html_page(whole, tx["doc_title"], lang)
    return render(whole, fmt)  # type: ignore[arg-type]
