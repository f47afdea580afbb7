"""API misuse through the bindings: closed and half-made objects, double
close, None where a value is needed, the raw SWIG layer given NULLs. Each
gives a clear exception (InvalidError for misuse), never a crash."""
import pytest

import jiuye
from jiuye import capi


def test_database_double_close_and_use_after_close(tmp_path):
    db = jiuye.Database(str(tmp_path / "x.db"))
    db.add("enterprise", {"name": "某企业"})
    records = db.records("enterprise")
    county = db.county
    db.close()
    db.close()  # a second close does nothing
    assert db.closed
    calls = [
        lambda: db.schema_version,
        lambda: db.begin(),
        lambda: db.commit(),
        lambda: db.rollback(),
        lambda: db.add("enterprise", {"name": "另一企业"}),
        lambda: db.save("enterprise", {"name": "另一企业"}),
        lambda: db.check("enterprise", {"name": "另一企业"}),
        lambda: db.get("enterprise", 1),
        lambda: db.update("enterprise", 1, {"notes": "x"}),
        lambda: db.delete("enterprise", 1),
        lambda: db.count("enterprise"),
        lambda: list(db.records("enterprise")),
        lambda: db.import_text('{"type":"enterprise","name":"某"}\n'),
        lambda: db.export_text("enterprise"),
        lambda: county.code,
        lambda: county.township("金川镇"),
    ]
    for call in calls:
        with pytest.raises(jiuye.InvalidError, match="closed"):
            call()
    # An iterator of a closed database ends or refuses, it never reads freed memory.
    with pytest.raises((jiuye.InvalidError, StopIteration)):
        next(records)
    records.close()
    records.close()


def test_context_manager_then_close_again():
    with jiuye.Database() as db:
        pass
    db.close()
    with pytest.raises(jiuye.InvalidError, match="closed"):
        db.count("labor")


def test_county_double_close():
    county = jiuye.County.default()
    county.close()
    county.close()
    with pytest.raises(jiuye.InvalidError, match="closed"):
        county.townships


def test_failed_open_leaves_nothing_usable(tmp_path):
    with pytest.raises(jiuye.Error) as e:
        jiuye.Database(str(tmp_path / "no-such-dir" / "x.db"))
    assert str(e.value)
    not_a_db = tmp_path / "text.db"
    not_a_db.write_bytes(b"this is not a database, just some text" * 100)
    with pytest.raises(jiuye.StorageError):
        jiuye.Database(str(not_a_db))
    assert not_a_db.read_bytes().startswith(b"this is not a database")


def test_none_arguments_are_clear_errors():
    with jiuye.Database() as db:
        for call in [
            lambda: db.add(None, {"name": "x"}),
            lambda: db.add("enterprise", None),
            lambda: db.save("no_such_kind", {}),
            lambda: db.get("enterprise", None),
            lambda: db.count(None),
            lambda: db.import_text(None),
            lambda: db.import_file(None),
        ]:
            with pytest.raises((jiuye.Error, TypeError, ValueError)) as e:
                call()
            assert str(e.value)


def test_raw_layer_null_handles():
    """The SWIG functions themselves, given None for handles and strings."""
    for call in [
        lambda: capi.jy_db_begin(None),
        lambda: capi.jy_db_commit(None),
        lambda: capi.jy_db_rollback(None),
        lambda: capi.jy_db_schema_version(None),
        lambda: capi.jy_ledger_get(None, capi.JY_KIND_LABOR, 1),
        lambda: capi.jy_ledger_delete(None, capi.JY_KIND_LABOR, 1),
        lambda: capi.jy_id_parse(None),
        lambda: capi.jy_uscc_parse(None),
        lambda: capi.jy_phone_parse(None),
        lambda: capi.jy_date_parse(None),
        # a bad argument before the options: their clean-up must not run on
        # callbacks never set up (was a segmentation fault)
        lambda: capi.jy_import_buffer(None, None, None),
        lambda: capi.jy_import_buffer(None, None, {"on_reject": print}),
        lambda: capi.jy_import_file(None, None, None),
        lambda: capi.jy_import_buffer(None, b"{}", None),
    ]:
        with pytest.raises((jiuye.Error, TypeError, ValueError)) as e:
            call()
        assert str(e.value)


def test_key_without_encryption_is_refused(tmp_path):
    path = tmp_path / "secret.db"
    try:
        jiuye.Database(str(path), key="口令").close()
    except jiuye.InvalidError as e:  # a build without SQLCipher
        assert "JY_WITH_SQLCIPHER" in str(e)
        assert not path.exists()
