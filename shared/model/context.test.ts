import { describe, expect, it } from 'vitest';
import { defaultContext, gatewayBasePath, normalizeContext } from './context.ts';

describe('gatewayBasePath (WSO2 context rules)', () => {
  it('appends the version to a plain context', () => {
    expect(gatewayBasePath('/events', '1.0.0')).toBe('/events/1.0.0');
  });
  it('puts the version where {version} stands', () => {
    expect(gatewayBasePath('/{version}/events', '1.0.0')).toBe('/1.0.0/events');
    expect(gatewayBasePath('/shop/{version}/events', 'v2')).toBe('/shop/v2/events');
    expect(gatewayBasePath('/events/{version}', '3')).toBe('/events/3');
  });
  it('normalizes slashes first', () => {
    expect(gatewayBasePath('events/', '1.0.0')).toBe('/events/1.0.0');
    expect(normalizeContext('//a//b/')).toBe('/a/b');
  });
  it('does not treat {version} inside a segment as the placeholder', () => {
    expect(gatewayBasePath('/x{version}', '1')).toBe('/x{version}/1');
  });
});

describe('defaultContext', () => {
  it('is the title in lower-case kebab-case', () => {
    expect(defaultContext('Stock Ticker')).toBe('/stock-ticker');
    expect(defaultContext('  Weather  API v2 ')).toBe('/weather-api-v2');
    expect(defaultContext('StockTicker')).toBe('/stock-ticker');
    expect(defaultContext('Ünïcode & Co')).toBe('/unicode-co');
  });
  it('never produces an empty context', () => {
    expect(defaultContext('***')).toBe('/api');
  });
});
