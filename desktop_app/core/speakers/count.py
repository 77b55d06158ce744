"""The "Identify speakers" option: off, auto, or a number of speakers from 1 to 10."""

from __future__ import annotations

from dataclasses import dataclass

OFF = "off"
AUTO = "auto"
MAX_SPEAKERS = 10


@dataclass(frozen=True)
class SpeakerCount:
    """How many speakers to label: `fixed` of them, or an estimated number when it is None."""

    fixed: int | None = None

    def __post_init__(self) -> None:
        if self.fixed is not None and not 1 <= self.fixed <= MAX_SPEAKERS:
            raise ValueError(f"The number of speakers must be from 1 to {MAX_SPEAKERS}, not {self.fixed}.")

    @property
    def option(self) -> str:
        """The option's text: "auto" or the number."""
        return AUTO if self.fixed is None else str(self.fixed)


def parse_speakers(text: str | None) -> SpeakerCount | None:
    """SpeakerCount for "auto" or "1".."10"; None for "off" (or None); ValueError otherwise."""
    value = (text or OFF).strip().lower()
    if value == OFF:
        return None
    if value == AUTO:
        return SpeakerCount()
    if value.isdigit():
        return SpeakerCount(int(value))
    raise ValueError(f"Speakers must be off, auto or a number from 1 to {MAX_SPEAKERS}, not {text!r}.")
