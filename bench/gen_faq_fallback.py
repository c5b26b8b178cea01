#!/usr/bin/env python3
"""Fallback FAQ dataset generator, used by run.sh only when ../shared/bench/gen_faq.py is absent.

Same command line and the same shape of data as the peer benchmark's gen_faq.py, but not the same
words, so its figures are comparable in size, not byte for byte:

    python3 gen_faq_fallback.py --questions N --out DIR [--seed 42] [--peers hugo]

* T = N / 20 topics (at least 1), questions spread evenly (the first N % T topics get one more);
  topics ordered by slug; Hugo's `weight` = 1-based rank in that order.
* topic: title "Product: Area Aspect" and a 3-sentence summary;
* question: ~12 words (9-15), a slug id unique within its topic (`-2`, `-3` on repeats);
* answer: 60-120 words of Markdown, always exactly one **bold**, a 3-5 item list in ~30 %, a link in
  ~35 % (half to another topic page `/topics/<slug>/`, half to an external https URL).

Layouts written (same as gen_faq.py):
    DIR/content/<slug>.yaml                   title, summary, questions: [{id, question, answer}]
    DIR/hugo/content/topics/<slug>.md         the same as YAML front matter, plus weight
    DIR/MANIFEST                              questions=, topics=, seed=
Stdlib only; the same arguments always give byte-identical files.
"""
import argparse
import os
import random
import re
import shutil
import sys

PRODUCTS = ["Nimbus Drive", "Nimbus Mail", "Nimbus Chat", "Nimbus Docs", "Nimbus Notes",
            "Nimbus Photos", "Nimbus Meet", "Nimbus Tasks", "Nimbus Forms", "Nimbus Pay"]
AREAS = ["Account", "Billing", "Checkout", "Receipts", "Membership", "Safety", "Passkeys",
         "Sign-In", "Groups", "Spaces", "Boards", "Attachments", "Albums", "Links", "Snapshots",
         "Recovery", "Exports", "Imports", "Connectors", "Developer API", "Callbacks", "Alerts",
         "Inbox", "Scheduling", "Phone App", "Laptop App", "Extensions", "Quota", "Transfers",
         "Search", "Insights", "Home Screen", "Sharing Rules", "Admin Roles", "Activity Log",
         "Federation", "Custom Domains", "Seats", "Trials", "Localization"]
ASPECTS = ["Overview", "Settings", "Limits", "Problems", "Error Codes", "Good Habits", "Setup",
           "Moving Data", "Administration", "Rules", "Choices", "Release Notes", "Allowances",
           "Timeline", "Fixes", "Tuning", "Support Matrix", "Prerequisites", "Costs", "Access"]
ASK = ["How can I {v} {o} {c}?", "Is there a way to {v} {o} {c} today?",
       "What should I do if I cannot {v} {o} {c}?", "What changes after I {v} {o} {c}?",
       "Can an admin {v} {o} for me {c}?", "Does it cost extra to {v} {o} {c}?",
       "How quickly can I {v} {o} {c}?", "Which menu lets me {v} {o} {c}?"]
VERBS = ["rename", "remove", "restore", "replace", "rotate", "pause", "resume", "approve",
         "reject", "duplicate", "publish", "hide", "pin", "unpin", "mute", "sort", "filter",
         "tag", "assign", "reassign", "close", "reopen", "convert", "sign", "print"]
OBJECTS = ["my login email", "the card on file", "a monthly receipt", "a team album",
           "the group space", "my passkey", "a developer token", "a callback URL",
           "the current seat count", "an archived board", "the activity log", "a guest role",
           "the upload limit", "last week's snapshot", "my alert rules", "a vanity domain",
           "the default currency", "a scheduled export", "my avatar", "a trashed note",
           "the offline folder", "a shared link", "the compliance report", "my recovery codes"]
CONDS = ["from my phone", "as a regular member", "once the trial is over", "for everyone in the group",
         "in the browser", "with no internet connection", "before the renewal date",
         "on a borrowed laptop", "for just one board", "after a name change", "when federation is on",
         "in another country", "while a transfer runs", "for items older than a year",
         "through the API", "across several devices", "without breaking links", "for outside guests",
         "on the basic tier", "from a locked-down network"]
WHO = ["The space owner", "Every admin", "Your customer success contact", "The service",
       "Each member", "The finance contact", "A board lead", "The help desk", "The desktop client",
       "The browser extension", "The phone app"]
DOES = ["can undo the change", "keeps a backup for a month", "emails a receipt",
        "switches to the new value at once", "adds an entry to the activity log",
        "checks your role before it continues", "warns you before deleting anything",
        "handles the request in the background", "refreshes every signed-in device",
        "lets the rest of the group know", "asks for your passkey again",
        "keeps the earlier version around", "tries again if something fails",
        "keeps your data in the region you picked"]
WHEN = ["most of the time", "on paid tiers", "unless an admin turned it off", "within minutes",
        "while you stay signed in", "if the request checks out", "for groups of more than ten",
        "on every platform we support", "after the nightly maintenance", "when your company allows it"]
FIRST = ["Open {u} and pick {p}.", "Head to {u} and select {p}.", "Sign in, go to {u}, then choose {p}.",
         "From {u}, tap {p}."]
UI = ["Preferences", "Your profile", "the admin area", "the payments screen", "the board menu",
      "the share sheet", "the safety tab", "the connectors page", "the account page", "the quota view"]
PICK = ["Manage", "Edit", "More options", "Download data", "Passkeys", "Alerts", "People",
        "Cards", "Retention", "Devices"]
BOLD = ["Save", "Confirm", "Apply everywhere", "Send invite", "Download", "Turn on",
        "Revoke", "Begin export", "Check now", "Keep both"]
STEPS = ["Open Preferences", "Pick the item to change", "Look over the summary",
         "Confirm with your passkey", "Wait for the email", "Reload the page", "Check the activity log",
         "Sign out and back in", "Pick a destination", "Choose the dates", "Type the new value",
         "Accept the terms"]
LINKS = ["the help pages", "the admin handbook", "the developer docs", "our status page",
         "the trust center", "the pricing page", "the moving guide"]
SUMMARY = ["This page gathers frequent questions about {t}.",
           "Admins and members will find answers about {t} here.",
           "Unless noted, the answers apply to every tier.",
           "Some settings are only shown to space owners.",
           "The phone app may look a little different.",
           "If something is missing, write to the help desk.",
           "We review these answers every quarter.",
           "Examples use the browser, but other apps work the same way."]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def nwords(text):
    return len(text.split())


def question(rng):
    while True:
        q = rng.choice(ASK).format(v=rng.choice(VERBS), o=rng.choice(OBJECTS), c=rng.choice(CONDS))
        if 9 <= nwords(q) <= 15:
            return q


def answer(rng, slugs):
    target = rng.randint(60, 120)
    with_list = rng.random() < 0.30
    with_link = rng.random() < 0.35
    head = [rng.choice(FIRST).format(u=rng.choice(UI), p=rng.choice(PICK)),
            "Then select **%s** to finish." % rng.choice(BOLD)]
    items = ["- " + s for s in rng.sample(STEPS, rng.randint(3, 5))] if with_list else []
    link = ""
    if with_link:
        if rng.random() < 0.5:
            link = "See also [this topic](/topics/%s/)." % rng.choice(slugs)
        else:
            t = rng.choice(LINKS)
            link = "More in [%s](https://help.example.org/%s)." % (t, slugify(t))
    count = sum(map(nwords, head)) + sum(map(nwords, items)) + nwords(link)
    filler = []
    while True:
        s = "%s %s %s." % (rng.choice(WHO), rng.choice(DOES), rng.choice(WHEN))
        if count >= 60 and count + nwords(s) > target:
            break
        filler.append(s)
        count += nwords(s)
    cut = max(1, len(filler) // 2)
    blocks = [" ".join(head + filler[:cut])]
    if items:
        blocks.append("\n".join(items))
    tail = " ".join(filler[cut:] + ([link] if link else []))
    if tail:
        blocks.append(tail)
    return "\n\n".join(blocks)


def dataset(n, seed):
    rng = random.Random(seed)
    t = max(1, n // 20)
    combos = [(p, a, s) for p in PRODUCTS for a in AREAS for s in ASPECTS]
    if t > len(combos):
        sys.exit("gen_faq_fallback.py: at most %d topics (%d questions)" % (len(combos), 20 * len(combos)))
    topics = [{"title": "%s: %s %s" % c} for c in rng.sample(combos, t)]
    for tp in topics:
        tp["slug"] = slugify(tp["title"])
    topics.sort(key=lambda tp: tp["slug"])
    slugs = [tp["slug"] for tp in topics]
    base, extra = divmod(n, t)
    for i, tp in enumerate(topics):
        tp["weight"] = i + 1
        product, rest = tp["title"].split(": ")
        subject = "%s in %s" % (rest.lower(), product)
        tp["summary"] = " ".join([rng.choice(SUMMARY[:2]).format(t=subject)] + rng.sample(SUMMARY[2:], 2))
        used, qs = set(), []
        for _ in range(base + (1 if i < extra else 0)):
            q = question(rng)
            qid = "-".join(slugify(q).split("-")[:9])
            cand, k = qid, 2
            while cand in used:
                cand, k = "%s-%d" % (qid, k), k + 1
            used.add(cand)
            qs.append({"id": cand, "question": q, "answer": answer(rng, slugs)})
        tp["questions"] = qs
    return topics


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_text(tp, weight=False):
    out = ["title: " + quoted(tp["title"])]
    if weight:
        out.append("weight: %d" % tp["weight"])
    out += ["summary: " + quoted(tp["summary"]), "questions:"]
    for q in tp["questions"]:
        out.append("  - id: " + q["id"])
        out.append("    question: " + quoted(q["question"]))
        out.append("    answer: |-\n" + "\n".join(("      " + ln) if ln else "" for ln in q["answer"].split("\n")))
    return "\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", "-q", type=int, required=True)
    ap.add_argument("--out", "-o", required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--peers", default="hugo", help="comma list; only 'hugo' is supported (empty: neutral only)")
    a = ap.parse_args()
    peers = [p for p in a.peers.split(",") if p]
    if set(peers) - {"hugo"}:
        sys.exit("gen_faq_fallback.py: only the hugo layout is supported")
    topics = dataset(a.questions, a.seed)
    for sub in ["content"] + peers:
        shutil.rmtree(os.path.join(a.out, sub), ignore_errors=True)
    for tp in topics:
        write(os.path.join(a.out, "content", tp["slug"] + ".yaml"), yaml_text(tp))
        if "hugo" in peers:
            write(os.path.join(a.out, "hugo", "content", "topics", tp["slug"] + ".md"),
                  "---\n" + yaml_text(tp, weight=True) + "---\n")
    nq = sum(len(tp["questions"]) for tp in topics)
    words = [nwords(q["answer"]) for tp in topics for q in tp["questions"]]
    write(os.path.join(a.out, "MANIFEST"), "questions=%d\ntopics=%d\nseed=%d\ngenerator=gen_faq_fallback.py\n"
          % (nq, len(topics), a.seed))
    print("wrote %d topics, %d questions (answer words min/avg/max %d/%d/%d) to %s"
          % (len(topics), nq, min(words), sum(words) // len(words), max(words), a.out))


if __name__ == "__main__":
    main()
