import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Popover from '@mui/material/Popover';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';
import { EXPORT_FORMATS, EXPORT_PROFILES, EXPORT_VERSIONS, exportSseApi, type ExportOptions } from '../../../shared/asyncapi/export-sse-api.ts';
import { readApiText } from '../../../shared/asyncapi/import-sse-api.ts';
import { exportFileName, downloadDocument } from './download.ts';
import { HtmlDocsButton } from '../docs/HtmlDocsButton.tsx';

const PROFILE_HELP: Record<ExportOptions['profile'], string> = {
  studio: 'Everything, with SSE Studio settings (x-context, x-gateway): imports back without loss.',
  clean: 'Plain AsyncAPI: every x- extension removed, no gateway secrets. For sharing.',
  wso2: 'What WSO2 API Manager reads for an SSE API (x-wso2-* extensions, sse server).',
};

/** Export the API in the editor (saved or not; the text is read when the menu opens) as YAML/JSON, AsyncAPI 3.0/2.6, in one of three profiles. */
export const ExportMenu = memo(function ExportMenu({ getText, fileName }: { getText: () => string; fileName: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [options, setOptions] = useState<ExportOptions>({ format: 'yaml', asyncapi: '3.0', profile: 'studio' });
  const reading = anchor ? readApiText(getText(), fileName, { fallbackEndpoint: false }) : undefined;
  const set = <K extends keyof ExportOptions>(key: K) => (_: unknown, value: ExportOptions[K] | null) => value && setOptions((o) => ({ ...o, [key]: value }));
  const group = <K extends keyof ExportOptions>(key: K, label: string, values: readonly ExportOptions[K][], show: (v: ExportOptions[K]) => string) => (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="overline" color="text.secondary" sx={{ display: 'block' }}>
        {label}
      </Typography>
      <ToggleButtonGroup exclusive size="small" value={options[key]} onChange={set(key)} aria-label={label}>
        {values.map((v) => (
          <ToggleButton key={String(v)} value={v as string} data-testid={`export-${key}-${String(v)}`} sx={{ px: 1.5, py: 0.25 }}>
            {show(v)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
  return (
    <>
      <Button size="small" variant="outlined" color="inherit" data-testid="export-button" onClick={(e) => setAnchor(e.currentTarget)}>
        Export…
      </Button>
      <Popover open={Boolean(anchor)} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box data-testid="export-menu" sx={{ p: 2, width: 340 }}>
          {group('format', 'Format', EXPORT_FORMATS, (v) => v.toUpperCase())}
          {group('asyncapi', 'AsyncAPI', EXPORT_VERSIONS, (v) => v)}
          {group('profile', 'Profile', EXPORT_PROFILES, (v) => v)}
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, fontSize: '0.78rem' }}>
            {PROFILE_HELP[options.profile]}
          </Typography>
          {reading && !reading.ok ? (
            <Alert severity="warning" data-testid="export-refused">
              Fix the document first: {reading.problems[0]?.message}
            </Alert>
          ) : (
            <Button
              fullWidth
              variant="contained"
              data-testid="export-download"
              onClick={() => {
                if (!reading?.ok) return;
                downloadDocument(exportSseApi(reading.api, options), exportFileName(reading.api.name, reading.api.version, options));
                setAnchor(null);
              }}
            >
              Download
            </Button>
          )}
          {reading?.ok && <HtmlDocsButton fullWidth getText={getText} fileName={fileName} onDone={() => setAnchor(null)} />}
        </Box>
      </Popover>
    </>
  );
});
