import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useState, type ReactNode } from 'react';
import { CopyIcon } from './icons.tsx';

/**
 * Copies a value (a URL, a command) to the clipboard and says so. With `text`, a small labelled
 * button whose accessible name starts with that text (what a voice-control user says).
 */
export function CopyButton({ value, label, text, icon, tooltip, testId }: { value: string; label: string; text?: string; icon?: ReactNode; tooltip?: ReactNode; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => undefined,
    );
  };
  return (
    <Tooltip title={copied ? 'Copied' : (tooltip ?? label)}>
      {text ? (
        <Button size="small" color="inherit" onClick={copy} aria-label={`${text}: ${label}`} data-testid={testId} startIcon={icon ?? <CopyIcon sx={{ fontSize: '14px !important' }} />} sx={{ minWidth: 0, px: 1, py: 0, fontSize: '0.72rem', color: 'text.secondary' }}>
          {text}
        </Button>
      ) : (
        <IconButton size="small" onClick={copy} aria-label={label} data-testid={testId}>
          <CopyIcon sx={{ fontSize: 15 }} />
        </IconButton>
      )}
    </Tooltip>
  );
}
