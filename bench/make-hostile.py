#!/usr/bin/env python3
"""Writes the bench's hostile inputs into OUT: three texts that used to hang the layout, a state
file of ENTRIES articles (as the reader writes it), and an export of IMPORT entries to import.

    make-hostile.py OUT --entries 100000 --import 250000

The texts: 200,000 ZWJ emoji sequences on one line; one million one-letter paragraphs; 2 MB of
CJK closing marks, which UAX #14 gives no break opportunity between. Deterministic."""
import argparse
import json
import os


def texts(out):
    zwj = "\U0001F469\u200D\U0001F4BB"  # woman technologist: 11 bytes
    with open(os.path.join(out, "zwj.txt"), "w", encoding="utf-8") as f:
        f.write("Emoji\n\n" + zwj * 200_000 + "\n")
    with open(os.path.join(out, "paragraphs.txt"), "w", encoding="utf-8") as f:
        f.write("a\n\n" * 1_000_000)
    with open(os.path.join(out, "unbreakable.txt"), "w", encoding="utf-8") as f:
        f.write("CJK\n\n" + "\u3002" * 700_000 + "\n")


def entries(count, salt):
    for n in range(count):
        key = "%016x" % ((n * 0x9E3779B97F4A7C15 + salt) & 0xFFFFFFFFFFFFFFFF)
        yield key, {"path": "archive/%04d/article-%06d.txt" % (n // 1000, n), "read": n % 3 == 0,
                    "readAt": 1_700_000_000.5 + n, "bookmarked": n % 17 == 0, "bookmarkedAt": 1_700_000_000.5,
                    "position": n % 5000, "positionAt": 1_700_000_000.5}


def state(path, count, salt):
    articles = dict(entries(count, salt))
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"articles": articles, "version": 1}, f, indent=2, sort_keys=True, separators=(",", " : "))
        f.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--import", dest="imported", type=int, default=250_000)
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, "state"), exist_ok=True)
    texts(args.out)
    state(os.path.join(args.out, "state", "state.json"), args.entries, 1)
    state(os.path.join(args.out, "export.json"), args.imported, 2)


if __name__ == "__main__":
    main()
