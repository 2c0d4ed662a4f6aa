import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, EXPORT_PROFILES, EXPORT_VERSIONS, exportSseApi } from '../../shared/asyncapi/export-sse-api.ts';
import { SAMPLE_APIS } from '../../test/support/sample-apis.ts';
import { validateAsyncApiText } from './asyncapi-validator.ts';

// Every export must be a valid AsyncAPI document: zero parser errors (severity 0), and readable
// by SSE Studio as a project file, for every profile, version and format.
describe('every export re-parses with zero errors through @asyncapi/parser', () => {
  describe.each(Object.entries(SAMPLE_APIS))('%s', (_, api) => {
    it.each(EXPORT_PROFILES.flatMap((profile) => EXPORT_VERSIONS.map((asyncapi) => [profile, asyncapi] as const)))('%s profile, AsyncAPI %s, yaml and json', async (profile, asyncapi) => {
      for (const format of EXPORT_FORMATS) {
        const { problems, api: read } = await validateAsyncApiText(exportSseApi(api, { profile, asyncapi, format }), `api.${format}`);
        expect(problems.filter((p) => p.severity === 'error'), `${profile} ${asyncapi} ${format}`).toEqual([]);
        expect(read?.name).toBe(api.name);
      }
    });
  });
});
