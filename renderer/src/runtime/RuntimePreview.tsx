import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { stringify } from 'yaml';
import type { CheckedForm } from './runtime-form.ts';
import { MONO_FONT } from '../theme.ts';

/** What Save will write into the API's file: the `x-gateway` block (the settings the user set, nothing else), read-only. */
export function previewText(checked: CheckedForm): string {
  if (!checked.ok) {
    const lines = Object.entries(checked.errors).map(([field, message]) => `#  - ${field}: ${message}`);
    return [`# Fix ${lines.length === 1 ? 'this setting' : `these ${lines.length} settings`} to see what will be written:`, ...lines].join('\n');
  }
  if (Object.keys(checked.block).length === 0) return '# Every setting is at its default:\n# the file gets no x-gateway block.';
  return stringify({ 'x-gateway': checked.block }, { lineWidth: 0 }).trimEnd();
}

export function RuntimePreview({ checked, file }: { checked: CheckedForm; file: string }) {
  return (
    <Box>
      <Typography variant="overline" color="text.secondary" component="div" sx={{ lineHeight: 1.6 }}>
        x-gateway preview
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" noWrap title={file} sx={{ mb: 0.75 }}>
        Written into <Box component="span" sx={{ fontFamily: MONO_FONT, color: 'text.primary' }}>{file}</Box>
      </Typography>
      <Box
        component="pre"
        data-testid="runtime-preview"
        aria-label="x-gateway block that Save writes"
        sx={{
          m: 0,
          p: 1.5,
          borderRadius: 1,
          border: 1,
          borderColor: checked.ok ? 'divider' : 'rgba(255,107,107,0.35)',
          bgcolor: 'background.default',
          color: checked.ok ? 'text.primary' : 'text.secondary',
          fontFamily: MONO_FONT,
          fontSize: '0.76rem',
          lineHeight: 1.55,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          maxHeight: 420,
          overflow: 'auto',
        }}
      >
        {previewText(checked)}
      </Box>
    </Box>
  );
}
