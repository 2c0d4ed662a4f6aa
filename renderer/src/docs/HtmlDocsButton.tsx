import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { downloadText } from '../viewer/download.ts';
import { htmlDocsFile } from './build-docs.ts';

/**
 * Downloads the document's HTML docs: one self-contained file from its clean export (no `x-`
 * setting, no secret), with this host's gateway URLs. Used by the Export menu and the Docs tab.
 */
export function HtmlDocsButton({ getText, fileName, api, onDone, fullWidth }: { getText: () => string; fileName: string; api?: Pick<ApiSummary, 'endpoint' | 'endpointInUse'>; onDone?: () => void; fullWidth?: boolean }) {
  const { host } = useStudio();
  const [error, setError] = useState<string>();
  const download = () => {
    const file = htmlDocsFile(getText(), fileName, { http: host.gatewayUrl, https: host.gatewayHttpsUrl }, `SSE Studio ${host.appVersion}`, api ? { declared: api.endpoint, inUse: api.endpointInUse } : undefined);
    if (!file.ok) {
      setError(file.problems[0]?.message ?? 'The document does not read as an SSE API.');
      return;
    }
    setError(undefined);
    downloadText(file.name, file.html, 'text/html');
    onDone?.();
  };
  return (
    <>
      <Button size="small" variant="outlined" fullWidth={fullWidth} data-testid="export-html-docs" onClick={download} sx={{ mt: fullWidth ? 1 : 0, flexShrink: 0 }}>
        HTML docs
      </Button>
      {error && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </>
  );
}
