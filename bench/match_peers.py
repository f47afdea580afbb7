#!/usr/bin/env python3
"""The matcher's peers and the quality evaluation (see docs/BENCHMARKS.md).

    bench/match_peers.py labels DIR            writes DIR/labeled.jsonl
    bench/match_peers.py peers DIR [N [ONLY]]  SQLite FTS5 (trigram, bigram) and Xapian (CJK n-grams):
                                               build time, QPS, p50/p99, zero-result rate on
                                               DIR/queries.jsonl; their top 10 for the labeled set
    bench/match_peers.py quality DIR RUN.jsonl [NAME]
                                               NDCG@10, recall@10 and zero-result rate of batch
                                               output (jiuye match) on the labeled set

The labeled set: queries written the way county jobseekers write (colloquial
words, 驾驶员 for 司机, traditional characters, full-width letters, whole
sentences), each with the generator's job titles it asks for. A posting's
grade is 2 when its title (the generator's ground truth) is one the query
asks for, 1 when it is of the same family, 0 otherwise.
"""
import json
import math
import sqlite3
import sys
import time

FAMILIES = {
    "箱包": ["箱包车工", "裁床工", "箱包包装工", "临时包装工"],
    "化工": ["盐化操作工", "化工巡检员"],
    "制造": ["CNC操作工", "装配工", "普工", "质检员", "机修工", "电焊工", "电工"],
    "物流": ["叉车司机", "仓管员", "货车司机", "快递分拣员", "日结搬运工", "临时装卸工"],
    "电商": ["电商主播", "电商运营", "客服专员"],
    "服务": ["保洁", "保安", "钟点保洁", "临时保安", "厨师", "服务员", "红白喜事厨师", "护工", "活动礼仪",
           "临时促销员"],
    "办公": ["会计", "行政文员", "销售代表"],
    "建筑": ["钢筋工", "泥瓦工", "装修小工", "家电安装工"],
    "农业": ["农业技术员", "养殖工", "采摘工", "农忙帮工"],
}
FAMILY = {t: f for f, ts in FAMILIES.items() for t in ts}

# (query text, titles asked for)
LABELED = [
    ("想找开车的活", ["货车司机", "叉车司机"]),
    ("驾驶员", ["货车司机"]),
    ("B2驾照，跑县内配送", ["货车司机"]),
    ("司機", ["货车司机", "叉车司机"]),
    ("會開叉車", ["叉车司机"]),
    ("叉车工，有证", ["叉车司机"]),
    ("電焊工", ["电焊工"]),
    ("焊工", ["电焊工"]),
    ("会二保焊、氩弧焊", ["电焊工"]),
    ("ＣＮＣ操作", ["CNC操作工"]),
    ("ｃｎｃ", ["CNC操作工"]),
    ("数控车床", ["CNC操作工"]),
    ("普工/操作工", ["普工"]),
    ("進廠做普工", ["普工"]),
    ("流水线作业员", ["普工"]),
    ("看大门", ["保安", "临时保安"]),
    ("门卫", ["保安"]),
    ("保安員", ["保安", "临时保安"]),
    ("做饭", ["厨师", "红白喜事厨师"]),
    ("食堂厨师", ["厨师"]),
    ("会计", ["会计"]),
    ("财务", ["会计"]),
    ("出纳会计", ["会计"]),
    ("文员", ["行政文员"]),
    ("办公室文员", ["行政文员"]),
    ("打扫卫生", ["保洁", "钟点保洁"]),
    ("保潔阿姨", ["保洁", "钟点保洁"]),
    ("仓库管理员", ["仓管员"]),
    ("库管", ["仓管员"]),
    ("倉管", ["仓管员"]),
    ("搬运", ["日结搬运工", "临时装卸工"]),
    ("装卸工", ["临时装卸工", "日结搬运工"]),
    ("直播带货", ["电商主播"]),
    ("主播", ["电商主播"]),
    ("网店运营", ["电商运营"]),
    ("淘宝客服", ["客服专员"]),
    ("客服", ["客服专员"]),
    ("质检", ["质检员"]),
    ("品检", ["质检员"]),
    ("装配", ["装配工"]),
    ("电子厂装配", ["装配工"]),
    ("电工", ["电工"]),
    ("水电工", ["电工"]),
    ("机修", ["机修工"]),
    ("修机器", ["机修工"]),
    ("车位", ["箱包车工"]),
    ("箱包车位", ["箱包车工"]),
    ("针车", ["箱包车工"]),
    ("会踩缝纫机", ["箱包车工"]),
    ("裁剪", ["裁床工"]),
    ("裁床", ["裁床工"]),
    ("打包", ["箱包包装工", "临时包装工"]),
    ("包装工", ["箱包包装工", "临时包装工"]),
    ("化工操作", ["盐化操作工"]),
    ("盐化厂上班", ["盐化操作工", "化工巡检员"]),
    ("巡检", ["化工巡检员"]),
    ("护理老人", ["护工"]),
    ("护工", ["护工"]),
    ("服务员", ["服务员"]),
    ("端盘子", ["服务员"]),
    ("快递", ["快递分拣员"]),
    ("分拣", ["快递分拣员"]),
    ("钢筋", ["钢筋工"]),
    ("贴瓷砖", ["泥瓦工"]),
    ("泥水工", ["泥瓦工"]),
    ("种菜", ["农业技术员", "采摘工"]),
    ("养猪", ["养殖工"]),
    ("摘水果", ["采摘工"]),
    ("安装空调", ["家电安装工"]),
    ("促销员", ["临时促销员"]),
    ("礼仪", ["活动礼仪"]),
    ("销售", ["销售代表", "临时促销员"]),
    ("跑业务", ["销售代表"]),
]
TITLES_IN_WISHES = sorted({t for ts in FAMILIES.values() for t in ts}, key=len, reverse=True)
VARIANT = {"操作工": ["普工"], "焊工": ["电焊工"], "驾驶员": ["货车司机"], "箱包车位": ["箱包车工"],
           "普工/操作工": ["普工"], "电焊": ["电焊工"], "司机": ["货车司机", "叉车司机"], "仓库管理员": ["仓管员"],
           "文员": ["行政文员"], "主播": ["电商主播"], "ＣＮＣ": ["CNC操作工"], "保安员": ["保安"], "保洁员": ["保洁"]}


def sentences(dirname, n=200):
    """Whole wishes of the corpus's jobseekers whose job the generator's
    templates reveal (the wish term between the template's words)."""
    out = []
    with open(f"{dirname}/queries.jsonl") as f:
        for line in f:
            q = json.loads(line)
            t = q.get("text", "")
            asked = None
            if t.startswith("年纪大了"):
                asked = ["保洁", "保安"]
            elif t.startswith("会开叉车"):
                asked = ["叉车司机", "仓管员"]
            else:
                for title in TITLES_IN_WISHES:
                    if title in t:
                        asked = [title]
                        break
                if asked is None:
                    for v in sorted(VARIANT, key=len, reverse=True):
                        if v in t:
                            asked = VARIANT[v]
                            break
            if asked:
                out.append((t, asked))
            if len(out) >= n:
                break
    return out


def cmd_labels(dirname):
    with open(f"{dirname}/labeled.jsonl", "w") as f:
        for i, (text, asked) in enumerate(LABELED + sentences(dirname)):
            f.write(json.dumps({"id": f"L{i + 1}", "text": text, "asked": asked}, ensure_ascii=False) + "\n")


def load_postings(dirname):
    posts = []
    with open(f"{dirname}/postings.jsonl") as f:
        for line in f:
            posts.append(json.loads(line))
    return posts


def load_labeled(dirname):
    with open(f"{dirname}/labeled.jsonl") as f:
        return [json.loads(line) for line in f]


def grade(title, asked):
    if title in asked:
        return 2
    fams = {FAMILY.get(a) for a in asked}
    return 1 if FAMILY.get(title) in fams else 0


def evaluate(name, labeled, ranked, titles, counts):
    """ranked: query id -> list of posting ids (best first)."""
    ndcg = recall = 0.0
    zero = 0
    for q in labeled:
        ids = ranked.get(q["id"], [])[:10]
        if not ids:
            zero += 1
        dcg = sum((2 ** grade(titles[p], q["asked"]) - 1) / math.log2(i + 2) for i, p in enumerate(ids))
        # ideal: as many grade-2 postings as exist, then grade 1
        n2 = sum(counts.get(t, 0) for t in q["asked"])
        n1 = sum(c for t, c in counts.items() if t not in q["asked"] and grade(t, q["asked"]) == 1)
        ideal = [3] * min(10, n2) + [1] * max(0, min(10 - n2, n1))
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcg += dcg / idcg if idcg else 0.0
        rel = sum(1 for p in ids if grade(titles[p], q["asked"]) == 2)
        recall += rel / min(10, n2) if n2 else 0.0
    n = len(labeled)
    print(f"{name:28} NDCG@10 {ndcg / n:.3f}  recall@10 {recall / n:.3f}  zero-result {100.0 * zero / n:.1f} %"
          f"  ({n} labeled queries)")


def titles_of(posts):
    titles = {str(p["id"]): p.get("title", "") for p in posts}
    counts = {}
    for t in titles.values():
        counts[t] = counts.get(t, 0) + 1
    return titles, counts


def cmd_quality(dirname, run, name="libjiuye matcher"):
    posts = load_postings(dirname)
    titles, counts = titles_of(posts)
    ranked = {}
    with open(run) as f:
        for line in f:
            o = json.loads(line)
            ranked[str(o["query"])] = [str(r["posting"]) for r in o["results"]]
    evaluate(name, load_labeled(dirname), ranked, titles, counts)


# ---- peers ---------------------------------------------------------------------

def cjk(c):
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def bigrams(text):
    """What a site would pre-split for FTS5 unicode61: CJK bigrams (a lone
    character kept), other runs as words."""
    out, run, word = [], "", ""
    for c in text + " ":
        if cjk(c):
            if word:
                out.append(word)
                word = ""
            run += c
            continue
        if run:
            out.extend([run[i:i + 2] for i in range(len(run) - 1)] or [run])
            run = ""
        if c.isalnum():
            word += c
        elif word:
            out.append(word)
            word = ""
    return out


def fts_quote(t):
    return '"' + t.replace('"', '""') + '"'


def posting_text(p):
    return " ".join([p.get("title", ""), p.get("description", ""), " ".join(p.get("skills", []))])


def timed_queries(name, texts, search):
    lat, zero = [], 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for t in texts:
        s = time.perf_counter()
        n = len(search(t))
        lat.append(time.perf_counter() - s)
        zero += n == 0
    total = time.perf_counter() - t0
    ctotal = time.process_time() - c0
    lat.sort()
    print(f"{name:28} QPS {len(texts) / total:7.0f} (per CPU second {len(texts) / ctotal:.0f})  p50 {lat[len(lat) // 2] * 1e3:.3f} ms"
          f"  p99 {lat[int(len(lat) * 0.99)] * 1e3:.3f} ms  zero-result {100.0 * zero / len(texts):.1f} %"
          f"  ({len(texts)} queries)")


def cmd_peers(dirname, limit=20000, only=""):
    posts = load_postings(dirname)
    titles, counts = titles_of(posts)
    labeled = load_labeled(dirname)
    with open(f"{dirname}/queries.jsonl") as f:
        texts = [json.loads(line).get("text", "") for line in f][:limit]

    # SQLite FTS5, trigram tokenizer: the raw text, the query as an OR of its trigrams
    # (a site's "search box"); bm25 ranking.
    for variant in ("trigram", "bigram"):
        if only and only != variant:
            continue
        db = sqlite3.connect(":memory:")
        tok = "trigram" if variant == "trigram" else "unicode61"
        db.execute(f"CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, title, body, tokenize='{tok}')")
        t0 = time.perf_counter()
        with db:
            for p in posts:
                if variant == "trigram":
                    db.execute("INSERT INTO p VALUES (?, ?, ?)", (str(p["id"]), p.get("title", ""),
                                                                  posting_text(p)))
                else:
                    db.execute("INSERT INTO p VALUES (?, ?, ?)", (str(p["id"]), " ".join(bigrams(p.get("title", ""))),
                                                                  " ".join(bigrams(posting_text(p)))))
        build = time.perf_counter() - t0

        def terms(t):
            if variant == "trigram":
                s = "".join(c for c in t if not c.isspace())
                return [s[i:i + 3] for i in range(len(s) - 2)] if len(s) >= 3 else []
            return bigrams(t)

        def search(t, k=10):
            ts = list(dict.fromkeys(terms(t)))
            if not ts:
                return []
            q = " OR ".join(fts_quote(x) for x in ts)
            try:
                return [r[0] for r in db.execute(
                    "SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p, 0, 3.0, 1.0) LIMIT ?", (q, k))]
            except sqlite3.OperationalError:
                return []
        name = f"FTS5 {variant}"
        print(f"{name:28} build {build:.2f} s")
        if texts:
            timed_queries(name, texts, search)
        evaluate(name, labeled, {q["id"]: search(q["text"]) for q in labeled}, titles, counts)
        db.close()

    if only and only != "xapian":
        return
    try:
        import xapian
    except ImportError:
        print("Xapian: python3-xapian is not installed")
        return
    db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
    tg = xapian.TermGenerator()
    tg.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    t0 = time.perf_counter()
    for p in posts:
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(p.get("title", ""), 3)
        tg.index_text(posting_text(p))
        doc.set_data(str(p["id"]))
        db.add_document(doc)
    build = time.perf_counter() - t0
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_OR)
    enq = xapian.Enquire(db)

    def xsearch(t, k=10):
        q = qp.parse_query(t, xapian.QueryParser.FLAG_CJK_NGRAM | xapian.QueryParser.FLAG_DEFAULT)
        enq.set_query(q)
        return [m.document.get_data().decode() for m in enq.get_mset(0, k)]
    name = "Xapian CJK n-gram"
    print(f"{name:28} build {build:.2f} s")
    if texts:
        timed_queries(name, texts, xsearch)
    evaluate(name, labeled, {q["id"]: xsearch(q["text"]) for q in labeled}, titles, counts)


if __name__ == "__main__":
    cmd, d = sys.argv[1], sys.argv[2]
    if cmd == "labels":
        cmd_labels(d)
    elif cmd == "peers":
        cmd_peers(d, int(sys.argv[3]) if len(sys.argv) > 3 else 20000, sys.argv[4] if len(sys.argv) > 4 else "")
    elif cmd == "quality":
        cmd_quality(d, sys.argv[3], *(sys.argv[4:5]))
