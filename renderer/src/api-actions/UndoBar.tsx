import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useEffect, useRef, useState } from 'react';
import { offerUndo, useUndoOffer } from './undo-offer.ts';

/** Shows the last undoable action with an Undo button until the user does something else. */
export function UndoBar() {
  const offer = useUndoOffer();
  const bar = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // The next click or key press elsewhere is the next action: the offer ends.
  useEffect(() => {
    if (!offer) return;
    const next = (e: Event) => {
      if (bar.current && e.target instanceof Node && bar.current.contains(e.target)) return;
      offerUndo(undefined);
    };
    window.addEventListener('pointerdown', next, true);
    window.addEventListener('keydown', next, true);
    return () => {
      window.removeEventListener('pointerdown', next, true);
      window.removeEventListener('keydown', next, true);
    };
  }, [offer]);

  const undo = async () => {
    if (!offer) return;
    setBusy(true);
    const problem = await offer.undo();
    setBusy(false);
    setError(problem);
    if (!problem) offerUndo(undefined);
  };

  return (
    <Snackbar open={Boolean(offer)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert
        ref={bar}
        severity={error ? 'error' : 'info'}
        variant="filled"
        data-testid="undo-bar"
        action={
          <Button color="inherit" size="small" data-testid="undo-button" loading={busy} onClick={() => void undo()}>
            Undo
          </Button>
        }
      >
        {error ?? offer?.message}
      </Alert>
    </Snackbar>
  );
}
