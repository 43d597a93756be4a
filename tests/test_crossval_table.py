"""The cross-validation table keeps rows of configs that were not re-run."""
from bot.evaluation.crossval import merge, table

ROW = {"config": "a", "intent_macro_f1": 0.9, "intent_accuracy": 0.91, "minutes": 3.0, "examples": 100, "date": "2026-12-07"}


def test_merge_replaces_same_config_and_keeps_others():
    old = table([ROW, dict(ROW, config="b", intent_macro_f1=0.5)])
    new = merge(old, [dict(ROW, intent_macro_f1=0.95)])
    lines = new.splitlines()
    assert len(lines) == 4
    assert "| a | 0.950 |" in lines[2]
    assert "| b | 0.500 |" in lines[3]


def test_merge_into_empty_file_and_old_format_rows_are_dropped():
    old_format = "| config | intent macro-F1 | intent accuracy | entity macro-F1 | minutes |\n|---|---|---|---|---|\n| x | 0.1 | 0.1 | - | 1 |"
    new = merge(old_format, [ROW])
    assert "| x |" not in new
    assert new.splitlines()[2].startswith("| a | 0.900 | 0.910 | - | 3.0 | 100 | 2026-12-07 |")
