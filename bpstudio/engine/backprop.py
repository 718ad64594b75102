"""The article's algorithm for one mini-batch: feedforward, backward, update.

Where each part lives (all in this module):

* **feedforward** — `feedforward`: for one layer l, z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and
  a⁽ˡ⁾ = g(z⁽ˡ⁾); after the output layer, `cost`: the loss L of each sample and
  J = (1/m) Σ L;
* **backward** — `output_delta`: δ_out = ∂L/∂z of the output layer (for half_sse with a sigmoid,
  (a − y) ⊙ g′(z)); `hidden_delta`: δ_hidden = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾); `gradients`:
  ∂J/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ and ∂J/∂b⁽ˡ⁾ = δ⁽ˡ⁾, averaged over the batch;
* **update** — `update`: θ ← θ − α ∂J/∂θ for plain SGD; momentum, Nesterov and Adam change
  the direction, with their rules in `engine.optimizers`.

One step, in the order `engine.stepper` calls these (one layer per call, so the window can
stop after any of them)::

    for l = 1 … L:      feedforward(l)                     z⁽ˡ⁾, a⁽ˡ⁾
                        cost                               L per sample, J
    l = L:              output_delta, gradients(L)         δ⁽ᴸ⁾, ∂J/∂W⁽ᴸ⁾, ∂J/∂b⁽ᴸ⁾
    for l = L−1 … 1:    hidden_delta(l), gradients(l)      δ⁽ˡ⁾, ∂J/∂W⁽ˡ⁾, ∂J/∂b⁽ˡ⁾
                        update                             θ ← θ − α ∂J/∂θ

The article writes one sample as a column vector. Here a batch of m samples is a matrix with
one sample per *row*, so the same formulas read Z = A_prev Wᵀ + b, Δ_hidden = (Δ_next W_next) ⊙
g′(Z) and Σ δ aᵀ = Δᵀ A_prev: each row is the article's column, with the same numbers.

Kept out of this module on purpose: the order of the phases and layers (`engine.stepper`), batch
normalisation (`engine.batchnorm`, reached through the plan's `normalise` / `denormalise`
hooks), batches and epochs (`engine.batching`), snapshots and saved state (`engine.state`),
g and g′ (`engine.activations`), L and δ_out per loss (`engine.losses`), and the search for
where a NaN came from (`engine.checks`). The speed tricks are the layer plan (`engine.plan`),
writing into reused buffers and one finiteness check per phase.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine import checks, losses
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import (
    OptimizerConfig,
    OptimizerState,
    UpdateInfo,
    Workspace,
    all_finite,
    propose,
)
from bpstudio.engine.plan import LayerPlan
from bpstudio.engine.trace import LayerTrace, Trace

Array = NDArray[np.float64]


# -- feedforward -------------------------------------------------------------------------------
def feedforward(plan: LayerPlan, trace: Trace, layer: int) -> Array:
    """z = W a_prev + b, a = g(z) for one layer (with batch norm, a = g(γ ẑ + β))."""
    a_prev = trace.layers[layer - 1].a
    assert a_prev is not None
    lt = trace.layers[layer]
    z = np.dot(a_prev, plan.WT)
    z += plan.b
    lt.z = z
    u = plan.normalise(trace, z) if plan.normalise is not None else z
    lt.u = u
    a = lt.a = plan.forward(u, plan.slope)
    return a


def cost(loss: str, trace: Trace, output: LayerTrace) -> float:
    """L for each sample of the batch, and the cost J = (1/m) Σ L."""
    a, u = output.a, output.u
    assert a is not None and u is not None
    per_sample = trace.losses = losses.per_sample(loss, trace.y, a, u)
    m = per_sample.shape[0]
    j = trace.cost = float(per_sample[0]) if m == 1 else float(np.add.reduce(per_sample)) / m
    return j


# -- backward ----------------------------------------------------------------------------------
def output_delta(loss: str, plan: LayerPlan, trace: Trace, output: LayerTrace) -> Array:
    """δ_out = ∂L/∂z of the output layer, per sample (the rule of each loss is in engine.losses)."""
    a, u = output.a, output.u
    assert a is not None and u is not None
    return losses.output_delta(loss, plan.activation, trace.y, a, u, plan.slope)


def hidden_delta(plan: LayerPlan, upper: LayerPlan, upper_delta: Array, lt: LayerTrace) -> Array:
    """δ_hidden = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾), per sample (one row each: Δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾)."""
    u, a = lt.u, lt.a
    assert u is not None and a is not None
    return plan.backward(u, a, np.dot(upper_delta, upper.W), plan.slope)


def gradients(plan: LayerPlan, trace: Trace, layer: int, delta_u: Array, views: dict[str, Array]) -> None:
    """Store δ of the layer (through batch norm when it has it) and write its gradients into
    `views`: ∂J/∂W = (1/m) Σ δ a_prevᵀ = (1/m) Δᵀ A_prev and ∂J/∂b = (1/m) Σ δ."""
    lt = trace.layers[layer]
    delta = plan.denormalise(lt, delta_u, views) if plan.denormalise is not None else delta_u
    lt.delta = delta
    a_prev = trace.layers[layer - 1].a
    assert a_prev is not None
    grad_w, grad_b = views["W"], views["b"]
    np.dot(delta.T, a_prev, out=grad_w)
    np.add.reduce(delta, axis=0, out=grad_b)
    m = delta.shape[0]
    if m != 1:  # the 1/m of J = (1/m) Σ L
        grad_w *= 1.0 / m
        grad_b *= 1.0 / m
    lt.grad_w, lt.grad_b = grad_w, grad_b


# -- update ------------------------------------------------------------------------------------
def update(
    config: OptimizerConfig,
    state: OptimizerState,
    network: Network,
    grad: Array,
    ws: Workspace,
    step: int,
    running: dict[int, tuple[Array, Array]] | None = None,
) -> tuple[Array, OptimizerState, UpdateInfo]:
    """θ ← θ − α ∂J/∂θ (or the optimizer's rule), written into the network's parameters.

    Returns the new parameters, the optimizer's new state and what it used (clipping, weight
    decay). A result that is not finite — the parameters, a moment of the optimizer or one of
    the batch's new `running` statistics (by layer) — is refused with NonFiniteError and changes
    nothing.
    """
    new_theta, new_state, info = propose(config, state, network.theta, grad, network.decay_mask, ws)
    if not all_finite(new_theta):
        checks.report_update(network, new_theta, step)
    if new_state.buffers or running:
        checks.check_state(network, new_state.buffers, running or {}, step)
    network.theta[:] = new_theta
    return new_theta, new_state, info
