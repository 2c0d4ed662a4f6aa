import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useStudio } from '../studio/StudioContext.tsx';
import { useProject } from '../studio/useProject.ts';
import { ApiDetail, type TabName } from './ApiDetail.tsx';
import { DocumentPage } from '../design/DocumentPage.tsx';
import { EventViewer } from '../viewer/EventViewer.tsx';
import { HostBar } from './HostBar.tsx';
import { NewApiForm } from '../new-api/NewApiForm.tsx';
import { ServerCheckPage } from '../server-check/ServerCheckPage.tsx';
import { FileDropTarget } from '../project/FileDropTarget.tsx';
import type { ImportSource } from '../project/ImportDialog.tsx';
import { LazyImportDialog } from '../project/LazyImportDialog.tsx';
import { Sidebar } from './Sidebar.tsx';
import { ApiActions } from '../api-actions/ApiActions.tsx';
import { UndoBar } from '../api-actions/UndoBar.tsx';
import { LeaveDialog } from '../design/LeaveDialog.tsx';
import { leavePage } from '../design/unsaved-documents.ts';

type View = { kind: 'new' } | { kind: 'api'; id: string } | { kind: 'server-check' } | { kind: 'none' };

/**
 * The studio window: API list on the left; the new-API form, the selected API (with its viewer), or
 * a document that is not an API yet (its Design page) on the right. Files dropped on the window are
 * offered for import.
 */
export function Workspace() {
  const { client } = useStudio();
  const project = useProject(client);
  const [view, setView] = useState<View>({ kind: 'none' });
  const [tab, setTab] = useState<TabName>('overview');
  const [importing, setImporting] = useState<{ initial: ImportSource | undefined }>();
  const selected = view.kind === 'api' ? project.view?.apis.find((a) => a.id === view.id) : undefined;
  // A file of the project that is not (or no longer) an API: open its Design page to fix it.
  const brokenDocument = view.kind === 'api' && !selected && project.view ? view.id : undefined;
  const open = (id: string, firstTab: TabName = 'overview') => {
    setTab(firstTab);
    setView({ kind: 'api', id });
  };

  return (
    <FileDropTarget onFile={(file) => setImporting({ initial: file })}>
      <Sidebar
        project={project}
        selectedId={view.kind === 'api' ? view.id : undefined}
        onSelect={(id) => leavePage(() => open(id), [id])}
        onOpenFile={(id) => leavePage(() => open(id, 'design'), [id])}
        onNew={() => leavePage(() => setView({ kind: 'new' }))}
        onCheckServer={() => leavePage(() => setView({ kind: 'server-check' }))} onImport={() => setImporting({ initial: undefined })} />
      <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <HostBar />
        <Box sx={{ flex: 1, overflowY: 'auto', p: 3, display: 'flex', flexDirection: 'column', gap: 2.5 }}>
          {view.kind === 'new' && (
            <NewApiForm
              onCreated={(id) => {
                void project.refresh();
                open(id);
              }}
              onCancel={() => setView({ kind: 'none' })}
            />
          )}
          {selected && (
            <>
              {/* Keyed by API: another API starts with its own tabs and Runtime form. */}
              <ApiDetail
                key={`detail-${selected.id}`}
                api={selected}
                initialTab={tab}
                onConflict={() => void project.refresh()}
                onTabChange={setTab}
                actions={<ApiActions api={selected} apis={project.view?.apis ?? []} onDeleted={() => setView({ kind: 'none' })} onOpen={(id) => (void project.refresh(), leavePage(() => open(id), [id]))} />}
              />
              {/* Keyed by API: each API has its own viewers. Their subscriptions are sessions on the host: leaving keeps them running, coming back re-attaches. The Design page needs the room. */}
              {tab !== 'design' && <EventViewer key={selected.id} api={selected} />}
            </>
          )}
          {/* When it becomes an API (saved valid), the API page opens on its Design tab, where the user was. */}
          {brokenDocument && <DocumentPage key={`doc-${brokenDocument}`} id={brokenDocument} problems={project.view?.problems.filter((p) => p.file === brokenDocument) ?? []} />}
          {view.kind === 'server-check' && <ServerCheckPage />}
          {view.kind === 'none' && <EmptyState />}
        </Box>
      </Box>
      {importing && (
        <LazyImportDialog
          initial={importing.initial}
          onClose={() => setImporting(undefined)}
          onImported={(id) => {
            setImporting(undefined);
            void project.refresh();
            leavePage(() => open(id), [id]);
          }}
        />
      )}
      <UndoBar />
      <LeaveDialog />
    </FileDropTarget>
  );
}

function EmptyState() {
  return (
    <Box data-testid="empty-state" sx={{ m: 'auto', textAlign: 'center', maxWidth: 420, color: 'text.secondary' }}>
      <Typography variant="h6" color="text.primary" sx={{ mb: 1 }}>
        Design and test Server-Sent Events APIs
      </Typography>
      <Typography variant="body2">
        Pick an API on the left to design it, see where the gateway serves it and watch its events live; create one with <b>New API</b>, or import an AsyncAPI
        file (drop it on the window). The built-in mock backend streams stock prices, a counter and a clock.
      </Typography>
    </Box>
  );
}
