"""Changing a plan's files: round-trip YAML, fmt, the edit commands and new plans (init)."""
