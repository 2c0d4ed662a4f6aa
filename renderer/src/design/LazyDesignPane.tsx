import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { lazy, Suspense, type ComponentProps } from 'react';

// The Design page (forms, YAML writer, Monaco glue) loads when first opened: the main chunk stays lean.
const DesignPane = lazy(() => import('./DesignPane.tsx').then((m) => ({ default: m.DesignPane })));

export function LazyDesignPane(props: ComponentProps<typeof DesignPane>) {
  return (
    <Suspense
      fallback={
        <Box sx={{ display: 'grid', placeItems: 'center', height: 200 }}>
          <CircularProgress size={28} aria-label="Loading the Design page" />
        </Box>
      }
    >
      <DesignPane {...props} />
    </Suspense>
  );
}
