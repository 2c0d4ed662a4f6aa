/**
 * The workloads. Every client receives the same stream; `rate` is events per second per client,
 * so the offered load is clients × rate deliveries per second.
 */
export type ScenarioKind = 'stream' | 'idle' | 'replay';

export interface Scenario {
  name: string;
  kind: ScenarioKind;
  title: string;
  clients: number;
  /** Events per second on the stream (stream scenarios). */
  rate: number;
  /** Client driver processes the clients are split over. */
  drivers: number;
  /** Replay scenario: how far behind the reconnecting client is. */
  replayEvents: number;
}

export interface ScenarioSizes {
  quick: boolean;
  drivers: number | undefined;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function scenarios({ quick, drivers }: ScenarioSizes): Scenario[] {
  const list: Array<Omit<Scenario, 'title'>> = [
    { name: 'fast', kind: 'stream', clients: 100, rate: 1000, drivers: drivers ?? 1, replayEvents: 0 },
    { name: 'wide', kind: 'stream', clients: quick ? 250 : 1000, rate: 100, drivers: drivers ?? 1, replayEvents: 0 },
    { name: 'many', kind: 'stream', clients: quick ? 1000 : 5000, rate: 10, drivers: drivers ?? 1, replayEvents: 0 },
    { name: 'idle', kind: 'idle', clients: quick ? 1000 : 10_000, rate: 0, drivers: drivers ?? 1, replayEvents: 0 },
    { name: 'replay', kind: 'replay', clients: 1, rate: 0, drivers: 1, replayEvents: 10_000 },
  ];
  return list.map((s) => ({ ...s, title: titleOf(s) }));
}

function titleOf(s: Omit<Scenario, 'title'>): string {
  switch (s.kind) {
    case 'stream':
      return `${fmt(s.clients)} clients × ${fmt(s.rate)} events/s (offered ${fmt(s.clients * s.rate)} deliveries/s)`;
    case 'idle':
      return `${fmt(s.clients)} idle clients (no events): memory per idle connection`;
    case 'replay':
      return `reconnect with Last-Event-ID ${fmt(s.replayEvents)} events behind: time to the ${fmt(s.replayEvents)}th replayed event`;
  }
}
