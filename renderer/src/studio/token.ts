/**
 * Web mode's per-run token. `sse-studio serve` prints `http://127.0.0.1:PORT/#token=...`: the
 * fragment never reaches a server or its logs. The page keeps the token in sessionStorage (so a reload
 * works and it dies with the tab) and removes it from the address bar so it is not bookmarked or shared.
 */
const STORAGE_KEY = 'sse-studio.token';

/** `#token=abc&x=1` -> `abc`; undefined when the fragment has no token. */
export function tokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token ? token : undefined;
}

/** Reads the token from the fragment (then stores it and cleans the URL) or from sessionStorage. */
export function takeToken(location: Location, history: History, storage: Storage): string | undefined {
  const fromHash = tokenFromHash(location.hash);
  if (fromHash) {
    storage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(STORAGE_KEY) ?? undefined;
}
