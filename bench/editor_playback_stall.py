"""The GUI thread's longest stall while the editor plays at 2x and the highlight follows (goal: <= 30 ms).

Usage: python bench/editor_playback_stall.py [--seconds 20] [--file-seconds 150] [--start-row 20]
                                             [--extra 1380] [--speed 2] [--profile] [--watchdog]
A spoken WAV of about --file-seconds is made with espeak-ng (tests/speech.py `speak`), one varied
sentence at a time with 0.6 s of silence between them, so each sentence's segment and word times
are known (words share their sentence's time by length, as tests/ui/editor_media.py does; one
word in eight has a probability below 0.5). After the file's segments come --extra synthetic ones
(~5 s, ~12 words each) so the table has the size of a 2-hour transcript. The job is seeded in a
fresh DAREDEVIL_HOME's real SQLite history; the real MainWindow opens the editor (open_editor),
the media is loaded, the speed set (editor.playback.set_speed(2.0)), segment --start-row selected
and playback started (editor.playback.toggle()) to the PulseAudio sink. 150 s and row 20 because
the default window shows 23 rows: from row 0 of a 60 s file the highlight would never leave the
view, and the table would never scroll.
A precise QTimer beats every 5 ms on the GUI thread for --seconds from the toggle; a stall is a
gap between beats minus 5 ms. At every reported position the playing row is checked against the
segment times, and changes of `editor.model.playing_row` (and of the playing word) are counted.
Each gap is split (Linux /proc/thread-self/schedstat) into the GUI thread's time on a core, time
runnable but waiting for a core (other load), and the rest (asleep or blocked); the machine's CPU
use over the run is printed too.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "bench")]
from editor_support import fresh_home, pct, seed_job, synthetic_segments  # noqa: E402

GOAL_MS = 30.0
BEAT_MS = 5
GAP_S = 0.6


def sentences() -> list[str]:
    """Varied sentences; after the first pass, the same ones with other nouns (as many as needed)."""
    from speech import HELLO, LONG_TEXT, MEETING, WEATHER

    text = " ".join((HELLO, LONG_TEXT, MEETING, WEATHER))
    first = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    swaps = (("city", "town"), ("river", "lake"), ("market", "fair"), ("park", "garden"), ("library", "school"),
             ("concert", "play"), ("bread", "cake"), ("weather", "news"), ("morning", "evening"))  # fmt: skip
    out = list(first)
    for turn in range(1, 4):
        for sentence in first:
            for a, b in swaps[turn - 1:] + swaps[: turn - 1]:
                sentence = sentence.replace(a, b)
            out.append(sentence)
    return out


def spoken_media(folder: Path, target_s: float):
    """A WAV of varied sentences (~target_s long) and the segments at their times."""
    from speech import duration_s, speak

    from desktop_app.core.transcript import Segment, Word

    silence = folder / "gap.wav"
    subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", str(silence), "trim", "0", str(GAP_S)], check=True)
    parts, segments, t, n = [], [], 0.0, 0
    for i, sentence in enumerate(sentences()):
        if t >= target_s:
            break
        wav = speak(sentence, folder / f"s{i:02d}.wav")
        length = duration_s(wav)
        tokens = sentence.split()
        total = sum(len(tok) + 1 for tok in tokens)
        words, at = [], t
        for token in tokens:
            span = length * (len(token) + 1) / total
            n += 1
            probability = 0.3 if n % 8 == 0 else 0.93
            words.append(Word(round(at, 3), round(at + span * 0.9, 3), " " + token, probability))
            at += span
        segments.append(Segment(round(t, 3), round(t + length, 3), "".join(w.text for w in words), tuple(words)))
        parts += [str(wav), str(silence)]
        t += length + GAP_S
    wav = folder / "spoken.wav"
    subprocess.run(["sox", *parts[:-1], str(wav)], check=True)
    return wav, duration_s(wav), segments


def machine_busy() -> tuple[int, int, int]:
    """(busy, total, steal) jiffies of all cores since boot, from /proc/stat (steal: a VM's vCPU not run)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields), fields[7]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to measure (wall clock)")
    parser.add_argument("--extra", type=int, default=1380, help="synthetic segments after the file's")
    parser.add_argument("--speed", type=float, default=2.0)
    parser.add_argument("--file-seconds", type=float, default=150.0, help="length of the spoken file (about)")
    parser.add_argument("--start-row", type=int, default=20,
                        help="play from this segment (20: the highlight soon leaves the 23 rows in view, so "
                             "every new segment scrolls the table)")
    parser.add_argument("--profile", action="store_true", help="cProfile the measured window; print the top")
    parser.add_argument("--watchdog", action="store_true",
                        help="a thread notes the GUI thread's Python stack during gaps over 17 ms")
    args = parser.parse_args()
    home = fresh_home()
    try:
        return run(args, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def run(args, home: Path) -> int:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.paths import app_paths
    from desktop_app.core.transcript import Transcript
    from desktop_app.runner.controller import QueueController
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    if not QMediaDevices.audioOutputs():
        raise SystemExit("no audio output: start one with `bash scripts/start-audio.sh` (PulseAudio, null sink)")
    paths = app_paths().ensure()
    wav, file_s, spoken = spoken_media(home, args.file_seconds)
    if not 0 <= args.start_row < len(spoken):
        raise SystemExit(f"--start-row must be below {len(spoken)}, the file's segments")
    extra = synthetic_segments(spoken[-1].end + 1.0, args.extra) if args.extra else []
    segments = spoken + extra
    transcript = Transcript(tuple(segments), "en", max(file_s, segments[-1].end + 1.0))
    job_id = seed_job(paths.store_file, wav, transcript)
    print(f"source: {file_s:.1f} s spoken WAV, {len(spoken)} sentences ({spoken[0].start:.1f}-{spoken[-1].end:.1f} s);"
          f" transcript {len(segments)} segments, {sum(len(s.words) for s in segments)} words, "
          f"{transcript.duration / 3600:.2f} h")  # fmt: skip

    def wait_until(condition, timeout_s: float) -> bool:
        end = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > end:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)
        return True

    controller = QueueController(paths=paths)
    win = MainWindow(controller)
    win.show()
    editor = win.open_editor(job_id)
    player = editor.playback.player
    assert player is not None, "Qt Multimedia is not available"
    ready = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)
    if not wait_until(lambda: player.media_player.mediaStatus() in ready, 10):
        raise SystemExit(f"the source did not load: {player.media_player.mediaStatus()}")
    wait_until(lambda: False, 0.5)  # let the window settle
    editor.playback.set_speed(args.speed)
    editor.select_row(args.start_row)
    first_visible = editor.table.rowAt(0)

    # (beat time since start in s, gap in ms, GUI-thread CPU ms, ms runnable but waiting for a core)
    gaps: list[tuple[float, float, float, float]] = []
    schedstat = open("/proc/thread-self/schedstat", "rb", buffering=0)  # noqa: SIM115 - Linux: on-CPU, run-queue ns

    def sched() -> tuple[int, int]:
        schedstat.seek(0)
        on_cpu, queued, _slices = schedstat.read().split()
        return int(on_cpu), int(queued)

    cpu = [sched()]
    clock, since = QElapsedTimer(), QElapsedTimer()
    beat = QTimer()
    beat.setTimerType(Qt.TimerType.PreciseTimer)
    beat.setInterval(BEAT_MS)

    last_beat = [time.perf_counter()]
    caught: list[tuple[float, str]] = []  # (wall s, the GUI thread's Python stack) during a long gap
    watching = threading.Event()

    def watchdog(main_id: int) -> None:
        """While a beat is over 12 ms late, note once where the GUI thread is (Python frames; 'exec'
        alone means it is inside Qt's C++: painting, layout, the media backend...)."""
        noted = 0.0
        while watching.is_set():
            time.sleep(0.002)
            late = time.perf_counter() - last_beat[0]
            if late > 0.012 + BEAT_MS / 1000 and last_beat[0] != noted:
                noted = last_beat[0]
                frame = sys._current_frames().get(main_id)
                stack = traceback.extract_stack(frame)[-6:] if frame is not None else []
                where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))
                caught.append((since.nsecsElapsed() / 1e9, where))

    def tick() -> None:
        last_beat[0] = time.perf_counter()
        now = sched()
        gaps.append((since.nsecsElapsed() / 1e9, clock.nsecsElapsed() / 1e6, (now[0] - cpu[0][0]) / 1e6,
                     (now[1] - cpu[0][1]) / 1e6))  # fmt: skip
        cpu[0] = now
        clock.restart()

    beat.timeout.connect(tick)
    samples: list[tuple[float, float, int | None, int | None]] = []  # (wall s, position s, row, word)
    measuring = [True]  # off before the stop (which reports position 0)

    def sample(seconds: float) -> None:  # after the editor's own slot: sees the row it set
        if measuring[0]:
            samples.append((since.nsecsElapsed() / 1e9, seconds, editor.model.playing_row, editor.model.playing_word))

    editor.playback.position_changed.connect(sample)
    loop = QEventLoop()
    profiler = cProfile.Profile() if args.profile else None
    collections: list[tuple[float, int, float]] = []  # (wall s at its end, generation, ms) of Python's GC
    gc_started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            collections.append((since.nsecsElapsed() / 1e9, info["generation"],
                                (time.perf_counter() - gc_started[0]) * 1000))  # fmt: skip

    gc.callbacks.append(on_gc)
    machine_before, process_before = machine_busy(), time.process_time()
    since.start()
    clock.start()
    cpu[0] = sched()
    watcher = threading.Thread(target=watchdog, args=(threading.get_ident(),), daemon=True)
    if args.watchdog:  # off by default: a second Python thread contends for the GIL
        watching.set()
        watcher.start()
    gui_cpu_before = cpu[0][0]
    beat.start()
    if profiler:
        profiler.enable()
    editor.playback.toggle()
    QTimer.singleShot(int(args.seconds * 1000), loop.quit)
    loop.exec()
    if profiler:
        profiler.disable()
    beat.stop()
    if args.watchdog:
        watching.clear()
        watcher.join()
    gc.callbacks.remove(on_gc)
    measuring[0] = False
    window_s = since.nsecsElapsed() / 1e9
    gui_cpu_s = (sched()[0] - gui_cpu_before) / 1e9
    process_s = time.process_time() - process_before
    machine_jiffies, total_jiffies, steal_jiffies = (a - b for a, b in zip(machine_busy(), machine_before))
    others_s = max(0.0, machine_jiffies / os.sysconf("SC_CLK_TCK") - process_s)
    played_to = editor.playback.position()
    last_visible = editor.table.rowAt(0)
    was_playing = editor.playback.is_playing()
    editor.playback.stop()
    editor.close()
    wait_until(lambda: False, 0.3)
    win.close_without_asking()
    wait_until(lambda: False, 0.3)

    schedstat.close()
    stalls = [(t, max(0.0, g - BEAT_MS)) for t, g, _c, _q in gaps[1:]]
    values = [v for _t, v in stalls]
    worst_t, worst = max(stalls, key=lambda x: x[1])
    p99 = pct(values, 0.99)
    rows = [r for _w, _s, r, _word in samples]
    row_changes = sum(1 for a, b in zip(rows, rows[1:]) if a != b)
    rows_shown = sorted({r for r in rows if r is not None})
    word_changes = sum(1 for a, b in zip(samples, samples[1:]) if (a[2], a[3]) != (b[2], b[3]))

    def right_row(seconds: float, row: int | None) -> bool:
        inside = any(x.start + 0.05 < seconds < x.end - 0.05 for x in spoken)
        return not inside or (row is not None and segments[row].start <= seconds < segments[row].end)

    wrong = [(s, r) for _w, s, r, _word in samples if not right_row(s, r)]
    update_ms = [(b[0] - a[0]) * 1000 for a, b in zip(samples, samples[1:])]
    print(f"played {args.speed:g}x for {args.seconds:g} s: position {played_to:.1f} s at the end "
          f"({'still playing' if was_playing else 'stopped'}), {len(samples)} position updates "
          f"(median every {statistics.median(update_ms) if update_ms else 0:.0f} ms)")  # fmt: skip
    print(f"highlight: {row_changes} playing_row changes (rows {rows_shown[:1]}..{rows_shown[-1:]}, "
          f"{len(rows_shown)} distinct), {word_changes} row-or-word changes, {len(wrong)} wrong rows; "
          f"table scrolled from first visible row {first_visible} to {last_visible}")  # fmt: skip
    if samples:
        head = ", ".join(f"{pos:.2f} s row {r}" for _w, pos, r, _word in samples[:4])
        print(f"first position updates after the toggle (from row {args.start_row}, "
              f"{spoken[args.start_row].start:.2f} s): {head}")  # fmt: skip
    print(f"GUI thread stall: worst {worst:.1f} ms (at {worst_t:.2f} s), p99 {p99:.1f} ms, "
          f"median {statistics.median(values):.1f} ms over {len(values)} beats of {BEAT_MS} ms "
          f"(goal <= {GOAL_MS:.0f} ms)")  # fmt: skip
    print("worst five (the GUI thread's time on a core and waiting for one in the gap; "
          "position updates / row changes handled in it):")
    changes = [b[0] for a, b in zip(samples, samples[1:]) if a[2] != b[2]]
    for t, g, c, q in sorted(gaps[1:], key=lambda x: -x[1])[:5]:
        inside = sum(1 for w, *_rest in samples if t - g / 1000 < w <= t)
        before = [pos for w, pos, *_rest in samples if w <= t]
        turned = sum(1 for w in changes if t - g / 1000 < w <= t)
        print(f"  {g - BEAT_MS:6.1f} ms at {t:6.2f} s: on cpu {c:5.1f} ms, waiting for a core {q:5.1f} ms, "
              f"asleep or blocked {max(0.0, g - c - q):5.1f} ms; {inside} position updates, {turned} row changes, "
              f"position {before[-1] if before else 0:.1f} s")
    top_cpu_t, top_cpu_g, top_cpu, _q = max(gaps[1:], key=lambda x: x[2])
    print(f"most GUI-thread CPU in one gap: {top_cpu:.1f} ms "
          f"(a {top_cpu_g - BEAT_MS:.1f} ms stall at {top_cpu_t:.2f} s)")
    busy = [(g - BEAT_MS, c, q) for _t, g, c, q in gaps[1:] if g - BEAT_MS > 15]
    if busy:
        on, queued = sum(c for _g, c, _q in busy), sum(q for _g, _c, q in busy)
        whole = sum(g + BEAT_MS for g, _c, _q in busy)
        print(f"stalls over 15 ms: {len(busy)}; in those gaps ({whole:.1f} ms) the GUI thread was on a core "
              f"{on:.1f} ms, runnable but waiting for a core {queued:.1f} ms, "
              f"asleep or blocked {max(0.0, whole - on - queued):.1f} ms")
    print(f"CPU over the {window_s:.1f} s: GUI thread {gui_cpu_s:.2f} s, this process's other threads "
          f"{process_s - gui_cpu_s:.2f} s; the machine's {os.cpu_count()} cores were "
          f"{100 * machine_jiffies / total_jiffies:.0f}% busy "
          f"(all other processes: {others_s:.1f} core-s; stolen by the VM host: "
          f"{steal_jiffies / os.sysconf('SC_CLK_TCK'):.2f} core-s)")  # fmt: skip
    if collections:
        at, generation, longest = max(collections, key=lambda x: x[2])
        print(f"Python GC on the GUI thread: {len(collections)} collections "
              f"({sum(1 for c in collections if c[1] == 2)} of generation 2), longest {longest:.1f} ms "
              f"(generation {generation}, at {at:.2f} s)")  # fmt: skip
    if caught:
        print(f"where the GUI thread was during gaps over {12 + BEAT_MS} ms (a watchdog thread's look):")
        for at, where in caught[:8]:
            print(f"  {at:6.2f} s: {where}")
    compute = [c for _t, _g, c, _q in gaps[1:]]
    print(f"GUI-thread work per beat: p99 {pct(compute, 0.99):.1f} ms, max {max(compute):.1f} ms")
    late = [v for t, v in stalls if t > 1.0]
    if late:
        print(f"after the first second: worst {max(late):.1f} ms, p99 {pct(late, 0.99):.1f} ms")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    ok = worst <= GOAL_MS and row_changes > 0 and not wrong
    print("goal met" if ok else "goal NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
