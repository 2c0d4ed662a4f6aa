import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { RecentProject } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';

/**
 * The open project and how to switch: a folder (or AsyncAPI file) path, or a recent project. In
 * Electron the File menu also has the native folder dialog.
 */
export function ProjectMenu({ root }: { root: string }) {
  const { client } = useStudio();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const openMenu = async (target: HTMLElement) => {
    setAnchor(target);
    setError(undefined);
    const result = await client.call('project.recent', {});
    if (result.ok) setRecent(result.value.projects);
  };
  /** Opens a project, or creates a new empty one (a folder with its sse-studio.yaml) and opens it. */
  const open = async (target: string, method: 'project.open' | 'project.create' = 'project.open') => {
    if (!target.trim()) return setError('Enter the path of a project folder, e.g. /home/me/apis.');
    setBusy(true);
    const result = await client.call(method, { path: target.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setAnchor(null);
    setPath('');
  };

  return (
    <>
      <Button
        size="small"
        color="inherit"
        data-testid="project-menu-button"
        onClick={(e) => void openMenu(e.currentTarget)}
        sx={{ flex: 1, minWidth: 0, justifyContent: 'flex-start', textTransform: 'none', fontWeight: 400 }}
        title="Project folder: open another"
      >
        <Typography data-testid="project-root" variant="body2" color="text.secondary" noWrap sx={{ fontFamily: MONO_FONT, fontSize: '0.75rem' }}>
          {root}
        </Typography>
        <Box component="span" sx={{ ml: 0.75, color: 'text.secondary', fontSize: '0.7rem' }}>
          ▾
        </Box>
      </Button>
      <Popover open={Boolean(anchor)} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Box data-testid="project-menu" sx={{ width: 460, p: 2 }}>
          <Typography variant="overline" color="text.secondary">
            Current project
          </Typography>
          <Typography sx={{ fontFamily: MONO_FONT, fontSize: '0.78rem', wordBreak: 'break-all', mb: 1.5 }}>{root}</Typography>
          <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), void open(path))} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <TextField
              label="Open folder by path"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              error={Boolean(error)}
              helperText={error ?? 'A folder of AsyncAPI files, or one file; New makes an empty project there.'}
              slotProps={{ htmlInput: { 'data-testid': 'project-path', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
            />
            <Button type="submit" variant="contained" loading={busy} data-testid="project-open" sx={{ mt: '2px' }}>
              Open
            </Button>
            <Button variant="outlined" disabled={busy} data-testid="project-new" onClick={() => void open(path, 'project.create')} sx={{ mt: '2px' }}>
              New
            </Button>
          </Box>
          <Divider sx={{ my: 1.5 }} />
          <Typography variant="overline" color="text.secondary">
            Recent projects
          </Typography>
          {recent.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              None yet.
            </Typography>
          ) : (
            <List dense disablePadding data-testid="project-recent">
              {recent.map((p) => (
                <ListItemButton key={p.path} disabled={p.path === root || busy} onClick={() => void open(p.path)}>
                  <ListItemText
                    primary={<span style={{ fontFamily: MONO_FONT, fontSize: '0.78rem' }}>{p.path}</span>}
                    secondary={new Date(p.openedAt).toLocaleString()}
                  />
                </ListItemButton>
              ))}
            </List>
          )}
        </Box>
      </Popover>
    </>
  );
}
