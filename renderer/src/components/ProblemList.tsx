import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ProjectProblem } from '../../../shared/api/contract.ts';
import { MONO_FONT } from '../theme.ts';

/** Files in the project that could not be read as APIs: `file:line:column: message`. */
export function ProblemList({ problems }: { problems: ProjectProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Box data-testid="problem-list" sx={{ px: 1.5, py: 1 }}>
      <Typography variant="overline" color="warning.main" sx={{ px: 0.5 }}>
        Problems ({problems.length})
      </Typography>
      {problems.map((p, i) => (
        <Alert key={`${p.file}:${p.line ?? 0}:${i}`} severity="warning" data-testid="problem-item" sx={{ mb: 0.75, py: 0, '& .MuiAlert-message': { overflow: 'hidden' } }}>
          <Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: '0.72rem', wordBreak: 'break-all' }}>
            {p.file}
            {p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}
          </Box>
          <Typography variant="body2" sx={{ fontSize: '0.78rem' }}>
            {p.message}
          </Typography>
        </Alert>
      ))}
    </Box>
  );
}
