/**
 * Electron's main process: one window on the built renderer, the Studio host in-process, the IPC
 * transport, menus and native dialogs. Everything else lives in electron/host (shared with the CLI)
 * and in electron/shell (pure decisions, unit-tested without Electron).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import type { Event as ElectronEvent, IpcMainInvokeEvent, MenuItemConstructorOptions, WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api/bridge.ts';
import type { StudioEvent } from '../shared/api/contract.ts';
import { fail, type Result } from '../shared/result.ts';
import { ensureDefaultProject } from './host/default-project.ts';
import { dispatch } from './host/dispatch.ts';
import { ListenError } from './host/listen.ts';
import { DEFAULT_GATEWAY_HTTPS_PORT, DEFAULT_GATEWAY_PORT, DEFAULT_HOST, DEFAULT_MOCK_PORT, StudioHost } from './host/studio-host.ts';
import { ProjectOpenError } from './project/project-store.ts';
import { appLayout } from './shell/app-layout.ts';
import { hostAfterAnswer, planBind } from './shell/bind-consent.ts';
import { projectFromArgv } from './shell/command-line.ts';
import { describeMovedServices, startWithPortFallback, type MovedService } from './shell/port-fallback.ts';
import { externalHttpUrl, isAppPage, isPermissionAllowed, isTrustedSender, withContentSecurityPolicy } from './shell/window-policy.ts';
import { CONTENT_SECURITY_POLICY, PARSER_WORKER_CSP, PARSER_WORKER_PATH } from './web/web-server.ts';
import { readProjectSettings, type ProjectSettings } from './project/project-settings.ts';

const layout = appLayout(app.getAppPath());
const appPageUrl = pathToFileURL(layout.rendererIndex).href;
const STOP_TIMEOUT_MS = 5_000;

let mainWindow: BrowserWindow | undefined;
let studio: StudioHost | undefined;
let unsubscribeStudio: (() => void) | undefined;
/** Host starts and stops run one at a time, in order (open folder, second instance, quit). */
let lifecycle: Promise<unknown> = Promise.resolve();
let quitting: 'no' | 'stopping' | 'done' = 'no';

function serialized<T>(operation: () => Promise<T>): Promise<T> {
  const next = lifecycle.then(operation);
  lifecycle = next.catch(() => undefined);
  return next;
}

// ---- the Studio host -------------------------------------------------------------------------

/** Non-loopback addresses the person allowed in this run (bind-consent.ts approval keys). */
const approvedBinds = new Set<string>();

/** A project's settings may bind beyond this machine only if the person says so. */
async function confirmBindHost(dir: string, requested: string | undefined): Promise<string> {
  const plan = planBind(dir, requested, approvedBinds, DEFAULT_HOST);
  if (plan.kind === 'bind') return plan.host;
  const { message, detail, buttons } = plan.question;
  const options = { type: 'warning' as const, title: 'SSE Studio', message, detail, buttons, defaultId: 0, cancelId: 0, noLink: true };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  const answer = hostAfterAnswer(plan, response, DEFAULT_HOST);
  if (answer.approved) approvedBinds.add(plan.approvalKey);
  return answer.host;
}

/** Starts the host on `dir`; a taken default port moves that service to a free port. */
async function startStudio(dir: string): Promise<MovedService[]> {
  // The project's sse-studio.yaml may set its own ports; a taken one still moves to a free port.
  const settings = await readProjectSettings(dir).catch(() => ({}) as ProjectSettings);
  const ports = {
    gatewayPort: settings.gatewayPort === undefined ? DEFAULT_GATEWAY_PORT : settings.gatewayPort,
    gatewayHttpsPort: settings.httpsPort === undefined ? DEFAULT_GATEWAY_HTTPS_PORT : settings.httpsPort,
    mockPort: settings.mockPort === undefined ? DEFAULT_MOCK_PORT : settings.mockPort,
  };
  const host = await confirmBindHost(dir, settings.host);
  const { value, moved } = await startWithPortFallback(ports, (chosen) => StudioHost.start({ project: dir, host, ...chosen, mode: 'electron', deployAll: true }));
  studio = value;
  unsubscribeStudio = value.onEvent(sendToWindow);
  updateTitle();
  return moved;
}

async function stopStudio(): Promise<void> {
  const running = studio;
  if (!running) return;
  unsubscribeStudio?.();
  studio = undefined;
  unsubscribeStudio = undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error(`SSE Studio: the host did not stop within ${STOP_TIMEOUT_MS / 1000} s; quitting anyway.`);
      resolve();
    }, STOP_TIMEOUT_MS);
  });
  await Promise.race([running.stop().catch((err: unknown) => console.error('SSE Studio: stopping the host failed:', err)), timeout]);
  clearTimeout(timer);
}

/** Failures that are about the person's input (a folder, a port), reported in their words. */
function isUserFacingError(err: unknown): err is Error {
  return err instanceof ProjectOpenError || err instanceof ListenError;
}

function sendToWindow(event: StudioEvent): void {
  const contents = mainWindow?.webContents;
  if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
}

function reportMovedServices(moved: MovedService[]): void {
  if (moved.length === 0) return;
  const { message, detail } = describeMovedServices(moved, { gateway: studio?.gateway?.url ?? null, gatewayHttps: studio?.gateway?.httpsUrl ?? null, mock: studio?.mock?.url ?? null });
  const options = { type: 'warning' as const, title: 'SSE Studio', message, detail, buttons: ['OK'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

/** At start: the folder from the command line, else (or if it cannot be opened) the default project. */
async function openFirstProject(): Promise<MovedService[]> {
  const requested = projectFromArgv(process.argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd() });
  if (requested) {
    try {
      return await startStudio(requested);
    } catch (err) {
      if (!(err instanceof ProjectOpenError)) throw err;
      dialog.showErrorBox('SSE Studio cannot open the project', `${err.message}\n\nSSE Studio opens its default project instead.`);
    }
  }
  const fallback = await ensureDefaultProject({ examplesDir: layout.examplesDir });
  if (fallback.missingSeeds.length > 0) {
    console.warn(`SSE Studio: created ${fallback.dir} without the example (${fallback.missingSeeds.join(', ')} missing from ${layout.examplesDir}).`);
  }
  return startStudio(fallback.dir);
}

/** File > Open Project Folder and second instances: stop the host, start it on `dir`, reload the page. */
function switchProject(dir: string): Promise<void> {
  return serialized(async () => {
    if (quitting !== 'no') return;
    const previous = studio?.project.root;
    await stopStudio();
    let moved: MovedService[];
    try {
      moved = await startStudio(dir);
    } catch (err) {
      const reason = isUserFacingError(err) ? err.message : `Unexpected error: ${(err as Error).message}`;
      dialog.showErrorBox('SSE Studio cannot open the project', previous ? `${reason}\n\nSSE Studio keeps ${previous} open.` : reason);
      if (!previous) return;
      moved = await startStudio(previous);
    }
    // The page asks the host for everything again (project root, URLs, APIs); its subscriptions ended.
    mainWindow?.webContents.reload();
    reportMovedServices(moved);
  }).catch((err: unknown) => {
    console.error('SSE Studio: switching projects failed:', err);
    dialog.showErrorBox('SSE Studio', `The project could not be reopened: ${(err as Error).message}\n\nUse File > Open Project Folder to try another folder.`);
  });
}

async function chooseProjectFolder(): Promise<void> {
  const options = { title: 'Open Project Folder', buttonLabel: 'Open', properties: ['openDirectory' as const, 'createDirectory' as const] };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const dir = choice.filePaths[0];
  if (!choice.canceled && dir) await switchProject(dir);
}

// ---- IPC: the Studio API transport -----------------------------------------------------------

async function handleCall(event: IpcMainInvokeEvent, method: unknown, params: unknown): Promise<Result<unknown>> {
  if (!isTrustedSender(describeSender(event), appPageUrl)) {
    return fail('forbidden', 'Only the SSE Studio window may call the Studio API.');
  }
  if (!studio) return fail('host_unavailable', 'SSE Studio is opening a project; try again in a moment.');
  return dispatch(studio.handlers, method, params);
}

function describeSender(event: IpcMainInvokeEvent): Parameters<typeof isTrustedSender>[0] {
  const fromAppWindow = mainWindow !== undefined && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents;
  try {
    const frame = event.senderFrame;
    return { fromAppWindow, isMainFrame: frame !== null && frame.parent === null, frameUrl: frame?.url };
  } catch {
    // The frame navigated away or was destroyed while the call was in flight.
    return { fromAppWindow, isMainFrame: false, frameUrl: undefined };
  }
}

// ---- window, web contents and session policy --------------------------------------------------

function openExternally(url: string): void {
  const target = externalHttpUrl(url);
  if (target) void shell.openExternal(target);
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppPage(event.url, appPageUrl)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, appPageUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

function installSessionPolicy(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl, appPageUrl)));
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) => isPermissionAllowed(permission, details.requestingUrl, appPageUrl));
  // The page carries the same policy in a <meta> tag; the header covers anything the tag cannot.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) return callback({});
    // The AsyncAPI parser's worker alone may eval (see PARSER_WORKER_CSP in web-server.ts).
    const policy = PARSER_WORKER_PATH.test(new URL(details.url).pathname.replace(/^.*(?=\/assets\/)/, '')) ? PARSER_WORKER_CSP : CONTENT_SECURITY_POLICY;
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}

function updateTitle(): void {
  const root = studio?.project.root;
  mainWindow?.setTitle(root ? `SSE Studio — ${root}` : 'SSE Studio');
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'SSE Studio',
    webPreferences: {
      preload: layout.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  mainWindow = window;
  updateTitle();
  // The window title names the open project; the page's <title> does not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  window.webContents.on('render-process-gone', (_event, details) => console.error(`SSE Studio: the window's renderer stopped (${details.reason}).`));
  window
    .loadFile(layout.rendererIndex)
    .catch((err: unknown) => console.error(`SSE Studio: the window could not load ${layout.rendererIndex}: ${(err as Error).message}`))
    .finally(() => {
      if (!window.isDestroyed() && !window.isVisible()) window.show();
    });
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Project Folder…', accelerator: 'CmdOrCtrl+O', click: () => void chooseProjectFolder() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // Without the Edit menu's roles, copy/paste shortcuts do nothing on macOS.
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

// ---- app lifecycle ----------------------------------------------------------------------------

function fatal(title: string, message: string): void {
  console.error(`SSE Studio: ${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function start(): Promise<void> {
  installSessionPolicy();
  ipcMain.handle(IPC_CALL_CHANNEL, handleCall);
  Menu.setApplicationMenu(buildMenu());

  for (const [part, file] of [['UI', layout.rendererIndex], ['preload script', layout.preload]] as const) {
    if (!existsSync(file)) return fatal('SSE Studio cannot start', `The ${part} is not built (${file} is missing). Run "npm run build", then start SSE Studio again.`);
  }
  let moved: MovedService[];
  try {
    moved = await serialized(openFirstProject);
  } catch (err) {
    const reason = isUserFacingError(err) ? err.message : `Unexpected error: ${(err as Error).message}`;
    return fatal('SSE Studio cannot start', reason);
  }
  if (quitting !== 'no') return; // Ctrl+C or Quit while the project was opening
  createWindow();
  reportMovedServices(moved);
}

function quitCleanly(event: ElectronEvent): void {
  if (quitting === 'done') return;
  event.preventDefault();
  if (quitting === 'stopping') return;
  quitting = 'stopping';
  void serialized(stopStudio).finally(() => {
    quitting = 'done';
    app.quit();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another SSE Studio is running: it gets our command line (second-instance) and we leave.
  app.quit();
} else {
  app.enableSandbox();
  app.setAppUserModelId('dev.ssestudio.app');
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const dir = projectFromArgv(argv, { defaultApp: Boolean(process.defaultApp), cwd: workingDirectory });
    if (dir && dir !== studio?.project.root) void switchProject(dir);
  });
  // One window, one host: closing the window ends the app (and frees the ports) on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', quitCleanly);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
  app.whenReady().then(start, (err: unknown) => fatal('SSE Studio cannot start', (err as Error).message)).catch((err: unknown) => {
    fatal('SSE Studio cannot start', `Unexpected error: ${(err as Error).message}`);
  });
}
