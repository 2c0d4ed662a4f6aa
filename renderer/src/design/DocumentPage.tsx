import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ProjectProblem } from '../../../shared/api/contract.ts';
import { LazyDesignPane } from './LazyDesignPane.tsx';

/** A project file that is not a servable SSE API (yet): its Design page, to fix it. */
export function DocumentPage({ id, problems }: { id: string; problems: ProjectProblem[] }) {
  return (
    <Paper variant="outlined" data-testid="document-page" sx={{ p: 2.5 }}>
      <Typography variant="h5" sx={{ mb: 0.5 }}>
        {id}
      </Typography>
      <Typography variant="body2" color="warning.main" sx={{ mb: 2 }}>
        {problems.length ? `Not an SSE API yet: ${problems[0]?.message ?? ''}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}` : 'Not an SSE API yet.'}
      </Typography>
      <LazyDesignPane documentId={id} active />
    </Paper>
  );
}
