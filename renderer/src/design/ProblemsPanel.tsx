import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import type { ProblemRow } from '../editor/problem-list.ts';
import { MONO_FONT } from '../theme.ts';

const ICON = { error: '⨯', warning: '⚠', info: 'ℹ' } as const;
const COLOR = { error: 'error.main', warning: 'warning.main', info: 'secondary.main' } as const;
const SOURCE: Record<string, string> = { syntax: 'syntax', 'sse-api': 'SSE API', asyncapi: 'AsyncAPI', yaml: 'schema', json: 'schema' };

/** Every problem in the document: severity, message and line:col; a click puts the cursor there. */
export function ProblemsPanel({ rows, note, parser, onJump }: { rows: ProblemRow[]; note: string | undefined; parser: 'pending' | 'on' | 'off'; onJump(line: number, column: number): void }) {
  const errors = rows.filter((r) => r.severity === 'error').length;
  return (
    <Box data-testid="design-problems" data-parser={parser} sx={{ height: 150, flexShrink: 0, display: 'flex', flexDirection: 'column', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.default' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.25, py: 0.5, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="overline" color="text.secondary" sx={{ flex: 1 }}>
          Problems ({rows.length})
        </Typography>
        <Typography variant="caption" data-testid="design-problem-summary" color={errors ? 'error.main' : 'success.main'}>
          {errors ? `${errors} error${errors === 1 ? '' : 's'}` : rows.length ? 'no errors' : 'no problems'}
        </Typography>
      </Box>
      <Box sx={{ overflowY: 'auto', flex: 1 }}>
        {note && (
          <Typography variant="caption" color="text.secondary" data-testid="design-validation-note" sx={{ display: 'block', px: 1.25, py: 0.5 }}>
            {note}
          </Typography>
        )}
        {rows.map((r, i) => (
          <ButtonBase
            key={`${r.line}:${r.column}:${i}`}
            data-testid="design-problem"
            data-severity={r.severity}
            onClick={() => onJump(r.line, r.column)}
            sx={{ width: '100%', display: 'flex', alignItems: 'flex-start', gap: 1, px: 1.25, py: 0.4, textAlign: 'left', '&:hover': { bgcolor: 'action.hover' } }}
          >
            <Box component="span" aria-label={r.severity} sx={{ color: COLOR[r.severity], width: 14, flexShrink: 0, fontWeight: 700 }}>
              {ICON[r.severity]}
            </Box>
            <Typography component="span" variant="body2" sx={{ flex: 1, fontSize: '0.78rem' }}>
              {r.message}
              <Box component="span" sx={{ color: 'text.secondary', ml: 0.75, fontSize: '0.7rem' }}>
                {SOURCE[r.source] ?? r.source}
              </Box>
            </Typography>
            <Typography component="span" data-testid="design-problem-position" sx={{ fontFamily: MONO_FONT, fontSize: '0.72rem', color: 'text.secondary', flexShrink: 0 }}>
              {r.line}:{r.column}
            </Typography>
          </ButtonBase>
        ))}
      </Box>
    </Box>
  );
}
