import { lazy, Suspense, type ComponentProps } from 'react';

// The import dialog brings the AsyncAPI importer and exporter: loaded when first opened.
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

export function LazyImportDialog(props: ComponentProps<typeof ImportDialog>) {
  return (
    <Suspense fallback={null}>
      <ImportDialog {...props} />
    </Suspense>
  );
}
