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
    assert "pip install torch==2.13.0" in commands[0] and "eventcoder code seeds/ --out events.parquet" in commands[0]
    assert commands[1].endswith("pytest")


def test_notebook_example_runs(tmp_path, monkeypatch):
    from eventcoder.output.writer import rows_to_frame, write_events
    from tests.test_output import ROWS

    section = README.split("## In the notebook", 1)[1]
    code = section.split("```python", 1)[1].split("```", 1)[0]
    write_events(rows_to_frame(ROWS), tmp_path / "events.parquet", {})
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(code, "README.md (In the notebook)", "exec"), namespace)  # noqa: S102 - the README's own example
    assert namespace["by_root"]["n"].to_list() == [2]
    assert namespace["one_a_day"].height == 2
    assert len(namespace["pandas_frame"]) == 3
