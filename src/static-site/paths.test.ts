import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalAddress, relativeHref, staticFileFor } from './paths.ts';

const HTML = 'text/html; charset=utf-8';
const canonical = (s: string) => canonicalAddress(new URL(s, 'http://x'));

test("pages become named files, since file:// does not open a folder's index.html", () => {
  assert.equal(staticFileFor('/', HTML), 'index.html');
  assert.equal(staticFileFor('/events/12', HTML), 'events/12.html');
  assert.equal(staticFileFor('/events/12/v/3', HTML), 'events/12/v/3.html');
  assert.equal(staticFileFor('/map', HTML), 'map.html');
});

test('query strings become part of the name, one spelling per page', () => {
  assert.equal(canonical('/?page=2&lang=ru'), '/?lang=ru&page=2');
  assert.equal(canonical('/?lang=ru&page=2'), '/?lang=ru&page=2');
  assert.equal(canonical('/events/3?lang=en'), '/events/3', 'the default language is the page without ?lang');
  assert.equal(canonical('/?region=&page=2'), '/?page=2', 'empty parameters change nothing on the server either');
  assert.equal(staticFileFor('/?lang=ru&page=2', HTML), 'index.lang-ru.page-2.html');
  assert.equal(staticFileFor('/?bbox=51.16,43.59,52.08,43.65', HTML), 'index.bbox-51_2e16,43_2e59,52_2e08,43_2e65.html');
  assert.notEqual(staticFileFor('/?region=a.b', HTML), staticFileFor('/?region=a_2eb', HTML), 'the escape character is escaped too');
  assert.equal(staticFileFor('/feed.atom?lang=ru', 'application/atom+xml'), 'feed.lang-ru.atom');
});

test("the log and media keep the server's paths, which verifiers and mirrors read by name", () => {
  assert.equal(staticFileFor('/log/checkpoint', 'text/plain; charset=utf-8'), 'log/checkpoint');
  assert.equal(staticFileFor('/log/tile/0/x001/000.p/7', 'application/octet-stream'), 'log/tile/0/x001/000.p/7');
  assert.equal(staticFileFor('/log/tile/entries/000', 'application/octet-stream'), 'log/tile/entries/000');
  assert.equal(staticFileFor('/media/ab12', 'image/jpeg'), 'media/ab12');
  assert.equal(staticFileFor('/assets/site.css', 'text/css'), 'assets/site.css');
});

test('no address leads out of the copy', () => {
  assert.equal(staticFileFor('/a/%2e%2e/%2e%2e/b', HTML), 'b.html');
  assert.equal(staticFileFor('/a%2F..%2Fb', HTML), 'a_2f.._2fb.html');
});

test('links between files are relative, fragments kept', () => {
  assert.equal(relativeHref('index.html', 'events/12.html'), 'events/12.html');
  assert.equal(relativeHref('events/12/v/1.html', 'events/12.html', '#history'), '../../12.html#history');
  assert.equal(relativeHref('events/12.html', 'events/12.html'), '12.html');
  assert.equal(relativeHref('events/12.html', 'assets/site.css'), '../assets/site.css');
});
