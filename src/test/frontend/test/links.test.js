// Pure link logic: which links to draw, the arc over the text, where names go (frontend/annotator/links.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arc, inSight, linkedSpans, linksBySpan, linksToDraw, placeLabels } from '../../../../frontend/annotator/links.js';

const links = [
  { id: 'l1', type: 'source', from: 'att', to: 'src', name: 'source' },
  { id: 'l2', type: 'cue', from: 'att', to: 'cue', name: 'cue' },
  { id: 'l3', type: 'rel', from: 'x', to: 'y', name: 'rel' },
  { id: 'l4', type: 'self', from: 'y', to: 'y', name: 'self' },
];

test('links are indexed at both ends, a loop once', () => {
  const by = linksBySpan(links);
  assert.deepEqual(by.get('att').map((l) => l.id), ['l1', 'l2']);
  assert.deepEqual(by.get('src').map((l) => l.id), ['l1']);
  assert.deepEqual(by.get('y').map((l) => l.id), ['l3', 'l4']);
  assert.deepEqual([...linkedSpans(by, 'att')].sort(), ['cue', 'src']);
  assert.deepEqual([...linkedSpans(by, 'src')], ['att']);
  assert.equal(linkedSpans(by, null).size, 0);
});

test("the selected span's links are strong, the others in sight faint, each once", () => {
  const by = linksBySpan(links);
  const { strong, faint } = linksToDraw(by, ['src', 'x', 'y', 'att'], 'att');
  assert.deepEqual(strong.map((l) => l.id), ['l1', 'l2']);
  assert.deepEqual(faint.map((l) => l.id), ['l3', 'l4']);
  const none = linksToDraw(by, [], null);
  assert.equal(none.strong.length + none.faint.length, 0);
});

test('faint links stop at the cap; the strong ones are always drawn', () => {
  const many = Array.from({ length: 50 }, (_, i) => ({ id: `m${i}`, type: 't', from: `a${i}`, to: `b${i}` }));
  const by = linksBySpan([...many, links[0]]);
  const { strong, faint } = linksToDraw(by, many.map((l) => l.from), 'att', 10);
  assert.equal(faint.length, 10);
  assert.deepEqual(strong.map((l) => l.id), ['l1']);
});

test('an arc rises above both ends and ends on them', () => {
  const a = { x: 10, y: 100 };
  const b = { x: 210, y: 140 };
  const { d, apex } = arc(a, b);
  const nums = d.match(/-?[\d.]+/g).map(Number);
  assert.deepEqual(nums.slice(0, 2), [10, 100]);
  assert.deepEqual(nums.slice(-2), [210, 140]);
  const top = nums[3];
  assert.ok(top < 100 && top >= 100 - 34, `control points above the higher end: ${top}`);
  assert.equal(apex.x, 110);
  assert.ok(apex.y < 100, 'the name sits above both ends');
  const far = arc({ x: 0, y: 100 }, { x: 5000, y: 100 });
  assert.ok(Number(far.d.match(/-?[\d.]+/g)[3]) >= 100 - 34, 'a long arc stays in the space between lines');
});

test('a link from a span to itself is a small loop above it', () => {
  const { d, apex } = arc({ x: 50, y: 60 }, { x: 50, y: 60 });
  assert.match(d, /^M47 60 C/);
  assert.ok(apex.y < 60);
});

test('names that would overlap are moved up, the first placed keeps its place', () => {
  const placed = placeLabels([{ x: 100, y: 50, w: 40, h: 12 }, { x: 110, y: 52, w: 40, h: 12 }, { x: 300, y: 50, w: 40, h: 12 }]);
  assert.equal(placed[0].y, 50);
  assert.ok(placed[1].y <= 50 - 12, `moved above the first: ${placed[1].y}`);
  assert.equal(placed[2].y, 50);
});

test('the boxes in sight, by binary search over boxes sorted top to bottom', () => {
  const boxes = Array.from({ length: 100 }, (_, i) => [i * 50, i * 50 + 40]);
  let calls = 0;
  const edges = (i) => { calls++; return boxes[i]; };
  assert.deepEqual(inSight(100, edges, 1000, 1500), [20, 30]); // 19 ends at 990, 30 starts at 1500
  assert.ok(calls < 30, `binary search, not a scan: ${calls} reads`);
  assert.deepEqual(inSight(100, edges, 6000, 7000), null);
  assert.deepEqual(inSight(100, edges, -500, 10), [0, 0]);
});
