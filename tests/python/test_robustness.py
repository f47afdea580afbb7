"""Leaks and threads: many objects created and dropped, lookups from several
threads at once, a county closed while other threads use it."""
import datetime
import gc
import os
import sys
import threading

import pytest

import jiuye

SANITIZED = bool(os.environ.get("JIUYE_SANITIZED"))


def rss_kib():
    """Resident set size of this process, from /proc/self/statm."""
    with open("/proc/self/statm") as f:
        resident_pages = int(f.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") // 1024


def assert_flat(churn, iterations, slack_kib):
    """Runs `churn` once to warm up, then `iterations` times; RSS must stay put."""
    churn(iterations // 10)
    gc.collect()
    before = rss_kib()
    churn(iterations)
    gc.collect()
    grown = rss_kib() - before
    assert grown < slack_kib, f"RSS grew by {grown} KiB over {iterations} iterations"


def county_churn(n):
    for i in range(n):
        c = jiuye.County.default()
        t = c.township("金川")
        v = c.village("湄湘", township=t)
        assert v.township == t and len(t.villages) == 19
        try:
            c.village("庙前")
        except jiuye.AmbiguousError:
            pass
        try:
            c.township("不存在镇")
        except jiuye.NotFoundError:
            pass
        if i % 2:
            c.close()
            c.close()
        if i % 100 == 0:
            assert len(c.townships if not c.closed else jiuye.County.default().townships) == 17


@pytest.mark.skipif(SANITIZED, reason="RSS is meaningless under a sanitizer")
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_county_objects_do_not_leak():
    # A leaked profile is tens of KiB: 20000 of them would be hundreds of MiB.
    assert_flat(county_churn, 20000, slack_kib=4096)


def validator_churn(n):
    for _ in range(n):
        jiuye.parse_id("11010519491231002X")
        jiuye.parse_credit_code("91350100M000100Y43")
        jiuye.parse_phone("+86 138-0013-8000")
        jiuye.normalize("ＣＮＣ数控①")                      # allocated by the library
        jiuye.region_name("360824")
        for bad, call in (("36042619910102009X", jiuye.parse_id),
                          ("1101051949123100\ud8002X", jiuye.parse_id),
                          ("12800138000", jiuye.parse_phone),
                          (b"ab\xff", jiuye.utf8_check),
                          ('{"county": ', jiuye.County.from_json),
                          ("999999", jiuye.region_name)):
            try:
                call(bad)
            except jiuye.Error:
                pass


@pytest.mark.skipif(SANITIZED, reason="RSS is meaningless under a sanitizer")
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_validators_and_exceptions_do_not_leak():
    assert_flat(validator_churn, 20000, slack_kib=2048)


@pytest.fixture
def fast_switching():
    """Makes the interpreter switch threads often, to mix the calls up."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def run_threads(target, count, *args):
    errors = []

    def guarded(k):
        try:
            target(k, *args)
        except BaseException as e:       # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(k,)) for k in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
        assert not t.is_alive()
    if errors:
        raise errors[0]


def lookups(k, county, rounds):
    for i in range(rounds):
        assert county.township("金川").code == "360824100"
        assert county.township("麦斜镇").code == "360824104"
        assert county.village("庙前", township="潭丘乡").code == "360824203208"
        assert county.village("湄湘").township.name == "金川镇"
        try:
            county.village("湖田")
            raise AssertionError("湖田 is ambiguous")
        except jiuye.AmbiguousError as e:
            assert "湖田" in str(e)
        # Each thread sees its own last error, message and details.
        if (i + k) % 2:
            try:
                jiuye.parse_phone("12800138000")
            except jiuye.InvalidError as e:
                assert (e.reason, e.position) == ("network", 2)
                assert "mobile" in str(e)
        else:
            try:
                jiuye.parse_id("36042619910102009X")
            except jiuye.InvalidError as e:
                assert (e.reason, e.position) == ("checksum", 18)
                assert "resident ID" in str(e)
        assert jiuye.parse_id("11010519491231002X").birth == datetime.date(1949, 12, 31)


def test_threads_share_one_county(county, fast_switching):
    run_threads(lookups, 8, county, 500)


def test_threads_each_with_their_own_county(fast_switching):
    def own(k):
        for _ in range(50):
            with jiuye.County.default() as c:
                lookups(k, c, 5)
    run_threads(own, 8)


def test_close_while_other_threads_look_up(fast_switching):
    for _ in range(20):
        county = jiuye.County.default()
        started = threading.Barrier(5)

        def user(k):
            started.wait()
            while True:
                try:
                    assert county.township("金川").name == "金川镇"
                    assert len(county.townships) == 17
                except jiuye.InvalidError as e:
                    assert "closed" in str(e)
                    return

        closer = threading.Thread(target=lambda: (started.wait(), county.close()))
        closer.start()
        run_threads(user, 4)
        closer.join()
        assert county.closed
