"""Disagreements rule by rule, under the page verdicts of ``bench_agreement.py``.

A page both sides fail can still hide a rule of ours that fails where the reference's
rules it mirrors do not (a rule-level false alarm): on a page with nothing else wrong it
is a false alarm. And a reference rule that fails where no rule of ours that mirrors it
does is a rule-level miss. Per suite, the counts by rule::

    python bench/rule_agreement.py SUITES --suite ibm2 [--suite act] [--show] [--misses] \
        [--src PATH]

``--show`` names the pages of the rule-level false alarms (``--misses``: of the misses
too), as ``--details`` does in ``bench_agreement.py``: the tuned half only, unless
``--held-out`` is given; never for a suite that is never opened.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# bench_agreement reads --src from the command line before it imports newsformats
import bench_agreement as bench

from newsformats.checks.registry import all_rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("suites", type=Path)
    parser.add_argument("--suite", action="append", required=True)
    parser.add_argument("--show", action="store_true", help="name the pages (tuned half)")
    parser.add_argument("--misses", action="store_true", help="…of the misses too")
    parser.add_argument("--held-out", action="store_true", help="…of the held-out half too")
    parser.add_argument("--src", type=Path, help="check with the newsformats package under SRC")
    args = parser.parse_args()
    mirrors = {r.id: set(r.mirrors) for r in all_rules()}
    for suite in args.suite:
        false_alarms: Counter[str] = Counter()
        misses: Counter[str] = Counter()
        for v in bench.judge(suite, args.suites / suite, False):
            show = args.show and suite not in bench.NEVER_OPENED
            show = show and (args.held_out or not v.held_out or suite in bench.UNSEEN)
            reference = set(v.reference_rules)
            ours: set[str] = set()
            for rule_id in v.our_rules:
                ours |= mirrors.get(rule_id, set())
                if not mirrors.get(rule_id, set()) & reference:
                    false_alarms[rule_id] += 1
                    if show:
                        print(f"{suite} rule false alarm {rule_id}: {v.file}: {sorted(reference)}")
            for rule_id in sorted(reference - ours):
                misses[rule_id] += 1
                if show and args.misses:
                    print(f"{suite} rule miss {rule_id}: {v.file}: ours {v.our_rules}")
        print(f"{suite}: rule-level false alarms {dict(false_alarms.most_common())}")
        print(f"{suite}: rule-level misses {dict(misses.most_common())}")


if __name__ == "__main__":
    main()
