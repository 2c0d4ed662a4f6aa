import Box from '@mui/material/Box';
import type { RuntimeFormState } from './useRuntimeForm.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { defaultHint } from './default-hint.ts';
import { FieldRow, FormSection } from './FormSection.tsx';
import { SettingField } from './SettingField.tsx';

/** What happens around reconnects: replay history and window, retry, heartbeats, outages, backend drops, upstream sharing. */
export function ReplaySection({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  return (
    <FormSection
      testId="runtime-section-replay"
      title="Replay & reconnect"
      description="A client that reconnects with Last-Event-ID gets the events it missed from the gateway's history, then live events: nothing lost, nothing twice. An empty field uses the default shown under it."
    >
      <FieldRow min={230}>
        <SettingField
          field="replay.maxEvents"
          label="History size"
          numeric
          unit="events"
          placeholder="default"
          value={values.replayMaxEvents}
          onChange={(replayMaxEvents) => update('replay.maxEvents', (v) => ({ ...v, replayMaxEvents }))}
          error={error('replay.maxEvents')}
          hint={defaultHint('replay.maxEvents', 'Per stream; 0 = no replay')}
        />
        <SettingField
          field="replay.maxBytes"
          label="History bytes"
          numeric
          unit="bytes"
          placeholder="default"
          value={values.replayMaxBytes}
          onChange={(replayMaxBytes) => update('replay.maxBytes', (v) => ({ ...v, replayMaxBytes }))}
          error={error('replay.maxBytes')}
          hint={defaultHint('replay.maxBytes', 'Per stream; 0 = no replay')}
        />
        <SettingField
          field="replay.maxAgeSeconds"
          label="History age"
          numeric
          unit="s"
          placeholder="default"
          value={values.replayMaxAgeSeconds}
          onChange={(replayMaxAgeSeconds) => update('replay.maxAgeSeconds', (v) => ({ ...v, replayMaxAgeSeconds }))}
          error={error('replay.maxAgeSeconds')}
          hint={defaultHint('replay.maxAgeSeconds', 'Older events are not replayed')}
        />
        <SettingField
          field="lingerSeconds"
          label="Replay window"
          numeric
          unit="s"
          placeholder="default"
          value={values.lingerSeconds}
          onChange={(lingerSeconds) => update('lingerSeconds', (v) => ({ ...v, lingerSeconds }))}
          error={error('lingerSeconds')}
          hint={defaultHint('lingerSeconds', 'Recording goes on after a client leaves; 0 = stop at once')}
        />
        <SettingField
          field="retryMs"
          label="Retry delay"
          numeric
          unit="ms"
          placeholder="backend decides"
          value={values.retryMs}
          onChange={(retryMs) => update('retryMs', (v) => ({ ...v, retryMs }))}
          error={error('retryMs')}
          hint={'Sent as "retry:". Empty = the backend decides'}
        />
        <SettingField
          field="heartbeatSeconds"
          label="Heartbeat"
          numeric
          unit="s"
          placeholder="default"
          value={values.heartbeatSeconds}
          onChange={(heartbeatSeconds) => update('heartbeatSeconds', (v) => ({ ...v, heartbeatSeconds }))}
          error={error('heartbeatSeconds')}
          hint={defaultHint('heartbeatSeconds', 'A ":" comment on idle streams; 0 = off')}
        />
        <SettingField
          field="outageSeconds"
          label="Outage window"
          numeric
          unit="s"
          placeholder="default"
          value={values.outageSeconds}
          onChange={(outageSeconds) => update('outageSeconds', (v) => ({ ...v, outageSeconds }))}
          error={error('outageSeconds')}
          hint={defaultHint('outageSeconds', 'Clients stay open while the backend is down; 0 = end at once')}
        />
      </FieldRow>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3, mt: 1.5 }}>
        <ChoiceField
          field="onBackendDrop"
          label="When the backend drops the stream"
          value={values.onBackendDrop}
          onChange={(onBackendDrop) => update('onBackendDrop', (v) => ({ ...v, onBackendDrop }))}
          error={error('onBackendDrop')}
          choices={[
            { value: 'reconnect-upstream', label: 'Reconnect to the backend (default)', description: 'Clients stay connected; the gateway resumes the backend with Last-Event-ID.' },
            { value: 'close-client', label: 'Close the clients', description: 'Clients reconnect themselves and catch up from the history.' },
          ]}
        />
        <ChoiceField
          field="upstream"
          label="Backend connections"
          value={values.upstream}
          onChange={(upstream) => update('upstream', (v) => ({ ...v, upstream }))}
          error={error('upstream')}
          choices={[
            { value: 'shared', label: 'Shared (default)', description: 'Replay for every client; one backend connection per stream, fanned out.' },
            { value: 'per-client', label: 'Per client', description: "WSO2's behaviour: one backend connection per client (replay window 0 = exactly WSO2)." },
          ]}
        />
      </Box>
    </FormSection>
  );
}
