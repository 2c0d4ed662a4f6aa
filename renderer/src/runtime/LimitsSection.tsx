import type { RuntimeFormState } from './useRuntimeForm.ts';
import { FieldRow, FormSection } from './FormSection.tsx';
import { SettingField } from './SettingField.tsx';

/** Event-count limits per subscriber key, like WSO2's Async subscription tiers. */
export function LimitsSection({ form }: { form: RuntimeFormState }) {
  const { values, update, error } = form;
  return (
    <FormSection
      testId="runtime-section-limits"
      title="Event limits"
      description="How many events each subscriber (API key, user, token subject, or IP address) may receive. At the limit the stream is ended, and reconnects get 429 until the minute or day is over."
    >
      <FieldRow min={260}>
        <SettingField
          field="rateLimit.eventsPerMinute"
          label="Per minute"
          numeric
          unit="events"
          placeholder="unlimited"
          value={values.eventsPerMinute}
          onChange={(eventsPerMinute) => update('rateLimit.eventsPerMinute', (v) => ({ ...v, eventsPerMinute }))}
          error={error('rateLimit.eventsPerMinute')}
          hint="Empty = unlimited"
        />
        <SettingField
          field="rateLimit.eventsPerDay"
          label="Per day"
          numeric
          unit="events"
          placeholder="unlimited"
          value={values.eventsPerDay}
          onChange={(eventsPerDay) => update('rateLimit.eventsPerDay', (v) => ({ ...v, eventsPerDay }))}
          error={error('rateLimit.eventsPerDay')}
          hint="Empty = unlimited"
        />
      </FieldRow>
    </FormSection>
  );
}
