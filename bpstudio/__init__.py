"""BP Studio: watch backpropagation happen, one phase at a time."""

__version__ = "0.1.0"
