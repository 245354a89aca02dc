//! schema.org `JobPosting` JSON-LD for an open offer, so search engines can read it.
