import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import type { TextProblem } from './design-model.ts';

interface SaveControlsProps {
  fileName: string;
  dirty: boolean;
  saving: boolean;
  /** Why the text does not parse, when it does not. */
  invalid: TextProblem | undefined;
  onSave(): void;
  onSaveUnreadable(problem: string): void;
  onDiscard(): void;
}

/**
 * Discard changes and Save. Saving a text that does not parse asks first (the file then stops
 * being an API and is no longer deployed); discarding asks first too (the edits are gone after).
 */
export function SaveControls({ fileName, dirty, saving, invalid, onSave, onSaveUnreadable, onDiscard }: SaveControlsProps) {
  const [asking, setAsking] = useState<'save' | 'discard'>();
  const problem = invalid ? `line ${invalid.line}, column ${invalid.column}: ${invalid.message.replace(/[.!?]$/, '')}` : '';
  const save = () => (invalid ? setAsking('save') : onSave());
  return (
    <>
      <Button size="small" color="inherit" data-testid="design-discard" disabled={!dirty || saving} onClick={() => setAsking('discard')}>
        Discard changes
      </Button>
      <Button variant="contained" size="small" data-testid="design-save" loading={saving} disabled={!dirty} onClick={save} title="Save (Ctrl+S)">
        Save
      </Button>
      <Dialog open={asking === 'save'} onClose={() => setAsking(undefined)} maxWidth="sm" fullWidth>
        <DialogTitle>Save a document that does not parse?</DialogTitle>
        <DialogContent>
          <DialogContentText data-testid="design-save-unreadable-message">
            {fileName} does not parse ({problem}). Saved like this it is no longer an SSE API: it will no longer be deployed, and the gateway stops serving it until you fix the text and deploy it again.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button color="inherit" autoFocus onClick={() => setAsking(undefined)}>
            Keep editing
          </Button>
          <Button
            color="warning"
            variant="contained"
            data-testid="design-save-unreadable-confirm"
            onClick={() => {
              setAsking(undefined);
              onSaveUnreadable(problem);
            }}
          >
            Save anyway
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={asking === 'discard'} onClose={() => setAsking(undefined)} maxWidth="xs" fullWidth>
        <DialogTitle>Discard your changes?</DialogTitle>
        <DialogContent>
          <DialogContentText>The editor goes back to {fileName} as saved; the unsaved edits and their recovery copy are dropped.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button color="inherit" autoFocus onClick={() => setAsking(undefined)}>
            Cancel
          </Button>
          <Button
            color="error"
            variant="contained"
            data-testid="design-discard-confirm"
            onClick={() => {
              setAsking(undefined);
              onDiscard();
            }}
          >
            Discard
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
