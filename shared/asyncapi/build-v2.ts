import type { SseApi } from '../model/sse-api.ts';
import { CONTENT_TYPE, channelIds, eventMessage, info, securityScheme, SERVER_DESCRIPTION, SERVER_KEY, studioRoot, topicParameters, type ExportProfile } from './export-parts.ts';
import { wso2AuthType, wso2Root } from './wso2-extensions.ts';

/**
 * An AsyncAPI 2.6 document in the shape WSO2 API Manager exports SSE APIs
 * (BaseAsyncApiV2Parser.generateAsyncAPIDefinition): server `production` whose `url` is the backend
 * and whose protocol is `sse`, one channel per topic keyed by the topic path, each with a
 * `subscribe` operation (SSE topics are subscribe-only). 2.x keeps the scheme in the URL, so
 * nothing is lost in any profile. API Manager itself writes `asyncapi: 2.0.0`; the content here
 * stays within 2.0 apart from the version line.
 */
export function buildDocument2(api: SseApi, profile: ExportProfile): Record<string, unknown> {
  const security = securityScheme(api.runtime.security);
  const ids = channelIds(api.topics);
  const channels: Record<string, unknown> = {};
  api.topics.forEach((topic, i) => {
    const parameters = topicParameters(topic, 2);
    channels[topic.path] = {
      ...(topic.description ? { description: topic.description } : {}),
      ...(profile === 'studio' && topic.backendPath ? { 'x-backend-path': topic.backendPath } : {}),
      ...(profile === 'wso2' ? { 'x-auth-type': wso2AuthType(api.runtime.security) } : {}),
      ...(parameters ? { parameters } : {}),
      subscribe: {
        operationId: `receive-${ids[i] as string}`,
        ...(security ? { security: [{ [security.name]: [] }] } : {}),
        ...(profile === 'wso2' && topic.backendPath ? { 'x-uri-mapping': topic.backendPath } : {}),
        message: { messageId: `${ids[i] as string}-event`, ...eventMessage() },
      },
    };
  });
  return {
    asyncapi: '2.6.0',
    info: info(api),
    defaultContentType: CONTENT_TYPE,
    ...(profile === 'studio' ? studioRoot(api) : profile === 'wso2' ? wso2Root(api) : {}),
    servers: { [SERVER_KEY]: { url: api.endpoint, protocol: 'sse', description: SERVER_DESCRIPTION } },
    channels,
    ...(security ? { components: { securitySchemes: { [security.name]: security.scheme } } } : {}),
  };
}
