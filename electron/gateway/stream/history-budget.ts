/**
 * One byte budget for every replay history of a gateway: whatever clients request, the histories
 * together never hold more than `limitBytes`. Under pressure the least recently used IDLE stream
 * (no subscriber) loses its whole history first; only when no idle one is left does the stream
 * that is growing lose its own oldest events. Either way the history remembers it lost events, so
 * a client that asks for them gets a `: gap:` comment instead of silence.
 */
export interface BudgetMember {
  /** Bytes this member holds now. */
  readonly bytes: number;
  /** No subscriber: its history may go first. */
  readonly idle: boolean;
  /** When a subscriber last came or went (ms), for LRU order. */
  readonly lastActiveAt: number;
  /** Forgets every event (an idle stream under pressure). */
  evictAll(): void;
  /** Forgets the oldest event; false when there is none. */
  evictOldest(): boolean;
}

/** With the rest of `serve` (mock, Studio API, sockets) this keeps the process near its 512 MB ceiling. */
export const DEFAULT_HISTORY_BUDGET_BYTES = 128 * 1024 * 1024;

export class HistoryBudget {
  private total = 0;
  private readonly members = new Set<BudgetMember>();
  evictedStreams = 0;

  constructor(readonly limitBytes: number = DEFAULT_HISTORY_BUDGET_BYTES) {}

  get usedBytes(): number {
    return this.total;
  }

  join(member: BudgetMember): void {
    this.members.add(member);
  }

  leave(member: BudgetMember): void {
    if (this.members.delete(member)) this.total -= member.bytes;
  }

  /** Bytes freed by a member itself (age or count limits). */
  release(bytes: number): void {
    this.total -= bytes;
  }

  /** Bytes a member just took; frees others (then the member's oldest) until the budget holds. */
  charge(member: BudgetMember, bytes: number): void {
    this.total += bytes;
    if (this.total <= this.limitBytes) return;
    const idle = [...this.members].filter((m) => m !== member && m.idle && m.bytes > 0).sort((a, b) => a.lastActiveAt - b.lastActiveAt);
    for (const m of idle) {
      if (this.total <= this.limitBytes) return;
      m.evictAll();
      this.evictedStreams++;
    }
    while (this.total > this.limitBytes && member.evictOldest());
    if (this.total <= this.limitBytes) return;
    // The growing member is empty yet the budget is still over: busy streams give up their oldest.
    for (const m of [...this.members].sort((a, b) => b.bytes - a.bytes)) {
      while (this.total > this.limitBytes && m.evictOldest());
      if (this.total <= this.limitBytes) return;
    }
  }
}
