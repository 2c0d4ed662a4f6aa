import type { SecurityConfig } from '../model/runtime.ts';
import { API_KEY_PLACEHOLDER, TOKEN_PLACEHOLDER } from './curl-command.ts';
import { withQueryParam } from './curl-command.ts';

/**
 * A short JavaScript snippet that subscribes to a topic with EventSource, authenticated the way this
 * API's security expects it. A browser's EventSource cannot send request headers, so:
 * - none: `new EventSource(url)`;
 * - API key in the query: the key goes on the URL;
 * - JWT: the token goes in `?access_token=` (the gateway reads it there, see bearer-jwt.ts);
 * - API key in a header, Basic: a comment says the browser cannot do it, and the snippet uses the
 *   `eventsource` npm package (v3+), whose `fetch` option can add the header.
 * Every string is written with JSON.stringify, so quotes and backslashes in URLs or keys stay literal.
 */
export function eventSourceSnippet(url: string, security: SecurityConfig): string {
  const lines: string[] = [];
  if (url.startsWith('https:')) lines.push(`// The Studio's HTTPS certificate is self-signed: trust it first (or use the HTTP URL).`);
  let open = `const es = new EventSource(${js(url)});`;
  switch (security.type) {
    case 'none':
      break;
    case 'apiKey': {
      const key = security.keys[0] ?? API_KEY_PLACEHOLDER;
      if (security.in === 'query') {
        open = `const es = new EventSource(${js(withQueryParam(url, security.name, key, key === API_KEY_PLACEHOLDER))});`;
      } else {
        lines.push(`// This API reads its key from the ${js(security.name)} header; a browser's EventSource cannot send headers.`);
        open = withHeader(url, security.name, js(key));
      }
      break;
    }
    case 'jwt':
      lines.push(`// A browser's EventSource cannot send an Authorization header: the gateway also reads the JWT from ?access_token=.`);
      open = `const es = new EventSource(${js(withQueryParam(url, 'access_token', TOKEN_PLACEHOLDER, true))});`;
      break;
    case 'basic': {
      const user = security.users[0];
      const credentials = user ? `${user.username}:${user.password}` : 'user:password';
      lines.push(`// This API uses Basic auth, an Authorization header; a browser's EventSource cannot send headers.`);
      open = withHeader(url, 'Authorization', `"Basic " + btoa(${js(credentials)})`);
      break;
    }
  }
  lines.push(
    open,
    `es.onmessage = (event) => console.log(event.lastEventId, event.data);`,
    `// Events with an \`event:\` name skip onmessage: es.addEventListener("<event name>", (event) => console.log(event.data));`,
    `// On a dropped connection EventSource reconnects by itself and sends Last-Event-ID; es.close() stops it.`,
    `es.onerror = (event) => console.error("EventSource error", event);`,
  );
  return lines.join('\n');
}

/** The `eventsource` package's way to add a request header: its `fetch` option (v3+ API). */
function withHeader(url: string, name: string, valueExpression: string): string {
  return [
    `// Use the eventsource package instead (npm install eventsource), which can add the header:`,
    `import { EventSource } from "eventsource";`,
    `const es = new EventSource(${js(url)}, {`,
    `  fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ${js(name)}: ${valueExpression} } }),`,
    `});`,
  ].join('\n');
}

function js(value: string): string {
  return JSON.stringify(value);
}

