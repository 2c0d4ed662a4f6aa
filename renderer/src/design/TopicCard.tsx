import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';
import { templateParams } from '../../../shared/asyncapi/plain-data.ts';
import { validateTopicPath } from '../../../shared/model/validate.ts';
import type { DesignEdit } from './design-edits.ts';
import type { DesignTopic } from './design-model.ts';
import { MONO_FONT } from '../theme.ts';
import { DeleteIcon } from '../widgets/icons.tsx';
import { MockSettings } from './MockSettings.tsx';
import { MessageFields } from './MessageFields.tsx';
import { SyncedField } from './SyncedField.tsx';

interface TopicCardProps {
  topic: DesignTopic;
  index: number;
  /** Paths of the other topics, to refuse a duplicate. */
  otherPaths: string[];
  canDelete: boolean;
  readOnly: boolean;
  /** Big documents start with their topics folded: one line each. */
  defaultExpanded: boolean;
  /** For a message or payload in another file: its content from the host's resolved document, or why there is none. */
  referenced?: { schema: string; problem?: string | undefined } | undefined;
  onEdit(edit: DesignEdit): void;
}

/** One subscribe-only topic: its path and parameters, backend mapping and event message. */
export const TopicCard = memo(function TopicCard({ topic, index, otherPaths, canDelete, readOnly, defaultExpanded, referenced, onEdit }: TopicCardProps) {
  const [expanded, setExpanded] = useState(defaultExpanded);
  const key = topic.key;
  const params = templateParams(topic.path);
  const checkPath = (path: string) => validateTopicPath(path) ?? (otherPaths.includes(path.trim()) ? `Another topic already uses "${path.trim()}": pick a different path.` : undefined);
  if (!expanded) {
    return (
      <Paper variant="outlined" data-testid={`design-topic-${index}`} sx={{ px: 1.5, py: 0.5, bgcolor: 'background.default', display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography sx={{ fontFamily: MONO_FONT, fontSize: '0.8rem', flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{topic.path}</Typography>
        {topic.message.name && (
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: MONO_FONT }}>
            event: {topic.message.name}
          </Typography>
        )}
        <Button size="small" data-testid={`design-topic-${index}-expand`} onClick={() => setExpanded(true)}>
          Edit
        </Button>
      </Paper>
    );
  }
  return (
    // A grid with a row gap: a field's helper text (two lines when long) never runs under the next field's label.
    <Paper variant="outlined" data-testid={`design-topic-${index}`} sx={{ p: 1.5, bgcolor: 'background.default', display: 'grid', rowGap: 1.25 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ flex: 1 }}>
          <SyncedField
            testId={`design-topic-${index}-path`}
            label="Topic path"
            value={topic.path}
            mono
            required
            disabled={readOnly}
            validate={checkPath}
            hint={'Subscribe-only. {name} segments are parameters; "/*" passes every path.'}
            onChange={(path) => !checkPath(path) && onEdit({ kind: 'topicPath', key, path })}
          />
        </Box>
        <Tooltip title={canDelete ? 'Delete this topic' : 'An SSE API needs at least one topic'}>
          <span>
            <IconButton aria-label={`Delete topic ${topic.path}`} data-testid={`design-topic-${index}-delete`} disabled={!canDelete || readOnly} onClick={() => onEdit({ kind: 'removeTopic', key })} sx={{ mt: 0.5 }}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      </Box>
      {params.length > 0 && (
        <Box sx={{ pl: 1.5, borderLeft: 2, borderColor: 'divider', display: 'grid', rowGap: 1.25, pt: 0.75 }}>
          {params.map((name) => (
            <SyncedField
              key={name}
              testId={`design-topic-${index}-param-${name}`}
              label={`{${name}} description`}
              value={topic.parameters.find((p) => p.name === name)?.description ?? ''}
              disabled={readOnly}
              onChange={(value) => onEdit({ kind: 'paramDescription', key, name, value })}
            />
          ))}
        </Box>
      )}
      <SyncedField
        testId={`design-topic-${index}-backend-path`}
        label="Backend path (x-backend-path)"
        value={topic.backendPath}
        mono
        disabled={readOnly}
        placeholder={topic.path}
        validate={(v) => (v && !v.startsWith('/') ? 'Start the backend path with "/", e.g. "/v1/prices".' : undefined)}
        hint="Where the gateway connects on the backend; empty = the topic path."
        onChange={(value) => onEdit({ kind: 'backendPath', key, value })}
      />
      <SyncedField testId={`design-topic-${index}-description`} label="Description" value={topic.description} disabled={readOnly} onChange={(value) => onEdit({ kind: 'topicDescription', key, value })} />
      <Typography variant="overline" color="text.secondary" sx={{ display: 'block', lineHeight: 1.5 }}>
        Message
      </Typography>
      <MessageFields index={index} topicKey={key} message={topic.message} readOnly={readOnly} referenced={referenced} onEdit={onEdit} />
      <MockSettings testId={`design-topic-${index}-mock`} topicKey={key} mock={topic.mock} readOnly={readOnly} onEdit={onEdit} />
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: MONO_FONT, flex: 1 }}>
          channels.{key}
        </Typography>
        <Button size="small" color="inherit" onClick={() => setExpanded(false)}>
          Fold
        </Button>
      </Box>
    </Paper>
  );
}, sameTopic);

// A big document has many topics: a card re-renders only when what it shows changed.
function sameTopic(a: TopicCardProps, b: TopicCardProps): boolean {
  return (
    a.index === b.index &&
    a.canDelete === b.canDelete &&
    a.readOnly === b.readOnly &&
    a.defaultExpanded === b.defaultExpanded &&
    a.onEdit === b.onEdit &&
    a.referenced?.schema === b.referenced?.schema &&
    a.referenced?.problem === b.referenced?.problem &&
    a.otherPaths.join('\n') === b.otherPaths.join('\n') &&
    JSON.stringify(a.topic) === JSON.stringify(b.topic)
  );
}
