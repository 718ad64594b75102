"""Every figure of the article's worked example, as `bpstudio explain` prints it.

The figures are those of shared/reference/article-worked-example.md (the article's own numbers,
rounded to 6 decimals). Markdown output must show each one on the line of the quantity it
belongs to; JSON output must hold it at full precision (equal to 6 decimals); both languages.
"""

from __future__ import annotations

import json
import re

import pytest

from bpstudio.cli import main

# (LaTeX left-hand side as explain writes it, the article's figure). A neuron's quantities and
# parameters carry its index even when it is alone in its layer (z²₁, δ²₁, b²₁, as the tables and
# tooltips name them: notation.names); a weight's two indices are side by side (W²₁₂).
FEEDFORWARD = [
    (r"z^{[1]}_{1}", "-0.050000"),
    (r"z^{[1]}_{2}", "0.140000"),
    (r"a^{[1]}_{1}", "0.487503"),
    (r"a^{[1]}_{2}", "0.534943"),
    (r"z^{[2]}_{1}", "0.971451"),
    (r"\hat{y} = a^{[2]}_{1}", "0.725409"),
    (r"L", "0.037700"),
]
BACKWARD = [
    (r"\delta^{[2]}_{1}", "-0.054696"),
    (r"\frac{\partial L}{\partial W^{[2]}_{11}}", "-0.026665"),
    (r"\frac{\partial L}{\partial W^{[2]}_{12}}", "-0.029259"),
    (r"\frac{\partial L}{\partial b^{[2]}_{1}}", "-0.054696"),
    (r"\delta^{[1]}_{1}", "-0.010932"),
    (r"\delta^{[1]}_{2}", "-0.012247"),
    (r"\frac{\partial L}{\partial W^{[1]}_{11}}", "-0.002186"),
    (r"\frac{\partial L}{\partial W^{[1]}_{12}}", "-0.004373"),
    (r"\frac{\partial L}{\partial W^{[1]}_{21}}", "-0.002449"),
    (r"\frac{\partial L}{\partial W^{[1]}_{22}}", "-0.004899"),
    (r"\frac{\partial L}{\partial b^{[1]}_{1}}", "-0.010932"),
    (r"\frac{\partial L}{\partial b^{[1]}_{2}}", "-0.012247"),
]
UPDATE = [
    (r"W^{[2]}_{11}", "0.802666"),
    (r"W^{[2]}_{12}", "0.902926"),
    (r"b^{[2]}_{1}", "0.105470"),
    (r"W^{[1]}_{11}", "0.100219"),
    (r"W^{[1]}_{12}", "-0.199563"),
    (r"W^{[1]}_{21}", "0.300245"),
    (r"W^{[1]}_{22}", "0.250490"),
    (r"b^{[1]}_{1}", "0.011093"),
    (r"b^{[1]}_{2}", "-0.018775"),
]
ALL = FEEDFORWARD + BACKWARD + UPDATE


def run_explain(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["explain", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def equation_lines(markdown: str) -> list[str]:
    """The lines of every $$\\begin{aligned} … \\end{aligned}$$ block."""
    lines = []
    for block in re.findall(r"\$\$\n\\begin\{aligned\}\n(.*?)\n\\end\{aligned\}\n\$\$", markdown, re.S):
        lines += [line.removesuffix(" \\\\") for line in block.split("\n")]
    return lines


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_markdown_shows_every_article_figure_on_its_line(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    markdown = run_explain(capsys, "--format", "md", "--lang", lang)
    lines = equation_lines(markdown)
    for lhs, figure in ALL:
        matches = [
            line
            for line in lines
            if (line.startswith(lhs + " &= ") or line.startswith(lhs + r" &\leftarrow "))
            and line.endswith("= " + figure)
        ]
        assert matches, f"no line {lhs} … = {figure} in the {lang} Markdown"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_markdown_keeps_the_article_order(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """z, a, the loss, output δ, output gradients, hidden δ, hidden gradients, new parameters."""
    lines = equation_lines(run_explain(capsys, "--lang", lang))
    positions = []
    for lhs, figure in ALL:
        found = [
            i
            for i, line in enumerate(lines)
            if line.startswith(lhs + " &") and line.endswith("= " + figure) and "=" in line[len(lhs) + 2 :]
        ]
        positions.append(found[-1] if lhs.startswith(("W", "b")) else found[0])
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_json_holds_every_article_figure(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    document = json.loads(run_explain(capsys, "--format", "json", "--lang", lang))
    assert document["format"] == "bpstudio-explanation"
    assert len(document["steps"]) == 1
    step = document["steps"][0]
    hidden, output = step["layers"]
    after = {entry["layer"]: entry for entry in step["params_after"]}
    found = {
        "z1": hidden["z"][0],
        "a1": hidden["a"][0],
        "z2": output["z"][0],
        "yhat": output["a"][0],
        "L": step["losses"],
        "J": [step["cost"]],
        "delta2": output["delta"][0],
        "dW2": output["grad_w"][0],
        "db2": output["grad_b"],
        "delta1": hidden["delta"][0],
        "dW1": hidden["grad_w"][0] + hidden["grad_w"][1],
        "db1": hidden["grad_b"],
        "W2": after[2]["W"][0],
        "b2": after[2]["b"],
        "W1": after[1]["W"][0] + after[1]["W"][1],
        "b1": after[1]["b"],
    }
    expected = {
        "z1": [-0.05, 0.14],
        "a1": [0.487503, 0.534943],
        "z2": [0.971451],
        "yhat": [0.725409],
        "L": [0.037700],
        "J": [0.037700],
        "delta2": [-0.054696],
        "dW2": [-0.026665, -0.029259],
        "db2": [-0.054696],
        "delta1": [-0.010932, -0.012247],
        "dW1": [-0.002186, -0.004373, -0.002449, -0.004899],
        "db1": [-0.010932, -0.012247],
        "W2": [0.802666, 0.902926],
        "b2": [0.105470],
        "W1": [0.100219, -0.199563, 0.300245, 0.250490],
        "b1": [0.011093, -0.018775],
    }
    for name, values in expected.items():
        assert len(found[name]) == len(values), name
        for got, want in zip(found[name], values, strict=True):
            assert round(got, 6) == pytest.approx(want, abs=1e-12), name
    # full precision, not the rounded figures
    assert hidden["a"][0][0] == pytest.approx(0.4875026035, abs=1e-10)
    assert output["a"][0][0] == pytest.approx(0.7254085653, abs=1e-10)


@pytest.mark.parametrize("fmt", ["text", "html"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_text_and_html_show_every_figure(capsys: pytest.CaptureFixture[str], fmt: str, lang: str) -> None:
    out = run_explain(capsys, "--format", fmt, "--lang", lang)
    for _, figure in ALL:
        assert figure in out
