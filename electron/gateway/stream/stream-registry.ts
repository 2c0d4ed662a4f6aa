import { createHash } from 'node:crypto';
import { DEFAULT_MAX_STREAMS, type ApiRuntime } from '../../../shared/model/runtime.ts';
import type { StreamCounters } from '../metrics.ts';
import { HistoryBudget } from './history-budget.ts';
import { StreamHub } from './stream-hub.ts';

/**
 * The gateway's live backend streams, one StreamHub per upstream key, with the limits that keep
 * memory bounded whatever clients request: one byte budget for all replay histories, and at most
 * `maxStreams` distinct upstream keys per API (idle streams are forgotten first, least recently used;
 * when none is idle the request is refused with 503). A stream forgotten with its history is
 * remembered (by a hash of its key) so that a client coming back with Last-Event-ID hears of the
 * gap instead of silence.
 *
 * The upstream key is everything that can make two clients' streams differ: the API, the backend
 * URL with its query, and the request headers forwarded to the backend. Today the gateway forwards
 * none (the client's credentials authenticate it to the gateway and are stripped), so clients with
 * the same backend URL receive the same bytes and may share one upstream.
 */
export function upstreamKey(apiId: string, target: URL, forwardedHeaders: Record<string, string> = {}): string {
  const headers = Object.keys(forwardedHeaders)
    .sort()
    .map((name) => `${name.toLowerCase()}: ${forwardedHeaders[name]}`);
  return [apiId, target.href, ...headers].join('\n');
}

const TOMBSTONES = 10_000;

export class StreamRegistry {
  readonly budget: HistoryBudget;
  private readonly hubs = new Map<string, StreamHub>();
  private readonly apiOf = new Map<StreamHub, string>();
  /** Hashes of keys whose history was evicted, oldest first. */
  private readonly evictedKeys = new Set<string>();
  streamsRefused = 0;

  constructor(historyBudgetBytes?: number) {
    this.budget = new HistoryBudget(historyBudgetBytes);
  }

  get size(): number {
    return this.hubs.size;
  }

  all(): IterableIterator<StreamHub> {
    return this.hubs.values();
  }

  /** The hub for a key, made if needed; undefined when the API is at its stream cap and none is idle. */
  hubFor(apiId: string, key: string, target: URL, runtime: ApiRuntime, counters: StreamCounters, topic: string): StreamHub | undefined {
    const found = this.hubs.get(key);
    if (found) return found;
    if (!this.makeRoom(apiId, runtime.maxStreams ?? DEFAULT_MAX_STREAMS)) {
      this.streamsRefused++;
      return undefined;
    }
    const hash = hashOf(key);
    const historyWasEvicted = this.evictedKeys.delete(hash);
    const hub = new StreamHub(target, runtime, counters, topic, { budget: this.budget, historyWasEvicted });
    this.hubs.set(key, hub);
    this.apiOf.set(hub, apiId);
    return hub;
  }

  /** Frees a place under the API's cap: the least recently used idle stream goes. */
  private makeRoom(apiId: string, cap: number): boolean {
    let count = 0;
    let oldest: [string, StreamHub] | undefined;
    for (const [key, hub] of this.hubs) {
      if (this.apiOf.get(hub) !== apiId) continue;
      count++;
      if (hub.idle && (!oldest || hub.lastActiveAt < oldest[1].lastActiveAt)) oldest = [key, hub];
    }
    if (count < cap) return true;
    if (!oldest) return false;
    this.forget(oldest[0], oldest[1]);
    return true;
  }

  private forget(key: string, hub: StreamHub): void {
    if (hub.history.size > 0 || hub.history.lostUnderPressure) this.remember(hashOf(key));
    hub.close();
    this.hubs.delete(key);
    this.apiOf.delete(hub);
  }

  private remember(hash: string): void {
    this.evictedKeys.delete(hash);
    this.evictedKeys.add(hash);
    if (this.evictedKeys.size > TOMBSTONES) this.evictedKeys.delete(this.evictedKeys.values().next().value as string);
  }

  dropSubscribers(apiId: string, topicPath?: string): number {
    let dropped = 0;
    for (const hub of this.hubs.values()) {
      if (this.apiOf.get(hub) !== apiId) continue;
      if (topicPath !== undefined && hub.topic !== topicPath) continue;
      dropped += hub.dropSubscribers();
    }
    return dropped;
  }

  closeApi(apiId: string): void {
    for (const [key, hub] of this.hubs) {
      if (this.apiOf.get(hub) !== apiId) continue;
      hub.close();
      this.hubs.delete(key);
      this.apiOf.delete(hub);
    }
  }

  /** Forgets streams with nothing connected and nothing kept. */
  sweep(): void {
    for (const [key, hub] of this.hubs) {
      if (!hub.disposable) continue;
      if (hub.history.lostUnderPressure) this.remember(hashOf(key));
      hub.close();
      this.hubs.delete(key);
      this.apiOf.delete(hub);
    }
  }

  closeAll(): void {
    for (const hub of this.hubs.values()) hub.close();
    this.hubs.clear();
    this.apiOf.clear();
  }
}

function hashOf(key: string): string {
  return createHash('sha256').update(key).digest('base64');
}
