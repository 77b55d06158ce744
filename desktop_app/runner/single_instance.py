"""One window per user and app home: a second launch hands its files over and exits.

Whoever holds the instance lock (a QLockFile in the data folder, freed when its process
dies) is the window; every other launch is a client. Only the lock holder may take over
a socket name left by a crashed app, so a client never removes a live window's socket.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import getpass
import time

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop_app.core.errors import DaredevilError
from desktop_app.core.paths import AppFolderError, AppPaths, probe_writable

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
HANDOFF_TIMEOUT_S = 15.0  # a window that is still starting answers once its event loop runs
RETRY_MS = 100
ACK = b"ok\n"


def instance_lock(paths: AppPaths) -> QLockFile:
    """The lock that makes its holder the one window for this data folder (not yet taken)."""
    return QLockFile(str(paths.data_dir / "instance.lock"))


def claim_or_hand_off(paths: AppPaths, files: list[str], timeout_s: float = HANDOFF_TIMEOUT_S) -> QLockFile | None:
    """The held instance lock when this launch is the window; None once a window took `files`.

    Raises DaredevilError when another launch holds the lock but never answers, and
    AppFolderError when the lock can't be made at all (a full disk, a read-only folder).
    """
    lock, name = instance_lock(paths), server_name(paths)
    deadline = time.monotonic() + timeout_s
    while True:
        if lock.tryLock(0):
            return lock
        if lock.error() != QLockFile.LockError.LockFailedError:
            raise _lock_not_created(paths, lock.error())
        remaining_ms = int((deadline - time.monotonic()) * 1000)
        if remaining_ms <= 0:
            break
        # connected means the window listens: wait for its answer rather than send twice
        if forward_to_running(name, files, min(CONNECT_TIMEOUT_MS, remaining_ms), ack_timeout_ms=remaining_ms):
            return None
        QThread.msleep(RETRY_MS)
    raise DaredevilError(
        "Another Daredevil window is open but did not respond. Wait a moment and try again, "
        "or close that window first."
    )


def _lock_not_created(paths: AppPaths, error: QLockFile.LockError) -> AppFolderError:
    """Why the lock file couldn't be written, found by writing a file there ourselves."""
    try:
        probe_writable(paths.data_dir, with_data=True)
    except AppFolderError as exc:
        log.error("The instance lock can't be created (%s): %s", error.name, exc)
        return exc
    log.error("The instance lock in %s can't be created (%s)", paths.data_dir, error.name)
    return AppFolderError(
        QCoreApplication.translate(
            "SingleInstance",
            "Daredevil can't create its lock file in {0} ({1}). Check that the folder is writable, "
            "then start Daredevil again.",
        ).format(paths.data_dir, error.name)
    )


#: Unix socket paths are limited to about 104-108 bytes, depending on the OS.
_MAX_SOCKET_PATH = 100


def server_name(paths: AppPaths) -> str:
    """The socket for this user and data folder (tests and portable installs differ).

    On Unix it is a file in the data folder, so the app writes nothing outside its own
    folders; a path too long for a socket, and Windows, use a name Qt places itself."""
    socket_path = str(paths.data_dir / "instance.sock")
    if os.name == "posix" and len(socket_path.encode()) <= _MAX_SOCKET_PATH:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        return socket_path
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{paths.data_dir}".encode()).hexdigest()[:16]
    return f"daredevil-{digest}"


def forward_to_running(
    name: str, files: list[str], timeout_ms: int = CONNECT_TIMEOUT_MS, ack_timeout_ms: int | None = None
) -> bool:
    """Send files to the window that listens on `name`; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    ack_timeout_ms = timeout_ms if ack_timeout_ms is None else ack_timeout_ms
    payload = json.dumps({"files": [os.path.abspath(f) for f in files]}).encode() + b"\n"
    socket.write(payload)
    socket.flush()
    ok = socket.waitForBytesWritten(ack_timeout_ms) or socket.bytesToWrite() == 0
    acked = ok and socket.waitForReadyRead(ack_timeout_ms) and socket.readAll().data() == ACK
    socket.disconnectFromServer()
    return bool(acked)


class InstanceServer(QObject):
    """Listens for later launches; emits the files each one hands over.

    Give it the held instance lock: it is released on close(). Without one (tests), the
    caller vouches that no other window is alive.
    """

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None, lock: QLockFile | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._lock = lock
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Listen; a name left by a crashed instance is taken over (only the lock holder calls this)."""
        if self._server.listen(self.name):
            return True
        if self._server.serverError() == QLocalSocket.LocalSocketError.AddressInUseError or not self._server.isListening():
            QLocalServer.removeServer(self.name)  # stale: the caller found nobody answering it
            if self._server.listen(self.name):
                log.info("Took over the instance socket %s left by a stopped app", self.name)
                return True
        log.warning("Could not listen on %s: %s", self.name, self._server.errorString())
        return False

    def close(self) -> None:
        """Stop listening and release the instance lock; idempotent."""
        self._server.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(socket.readAll().data())
                if not buffer.endswith(b"\n"):
                    return
                try:
                    files = [str(f) for f in json.loads(buffer.decode())["files"]]
                except (ValueError, KeyError, TypeError):
                    log.warning("Ignored a malformed message from another launch")
                    socket.disconnectFromServer()
                    return
                socket.write(ACK)
                socket.flush()
                self.files_received.emit(files)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()
