"""Load speed: `fileformat.loads` side by side with `json.loads` + `numpy.asarray` of the same file.

Run with `.venv/bin/python tests/benchmarks/bench_load.py` (add `--sizes 10` for a quick run).

For each size (10 MB and 50 MB of text: a 2-200-1 network and a dataset filling the rest), four
files are measured: a valid one, and three refused at their very end (a string where a number
belongs in the last dataset row, an infinite number there, a row one number short) — a refusal
must not cost more than a load. The reference is what any loader must do at least: parse the JSON
text and turn its big lists into NumPy arrays; it is timed with the garbage collector on and off
(`loads` parses with it off) and the faster of the two is the reference. Target: every load at
most 3× the reference.

`--compare` also times the optional libraries the issue names, if installed: `orjson.loads` as the
parser, and `fastjsonschema` compiled from the network schema, against the standard library's
`json` and `jsonschema` (structure only).
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from bpstudio.document.fileformat import LoadError, loads

N_IN, N_HIDDEN, N_OUT = 2, 200, 1


def network_text(megabytes: float, rng: np.random.Generator) -> str:
    """A valid network file of about `megabytes` MB, most of it dataset rows."""
    document: dict[str, Any] = {
        "format": "bpstudio-network",
        "version": 1,
        "name": "benchmark",
        "layers": [
            {"size": N_IN},
            {
                "size": N_HIDDEN,
                "activation": "tanh",
                "weights": rng.normal(size=(N_HIDDEN, N_IN)).tolist(),
                "biases": rng.normal(size=N_HIDDEN).tolist(),
            },
            {
                "size": N_OUT,
                "activation": "linear",
                "weights": rng.normal(size=(N_OUT, N_HIDDEN)).tolist(),
                "biases": rng.normal(size=N_OUT).tolist(),
            },
        ],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.1},
        "dataset": {"inputs": [], "targets": []},
    }
    row_bytes = len(json.dumps(rng.normal(size=N_IN + N_OUT).tolist())) + 6
    rows = max(1, int(megabytes * 1024 * 1024 / row_bytes))
    document["dataset"]["inputs"] = rng.normal(size=(rows, N_IN)).tolist()
    document["dataset"]["targets"] = rng.normal(size=(rows, N_OUT)).tolist()
    return json.dumps(document)


def spoiled(text: str, how: str) -> str:
    """The same file refused at its end: the last number of the last input row made bad."""
    end = text.rindex('], "targets"')  # the end of the inputs
    last = text.rindex(", ", 0, end) + 2
    if how == "text":
        return text[:last] + '"x"' + text[end:]
    if how == "infinite":
        return text[:last] + "1e999" + text[end:]
    return text[: last - 2] + text[end:]  # one number short


def reference(text: str) -> None:
    document = json.loads(text)
    for layer in document["layers"][1:]:
        np.asarray(layer["weights"], dtype=np.float64)
        np.asarray(layer["biases"], dtype=np.float64)
    np.asarray(document["dataset"]["inputs"], dtype=np.float64)
    np.asarray(document["dataset"]["targets"], dtype=np.float64)


def reference_without_collector(text: str) -> None:
    """The reference with the garbage collector off while it parses, as `loads` parses: the
    fairer (faster) reference, so the ratio does not flatter BP Studio."""
    gc.disable()
    try:
        reference(text)
    finally:
        gc.enable()


def load(text: str) -> None:
    try:
        loads(text)
    except LoadError:
        pass


def best_time(run: Callable[[Any], Any], text: Any, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def compare(text: str, repeats: int) -> None:
    """orjson and fastjsonschema, if installed, against the standard library and BP Studio's own
    validator (jsonschema with NumPy checks of long lists)."""
    data = text.encode("utf-8")
    print(f"  json.loads                        {best_time(json.loads, text, repeats):7.3f} s")
    try:
        import orjson  # type: ignore[import-not-found, unused-ignore]

        print(f"  orjson.loads                      {best_time(orjson.loads, data, repeats):7.3f} s")
    except ImportError:
        print("  orjson: not installed")
    import jsonschema

    from bpstudio.document.fileformat import schema
    from bpstudio.document.fileformat.validate import validate_schema

    document = json.loads(text)
    print(f"  validate_schema (BP Studio)       {best_time(validate_schema, document, repeats):7.3f} s")
    plain = jsonschema.Draft202012Validator(schema())
    print(f"  jsonschema alone                  {best_time(plain.validate, document, 1):7.3f} s")
    try:
        import fastjsonschema  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        print("  fastjsonschema: not installed")
        return
    compiled = fastjsonschema.compile(schema())
    try:
        print(f"  fastjsonschema                    {best_time(compiled, document, repeats):7.3f} s")
    except fastjsonschema.JsonSchemaException as error:
        # It knows drafts 4, 6 and 7 only: "prefixItems" (Draft 2020-12) is ignored.
        print(f"  fastjsonschema refuses this valid file: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10.0, 50.0], help="file sizes in MB")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--compare", action="store_true", help="also time orjson and fastjsonschema")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    worst = 0.0
    for megabytes in args.sizes:
        text = network_text(megabytes, rng)
        with_collector = best_time(reference, text, args.repeats)
        without = best_time(reference_without_collector, text, args.repeats)
        ref = min(with_collector, without)
        print(
            f"{len(text) / 1e6:.1f} MB file: json.loads + numpy.asarray {with_collector:.3f} s "
            f"({without:.3f} s with the garbage collector off, as loads parses)"
        )
        for label, variant in (
            ("valid", text),
            ("a text at the end", spoiled(text, "text")),
            ("1e999 at the end", spoiled(text, "infinite")),
            ("a row short at the end", spoiled(text, "short")),
        ):
            seconds = best_time(load, variant, args.repeats)
            worst = max(worst, seconds / ref)
            print(f"  loads, {label:<24} {seconds:7.3f} s  {seconds / ref:5.2f}× the reference")
        if args.compare:
            compare(text, args.repeats)
    print(f"worst: {worst:.2f}× the reference (target: at most 3×)")


if __name__ == "__main__":
    main()
