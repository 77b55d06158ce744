"""The window starting on bad state: it never hangs behind a dialog with --exit-when-done,
says what is really wrong, and starts anyway where it can (bad settings, a foreign history).

Each case runs the real app process under a timeout that a hang would blow.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from desktop_app.core.store import JobStore
from runner.qt_support import REPO, app_env

START_LIMIT_S = 90  # far past a clean start or refusal; a hang lasted forever


def _run_window(paths, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.ui.app", "--exit-when-done", *args],
        cwd=REPO, env=app_env(paths), stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=START_LIMIT_S,
    )  # fmt: skip


def _refused(done: subprocess.CompletedProcess, *words: str) -> str:
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("daredevil: ")]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "did not respond" not in done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_full_disk_is_named_not_taken_for_another_window(full_home, english_wav):
    from desktop_app.core.paths import AppPaths

    paths = AppPaths(full_home / "data", full_home / "cache", full_home / "config", full_home / "logs")
    _refused(_run_window(paths, str(english_wav)), "can't write to", str(paths.data_dir), "disk is full")


def test_an_unwritable_data_folder_is_named(fresh_home, english_wav, tmp_path):
    import os

    data = fresh_home.data_dir
    for child in data.iterdir():  # an empty data folder, then read-only
        child.rmdir() if child.is_dir() else child.unlink()
    mounted = False
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(data)]).returncode == 0
        if not mounted:
            pytest.skip("running as root, and no read-only tmpfs can be mounted here")
    else:
        data.chmod(0o555)
    try:
        _refused(_run_window(fresh_home, str(english_wav)), "can't write to", str(data))
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(data)])
        else:
            data.chmod(0o755)
    assert "can't write to" in fresh_home.log_file.read_text()  # and it is in the log


def test_a_history_from_a_newer_version_is_refused_without_a_dialog(fresh_home, english_wav):
    conn = sqlite3.connect(fresh_home.store_file)
    conn.execute("PRAGMA user_version=99")
    conn.commit()
    conn.close()
    _refused(_run_window(fresh_home, str(english_wav)), "newer version of Daredevil")


@pytest.mark.parametrize(
    ("content", "field"),
    [("[]", None), ("null", None), ("42", None), ('{"limits": 5}', "'limits'"),
     ('{"task": "bogus"}', "'task'"), ('{"cache_max_bytes": "big"}', "'cache_max_bytes'")],
)  # fmt: skip
def test_a_settings_file_of_the_wrong_shape_starts_the_window_with_a_warning(fresh_home, content, field):
    fresh_home.settings_file.write_text(content, encoding="utf-8")
    done = _run_window(fresh_home)  # no files: the queue is idle at once and the window closes
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    log = fresh_home.log_file.read_text(encoding="utf-8")
    warnings = [line for line in log.splitlines() if "Settings: " in line]
    assert warnings and str(fresh_home.settings_file) in warnings[0]
    if field:
        assert field in warnings[0]


def test_a_database_that_isnt_our_history_is_moved_aside_with_the_damage_notice(qtbot, fresh_home):
    from desktop_app.runner.controller import QueueController

    conn = sqlite3.connect(fresh_home.store_file)
    conn.execute("CREATE TABLE foo (x)")
    conn.execute("INSERT INTO foo VALUES (1)")
    conn.commit()
    conn.close()
    controller = QueueController(paths=fresh_home)
    try:
        assert any("damaged" in notice for notice in controller.startup_notices)
        moved = list(fresh_home.data_dir.glob("history.sqlite3.damaged-*"))
        assert len(moved) == 1
        assert sqlite3.connect(moved[0]).execute("SELECT x FROM foo").fetchall() == [(1,)]
    finally:
        controller.shutdown()
    with JobStore(fresh_home.store_file) as store:
        assert store.all() == []
    assert json.loads(fresh_home.settings_file.read_text())  # untouched
