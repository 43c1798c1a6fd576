"""Child process that keeps one JVM with EPUBCheck loaded and checks EPUBs on request.

Run as ``python _epubcheck_worker.py LIBJVM EPUBCHECK_JAR`` by
:mod:`newsformats.validators.epubcheck`; never imported by the library.
It reads one JSON request per line on stdin,
``{"epub": "/a/b.epub", "report": "/tmp/x.json"}``, runs EPUBCheck's own
command-line entry point (``EpubChecker().run``) inside the JVM with
``--json REPORT -u -q``, and answers one JSON line ``{"rc": 0, "log": "..."}``.

The JVM runs in this throw-away process (through JPype), not in the caller:
the JVM's signal handlers and shutdown then cannot disturb the caller
(pytest's faulthandler is known to crash JPype at exit).
"""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    """Serve check requests from stdin until it closes."""
    libjvm, jar = argv[1], argv[2]
    # Keep the real stdout for the protocol; whatever Java or Python prints
    # elsewhere goes to stderr, which the parent sends to a log file.
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)

    import jpype

    jpype.startJVM(
        libjvm,
        "-Xss8m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Djava.awt.headless=true",
        classpath=[jar],
    )
    checker_class = jpype.JClass("com.adobe.epubcheck.tool.EpubChecker")
    stream_class = jpype.JClass("java.io.ByteArrayOutputStream")
    print_class = jpype.JClass("java.io.PrintStream")
    system = jpype.JClass("java.lang.System")

    protocol.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        buffer = stream_class()
        capture = print_class(buffer, True, "UTF-8")
        old_out, old_err = system.out, system.err
        system.setOut(capture)
        system.setErr(capture)
        failure = ""
        try:
            args = jpype.JArray(jpype.JString)(
                [request["epub"], "--json", request["report"], "-u", "-q"]
            )
            rc = int(checker_class().run(args))
        except Exception as exc:  # a Java exception: report it, keep serving
            rc, failure = -1, f"{type(exc).__name__}: {exc}"
        finally:
            system.setOut(old_out)
            system.setErr(old_err)
        log = str(buffer.toString("UTF-8")) + failure
        protocol.write(json.dumps({"rc": rc, "log": log}) + "\n")
    protocol.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
