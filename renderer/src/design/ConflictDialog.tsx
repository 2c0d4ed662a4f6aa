import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { DiskConflict } from './useDesignDocument.ts';
import { DiffView } from './DiffView.tsx';

interface ConflictDialogProps {
  fileName: string;
  conflict: DiskConflict;
  mine: string;
  onReload(): void;
  onKeepMine(): void;
  onClose(): void;
}

/**
 * The file changed on disk under unsaved edits. Nothing is lost by default: Reload throws away the
 * editor's text only when asked; Keep mine overwrites the file only after a second, explicit yes.
 */
export function ConflictDialog({ fileName, conflict, mine, onReload, onKeepMine, onClose }: ConflictDialogProps) {
  const [mode, setMode] = useState<'ask' | 'compare' | 'confirm'>('ask');
  return (
    <Dialog open onClose={onClose} maxWidth={mode === 'compare' ? 'lg' : 'sm'} fullWidth data-testid="conflict-dialog" aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">{fileName} changed on disk by another program</DialogTitle>
      <DialogContent>
        {mode === 'confirm' ? (
          <Alert severity="warning" data-testid="conflict-confirm">
            Overwrite {fileName} with your version? The changes made on disk will be lost.
          </Alert>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mb: mode === 'compare' ? 2 : 0 }}>
            {conflict.cause === 'save' ? 'Your save was stopped so it would not overwrite them. ' : ''}
            Your edits are still in the editor. Reload to take the file from disk (your edits are discarded), keep yours (the file is overwritten), or
            compare the two first.
          </Typography>
        )}
        {mode === 'compare' && <DiffView left={conflict.diskText} right={mine} leftTitle="On disk" rightTitle="Yours (unsaved)" />}
      </DialogContent>
      <DialogActions>
        {mode === 'confirm' ? (
          <>
            <Button color="inherit" onClick={() => setMode('ask')}>
              Back
            </Button>
            <Button variant="contained" color="warning" data-testid="conflict-overwrite" onClick={onKeepMine}>
              Overwrite the file
            </Button>
          </>
        ) : (
          <>
            <Button color="inherit" onClick={onClose} sx={{ mr: 'auto' }}>
              Decide later
            </Button>
            <Button data-testid="conflict-compare" onClick={() => setMode(mode === 'compare' ? 'ask' : 'compare')}>
              {mode === 'compare' ? 'Hide comparison' : 'Compare'}
            </Button>
            <Button color="error" data-testid="conflict-reload" onClick={onReload}>
              Reload (discard mine)
            </Button>
            <Button variant="contained" data-testid="conflict-keep-mine" onClick={() => setMode('confirm')}>
              Keep mine…
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
