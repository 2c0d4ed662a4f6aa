import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography, { type TypographyProps } from '@mui/material/Typography';
import { Fragment, useMemo, type ReactNode } from 'react';
import { MONO_FONT } from '../theme.ts';
import { isSafeLink, parseMarkdown, type Inline } from '../../../shared/markdown/parse-markdown.ts';

/** A description written in Markdown (a safe subset, see shared/markdown/parse-markdown.ts), rendered as React elements: raw HTML stays text. */
export function Markdown({ text, color = 'text.secondary', testId }: { text: string; color?: TypographyProps['color']; testId?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <Box data-testid={testId} sx={{ color, '& > :first-of-type': { mt: 0 }, '& > :last-child': { mb: 0 } }}>
      {blocks.map((block, i) => {
        switch (block.t) {
          case 'p':
            return (
              <Typography key={i} variant="body2" color="inherit" sx={{ my: 0.75, whiteSpace: 'pre-line' }}>
                {inline(block.c)}
              </Typography>
            );
          case 'h':
            return (
              <Typography key={i} variant="subtitle2" color="text.primary" component="p" sx={{ mt: 1, mb: 0.5 }}>
                {inline(block.c)}
              </Typography>
            );
          case 'pre':
            return (
              <Box key={i} component="pre" sx={{ fontFamily: MONO_FONT, fontSize: '0.78rem', my: 0.75, p: 1, borderRadius: 1, bgcolor: 'rgba(255,255,255,0.04)', overflowX: 'auto' }}>
                {block.v}
              </Box>
            );
          default:
            return (
              <Box key={i} component={block.t} sx={{ my: 0.75, pl: 2.5, typography: 'body2' }}>
                {block.items.map((item, j) => (
                  <li key={j}>{inline(item)}</li>
                ))}
              </Box>
            );
        }
      })}
    </Box>
  );
}

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.t) {
      case 'text':
        return <Fragment key={i}>{node.v}</Fragment>;
      case 'strong':
        return <strong key={i}>{inline(node.c)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.c)}</em>;
      case 'code':
        return (
          <Box key={i} component="code" sx={{ fontFamily: MONO_FONT, fontSize: '0.9em', px: 0.5, borderRadius: 0.5, bgcolor: 'rgba(255,255,255,0.06)' }}>
            {node.v}
          </Box>
        );
      case 'link':
        // The parser only makes links to http(s)/mailto; checked again where the href is written.
        if (!isSafeLink(node.href)) return <Fragment key={i}>{inline(node.c)}</Fragment>;
        return (
          <Link key={i} href={node.href} target="_blank" rel="noopener noreferrer" color="secondary">
            {inline(node.c)}
          </Link>
        );
    }
  });
}
