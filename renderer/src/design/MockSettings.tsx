import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { MOCK_ID_SCHEMES, MOCK_SCENARIOS } from '../../../shared/model/mock.ts';
import type { DesignEdit } from './design-edits.ts';
import { checkMockSetting, mockText, mockValue, type MockSetting } from './mock-form.ts';
import { SyncedField } from './SyncedField.tsx';

interface MockSettingsProps {
  testId: string;
  topicKey: string;
  mock: Record<string, unknown> | undefined;
  readOnly: boolean;
  onEdit(edit: DesignEdit): void;
}

/**
 * The topic's `x-mock` block (how the built-in mock backend streams it) as a form, in the same
 * two-way sync as the other fields: each change writes that one setting into the document, and
 * an edit of the block in the editor shows up here. Values are checked by the mock's own rules.
 */
export function MockSettings({ testId, topicKey, mock, readOnly, onEdit }: MockSettingsProps) {
  const [pace, setPace] = useState<'rate' | 'burst'>(mock?.burst !== undefined ? 'burst' : 'rate');
  const shownPace = mock?.burst !== undefined ? 'burst' : mock?.rate !== undefined ? 'rate' : pace;
  const set = (setting: MockSetting, value: unknown) => onEdit({ kind: 'mock', key: topicKey, setting, value });
  // The box shows a click at once; the document (read off the page's thread) catches up a moment later.
  const resume = mock?.resume !== false;
  const [clicked, setClicked] = useState<{ checked: boolean; over: boolean }>();
  const resumeShown = clicked && clicked.over === resume ? clicked.checked : resume;
  const field = (setting: MockSetting, label: string, hint: string, extra: { placeholder?: string; mono?: boolean } = {}) => (
    <SyncedField
      testId={`${testId}-${setting.join('-')}`}
      label={label}
      value={mockText(mock, setting)}
      disabled={readOnly}
      hint={hint}
      {...extra}
      validate={(text) => checkMockSetting(mock, setting, text)}
      onChange={(text) => !checkMockSetting(mock, setting, text) && set(setting, mockValue(setting, text))}
    />
  );
  const choose = (setting: string, label: string, options: readonly string[], hint: string) => (
    <TextField
      select
      label={label}
      value={mockText(mock, [setting])}
      disabled={readOnly}
      helperText={hint}
      onChange={(e) => set([setting], e.target.value || undefined)}
      slotProps={{ htmlInput: { 'data-testid': `${testId}-${setting}` }, inputLabel: { shrink: true }, select: { displayEmpty: true } }}
    >
      <MenuItem value="">
        <em>default</em>
      </MenuItem>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {o}
        </MenuItem>
      ))}
    </TextField>
  );
  const switchPace = (next: 'rate' | 'burst' | null) => {
    if (!next || next === shownPace) return;
    setPace(next);
    // One pace at a time: the other one's settings go.
    if (next === 'burst' && mock?.rate !== undefined) set(['rate'], undefined);
    if (next === 'rate' && mock?.burst !== undefined) set(['burst'], undefined);
  };
  return (
    <Box data-testid={testId} sx={{ display: 'grid', rowGap: 1.25 }}>
      <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
        Mock (x-mock)
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ mt: -1 }}>
        How the built-in mock backend streams this topic; empty fields use the mock's defaults.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1.5, pt: 0.75 }}>
        {choose('scenario', 'Scenario', MOCK_SCENARIOS, 'How events are made')}
        {choose('ids', 'Event ids', MOCK_ID_SCHEMES, 'id: field of each event')}
      </Box>
      {mockText(mock, ['scenario']) === 'recorded' && field(['file'], 'Recording file', 'Beside the document, e.g. recordings/prices.json', { mono: true })}
      <ToggleButtonGroup exclusive size="small" value={shownPace} disabled={readOnly} onChange={(_, v: 'rate' | 'burst' | null) => switchPace(v)} aria-label="Pace of the mock stream">
        <ToggleButton value="rate" data-testid={`${testId}-pace-rate`} sx={{ py: 0.25 }}>
          Steady rate
        </ToggleButton>
        <ToggleButton value="burst" data-testid={`${testId}-pace-burst`} sx={{ py: 0.25 }}>
          Bursts
        </ToggleButton>
      </ToggleButtonGroup>
      {shownPace === 'rate' ? (
        field(['rate'], 'Rate (events/s)', '0.1 to 1000 events per second', { mono: true })
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1.5 }}>
          {field(['burst', 'events'], 'Events per burst', 'sent at once', { mono: true })}
          {field(['burst', 'everyMs'], 'Every (ms)', 'time between bursts', { mono: true })}
        </Box>
      )}
      {field(['event'], 'Event name', 'The event: field; empty = the message name', { mono: true })}
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1.5 }}>
        {field(['retryMs'], 'Retry hint (ms)', 'retry: sent on connect', { mono: true })}
        {field(['backlog'], 'Backlog (events)', 'history before the first client', { mono: true })}
      </Box>
      <FormControlLabel
        disabled={readOnly}
        control={
          <Checkbox
            size="small"
            checked={resumeShown}
            onChange={(e) => {
              setClicked({ checked: e.target.checked, over: resume });
              set(['resume'], e.target.checked ? undefined : false);
            }}
            slotProps={{ input: { 'data-testid': `${testId}-resume` } as object }}
          />
        }
        label="Resume from Last-Event-ID (replay missed events from the history)"
        slotProps={{ typography: { variant: 'body2' } }}
      />
    </Box>
  );
}
