#!/usr/bin/env python3
"""Turns jiuye-gen output into the matcher benchmark corpus.

    jiuye-gen --scale 2.5 --stdout | bench/match_corpus.py OUTDIR [--seekers 20000]

writes OUTDIR/postings.jsonl (50 000 postings, ids 1..N in generator order,
the fields of docs/formats.md "Matcher input"), OUTDIR/queries.jsonl (the
first N jobseekers as matcher queries: wishes, skills, township, salary,
age, education) and OUTDIR/labeled.jsonl (the labeled set: see
bench/match_labels.py).
"""
import json
import sys

POSTING_FIELDS = ("title", "description", "skills", "township", "salary_min", "salary_max",
                  "age_min", "age_max", "education", "kind", "headcount", "published_on")
# closed_on is left out: every posting is open, the worst case of the push (20 000 x 50 000).


def main():
    out = sys.argv[1]
    seekers = 20000
    if "--seekers" in sys.argv:
        seekers = int(sys.argv[sys.argv.index("--seekers") + 1])
    np = nq = 0
    ent = {}
    with open(f"{out}/postings.jsonl", "w") as fp, open(f"{out}/queries.jsonl", "w") as fq:
        for line in sys.stdin:
            if '"type": "enterprise"' in line:
                r = json.loads(line)
                ent[len(ent) + 1] = r.get("name")
                continue
            if '"type": "posting"' in line:
                r = json.loads(line)
                np += 1
                p = {"id": np}
                p.update({k: r[k] for k in POSTING_FIELDS if k in r})
                if r.get("enterprise_id") in ent:
                    p["enterprise"] = ent[r["enterprise_id"]]
                fp.write(json.dumps(p, ensure_ascii=False) + "\n")
            elif '"type": "jobseeker"' in line and nq < seekers:
                r = json.loads(line)
                nq += 1
                q = {"id": nq, "text": r.get("wishes", "")}
                for src, dst in (("skills", "skills"), ("township", "township"), ("salary_wish", "salary_min"),
                                 ("age", "age"), ("education", "education")):
                    if src in r:
                        q[dst] = r[src]
                fq.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{np} postings, {nq} queries", file=sys.stderr)


if __name__ == "__main__":
    main()
