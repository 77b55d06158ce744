"""What travels between a workstation and a `daredevil server`: JSON only, audio as FLAC.

The request carries 16 kHz mono audio as FLAC (made and read by the bundled ffmpeg, under a
timeout), the model's name, the decoding options and a key made for this job alone. Progress
and the result come back sealed with that key (Fernet: AES with an HMAC), so a workstation
that reads the broker sees nothing of another's transcripts.
"""

from __future__ import annotations

import base64
import json
import subprocess
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from desktop_app.core.errors import DaredevilError
from desktop_app.core.options import TranscribeOptions
from desktop_app.core.typed_json import from_json

TASK_NAME = "daredevil.transcribe"
WIRE_VERSION = 1
ENCODE_TIMEOUT_S = 120.0
MAX_UPLOAD_BYTES = 256 * 1024**2  # FLAC bytes; about 8 h of speech at 16 kHz mono


class RemoteError(DaredevilError):
    """A problem with the server or what it sent back; the message says what to do."""


class PayloadError(RemoteError):
    """A request or reply that is not what the protocol allows (refused, never retried)."""


class ServerUnreachableError(RemoteError):
    """The broker can't be reached or refused the login."""


@dataclass(frozen=True)
class RemoteRequest:
    client_id: str  # the workstation, for the server's log (never its files)
    job_id: str
    model: str  # a name the server's registry knows, e.g. "base"
    options: TranscribeOptions
    flac: bytes
    key: str  # Fernet key for this job's progress and result
    version: int = WIRE_VERSION

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["options"] = self.options.cache_key_part()
        data["flac"] = base64.b64encode(self.flac).decode("ascii")
        return data

    @classmethod
    def from_json(cls, data: Any, max_bytes: int = MAX_UPLOAD_BYTES) -> "RemoteRequest":
        """Parse an untrusted request; PayloadError names what is wrong."""
        if not isinstance(data, dict):
            raise PayloadError("The request is not a JSON object.")
        if data.get("version") != WIRE_VERSION:
            raise PayloadError(f"This server speaks version {WIRE_VERSION} of the protocol; "
                               f"the workstation sent {data.get('version')!r}. Update one of them.")  # fmt: skip
        for name in ("client_id", "job_id", "model", "flac", "key"):
            if not isinstance(data.get(name), str) or not data[name]:
                raise PayloadError(f"The request has no valid {name!r}.")
        if len(data["flac"]) > max_bytes * 4 // 3 + 4:
            raise PayloadError(f"The audio is larger than this server accepts ({max_bytes // 1024**2} MB).")
        try:
            flac = base64.b64decode(data["flac"], validate=True)
        except ValueError as exc:
            raise PayloadError(f"The audio is not valid base64 ({exc}).") from None
        options, problems = from_json(TranscribeOptions, data.get("options"), "the request's options")
        if problems:
            raise PayloadError("; ".join(problems))
        return cls(data["client_id"], data["job_id"], data["model"], options, flac, data["key"])


# -- sealing ------------------------------------------------------------------------------


def new_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode("ascii")


def seal(key: str, value: Any) -> str:
    """`value` as JSON, encrypted and authenticated with the job's key."""
    from cryptography.fernet import Fernet

    return Fernet(key.encode("ascii")).encrypt(json.dumps(value).encode("utf-8")).decode("ascii")


def unseal(key: str, token: str) -> Any:
    """The value `seal` made; PayloadError if the key is wrong or the token was changed."""
    from cryptography.fernet import Fernet, InvalidToken

    try:
        return json.loads(Fernet(key.encode("ascii")).decrypt(token.encode("ascii")))
    except (InvalidToken, ValueError, TypeError) as exc:
        raise PayloadError(f"The server's reply could not be opened with this job's key ({type(exc).__name__}).") from None


# -- audio --------------------------------------------------------------------------------


def encode_flac(audio: np.ndarray, sample_rate: int = 16_000, timeout_s: float = ENCODE_TIMEOUT_S) -> bytes:
    """16-bit FLAC of mono float32 audio, by the bundled ffmpeg (killed after `timeout_s`)."""
    from desktop_app.core.media import ffmpeg_exe

    # the inverse of the decoder's s16 / 32768, rounded: 16-bit audio goes through unchanged
    pcm = np.clip(np.round(np.asarray(audio, dtype=np.float64) * 32768.0), -32768, 32767).astype("<i2").tobytes()
    args = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "s16le", "-ar", str(sample_rate),
            "-ac", "1", "-i", "pipe:0", "-c:a", "flac", "-f", "flac", "pipe:1"]  # fmt: skip
    try:
        done = subprocess.run(args, input=pcm, capture_output=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise RemoteError(f"Compressing the audio for the server took over {timeout_s:.0f} s.") from None
    if done.returncode != 0:
        raise RemoteError(f"Compressing the audio failed: {done.stderr.decode(errors='replace')[-300:]}")
    if len(done.stdout) > MAX_UPLOAD_BYTES:
        raise RemoteError(f"The compressed audio ({len(done.stdout) / 1024**2:.0f} MB) is larger than a server "
                          f"accepts ({MAX_UPLOAD_BYTES // 1024**2} MB). Split the file or transcribe it here.")  # fmt: skip
    return done.stdout
