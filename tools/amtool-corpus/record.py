#!/usr/bin/env python3
"""Record the amtool golden corpus (python3 stdlib only).

Runs `amtool config routes test [--config.file=<tree>] <args...>` for every case in
cases.json and writes one JSON object per line to
cli/src/test/resources/amtool-corpus/expected.jsonl:

  {"tree": "trees/07-nested-continue.yml", "args": [...], "exit": 0, "stdout": "...", "stderr": "..."}

It also records `amtool config routes show --config.file=<tree>` for every tree into
expected-show.jsonl (same schema, args always []), because the `routes show` tree
format is the basis of the `--tree` format.

Determinism: cases run sequentially with cwd = the corpus directory (tree paths and
error messages are relative), stdin = /dev/null, and a minimal environment whose HOME
is an empty temporary directory (amtool reads $HOME/.config/amtool/config.yml, which
could otherwise inject flag defaults).  /etc/amtool/config.yml must not exist.

Usage: record.py [--check] [--amtool PATH]
  --check   record into memory and compare with the files on disk; exit 1 on drift.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(REPO, "cli", "src", "test", "resources", "amtool-corpus")
CASES = os.path.join(HERE, "cases.json")
EXPECTED = os.path.join(CORPUS, "expected.jsonl")
EXPECTED_SHOW = os.path.join(CORPUS, "expected-show.jsonl")
WANT_VERSION = "amtool, version 0.25.0 "


def run(amtool, argv, home):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8", "TZ": "UTC"}
    p = subprocess.run([amtool] + argv, cwd=CORPUS, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def readable(s):
    """Keep non-ASCII text readable but escape invisible/confusable characters (e.g. the
    NO-BREAK SPACEs that treeprint emits, U+2028, KELVIN SIGN) as \\uXXXX.  Only affects
    the JSON spelling, never the decoded value."""
    return "".join(
        c if c == " " or (unicodedata.category(c)[0] not in "ZC" and c != "\u212a") else "\\u%04x" % ord(c)
        for c in s)


def line(tree, args, code, out, err):
    obj = {"tree": tree, "args": args, "exit": code, "stdout": out, "stderr": err}
    return readable(json.dumps(obj, ensure_ascii=False, separators=(",", ":"))) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--amtool", default="amtool")
    opts = ap.parse_args()

    if os.path.exists("/etc/amtool/config.yml"):
        sys.exit("refusing to record: /etc/amtool/config.yml exists and would change amtool defaults")

    with tempfile.TemporaryDirectory(prefix="amtool-home-") as home:
        code, out, err = run(opts.amtool, ["--version"], home)
        if not (out + err).startswith(WANT_VERSION):
            sys.exit("need amtool 0.25.0, got: %r" % (out + err)[:120])

        with open(CASES, encoding="utf-8") as f:
            groups = json.load(f)["groups"]

        trees_on_disk = sorted("trees/" + n for n in os.listdir(os.path.join(CORPUS, "trees")) if n.endswith(".yml"))
        referenced = {g["tree"] for g in groups}
        unused = [t for t in trees_on_disk if t not in referenced]
        if unused:
            sys.exit("trees without cases: %s" % unused)

        seen = set()
        test_lines = []
        for g in groups:
            tree = g["tree"]
            for args in g["cases"]:
                key = (tree, tuple(args))
                if key in seen:
                    sys.exit("duplicate case: %r" % (key,))
                seen.add(key)
                argv = ["config", "routes", "test"]
                if tree is not None:
                    argv.append("--config.file=" + tree)
                code, out, err = run(opts.amtool, argv + list(args), home)
                test_lines.append(line(tree, list(args), code, out, err))

        show_lines = []
        for tree in trees_on_disk:
            code, out, err = run(opts.amtool, ["config", "routes", "show", "--config.file=" + tree], home)
            show_lines.append(line(tree, [], code, out, err))

    results = [(EXPECTED, "".join(test_lines)), (EXPECTED_SHOW, "".join(show_lines))]
    if opts.check:
        drift = False
        for path, content in results:
            with open(path, encoding="utf-8") as f:
                old = f.read()
            if old != content:
                drift = True
                old_l, new_l = old.splitlines(), content.splitlines()
                for i, (a, b) in enumerate(zip(old_l, new_l)):
                    if a != b:
                        print("%s:%d differs\n  old: %s\n  new: %s" % (os.path.basename(path), i + 1, a[:300], b[:300]))
                        break
                if len(old_l) != len(new_l):
                    print("%s: %d lines on disk, %d recorded" % (os.path.basename(path), len(old_l), len(new_l)))
        if drift:
            sys.exit(1)
        print("OK: corpus is up to date (%d test cases, %d show cases)" % (len(test_lines), len(show_lines)))
        return

    for path, content in results:
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
        os.replace(tmp, path)
    print("wrote %d cases to %s" % (len(test_lines), os.path.relpath(EXPECTED, REPO)))
    print("wrote %d cases to %s" % (len(show_lines), os.path.relpath(EXPECTED_SHOW, REPO)))


if __name__ == "__main__":
    main()
