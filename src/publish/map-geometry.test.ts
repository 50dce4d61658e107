import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterPoints, mapBase, placeLabels, simplify } from './map-geometry.ts';

describe('mapBase', () => {
  it('draws Kazakhstan and its neighbours, and is computed once', () => {
    const base = mapBase();
    assert.equal(mapBase(), base);
    const home = base.countries.filter((c) => c.home);
    assert.equal(home.length, 1);
    assert.equal(home[0]!.name, 'Kazakhstan');
    assert.match(home[0]!.d, /^M\d+ \d+l/);
    for (const name of ['Russia', 'China', 'Kyrgyzstan', 'Uzbekistan', 'Turkmenistan']) {
      assert.ok(
        base.countries.some((c) => c.name === name),
        name,
      );
    }
    assert.ok(!base.countries.some((c) => c.name === 'Brazil'));
    const bytes = base.countries.reduce((n, c) => n + c.d.length, 0);
    assert.ok(bytes < 15_000, `base map paths weigh ${bytes} bytes`);
  });

  it('projects places inside the map and leaves far ones out', () => {
    const base = mapBase();
    const almaty = base.project(76.95, 43.24);
    const aktau = base.project(51.17, 43.65);
    assert.ok(almaty && aktau);
    assert.ok(almaty[0] > aktau[0], 'Almaty is east of Aktau');
    const astana = base.project(71.45, 51.17)!;
    assert.ok(astana[1] < almaty[1], 'Nur-Sultan is north of Almaty');
    assert.equal(base.project(37.62, 55.76), undefined, 'Moscow is off the map');
  });
});

describe('simplify', () => {
  it('drops points on a straight line and keeps corners', () => {
    const line: Array<[number, number]> = [
      [0, 0],
      [1, 0.1],
      [2, 0],
      [3, 5],
      [4, 0],
    ];
    assert.deepEqual(simplify(line, 0.5), [
      [0, 0],
      [2, 0],
      [3, 5],
      [4, 0],
    ]);
  });
});

describe('clusterPoints', () => {
  it('groups close points and keeps distant ones apart', () => {
    const pts = [
      ...Array.from({ length: 50 }, (_, i) => ({ x: 600 + (i % 5), y: 400 + (i % 3), item: `almaty-${i}` })),
      { x: 100, y: 300, item: 'aktau' },
      { x: 110, y: 305, item: 'aktau-2' },
      { x: 300, y: 100, item: 'alone' },
    ];
    const clusters = clusterPoints(pts, 20);
    const sizes = clusters.map((c) => c.items.length).sort((a, b) => b - a);
    assert.deepEqual(sizes, [50, 2, 1]);
    const big = clusters.find((c) => c.items.length === 50)!;
    assert.ok(Math.abs(big.x - 602) < 3 && Math.abs(big.y - 401) < 2);
  });

  it('copes with many thousands of points', () => {
    const pts = Array.from({ length: 30_000 }, (_, i) => ({ x: (i * 7919) % 800, y: (i * 104729) % 500, item: i }));
    const clusters = clusterPoints(pts, 20);
    assert.equal(
      clusters.reduce((n, c) => n + c.items.length, 0),
      30_000,
    );
    assert.ok(clusters.length < 1_500, `${clusters.length} marks`);
  });
});

describe('placeLabels', () => {
  it('moves a label off a mark sitting on its point', () => {
    const [label] = placeLabels([{ x: 100, y: 100, text: 'Almaty' }], [{ x: 100, y: 100, r: 20 }]);
    assert.ok(label);
    const clear = label.y > 120 || label.y < 80 || label.x > 120 || label.x < 80;
    assert.ok(clear, `label at ${label.x},${label.y} is under the mark`);
  });

  it('keeps two neighbouring labels from overlapping', () => {
    const [a, b] = placeLabels(
      [
        { x: 100, y: 100, text: 'Shymkent' },
        { x: 102, y: 101, text: 'Turkistan' },
      ],
      [],
    );
    assert.ok(a && b);
    assert.ok(a.x !== b.x || Math.abs(a.y - b.y) >= 9 || a.anchor !== b.anchor);
  });
});
