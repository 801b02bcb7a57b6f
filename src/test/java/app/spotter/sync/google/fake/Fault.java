package app.spotter.sync.google.fake;

/** Misbehaviour the fake can be told to show for its next Calendar API requests. */
public enum Fault {
    /** 403 with reason rateLimitExceeded, as Google reports per-user limits. */
    RATE_LIMIT_403,
    /** 429 Too Many Requests with Retry-After. */
    TOO_MANY_REQUESTS_429,
    /** 401 authError, as for a token Google no longer honours even though it was just issued. */
    UNAUTHORIZED_401,
    /** 500 backendError. */
    SERVER_ERROR_500,
    /** Apply the request, then cut the connection halfway through the answer (a lost response). */
    APPLY_THEN_DROP
}
