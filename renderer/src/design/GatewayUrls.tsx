import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { defaultContext, gatewayBasePath } from '../../../shared/model/context.ts';
import { validateContext, validateVersion } from '../../../shared/model/validate.ts';
import type { DesignModel } from './design-model.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';

const SHOWN = 4;

/** Where the gateway will serve each topic, over HTTP and HTTPS, as the user types. */
export function GatewayUrls({ model }: { model: DesignModel }) {
  const { host } = useStudio();
  const context = model.context.trim() || defaultContext(model.name);
  const invalid = validateContext(context) ?? validateVersion(model.version);
  const base = invalid ? undefined : gatewayBasePath(context, model.version.trim());
  const all = model.topics.length ? model.topics.map((t) => t.path) : ['/*'];
  const rows = all.slice(0, SHOWN);
  return (
    <Box data-testid="design-gateway-urls" sx={{ px: 1.5, py: 1.25, borderRadius: 1, bgcolor: 'rgba(122,162,255,0.07)', border: 1, borderColor: 'rgba(122,162,255,0.25)' }}>
      <Typography variant="overline" color="secondary.main">
        Gateway URLs
      </Typography>
      {!base ? (
        <Typography variant="body2" color="text.secondary">
          Fix the context and version to see where the gateway serves the API.
        </Typography>
      ) : (
        [
          ['HTTP', host.gatewayUrl],
          ['HTTPS', host.gatewayHttpsUrl],
        ].map(([label, origin]) => (
          <Box key={label} sx={{ display: 'grid', gridTemplateColumns: '52px 1fr', columnGap: 1, mb: 0.5 }}>
            <Typography variant="caption" color="text.secondary" sx={{ pt: '2px' }}>
              {label}
            </Typography>
            <Box>
              {origin ? (
                [
                  ...rows.map((path) => (
                  <Typography key={path} data-testid={`design-url-${label === 'HTTP' ? 'http' : 'https'}`} sx={{ fontFamily: MONO_FONT, fontSize: '0.76rem', overflowWrap: 'anywhere' }}>
                    <span style={{ opacity: 0.6 }}>{origin}</span>
                    {breakAfterSlashes(`${base}${path.trim() === '/' ? '' : path.trim()}`)}
                  </Typography>
                  )),
                  all.length > SHOWN && (
                    <Typography key="more" variant="caption" color="text.secondary">
                      … and {all.length - SHOWN} more topics
                    </Typography>
                  ),
                ]
              ) : (
                <Typography variant="caption" color="text.secondary">
                  off
                </Typography>
              )}
            </Box>
          </Box>
        ))
      )}
    </Box>
  );
}

/** A long URL wraps after a "/", never inside a segment like {symbol}. */
function breakAfterSlashes(path: string) {
  return path.split(/(?<=\/)/).map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}
