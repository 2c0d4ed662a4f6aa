import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A titled group of settings with a one-line "what this is for". */
export function FormSection({ title, description, testId, children }: { title: string; description: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={`${testId}-title`} data-testid={testId} sx={{ py: 2.5, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0, pt: 0.5 } }}>
      <Typography variant="subtitle2" component="h3" id={`${testId}-title`}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 640 }}>
        {description}
      </Typography>
      {children}
    </Box>
  );
}

/** Fields side by side, wrapping on narrow windows. */
export function FieldRow({ children, min = 200 }: { children: ReactNode; min?: number }) {
  return <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`, columnGap: 2, rowGap: 2 }}>{children}</Box>;
}
