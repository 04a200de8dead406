"""Exports of stored events (csv, parquet, jsonl, PLOVER JSON, GDELT-like TSV); see formats.py."""

from dyadline.export.formats import FORMATS, export_events

__all__ = ["FORMATS", "export_events"]
