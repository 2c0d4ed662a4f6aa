import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { describeGatewaySecurity } from '../../../shared/docs/describe-security.ts';
import { reconnectNote } from '../../../shared/docs/reconnect-note.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { Markdown } from '../widgets/Markdown.tsx';
import { HtmlDocsButton } from './HtmlDocsButton.tsx';
import { TopicDocs } from './TopicDocs.tsx';
import { useLiveDocs } from './useLiveDocs.ts';

/**
 * The API's documentation as a consumer reads it, made from its clean export. It follows the Design
 * editor's text as it is typed (`liveText`, saved or not), else the file on disk; while the text
 * does not read as an SSE API it shows the last valid docs (else the saved file's) under a banner.
 */
export function DocsTab({ api, liveText }: { api: ApiSummary; liveText: string | undefined }) {
  const { client, host } = useStudio();
  const [diskText, setDiskText] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    let current = true;
    void client.call('documents.get', { id: api.id }).then((result) => {
      if (!current) return;
      if (result.ok) setDiskText(result.value.text);
      else setLoadError(result.error.message);
    });
    return () => {
      current = false;
    };
    // `api` changes when the host re-reads the file (a save, an edit on disk): read it again then.
  }, [client, api]);
  const text = liveText ?? diskText;
  const { model, problems } = useLiveDocs(text, diskText, api.id, { http: host.gatewayUrl, https: host.gatewayHttpsUrl }, { declared: api.endpoint, inUse: api.endpointInUse }, `${host.projectRoot}\n${api.id}`);

  if (loadError && text === undefined) return <Alert severity="error">Cannot read the document: {loadError}</Alert>;
  return (
    <Box data-testid="docs-panel">
      {problems.length > 0 && (
        <Alert severity="warning" data-testid="docs-invalid-banner" sx={{ mb: 2 }}>
          The document does not read as an SSE API{problems[0]?.line ? ` (line ${problems[0].line})` : ''}: {problems[0]?.message} {model ? 'These docs show its last valid state.' : ''}
        </Alert>
      )}
      {model && (
        <>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 1 }}>
            <Box sx={{ flex: 1 }}>
              <Typography variant="h6" data-testid="docs-title">
                {model.title} <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.9rem' }}>v{model.version} · AsyncAPI {model.asyncapi}</Box>
              </Typography>
              {model.description && <Markdown text={model.description} testId="docs-description" />}
            </Box>
            {text !== undefined && problems.length === 0 && <HtmlDocsButton getText={() => text} fileName={api.id} api={api} />}
          </Box>
          <Section title="Security">
            <Typography variant="body2" data-testid="docs-security">
              {describeGatewaySecurity(model.security)}
            </Typography>
            {model.schemes.map((s) => (
              <Typography key={s.name} variant="body2" color="text.secondary">
                Declared in the document: {s.name} ({s.type}
                {s.detail ? `, ${s.detail}` : ''}){s.description ? `: ${s.description}` : ''}
              </Typography>
            ))}
          </Section>
          {model.replay && (
            <Section title="How to reconnect">
              <Box data-testid="docs-reconnect" sx={{ borderLeft: 3, borderColor: 'secondary.main', pl: 1.5 }}>
                {reconnectNote(model.replay).map((line) => (
                  <Typography key={line} variant="body2" sx={{ mb: 0.5 }}>
                    {line}
                  </Typography>
                ))}
              </Box>
            </Section>
          )}
          <Section title={`Topics (${model.topics.length})`}>
            {model.topics.map((t) => (
              <TopicDocs key={t.path} topic={t} security={model.security} />
            ))}
          </Section>
        </>
      )}
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="overline" color="secondary.main" sx={{ display: 'block' }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}
