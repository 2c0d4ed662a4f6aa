import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useStudio } from '../studio/StudioContext.tsx';
import { useProject } from '../studio/useProject.ts';
import { ApiDetail } from './ApiDetail.tsx';
import { EventViewer } from './EventViewer.tsx';
import { HostBar } from './HostBar.tsx';
import { NewApiForm } from './NewApiForm.tsx';
import { Sidebar } from './Sidebar.tsx';

type View = { kind: 'new' } | { kind: 'api'; id: string } | { kind: 'none' };

/** The studio window: API list on the left; the new-API form or the selected API and its viewer on the right. */
export function Workspace() {
  const { client } = useStudio();
  const project = useProject(client);
  const [view, setView] = useState<View>({ kind: 'none' });
  const selected = view.kind === 'api' ? project.view?.apis.find((a) => a.id === view.id) : undefined;

  return (
    <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
      <Sidebar project={project} selectedId={selected?.id} onSelect={(id) => setView({ kind: 'api', id })} onNew={() => setView({ kind: 'new' })} />
      <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <HostBar />
        <Box sx={{ flex: 1, overflowY: 'auto', p: 3, display: 'flex', flexDirection: 'column', gap: 2.5 }}>
          {view.kind === 'new' && (
            <NewApiForm
              onCreated={(api) => {
                void project.refresh();
                setView({ kind: 'api', id: api.id });
              }}
              onCancel={() => setView({ kind: 'none' })}
            />
          )}
          {selected && (
            <>
              {/* Keyed by API: another API starts with its own tabs and Runtime form. */}
              <ApiDetail key={`detail-${selected.id}`} api={selected} onConflict={() => void project.refresh()} />
              {/* Keyed by API: switching APIs closes the old subscription and starts a clean viewer. */}
              <EventViewer key={selected.id} api={selected} />
            </>
          )}
          {(view.kind === 'none' || (view.kind === 'api' && !selected && project.view)) && <EmptyState />}
        </Box>
      </Box>
    </Box>
  );
}

function EmptyState() {
  return (
    <Box data-testid="empty-state" sx={{ m: 'auto', textAlign: 'center', maxWidth: 420, color: 'text.secondary' }}>
      <Typography variant="h6" color="text.primary" sx={{ mb: 1 }}>
        Design and test Server-Sent Events APIs
      </Typography>
      <Typography variant="body2">
        Pick an API on the left to see where the gateway serves it and watch its events live, or create one with <b>New API</b>. The built-in mock backend
        streams stock prices, a counter and a clock.
      </Typography>
    </Box>
  );
}
