import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { validateName } from '../../../shared/model/validate.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { icon } from '../widgets/icons.tsx';
import { planDuplicate, renamedText } from './duplicate-plan.ts';
import { offerUndo } from './undo-offer.ts';

const MoreIcon = icon('M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2z', 'MoreIcon');

type Dialogs = { kind: 'rename'; name: string; error?: string } | { kind: 'delete'; error?: string } | undefined;

/**
 * Rename, duplicate and delete an API. Each works on the API's file through the Studio API: a
 * rename changes info.title only, a copy gets its own name, context and file, a delete asks first
 * and can be undone (the text comes back into the same file) until the next action.
 */
export function ApiActions({ api, apis, onDeleted, onOpen }: { api: ApiSummary; apis: readonly ApiSummary[]; onDeleted(): void; onOpen(id: string): void }) {
  const { client } = useStudio();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<Dialogs>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const read = async () => {
    const doc = await client.call('documents.get', { id: api.id });
    if (!doc.ok) setError(doc.error.message);
    return doc.ok ? doc.value : undefined;
  };

  const rename = async (name: string) => {
    const problem = validateName(name);
    if (problem) return setDialog({ kind: 'rename', name, error: problem });
    setBusy(true);
    const doc = await read();
    const saved = doc && (await client.call('documents.save', { id: api.id, text: renamedText(api.id, doc.text, name), baseHash: doc.hash }));
    setBusy(false);
    if (saved && !saved.ok) return setDialog({ kind: 'rename', name, error: saved.error.message });
    if (saved?.ok) setDialog(undefined);
  };

  const duplicate = async () => {
    setAnchor(null);
    const doc = await read();
    if (!doc) return;
    const plan = planDuplicate(api, doc.text, apis);
    const created = await client.call('documents.create', { fileName: plan.fileName, text: plan.text });
    if (!created.ok) return setError(created.error.message);
    onOpen(created.value.id);
  };

  const remove = async () => {
    setBusy(true);
    const doc = await read();
    const deleted = doc && (await client.call('documents.delete', { id: api.id, baseHash: doc.hash }));
    setBusy(false);
    if (!deleted) return;
    if (!deleted.ok) return setDialog({ kind: 'delete', error: deleted.error.message });
    setDialog(undefined);
    const { id, text } = deleted.value;
    const wasDeployed = api.deployed;
    onDeleted();
    offerUndo({
      message: `Deleted "${api.name}" (${id}).`,
      undo: async () => {
        const restored = await client.call('documents.create', { fileName: id, text });
        if (!restored.ok) return restored.error.message;
        if (wasDeployed) await client.call('apis.deploy', { id });
        onOpen(id);
        return undefined;
      },
    });
  };

  return (
    <>
      <IconButton aria-label="More actions for this API" data-testid="api-actions" onClick={(e) => setAnchor(e.currentTarget)}>
        <MoreIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem data-testid="api-rename" onClick={() => (setAnchor(null), setDialog({ kind: 'rename', name: api.name }))}>
          Rename…
        </MenuItem>
        <MenuItem data-testid="api-duplicate" onClick={() => void duplicate()}>
          Duplicate
        </MenuItem>
        <MenuItem data-testid="api-delete" onClick={() => (setAnchor(null), setDialog({ kind: 'delete' }))} sx={{ color: 'error.main' }}>
          Delete…
        </MenuItem>
      </Menu>
      {error && (
        <Dialog open onClose={() => setError(undefined)}>
          <DialogContent>
            <DialogContentText data-testid="api-action-error">{error}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setError(undefined)}>Close</Button>
          </DialogActions>
        </Dialog>
      )}
      {dialog?.kind === 'rename' && (
        <Dialog open onClose={() => setDialog(undefined)} maxWidth="xs" fullWidth>
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void rename(dialog.name);
            }}
          >
            <DialogTitle>Rename API</DialogTitle>
            <DialogContent>
              <TextField
                autoFocus
                label="Name"
                required
                value={dialog.name}
                onChange={(e) => setDialog({ kind: 'rename', name: e.target.value })}
                error={Boolean(dialog.error)}
                helperText={dialog.error ?? `Changes info.title in ${api.id}; the file keeps its name.`}
                sx={{ mt: 1 }}
                slotProps={{ htmlInput: { 'data-testid': 'api-rename-name' } }}
              />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setDialog(undefined)} color="inherit">
                Cancel
              </Button>
              <Button type="submit" variant="contained" loading={busy} data-testid="api-rename-confirm">
                Rename
              </Button>
            </DialogActions>
          </form>
        </Dialog>
      )}
      {dialog?.kind === 'delete' && (
        <Dialog open onClose={() => setDialog(undefined)} maxWidth="xs" fullWidth>
          <DialogTitle>Delete “{api.name}”?</DialogTitle>
          <DialogContent>
            <DialogContentText data-testid="api-delete-message">
              {dialog.error ?? `${api.id} is removed from the project folder${api.deployed ? ' and the gateway stops serving it' : ''}. You can undo this right after.`}
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDialog(undefined)} color="inherit" autoFocus>
              Cancel
            </Button>
            <Button color="error" variant="contained" loading={busy} data-testid="api-delete-confirm" onClick={() => void remove()}>
              Delete
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
