"""Download named openai-whisper checkpoints with progress, SHA-256 check, resume and cancel.

The URL table is whisper's own (``whisper._MODELS``); the SHA-256 of each file is the
path component just before its name. Bytes go to ``<name>.pt.part`` first; an
interrupted or cancelled download keeps it, and the next call resumes it with an
HTTP Range request. Only urllib is used.
"""

from __future__ import annotations

import hashlib
import http.client
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from desktop_app.core.models.errors import (
    ChecksumMismatchError,
    DownloadCancelledError,
    DownloadError,
)
from desktop_app.core.models.forms import CHECKPOINT_SUFFIX, ModelInfo
from desktop_app.core.models.registry import (
    check_model_name,
    ensure_ct2_form,
    get_model,
    list_installed,
    models_folder,
    register_checkpoint,
)

ProgressCallback = Callable[[int, int], None]  # (done_bytes, total_bytes); total 0 = unknown

OPENAI_BASE_URL = "https://openaipublic.azureedge.net/main/whisper/models"
DOWNLOAD_CHUNK = 1 << 16  # 64 KiB: cancel and progress react within one chunk
RESUME_HASH_CHUNK = 1 << 20  # the part file is hashed incrementally: the digest continues with the download
PART_SUFFIX = ".part"
USER_AGENT = "Daredevil (openai-whisper model download)"
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
_CONTENT_RANGE_RE = re.compile(r"bytes\s+(?:(\d+)-\d+|\*)/(\d+|\*)")

# Approximate download sizes in MB (openai-whisper's README and Buzz), in whisper's order.
MODEL_SIZES_MB = {
    "tiny.en": 75, "tiny": 75,
    "base.en": 145, "base": 145,
    "small.en": 484, "small": 484,
    "medium.en": 1500, "medium": 1500,
    "large-v1": 3000, "large-v2": 3000, "large-v3": 3000, "large": 3000,
    "large-v3-turbo": 1600, "turbo": 1600,
}  # fmt: skip


@dataclass(frozen=True)
class AvailableModel:
    """A model that can be downloaded by name."""

    name: str
    size_mb: int
    multilingual: bool


class _Interrupted(Exception):
    """The connection dropped mid-body; the part file holds what arrived."""


def available_models() -> list[AvailableModel]:
    """Names that ``download_model`` accepts, with approximate sizes (no network, no torch)."""
    return [AvailableModel(n, mb, not n.endswith(".en")) for n, mb in MODEL_SIZES_MB.items()]


def sha256_from_url(url: str) -> str:
    """The expected SHA-256: the URL's path component before the file name."""
    parts = urllib.parse.urlsplit(url).path.rstrip("/").split("/")
    digest = parts[-2].lower() if len(parts) >= 2 else ""
    if not _SHA256_RE.match(digest):
        raise DownloadError(
            f"{url} does not carry a SHA-256 before the file name, so the download "
            "could not be verified. Use an openai-whisper model URL."
        )
    return digest


def model_url(name: str, base_url: Optional[str] = None) -> str:
    """whisper's URL for a named model, optionally moved under ``base_url`` (a mirror)."""
    import whisper

    url = whisper._MODELS.get(name)
    if url is None:
        raise DownloadError(
            f'There is no model called "{name}" to download. Choose one of: '
            f"{', '.join(whisper._MODELS)}."
        )
    if base_url:
        url = base_url.rstrip("/") + url[len(OPENAI_BASE_URL) :]
    return url


def _offline_error(url: str, exc: BaseException) -> DownloadError:
    host = urllib.parse.urlsplit(url).hostname or url
    return DownloadError(
        f"Could not reach {host} ({getattr(exc, 'reason', exc)}). Check your connection, "
        "or import a model file with Models > Import."
    )


def _hash_existing(part: Path) -> tuple["hashlib._Hash", int]:
    digest = hashlib.sha256()
    done = 0
    if part.is_file():
        with open(part, "rb") as fp:
            while chunk := fp.read(RESUME_HASH_CHUNK):
                digest.update(chunk)
                done += len(chunk)
    return digest, done


@dataclass
class _State:
    """What has been written to the part file so far, and its running hash."""

    digest: "hashlib._Hash"
    done: int
    total: int = 0

    def restart(self, part: Path) -> None:
        part.unlink(missing_ok=True)
        self.digest, self.done, self.total = hashlib.sha256(), 0, 0


def _fetch_once(
    url: str,
    part: Path,
    state: _State,
    progress: Optional[ProgressCallback],
    cancel: Optional[threading.Event],
    timeout: float,
) -> None:
    headers = {"User-Agent": USER_AGENT}
    if state.done:
        headers["Range"] = f"bytes={state.done}-"
    request = urllib.request.Request(url, headers=headers)
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and state.done:  # the part may already be complete
            match = _CONTENT_RANGE_RE.match(exc.headers.get("Content-Range", ""))
            if match and match.group(2) != "*" and int(match.group(2)) == state.done:
                state.total = state.done
                return
            state.restart(part)
            raise _Interrupted("the server refused to resume; starting over") from exc
        raise DownloadError(
            f"The server refused the download of {url} (HTTP {exc.code} {exc.reason}). "
            "Try again later, or import a model file with Models > Import."
        ) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise _offline_error(url, exc) from exc

    with response:
        match = _CONTENT_RANGE_RE.match(response.headers.get("Content-Range", ""))
        if response.status == 206 and match and match.group(1) and int(match.group(1)) == state.done:
            total = match.group(2)
            state.total = int(total) if total != "*" else 0
            mode = "ab"
        else:  # a full response: the server ignored our Range, or there was none
            state.restart(part)
            state.total = int(response.headers.get("Content-Length") or 0)
            mode = "wb"
        with open(part, mode) as fp:
            while True:
                if cancel is not None and cancel.is_set():
                    raise DownloadCancelledError(
                        f"The download was cancelled after {state.done / 1e6:.1f} MB; "
                        "it will resume from there next time."
                    )
                try:
                    chunk = response.read(DOWNLOAD_CHUNK)
                except (http.client.HTTPException, OSError) as exc:
                    raise _Interrupted(str(exc)) from exc
                if not chunk:
                    break
                fp.write(chunk)
                state.digest.update(chunk)
                state.done += len(chunk)
                if progress is not None:
                    progress(state.done, state.total)
    if state.total and state.done < state.total:
        raise _Interrupted(f"the connection closed at {state.done} of {state.total} bytes")


def download_file(
    url: str,
    dest: Path,
    sha256: str,
    progress: Optional[ProgressCallback] = None,
    cancel: Optional[threading.Event] = None,
    retries: int = 3,
    retry_delay: float = 1.0,
    timeout: float = 30.0,
) -> Path:
    """Download ``url`` to ``dest`` via ``dest.part``, resuming it; verify the SHA-256."""
    dest = Path(dest)
    part = dest.with_name(dest.name + PART_SUFFIX)
    dest.parent.mkdir(parents=True, exist_ok=True)
    digest, done = _hash_existing(part)
    state = _State(digest, done)
    attempt = 0
    while True:
        try:
            _fetch_once(url, part, state, progress, cancel, timeout)
            break
        except _Interrupted as exc:
            attempt += 1
            if attempt > retries:
                raise DownloadError(
                    f"The download of {dest.name} was interrupted at {state.done / 1e6:.1f} MB "
                    f"({exc}). Try again: it will resume where it stopped."
                ) from exc
            time.sleep(retry_delay * attempt)
    if state.digest.hexdigest() != sha256.lower():
        part.unlink(missing_ok=True)
        raise ChecksumMismatchError(
            f"The downloaded {dest.name} is corrupt (its SHA-256 does not match), so it "
            "was deleted. Try the download again."
        )
    part.replace(dest)
    return dest


def download_model(
    name: str,
    models_dir: Optional[Path] = None,
    progress: Optional[ProgressCallback] = None,
    cancel: Optional[threading.Event] = None,
    base_url: Optional[str] = None,
    url: Optional[str] = None,
    retries: int = 3,
    retry_delay: float = 1.0,
    replace: bool = False,
    ct2_form: bool = True,
) -> ModelInfo:
    """Download a named openai-whisper model into the models folder and register it.

    ``url`` replaces whisper's URL outright and ``base_url`` moves it under a mirror;
    either way the SHA-256 is read from the URL. An installed model is returned as is
    unless ``replace``. With ``ct2_form`` its CTranslate2 form is made right after
    (``ensure_ct2_form``, which imports torch; the window passes False and makes it in a
    child process).
    """
    check_model_name(name)
    folder = models_folder(models_dir)
    if not replace and name in {m.name for m in list_installed(folder)}:
        return get_model(name, folder)
    url = url or model_url(name, base_url)
    sha256 = sha256_from_url(url)
    dest = download_file(
        url, folder / f"{name}{CHECKPOINT_SUFFIX}", sha256, progress, cancel, retries, retry_delay
    )
    info = register_checkpoint(dest, f"openai-whisper download {url}")
    return ensure_ct2_form(info) if ct2_form else info
