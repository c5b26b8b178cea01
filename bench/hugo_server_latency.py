#!/usr/bin/env python3
"""Helper of bench/serve.sh: how long `hugo server` takes from saving a file to serving the page
with the change, measured as bench/src/ServeBench.java measures site-gen's preview.

    hugo_server_latency.py --site DIR --file NAME --runs N [--warm N] [--log FILE] [--timeout S]

Starts `hugo server` (in memory, its defaults: watching, fast render, live reload) on the Hugo site
DIR (gen_faq.py's hugo/ layout with the peer templates copied in) on a free port of 127.0.0.1, waits
until it serves, then makes WARM untimed saves and RUNS timed ones: each waits 1 s, puts a mark into
the first answer of content/topics/NAME (bench/edit_answer.py) and takes the time from the write until
the topic page served (/topics/SLUG/) has the mark. Prints one line per run (RUN, run, ms, the
1-minute load average) and the median (MEDIAN, ms, all runs). The server is stopped at the end.
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import edit_answer  # noqa: E402  (beside this file)
import serve_latency  # noqa: E402


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load():
    return "%.1f" % os.getloadavg()[0]


def save(path, page, mark, timeout):
    start = time.monotonic()
    edit_answer.edit(path, mark)
    while "[" + mark + "]" not in get(page):
        if time.monotonic() - start > timeout:
            sys.exit("hugo_server_latency.py: the page never showed " + mark)
        time.sleep(0.001)
    return (time.monotonic() - start) * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warm", type=int, default=3)
    ap.add_argument("--log", default=os.devnull)
    ap.add_argument("--timeout", type=float, default=600)
    a = ap.parse_args()
    port = free_port()
    log = open(a.log, "w", encoding="utf-8")
    process = subprocess.Popen(["hugo", "server", "--source", a.site, "--bind", "127.0.0.1", "--port", str(port),
                                "--baseURL", "http://127.0.0.1:%d/" % port, "--noBuildLock"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True, text=True)
    try:
        deadline = time.monotonic() + a.timeout
        for line in process.stdout:
            log.write(line)
            log.flush()
            if "Web Server is available" in line:
                break
            if time.monotonic() > deadline:
                sys.exit("hugo_server_latency.py: hugo server did not start within %s s" % a.timeout)
        else:
            sys.exit("hugo_server_latency.py: hugo server stopped (log: %s)" % a.log)
        threading.Thread(target=lambda: [log.write(l) or log.flush() for l in process.stdout], daemon=True).start()
        slug = a.file.rsplit(".", 1)[0]
        page = "http://127.0.0.1:%d/topics/%s/" % (port, slug)
        path = os.path.join(a.site, "content", "topics", a.file)
        for i in range(a.warm):
            save(path, page, "warm %d" % i, a.timeout)
            time.sleep(0.2)
        runs = []
        for run in range(1, a.runs + 1):
            time.sleep(1.0)
            runs.append(save(path, page, "hugo %d %d" % (run, time.time_ns() % 1000000), a.timeout))
            print("RUN\t%d\t%.0f\tload %s" % (run, runs[-1], load()), flush=True)
        print("MEDIAN\t%.0f\t[%s]" % (statistics.median(runs), ", ".join("%.0f" % r for r in runs)), flush=True)
    finally:
        serve_latency.stop(process)


if __name__ == "__main__":
    main()
