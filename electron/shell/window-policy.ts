/**
 * What the window may do, as pure decisions main.ts applies to Electron's hooks. The page is one
 * local file (dist/renderer/index.html); it never navigates, never opens windows, and only it may
 * call the Studio API. See https://www.electronjs.org/docs/latest/tutorial/security.
 */

/** True when `url` is the app page itself (any #fragment or ?query: the renderer may route with them). */
export function isAppPage(url: string, appPageUrl: string): boolean {
  const page = parse(url);
  const app = parse(appPageUrl);
  if (!page || !app || page.protocol !== 'file:' || app.protocol !== 'file:') return false;
  // Compare decoded paths, not strings: %-encoding and host spelling (file:/// vs file://localhost/) vary.
  const pagePath = decodedPath(page);
  return pagePath !== undefined && fileHost(page) === fileHost(app) && pagePath === decodedPath(app);
}

/** The link to hand to the system browser, or undefined for anything that is not http(s). */
export function externalHttpUrl(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (parsed.username || parsed.password) return undefined;
  return parsed.href;
}

export interface IpcSender {
  /** The message came from our window's WebContents. */
  fromAppWindow: boolean;
  /** It came from that window's main frame (not an iframe). */
  isMainFrame: boolean;
  /** URL of the sending frame, or undefined when the frame is gone. */
  frameUrl: string | undefined;
}

/** Only the app page in our own window's main frame may call the Studio API. */
export function isTrustedSender(sender: IpcSender, appPageUrl: string): boolean {
  return sender.fromAppWindow && sender.isMainFrame && sender.frameUrl !== undefined && isAppPage(sender.frameUrl, appPageUrl);
}

/**
 * Web permissions: all refused, except writing text to the clipboard from the app page (copy
 * buttons for URLs and curl commands use navigator.clipboard.writeText; Chromium sanitizes it).
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, appPageUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppPage(requestingUrl, appPageUrl);
}

/** Response headers with our Content-Security-Policy instead of any the response carried. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

function fileHost(url: URL): string {
  const host = url.host.toLowerCase();
  return host === 'localhost' ? '' : host;
}
