import Box from '@mui/material/Box';
import type { RuntimeFormState } from './useRuntimeForm.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { FieldRow, FormSection } from './FormSection.tsx';
import { SettingField } from './SettingField.tsx';

/** What happens around reconnects: history kept for Last-Event-ID, retry, heartbeats, backend drops, upstream sharing. */
export function ReplaySection({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  return (
    <FormSection
      testId="runtime-section-replay"
      title="Replay & reconnect"
      description="A client that reconnects with Last-Event-ID gets the events it missed from the gateway's history, then live events: nothing lost, nothing twice."
    >
      <FieldRow min={260}>
        <SettingField
          field="replay.maxEvents"
          label="History size"
          numeric
          unit="events"
          value={values.replayMaxEvents}
          onChange={(replayMaxEvents) => update('replay.maxEvents', (v) => ({ ...v, replayMaxEvents }))}
          error={error('replay.maxEvents')}
          hint="Per stream; 0 = no replay"
        />
        <SettingField
          field="replay.maxAgeSeconds"
          label="History age"
          numeric
          unit="s"
          value={values.replayMaxAgeSeconds}
          onChange={(replayMaxAgeSeconds) => update('replay.maxAgeSeconds', (v) => ({ ...v, replayMaxAgeSeconds }))}
          error={error('replay.maxAgeSeconds')}
          hint="Older events are not replayed"
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
          hint={'Sent as "retry:"; empty = backend decides'}
        />
        <SettingField
          field="heartbeatSeconds"
          label="Heartbeat"
          numeric
          unit="s"
          value={values.heartbeatSeconds}
          onChange={(heartbeatSeconds) => update('heartbeatSeconds', (v) => ({ ...v, heartbeatSeconds }))}
          error={error('heartbeatSeconds')}
          hint='A ":" comment on idle streams; 0 = off'
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
            { value: 'reconnect-upstream', label: 'Reconnect to the backend', description: 'Clients stay connected; the gateway resumes the backend with Last-Event-ID.' },
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
            { value: 'per-client', label: 'Per client', description: 'One backend connection per subscriber; the backend sees every client.' },
            {
              value: 'shared',
              label: 'Shared',
              description: 'One backend connection per stream, fanned out to every subscriber.',
              extra: (
                <SettingField
                  field="lingerSeconds"
                  label="Linger"
                  numeric
                  unit="s"
                  value={values.lingerSeconds}
                  onChange={(lingerSeconds) => update('lingerSeconds', (v) => ({ ...v, lingerSeconds }))}
                  error={error('lingerSeconds')}
                  hint="Keep the backend open after the last client leaves; 0 = close at once"
                />
              ),
            },
          ]}
        />
      </Box>
      {/* A wrong linger in per-client mode would otherwise be invisible: show it at the choice. */}
      {values.upstream !== 'shared' && error('lingerSeconds') && (
        <Box sx={{ mt: 1, maxWidth: 320 }}>
          <SettingField field="lingerSeconds" label="Linger (shared mode)" numeric unit="s" value={values.lingerSeconds} onChange={(lingerSeconds) => update('lingerSeconds', (v) => ({ ...v, lingerSeconds }))} error={error('lingerSeconds')} />
        </Box>
      )}
    </FormSection>
  );
}
