#!/usr/bin/env python3
"""Helpers of bench/run.sh (stdlib only).

    report.py parse-log MAVEN_LOG
        prints "total validate markdown templates write pages_per_second" (ms) from the plugin's
        log line:
          site-gen wrote N pages (...) to DIR in X ms, P pages per second; stages: load and validate
          A ms, Markdown B ms, templates C ms, write D ms (...)
        exit 1 when the line is missing.

    report.py summary RUNS_TSV OUTPUTS_TSV [--md FILE]
        prints (and writes to FILE) the tables of medians of the latest run of every size.
"""
import argparse
import re
import statistics
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LINE = re.compile(r"site-gen wrote \d+ pages? .* in (\d+) ms, (\d+) pages per second; stages: load and validate "
                  r"(\d+) ms, Markdown (\d+) ms, templates (\d+) ms, write (\d+) ms")

# A build with nothing new: the output is checked and left as it is.
CURRENT = re.compile(r"site-gen: .* is current \(.*\): .* checked in (\d+) ms")


def parse_log(path):
    text = ANSI.sub("", open(path, encoding="utf-8", errors="replace").read())
    m = LINE.search(text)
    if not m:
        current = CURRENT.search(text)
        return (int(current.group(1)), 0, 0, 0, 0, 0) if current else None
    total, pps, validate, md, tpl, write = (int(x) for x in m.groups())
    return total, validate, md, tpl, write, pps


def num(s):
    return float(s) if s not in ("", None) else None


def med(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None


def f(v, fmt="%.2f", none="–"):
    return none if v is None else fmt % v


def thousands(n):
    return "{:,}".format(int(n))


def read_tsv(path):
    """The rows of a tab-separated file with a header line, as dicts."""
    with open(path, encoding="utf-8") as fh:
        head = fh.readline().rstrip("\n").split("\t")
        return [dict(zip(head, line.rstrip("\n").split("\t"))) for line in fh if line.strip()]


def summary(runs_tsv, outputs_tsv, md_path):
    rows, outs = read_tsv(runs_tsv), read_tsv(outputs_tsv)
    # the latest run of every size
    latest = {}
    for r in rows:
        s = int(r["size"])
        latest[s] = max(latest.get(s, ""), r["run_id"])
    sizes = sorted(s for s in latest if s > 0)
    res = {}
    for s in sizes:
        rr = [r for r in rows if int(r["size"]) == s and r["run_id"] == latest[s]]
        by = lambda tool: [r for r in rr if r["tool"] == tool]
        mv, hg, ip, jvm = by("maven"), by("hugo"), by("inprocess"), by("inprocess-jvm")
        d = {"runs": len(mv), "hugo_runs": len(hg), "run_id": latest[s]}
        for k in ("wall_s", "cpu_s", "peak_mib", "total_ms", "validate_ms", "markdown_ms", "templates_ms",
                  "write_ms", "pages_per_s"):
            d["mvn_" + k] = med([num(r[k]) for r in mv])
        d["mvn_wall_min"] = min((num(r["wall_s"]) for r in mv), default=None)
        d["mvn_wall_max"] = max((num(r["wall_s"]) for r in mv), default=None)
        for k in ("wall_s", "cpu_s", "peak_mib"):
            d["hugo_" + k] = med([num(r[k]) for r in hg])
        d["hugo_wall_min"] = min((num(r["wall_s"]) for r in hg), default=None)
        d["hugo_wall_max"] = max((num(r["wall_s"]) for r in hg), default=None)
        ip = sorted(ip, key=lambda r: int(r["run"]))
        d["ip_cold_ms"] = num(ip[0]["total_ms"]) if ip else None
        d["ip_warm_ms"] = med([num(r["total_ms"]) for r in ip[1:]]) if len(ip) > 1 else None
        d["ip_warm_n"] = len(ip) - 1 if ip else 0
        d["ip_cold_cpu"] = num(ip[0]["cpu_s"]) if ip else None
        d["ip_warm_cpu"] = med([num(r["cpu_s"]) for r in ip[1:]]) if len(ip) > 1 else None
        for k in ("validate_ms", "markdown_ms", "templates_ms", "write_ms"):
            d["ip_warm_" + k] = med([num(r[k]) for r in ip[1:]]) if len(ip) > 1 else None
        d["ip_peak_mib"] = num(jvm[0]["peak_mib"]) if jvm else None
        d["load_med"] = med([num(r["load1"]) for r in rr])
        if mv and hg:
            pairs = list(zip(sorted(mv, key=lambda r: int(r["run"])), sorted(hg, key=lambda r: int(r["run"]))))
            d["pair_mvn_hugo"] = med([num(a["wall_s"]) / num(b["wall_s"]) for a, b in pairs])
            d["pair_plugin_hugo"] = med([num(a["total_ms"]) / 1000 / num(b["wall_s"]) for a, b in pairs])
        for o in outs:
            if int(o["size"]) == s and o["run_id"] == latest[s]:
                d[o["tool"] + "_files"] = int(o["files"])
                d[o["tool"] + "_bytes"] = int(o["output_bytes"])
                d["topics"], d["questions"] = int(o["topics"]), int(o["questions"])
        res[s] = d

    out = side_by_side(rows, latest, sizes)
    out.append("Medians of the latest run of each size (run ids: %s)."
               % ", ".join("%s %s" % (thousands(s), res[s]["run_id"]) for s in sizes))
    out.append("")
    out.append("| questions (topics) | runs | Maven wall s (min–max) | Maven cpu s | Maven peak MiB | plugin total ms (log) "
               "| pages/s (log) | in-process cold ms | in-process warm ms | in-process peak MiB | Hugo wall s (min–max) "
               "| Hugo cpu s | Hugo peak MiB | plugin / Hugo | Maven / Hugo | warm in-process / Hugo |")
    out.append("|" + " --- |" * 16)
    for s in sizes:
        d = res[s]
        hw = d["hugo_wall_s"]
        ratio = lambda a: f(a / hw, "%.2f×") if (a is not None and hw) else "–"
        out.append("| %s (%s) | %d | **%s** (%s–%s) | %s | %s | **%s** | %s | %s | %s | %s | **%s** (%s–%s) | %s | %s | %s | %s | %s |" % (
            thousands(s), thousands(d.get("topics", s // 20)), d["runs"],
            f(d["mvn_wall_s"]), f(d["mvn_wall_min"]), f(d["mvn_wall_max"]), f(d["mvn_cpu_s"]), f(d["mvn_peak_mib"], "%.0f"),
            f(d["mvn_total_ms"], "%.0f"), f(d["mvn_pages_per_s"], "%.0f"),
            f(d["ip_cold_ms"], "%.0f"), f(d["ip_warm_ms"], "%.0f"), f(d["ip_peak_mib"], "%.0f"),
            f(hw, "%.2f"), f(d["hugo_wall_min"]), f(d["hugo_wall_max"]), f(d["hugo_cpu_s"]), f(d["hugo_peak_mib"], "%.0f"),
            ratio(d["mvn_total_ms"] / 1000 if d["mvn_total_ms"] is not None else None),
            ratio(d["mvn_wall_s"]),
            ratio(d["ip_warm_ms"] / 1000 if d["ip_warm_ms"] is not None else None)))
    out.append("")
    out.append("Plugin stages (median ms; from the Maven log, and warm in-process). Markdown, templates and write are summed "
               "over the threads that render pages in parallel, so stages can add up to more than the total.")
    out.append("")
    out.append("| questions | load and validate | Markdown | templates | write | total | Maven wall − plugin total s "
               "| warm in-process: validate / Markdown / templates / write | in-process JVM cpu s: cold / warm |")
    out.append("|" + " --- |" * 9)
    for s in sizes:
        d = res[s]
        over = (d["mvn_wall_s"] - d["mvn_total_ms"] / 1000) if d["mvn_total_ms"] is not None else None
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s | %s / %s |" % (
            thousands(s), f(d["mvn_validate_ms"], "%.0f"), f(d["mvn_markdown_ms"], "%.0f"),
            f(d["mvn_templates_ms"], "%.0f"), f(d["mvn_write_ms"], "%.0f"), f(d["mvn_total_ms"], "%.0f"),
            f(over), f(d["ip_warm_validate_ms"], "%.0f"), f(d["ip_warm_markdown_ms"], "%.0f"),
            f(d["ip_warm_templates_ms"], "%.0f"), f(d["ip_warm_write_ms"], "%.0f"),
            f(d["ip_cold_cpu"]), f(d["ip_warm_cpu"])))
    out.append("")
    out.append("Per 1,000 questions (the curve: constant columns mean linear cost).")
    out.append("")
    out.append("| questions | plugin total ms / 1k | warm in-process ms / 1k | Maven wall s / 1k | Maven peak MiB / 1k "
               "| Hugo wall s / 1k | Hugo peak MiB / 1k | site-gen output MB / 1k | Hugo output MB / 1k |")
    out.append("|" + " --- |" * 9)
    for s in sizes:
        d = res[s]
        k = s / 1000.0
        per = lambda v, fmt: f(v / k, fmt) if v is not None else "–"
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            thousands(s), per(d["mvn_total_ms"], "%.0f"), per(d["ip_warm_ms"], "%.0f"), per(d["mvn_wall_s"], "%.3f"),
            per(d["mvn_peak_mib"], "%.1f"), per(d["hugo_wall_s"], "%.3f"), per(d["hugo_peak_mib"], "%.1f"),
            per(d.get("site-gen_bytes") and d["site-gen_bytes"] / 1e6, "%.2f"),
            per(d.get("hugo_bytes") and d["hugo_bytes"] / 1e6, "%.2f")))
    out.append("")
    out.append("| questions | paired Maven / Hugo wall (median of pairs) | paired plugin / Hugo | Maven / Hugo cpu "
               "| site-gen files, MB | Hugo files, MB | median 1-min load during the runs |")
    out.append("|" + " --- |" * 7)
    for s in sizes:
        d = res[s]
        cpu_ratio = d["mvn_cpu_s"] / d["hugo_cpu_s"] if d["mvn_cpu_s"] and d["hugo_cpu_s"] else None
        out.append("| %s | %s | %s | %s | %s, %s | %s, %s | %s |" % (
            thousands(s), f(d.get("pair_mvn_hugo"), "%.2f×"), f(d.get("pair_plugin_hugo"), "%.2f×"), f(cpu_ratio, "%.2f×"),
            thousands(d["site-gen_files"]) if "site-gen_files" in d else "–",
            f(d.get("site-gen_bytes") and d["site-gen_bytes"] / 1e6, "%.1f"),
            thousands(d["hugo_files"]) if "hugo_files" in d else "–",
            f(d.get("hugo_bytes") and d["hugo_bytes"] / 1e6, "%.1f"), f(d["load_med"])))
    if 0 in latest:
        floor = [r for r in rows if int(r["size"]) == 0 and r["run_id"] == latest[0]]
        out.append("")
        out.append("Maven's fixed cost on the same consumer project, no site built (run %s; median (min–max)):"
                   % latest[0])
        out.append("")
        out.append("| command | runs | wall s | cpu s | peak MiB |")
        out.append("|" + " --- |" * 5)
        for tool in sorted({r["tool"] for r in floor}, key=lambda t: (len(t), t)):
            w = [num(r["wall_s"]) for r in floor if r["tool"] == tool]
            out.append("| `mvn -q -o %s` (%s project) | %d | %s (%s–%s) | %s | %s |" % (
                tool.split(" ")[0], tool.split(" ", 1)[1], len(w), f(med(w)), f(min(w)), f(max(w)),
                f(med([num(r["cpu_s"]) for r in floor if r["tool"] == tool])),
                f(med([num(r["peak_mib"]) for r in floor if r["tool"] == tool]), "%.0f")))
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if md_path:
        with open(md_path, "w", encoding="utf-8") as fh:
            fh.write(text)


def side_by_side(rows, latest, sizes):
    """The table of issues 16, 24 and 26: Maven's defaults, the archetype's settings, Hugo and the command line;
    full, one-answer and nothing-changed builds; plugin work as wall time and as CPU over `mvn -q -o validate`, and
    the load."""
    floor = [r for r in rows if int(r["size"]) == 0 and r["run_id"] == latest.get(0)]
    validate = {name: med([num(r["wall_s"]) for r in floor if r["tool"] == "validate " + name])
                for name in ("default", "recommended")}
    validate_cpu = {name: med([num(r["cpu_s"]) for r in floor if r["tool"] == "validate " + name])
                    for name in ("default", "recommended")}
    out = ["Side by side (medians; wall s / CPU s / peak MiB). *Plugin work* is a generate's wall time minus the "
           "same project's `mvn -q -o validate` (%s s with Maven's defaults, %s s with the archetype's settings), "
           "and, after the slash, its CPU time minus validate's (%s s / %s s CPU), which a busy machine moves less."
           % (f(validate["default"]), f(validate["recommended"]), f(validate_cpu["default"]),
              f(validate_cpu["recommended"])), "",
           "| questions | Maven's defaults | archetype's `.mvn/jvm.config` | plugin work, defaults / archetype's | Hugo "
           "| CLI (`java -jar`) | CLI with CDS | CLI with CDS and the archetype's JVM options "
           "| CLI on Java 25 with its AOT cache | the same with the archetype's JVM options | fastest CLI / Hugo "
           "| one answer edited: generate | its plugin work, wall / CPU | nothing changed: generate "
           "| its plugin work, wall / CPU | serve: save to edited page, ms | 1-min load |",
           "|" + " --- |" * 17]
    for s in sizes:
        rr = [r for r in rows if int(r["size"]) == s and r["run_id"] == latest[s]]
        m = lambda tool, k: med([num(r[k]) for r in rr if r["tool"] == tool])
        trio = lambda tool: "%s / %s / %s" % (f(m(tool, "wall_s")), f(m(tool, "cpu_s")), f(m(tool, "peak_mib"), "%.0f"))
        work = lambda tool, name: f(m(tool, "wall_s") - validate[name]) if m(tool, "wall_s") is not None and validate[name] else "–"
        clis = [m(t, "wall_s") for t in ("cli", "cli-cds", "cli-fast", "cli-aot", "cli-aot-fast") if m(t, "wall_s")]
        ratio = f(min(clis) / m("hugo", "wall_s"), "%.2f×") if clis and m("hugo", "wall_s") else "–"
        cpu = lambda tool, name: (f(m(tool, "cpu_s") - validate_cpu[name])
                                  if m(tool, "cpu_s") is not None and validate_cpu[name] else "–")
        loads = [num(r.get("load1")) for r in rr if num(r.get("load1")) is not None]
        out.append("| %s | %s | %s | %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s / %s | %s | %s |" % (
            thousands(s), trio("maven"), trio("maven-rec"), work("maven", "default"), work("maven-rec", "recommended"),
            trio("hugo"), trio("cli"), trio("cli-cds"), trio("cli-fast"), trio("cli-aot"), trio("cli-aot-fast"), ratio,
            trio("incremental"), work("incremental", "recommended"), cpu("incremental", "recommended"),
            trio("unchanged"), work("unchanged", "recommended"), cpu("unchanged", "recommended"),
            f(m("serve", "wall_s") * 1000 if m("serve", "wall_s") is not None else None, "%.0f"),
            "%s–%s" % (f(min(loads), "%.1f"), f(max(loads), "%.1f")) if loads else "–"))
    out.append("")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse-log")
    p.add_argument("log")
    p = sub.add_parser("summary")
    p.add_argument("runs_tsv")
    p.add_argument("outputs_tsv")
    p.add_argument("--md")
    a = ap.parse_args()
    if a.cmd == "parse-log":
        r = parse_log(a.log)
        if r is None:
            sys.exit("report.py: no 'site-gen wrote' / 'site-gen stages' lines in %s" % a.log)
        print(" ".join(map(str, r)))
    else:
        summary(a.runs_tsv, a.outputs_tsv, a.md)


if __name__ == "__main__":
    main()
