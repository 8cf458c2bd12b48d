import { raw } from 'hono/html';
import { FACETS, type FacetName, type SearchResult } from '../../search/engine.js';
import { Cache, perHandle } from '../../src/cache.js';
import type { SearchViewModel } from './model.js';
import { FacetGroup, VerifiedFacet } from './parts.js';

/** Rendered facet checkboxes by key, per label source; about 20 KB each, so bounded by size. */
const panels = perHandle<object, Cache<string, string>>(
  () => new Cache<string, string>({ maxSize: 8_000_000, sizeOf: (html) => html.length, ttlMs: 60_000 }),
);

const LIST_FACETS = FACETS.filter((f): f is Exclude<FacetName, 'verified'> => f !== 'verified');

function FacetGroups({ vm, result }: { vm: SearchViewModel; result: SearchResult }) {
  return (
    <>
      {LIST_FACETS.map((f) => (
        <FacetGroup vm={vm} facet={f} counts={result.warming ? null : result.facets[f]} />
      ))}
      <VerifiedFacet vm={vm} counts={result.warming ? null : result.facets.verified} />
    </>
  );
}

/**
 * The facet checkboxes, the largest part of the results page (some 20 KB of HTML), rendered once
 * per (locale, ticked values, counts) and reused: paging, sorting, the keyword box and every
 * logged-in user with the same filters get the same panel. Its input is all in the key, so a
 * cached panel is byte-identical to a fresh one; entries live a minute, and a new taxonomy (the
 * labels' source, `vm.labelScope`) starts a new cache.
 */
export function FacetPanel({ vm, result }: { vm: SearchViewModel; result: SearchResult }) {
  const key = JSON.stringify([
    vm.locale,
    vm.state.selected,
    vm.state.verified,
    result.facets,
    !!result.warming,
  ]);
  const cache = panels(vm.labelScope);
  const hit = cache.get(key);
  if (hit !== undefined) return raw(hit);
  const html = (<FacetGroups vm={vm} result={result} />).toString();
  if (typeof html !== 'string') return <FacetGroups vm={vm} result={result} />;
  cache.set(key, html);
  return raw(html);
}
