import type { SseTopic } from '../model/sse-api.ts';
import { validateTopicPath } from '../model/validate.ts';
import { isRecord } from './plain-data.ts';
import { channelFlowsV2, channelFlowsV3, pointOfView3, topicAction, type ChannelFlow } from './read-channels.ts';
import type { Report } from './read-identity.ts';

/**
 * Channels become topics. Channels clients can only publish to are left out with a warning, and
 * when that leaves nothing, each of them is a problem saying why: a document is either a whole
 * SSE API or refused, never a half-read one.
 */
export function readTopics(doc: Record<string, unknown>, major: 2 | 3, problem: Report, warn: Report): SseTopic[] {
  if (!isRecord(doc.channels) || Object.keys(doc.channels).length === 0) {
    problem(['channels'], 'Add at least one channel: each channel is a topic clients subscribe to, e.g. channels: { "/prices": {...} } (use "/*" for all paths).');
    return [];
  }
  const flows = major === 3 ? channelFlowsV3(doc, warn) : channelFlowsV2(doc);
  const side = major === 3 ? topicAction(pointOfView3(doc)) : 'subscribe';
  const other = side === 'receive' ? 'send' : side === 'send' ? 'receive' : 'publish';
  const publishOnly = flows.filter((f) => f.flow === 'publish-only');
  const readable = flows.filter((f) => f.flow !== 'publish-only');
  if (readable.length === 0) {
    for (const f of publishOnly) problem(['channels', f.key], `Channel "${f.key}" cannot be an SSE topic: ${publishReason(f, other)} ${advice(major)}`);
    return [];
  }
  for (const f of publishOnly) warn(['channels', f.key], `Channel "${f.key}" is not imported: ${publishReason(f, other)}`);

  const topics: SseTopic[] = [];
  for (const f of readable) {
    if (f.flow === 'both') warn(['channels', f.key], `Channel "${f.key}": only its ${side} side becomes a topic; ${major === 3 ? `the ${other} operations (${f.publishers.join(', ')}) are` : 'the publish operation is'} left out (SSE streams from server to clients only).`);
    if (f.flow === 'none') warn(['channels', f.key], `Channel "${f.key}" has no ${major === 3 ? `"action: ${side}" operation` : '"subscribe" operation'}; it is read as a subscribe-only topic.`);
    const path = f.address.startsWith('/') ? f.address : '/' + f.address;
    const pathProblem = validateTopicPath(path);
    if (pathProblem) {
      problem(f.addressAt, `Channel "${f.key}": ${pathProblem}`);
      continue;
    }
    topics.push({ path, ...(f.backendPath ? { backendPath: f.backendPath } : {}), ...(f.description ? { description: f.description } : {}) });
  }
  const seen = new Set<string>();
  for (const t of topics) {
    if (seen.has(t.path)) problem(['channels'], `Two channels use the topic path "${t.path}": keep one.`);
    seen.add(t.path);
  }
  return topics;
}

function publishReason(f: ChannelFlow, other: string): string {
  return other !== 'publish'
    ? `it is used only by ${other} operations (${f.publishers.join(', ')}) that carry events from clients to the application, and an SSE topic is a channel clients receive events from.`
    : `it has only a publish operation (${f.publishers.join(', ')}): clients would send to it, and an SSE topic is a channel clients receive events from.`;
}

function advice(major: 2 | 3): string {
  return major === 3
    ? 'Give it an operation in which the application sends ("action: send") or, written from the client\'s side, receives ("action: receive") the events.'
    : 'Give it a "subscribe" operation.';
}
