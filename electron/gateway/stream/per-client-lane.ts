import { encodeSseComment } from '../../../shared/sse/encode.ts';
import type { StreamHub } from './stream-hub.ts';
import { MAX_BACKOFF_MS, MIN_BACKOFF_MS } from './backoff.ts';
import type { Subscriber } from './subscriber.ts';
import { connectUpstream, type UpstreamConnection } from './upstream-connection.ts';
import { passAnswerThrough, sendBadGateway } from './backend-answer.ts';
import { withoutBom } from './bom.ts';
import { ReadBatch } from './read-batch.ts';
import { IdContinuity } from './id-continuity.ts';

/**
 * Per-client mode (WSO2's behaviour): one upstream connection for one subscriber. The stream's
 * history is shared with the other lanes, so a reconnect is replayed from it first. The replay is
 * read when the client's response opens — not when it subscribed — so events other lanes add while
 * this lane's backend is answering are part of it (the seam loses nothing); the backend's resends
 * of them are skipped by id and bytes. When the client leaves, its upstream keeps recording for the
 * replay window (one such recorder per stream), until another lane of the stream opens.
 */
export function runPerClientLane(hub: StreamHub, sub: Subscriber, lastEventId: string | undefined): void {
  const { history, runtime, counters } = hub;
  // Ask the backend to resume after what the history already has; the replay covers the rest.
  let laneLastId = lastEventId !== undefined && history.has(lastEventId) ? (history.lastId ?? lastEventId) : lastEventId;
  /** The last id this client has (replayed or delivered): the next new event must follow it. */
  let clientLastId = lastEventId;
  let upstream: UpstreamConnection | undefined;
  let opened = false;
  // Ids of this client's replay, for the seam after it (the backend may resend them).
  let replayed: Set<string> | undefined;
  let atSeam = false;
  let checkResume = false;
  let backoff = MIN_BACKOFF_MS;
  let outageSince: number | undefined;
  /** The current upstream brought events: after it ends, the first reconnect is immediate. */
  let productive = false;
  let timer: NodeJS.Timeout | undefined;
  /** The client left and this lane records for the replay window (see the close handler). */
  let recording = false;
  let stopped = false;
  let leftWithoutRecording = false;
  const batch = new ReadBatch();
  // With a history, the stream's ids are observed once, by the lane that brings them first. Without
  // one (replay off) nothing says which lane saw an id first: each lane checks its own sequence, as
  // several lanes feeding one check interleave and make it give up.
  const ids = runtime.replay.maxEvents === 0 ? new IdContinuity() : hub.ids;

  /**
   * The client already has `id`: the history holds it at or before the last id the client got
   * (the history is in the backend's order, since lanes only add ids it does not have yet).
   * Cheaper than remembering each delivered id per lane.
   */
  const deliveredBefore = (id: string): boolean => {
    if (clientLastId === undefined) return false;
    const entry = history.entryFor(id);
    const last = history.entryFor(clientLastId);
    return entry !== undefined && last !== undefined && entry.seq <= last.seq;
  };

  /** Opens the client's stream and writes its replay, read from the history now. */
  const open = (contentType: string | undefined, outageNote?: string) => {
    opened = true;
    hub.openClient(sub, contentType, outageNote);
    if (lastEventId !== undefined) {
      const replay = history.after(lastEventId);
      replayed = hub.replayTo(sub, lastEventId, replay.found ? replay.entries : undefined, false);
      const last = replay.found ? replay.entries[replay.entries.length - 1] : undefined;
      if (last?.id !== undefined) clientLastId = last.id;
      atSeam = replay.found;
    }
    hub.joinLive(sub);
    hub.stopRecorder();
  };

  const flush = () => {
    if (batch.empty) return;
    if (!sub.closed) {
      sub.writeBlocks(batch, batch.joined(), counters);
      if (batch.events) counters.addedLatency.record((performance.now() - batch.receivedAt) * 1000);
    }
    batch.clear();
  };

  const connect = () => {
    timer = undefined;
    if (stopped) return;
    counters.upstreamConnects++;
    let firstBlock = true;
    upstream = connectUpstream(hub.url, laneLastId, runtime.maxEventBytes, {
      onStream: (headers) => {
        outageSince = undefined;
        productive = false;
        hub.everStreamed = true;
        if (!opened) open(headers['content-type']);
        else atSeam = true; // the gateway resumed the backend itself
        checkResume = clientLastId !== undefined;
      },
      onBlock: (block, meaning, receivedAt) => {
        // Mid-stream for this client (after a replay or a resume): a BOM would corrupt a line.
        if (firstBlock) {
          firstBlock = false;
          if (atSeam || checkResume) block = withoutBom(block);
        }
        if (!meaning.isEvent) {
          if (meaning.retryMs !== undefined) {
            hub.backendRetryMs = meaning.retryMs;
            if (runtime.retryMs !== undefined) return;
          }
          batch.add(block, false, receivedAt);
          return;
        }
        if (atSeam) {
          if (meaning.id !== undefined && (replayed?.has(meaning.id) || deliveredBefore(meaning.id)) && hub.isResent(meaning.id, withoutBom(block))) return;
          atSeam = false;
          replayed = undefined;
        }
        let resumed = false;
        if (checkResume) {
          // The backend resumed inclusively and resent the event the client has (see hub.isResendOfSent).
          if (hub.isResendOfSent(clientLastId, meaning.id, withoutBom(block))) return;
          checkResume = false;
          resumed = true;
          const gap = hub.sourceHole(clientLastId, meaning.id, ids);
          if (gap !== undefined) batch.add(Buffer.from(encodeSseComment(gap)), false, receivedAt);
        }
        if (meaning.id !== undefined) {
          laneLastId = meaning.id;
          clientLastId = meaning.id;
          if (!history.hasId(meaning.id)) {
            // After a resume the step is checked above, not held against the stream's numbering.
            ids.observe(meaning.id, resumed);
            history.append(meaning.id, withoutBom(block));
          }
        }
        productive = true;
        counters.eventsIn++;
        counters.bytesIn += block.length;
        batch.add(block, true, receivedAt);
      },
      onReadEnd: flush,
      onOversize: (bytes) => {
        flush();
        counters.oversizeEventsDropped++;
        sub.comment(`gateway dropped an event of ${bytes} bytes (over maxEventBytes ${runtime.maxEventBytes})`);
      },
      onAnswer: (status, headers, body) => {
        flush();
        upstream = undefined;
        counters.upstreamFailures++;
        const why = `backend answered HTTP ${status}`;
        if (!opened) {
          if (status >= 500 && holdable()) return holdOpen(why);
          return passAnswerThrough(sub.res, status, headers, body);
        }
        if (status === 204) {
          sub.comment('backend answered 204 No Content: the stream is over');
          return sub.end();
        }
        retry(why);
      },
      onClosed: ({ kind, detail, trailing }) => {
        flush();
        upstream = undefined;
        if (!opened) {
          counters.upstreamFailures++;
          if (holdable()) return holdOpen(detail);
          return sendBadGateway(sub.res, detail, hub.url);
        }
        if (kind === 'refused') counters.upstreamFailures++;
        if (runtime.onBackendDrop === 'close-client') {
          if (trailing.length) sub.write(trailing, false);
          return sub.end();
        }
        retry(detail);
      },
    });
  };

  /** Held through an outage: a reconnecting client, or a stream the backend has served before. */
  const holdable = () => hub.outageWindowMs > 0 && (hub.everStreamed || lastEventId !== undefined);

  const holdOpen = (why: string) => {
    if (sub.closed) return;
    open(undefined, `${why}; the gateway holds this stream open and reconnects`);
    retry(why);
  };

  const retry = (why: string) => {
    // A client that is going away still gets its retry scheduled until its close handler decides
    // whether this lane records on (the drop and a refused reconnect race).
    if (stopped || (leftWithoutRecording && !recording)) return;
    const now = Date.now();
    outageSince ??= now;
    if (now - outageSince >= hub.outageWindowMs) {
      sub.comment(`${why}: the backend has been unreachable for ${Math.round((now - outageSince) / 1000)} s (outageSeconds ${hub.outageWindowMs / 1000}); the gateway ends this stream, reconnect to resume`);
      return sub.end();
    }
    let delay = hub.backendRetryMs ?? 0;
    if (productive) {
      productive = false;
      backoff = MIN_BACKOFF_MS;
    } else {
      delay = Math.max(backoff, delay);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    sub.comment(`${why}; the gateway reconnects in ${delay} ms${laneLastId !== undefined ? ` with Last-Event-ID ${laneLastId}` : ''}`);
    timer = setTimeout(connect, delay);
  };

  sub.res.on('close', () => {
    const windowMs = Math.min(runtime.lingerSeconds, runtime.replay.maxAgeSeconds) * 1000;
    if (!opened || windowMs <= 0 || runtime.replay.maxEvents === 0 || (!upstream && !timer)) {
      leftWithoutRecording = true;
      clearTimeout(timer);
      return upstream?.close();
    }
    // Keep this upstream recording (or reconnecting, through an outage) for the replay window: a
    // client that comes back finds what it missed even if it was the stream's only subscriber and
    // the backend ignores Last-Event-ID. One recorder per stream (every lane of a stream gets the
    // same bytes); a lane that opens takes over, its replay covering what the recorder kept.
    recording = true;
    const stop = () => {
      stopped = true;
      clearTimeout(until);
      clearTimeout(timer);
      upstream?.close();
      upstream = undefined;
    };
    const until = setTimeout(() => hub.stopRecorder(stop), windowMs);
    until.unref();
    hub.adoptRecorder(stop);
  });
  connect();
}
