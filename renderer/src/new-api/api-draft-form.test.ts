import { describe, expect, it } from 'vitest';
import { initialValues, mapServerError, previewBasePath, validateForm, withName } from './api-draft-form.ts';

describe('new API form', () => {
  it('starts with the mock endpoint, version 1.0.0 and the /* topic', () => {
    expect(initialValues('http://127.0.0.1:9')).toEqual({ name: '', context: '', version: '1.0.0', endpoint: 'http://127.0.0.1:9', topic: '/*' });
  });

  it('derives the context from the name until the user edits the context', () => {
    const values = initialValues(null);
    expect(withName(values, 'Price Feed', false).context).toBe('/price-feed');
    expect(withName({ ...values, context: '/mine' }, 'Price Feed', true).context).toBe('/mine');
  });

  it('reports each invalid field with the shared validators', () => {
    const errors = validateForm({ name: 'Ok', context: '/a b', version: '1.0.0', endpoint: 'ftp://x', topic: '/*' });
    expect(Object.keys(errors)).toEqual(['context', 'endpoint']);
    expect(errors.context).toMatch(/Remove spaces/);
  });

  it('previews the gateway base path only for a valid context and version', () => {
    expect(previewBasePath({ ...initialValues(null), context: '/feed', version: '2.0.0' })).toBe('/feed/2.0.0');
    expect(previewBasePath({ ...initialValues(null), context: '/{version}/feed', version: '2.0.0' })).toBe('/2.0.0/feed');
    expect(previewBasePath({ ...initialValues(null), context: '/a b', version: '2.0.0' })).toBeUndefined();
  });

  it('maps host field errors onto the form and keeps the rest for an alert', () => {
    expect(mapServerError({ code: 'context_taken', message: 'taken', fields: [{ field: 'context', message: 'in use' }] })).toEqual({ fields: { context: 'in use' }, general: undefined });
    expect(mapServerError({ code: 'invalid_api', message: 'bad', fields: [{ field: 'topics.0', message: 'no' }] }).fields).toEqual({ topic: 'no' });
    expect(mapServerError({ code: 'write_failed', message: 'disk full' })).toEqual({ fields: {}, general: 'disk full' });
  });
});
