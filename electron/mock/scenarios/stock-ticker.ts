import type { Scenario } from '../mock-stream.ts';

/** Prices for a few symbols as a random walk: `event: price`, JSON data, one symbol per event. */
export const STOCK_SYMBOLS = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA'] as const;

export function stockTicker(seed = 42): Scenario {
  let state = seed >>> 0;
  // Deterministic PRNG (mulberry32) so runs are reproducible.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const prices = new Map<string, number>(STOCK_SYMBOLS.map((s, i) => [s, 100 + i * 25]));
  return {
    rate: 2,
    next(seq) {
      const symbol = STOCK_SYMBOLS[(seq - 1) % STOCK_SYMBOLS.length] as string;
      const before = prices.get(symbol) as number;
      const price = Math.max(1, Math.round((before * (1 + (random() - 0.5) * 0.02)) * 100) / 100);
      prices.set(symbol, price);
      const data = { symbol, price, change: Math.round((price - before) * 100) / 100, time: new Date().toISOString() };
      return { event: 'price', data: JSON.stringify(data), key: symbol };
    },
  };
}
