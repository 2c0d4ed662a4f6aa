import { describe, expect, it } from 'vitest';
import { validateContext, validateDraft, validateEndpoint, validateName, validateTopicPath, validateVersion } from './validate.ts';

describe('validateName', () => {
  it('accepts plain names', () => expect(validateName('Stock Ticker 2')).toBeUndefined());
  it('refuses empty, too long and special characters', () => {
    expect(validateName('  ')).toMatch(/Give the API a name/);
    expect(validateName('x'.repeat(51))).toMatch(/50 characters or fewer \(it has 51\)/);
    expect(validateName('a/b')).toMatch(/Remove "\/"/);
    expect(validateName('a@b')).toMatch(/Remove "@"/);
  });
});

describe('validateContext', () => {
  it('accepts contexts with and without {version}', () => {
    expect(validateContext('/stocks')).toBeUndefined();
    expect(validateContext('/{version}/stocks')).toBeUndefined();
    expect(validateContext('stocks/live_v1.2')).toBeUndefined();
  });
  it.each([' ', '`', '~', '!', '@', '#', '?', ':', '%', '^', '&', '*', '+', '=', '|', '\\', '<', '>', '"', "'", ','])('refuses %j', (ch) => {
    expect(validateContext(`/a${ch}b`)).toMatch(/Remove/);
  });
  it('refuses {version} inside a segment or twice', () => {
    expect(validateContext('/v{version}')).toMatch(/whole path segment/);
    expect(validateContext('/{version}/a/{version}')).toMatch(/at most once/);
    expect(validateContext('/{version}')).toMatch(/besides \{version\}/);
  });
  it('refuses "/" alone and over-long contexts', () => {
    expect(validateContext('/')).toMatch(/cannot be "\/" alone/);
    expect(validateContext('/' + 'a'.repeat(200))).toMatch(/200 characters or fewer/);
  });
});

describe('validateVersion / validateEndpoint / validateTopicPath', () => {
  it('checks versions', () => {
    expect(validateVersion('1.0.0-beta_1')).toBeUndefined();
    expect(validateVersion('1 0')).toMatch(/no spaces/);
    expect(validateVersion('')).toMatch(/Give the API a version/);
  });
  it('checks endpoints', () => {
    expect(validateEndpoint('http://localhost:8080')).toBeUndefined();
    expect(validateEndpoint('https://example.test/base')).toBeUndefined();
    expect(validateEndpoint('localhost:8080')).toMatch(/http:\/\/ or https:\/\//);
    expect(validateEndpoint('not a url')).toMatch(/full http\(s\) URL/);
    expect(validateEndpoint('ws://x')).toMatch(/starts with ws:/);
    expect(validateEndpoint('http://x/?a=1')).toMatch(/query string/);
  });
  it('checks topic paths', () => {
    expect(validateTopicPath('/*')).toBeUndefined();
    expect(validateTopicPath('/prices/{symbol}')).toBeUndefined();
    expect(validateTopicPath('prices')).toMatch(/Start the topic with "\/"/);
    expect(validateTopicPath('/a/../b')).toMatch(/"\.\."/);
    expect(validateTopicPath('/a*/b')).toMatch(/last segment/);
    expect(validateTopicPath('/orders/{region')).toMatch(/Balance the braces in "\{region"/);
    expect(validateTopicPath('/orders/region}')).toMatch(/Balance the braces/);
    expect(validateTopicPath('/customer;cid={id}')).toBe('A parameter must be a whole path segment: "customer;cid={id}" mixes text and a parameter, so no request can reach it. Write it as its own segment, e.g. "/customer/{id}".');
    expect(validateTopicPath('/a/{x}{y}')).toMatch(/whole path segment/);
    expect(validateTopicPath('/a/{x}/{y}')).toBeUndefined();
  });
});

describe('validateDraft', () => {
  it('lists one problem per bad field, in form order', () => {
    const fields = validateDraft({ name: '', context: '/a b', version: '1.0', endpoint: 'ftp://x', topics: ['/ok', 'bad'] });
    expect(fields.map((f) => f.field)).toEqual(['name', 'context', 'endpoint', 'topics.1']);
  });
});
