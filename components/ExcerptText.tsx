/** A verbatim excerpt with the mentions it holds marked, for the bundled sources' excerpts and the reader's. */
export function ExcerptText({
  excerpt,
}: {
  readonly excerpt: { readonly text: string; readonly highlights: readonly (readonly [number, number])[] };
}) {
  const parts: preact.ComponentChild[] = [];
  let at = 0;
  for (const [start, end] of excerpt.highlights) {
    if (start < at) continue;
    parts.push(excerpt.text.slice(at, start), <mark key={start}>{excerpt.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(excerpt.text.slice(at));
  return <>{parts}</>;
}
