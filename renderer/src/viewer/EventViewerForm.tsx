import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Checkbox from '@mui/material/Checkbox';
import Collapse from '@mui/material/Collapse';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { memo, useState, type FormEvent } from 'react';
import type { ApiSummary, SubscriptionState, SubscriptionTarget } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { STATE_COLOR } from './state-colors.ts';
import {
  ANY_URL,
  ANY_URL_EXAMPLE,
  buildTarget,
  buildUrlTarget,
  checkSseUrl,
  credentialsFor,
  defaultInsecureTls,
  isHttpsUrl,
  TRANSPORTS,
  type CredentialRow,
  type Transport,
} from './subscribe-options.ts';
import { builtInStreamsNotOverridden, isTemplateTopic, sameOrigin, suggestPath, topicPattern } from './topic-path.ts';
import { KeyIcon, PlayIcon, StopIcon } from '../widgets/icons.tsx';
import { CredentialsEditor } from '../test-lab/CredentialsEditor.tsx';

/**
 * The Subscribe form of one viewer: topic (and a concrete path for templates), an initial
 * Last-Event-ID, the protocol (HTTP/1.1, HTTP/2 over TLS, HTTP/1.1 over TLS, h2c) and headers —
 * prefilled from the API's security when the viewer opens, so a protected API just works. The Topic
 * select's last item, "Any SSE URL…", subscribes straight to any http(s) URL instead (HTTP/1.1 or
 * HTTP/2, optionally accepting a self-signed certificate), not through the gateway.
 */
export interface EventViewerFormProps {
  api: ApiSummary;
  state: SubscriptionState | undefined;
  live: boolean;
  opening: boolean;
  onSubscribe: (target: SubscriptionTarget, topic: string) => void;
  onStop: () => void;
  /** In a narrow column (subscribers side by side). */
  compact?: boolean;
}

export const EventViewerForm = memo(function EventViewerForm({ api, state, live, opening, onSubscribe, onStop, compact = false }: EventViewerFormProps) {
  const { host } = useStudio();
  const candidates = sameOrigin(api.endpoint, host.mockUrl) || sameOrigin(api.endpointInUse, host.mockUrl) ? host.mockStreams : [];
  const [topic, setTopic] = useState(api.topics[0]?.path ?? '/');
  // Only the built-in streams the document does not serve itself are offered as "mock streams".
  const builtIns = builtInStreamsNotOverridden(candidates, api.topics).filter((c) => topicPattern(topic).test(c));
  const [path, setPath] = useState(() => suggestPath(topic, candidates));
  const [lastEventId, setLastEventId] = useState('');
  const [transport, setTransport] = useState<Transport>('http1');
  // Prefilled once, when this viewer opens: later security changes are offered, not forced.
  const [credentials, setCredentials] = useState<CredentialRow[]>(() => credentialsFor(api.runtime.security));
  const [showHeaders, setShowHeaders] = useState(false);
  const [formError, setFormError] = useState<{ row?: number; message: string }>();
  const [url, setUrl] = useState('');
  const [urlHttp2, setUrlHttp2] = useState(false);
  // Unset: accept a self-signed certificate on this machine only (defaultInsecureTls).
  const [insecureChoice, setInsecureChoice] = useState<boolean>();

  const anyUrl = topic === ANY_URL;
  const template = !anyUrl && isTemplateTopic(topic);
  const pathError = anyUrl ? undefined : checkPath(template ? path : topic, topic);
  const urlError = anyUrl ? checkSseUrl(url) : undefined;
  const https = anyUrl && isHttpsUrl(url);
  const insecureTls = insecureChoice ?? defaultInsecureTls(url);
  const httpsOn = api.topics.some((t) => t.gatewayHttpsUrl);
  const httpsBase = host.gatewayHttpsUrl && httpsOn ? host.gatewayHttpsUrl.replace(/\/+$/, '') + api.basePath : null;
  // Any URL is not reached through the gateway: it needs no deployed API.
  const canSubscribe = (anyUrl ? !urlError : api.deployed && !pathError) && !opening;
  const current = credentialsFor(api.runtime.security);
  const differs = JSON.stringify(current) !== JSON.stringify(credentials);
  const filled = credentials.filter((c) => c.name.trim()).length;

  const pickTopic = (next: string) => {
    setTopic(next);
    setPath(suggestPath(next, candidates));
  };
  const subscribe = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubscribe) return;
    const built = anyUrl
      ? buildUrlTarget({ url, lastEventId, credentials, http2: urlHttp2, insecureTls })
      : buildTarget({ apiId: api.id, topicPath: template ? path.trim() : topic, lastEventId, credentials, transport, httpsBase });
    if (!built.ok) {
      setFormError({ ...(built.row !== undefined ? { row: built.row } : {}), message: built.error });
      if (built.row !== undefined) setShowHeaders(true);
      return;
    }
    setFormError(undefined);
    // No API topic for a plain URL: no contract check, no topic for the gateway tools.
    onSubscribe(built.target, anyUrl ? '' : topic);
  };

  return (
    <Box component="form" noValidate onSubmit={subscribe} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.25, px: 2, pt: 2, pb: 1, flexWrap: 'wrap' }}>
      <TextField
        select
        label="Topic"
        value={topic}
        onChange={(e) => pickTopic(e.target.value)}
        helperText=" "
        sx={{ width: template || anyUrl || compact ? 150 : 220, flexShrink: 0 }}
        slotProps={{ htmlInput: { 'data-testid': 'viewer-topic' } }}
      >
        {api.topics.map((t) => (
          <MenuItem key={t.path} value={t.path} sx={{ fontFamily: MONO_FONT }}>
            {t.path}
          </MenuItem>
        ))}
        <MenuItem value={ANY_URL} data-testid="viewer-topic-any-url" title="Subscribe to any http(s) SSE URL directly, not through the gateway">
          Any SSE URL…
        </MenuItem>
      </TextField>
      {anyUrl && (
        <TextField
          label="SSE URL"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder={ANY_URL_EXAMPLE}
          error={Boolean(url.trim() && urlError)}
          helperText={(url.trim() && urlError) || 'Any http:// or https:// SSE stream, directly (not through the gateway)'}
          sx={{ flex: '3 1 260px' }}
          slotProps={{ htmlInput: { 'data-testid': 'viewer-any-url', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
        />
      )}
      {/* A concrete topic picked from the list needs no second field; a template needs its path. */}
      {template && (
        <TextField
          label={`Path for topic ${topic}`}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          error={Boolean(pathError)}
          helperText={pathError ?? (builtIns.length ? `Mock streams: ${builtIns.join(', ')} (?rate=N for N events/s)` : ' ')}
          sx={{ flex: '2 1 180px' }}
          slotProps={{ htmlInput: { 'data-testid': 'viewer-path', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
        />
      )}
      <TextField
        label="Last-Event-ID"
        value={lastEventId}
        onChange={(e) => setLastEventId(e.target.value)}
        placeholder="optional"
        helperText=" "
        sx={{ width: compact ? 120 : 150, flexShrink: 0 }}
        title="Sent on the first request; the client updates it from the ids it receives, like EventSource"
        slotProps={{ htmlInput: { 'data-testid': 'viewer-last-event-id', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
      />
      {anyUrl ? (
        <TextField
          select
          label="Protocol"
          value={urlHttp2 ? 'http2' : 'http1'}
          onChange={(e) => setUrlHttp2(e.target.value === 'http2')}
          helperText={urlHttp2 && !compact ? (https ? 'h2 over TLS' : 'h2c, prior knowledge') : ' '}
          sx={{ width: 150, flexShrink: 0 }}
          slotProps={{ htmlInput: { 'data-testid': 'viewer-transport' } }}
        >
          <MenuItem value="http1" title="HTTP/1.1, as most EventSource clients connect.">
            HTTP/1.1
          </MenuItem>
          <MenuItem value="http2" title="HTTP/2: over TLS for https:// URLs, cleartext with prior knowledge (h2c) for http:// ones.">
            HTTP/2
          </MenuItem>
        </TextField>
      ) : (
        <TextField
          select
          label="Protocol"
          value={transport}
          onChange={(e) => setTransport(e.target.value as Transport)}
          helperText={transport === 'http1' || compact ? ' ' : transport === 'h2c' ? 'cleartext, prior knowledge' : 'gateway HTTPS listener'}
          sx={{ width: 150, flexShrink: 0 }}
          slotProps={{ htmlInput: { 'data-testid': 'viewer-transport' } }}
        >
          {TRANSPORTS.map((t) => (
            <MenuItem key={t.value} value={t.value} disabled={(t.value === 'h2' || t.value === 'https1') && !httpsBase} title={t.help}>
              {t.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      {https && (
        <FormControlLabel
          control={<Checkbox size="small" checked={insecureTls} onChange={(e) => setInsecureChoice(e.target.checked)} slotProps={{ input: INSECURE_TLS_INPUT }} />}
          label="Accept self-signed certificate"
          title="Skip certificate checks for this URL (local testing only). On by default for 127.0.0.1 and localhost."
          sx={{ mr: 0, pt: 0.5, flexShrink: 0 }}
        />
      )}
      <Box sx={{ display: 'flex', gap: 1, pt: '2px', alignItems: 'center' }}>
        <Button variant="outlined" color="inherit" data-testid="viewer-headers-toggle" onClick={() => setShowHeaders((v) => !v)} startIcon={<KeyIcon />} aria-expanded={showHeaders}>
          <Badge badgeContent={filled} color="primary" sx={{ '& .MuiBadge-badge': { right: -10, top: 2 } }}>
            Headers
          </Badge>
        </Button>
        <Button type="submit" variant="contained" data-testid="subscribe-button" disabled={!canSubscribe || live} loading={opening} startIcon={<PlayIcon />}>
          Subscribe
        </Button>
        <Button variant="outlined" color="inherit" data-testid="unsubscribe-button" disabled={!live} onClick={onStop} startIcon={<StopIcon />}>
          Stop
        </Button>
        {state && <Chip data-testid="viewer-state" size="small" label={state} color={STATE_COLOR[state]} sx={{ ml: 0.5 }} />}
      </Box>
      <Collapse in={showHeaders || Boolean(formError?.row !== undefined)} sx={{ width: '100%' }} unmountOnExit>
        <Box sx={{ pt: 0.5, pb: 1 }}>
          <CredentialsEditor
            rows={credentials}
            onChange={setCredentials}
            {...(formError ? { error: formError } : {})}
            {...(differs && current.length ? { suggestion: { label: "Use the API's current credentials", rows: current } } : {})}
          />
        </Box>
      </Collapse>
      {formError && formError.row === undefined && (
        <Box data-testid="viewer-form-error" sx={{ width: '100%', color: 'error.main', fontSize: '0.8rem' }}>
          {formError.message}
        </Box>
      )}
    </Box>
  );
});

/** Not a literal in JSX: MUI's input slot type has no data-* keys. */
const INSECURE_TLS_INPUT = { 'data-testid': 'viewer-insecure-tls' };

function checkPath(path: string, topic: string): string | undefined {
  const value = path.trim();
  if (!value.startsWith('/')) return 'Start the path with "/", e.g. /prices.';
  if (/[*{}\s]/.test(value)) return 'Enter a concrete path: replace "*" or {param}, no spaces.';
  if (!topicPattern(topic).test(value)) return `The path must match the topic ${topic}.`;
  return undefined;
}
