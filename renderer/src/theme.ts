import { createTheme } from '@mui/material/styles';

/** A dark, dense, tool-like theme (think Postman or Insomnia): quiet surfaces, one warm accent. */
export const MONO_FONT = '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';

/** The keyboard focus ring: the accent's light tint, visible on every surface of the dark theme. */
const FOCUS_RING = '#ffc08f';

export const theme = createTheme({
  palette: {
    mode: 'dark',
    primary: { main: '#ff8a3d', contrastText: '#1a1200' },
    secondary: { main: '#7aa2ff' },
    success: { main: '#4cc38a' },
    warning: { main: '#f5b84b' },
    error: { main: '#ff6b6b' },
    background: { default: '#15171c', paper: '#1c1f26' },
    divider: 'rgba(255,255,255,0.08)',
    text: { primary: '#e6e8ee', secondary: '#9aa3b2' },
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSize: 13,
    h5: { fontWeight: 600, fontSize: '1.35rem' },
    h6: { fontWeight: 600, fontSize: '1.05rem' },
    subtitle2: { fontWeight: 600, letterSpacing: 0.2 },
    overline: { fontWeight: 700, letterSpacing: 1.1, fontSize: '0.68rem' },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiTableCell: { styleOverrides: { root: { borderBottomColor: 'rgba(255,255,255,0.06)' }, head: { fontWeight: 600, color: '#9aa3b2' } } },
    MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
    // A tooltip adds a description; it never replaces the name the control shows (WCAG 2.5.3).
    MuiTooltip: { defaultProps: { describeChild: true } },
    MuiCssBaseline: {
      styleOverrides: {
        // A visible focus ring on whatever the keyboard reaches ("body" outranks MUI's `outline: 0`).
        // A checkbox's input is invisible: its box (Mui-focusVisible) carries the ring. Text fields
        // show focus with their own outline, and Monaco draws its own.
        'body *:focus-visible, body .Mui-focusVisible': { outline: `2px solid ${FOCUS_RING}`, outlineOffset: 2 },
        'body .MuiInputBase-input:focus-visible, body .monaco-editor textarea:focus-visible': { outline: 'none' },
      },
    },
  },
});
