import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { CopyButton } from '../widgets/CopyButton.tsx';
import { icon } from '../widgets/icons.tsx';
import { defaultRecordingName } from './recording-name.ts';

const RecordIcon = icon('M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z', 'RecordIcon');

/**
 * The viewer's Record button: saves the session's events so far (names, ids, data and their
 * timing) as a recording in the project's recordings/ folder, and shows the x-mock line that makes
 * the mock play it offline. The host writes the file (Studio API `recordings.save`).
 */
export function RecordButton({ subscriptionId, hasEvents, topic }: { subscriptionId: string | undefined; hasEvents: boolean; topic: string | undefined }) {
  const { client } = useStudio();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<{ file: string; events: number; xMock: string; messagesYaml?: string }>();

  const start = () => {
    setName(defaultRecordingName(topic, new Date()));
    setError(undefined);
    setSaved(undefined);
    setOpen(true);
  };
  const save = async () => {
    if (!subscriptionId) return;
    setBusy(true);
    const result = await client.call('recordings.save', { subscriptionId, fileName: name });
    setBusy(false);
    if (result.ok) setSaved(result.value);
    else setError(result.error.message);
  };

  return (
    <>
      <Tooltip title="Save the events so far (names, data, timing) as a recording the mock can play offline">
        <span>
          <Button size="small" color="inherit" data-testid="record-button" startIcon={<RecordIcon fontSize="small" color="error" />} onClick={start} disabled={!subscriptionId || !hasEvents}>
            Record
          </Button>
        </span>
      </Tooltip>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>Record into a mock scenario</DialogTitle>
        <DialogContent>
          {!saved ? (
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, pt: 1 }}>
              <Typography variant="body2" color="text.secondary">
                The events this viewer has kept are saved to <b>recordings/{name || '…'}.json</b> in the project. Point a topic&apos;s <code>x-mock</code> at it to design and
                test offline against this real data.
              </Typography>
              <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} autoFocus slotProps={{ htmlInput: { 'data-testid': 'record-name', spellCheck: false } }} />
              {error && (
                <Alert severity="error" data-testid="record-error">
                  {error}
                </Alert>
              )}
            </Box>
          ) : (
            <Box data-testid="record-saved" sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
              <Alert severity="success">
                Saved {saved.events} events to {saved.file}.
              </Alert>
              <Typography variant="body2">Add this to the topic&apos;s channel in its AsyncAPI document (Design tab) to play it from the mock:</Typography>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <Box component="code" data-testid="record-x-mock" sx={{ fontFamily: MONO_FONT, fontSize: '0.8rem', flex: 1, p: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
                  {saved.xMock}
                </Box>
                <CopyButton value={saved.xMock} label="the x-mock line" />
              </Box>
              {saved.messagesYaml && (
                <>
                  <Typography variant="body2">If you like, these messages for the channel: a few examples and a payload schema inferred from the recorded JSON.</Typography>
                  <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
                    <Box component="pre" data-testid="record-messages" sx={{ fontFamily: MONO_FONT, fontSize: '0.75rem', flex: 1, m: 0, p: 1, maxHeight: 220, overflow: 'auto', bgcolor: 'action.hover', borderRadius: 1 }}>
                      {saved.messagesYaml}
                    </Box>
                    <CopyButton value={saved.messagesYaml} label="the messages" />
                  </Box>
                </>
              )}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{saved ? 'Done' : 'Cancel'}</Button>
          {!saved && (
            <Button variant="contained" data-testid="record-save" onClick={() => void save()} disabled={busy || !name.trim()}>
              Save recording
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
