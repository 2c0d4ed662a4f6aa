import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { defaultContext } from '../../../shared/model/context.ts';
import { validateContext, validateEndpoint, validateName, validateVersion } from '../../../shared/model/validate.ts';
import type { DesignEdit } from './design-edits.ts';
import type { DesignMessage, DesignModel } from './design-model.ts';
import { uniqueName } from './topic-channels.ts';
import { AddIcon } from '../widgets/icons.tsx';
import { GatewayUrls } from './GatewayUrls.tsx';
import { SyncedField } from './SyncedField.tsx';
import { TopicCard } from './TopicCard.tsx';
import { resolvedSchemaText } from './payload-ref.ts';
import type { ResolvedDocument } from './useResolvedDocument.ts';

/** Up to this many topics, every topic's fields are shown; more start folded (the newest one open). */
const EXPANDED_UP_TO = 3;

/**
 * The API as WSO2 API Manager describes an SSE API: name, context, version, endpoint, description
 * and subscribe-only topics. Every change goes straight into the document; errors show at their
 * field, worded as what to do (shared/model/validate.ts).
 */
export const DesignForms = memo(function DesignForms({ model, readOnly, resolved, onEdit }: { model: DesignModel; readOnly: boolean; resolved?: ResolvedDocument | undefined; onEdit(edit: DesignEdit): void }) {
  const paths = model.topics.map((t) => t.path);
  const addTopic = () => {
    const base = '/events';
    const path = paths.includes(base) ? uniqueName(base, paths) : base;
    onEdit({ kind: 'addTopic', path });
  };
  return (
    <Box data-testid="design-forms" sx={{ display: 'grid', rowGap: 1.25, pt: 1.25 }}>
      <Typography variant="overline" color="text.secondary">
        API · AsyncAPI {model.asyncapi}
      </Typography>
      <SyncedField testId="design-name" label="Name" required value={model.name} disabled={readOnly} validate={validateName} hint="info.title" onChange={(value) => onEdit({ kind: 'name', value })} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 120px', columnGap: 1.5 }}>
        <SyncedField
          testId="design-context"
          label="Context"
          required
          mono
          value={model.context}
          disabled={readOnly}
          placeholder={defaultContext(model.name)}
          validate={(v) => (v.trim() || model.contextSource !== 'none' ? validateContext(v) : undefined)}
          hint={model.contextSource === 'x-wso2-basePath' ? 'From x-wso2-basePath; editing writes x-context.' : model.contextSource === 'none' ? `Not set: served under ${defaultContext(model.name)}.` : 'x-context; may hold {version}.'}
          onChange={(value) => onEdit({ kind: 'context', value })}
        />
        <SyncedField testId="design-version" label="Version" required mono value={model.version} disabled={readOnly} validate={validateVersion} hint="info.version" onChange={(value) => onEdit({ kind: 'version', value })} />
      </Box>
      <SyncedField
        testId="design-endpoint"
        label="Backend endpoint"
        required
        mono
        value={model.endpoint}
        disabled={readOnly}
        validate={validateEndpoint}
        hint="The SSE server the gateway streams from (the sse server)."
        onChange={(value) => onEdit({ kind: 'endpoint', value })}
      />
      <SyncedField testId="design-description" label="Description" multiline value={model.description} disabled={readOnly} onChange={(value) => onEdit({ kind: 'description', value })} />
      <GatewayUrls model={model} />
      <Box sx={{ display: 'flex', alignItems: 'center', mt: 2, mb: 1 }}>
        <Typography variant="overline" color="text.secondary" sx={{ flex: 1 }}>
          Topics ({model.topics.length})
        </Typography>
        <Button size="small" startIcon={<AddIcon fontSize="small" />} data-testid="design-add-topic" disabled={readOnly} onClick={addTopic}>
          Add topic
        </Button>
      </Box>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {model.topics.map((topic, i) => (
          <TopicCard
            key={i}
            topic={topic}
            index={i}
            otherPaths={paths.filter((_, j) => j !== i)}
            canDelete={model.topics.length > 1}
            readOnly={readOnly}
            defaultExpanded={model.topics.length <= EXPANDED_UP_TO || i === model.topics.length - 1}
            referenced={fromOtherFile(resolved, topic.message)}
            onEdit={onEdit}
          />
        ))}
      </Box>
    </Box>
  );
});

/** A message or payload that is in another file, read from the host's resolved document where it is referenced. */
function fromOtherFile(resolved: ResolvedDocument | undefined, message: DesignMessage): { schema: string; problem?: string } | undefined {
  const at = message.ref ? message.ref.at : message.payloadRef !== undefined && message.at ? [...message.at, 'payload'] : undefined;
  if (!at) return undefined;
  if (!resolved) return { schema: '' };
  if (!resolved.ok) return { schema: '', problem: resolved.message };
  return { schema: resolvedSchemaText(resolved.document, at) };
}
