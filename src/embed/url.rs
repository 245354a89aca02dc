//! The widget state in the host page URL: read and write only the widget’s own query parameters.
