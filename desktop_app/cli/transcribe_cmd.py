"""`daredevil transcribe`: the core pipeline without a window."""

from __future__ import annotations

import argparse
import os
import logging
import sys
import traceback
from dataclasses import replace
from pathlib import Path

from desktop_app.cli.interrupts import Interrupted
from desktop_app.core.errors import DaredevilError
from desktop_app.core.hashing import real_path
from desktop_app.core.jobs import JobStatus
from desktop_app.core.options import Task, supports_task
from desktop_app.core.settings import read_settings
from desktop_app.core.tempfiles import sweep_abandoned_model_files, sweep_stale_temp

log = logging.getLogger(__name__)
EXIT_USAGE = 2  # as argparse exits on a usage error
ALL_FORMATS = ("txt", "srt", "vtt", "tsv", "json")


class _TerminalProgress:
    """One self-overwriting progress line on stderr, only when stderr is a terminal."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.enabled = sys.stderr.isatty()

    def stage(self, status: JobStatus) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[K{self.name}: {status.value}")
            sys.stderr.flush()

    def progress(self, update) -> None:
        if self.enabled:
            eta = f", {update.eta_s:.0f} s left" if update.eta_s is not None else ""
            sys.stderr.write(f"\r\033[K{self.name}: {update.fraction:.0%}{eta}")
            sys.stderr.flush()

    def end(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _say(line: str) -> None:
    print(f"daredevil: {line}", file=sys.stderr, flush=True)


def _options(args: argparse.Namespace, settings):
    options = settings.transcribe_options()
    changes = {}
    if args.language:
        changes["language"] = args.language
    if args.task:
        changes["task"] = Task(args.task)
    if args.word_timestamps is not None:
        changes["word_timestamps"] = args.word_timestamps
    if args.initial_prompt:
        changes["initial_prompt"] = args.initial_prompt
    if getattr(args, "engine", None):
        changes["engine"] = args.engine
    if getattr(args, "compute_type", None):
        changes["compute_type"] = args.compute_type
    if getattr(args, "no_vad", False):
        changes["vad"] = False
    return replace(options, **changes)


def _shape(args: argparse.Namespace):
    from desktop_app.core.subtitles.shaping import ShapeOptions

    shape = ShapeOptions()
    changes = {}
    if args.max_line_width:
        changes["max_chars_per_line"] = args.max_line_width
    if args.max_line_count:
        changes["max_lines_per_cue"] = args.max_line_count
    if args.max_words_per_line:
        changes["max_words_per_line"] = args.max_words_per_line
    if args.highlight_words:
        changes["highlight_words"] = True
    return replace(shape, **changes)


def write_outputs(transcript, source: Path, args: argparse.Namespace, taken: set[Path] | None = None) -> list[Path]:
    """Write the chosen formats next to the source or into --output-dir.

    A name in `taken` (the inputs, and what this run already wrote) is numbered the way
    the export dialog numbers collisions ("x (2).srt") and said so on stderr; each file
    written joins `taken`."""
    from desktop_app.core.subtitles.export import ExportOptions, free_output_path, write_file
    from desktop_app.core.subtitles.writers import extension_for

    taken = set() if taken is None else taken
    formats = ALL_FORMATS if args.format == "all" else (args.format,)
    out_dir = Path(args.output_dir) if args.output_dir else source.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    shape = _shape(args)
    export = ExportOptions(speaker_label=getattr(args, "speaker_label", None) or "colon")
    written = []
    for fmt in formats:
        wanted = out_dir / f"{source.stem}.{extension_for(fmt)}"
        target = free_output_path(wanted, taken)
        if target != wanted:
            print(f"{_shown(str(source))}: {wanted} is an input or another output of this run; "
                  f"wrote {target.name} instead", file=sys.stderr)  # fmt: skip
        write_file(transcript, target, fmt, shape, export)
        taken.add(real_path(target))
        written.append(target)
    return written


def _shown(name: str) -> str:
    return ascii(name)[1:-1] if not name.isprintable() else name


def run_transcribe(args: argparse.Namespace) -> int:
    """Transcribe each file; exit 0 when all succeeded, 1 when any failed."""
    from desktop_app.core.pipeline import Pipeline

    settings, problems = read_settings()
    for problem in problems:
        print(f"daredevil: warning: {problem}", file=sys.stderr)
    if getattr(args, "server", None):
        password = os.environ.get("DAREDEVIL_BROKER_PASSWORD") or settings.server_password
        settings = replace(settings, server_url=args.server, server_password=password)
    sweep_stale_temp()
    sweep_abandoned_model_files()
    pipeline = Pipeline(
        settings,
        use_cache=not args.no_cache,
        model=args.model,
        device=args.device,
        options=_options(args, settings),
        speakers=getattr(args, "speakers", None),
        batched=getattr(args, "batched", None),
    )
    pipeline.engine.start()  # its start-up overlaps ours; the model loads while ffmpeg decodes (Pipeline.run)
    try:  # resolve once: an unknown model is one message, not one per file
        model = pipeline.resolve_model(on_notice=_say)  # a missing starter model is installed now, with a line
    except DaredevilError as exc:
        pipeline.close()
        print(f"daredevil: {exc}", file=sys.stderr)
        return 1
    if not supports_task(pipeline.options.task, model.multilingual):
        pipeline.close()
        print(f'daredevil: the model "{model.name}" is English-only, so it can\'t translate. Choose a '
              "multilingual model with --model (for example base), or leave out --task translate.",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    failed = finished = 0
    current, progress = "", _TerminalProgress("")
    taken = {real_path(Path(name)) for name in args.files}  # an output never replaces an input
    try:
        for name in args.files:
            source = Path(name)
            shown = _shown(name)
            current, progress = name, _TerminalProgress(shown)
            try:
                outcome = pipeline.run(source, progress.stage, progress.progress)
                progress.end()
                write_outputs(outcome.transcript, source, args, taken)
                if outcome.speaker_note:
                    print(f"{shown}: {outcome.speaker_note.text()}")
                log.info("%s: done (%s)", name, "cached" if outcome.from_cache else "transcribed")
            except DaredevilError as exc:
                progress.end()
                failed += 1
                log.warning("%s: %s", name, exc)
                print(f"{shown}: {exc}", file=sys.stderr)
                if args.debug:
                    traceback.print_exc()
            except OSError as exc:  # writing the output failed
                progress.end()
                failed += 1
                print(f"{shown}: could not write the output: {exc.strerror or exc}", file=sys.stderr)
                if args.debug:
                    traceback.print_exc()
            except Exception as exc:  # a bug must not cost the other files their turn
                progress.end()
                failed += 1
                log.exception("%s: unexpected error", name)
                print(f"{shown}: unexpected error ({type(exc).__name__}: {exc}); see the log", file=sys.stderr)
                if args.debug:
                    traceback.print_exc()
            finished += 1
    except Interrupted as exc:
        progress.end()
        log.warning("Stopped by %s while working on %s", exc.signal_name, current)
        print(f"daredevil: stopped by {exc.signal_name} while working on {progress.name}; "
              f"{finished} of {len(args.files)} files were finished", file=sys.stderr)  # fmt: skip
        return exc.exit_code
    finally:
        pipeline.close()
    return 1 if failed else 0
