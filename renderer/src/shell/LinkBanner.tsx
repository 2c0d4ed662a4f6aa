import Alert from '@mui/material/Alert';
import type { LinkState } from '../studio/link-state.ts';

/** Says so when the page has lost the host, instead of letting buttons fail one by one. */
export function LinkBanner({ link }: { link: LinkState }) {
  if (link === 'offline') {
    return (
      <Alert severity="warning" variant="filled" square data-testid="link-banner">
        Lost the connection to the SSE Studio host. Reconnecting… (is <code>sse-studio serve</code> still running?)
      </Alert>
    );
  }
  if (link === 'unauthorized') {
    return (
      <Alert severity="error" variant="filled" square data-testid="link-banner">
        The host refused this page&apos;s token. Open the UI address that <code>sse-studio serve</code> printed (it ends in #token=…).
      </Alert>
    );
  }
  return null;
}
