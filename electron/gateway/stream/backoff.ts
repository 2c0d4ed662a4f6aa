/** Delays between the gateway's reconnects to a backend: doubling from MIN to MAX. */
export const MIN_BACKOFF_MS = 250;
export const MAX_BACKOFF_MS = 5_000;
/** The `retry:` hint for clients held through an outage when the API sets none. */
export const OUTAGE_RETRY_MS = 1_000;
