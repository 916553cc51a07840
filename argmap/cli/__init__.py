"""The ``argmap`` command line: a thin Typer layer over the library, one module per command."""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
