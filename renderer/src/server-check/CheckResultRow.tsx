import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CheckResult, CheckStatus } from '../../../shared/model/server-check.ts';

const COLORS: Record<CheckStatus, 'success' | 'warning' | 'error' | 'default'> = { pass: 'success', warn: 'warning', fail: 'error', unknown: 'default' };

/** One check of the report: status, title, summary; a click shows the evidence. */
export function CheckResultRow({ check }: { check: CheckResult }) {
  const [open, setOpen] = useState(check.status === 'fail');
  const evidence = check.evidence.filter((e) => e !== check.summary);
  return (
    <Box data-testid={`check-${check.id}`} data-status={check.status} sx={{ borderBottom: 1, borderColor: 'divider', py: 1 }}>
      <Box
        role="button"
        tabIndex={0}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setOpen(!open)}
        sx={{ display: 'grid', gridTemplateColumns: '86px 190px minmax(0, 1fr)', alignItems: 'baseline', gap: 1.5, cursor: evidence.length ? 'pointer' : 'default' }}
      >
        <Chip size="small" label={check.status.toUpperCase()} color={COLORS[check.status]} variant={check.status === 'unknown' ? 'outlined' : 'filled'} sx={{ fontWeight: 700 }} />
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {check.title}
        </Typography>
        <Typography variant="body2" data-testid={`check-${check.id}-summary`}>
          {check.summary}
        </Typography>
      </Box>
      {evidence.length > 0 && (
        <Collapse in={open}>
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: '300px', color: 'text.secondary', fontSize: '0.8rem' }}>
            {evidence.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </Box>
        </Collapse>
      )}
    </Box>
  );
}
