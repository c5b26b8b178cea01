#!/usr/bin/env python3
"""Helper of bench/run.sh: how long the live preview takes from saving a file to serving the page
with the change.

    serve_latency.py --project DIR --content DIR --file NAME --runs N [--mvn mvn] [--repo-arg ARG]
                     [--log FILE] [--timeout S]

Starts `mvn -q -o site-gen:serve` in the project (port 0: any free one) on the content folder,
waits for its address, then RUNS times: waits 1 s, reads the build number the preview serves at
`__site-gen/build`, edits the first answer of NAME (bench/edit_answer.py) and takes the time from
the write to (1) the new build number served and (2) the topic page fetched with the edit in it.
Prints one line per run, tab-separated: RUN, run, ms to the new build, ms to the edited page.

A browser's page learns about the new build by a push on `__site-gen/events` (see
docs/preview.md), so a reader sees it as soon as the page has reloaded after (1).
Only 127.0.0.1 is contacted. The preview is stopped at the end (its process group is ended).
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import time
import threading
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import edit_answer  # noqa: E402  (beside this file)


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8", "replace")


def stop(process):
    """Ends the process group of {process} (started with start_new_session), killing it after 30 s."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--project", required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mvn", default="mvn")
    ap.add_argument("--repo-arg", default="")
    ap.add_argument("--log", default=os.devnull)
    ap.add_argument("--timeout", type=float, default=900)
    a = ap.parse_args()
    preview = os.path.join(a.project, "target", "site-gen-preview-bench")
    cmd = [a.mvn, "-q", "-o", "site-gen:serve", "-Dorg.slf4j.simpleLogger.log.io.github.sitegen=info",
           "-Dsite-gen.port=0", "-Dsite-gen.contentDirectory=" + a.content, "-Dsite-gen.previewDirectory=" + preview]
    if a.repo_arg:
        cmd.append(a.repo_arg)
    log = open(a.log, "w", encoding="utf-8")
    process = subprocess.Popen(cmd, cwd=a.project, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True, text=True)
    try:
        base = None
        deadline = time.monotonic() + a.timeout
        while base is None:
            line = process.stdout.readline()
            if not line:
                sys.exit("serve_latency.py: the preview stopped before it printed its address (log: %s)" % a.log)
            log.write(line)
            log.flush()
            found = re.search(r"(http://127\.0\.0\.1:\d+/\S*)", re.sub(r"\x1b\[[0-9;]*m", "", line))
            if found and "Preview" in line:
                base = found.group(1)
            if time.monotonic() > deadline:
                sys.exit("serve_latency.py: no address within %s s" % a.timeout)
        # keep draining the log so the preview never blocks on a full pipe
        threading.Thread(target=lambda: [log.write(l) for l in process.stdout], daemon=True).start()
        page = base + a.file.rsplit(".", 1)[0] + "/index.html"
        for run in range(1, a.runs + 1):
            time.sleep(1.0)
            before = get(base + "__site-gen/build").strip()
            mark = "serve %d %d" % (run, time.time_ns() % 1000000)
            start = time.monotonic()
            edit_answer.edit(os.path.join(a.content, a.file), mark)
            while get(base + "__site-gen/build").strip() == before:
                if time.monotonic() - start > a.timeout:
                    sys.exit("serve_latency.py: no new build within %s s" % a.timeout)
                time.sleep(0.002)
            built = time.monotonic()
            while mark not in get(page):
                if time.monotonic() - start > a.timeout:
                    sys.exit("serve_latency.py: the page never showed the edit")
                time.sleep(0.002)
            shown = time.monotonic()
            print("RUN\t%d\t%.0f\t%.0f" % (run, (built - start) * 1000, (shown - start) * 1000), flush=True)
    finally:
        stop(process)


if __name__ == "__main__":
    main()
