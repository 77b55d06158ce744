"""One window per user and app home: a second launch hands its files over and exits."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import getpass

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop_app.core.paths import AppPaths

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
ACK = b"ok\n"


def server_name(paths: AppPaths) -> str:
    """A socket name unique to this user and data folder (tests and portable installs differ)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{paths.data_dir}".encode()).hexdigest()[:16]
    return f"daredevil-{digest}"


def forward_to_running(name: str, files: list[str], timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Send files to the window that listens on `name`; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    payload = json.dumps({"files": [os.path.abspath(f) for f in files]}).encode() + b"\n"
    socket.write(payload)
    socket.flush()
    ok = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
    acked = ok and socket.waitForReadyRead(timeout_ms) and socket.readAll().data() == ACK
    socket.disconnectFromServer()
    return bool(acked)


class InstanceServer(QObject):
    """Listens for later launches; emits the files each one hands over."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Listen; a name left by a crashed instance is taken over."""
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
        self._server.close()

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
