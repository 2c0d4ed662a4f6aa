import { Fragment } from 'react';

/**
 * A path or URL that wraps only after a "/", never inside a piece such as `{symbol}`: each piece
 * (with its trailing slash) keeps together, and a line may break between pieces. The text content
 * is unchanged, so copying and text assertions see the plain path.
 */
const PIECE = { whiteSpace: 'nowrap' } as const;

export function PathText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(?<=\/)/).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span style={PIECE}>{piece}</span>
        </Fragment>
      ))}
    </>
  );
}
