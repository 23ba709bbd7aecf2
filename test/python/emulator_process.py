"""`pygen emulate` in a process of its own, for the end-to-end and conformance tests: started on a free port, it
yields the keyword arguments a client connects with, and is stopped when the fixture ends."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypedDict

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
TOKEN = "e2e-token"
PROJECT = "e2e"


class EmulatorConnection(TypedDict):
    base_url: str
    project: str
    token: str


def start_emulator(
    model: Path | Sequence[Path] | None = None,
    instances: Path | None = None,
    options: Sequence[str] = (),
    *,
    project: str = PROJECT,
    token: str = TOKEN,
) -> Iterator[EmulatorConnection]:
    """Runs `pygen emulate` on a free port until the fixture is done, seeded with no, one or several model files;
    yields what a client config needs.

    `options` are more flags of `pygen emulate` (injected faults, for instance).
    """
    command = [str(REPOSITORY / "node_modules" / ".bin" / "bun"), "src/main.ts", "emulate", "--port", "0"]
    command += ["--token", token, "--project", project, *options]
    for path in [] if model is None else [model] if isinstance(model, Path) else model:
        command += ["--model", str(path)]
    if instances is not None:
        command += ["--instances", str(instances)]
    process = subprocess.Popen(  # noqa: S603 - a fixed command line built from repository paths
        command, cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http"):
            pytest.fail(f"the emulator did not start (exit code {process.poll()})")
        yield {"base_url": url, "project": project, "token": token}
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
