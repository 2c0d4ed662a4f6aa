import type { RuntimeFormState } from './useRuntimeForm.ts';
import { formatBytes } from '../metrics/format-metric.ts';
import { parseCount } from './runtime-form.ts';
import { FieldRow, FormSection } from './FormSection.tsx';
import { SettingField } from './SettingField.tsx';

/** Bounds that protect every subscriber from one huge event or one slow reader. */
export function SafetySection({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  const bytes = parseCount(values.maxEventBytes);
  return (
    <FormSection testId="runtime-section-safety" title="Safety" description="Bounds that keep one oversized event or one slow subscriber from hurting the others. Both are counted in Metrics.">
      <FieldRow min={260}>
        <SettingField
          field="maxEventBytes"
          label="Max event size"
          numeric
          unit="bytes"
          value={values.maxEventBytes}
          onChange={(maxEventBytes) => update('maxEventBytes', (v) => ({ ...v, maxEventBytes }))}
          error={error('maxEventBytes')}
          hint={`${typeof bytes === 'number' && bytes > 0 ? `= ${formatBytes(bytes)}. ` : ''}Larger events are dropped`}
        />
        <SettingField
          field="subscriberQueueEvents"
          label="Subscriber queue"
          numeric
          unit="events"
          value={values.subscriberQueueEvents}
          onChange={(subscriberQueueEvents) => update('subscriberQueueEvents', (v) => ({ ...v, subscriberQueueEvents }))}
          error={error('subscriberQueueEvents')}
          hint="More waiting = too slow: disconnected"
        />
      </FieldRow>
    </FormSection>
  );
}
