import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { MessageScreen } from './shell/MessageScreen.tsx';
import { connectStudio } from './studio/client.ts';
import { theme } from './theme.ts';

// Connect before the first render: in web mode this also takes the token out of the address bar.
const outcome = connectStudio();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {outcome.ok ? (
        <App connection={outcome.connection} />
      ) : (
        <MessageScreen title="Open SSE Studio from its printed address" testId="no-token">
          This page needs the access token that <code>sse-studio serve</code> prints with the UI address (<code>http://127.0.0.1:PORT/#token=…</code>). Open that
          address; the token stays in this tab only.
        </MessageScreen>
      )}
    </ThemeProvider>
  </StrictMode>,
);
