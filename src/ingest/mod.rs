//! Raw posting text → `Posting` records (filled in by the ingest work).
