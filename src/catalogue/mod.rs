//! Records → searchable index; `Query` → `Results` (ordered ids + facet counts).
