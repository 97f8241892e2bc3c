"""Reviewing changes: plan diffs in words, revisions from git, and git history."""
