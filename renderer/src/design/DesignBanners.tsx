import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { memo } from 'react';
import type { TextProblem } from './design-model.ts';
import type { DesignDocument } from './useDesignDocument.ts';

/** Recovery draft offer, a change on disk under unsaved edits, an unreadable text, and notices. */
type BannerDoc = Pick<DesignDocument, 'id' | 'draftOffer' | 'conflict' | 'notice' | 'restoreDraft' | 'discardDraft' | 'dismissNotice'>;

export const DesignBanners = memo(function DesignBanners({ doc, invalid, onResolve, onJump }: { doc: BannerDoc; invalid: TextProblem | undefined; onResolve(): void; onJump(line: number, column: number): void }) {
  return (
    <Box sx={{ display: 'grid', gap: 1, '&:empty': { display: 'none' } }}>
      {doc.draftOffer && (
        <Alert
          severity="info"
          data-testid="draft-offer"
          action={
            <>
              <Button color="inherit" size="small" data-testid="draft-restore" onClick={doc.restoreDraft}>
                Restore
              </Button>
              <Button color="inherit" size="small" data-testid="draft-discard" onClick={doc.discardDraft}>
                Discard
              </Button>
            </>
          }
        >
          {draftReason(doc.draftOffer, doc.id)}
        </Alert>
      )}
      {doc.conflict?.cause === 'disk' && (
        <Alert
          severity="warning"
          data-testid="disk-conflict-banner"
          action={
            <Button color="inherit" size="small" data-testid="disk-conflict-resolve" onClick={onResolve}>
              Compare / decide
            </Button>
          }
        >
          {doc.id} changed on disk by another program while you have unsaved edits. Nothing is lost: choose what to keep.
        </Alert>
      )}
      {invalid && (
        <Alert
          severity="warning"
          data-testid="design-invalid-banner"
          action={
            <Button color="inherit" size="small" data-testid="design-invalid-jump" sx={{ whiteSpace: 'nowrap' }} onClick={() => onJump(invalid.line, invalid.column)}>
              Go to {invalid.line}:{invalid.column}
            </Button>
          }
        >
          Line {invalid.line}, column {invalid.column}: {/[.!?]$/.test(invalid.message) ? invalid.message : `${invalid.message}.`} The forms show the last valid version and are read-only until the text is fixed.
        </Alert>
      )}
      {doc.notice && (
        <Alert severity={doc.notice.severity} data-testid={doc.notice.testId} onClose={doc.dismissNotice}>
          {doc.notice.message}
        </Alert>
      )}
    </Box>
  );
});

/** Why a recovery copy is offered, from what is known about it. */
export function draftReason(draft: { savedAt: number; stale: boolean }, id: string): string {
  const when = new Date(draft.savedAt).toLocaleString();
  return draft.stale
    ? `Unsaved text from ${when} was kept for ${id}, but the file has changed since (saved elsewhere or by another program). Restore it to compare and choose before saving.`
    : `Unsaved text from ${when} was kept for ${id}: Studio closed or the page reloaded before it was saved. Restore it, or discard it.`;
}
