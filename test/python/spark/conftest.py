"""Fixtures of the PySpark runtime tests: the runtime assembled as a generated package holds it, the emulator
behind a recording proxy (the filters each read sent), and one local Spark session for all of them.

The package `pygen_spark_check` is `_runtime` (templates/python/runtime) and `_spark` (templates/pyspark/runtime),
as a generated SDK vendors them; scripts/python-checks.sh assembles it (PYGEN_SPARK_PACKAGE), or this file does.
Spark's Python workers import it too, so its folder goes on PYTHONPATH before Spark starts.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import shutil
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from emulator_process import EmulatorConnection, start_emulator
from spark_package import assemble_spark_package


def _package_root() -> Path:
    given = os.environ.get("PYGEN_SPARK_PACKAGE")
    if given:
        return Path(given)
    return assemble_spark_package(Path(tempfile.mkdtemp(prefix="pygen-spark-")), "pygen_spark_check")


PACKAGE_ROOT = _package_root()
sys.path.insert(0, str(PACKAGE_ROOT))
# The example's generated PySpark package, pip-installed by scripts/python-checks.sh: test_generated_package.py runs
# it, and is not collected without it.
GENERATED_EXAMPLE = os.environ.get("PYGEN_PYSPARK_EXAMPLE")
collect_ignore: list[str] = []
if GENERATED_EXAMPLE and Path(GENERATED_EXAMPLE).is_dir():
    sys.path.insert(0, GENERATED_EXAMPLE)
else:
    collect_ignore.append("test_generated_package.py")
os.environ["PYTHONPATH"] = os.pathsep.join([str(PACKAGE_ROOT), *sys.path])
os.environ["PYSPARK_PYTHON"] = sys.executable
os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

from pygen_spark_check._spark import register_all  # noqa: E402
from pyspark import SparkContext  # noqa: E402 - after PYTHONPATH, which Spark's workers inherit
from pyspark.sql import SparkSession  # noqa: E402 - after PYTHONPATH, which Spark's workers inherit

from .views import PLANT, UNIT, write_model, write_seed  # noqa: E402


class RequestLog:
    """The JSON bodies the emulator was sent, by path, in order; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bodies: list[tuple[str, Any]] = []

    def add(self, path: str, body: Any) -> None:
        with self._lock:
            self._bodies.append((path, body))

    def bodies(self, suffix: str) -> list[Any]:
        with self._lock:
            return [body for path, body in self._bodies if path.endswith(suffix)]

    def clear(self) -> None:
        with self._lock:
            self._bodies.clear()


def _proxy(client: httpx.Client, log: RequestLog) -> ThreadingHTTPServer:
    """An HTTP server on a free loopback port that records each request's JSON body and forwards it through
    `client` (made with the emulator's base URL)."""

    class Forward(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            content = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if content:
                raw = gzip.decompress(content) if self.headers.get("Content-Encoding") == "gzip" else content
                log.add(self.path, json.loads(raw))
            headers = {key: value for key, value in self.headers.items() if key.lower() not in ("host", "connection")}
            response = client.request(self.command, self.path, content=content, headers=headers)
            self.send_response(response.status_code)
            for key, value in response.headers.items():
                if key.lower() not in ("content-length", "content-encoding", "transfer-encoding", "connection"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        do_GET = _forward  # noqa: N815 - http.server's names
        do_POST = _forward  # noqa: N815

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Forward)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorConnection]:
    directory = tmp_path_factory.mktemp("spark_model")
    yield from start_emulator(write_model(directory / "model.json"), write_seed(directory / "seed.json"))


@pytest.fixture(scope="session")
def request_log() -> RequestLog:
    return RequestLog()


@pytest.fixture(scope="session")
def connection(emulator: EmulatorConnection, request_log: RequestLog) -> Iterator[dict[str, str]]:
    """Spark options reaching the emulator through the recording proxy."""
    with httpx.Client(base_url=emulator["base_url"], timeout=60) as client:
        server = _proxy(client, request_log)
        host, port = server.server_address[:2]
        yield {"baseUrl": f"http://{host!s}:{port}", "project": emulator["project"], "token": emulator["token"]}
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def spark(connection: dict[str, str]) -> Iterator[SparkSession]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17), which is absent")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("pygen-spark-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    register_all(session, [PLANT, UNIT], pushdown="true", **connection)
    yield session
    session.stop()
    # Shut the JVM and py4j's sockets down now, rather than leave them to the garbage collector's warnings.
    gateway = SparkContext._gateway
    if gateway is not None:
        process = getattr(gateway, "proc", None)
        gateway.shutdown()
        if process is not None:
            # The JVM ends when its standard input closes.
            process.stdin.close()
            process.wait(timeout=60)
        SparkContext._gateway = None
        SparkContext._jvm = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
