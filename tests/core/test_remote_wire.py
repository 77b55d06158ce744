"""The workstation-to-server wire format: exact FLAC audio, strict parsing, sealed replies."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_app.core.options import TranscribeOptions
from desktop_app.core.remote.celery_app import broker_url, safe_url
from desktop_app.core.remote.wire import PayloadError, RemoteRequest, encode_flac, new_key, seal, unseal
from speech import decode_audio


def test_flac_gives_the_server_the_same_samples(english_wav, tmp_path):
    audio = decode_audio(english_wav)
    flac = tmp_path / "sent.flac"
    flac.write_bytes(encode_flac(audio))
    assert flac.stat().st_size < english_wav.stat().st_size
    assert np.array_equal(decode_audio(flac), audio)  # bit-exact: results match a local run


def test_a_request_round_trips_and_bad_ones_are_refused():
    options = TranscribeOptions(language="en", beam_size=1, engine="faster-whisper", compute_type="int8")
    request = RemoteRequest("ws", "job", "base", options, b"fLaC-bytes", new_key())
    again = RemoteRequest.from_json(request.to_json())
    assert again == request
    for broken, why in (({**request.to_json(), "version": 99}, "version"),
                        ({**request.to_json(), "model": ""}, "model"),
                        ({**request.to_json(), "flac": "not base64!"}, "base64"),
                        ({**request.to_json(), "options": {"beam_size": "lots"}}, "beam_size"),
                        ("a string", "JSON object")):  # fmt: skip
        with pytest.raises(PayloadError, match=why):
            RemoteRequest.from_json(broken)
    with pytest.raises(PayloadError, match="larger"):
        RemoteRequest.from_json(request.to_json(), max_bytes=4)


def test_sealed_values_open_only_with_their_key():
    key = new_key()
    token = seal(key, {"text": "private words"})
    assert "private" not in token and unseal(key, token) == {"text": "private words"}
    with pytest.raises(PayloadError):
        unseal(new_key(), token)
    with pytest.raises(PayloadError):
        unseal(key, token[:-4] + "AAAA")


def test_broker_urls_take_the_password_and_hide_it():
    url = broker_url("redis://host:6379/0", "p@ss word")
    assert url == "redis://:p%40ss%20word@host:6379/0"
    assert safe_url(url) == "redis://:***@host:6379/0"
    assert broker_url("rediss://:given@host/1", "other") == "rediss://:given@host/1"
