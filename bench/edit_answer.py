#!/usr/bin/env python3
"""Helper of bench/run.sh and serve_latency.py: edits the first answer of a topic file in place.

    edit_answer.py FILE MARK

Puts [MARK] (a few words, such as "edit 3") at the start of the first answer written as a block
(`answer: |-` then indented lines), replacing the mark an earlier call put there. Only that answer
changes, so a build with the cache renders only that topic again.
"""
import re
import sys


def edit(path, mark):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    edited, n = re.subn(r"(answer: \|-?\n +)(?:\[[^\]\n]*\] )?", lambda m: m.group(1) + "[" + mark + "] ", text, count=1)
    if n != 1:
        sys.exit("edit_answer.py: no block answer in " + path)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(edited)


if __name__ == "__main__":
    edit(sys.argv[1], sys.argv[2])
