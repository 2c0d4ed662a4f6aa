import { describe, expect, it } from 'vitest';
import { readParamValues } from './read-param-values.ts';

describe('readParamValues', () => {
  it('reads 3.0 parameter enums by channel address', () => {
    const doc = {
      asyncapi: '3.0.0',
      channels: {
        symbolPrices: { address: '/prices/{symbol}', parameters: { symbol: { enum: ['ACME', 'GLOBEX'] } } },
        free: { address: '/news/{topic}', parameters: { topic: { description: 'any' } } },
        byRef: { address: 'regions/{region}', parameters: { region: { $ref: '#/components/parameters/Region' } } },
      },
      components: { parameters: { Region: { enum: ['eu', 'us', 3] } } },
    };
    expect(readParamValues(doc)).toEqual({ '/prices/{symbol}': { symbol: ['ACME', 'GLOBEX'] }, '/regions/{region}': { region: ['eu', 'us'] } });
  });

  it('reads 2.x parameter schema enums by channel key', () => {
    const doc = { asyncapi: '2.6.0', channels: { '/prices/{symbol}': { parameters: { symbol: { schema: { type: 'string', enum: ['ACME'] } } } } } };
    expect(readParamValues(doc)).toEqual({ '/prices/{symbol}': { symbol: ['ACME'] } });
  });

  it('gives nothing for documents without parameters or with broken ones', () => {
    expect(readParamValues({ asyncapi: '3.0.0', channels: { a: { address: '/a', parameters: { x: { $ref: 'other.yaml#/x' } } } } })).toEqual({});
    expect(readParamValues(null)).toEqual({});
  });
});
