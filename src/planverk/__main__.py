"""Run planverk as ``python -m planverk``."""

from .cli import main

main()
