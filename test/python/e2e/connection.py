"""What the emulator fixtures yield: the keyword arguments a generated client connects with, `Client(**emulator)`."""

from __future__ import annotations

from typing import TypedDict


class EmulatorConnection(TypedDict):
    base_url: str
    project: str
    token: str
