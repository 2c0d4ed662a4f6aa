import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiSummary, SubscriptionTarget } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { createEventCheck, messagesFor } from '../test-lab/contract/contract-check.ts';
import type { MockView } from '../test-lab/useMockStatus.ts';
import type { TopicContracts } from '../test-lab/useTopicContracts.ts';
import { useVerdict } from '../test-lab/useVerdict.ts';
import { lostBefore, replayedIds } from '../test-lab/verdict-view.ts';
import { downloadText } from './download.ts';
import { filterRows, isFiltering, NO_FILTER, type EventFilter } from './event-filter.ts';
import { exportFileName, toJsonExport, toNdjson } from './export-log.ts';
import { useNow } from './useNow.ts';
import { useSubscription } from './useSubscription.ts';
import type { ViewerRow } from './viewer-row.ts';
import { ConnectionTimeline } from './ConnectionTimeline.tsx';
import { EventTable } from './EventTable.tsx';
import { EventViewerDetail } from './EventViewerDetail.tsx';
import { EventViewerForm } from './EventViewerForm.tsx';
import { EventViewerToolbar } from './EventViewerToolbar.tsx';
import { LiveChart, type ChartSeries } from '../test-lab/LiveChart.tsx';
import { ReconnectPanel } from '../test-lab/ReconnectPanel.tsx';
import { VerdictPanel } from '../test-lab/VerdictPanel.tsx';
import { RecordButton } from '../record/RecordButton.tsx';
import { numericIdsChoice, rememberNumericIdsChoice, rememberSlotSession, slotSession } from '../sessions/session-memory.ts';

/**
 * One subscriber of the live viewer, independent of the others: its own subscription, event list,
 * detail pane, connection timeline, chart, contract check, reconnect tools and replay verdict.
 */
export interface EventViewerPanelProps {
  api: ApiSummary;
  mock: MockView;
  contracts: TopicContracts;
  /** Side by side with other subscribers: narrower, stacked layout. */
  compact: boolean;
  /** This viewer's place (API and slot): the session it shows is found again by it. */
  slot: string;
}

const LIST_HEIGHT = 380;

export function EventViewerPanel({ api, mock, contracts, compact, slot }: EventViewerPanelProps) {
  const { client } = useStudio();
  const [activeTopic, setActiveTopic] = useState<string>();
  const check = useMemo(() => (contracts.messages && activeTopic ? createEventCheck(messagesFor(contracts.messages, activeTopic), activeTopic) : undefined), [contracts.messages, activeTopic]);
  const sub = useSubscription(client, check);
  const { store, version } = sub;

  // Lost events are judged by the source's record (the mock's); the numeric-id rule is for other
  // backends and only when the tester turns it on. The choice is kept (per API), not reset per Subscribe.
  const [consecutive, setConsecutiveState] = useState(() => numericIdsChoice(api.id));
  const setConsecutiveChoice = useCallback(
    (on: boolean) => {
      rememberNumericIdsChoice(api.id, on);
      setConsecutiveState(on);
    },
    [api.id],
  );
  const { attach } = sub;
  // Coming back (tab switch, another API, page reload): re-attach to the session on the host.
  useEffect(() => {
    const id = slotSession(slot);
    if (!id) return;
    void attach(id).then((summary) => {
      if (!summary) return rememberSlotSession(slot, undefined);
      if (summary.topicPath) setActiveTopic(summary.topicPath);
    });
  }, [slot, attach]);
  const verdict = useVerdict(client, sub.subscriptionId, { consecutive, live: sub.live, connections: store.connections });
  const replayed = useMemo(() => replayedIds(verdict.verdict), [verdict.verdict]);
  const gaps = useMemo(() => lostBefore(verdict.verdict), [verdict.verdict]);

  const [filter, setFilter] = useState<EventFilter>(NO_FILTER);
  const [paused, setPaused] = useState<{ rows: ViewerRow[]; received: number }>();
  const [selected, setSelected] = useState<ViewerRow>();
  const now = useNow(sub.live || store.received > 0);

  const filtering = isFiltering(filter);
  const ringAt = useCallback((i: number) => store.rows.newest(i), [store]);
  // A filtered or paused view is a list of its own; otherwise the list reads the ring directly.
  const list = useMemo(() => {
    if (!filtering && !paused) return undefined;
    const source = paused?.rows;
    return source ? filterRows(source.length, (i) => source[i], filter, replayed) : filterRows(store.rows.size, ringAt, filter, replayed);
    // `version` says the ring changed.
  }, [filtering, paused, filter, replayed, store, ringAt, version]);
  const listAt = useCallback((i: number) => list?.[i], [list]);
  const count = list ? list.length : store.rows.size;
  const rowAt = list ? listAt : ringAt;

  const series = useMemo(() => store.rates.series(now), [store, now]);
  const rate = useMemo(() => store.rates.rate(now), [store, now]);
  // Read per render (not per `now` tick): the warning comes and goes with the stream's pace.
  const sampling = store.rates.sampling(Date.now());
  const chartSeries = useMemo<ChartSeries[]>(
    () => [
      { label: 'events/s', values: series.eventsPerSecond, color: 'primary', unit: '/s' },
      { label: 'latency', values: series.latencyMs, color: 'secondary', unit: 'ms' },
    ],
    [series],
  );
  const typeKey = [...store.types.keys()].sort().join('\n');
  const types = useMemo(() => (typeKey ? typeKey.split('\n') : []), [typeKey]);

  // Callbacks read the latest values through a ref, so memoized children keep their props.
  const latest = useRef({ count, rowAt, filtering, filter, replayed, url: sub.url });
  latest.current = { count, rowAt, filtering, filter, replayed, url: sub.url };

  const { start, stop, clear, note } = sub;
  const { refresh } = verdict;
  const onAction = useCallback(
    (what?: string) => {
      if (what) note(what);
      refresh();
    },
    [note, refresh],
  );
  const subscribe = useCallback(
    (target: SubscriptionTarget, topic: string) => {
      setActiveTopic(topic);
      setSelected(undefined);
      setPaused(undefined);
      void start({ ...target, ids: consecutive ? 'consecutive' : 'off' });
    },
    [start, consecutive],
  );
  // The session this viewer shows, remembered so it can be found again.
  useEffect(() => {
    if (sub.subscriptionId) rememberSlotSession(slot, sub.subscriptionId);
  }, [slot, sub.subscriptionId]);
  const onStop = useCallback(() => void stop(), [stop]);
  const onPause = useCallback(() => setPaused({ rows: store.rows.newestFirst(), received: store.received }), [store]);
  const onResume = useCallback(() => setPaused(undefined), []);
  const onClear = useCallback(() => {
    clear();
    setSelected(undefined);
    setPaused(undefined);
  }, [clear]);
  const onToggleViolations = useCallback(() => setFilter((f) => ({ ...f, flagged: f.flagged === 'violations' ? 'all' : 'violations' })), []);
  const onExport = useCallback(
    (format: 'ndjson' | 'json') => {
      const { count: n, rowAt: at, filtering: filtered, filter: f, replayed: r, url } = latest.current;
      const rows: ViewerRow[] = [];
      for (let i = 0; i < n; i++) {
        const row = at(i);
        if (row) rows.push(row);
      }
      const exportedAt = Date.now();
      // A filtered view exports what it shows, and the file says so (issue 10).
      const meta = { url, exportedAt, received: store.received, droppedFromView: store.droppedFromView, ...(filtered ? { filter: JSON.stringify(f) } : {}) };
      const name = exportFileName(url, format, exportedAt, filtered);
      if (format === 'ndjson') downloadText(name, toNdjson(rows, r, meta), 'application/x-ndjson');
      else downloadText(name, toJsonExport(rows, r, meta), 'application/json');
    },
    [store],
  );

  const contractWords = contractDescription(contracts, activeTopic);
  const contract = useMemo(() => (activeTopic ? { checking: check !== undefined, words: contractWords } : undefined), [activeTopic, check, contractWords]);
  const hasEvents = store.rows.size > 0;

  return (
    <Box data-testid="subscriber-panel" sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <EventViewerForm api={api} state={store.state} live={sub.live} opening={sub.opening} onSubscribe={subscribe} onStop={onStop} compact={compact} />
      {sub.url && (
        <Typography data-testid="viewer-url" variant="caption" color="text.secondary" noWrap sx={{ fontFamily: MONO_FONT, px: 2, pb: 1, display: 'block' }}>
          {sub.url}
        </Typography>
      )}
      {!api.deployed && (
        <Alert severity="info" sx={{ mx: 2, mb: 1 }} data-testid="viewer-not-deployed">
          Deploy the API to subscribe to it through the gateway.
        </Alert>
      )}
      {sub.error && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }} data-testid="viewer-error">
          {sub.error}
        </Alert>
      )}
      <ReconnectPanel
        api={api}
        client={client}
        topic={activeTopic ?? api.topics[0]?.path ?? '/'}
        live={sub.live}
        mock={mock}
        consecutive={consecutive}
        onConsecutive={setConsecutiveChoice}
        dropClient={sub.drop}
        onAction={onAction}
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 2 }}>
        <RecordButton subscriptionId={sub.subscriptionId} hasEvents={hasEvents} topic={activeTopic} />
      </Box>
      <EventViewerToolbar
        stats={{
          received: store.received,
          listed: store.listed,
          ratePerSecond: rate,
          droppedFromView: store.droppedFromView,
          skippedByHost: store.skippedByHost,
          sampling,
          violations: store.violations,
          contract,
          onToggleViolations,
        }}
        controls={{
          types,
          filter,
          onFilter: setFilter,
          shown: filtering ? count : undefined,
          paused: paused !== undefined,
          sincePause: paused ? store.received - paused.received : 0,
          onPause,
          onResume,
          onClear,
          onExport,
          hasEvents,
          compact,
        }}
      />
      {/* Below 1536 px the detail goes under the list: beside it, it would squeeze the Data column to nothing. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: compact ? 'minmax(0, 1fr)' : { xs: 'minmax(0, 1fr)', xl: 'minmax(0, 1fr) 360px' }, borderBottom: 1, borderColor: 'divider' }}>
        <EventTable
          count={count}
          rowAt={rowAt}
          version={list ?? version}
          selectedSeq={selected?.seq}
          onSelect={setSelected}
          replayed={replayed}
          gaps={gaps}
          compact={compact}
          height={LIST_HEIGHT}
          emptyText={filtering && store.rows.size ? 'No event matches the filter.' : 'Events appear here as they arrive.'}
        />
        <Box
          sx={(t) => ({
            height: 300,
            borderTop: `1px solid ${t.palette.divider}`,
            minWidth: 0,
            ...(compact ? {} : { [t.breakpoints.up('xl')]: { height: LIST_HEIGHT, borderTop: 'none', borderLeft: `1px solid ${t.palette.divider}` } }),
          })}
        >
          <EventViewerDetail row={selected} replayed={selected?.id !== undefined && replayed.has(selected.id)} />
        </Box>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: compact ? 'minmax(0, 1fr)' : 'minmax(0, 0.9fr) minmax(0, 1fr) minmax(0, 1.35fr)', minHeight: 0 }}>
        <Box sx={(t) => ({ height: 300, borderRight: compact ? 'none' : `1px solid ${t.palette.divider}`, borderBottom: compact ? `1px solid ${t.palette.divider}` : 'none', minWidth: 0 })}>
          <ConnectionTimeline entries={store.timeline} />
        </Box>
        <Box sx={(t) => ({ p: 1.5, borderRight: compact ? 'none' : `1px solid ${t.palette.divider}`, borderBottom: compact ? `1px solid ${t.palette.divider}` : 'none', minWidth: 0 })}>
          <Typography variant="overline" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
            Last 60 s
          </Typography>
          <LiveChart
            testId="viewer-chart"
            height={compact ? 90 : 150}
            series={chartSeries}
            caption={store.received > 0 && !series.latencyMs.some((v) => v !== null) ? 'latency: events carry no send time' : undefined}
          />
        </Box>
        <Box sx={{ height: compact ? 'auto' : 300, minWidth: 0 }}>
          <VerdictPanel state={verdict} subscribed={sub.subscriptionId !== undefined} />
        </Box>
      </Box>
    </Box>
  );
}

function contractDescription(contracts: TopicContracts, topic: string | undefined): string {
  if (contracts.error) return `The contract could not be read: ${contracts.error}`;
  if (!contracts.messages || !topic) return 'Reading the API document…';
  const messages = messagesFor(contracts.messages, topic);
  if (!messages.length) return `The document declares no messages for ${topic}: nothing to check events against.`;
  const names = messages.map((m) => `${m.eventName ?? '(no name: message)'}${m.payloadSchema === undefined ? '' : ' + payload schema'}`);
  return `Each event is checked against the AsyncAPI messages of ${topic}: ${names.join(', ')} (event name, and the payload against its JSON Schema).`;
}
