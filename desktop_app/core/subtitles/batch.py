"""Export many transcripts at once: one set of files per job, failures reported by name.

The export dialog and any other front end describe what to write with an `ExportPlan`
(also what the dialog remembers between runs) and hand it to `export_batch`, which writes
every file through `write_file`, the same function the CLI uses.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from desktop_app.core.fileio import atomic_write_text
from desktop_app.core.subtitles.export import (
    CollisionPolicy,
    ExportOptions,
    check_name_pattern,
    output_name,
    resolve_collision,
    write_file,
)
from desktop_app.core.subtitles.shaping import ShapeOptions
from desktop_app.core.subtitles.writers import FORMATS, extension_for
from desktop_app.core.transcript import Transcript

log = logging.getLogger(__name__)

PLAN_PATTERN = "{name}.{lang}.{ext}"
PLAN_FILE = "export.json"  # under the config folder


@dataclass(frozen=True)
class ExportPlan:
    """What to write and where: formats, line shaping, bytes, destination, names, collisions."""

    formats: tuple[str, ...] = ("srt",)
    shape: ShapeOptions = ShapeOptions()
    export: ExportOptions = ExportOptions()
    folder: Path | None = None  # None: next to each source file
    pattern: str = PLAN_PATTERN
    collision: CollisionPolicy = CollisionPolicy.ASK

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown:
            raise ValueError(f"Unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "formats": list(self.formats),
            "shape": asdict(self.shape),
            "export": asdict(self.export),
            "folder": str(self.folder) if self.folder is not None else None,
            "pattern": self.pattern,
            "collision": self.collision.value,
        }

    @classmethod
    def from_dict(cls, data: Any) -> "ExportPlan":
        """Read `to_dict` output; any missing or invalid part falls back to its default."""
        plan = cls()
        if not isinstance(data, dict):
            return plan
        changes: dict[str, Any] = {}
        formats = data.get("formats")
        if isinstance(formats, list) and all(isinstance(f, str) for f in formats):
            kept = tuple(f for f in formats if f in FORMATS)
            changes["formats"] = kept
        for name, kind in (("shape", ShapeOptions), ("export", ExportOptions)):
            part = _dataclass_from(kind, data.get(name))
            if part is not None:
                changes[name] = part
        folder = data.get("folder")
        if isinstance(folder, str) and folder:
            changes["folder"] = Path(folder)
        pattern = data.get("pattern")
        if isinstance(pattern, str) and _pattern_ok(pattern):
            changes["pattern"] = pattern
        try:
            changes["collision"] = CollisionPolicy(data.get("collision"))
        except ValueError:
            pass
        return replace(plan, **changes)


def _dataclass_from(kind: type, raw: Any) -> Any:
    """An instance of the frozen dataclass `kind` from a dict, ignoring bad fields; None if invalid."""
    if not isinstance(raw, dict):
        return None
    default = kind()
    values = {}
    for f in fields(kind):
        if f.name not in raw:
            continue
        value, current = raw[f.name], getattr(default, f.name)
        if current is None or value is None or type(value) is type(current) or (
            isinstance(current, float) and isinstance(value, int) and not isinstance(value, bool)
        ):
            values[f.name] = value
    try:
        return kind(**values)
    except (TypeError, ValueError):
        return None


def _pattern_ok(pattern: str) -> bool:
    try:
        check_name_pattern(pattern)
    except ValueError:
        return False
    return True


def load_plan(path: Path) -> ExportPlan:
    """The plan saved at `path`, or the defaults when there is none or it can't be read."""
    try:
        return ExportPlan.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return ExportPlan()


def save_plan(plan: ExportPlan, path: Path) -> None:
    """Remember `plan` at `path` (written whole, then renamed into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(plan.to_dict(), indent=2))


@dataclass(frozen=True)
class ExportJob:
    """One transcript to export, and the media file it came from (it names the outputs)."""

    source: Path
    transcript: Transcript

    @property
    def name(self) -> str:
        return Path(self.source).name


@dataclass(frozen=True)
class ExportFailure:
    job: str  # the source file's name, as a person knows it
    path: Path | None  # the file that could not be written, when known
    message: str

    def __str__(self) -> str:
        return f"{self.job}: {self.message}"


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # existed, and the policy said skip
    failures: list[ExportFailure] = field(default_factory=list)
    cancelled: bool = False

    @property
    def folders(self) -> list[Path]:
        """The folders that received files, in the order first written."""
        return list(dict.fromkeys(p.parent for p in self.written))


def destination(job: ExportJob, plan: ExportPlan) -> Path:
    """The folder `job`'s files go to."""
    return plan.folder if plan.folder is not None else Path(job.source).parent


def targets(job: ExportJob, plan: ExportPlan) -> list[tuple[str, Path]]:
    """(format, path) for each file the plan writes for `job`, before collisions are resolved."""
    folder = destination(job, plan)
    lang = job.transcript.language or ""
    return [(fmt, folder / output_name(Path(job.source), plan.pattern, lang, extension_for(fmt)))
            for fmt in plan.formats]


def describe_error(error: BaseException) -> str:
    """An OS error as a person reads it: what went wrong, on which path."""
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        where = error.filename
        if isinstance(error, (PermissionError, IsADirectoryError, NotADirectoryError, FileNotFoundError)):
            hint = " Choose another folder, or check that this one exists and can be written."
        elif getattr(error, "errno", None) == 28:  # ENOSPC
            hint = " Free some space, or choose another disk."
        else:
            hint = ""
        return (f"Could not write {where}: {reason}." if where else f"Could not write: {reason}.") + hint
    return str(error)


Decide = Callable[[Path], CollisionPolicy]
Progress = Callable[[int, int, str], bool]  # (jobs done, jobs in all, current job) -> keep going


def export_batch(
    jobs: Sequence[ExportJob],
    plan: ExportPlan,
    progress: Progress | None = None,
    decide: Decide | None = None,
) -> BatchResult:
    """Write every job's files; a failing job is recorded and the next one still runs.

    `decide(path)` answers for the ASK policy (OVERWRITE, SKIP or NUMBER); without it ASK
    numbers the new file, so nothing is overwritten unasked. `progress` returning False stops
    the batch before the next job.
    """
    result = BatchResult()
    for done, job in enumerate(jobs):
        if progress is not None and not progress(done, len(jobs), job.name):
            result.cancelled = True
            break
        _export_one(job, plan, decide, result)
    else:
        if progress is not None:
            progress(len(jobs), len(jobs), "")
    return result


def _export_one(job: ExportJob, plan: ExportPlan, decide: Decide | None, result: BatchResult) -> None:
    try:
        planned = targets(job, plan)
        folder = destination(job, plan)
        if plan.folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:
        log.warning("Export of %s failed: %s", job.source, exc)
        result.failures.append(ExportFailure(job.name, getattr(exc, "filename", None), describe_error(exc)))
        return
    for fmt, path in planned:
        policy = plan.collision
        if policy is CollisionPolicy.ASK and path.exists():
            policy = decide(path) if decide is not None else CollisionPolicy.NUMBER
            if policy is CollisionPolicy.ASK:
                policy = CollisionPolicy.NUMBER
        target = resolve_collision(path, policy)
        if target is None:
            result.skipped.append(path)
            continue
        try:
            write_file(job.transcript, target, fmt, plan.shape, plan.export)
        except OSError as exc:
            if exc.filename is None or str(exc.filename).endswith(".part"):
                exc.filename = str(target)
            log.warning("Export of %s to %s failed: %s", job.source, target, exc)
            result.failures.append(ExportFailure(job.name, target, describe_error(exc)))
            continue
        result.written.append(target)
