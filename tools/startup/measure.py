#!/usr/bin/env python3
"""Wall time of the CLI's short commands and of serve's launch to /-/ready 200, beside amtool's
and Alertmanager's, each measured RUNS times with the contenders interleaved (one run of each,
then again), so that the noise of a shared machine falls on all of them alike.

Usage, from the repository root:
  tools/startup/measure.py [--runs 10] [--only short|serve]
                           [--env NAME=VAR=VALUE ...] [--launcher NAME=PATH ...]

"ours" is this checkout's bin/alert-router. --env adds it run with one environment variable set
(e.g. nocds=ALERT_ROUTER_CDS=off); --launcher adds another checkout's bin/alert-router (e.g.
main=/tmp/main/bin/alert-router, for a before and after). Each variant is run once before
measuring, so neither a build nor the first run's archive is measured. Prints one line per
command and variant: median, min and max; then anything a command printed on stderr.
"""
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, "bin", "alert-router")
LABELS = ["team=payments", "severity=critical", "service=pay_api"]
SHORT = {
    "validate": ["validate", "--config", "samples/alert-router.yaml"],
    "routes test": ["routes", "test", "--config.file", "samples/alertmanager.yml", *LABELS],
    "preview": ["preview", "--config", "samples/alert-router.yaml", "--alerts", "samples/alerts.json",
                "--at", "2026-03-08T02:00:00Z"],
}
TRAINING_CONFIG = "cli/src/main/resources/training/alert-router.yaml"
AMTOOL = ["amtool", "config", "routes", "test", "--config.file=samples/alertmanager.yml", *LABELS]


def timed(argv, env):
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{argv} exited {done.returncode}: {done.stderr.decode()}")
    return elapsed, done.stderr.decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post_alerts(port):
    """Seconds curl takes to have one alert accepted by serve (its start time now, so its group waits)."""
    body = '[{"labels":{"alertname":"DiskFull","severity":"critical","cluster":"c1"}}]'
    done = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "--max-time", "5",
                           "-H", "Content-Type: application/json", "--data-binary", body,
                           f"http://127.0.0.1:{port}/api/v1/alerts"], stdout=subprocess.PIPE).stdout.decode().split()
    if done[0] != "200":
        sys.exit(f"POST /api/v1/alerts answered {done[0]}")
    return float(done[1])


def until_ready(argv, env, port, path, then=None):
    """Seconds from launch to the first 200 on path, polled with curl every 10 ms (and what then(port) returns,
    when given); then stops it by PID."""
    url = f"http://127.0.0.1:{port}{path}"
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            code = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "1", url],
                                  stdout=subprocess.PIPE).stdout.decode()
            if code == "200":
                ready = time.perf_counter() - start
                return ready if then is None else (ready, then(port))
            if process.poll() is not None:
                sys.exit(f"{argv} exited {process.returncode} before {url} answered 200")
            if time.perf_counter() - start > 30:
                sys.exit(f"{url} not ready within 30 s")
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def report(name, samples):
    ms = sorted(s * 1000 for s in samples)
    print(f"{name:34s} median {statistics.median(ms):7.0f} ms  range {ms[0]:5.0f}-{ms[-1]:5.0f} ms  runs {len(ms)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--only", choices=["short", "serve", "ingest"],
                        help="ingest: serve's first and second POST of an alert after /-/ready, on the training "
                             "config (its robots point at a closed local port: nothing leaves the machine)")
    parser.add_argument("--env", action="append", default=[],
                        help="NAME=VAR=VALUE: also run our launcher with VAR=VALUE, reported as NAME")
    parser.add_argument("--launcher", action="append", default=[],
                        help="NAME=PATH: also run the launcher at PATH, reported as NAME")
    options = parser.parse_args()
    variants = {"ours": (LAUNCHER, dict(os.environ))}
    for label in options.env:
        name, var, value = label.split("=", 2)
        variants[name] = (LAUNCHER, {**os.environ, var: value})
    for label in options.launcher:
        name, path = label.split("=", 1)
        variants[name] = (os.path.abspath(path), dict(os.environ))
    for launcher, env in variants.values():
        env.pop("JAVA_TOOL_OPTIONS", None)
        timed([launcher, *SHORT["validate"]], env)  # warm-up: a rebuild or a first run's archive is not measured
    times = {}
    warnings = set()
    scratch = tempfile.mkdtemp(suffix="-startup")
    try:
        for _ in range(options.runs):
            if options.only in (None, "short"):
                for command, args in SHORT.items():
                    for variant, (launcher, env) in variants.items():
                        elapsed, stderr = timed([launcher, *args], env)
                        times.setdefault(f"{command} ({variant})", []).append(elapsed)
                        warnings.update(line for line in stderr.splitlines() if line)
                    if command == "routes test":
                        times.setdefault("amtool config routes test", []).append(timed(AMTOOL, os.environ)[0])
            if options.only == "ingest":  # not by default: serve's second config and two more launches each round
                for variant, (launcher, env) in variants.items():
                    port = free_port()
                    _, (first, second) = until_ready(
                        [launcher, "serve", "--config", TRAINING_CONFIG, f"--listen=127.0.0.1:{port}"], env, port,
                        "/-/ready", lambda p: (post_alerts(p), post_alerts(p)))
                    times.setdefault(f"first POST /api/v1/alerts ({variant})", []).append(first)
                    times.setdefault(f"second POST /api/v1/alerts ({variant})", []).append(second)
            if options.only in (None, "serve"):
                for variant, (launcher, env) in variants.items():
                    port = free_port()
                    times.setdefault(f"serve -> /-/ready ({variant})", []).append(until_ready(
                        [launcher, "serve", "--config", "samples/alert-router.yaml", f"--listen=127.0.0.1:{port}"],
                        env, port, "/-/ready"))
                port = free_port()
                data = os.path.join(scratch, "am")
                shutil.rmtree(data, ignore_errors=True)
                times.setdefault("alertmanager -> /-/ready", []).append(until_ready(
                    ["prometheus-alertmanager", "--config.file=samples/alertmanager.yml", f"--storage.path={data}",
                     f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address="],
                    os.environ, port, "/-/ready"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for name in sorted(times):
        report(name, times[name])
    for line in sorted(warnings):
        print("stderr:", line)


if __name__ == "__main__":
    main()
