import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A whole-window message for when the studio cannot start (no token, host unreachable). */
export function MessageScreen({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Paper variant="outlined" data-testid={testId} sx={{ p: 4, maxWidth: 560 }}>
        <Typography variant="h5" sx={{ mb: 1.5 }}>
          {title}
        </Typography>
        <Typography variant="body1" color="text.secondary" component="div">
          {children}
        </Typography>
      </Paper>
    </Box>
  );
}
