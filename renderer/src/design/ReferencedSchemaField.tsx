import TextField from '@mui/material/TextField';
import { MONO_FONT } from '../theme.ts';

interface ReferencedSchemaFieldProps {
  testId: string;
  label: string;
  /** The reference as written, e.g. `./schemas.json#/Price`. */
  source: string;
  /** The schema it points at, as pretty JSON (from the host's resolved document); '' while unknown. */
  schema: string;
  /** Why the schema cannot be shown, when the host said so. */
  problem?: string | undefined;
}

/**
 * A schema that lives in another file: shown read-only with where it comes from. The forms never
 * write it back here (that would replace the reference with a copy) nor into the other file.
 */
export function ReferencedSchemaField({ testId, label, source, schema, problem }: ReferencedSchemaFieldProps) {
  const where = `from ${source} — edit that file`;
  const unknown = /^https?:/i.test(source)
    ? `from ${source} — SSE Studio does not fetch URLs`
    : problem
      ? `${where}. Its content cannot be shown: ${problem}`
      : `${where}. Its content shows once the document is saved and valid.`;
  return (
    <TextField
      label={`${label} — read-only`}
      value={schema}
      multiline
      minRows={3}
      maxRows={12}
      helperText={schema ? where : unknown}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId, readOnly: true, spellCheck: false, style: { fontFamily: MONO_FONT, fontSize: '0.78rem' } },
        formHelperText: { 'data-testid': `${testId}-helper` } as object,
      }}
    />
  );
}
