//! HTTP(S) for `vitrine sync` (ureq with rustls): one agent with the network's User-Agent, a
//! timeout per request, a size limit enforced while reading, conditional requests
//! (`If-None-Match`, `If-Modified-Since`), redirects followed up to [`MAX_REDIRECTS`], http and
//! https only.

use std::time::Duration;
use ureq::ResponseExt;

/// Redirects followed before a fetch fails.
pub const MAX_REDIRECTS: u32 = 5;

/// Why a fetch failed, in words for the report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("HTTP {code} {reason}")]
    Status { code: u16, reason: String },
    #[error("larger than {0} bytes (max_bytes)")]
    TooLarge(u64),
    #[error("no complete answer within {0:?} (timeout_seconds)")]
    Timeout(Duration),
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    #[error("network error: {0}")]
    Network(String),
}

/// What the server validators of an earlier answer were, to ask "only if changed".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: the resource is as it was when the validators were given.
    NotModified,
    /// 2xx with its body.
    Body {
        bytes: Vec<u8>,
        /// `Content-Type`, lower-cased, without parameters.
        content_type: Option<String>,
        /// Validators to send next time.
        validators: Validators,
        /// The address the body came from, after redirects (relative links resolve against it).
        final_url: String,
    },
}

/// A configured HTTP client.
#[derive(Debug, Clone)]
pub struct Http {
    agent: ureq::Agent,
    timeout: Duration,
    max_bytes: u64,
}

impl Http {
    /// A client sending `user_agent`, giving up on a request after `timeout` (connecting and
    /// reading included) and on a body after `max_bytes`. Proxies come from the usual
    /// environment variables (`HTTPS_PROXY`, `NO_PROXY`…).
    pub fn new(user_agent: &str, timeout: Duration, max_bytes: u64) -> Http {
        let agent = ureq::Agent::config_builder()
            .user_agent(user_agent)
            .timeout_global(Some(timeout))
            .max_redirects(MAX_REDIRECTS)
            .http_status_as_error(false)
            .build()
            .new_agent();
        Http { agent, timeout, max_bytes }
    }

    /// GETs `url`, asking for a 304 when `validators` are given.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut req = self.agent.get(url).header("Accept", "application/json, text/html;q=0.9, application/xml;q=0.8, text/plain;q=0.8, */*;q=0.5");
        if let Some(etag) = &validators.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            req = req.header("If-Modified-Since", date);
        }
        let mut resp = req.call().map_err(|e| self.error(e))?;
        let status = resp.status();
        if status.as_u16() == 304 {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("").to_string();
            return Err(FetchError::Status { code: status.as_u16(), reason });
        }
        let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(|v| v.trim().to_string());
        if let Some(len) = header("content-length").and_then(|l| l.parse::<u64>().ok()) {
            if len > self.max_bytes {
                return Err(FetchError::TooLarge(self.max_bytes));
            }
        }
        let content_type = header("content-type")
            .map(|t| t.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty());
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let final_url = resp.get_uri().to_string();
        let bytes = resp.body_mut().with_config().limit(self.max_bytes).read_to_vec().map_err(|e| self.error(e))?;
        Ok(Fetched::Body { bytes, content_type, validators, final_url })
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.timeout),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.max_bytes),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
            ureq::Error::HostNotFound => FetchError::Network("host not found".into()),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout(self.timeout),
            ureq::Error::Io(io) => FetchError::Network(io.to_string()),
            other => FetchError::Network(other.to_string()),
        }
    }
}
