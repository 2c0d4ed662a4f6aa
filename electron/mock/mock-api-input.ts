import { readMock } from '../../shared/asyncapi/read-mock.ts';
import { readParamValues } from '../../shared/asyncapi/read-param-values.ts';
import type { DocProblem } from '../../shared/asyncapi/document-text.ts';
import type { SseApi } from '../../shared/model/sse-api.ts';
import type { MockApi } from './mock-routes.ts';

/**
 * A project API as the mock wants it: what readSseApi read (name, endpoint, topics) plus what
 * readMock reads from the same parsed document (x-mock blocks, messages), the finite values of its
 * path parameters and the origins its x-gateway.cors allows. The x-mock problems come
 * back too, for the project's problem list; a topic whose x-mock has problems is mocked with the
 * defaults meanwhile.
 */
export function mockApiFromDocument(id: string, api: Pick<SseApi, 'name' | 'endpoint' | 'topics'> & { runtime?: Pick<SseApi['runtime'], 'corsOrigins'> }, doc: unknown): { api: MockApi; problems: DocProblem[] } {
  const { mock, messages, problems } = readMock(doc);
  const paramValues = readParamValues(doc);
  const corsOrigins = api.runtime?.corsOrigins ?? [];
  return { api: { id, name: api.name, endpoint: api.endpoint, topics: api.topics, mock, messages, paramValues, corsOrigins }, problems };
}
