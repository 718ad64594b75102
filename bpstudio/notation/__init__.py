"""How BP Studio writes mathematics: names, numbers, symbols and the list of languages.

Qt-free and beside the engine, so that the canvas, the tables, the tooltips, the explanations
and the command line all write a name or a number by the same rule:

* `names`: x₁, h²₁, ŷ, W¹₁₂, ∂J/∂b¹₁, m(W¹) and the Parameters tables' `Quantity`;
* `numbers`: one formatter with named styles (TABLE, CANVAS, SHORT, FULL, DERIVATION) and one
  way to shorten a number to fit a width;
* `symbols`: every letter of a formula (`MATH`: W, b, γ, β, ŷ, δ, the optimizer buffers' m
  and v …) in LaTeX and Unicode; an activation's name (σ, tanh, ReLU) is in its table;
* `scripts`: the one table of Unicode sub- and superscripts (names and plain-text formulas);
* `languages`: the codes and native names of the languages the app speaks;
* `formula`: the formula nodes (symbols, numbers, fractions, cases…) and how they render as
  HTML, Markdown, LaTeX-free text and plain tooltips;
* `activations`, `losses`, `optimizers`: one table entry per engine key with its formulas —
  g and g′, the loss of one sample and the output δ, the update rule — in symbols and with
  numbers substituted; `backprop`: batch norm's two steps and the chain rule of a hidden δ.

Translated words (layer titles, "Xavier (uniform)") are not here: they stay in Qt's `tr`.
"""

from __future__ import annotations

from bpstudio.notation import languages, names, numbers, scripts, symbols

__all__ = ["languages", "names", "numbers", "scripts", "symbols"]
