import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useStudio } from '../studio/StudioContext.tsx';
import { answerLeave, usePendingLeave } from './unsaved-documents.ts';

/** "Leave with unsaved changes?": Stay, or leave and drop the edits (and their recovery copies). */
export function LeaveDialog() {
  const { client } = useStudio();
  const question = usePendingLeave();
  const leave = () => {
    const left = answerLeave(true);
    for (const id of left?.ids ?? []) void client.call('documents.discardDraft', { id });
  };
  return (
    <Dialog open={Boolean(question)} onClose={() => answerLeave(false)} maxWidth="xs" fullWidth>
      <DialogTitle>Leave with unsaved changes?</DialogTitle>
      <DialogContent>
        <DialogContentText data-testid="leave-message">
          {question?.ids.join(', ')} {question && question.ids.length > 1 ? 'have' : 'has'} edits that are not saved. Stay to save them, or leave and discard them.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button color="inherit" data-testid="leave-discard" onClick={leave}>
          Discard and leave
        </Button>
        <Button variant="contained" autoFocus data-testid="leave-stay" onClick={() => answerLeave(false)}>
          Stay
        </Button>
      </DialogActions>
    </Dialog>
  );
}
