"""The README stays the user's manual: its set-up commands are the ones CI runs."""

from __future__ import annotations

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    test_command = 'pip install torch==2.13.0 -e ".[test]" && pytest'
    assert test_command in README
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands():
    blocks = README.split("```")
    first_code = blocks[1].strip().splitlines()
    commands = [line for line in first_code if line and not line.startswith(("#", "bash", "sh"))]
    assert len(commands) == 2
    assert "pip install torch==2.13.0" in commands[0] and "eventcoder parse seeds/" in commands[0]
    assert commands[1].endswith("pytest")
