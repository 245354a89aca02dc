//! Feeds: lenient decoding of offer data (keeps good records, names bad ones) and merging of several sources.
