import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ProjectProblem } from '../../../shared/api/contract.ts';
import { MONO_FONT } from '../theme.ts';

/** Files in the project that could not be read as APIs: `file:line:column: message`; a click opens the file. */
export function ProblemList({ problems, selectedId, onOpen }: { problems: ProjectProblem[]; selectedId?: string | undefined; onOpen?: (file: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <Box data-testid="problem-list" sx={{ px: 1.5, py: 1 }}>
      <Typography variant="overline" color="warning.main" sx={{ px: 0.5 }}>
        Problems ({problems.length})
      </Typography>
      {problems.map((p, i) => (
        <Alert
          key={`${p.file}:${p.line ?? 0}:${i}`}
          severity="warning"
          data-testid="problem-item"
          data-file={p.file}
          role={onOpen && !p.file.includes(', ') ? 'button' : undefined}
          tabIndex={onOpen && !p.file.includes(', ') ? 0 : undefined}
          title={onOpen && !p.file.includes(', ') ? 'Open this file in the Design page' : undefined}
          onClick={onOpen && !p.file.includes(', ') ? () => onOpen(p.file) : undefined}
          onKeyDown={(e) => e.key === 'Enter' && onOpen && !p.file.includes(', ') && onOpen(p.file)}
          sx={{
            mb: 0.75,
            py: 0,
            '& .MuiAlert-message': { overflow: 'hidden' },
            cursor: onOpen && !p.file.includes(', ') ? 'pointer' : 'default',
            outline: p.file === selectedId ? 1 : 0,
            outlineColor: 'warning.main',
          }}
        >
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
