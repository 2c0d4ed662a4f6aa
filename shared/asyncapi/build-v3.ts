import type { SseApi } from '../model/sse-api.ts';
import { CONTENT_TYPE, channelIds, channelRef, eventMessage, info, MESSAGE_KEY, securityScheme, SERVER_DESCRIPTION, SERVER_KEY, studioRoot, topicParameters, type ExportProfile } from './export-parts.ts';
import { wso2AuthType, wso2Root } from './wso2-extensions.ts';

/**
 * An AsyncAPI 3.0 document: the backend as server `production`, each topic a channel (its path is
 * the `address`) with one `receive` operation.
 *
 * The wso2 profile follows API Manager 4.5+'s own 3.0 export (AsyncApiV3Parser
 * .generateAsyncAPIDefinition): channel keys are the topic without its leading "/" ("/*" -> "*"),
 * operations are named `receive_<key>`, the server has host + pathname and `protocol: sse`. Its
 * importer takes the channel key (the text after the last "/" of the operation's $ref) as the topic
 * name, so multi-segment topics only survive a 2.x export into API Manager: prefer --asyncapi 2.6.
 */
export function buildDocument3(api: SseApi, profile: ExportProfile): Record<string, unknown> {
  const url = new URL(api.endpoint);
  const https = url.protocol === 'https:';
  const keepPath = url.pathname !== '/' || profile === 'wso2'; // WSO2 always writes a pathname, "/" at least
  const server: Record<string, unknown> = {
    host: url.host,
    ...(keepPath ? { pathname: url.pathname === '/' ? '/' : url.pathname.replace(/\/+$/, '') } : {}),
    // A clean document has no x-scheme, so an https backend says so in its protocol.
    protocol: profile === 'clean' && https ? 'https' : 'sse',
    description: SERVER_DESCRIPTION,
    ...(https && profile === 'studio' ? { 'x-scheme': 'https' } : {}),
  };

  const security = securityScheme(api.runtime.security);
  const ids = profile === 'wso2' ? wso2Keys(api) : channelIds(api.topics);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  api.topics.forEach((topic, i) => {
    const id = ids[i] as string;
    const parameters = topicParameters(topic, 3);
    channels[id] = {
      address: topic.path,
      ...(topic.description ? { description: topic.description } : {}),
      ...(profile === 'studio' && topic.backendPath ? { 'x-backend-path': topic.backendPath } : {}),
      ...(profile === 'wso2' ? { 'x-auth-type': wso2AuthType(api.runtime.security) } : {}),
      ...(parameters ? { parameters } : {}),
      messages: { [MESSAGE_KEY]: eventMessage() },
    };
    operations[profile === 'wso2' ? `receive_${id}` : `receive-${id}`] = {
      action: 'receive',
      channel: { $ref: channelRef(id) },
      messages: [{ $ref: `${channelRef(id)}/messages/${MESSAGE_KEY}` }],
      ...(security ? { security: [{ $ref: `#/components/securitySchemes/${security.name}` }] } : {}),
      // WSO2 keeps a topic's backend path in x-uri-mapping (APISpecParserConstants.ASYNCAPI_URI_MAPPING).
      ...(profile === 'wso2' && topic.backendPath ? { 'x-uri-mapping': topic.backendPath } : {}),
    };
  });

  return {
    asyncapi: '3.0.0',
    info: info(api),
    defaultContentType: CONTENT_TYPE,
    ...(profile === 'studio' ? studioRoot(api) : profile === 'wso2' ? wso2Root(api) : {}),
    servers: { [SERVER_KEY]: server },
    channels,
    operations,
    ...(security ? { components: { securitySchemes: { [security.name]: security.scheme } } } : {}),
  };
}

/** WSO2's channel keys: the topic without its leading "/" (AsyncApiV3ParserUtil.normalizeChannelName), kept unique. */
function wso2Keys(api: SseApi): string[] {
  const safe = channelIds(api.topics);
  const used = new Set<string>();
  return api.topics.map((topic, i) => {
    const base = topic.path.replace(/^\/+/, '') || (safe[i] ?? 'root');
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}
