"""One load client of `bench_dashboard` where wrk is missing: a process of its own.

Sends GETs one after another for a while, each on a new connection (gunicorn's sync
workers close each), and prints the latencies as JSON. Run as
`python -m benchmarks.load_client --port P --path /x/ --seconds S`; it needs no Django.
"""

import argparse
import http.client
import json
import sys
import time


def measure(*, port: int, path: str, seconds: float) -> dict:
    latencies, failures = [], 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        begun = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(
                "GET", path, headers={"Host": "localhost", "Accept-Encoding": "gzip"}
            )
            response = connection.getresponse()
            response.read()
            failures += response.status != 200
        except OSError:
            failures += 1
        finally:
            connection.close()
        latencies.append(time.perf_counter() - begun)
    return {
        "latencies": latencies,
        "failures": failures,
        "seconds": time.perf_counter() - started,
    }


def main(arguments: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    options = parser.parse_args(arguments)
    json.dump(measure(port=options.port, path=options.path, seconds=options.seconds), sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
