"""planverk: a municipality's change-process plan as YAML in git, checked and published."""

from time import time_ns as _time_ns

__version__ = "0.1.0"

IMPORTED_NS = _time_ns()
"""When this process began to import planverk (ns since the epoch): a cache entry is not
written from sources changed since (:mod:`planverk.model.prebuilt`)."""
