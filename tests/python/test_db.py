"""jiuye.Database: opening and creating, the county it holds, schema versions,
transactions, closing (twice, use after close, iterators outliving it),
leaks, and threads."""
import gc
import os
import pathlib
import sqlite3
import threading
import weakref

import pytest

import jiuye
from jiuye import capi

import samples
from samples import D, JINCHUAN, ric, uscc

SANITIZED = bool(os.environ.get("JIUYE_SANITIZED"))
TINY_COUNTY = pathlib.Path(__file__).resolve().parents[1] / "data" / "county" / "tiny.json"


def enterprise_values(n):
    return {"name": f"新干县测试企业{n}有限公司", "credit_code": uscc(n), "township": "金川"}


# ---------------------------------------------------------------------------
# Opening

def test_memory_database():
    with jiuye.Database() as db:
        assert db.path == ":memory:" and not db.closed
        assert db.schema_version == capi.JY_DB_SCHEMA_VERSION
        assert not db.in_transaction
        assert "':memory:'" in repr(db) and "open" in repr(db)
        assert db.count("labor") == 0
    assert db.closed and "closed" in repr(db)


def test_memory_databases_are_private():
    with jiuye.Database() as a, jiuye.Database(":memory:") as b:
        a.add("enterprise", enterprise_values(1))
        assert a.count("enterprise") == 1 and b.count("enterprise") == 0


def test_county_view():
    db = jiuye.Database()
    county = db.county
    assert isinstance(county, jiuye.County)
    assert (county.code, county.name) == ("360824", "新干县")
    assert county.township("金川").code == JINCHUAN
    assert len(county.townships) == 17
    assert county.village("善政", township="金川").township.code == JINCHUAN
    with county as c:                      # closing the view does nothing
        assert c.name == "新干县"
    assert not county.closed and county.code == "360824"
    township = county.township("金川")
    db.close()
    assert county.closed and "closed" in repr(county)
    with pytest.raises(jiuye.InvalidError, match="closed"):
        county.township("金川")
    with pytest.raises(jiuye.InvalidError, match="closed"):
        county.name
    with pytest.raises(jiuye.InvalidError, match="closed"):
        db.county
    assert township.name == "金川镇"       # values stay valid


def test_county_view_keeps_working_while_the_database_lives():
    # The view holds the database object, not the other way round.
    county = jiuye.Database().county
    gc.collect()
    assert county.township("溧江").name == "溧江镇"


def test_file_created_and_reopened(tmp_path):
    path = tmp_path / "county.db"
    with pytest.raises(jiuye.NotFoundError, match="not found"):
        jiuye.Database(path, create=False)
    assert not path.exists()
    with jiuye.Database(path) as db:
        e = db.add("enterprise", enterprise_values(1))
        assert db.path == os.fspath(path)
    with jiuye.Database(str(path), create=False) as db:
        assert db.get("enterprise", e)["name"] == "新干县测试企业1有限公司"
    with jiuye.Database(os.fsencode(path)) as db:
        assert db.count("enterprise") == 1


def test_readonly(tmp_path):
    path = tmp_path / "county.db"
    with jiuye.Database(path) as db:
        db.add("enterprise", enterprise_values(1))
    with jiuye.Database(path, readonly=True) as db:
        assert db.count("enterprise") == 1
        with pytest.raises(jiuye.Error):
            db.add("enterprise", enterprise_values(2))
    with jiuye.Database(path) as db:
        assert db.count("enterprise") == 1
    with pytest.raises(jiuye.NotFoundError):
        jiuye.Database(tmp_path / "missing.db", readonly=True)


def test_county_file(tmp_path):
    with jiuye.Database(tmp_path / "tiny.db", county_file=TINY_COUNTY) as db:
        assert (db.county.code, db.county.name) == ("990101", "示例县")
        e = db.add("enterprise", {"name": "示例企业", "township": "东山"})
        assert db.get("enterprise", e)["township"] == "990101100"
        with pytest.raises(jiuye.InvalidError, match="no such township"):
            db.add("enterprise", {"name": "新干企业", "township": "金川"})
    # An existing file keeps its county; the option is ignored.
    with jiuye.Database(tmp_path / "tiny.db") as db:
        assert db.county.code == "990101"


def test_bad_county_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"county": ', encoding="utf-8")
    with pytest.raises(jiuye.Error):
        jiuye.Database(tmp_path / "x.db", county_file=bad)
    with pytest.raises(jiuye.Error):
        jiuye.Database(tmp_path / "y.db", county_file=tmp_path / "missing.json")


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "county.db"
    jiuye.Database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(jiuye.VersionError, match="schema version 99") as info:
        jiuye.Database(path)
    assert info.value.code == capi.JY_EVERSION
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()


def test_foreign_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(jiuye.StorageError, match="another application"):
        jiuye.Database(path)
    text = tmp_path / "text.db"
    text.write_text("not a database at all, " * 100)
    with pytest.raises(jiuye.StorageError):
        jiuye.Database(text)


def test_bad_arguments():
    with pytest.raises(TypeError):
        jiuye.Database(42)
    with pytest.raises(TypeError):
        jiuye.Database(busy_timeout_ms="5")
    with pytest.raises(TypeError):
        jiuye.Database(":memory:", True)          # options are keyword-only


# ---------------------------------------------------------------------------
# Transactions

def test_commit_and_rollback():
    with jiuye.Database() as db:
        db.begin()
        assert db.in_transaction
        db.add("enterprise", enterprise_values(1))
        db.commit()
        assert not db.in_transaction
        db.begin()
        db.add("enterprise", enterprise_values(2))
        assert db.count("enterprise") == 2           # visible inside the transaction
        db.rollback()
        assert db.count("enterprise") == 1
        with pytest.raises(jiuye.InvalidError, match="no transaction is open"):
            db.commit()
        with pytest.raises(jiuye.InvalidError, match="no transaction is open"):
            db.rollback()
        db.begin()
        with pytest.raises(jiuye.InvalidError, match="already open"):
            db.begin()
        db.rollback()


def test_transaction_block():
    with jiuye.Database() as db:
        with db.transaction() as same:
            assert same is db and db.in_transaction
            e = db.add("enterprise", enterprise_values(1))
            db.add("posting", {"enterprise_id": e, "title": "普工", "kind": "gig",
                               "published_on": D(2025, 3, 1)})
        assert not db.in_transaction and db.count("posting") == 1
        with pytest.raises(KeyError, match="boom"):
            with db.transaction():
                db.add("enterprise", enterprise_values(2))
                raise KeyError("boom")
        assert not db.in_transaction and db.count("enterprise") == 1
        # A rule broken inside the block: the library's error goes on, all is undone.
        with pytest.raises(jiuye.InvalidError, match="township"):
            with db.transaction():
                db.add("enterprise", enterprise_values(3))
                db.add("enterprise", {**enterprise_values(4), "township": "不存在镇"})
        assert db.count("enterprise") == 1


def test_optimize_keeps_every_record(tmp_path):
    path = tmp_path / "county.db"
    with jiuye.Database(path) as db:
        ids = [db.add("enterprise", enterprise_values(n)) for n in range(1, 201)]
        for i in ids[::2]:
            db.delete("enterprise", i)
        db.begin()
        with pytest.raises(jiuye.InvalidError, match="transaction"):
            db.optimize()
        db.rollback()
        db.optimize()
        assert db.count("enterprise") == 100
        assert db.get("enterprise", ids[1])["name"] == enterprise_values(2)["name"]
    with jiuye.Database(path, readonly=True) as db:
        with pytest.raises(jiuye.InvalidError, match="read-only"):
            db.optimize()


def test_closing_rolls_back(tmp_path):
    path = tmp_path / "county.db"
    db = jiuye.Database(path)
    db.begin()
    db.add("enterprise", enterprise_values(1))
    db.close()
    with jiuye.Database(path) as db:
        assert db.count("enterprise") == 0


def test_busy(tmp_path):
    path = tmp_path / "county.db"
    with jiuye.Database(path) as a, jiuye.Database(path, busy_timeout_ms=50) as b:
        a.begin()
        a.add("enterprise", enterprise_values(1))
        with pytest.raises(jiuye.BusyError) as info:
            b.add("enterprise", enterprise_values(2))
        assert isinstance(info.value, TimeoutError)
        with pytest.raises(jiuye.BusyError):
            b.begin()
        assert not b.in_transaction
        assert b.count("enterprise") == 0          # readers are not blocked (WAL)
        a.commit()
        b.add("enterprise", enterprise_values(2))
        assert a.count("enterprise") == 2


# ---------------------------------------------------------------------------
# Closing

def test_close_twice_and_use_after_close():
    db = jiuye.Database()
    e = db.add("enterprise", enterprise_values(1))
    db.close()
    db.close()
    assert db.closed
    calls = [
        lambda: db.add("enterprise", enterprise_values(2)),
        lambda: db.save("enterprise", enterprise_values(2)),
        lambda: db.check("enterprise", enterprise_values(2)),
        lambda: db.get("enterprise", e),
        lambda: db.update("enterprise", e, {"staff_count": 1}),
        lambda: db.replace("enterprise", e, {"name": "x"}),
        lambda: db.delete("enterprise", e),
        lambda: db.records("enterprise"),
        lambda: db.count("enterprise"),
        lambda: db.begin(),
        lambda: db.commit(),
        lambda: db.rollback(),
        lambda: db.schema_version,
        lambda: db.county,
        lambda: db.export_text(),
        lambda: db.import_text(""),
        lambda: db.__enter__(),
    ]
    for call in calls:
        with pytest.raises(jiuye.InvalidError, match="the database is closed"):
            call()


def test_iterator_after_close_raises():
    db = jiuye.Database()
    for n in range(5):
        db.add("enterprise", enterprise_values(n))
    it = db.records("enterprise")
    assert next(it)["id"] == 1
    fresh = db.records("enterprise")              # opened, never read
    db.close()
    for i in (it, fresh):
        with pytest.raises(jiuye.InvalidError, match="closed"):
            next(i)
        with pytest.raises(jiuye.InvalidError):
            list(i)
        i.close()
        i.close()
    assert list(it) == []                         # closed by hand: exhausted


def test_iterator_keeps_the_database_alive():
    def records():
        db = jiuye.Database()
        for n in range(3):
            db.add("enterprise", enterprise_values(n))
        return db.records("enterprise"), weakref.ref(db)

    it, ref = records()
    gc.collect()
    assert ref() is not None
    assert [r["id"] for r in it] == [1, 2, 3]
    assert list(it) == []                         # exhausted stays exhausted
    del it
    gc.collect()
    assert ref() is None                          # then the database goes


def test_iterators_close_early_and_are_freed():
    with jiuye.Database() as db:
        for n in range(10):
            db.add("enterprise", enterprise_values(n))
        with db.records("enterprise") as it:
            assert next(it)["id"] == 1
            assert it.kind is jiuye.Kind.ENTERPRISE and "enterprise" in repr(it)
        with pytest.raises(StopIteration):
            next(it)
        assert "closed" in repr(it)
        many = [db.records("enterprise") for _ in range(50)]
        assert all(next(i)["id"] == 1 for i in many)
        assert len(db._iters) == 50
        del many
        gc.collect()
        assert len(db._iters) == 0                # freed with their objects
        assert sum(1 for _ in db.records("enterprise")) == 10
        assert len(db._iters) == 0                # and when exhausted
        with pytest.raises(TypeError):
            jiuye.Records()


def test_writes_while_iterating():
    with jiuye.Database() as db:
        for n in range(5):
            db.add("enterprise", enterprise_values(n))
        seen = []
        for r in db.records("enterprise"):
            seen.append(r["id"])
            db.update("enterprise", r["id"], {"staff_count": r["id"]})
        assert seen == [1, 2, 3, 4, 5]
        assert [r["staff_count"] for r in db.records("enterprise")] == [1, 2, 3, 4, 5]


def test_iterator_dropped_while_the_database_is_busy():
    # An iterator finalized while its database is in a call (here: inside an
    # import's callback, on the same thread) is freed when the call ends.
    with jiuye.Database() as db:
        db.add("enterprise", enterprise_values(1))
        box = [db.records("enterprise")]
        next(box[0])

        def on_reject(reject):
            box.clear()                           # the iterator's __del__ runs here
            gc.collect()

        result = db.import_text('{"type": "enterprise"}\n', mode="keep_good", on_reject=on_reject)
        assert result.rejected == 1
        assert len(db._iters) == 0 and db._dead == []


def test_callbacks_cannot_use_their_database():
    with jiuye.Database() as db:
        def on_reject(reject):
            db.count("enterprise")

        with pytest.raises(jiuye.InvalidError, match="busy with a call of this thread"):
            db.import_text('{"type": "enterprise"}\n', mode="keep_good", on_reject=on_reject)

        def close_it(reject):
            db.close()

        with pytest.raises(jiuye.InvalidError, match="cannot be closed by a callback"):
            db.import_text('{"type": "enterprise"}\n', mode="keep_good", on_reject=close_it)
        assert db.count("enterprise") == 0        # still usable


def test_garbage_collected_database_is_closed(tmp_path):
    path = tmp_path / "county.db"
    db = jiuye.Database(path)
    db.begin()
    db.add("enterprise", enterprise_values(1))
    it = db.records("enterprise")
    del db, it                                   # rolled back and closed, iterator first
    gc.collect()
    with jiuye.Database(path) as again:
        again.begin()                            # the write lock is free
        assert again.count("enterprise") == 0
        again.rollback()


# ---------------------------------------------------------------------------
# Leaks

def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def assert_flat(churn, iterations, slack_kib):
    churn(iterations // 10)
    gc.collect()
    before = rss_kib()
    churn(iterations)
    gc.collect()
    grown = rss_kib() - before
    assert grown < slack_kib, f"RSS grew by {grown} KiB over {iterations} iterations"


@pytest.mark.skipif(SANITIZED, reason="RSS is meaningless under a sanitizer")
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_records_do_not_leak():
    db = jiuye.Database()
    village = samples.village_code(db)
    e = db.add("enterprise", enterprise_values(1))

    def churn(n):
        for i in range(n):
            values = {"id_number": ric(D(1990, 1, 1), i % 1000), "name": "测试", "township": "金川",
                      "village": village, "skills": ["电工", "焊工"], "surveyed_on": D(2025, 8, 1)}
            l = db.add("labor", values)
            got = db.get("labor", l)
            assert got["village"] == village
            db.update("enterprise", e, {"staff_count": i % 100})   # (labor would keep history)
            db.check("labor", got)
            for bad in ({"name": "x"}, {**values, "id_number": "1"}, {"nmae": 1}):
                try:
                    db.add("labor", bad)
                except jiuye.Error:
                    pass
            assert db.count("labor", township=JINCHUAN) == 1
            for r in db.records("posting", enterprise_id=e):
                pass
            it = db.records("labor")
            next(it)
            del it
            db.delete("labor", l)

    # A leaked record is hundreds of bytes: 5000 iterations would be megabytes.
    assert_flat(churn, 5000, slack_kib=3072)
    db.close()


@pytest.mark.skipif(SANITIZED, reason="RSS is meaningless under a sanitizer")
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_databases_do_not_leak():
    def churn(n):
        for i in range(n):
            db = jiuye.Database()
            db.add("enterprise", enterprise_values(i))
            it = db.records("enterprise")
            if i % 2:
                db.close()
                try:
                    next(it)
                except jiuye.InvalidError:
                    pass
            else:
                db.county.township("金川")

    # A leaked database (schema, statements, county) is hundreds of KiB.
    assert_flat(churn, 1000, slack_kib=4096)


# ---------------------------------------------------------------------------
# Threads

def test_one_database_per_thread_on_a_shared_file(tmp_path):
    path = tmp_path / "county.db"
    jiuye.Database(path).close()
    threads, per_thread, batch = 4, 60, 10
    errors = []

    def work(t):
        try:
            with jiuye.Database(path, busy_timeout_ms=20000) as db:
                for start in range(0, per_thread, batch):
                    with db.transaction():    # holds the write lock: others wait
                        for i in range(start, start + batch):
                            db.add("enterprise", enterprise_values(t * 1000 + i))
                    assert db.count("enterprise") >= start + batch
                    list(db.records("enterprise", township="金川"))
        except BaseException as e:            # reported by the main thread
            errors.append(e)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert not errors, errors
    with jiuye.Database(path) as db:
        assert db.count("enterprise") == threads * per_thread


def test_one_database_shared_by_threads():
    # Calls on one Database wait for each other; nothing crashes, nothing is lost.
    db = jiuye.Database()
    errors = []

    def work(t):
        try:
            for i in range(100):
                e = db.add("enterprise", enterprise_values(t * 1000 + i))
                assert db.get("enterprise", e)["credit_code"] == uscc(t * 1000 + i)
                sum(1 for _ in db.records("enterprise"))
        except BaseException as e:
            errors.append(e)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert not errors, errors
    assert db.count("enterprise") == 400
    db.close()


def test_close_while_other_threads_iterate():
    db = jiuye.Database()
    with db.transaction():
        for n in range(300):
            db.add("enterprise", enterprise_values(n))
    started = threading.Barrier(5)
    outcomes = []

    def reader():
        started.wait()
        try:
            while True:
                for _ in db.records("enterprise"):
                    pass
        except jiuye.InvalidError as e:
            outcomes.append(str(e))
        except BaseException as e:
            outcomes.append(e)

    workers = [threading.Thread(target=reader) for _ in range(4)]
    for w in workers:
        w.start()
    started.wait()
    db.close()
    for w in workers:
        w.join(60)
    assert len(outcomes) == 4
    assert all(isinstance(o, str) and "closed" in o for o in outcomes), outcomes
