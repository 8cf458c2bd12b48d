import { describe, expect, it } from 'vitest';
import { handlersOf, routeFiles } from './handlers.js';

/**
 * Lines a handler may span, from `async (c) => {` to its closing brace. The house style aims at
 * about 15 (validate, one service call, render); 25 leaves room for a render whose props are
 * written one per line, while a handler that starts doing the service's work again fails.
 */
const MAX_LINES = 25;

describe('route handlers', () => {
  it(`stay within ${MAX_LINES} lines: validate, call one service function, render`, () => {
    const handlers = routeFiles(['src']).flatMap((file) => handlersOf(file));
    expect(handlers.length).toBeGreaterThan(100);
    const long = handlers
      .filter((h) => h.lines > MAX_LINES)
      .map((h) => `${h.file}:${h.line} ${h.route} has ${h.lines} lines`);
    expect(long).toEqual([]);
  });

  it('measures an inline handler from its arrow to its closing brace, braces in strings and JSX aside', () => {
    const body = Array.from({ length: 30 }, (_, i) => `  const v${i} = '}}' + \`{\${i}}\`;`).join('\n');
    const text = `app.get('/x', guard(), async (c) => {\n${body}\n  return c.html(<p>{'{'}</p>);\n});\n`;
    expect(handlersOf('fixture.tsx', text)).toEqual([
      { file: 'fixture.tsx', route: 'GET /x', line: 1, lines: 33 },
    ]);
  });

  it('follows a handler passed by name to its declaration in the same file', () => {
    const text = [
      'async function show(c) {',
      '  const a = 1;',
      '  return c.text(String(a));',
      '}',
      "routes.post('/y/:id', show);",
      "routes.get('/z', (c) => c.text('short'));",
    ].join('\n');
    expect(handlersOf('fixture.ts', text).map((h) => [h.route, h.lines])).toEqual([
      ['POST /y/:id', 4],
      ['GET /z', 1],
    ]);
  });
});
