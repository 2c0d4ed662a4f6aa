import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Popover from '@mui/material/Popover';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';
import { acceptApiDocument } from '../../../shared/asyncapi/accept-document.ts';
import { exportApiDocument } from '../../../shared/asyncapi/export-document.ts';
import { removalSummaries } from '../../../shared/asyncapi/export-removals.ts';
import { EXPORT_FORMATS, EXPORT_PROFILES, EXPORT_VERSIONS, type ExportOptions } from '../../../shared/asyncapi/export-sse-api.ts';
import { exportFileName, downloadDocument } from './download.ts';
import { HtmlDocsButton } from '../docs/HtmlDocsButton.tsx';

const PROFILE_HELP: Record<ExportOptions['profile'], string> = {
  studio: 'The document as it is (only converted to the version asked); 3.x keeps its own send/receive.',
  clean: 'The same minus every x- extension and every secret, for sharing; 3.x operations say "send".',
  wso2: 'What WSO2 API Manager imports: production/sandbox servers with protocol sse, x-wso2-*; 3.x says "receive".',
};

/** Export the API in the editor (saved or not; the text is read when the menu opens) as YAML/JSON, AsyncAPI 3.0/2.6, in one of three profiles. */
export const ExportMenu = memo(function ExportMenu({ getText, fileName }: { getText: () => string; fileName: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [options, setOptions] = useState<ExportOptions>({ format: 'yaml', asyncapi: '3.0', profile: 'studio' });
  // The export transforms the document itself (never the forms' model), as `sse-studio export` does.
  const text = anchor ? getText() : undefined;
  const reading = text === undefined ? undefined : acceptApiDocument(text, fileName);
  const exported = text !== undefined && reading?.ok ? exportApiDocument(text, fileName, options) : undefined;
  const removals = reading?.ok ? removalSummaries(reading.data) : undefined;
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
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1, fontSize: '0.78rem' }}>
            {PROFILE_HELP[options.profile]}
          </Typography>
          {removals && (
            <Box data-testid="export-removals" sx={{ mb: 1.5, fontSize: '0.78rem' }}>
              {EXPORT_PROFILES.map((p) => (
                <Box key={p} data-testid={`export-removes-${p}`} sx={{ fontWeight: p === options.profile ? 600 : 400 }}>
                  {p}: removes {removals[p]}
                </Box>
              ))}
            </Box>
          )}
          {exported?.ok && exported.warnings.length > 0 && (
            <Alert severity="info" data-testid="export-warnings" sx={{ mb: 1.5, fontSize: '0.75rem' }}>
              {exported.warnings.slice(0, 3).map((w) => (
                <Box key={`${w.line}:${w.message}`}>{w.message}</Box>
              ))}
              {exported.warnings.length > 3 && <Box>…and {exported.warnings.length - 3} more.</Box>}
            </Alert>
          )}
          {reading && !reading.ok ? (
            <Alert severity="warning" data-testid="export-refused">
              Fix the document first: {reading.problems[0]?.message}
            </Alert>
          ) : exported && !exported.ok ? (
            <Alert severity="warning" data-testid="export-refused">
              {exported.problems[0]?.message}
            </Alert>
          ) : (
            <Button
              fullWidth
              variant="contained"
              data-testid="export-download"
              onClick={() => {
                if (!reading?.ok || !exported?.ok) return;
                downloadDocument(exported.text, exportFileName(reading.api.name, reading.api.version, options));
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
