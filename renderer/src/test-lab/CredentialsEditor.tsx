import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CredentialRow } from '../viewer/subscribe-options.ts';
import { MONO_FONT } from '../theme.ts';
import { AddIcon, DeleteIcon } from '../widgets/icons.tsx';

/** Request headers and query parameters the viewer sends (API keys, Authorization ...), as an editable list. */
export function CredentialsEditor({
  rows,
  onChange,
  error,
  suggestion,
}: {
  rows: CredentialRow[];
  onChange: (rows: CredentialRow[]) => void;
  error?: { row?: number; message: string };
  suggestion?: { label: string; rows: CredentialRow[] };
}) {
  const set = (i: number, patch: Partial<CredentialRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Box data-testid="viewer-headers" sx={{ display: 'flex', flexDirection: 'column', gap: 1, width: '100%' }}>
      {rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No headers: the viewer sends only Accept, Cache-Control and Last-Event-ID.
        </Typography>
      )}
      {rows.map((row, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField select label="Sent as" value={row.in} onChange={(e) => set(i, { in: e.target.value as CredentialRow['in'] })} sx={{ width: 130, flexShrink: 0 }}>
            <MenuItem value="header">Header</MenuItem>
            <MenuItem value="query">Query param</MenuItem>
          </TextField>
          <TextField
            label="Name"
            value={row.name}
            onChange={(e) => set(i, { name: e.target.value })}
            error={error?.row === i}
            sx={{ width: 200, flexShrink: 0 }}
            slotProps={{ htmlInput: { 'data-testid': `viewer-header-name-${i}`, spellCheck: false, style: { fontFamily: MONO_FONT } } }}
          />
          <TextField
            label="Value"
            value={row.value}
            onChange={(e) => set(i, { value: e.target.value })}
            error={error?.row === i}
            helperText={error?.row === i ? error.message : undefined}
            slotProps={{ htmlInput: { 'data-testid': `viewer-header-value-${i}`, spellCheck: false, style: { fontFamily: MONO_FONT } } }}
          />
          <IconButton aria-label={`Remove ${row.name || 'this row'}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} sx={{ mt: 0.25 }}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button size="small" color="inherit" startIcon={<AddIcon />} data-testid="viewer-header-add" onClick={() => onChange([...rows, { name: '', value: '', in: 'header' }])}>
          Add header
        </Button>
        {suggestion && (
          <Button size="small" color="inherit" onClick={() => onChange(suggestion.rows)}>
            {suggestion.label}
          </Button>
        )}
      </Box>
    </Box>
  );
}
