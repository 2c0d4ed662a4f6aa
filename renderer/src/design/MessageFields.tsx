import Box from '@mui/material/Box';
import type { DesignEdit } from './design-edits.ts';
import type { DesignMessage } from './design-model.ts';
import { ReferencedSchemaField } from './ReferencedSchemaField.tsx';
import { SchemaField } from './SchemaField.tsx';
import { SyncedField } from './SyncedField.tsx';

interface MessageFieldsProps {
  index: number;
  topicKey: string;
  message: DesignMessage;
  readOnly: boolean;
  /** The message or payload from another file, from the host's resolved document (or why it is missing). */
  referenced: { schema: string; problem?: string | undefined } | undefined;
  onEdit(edit: DesignEdit): void;
}

/**
 * A topic's message: event name, payload schema, examples. What lives in another file (the whole
 * message, or its payload) is shown read-only with where it comes from, never rewritten here.
 */
export function MessageFields({ index, topicKey, message, readOnly, referenced, onEdit }: MessageFieldsProps) {
  if (message.ref) {
    return <ReferencedSchemaField testId={`design-topic-${index}-message`} label="Message (AsyncAPI)" source={message.ref.source} schema={referenced?.schema ?? ''} problem={referenced?.problem} />;
  }
  return (
    <>
      <SyncedField
        testId={`design-topic-${index}-event`}
        label="Event name"
        value={message.name}
        mono
        disabled={readOnly}
        hint="The SSE event: field clients listen for."
        validate={(v) => (/[\r\n]/.test(v) ? 'An event name is one line.' : undefined)}
        onChange={(value) => onEdit({ kind: 'messageName', key: topicKey, value })}
      />
      <Box sx={{ display: 'grid', gap: 1.5, pt: 0.75 }}>
        {message.payloadRef !== undefined ? (
          <ReferencedSchemaField testId={`design-topic-${index}-payload`} label="Payload schema (JSON Schema)" source={message.payloadRef} schema={referenced?.schema ?? ''} problem={referenced?.problem} />
        ) : (
          <SchemaField
            testId={`design-topic-${index}-payload`}
            label="Payload schema (JSON Schema)"
            value={message.payload}
            disabled={readOnly}
            hint='JSON or YAML, e.g. { "type": "object", "properties": { "price": { "type": "number" } } }'
            check={(v) => (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v)) ? 'A schema is an object, e.g. { "type": "string" }.' : undefined)}
            onChange={(value) => onEdit({ kind: 'payload', key: topicKey, value })}
          />
        )}
        <SchemaField
          testId={`design-topic-${index}-examples`}
          label="Examples"
          value={message.examples}
          disabled={readOnly}
          hint={'A list of example payloads, e.g. [ { "price": 42.1 } ]'}
          check={(v) => (v !== undefined && !Array.isArray(v) ? 'Write a list, e.g. [ "first", "second" ].' : undefined)}
          onChange={(value) => onEdit({ kind: 'examples', key: topicKey, value: Array.isArray(value) ? value : [] })}
        />
      </Box>
    </>
  );
}
