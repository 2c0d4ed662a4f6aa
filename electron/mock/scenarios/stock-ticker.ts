import type { Scenario } from '../scenario.ts';
import { seededRandom } from '../random.ts';

/** Prices for a few symbols as a random walk: `event: price`, JSON data, one symbol per event. */
export const STOCK_SYMBOLS = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA'] as const;

/** Deterministic (seeded) so runs are reproducible; `symbols` picks which ones tick (any name works). */
export function stockTicker(seed = 42, symbols: readonly string[] = STOCK_SYMBOLS): Scenario {
  const random = seededRandom(seed);
  const prices = new Map<string, number>(symbols.map((s, i) => [s, 100 + i * 25]));
  return {
    rate: 2,
    next(seq, now) {
      const symbol = symbols[(seq - 1) % symbols.length] as string;
      const before = prices.get(symbol) as number;
      const price = Math.max(1, Math.round(before * (1 + (random() - 0.5) * 0.02) * 100) / 100);
      prices.set(symbol, price);
      const data = { symbol, price, change: Math.round((price - before) * 100) / 100, time: new Date(now).toISOString() };
      return { event: 'price', data: JSON.stringify(data), key: symbol };
    },
  };
}
