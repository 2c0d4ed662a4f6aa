import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { styled } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { memo, useState } from 'react';
import type { EventFilter } from './event-filter.ts';
import { MAX_EVENTS } from './viewer-store.ts';
import { MONO_FONT } from '../theme.ts';
import { ClearIcon } from '../widgets/icons.tsx';
import { CheckIcon, DownloadIcon, PauseIcon, ResumeIcon, WarningIcon } from '../test-lab/lab-icons.tsx';
import { countNoun } from '../widgets/count-noun.ts';

/**
 * The event list's bar: what arrived (count, rate, what fell out of view), the contract check's
 * count, the filter (type, text, flagged), and pause / clear / export. The counters change with
 * every render while a stream runs, so they are plain text; the controls are memoized and only
 * re-render when the filter, the types seen or the pause state change.
 */
export interface ListStatsProps {
  received: number;
  /** Of those, the events that reached the list. */
  listed: number;
  ratePerSecond: number;
  droppedFromView: number;
  skippedByHost: number;
  /** Events the host received per event listed, lately (1: every event is listed). */
  sampling: number;
  violations: number;
  /** What the contract check compares against, in words; undefined before a subscription. */
  contract: { checking: boolean; words: string } | undefined;
  onToggleViolations: () => void;
}

export interface ListControlsProps {
  types: readonly string[];
  filter: EventFilter;
  onFilter: (filter: EventFilter) => void;
  /** Rows that match the filter (shown while filtering). */
  shown: number | undefined;
  paused: boolean;
  /** Events received since the pause. */
  sincePause: number;
  onPause: () => void;
  onResume: () => void;
  onClear: () => void;
  onExport: (format: 'ndjson' | 'json') => void;
  hasEvents: boolean;
  compact: boolean;
}

export function EventViewerToolbar({ stats, controls }: { stats: ListStatsProps; controls: ListControlsProps }) {
  return (
    <Bar>
      <ListStats {...stats} />
      <span className="grow" />
      <ListControls {...controls} />
    </Bar>
  );
}

const Bar = styled('div')(({ theme }) => ({
  display: 'flex',
  alignItems: 'center',
  gap: theme.spacing(1.25),
  padding: theme.spacing(0.75, 2),
  flexWrap: 'wrap',
  borderTop: `1px solid ${theme.palette.divider}`,
  borderBottom: `1px solid ${theme.palette.divider}`,
  '& .grow': { flex: 1 },
  '& .label': { ...theme.typography.overline, color: theme.palette.text.secondary },
  '& .count': { fontFamily: MONO_FONT, fontWeight: 700, fontSize: '0.82rem' },
  '& .rate': { fontFamily: MONO_FONT, fontSize: '0.82rem', color: theme.palette.text.secondary },
  '& .note': { fontSize: '0.72rem', color: theme.palette.text.secondary },
  '& .warn': { fontSize: '0.72rem', color: theme.palette.warning.main },
  '& .behind': {
    fontSize: '0.72rem',
    fontWeight: 700,
    padding: theme.spacing(0.25, 0.75),
    borderRadius: theme.shape.borderRadius,
    color: theme.palette.warning.contrastText,
    backgroundColor: theme.palette.warning.main,
  },
}));

function ListStats({ received, listed, ratePerSecond, droppedFromView, skippedByHost, sampling, violations, contract, onToggleViolations }: ListStatsProps) {
  return (
    <>
      <span className="label">Events</span>
      <span className="count" data-testid="event-count" data-value={received} data-listed={listed}>
        {received.toLocaleString('en-US')}
      </span>
      <span className="rate" data-testid="viewer-rate" data-value={ratePerSecond} title="Average over the last 5 whole seconds">
        {formatRate(ratePerSecond)}/s
      </span>
      {droppedFromView > 0 && (
        <span
          className="note"
          data-testid="dropped-from-view"
          data-value={droppedFromView}
          title={`The list keeps the newest ${MAX_EVENTS.toLocaleString('en-US')} events (bounded memory); older ones are counted, not kept.`}
        >
          {droppedFromView.toLocaleString('en-US')} older dropped from view
        </span>
      )}
      {sampling >= MIN_SAMPLING_SHOWN && (
        <span
          className="behind"
          role="status"
          data-testid="viewer-sampling"
          data-value={sampling}
          title="The stream is faster than the list can show: the host passes an even sample to the window. Every event is still counted, and the verdict checks every one."
        >
          showing 1 in {formatSampling(sampling)}
        </span>
      )}
      {skippedByHost > 0 && (
        <span
          className="warn"
          data-testid="host-skipped"
          data-value={skippedByHost}
          title="Events the host received (they count here and in the verdict) but did not pass to the window, because the stream was faster than the list can show."
        >
          {skippedByHost.toLocaleString('en-US')} not listed (too fast)
        </span>
      )}
      {contract && <ContractChip checking={contract.checking} words={contract.words} violations={violations} onClick={onToggleViolations} />}
    </>
  );
}

const ContractChip = memo(function ContractChip({ checking, words, violations, onClick }: { checking: boolean; words: string; violations: number; onClick: () => void }) {
  return (
    <Tooltip title={words}>
      <Chip
        size="small"
        variant="outlined"
        color={!checking ? 'default' : violations ? 'error' : 'success'}
        icon={violations ? <WarningIcon /> : <CheckIcon />}
        label={
          <span>
            contract: <span data-testid="contract-violations">{checking ? violations.toLocaleString('en-US') : '—'}</span> {violations === 1 ? 'violation' : 'violations'}
          </span>
        }
        onClick={violations ? onClick : undefined}
        data-testid="contract-chip"
      />
    </Tooltip>
  );
});

const ListControls = memo(function ListControls({ types, filter, onFilter, shown, paused, sincePause, onPause, onResume, onClear, onExport, hasEvents, compact }: ListControlsProps) {
  const [exportAnchor, setExportAnchor] = useState<HTMLElement | null>(null);
  const exportAs = (format: 'ndjson' | 'json') => {
    setExportAnchor(null);
    onExport(format);
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, flexWrap: 'wrap' }}>
      <TextField
        select
        label="Type"
        value={filter.type}
        onChange={(e) => onFilter({ ...filter, type: e.target.value })}
        sx={{ width: compact ? 100 : 120 }}
        slotProps={{ htmlInput: { 'data-testid': 'filter-type' } }}
      >
        <MenuItem value="">All types</MenuItem>
        {types.map((t) => (
          <MenuItem key={t} value={t} sx={{ fontFamily: MONO_FONT }}>
            {t}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Show"
        value={filter.flagged}
        onChange={(e) => onFilter({ ...filter, flagged: e.target.value as EventFilter['flagged'] })}
        sx={{ width: compact ? 110 : 120 }}
        slotProps={{ htmlInput: { 'data-testid': 'filter-flagged' } }}
      >
        <MenuItem value="all">All events</MenuItem>
        <MenuItem value="replayed">Replayed</MenuItem>
        <MenuItem value="violations">Violations</MenuItem>
      </TextField>
      <TextField
        label="Find"
        placeholder="id, type or data"
        value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
        sx={{ width: compact ? 130 : 170 }}
        slotProps={{ htmlInput: { 'data-testid': 'filter-text', spellCheck: false } }}
      />
      {shown !== undefined && (
        <Box component="span" data-testid="filter-shown" sx={{ fontSize: '0.72rem', color: 'text.secondary' }}>
          {countNoun(shown, 'match', 'matches')}
        </Box>
      )}
      {paused ? (
        <Button size="small" variant="contained" color="warning" data-testid="resume-button" startIcon={<ResumeIcon />} onClick={onResume}>
          Resume{sincePause ? ` (+${sincePause.toLocaleString('en-US')})` : ''}
        </Button>
      ) : (
        <Tooltip title="Freeze the list; events keep arriving and are counted">
          <Button size="small" color="inherit" data-testid="pause-button" startIcon={<PauseIcon />} onClick={onPause}>
            Pause
          </Button>
        </Tooltip>
      )}
      <Button size="small" color="inherit" data-testid="clear-events" startIcon={<ClearIcon fontSize="small" />} onClick={onClear} disabled={!hasEvents}>
        Clear
      </Button>
      <Tooltip title="Export the events in the list (NDJSON or JSON)">
        <span>
          <IconButton size="small" data-testid="export-button" onClick={(e) => setExportAnchor(e.currentTarget)} disabled={!hasEvents} aria-haspopup="menu" aria-label="Export the log">
            <DownloadIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Menu anchorEl={exportAnchor} open={Boolean(exportAnchor)} onClose={() => setExportAnchor(null)}>
        <MenuItem data-testid="export-ndjson" onClick={() => exportAs('ndjson')}>
          NDJSON (one event per line)
        </MenuItem>
        <MenuItem data-testid="export-json" onClick={() => exportAs('json')}>
          JSON document
        </MenuItem>
      </Menu>
    </Box>
  );
});

/** Below it the list shows (nearly) every event; rounding noise is not worth a warning. */
const MIN_SAMPLING_SHOWN = 1.05;

function formatSampling(n: number): string {
  return n >= 10 ? Math.round(n).toLocaleString('en-US') : (Math.round(n * 10) / 10).toString();
}

function formatRate(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : (Math.round(n * 10) / 10).toString();
}
