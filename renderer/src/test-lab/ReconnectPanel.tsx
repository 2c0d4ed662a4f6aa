import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useState, type ReactElement } from 'react';
import type { ApiSummary, FaultAction, FaultScope, StudioClient } from '../../../shared/api/contract.ts';
import type { MockView } from './useMockStatus.ts';
import { BoltIcon, HourglassIcon, PowerIcon } from './lab-icons.tsx';

/**
 * Reconnect simulation: break the stream on purpose at each layer — the client's own connection
 * (it reconnects with Last-Event-ID, as a browser does), the gateway cutting its subscribers (they
 * come back and the gateway replays from its history), or the mock backend dropping, stalling or
 * restarting (the gateway resumes it). Each action asks for a fresh verdict.
 */
export interface ReconnectPanelProps {
  api: ApiSummary;
  client: StudioClient;
  /** The API topic (as written) the subscription is on. */
  topic: string;
  live: boolean;
  mock: MockView;
  consecutive: boolean;
  onConsecutive: (value: boolean) => void;
  dropClient: () => Promise<string | undefined>;
  /** Called after any action with what happened (and again, without, once a reconnect is likely done), so the timeline and the verdict follow. */
  onAction: (what?: string) => void;
}

export const ReconnectPanel = memo(function ReconnectPanel({ api, client, topic, live, mock, consecutive, onConsecutive, dropClient, onAction }: ReconnectPanelProps) {
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  const run = async (name: string, action: () => Promise<{ ok: boolean; text: string }>) => {
    setBusy(name);
    const outcome = await action();
    setBusy(undefined);
    setResult(outcome);
    onAction(outcome.ok ? `you: ${outcome.text}` : undefined);
    // The reconnect takes the retry delay; ask again once it is likely done.
    setTimeout(() => onAction(), 1500);
  };

  const backend = (name: string, label: string, params: { scope: FaultScope; action: FaultAction }) =>
    run(name, async () => {
      const r = await client.call('mock.faults.trigger', params);
      return r.ok ? { ok: true, text: `${label}: ${r.value.affected} backend connection${r.value.affected === 1 ? '' : 's'} affected.` } : { ok: false, text: r.error.message };
    });

  const notLive = live ? undefined : 'Subscribe first: there is no connection to break.';
  const noMock = mock.served ? undefined : `${mock.reason ?? 'The backend is not the mock.'} Backend faults need the mock backend.`;

  return (
    <Box
      data-testid="reconnect-panel"
      sx={{ display: 'flex', alignItems: 'center', columnGap: 1, rowGap: 0.25, flexWrap: 'wrap', px: 2, pt: 1, pb: 0.25, borderBottom: 1, borderColor: 'divider', bgcolor: 'rgba(255,255,255,0.015)' }}
    >
      <Typography variant="overline" color="text.secondary" sx={{ mr: 0.5 }}>
        Reconnect test
      </Typography>
      <Action
        testId="drop-client"
        label="Drop client"
        tip={notLive ?? 'Destroys the viewer’s socket; it reconnects after the retry delay with Last-Event-ID, like a browser after a network error.'}
        disabled={Boolean(notLive) || busy !== undefined}
        loading={busy === 'client'}
        onClick={() =>
          run('client', async () => {
            const error = await dropClient();
            return error ? { ok: false, text: error } : { ok: true, text: 'Client connection dropped: watch it reconnect.' };
          })
        }
      />
      <Action
        testId="drop-gateway"
        label="Gateway drop"
        tip={notLive ?? `The gateway cuts its client connections on ${topic} (this viewer's and any other's); clients reconnect and the gateway replays what they missed from its history.`}
        disabled={Boolean(notLive) || busy !== undefined}
        loading={busy === 'gateway'}
        onClick={() =>
          run('gateway', async () => {
            const r = await client.call('gateway.drop', { apiId: api.id, topic });
            return r.ok ? { ok: true, text: `The gateway dropped ${r.value.dropped} subscriber${r.value.dropped === 1 ? '' : 's'}.` } : { ok: false, text: r.error.message };
          })
        }
      />
      <Box sx={{ width: '1px', alignSelf: 'stretch', bgcolor: 'divider', mx: 0.5 }} />
      <Action
        testId="backend-drop"
        label="Backend: drop"
        icon={<BoltIcon />}
        tip={noMock ?? 'The mock backend cuts its connections for this API; the gateway reconnects upstream with Last-Event-ID.'}
        disabled={Boolean(noMock) || busy !== undefined}
        loading={busy === 'drop'}
        onClick={() => void backend('drop', 'Backend drop', { scope: { apiId: api.id, topic }, action: { type: 'drop' } })}
      />
      <Action
        testId="backend-stall"
        label="stall 5 s"
        icon={<HourglassIcon />}
        tip={noMock ?? 'The mock keeps its connections open but sends nothing for 5 s (events wait, then arrive late).'}
        disabled={Boolean(noMock) || busy !== undefined}
        loading={busy === 'stall'}
        onClick={() => void backend('stall', 'Stall 5 s', { scope: { apiId: api.id, topic }, action: { type: 'stall', ms: 5000 } })}
      />
      <Action
        testId="backend-restart"
        label="restart 3 s"
        icon={<PowerIcon />}
        tip={noMock ?? 'The whole mock backend goes down for 3 s and comes back (every API it serves).'}
        disabled={Boolean(noMock) || busy !== undefined}
        loading={busy === 'restart'}
        onClick={() => void backend('restart', 'Restart', { scope: { apiId: api.id }, action: { type: 'restart', downMs: 3000 } })}
      />
      <Box sx={{ width: '100%', display: 'flex', alignItems: 'center', gap: 2, minHeight: 30 }}>
        <Tooltip title="The verdict judges lost events by a source record: the mock's (what it produced) or the gateway's (what it received). Where there is none, tick this if the source numbers its events 1, 2, 3 …: a missing number then counts as lost. Kept for this API until you untick it.">
          <FormControlLabel
            sx={{ mr: 0, '& .MuiFormControlLabel-label': { fontSize: '0.78rem' } }}
            control={<Checkbox size="small" checked={consecutive} onChange={(e) => onConsecutive(e.target.checked)} slotProps={{ input: { 'data-testid': 'verdict-consecutive' } as object }} />}
            label="Ids count up by one (numeric-id rule)"
          />
        </Tooltip>
        {result && (
          <Typography data-testid="reconnect-result" variant="caption" color={result.ok ? 'text.secondary' : 'error'} sx={{ minWidth: 0 }}>
            {result.text}
          </Typography>
        )}
      </Box>
    </Box>
  );
});

function Action({
  testId,
  label,
  tip,
  disabled,
  loading,
  onClick,
  icon,
}: {
  testId: string;
  label: string;
  tip: string;
  disabled: boolean;
  loading: boolean;
  onClick: () => void;
  icon?: ReactElement;
}) {
  return (
    <Tooltip title={tip}>
      {/* A disabled button fires no events: the span carries the tooltip. */}
      <span>
        <Button
          size="small"
          variant="outlined"
          color={testId.startsWith('backend') ? 'warning' : 'primary'}
          data-testid={testId}
          disabled={disabled}
          loading={loading}
          startIcon={icon}
          onClick={onClick}
        >
          {label}
        </Button>
      </span>
    </Tooltip>
  );
}
