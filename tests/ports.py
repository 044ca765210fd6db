"""A local TCP port nothing listens on (connecting is refused at once; binding it works)."""

import socket


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
