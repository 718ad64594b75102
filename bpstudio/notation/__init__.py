"""The notation of BP Studio: formulas, names, numbers and symbols, written once (no Qt)."""
