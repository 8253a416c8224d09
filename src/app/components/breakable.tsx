// Long snake_case names may wrap after an underscore instead of being cut off.
import { Fragment } from 'react';

export function Breakable({ text }: { text: string }) {
  const parts = text.split('_');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              _<wbr />
            </>
          )}
          {p}
        </Fragment>
      ))}
    </>
  );
}
