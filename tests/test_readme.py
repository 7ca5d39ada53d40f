"""The README's commands are the ones CI runs."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("python3 -m venv")]


def test_ci_runs_the_readme_test_command():
    readme = _commands((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = _commands((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    test_commands = [c for c in readme if "pytest" in c]
    assert len(test_commands) == 1 and ci == test_commands


def test_readme_main_job_names_a_bundled_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    main_job = [c for c in _commands(readme) if "pytest" not in c]
    assert len(main_job) == 1
    example = next(word for word in main_job[0].split() if word.startswith("examples/") and "." in word)
    assert (ROOT / example.rstrip("/")).exists() or (ROOT / example).exists()
