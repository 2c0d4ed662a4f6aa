/**
 * An AsyncAPI 3.0 document of about `lines` lines for editor measurements: many topics, each a
 * channel with a parameter, a message with an object payload and examples, and a receive operation.
 */
export function bigDocument(lines: number, endpoint: string): string {
  const head = ['asyncapi: 3.0.0', 'info:', '  title: Big Feed', '  version: 1.0.0', '  description: A large document for editor latency measurements.', 'x-context: /big', 'servers:', '  production:', `    host: ${new URL(endpoint).host}`, '    protocol: sse', 'channels:'];
  const channels: string[] = [];
  const operations: string[] = ['operations:'];
  for (let i = 0; head.length + channels.length + operations.length < lines; i++) {
    channels.push(
      `  topic-${i}:`,
      `    address: /topic-${i}/{symbol}`,
      `    description: Events of topic ${i}.`,
      '    parameters:',
      '      symbol:',
      '        description: The instrument symbol.',
      '    messages:',
      '      event:',
      `        name: tick-${i}`,
      '        payload:',
      '          type: object',
      '          properties:',
      '            price:',
      '              type: number',
      '            volume:',
      '              type: integer',
      '        examples:',
      '          - payload:',
      '              price: 42.1',
      '              volume: 100',
    );
    operations.push(`  receive-topic-${i}:`, '    action: receive', '    channel:', `      $ref: '#/channels/topic-${i}'`);
  }
  return [...head, ...channels, ...operations, ''].join('\n');
}
