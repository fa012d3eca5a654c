"""leadreg: a git-backed, plain-text registry of sales leads."""

__version__ = "0.1.0"
