import type { RuntimeFormState } from './useRuntimeForm.ts';
import { formatBytes } from '../metrics/format-metric.ts';
import { parseCount } from './runtime-form.ts';
import { defaultHint } from './default-hint.ts';
import { FieldRow, FormSection } from './FormSection.tsx';
import { SettingField } from './SettingField.tsx';

/** Bounds that protect every subscriber (and the gateway's memory) from one huge event, one slow reader, or a flood of distinct streams. */
export function SafetySection({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  const bytes = parseCount(values.maxEventBytes);
  return (
    <FormSection testId="runtime-section-safety" title="Safety" description="Bounds that keep one oversized event, one slow subscriber or a flood of distinct streams from hurting the others. Each is counted in Metrics.">
      <FieldRow min={230}>
        <SettingField
          field="maxEventBytes"
          label="Max event size"
          numeric
          unit="bytes"
          placeholder="default"
          value={values.maxEventBytes}
          onChange={(maxEventBytes) => update('maxEventBytes', (v) => ({ ...v, maxEventBytes }))}
          error={error('maxEventBytes')}
          hint={`${typeof bytes === 'number' && bytes > 0 ? `= ${formatBytes(bytes)}. ` : ''}${defaultHint('maxEventBytes', 'Larger events are dropped')}`}
        />
        <SettingField
          field="subscriberQueueEvents"
          label="Subscriber queue"
          numeric
          unit="events"
          placeholder="default"
          value={values.subscriberQueueEvents}
          onChange={(subscriberQueueEvents) => update('subscriberQueueEvents', (v) => ({ ...v, subscriberQueueEvents }))}
          error={error('subscriberQueueEvents')}
          hint={defaultHint('subscriberQueueEvents', 'More waiting = too slow: disconnected')}
        />
        <SettingField
          field="maxStreams"
          label="Backend streams"
          numeric
          unit="streams"
          placeholder="default"
          value={values.maxStreams}
          onChange={(maxStreams) => update('maxStreams', (v) => ({ ...v, maxStreams }))}
          error={error('maxStreams')}
          hint={defaultHint('maxStreams', 'Distinct live backend streams of this API; more get 503')}
        />
      </FieldRow>
    </FormSection>
  );
}
