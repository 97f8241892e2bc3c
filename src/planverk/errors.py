"""The exception root and the exit codes; the CLI maps one to the other in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What planverk's exit status means."""

    OK = 0
    FINDINGS = 1
    """The plan has errors (or warnings, with --strict), or an edit was refused."""
    USAGE = 2
    """Bad arguments, or the plan could not be found or read at all."""


class PlanverkError(Exception):
    """A problem planverk reports as a message, never as a traceback.

    ``message`` is a :class:`planverk.i18n.Message` (the CLI writes it in the plan's
    language) or plain text; ``str()`` of the error is its English.
    """

    exit_code = ExitCode.USAGE

    def __init__(self, message: object = "") -> None:
        super().__init__(str(message))
        self.message = message


class UsageError(PlanverkError):
    """The command was called wrongly (unknown option value, missing file)."""


class RefusedError(PlanverkError):
    """The command would produce an invalid plan or output, so it did nothing."""

    exit_code = ExitCode.FINDINGS


class OutputError(PlanverkError):
    """Output could not be written (a full disk, no permission); what was there is kept."""


class InvalidPlanError(RefusedError):
    """A plan, or the result of an edit, does not validate; the findings come along.

    The CLI prints ``validation``'s findings before the message, so the user sees what
    is wrong with the exact lines to fix.
    """

    def __init__(self, message: str, validation: object) -> None:
        super().__init__(message)
        self.validation = validation
        if getattr(validation, "unreadable", False):
            self.exit_code = ExitCode.USAGE


class TemplateError(PlanverkError):
    """A template could not be found, read or rendered; the message says where and why."""
