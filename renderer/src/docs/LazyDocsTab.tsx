import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { lazy, Suspense, type ComponentProps } from 'react';

// The Docs tab (the AsyncAPI reader and exporter with it) loads when first opened: the main chunk stays lean.
const DocsTab = lazy(() => import('./DocsTab.tsx').then((m) => ({ default: m.DocsTab })));

export function LazyDocsTab(props: ComponentProps<typeof DocsTab>) {
  return (
    <Suspense
      fallback={
        <Box sx={{ display: 'grid', placeItems: 'center', height: 200 }}>
          <CircularProgress size={28} aria-label="Loading the Docs tab" />
        </Box>
      }
    >
      <DocsTab {...props} />
    </Suspense>
  );
}
