"""The DuckDB store: schema and migrations (db), batch writer and pipeline stage (writer),
cross-article event merging (merge), the query API (queries), synthetic data (synthetic)."""

from dyadline.store.db import DEFAULT_DB, Store, StoreError

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
