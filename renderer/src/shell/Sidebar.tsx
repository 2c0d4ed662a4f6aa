import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { ProjectState } from '../studio/useProject.ts';
import { ApiList } from './ApiList.tsx';
import { AddIcon } from '../widgets/icons.tsx';
import { ProblemList } from '../widgets/ProblemList.tsx';
import { SessionList } from '../sessions/SessionList.tsx';

export const SIDEBAR_WIDTH = 300;

/** Left column: brand, Import and New API, the API list, the project's problems (a click opens the file's Design page) and the running sessions. */
export function Sidebar({
  project,
  selectedId,
  onSelect,
  onOpenFile,
  onNew,
  onImport,
  onCheckServer,
}: {
  project: ProjectState;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onOpenFile: (id: string) => void;
  onNew: () => void;
  onImport: () => void;
  /** Opens the "Check a server" page (any SSE URL). */
  onCheckServer?: () => void;
}) {
  const apis = project.view?.apis ?? [];
  return (
    <Box component="nav" sx={{ width: SIDEBAR_WIDTH, flexShrink: 0, display: 'flex', flexDirection: 'column', bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, px: 2, height: 52 }}>
        <Box component="img" src="./favicon.svg" alt="" sx={{ width: 24, height: 24 }} />
        <Typography variant="h6" component="h1" sx={{ letterSpacing: 0.3 }}>
          SSE Studio
        </Typography>
      </Box>
      <Divider />
      <Box sx={{ display: 'flex', alignItems: 'center', px: 2, pt: 1.5, pb: 1 }}>
        <Typography variant="overline" color="text.secondary" sx={{ flex: 1 }}>
          APIs {project.view ? `(${apis.length})` : ''}
        </Typography>
        <Button data-testid="import-button" size="small" color="inherit" onClick={onImport} sx={{ mr: 0.5 }}>
          Import
        </Button>
        <Button data-testid="new-api-button" size="small" variant="contained" startIcon={<AddIcon fontSize="small" />} onClick={onNew}>
          New API
        </Button>
      </Box>
      <Box sx={{ flex: 1, overflowY: 'auto' }}>
        {project.error && (
          <Alert severity="error" sx={{ mx: 1.5, mb: 1 }} data-testid="project-error">
            {project.error}
          </Alert>
        )}
        {project.view && <ApiList apis={apis} selectedId={selectedId} onSelect={onSelect} />}
        <ProblemList problems={project.view?.problems ?? []} selectedId={selectedId} onOpen={onOpenFile} />
      </Box>
      {onCheckServer && (
        <Box sx={{ px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}>
          <Button data-testid="check-server-button" size="small" color="inherit" fullWidth onClick={onCheckServer} sx={{ justifyContent: 'flex-start' }}>
            Check a server…
          </Button>
        </Box>
      )}
      <Box sx={{ maxHeight: '40%', overflowY: 'auto', flexShrink: 0 }}>
        <SessionList apis={apis} onOpen={onSelect} />
      </Box>
    </Box>
  );
}
