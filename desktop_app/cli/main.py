"""Argument parsing and dispatch for the `daredevil` command."""

from __future__ import annotations

import argparse
import multiprocessing
import sys

from desktop_app import APP_NAME, __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FORMAT_CHOICES = ["txt", "srt", "vtt", "tsv", "json", "ass", "maxqda", "docx", "all"]


def speakers_option(text: str) -> str:
    """argparse type of --speakers: "auto" or a count from 1 to 10."""
    from desktop_app.core.speakers.count import OFF, parse_speakers

    try:
        count = parse_speakers(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return OFF if count is None else count.option


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="daredevil", description=f"{APP_NAME}: Whisper transcription")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--debug", action="store_true", help="log to stderr and show tracebacks")
    sub = parser.add_subparsers(dest="command")

    t = sub.add_parser("transcribe", help="transcribe files without a window")
    t.add_argument("files", nargs="+", metavar="FILE")
    t.add_argument("--model", help="installed model name or a .pt checkpoint path")
    t.add_argument("--device", choices=["auto", "cpu", "cuda"])
    t.add_argument("--language", help="language code (default: detect)")
    t.add_argument("--task", choices=["transcribe", "translate"])
    t.add_argument("--word-timestamps", action=argparse.BooleanOptionalAction, default=None,
                   help="word timings (default: the settings, where they are off)")
    t.add_argument("--initial-prompt")
    t.add_argument("--format", default="txt", choices=FORMAT_CHOICES)
    t.add_argument("--output-dir", help="default: next to each input")
    t.add_argument("--max-line-width", type=int, help="characters per subtitle line")
    t.add_argument("--max-line-count", type=int, help="lines per subtitle cue")
    t.add_argument("--max-words-per-line", type=int)
    t.add_argument("--highlight-words", action="store_true")
    t.add_argument("--speakers", type=speakers_option, metavar="auto|N",
                   help="label who speaks: auto, or the number of speakers (1-10); off turns it off")
    t.add_argument("--speaker-label", choices=["colon", "brackets"],
                   help='SRT and ASS: "Name: text" (colon, the default) or "[Name] text"')
    t.add_argument("--engine", choices=["auto", "faster-whisper", "openai-whisper"],
                   help="auto (default): faster-whisper when the model has a CTranslate2 form")
    t.add_argument("--compute-type", choices=["auto", "int8", "float32", "float16", "int8_float16"],
                   help="auto: int8 on the CPU, float16 on CUDA (faster-whisper)")
    t.add_argument("--no-vad", action="store_true", help="don't skip silence (faster-whisper's VAD)")
    t.add_argument("--batched", dest="batched", action="store_const", const="on",
                   help="batched decoding (faster-whisper); default: from 30 s of audio")
    t.add_argument("--no-batched", dest="batched", action="store_const", const="off")
    t.add_argument("--server", metavar="URL", help="send the audio to a `daredevil server` through this "
                   "redis:// or rediss:// broker (a password in the URL, or $DAREDEVIL_BROKER_PASSWORD)")
    t.add_argument("--no-cache", action="store_true")
    t.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    m = sub.add_parser("models", help="list, import or download models")
    msub = m.add_subparsers(dest="models_command", required=True)
    msub.add_parser("list", help="installed models")
    mi = msub.add_parser("import", help="import an openai-whisper .pt or a faster-whisper folder")
    mi.add_argument("path")
    mi.add_argument("--name")
    md = msub.add_parser("download", help="download a named openai-whisper model")
    md.add_argument("name")
    msub.add_parser("install-starter", help="install the bundled starter model (base)")

    s = sub.add_parser("server", help="run a transcription server for workstations (Celery worker)")
    from desktop_app.server.cli import add_arguments

    add_arguments(s)

    c = sub.add_parser("check-playback", help="play a few seconds of FILE as the editor would (sound check)")
    c.add_argument("file", metavar="FILE")

    g = sub.add_parser("gui", help="open the window")
    g.add_argument("files", nargs="*", metavar="FILE")
    g.add_argument("--exit-when-done", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `daredevil` command; returns the exit code."""
    multiprocessing.freeze_support()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    from desktop_app.core.lifetime import kill_children_on_exit
    from desktop_app.core.logsetup import setup_logging
    from desktop_app.core.paths import AppFolderError, app_paths

    kill_children_on_exit()  # Windows; PR_SET_PDEATHSIG does it on Linux
    if args.command in ("transcribe", "models"):
        from desktop_app.cli.interrupts import stop_on_signals

        stop_on_signals()  # the window handles its own (it quits as if asked)
        try:
            app_paths().check_writable()
        except AppFolderError as exc:
            print(f"daredevil: {exc}", file=sys.stderr)
            return EXIT_FAILED
    setup_logging(to_stderr=args.debug)
    if args.command in ("transcribe", "models"):
        from desktop_app.cli.interrupts import Interrupted

        try:
            if args.command == "transcribe":
                from desktop_app.cli.transcribe_cmd import run_transcribe

                return run_transcribe(args)
            from desktop_app.cli.models_cmd import run_models

            return run_models(args)
        except Interrupted as exc:  # before or after a file's turn; during one, the command says more
            print(f"daredevil: stopped by {exc.signal_name}", file=sys.stderr)
            return exc.exit_code
    if args.command == "server":
        from desktop_app.server.cli import run_server

        return run_server(args)
    if args.command == "check-playback":
        from desktop_app.ui.playback_check import check_playback

        return check_playback(args.file)
    files = args.files if args.command == "gui" else []
    return _gui(files, getattr(args, "exit_when_done", False))


def _gui(files: list[str], exit_when_done: bool) -> int:
    from desktop_app.ui.app import run_gui

    return run_gui(files, exit_when_done)


def gui_main() -> int:
    """Entry point of the desktop launcher: the window, with any file arguments."""
    multiprocessing.freeze_support()
    argv = sys.argv[1:]
    if argv and argv[0] in {"transcribe", "models", "gui", "check-playback", "server"} | {"--version", "-h", "--help"}:
        return main(argv)
    return main(["gui", *argv])


if __name__ == "__main__":
    sys.exit(main())
