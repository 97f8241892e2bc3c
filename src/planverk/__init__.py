"""planverk: a municipality's change-process plan as YAML in git, checked and published."""

__version__ = "0.1.0"
