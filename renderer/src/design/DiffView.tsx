import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { diffLines, type DiffRow } from './text-diff.ts';
import { MONO_FONT } from '../theme.ts';

const TINT: Record<DiffRow['kind'], { left: string; right: string }> = {
  same: { left: 'transparent', right: 'transparent' },
  removed: { left: 'rgba(255,107,107,0.16)', right: 'transparent' },
  added: { left: 'transparent', right: 'rgba(76,195,138,0.16)' },
  changed: { left: 'rgba(255,107,107,0.16)', right: 'rgba(76,195,138,0.16)' },
};

/** Two texts side by side, read-only, changed lines tinted. */
export function DiffView({ left, right, leftTitle, rightTitle }: { left: string; right: string; leftTitle: string; rightTitle: string }) {
  const rows = useMemo(() => diffLines(left, right), [left, right]);
  const cell = (side: 'left' | 'right', row: DiffRow) => {
    const line = row[side];
    return (
      <Box sx={{ display: 'flex', bgcolor: TINT[row.kind][side], minWidth: 0 }}>
        <Box component="span" sx={{ width: 40, flexShrink: 0, textAlign: 'right', pr: 1, color: 'text.secondary', userSelect: 'none' }}>
          {line?.line ?? ''}
        </Box>
        <Box component="span" sx={{ whiteSpace: 'pre', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {line?.text ?? ''}
        </Box>
      </Box>
    );
  };
  return (
    <Box data-testid="diff-view" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'auto', maxHeight: 420, fontFamily: MONO_FONT, fontSize: '0.74rem', lineHeight: 1.6 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', position: 'sticky', top: 0, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider', zIndex: 1 }}>
        <Typography variant="caption" sx={{ px: 1, py: 0.5, fontWeight: 600 }}>
          {leftTitle}
        </Typography>
        <Typography variant="caption" sx={{ px: 1, py: 0.5, fontWeight: 600, borderLeft: 1, borderColor: 'divider' }}>
          {rightTitle}
        </Typography>
      </Box>
      {rows.map((row, i) => (
        <Box key={i} data-kind={row.kind} sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}>
          {cell('left', row)}
          <Box sx={{ borderLeft: 1, borderColor: 'divider', minWidth: 0 }}>{cell('right', row)}</Box>
        </Box>
      ))}
    </Box>
  );
}
