"""Read an `strace -ff -y` log of the installed app and check what it ran and wrote.

    python3 packaging/check_trace.py TRACE_PREFIX --ffmpeg PATH --allow DIR [--allow DIR ...]

Fails (exit 1) when any ffmpeg other than PATH was executed, when PATH was never executed,
when a file or folder outside the --allow folders was created, written, renamed or
deleted, or when shared memory the app created in /dev/shm is still there. Writes under a
--transient folder (TMPDIR: Qt's single-instance socket) are listed but allowed; the caller
checks that the folder is empty afterwards. Used by packaging/prove_installer.sh; needs only the standard library.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import sys

# `openat(AT_FDCWD</cwd>, "path", O_WRONLY|O_CREAT, 0644) = 3</path>`
CALL = re.compile(r"^(?P<name>\w+)\((?P<args>.*)\)\s+= (?P<result>-?\d+)")
DIRFD = re.compile(r"^(?:AT_FDCWD|\d+)<(?P<dir>[^>]*)>$")
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC")
# Calls that change the file system, with the indexes of their (dirfd, path) arguments.
CHANGES = {
    "open": [(None, 0)], "openat": [(0, 1)], "creat": [(None, 0)],
    "mkdir": [(None, 0)], "mkdirat": [(0, 1)],
    "rename": [(None, 0), (None, 1)], "renameat": [(0, 1), (2, 3)], "renameat2": [(0, 1), (2, 3)],
    "link": [(None, 1)], "linkat": [(2, 3)], "symlink": [(None, 1)], "symlinkat": [(1, 2)],
    "unlink": [(None, 0)], "unlinkat": [(0, 1)], "rmdir": [(None, 0)], "truncate": [(None, 0)],
}
# Kernel and device files every process may open for writing.
ALWAYS_ALLOWED = ("/dev/null", "/dev/tty", "/dev/pts/", "/dev/shm/", "/proc/", "/sys/")
SHM = "/dev/shm/"  # allowed while running, but what the app creates there it must remove


def split_args(text: str) -> list[str]:
    """Split strace's argument list on top-level commas (strings and brackets kept whole)."""
    args, depth, quoted, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(text):
        if quoted:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch in "[{(<":
            depth += 1
        elif ch in "]})>":
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(text[start:i].strip())
            start = i + 1
    args.append(text[start:].strip())
    return args


def unquote(arg: str) -> str:
    return arg[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape") if arg.startswith('"') else arg


def changed_paths(name: str, args: list[str]) -> list[str]:
    """The absolute paths a successful call changed (empty for a read-only open)."""
    if name in ("open", "openat"):
        flags = args[1] if name == "open" else args[2]
        if not any(f in flags for f in WRITE_FLAGS):
            return []
    paths = []
    for dirfd_index, path_index in CHANGES[name]:
        path = unquote(args[path_index])
        if not path.startswith("/") and dirfd_index is not None:
            match = DIRFD.match(args[dirfd_index])
            path = os.path.join(match.group("dir") if match else "?", path)
        paths.append(os.path.normpath(path))
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefix", help="the -o prefix given to strace -ff")
    parser.add_argument("--ffmpeg", required=True, help="the bundled ffmpeg, the only one allowed")
    parser.add_argument("--allow", action="append", default=[], help="a folder the app may write to")
    parser.add_argument("--transient", action="append", default=[], help="a folder the app may use briefly")
    args = parser.parse_args()
    allowed = tuple(os.path.realpath(a).rstrip("/") + "/" for a in args.allow)
    transient_dirs = tuple(os.path.realpath(a).rstrip("/") + "/" for a in args.transient)
    transient = set()
    ffmpeg = os.path.realpath(args.ffmpeg)
    ran_ffmpeg, wrong_ffmpeg, outside = 0, set(), set()
    shm_created, shm_removed = set(), set()
    files = glob.glob(args.prefix + ".*")
    if not files:
        print(f"check_trace: no trace files at {args.prefix}.*", file=sys.stderr)
        return 1
    for trace in files:
        with open(trace, encoding="latin-1") as fp:
            for line in fp:
                call = CALL.match(line)
                if not call or int(call.group("result")) < 0:
                    continue
                name, argv = call.group("name"), split_args(call.group("args"))
                if name == "execve":
                    program = unquote(argv[0])
                    if "ffmpeg" in os.path.basename(program):
                        if os.path.realpath(program) == ffmpeg:
                            ran_ffmpeg += 1
                        else:
                            wrong_ffmpeg.add(program)
                    continue
                if name not in CHANGES:
                    continue
                for path in changed_paths(name, argv):
                    if path.startswith(SHM):
                        (shm_removed if name in ("unlink", "unlinkat") else shm_created).add(path)
                    if (path + "/").startswith(allowed) or path.startswith(ALWAYS_ALLOWED):
                        continue
                    if transient_dirs and (path + "/").startswith(transient_dirs):
                        transient.add(f"{name}: {path}")
                        continue
                    outside.add(f"{name}: {path}")
    print(f"check_trace: {len(files)} processes traced; the bundled ffmpeg ran {ran_ffmpeg} time(s)")
    ok = True
    if transient:
        print(f"check_trace: note: {len(transient)} short-lived change(s) in {', '.join(args.transient)}:")
        for entry in sorted(transient)[:10]:
            print(f"  {entry}")
    if wrong_ffmpeg:
        print(f"check_trace: FAIL: another ffmpeg ran: {sorted(wrong_ffmpeg)}", file=sys.stderr)
        ok = False
    if not ran_ffmpeg:
        print(f"check_trace: FAIL: the bundled ffmpeg {ffmpeg} never ran", file=sys.stderr)
        ok = False
    left = sorted(p for p in shm_created - shm_removed if os.path.exists(p))
    if left:
        print(f"check_trace: FAIL: shared memory left in /dev/shm: {left}", file=sys.stderr)
        ok = False
    if outside:
        print("check_trace: FAIL: written outside the allowed folders:", file=sys.stderr)
        for entry in sorted(outside)[:50]:
            print(f"  {entry}", file=sys.stderr)
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
