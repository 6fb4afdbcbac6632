/// <reference types="node" />
// Issue 22: every built-in exercise's figure, drawn as SVG from the poses in
// its content file (content/exercises/*.toml), has its joints where the pose
// data puts them: each joint angle is read back from the drawn lines. And the
// figure moves with a step's tempo, holds, and rests at the start.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ComponentChild, type VNode } from 'preact';
import { describe, expect, test } from 'vitest';

import { FigurePoses, StepFigure } from '../src/components/figure';
import { JOINTS, motionAt, poseAlong, type FigureData, type Joint, type Limb, type Pose } from '../src/figure/figure';

const CONTENT = join(__dirname, '..', '..', 'content', 'exercises');

// The figure keys of an exercise file: surface, view and [[pose]] tables,
// each pose listing what changes from the one before (docs/content-authoring.md).
function readFigure(text: string): FigureData {
  let surface = '';
  let view = 'side';
  let section = '';
  const poses: Pose[] = [];
  let current: Pose = { pelvis: 0, lumbar: 0, thoracic: 0, head: 0, hip: [0, 0], knee: [0, 0], ankle: [0, 0], shoulder: [0, 0], elbow: [0, 0] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line.startsWith('[')) {
      section = line;
      if (line === '[[pose]]') {
        current = structuredClone(current);
        poses.push(current);
      }
      continue;
    }
    const m = /^(\w+)\s*=\s*(.+)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    if (section === '' && key === 'surface') surface = JSON.parse(value) as string;
    if (section === '' && key === 'view') view = JSON.parse(value) as string;
    if (section === '[[pose]]' && (JOINTS as string[]).includes(key)) {
      const v = JSON.parse(value) as number | number[];
      const j = key as Joint;
      if (j === 'pelvis' || j === 'lumbar' || j === 'thoracic' || j === 'head') current[j] = v as number;
      else current[j] = (Array.isArray(v) ? [v[0], v[1]] : [v, v]) as Limb;
    }
  }
  return { surface: surface as FigureData['surface'], view: view as FigureData['view'], poses, moving: ['hip'] };
}

// Renders a tree of Preact elements without a DOM: the SVG elements with their props.
interface Element {
  type: string;
  props: Record<string, unknown>;
  children: Element[];
}
function render(node: ComponentChild): Element[] {
  if (node === null || node === undefined || typeof node === 'boolean' || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(render);
  const v = node as VNode<Record<string, unknown>>;
  if (typeof v.type === 'function') return render((v.type as (p: unknown) => ComponentChild)(v.props));
  const children = render(v.props.children as ComponentChild);
  return [{ type: v.type as string, props: v.props, children }];
}
function all(elements: Element[], type: string): Element[] {
  return elements.flatMap((e) => [...(e.type === type ? [e] : []), ...all(e.children, type)]);
}

// The direction of a drawn line in the figure's degrees (0 up, 90 right): SVG's y points down.
function direction(line: Element): number {
  const p = line.props as Record<string, number>;
  return (Math.atan2(p.x2! - p.x1!, -(p.y2! - p.y1!)) * 180) / Math.PI;
}
// The difference of two angles, in -180..180.
function diff(a: number, b: number): number {
  return ((((a - b) % 360) + 540) % 360) - 180;
}

const files = readdirSync(CONTENT).filter((f) => f.endsWith('.toml'));

describe('every built-in exercise', () => {
  test('there are 31, each with poses', () => {
    expect(files.length).toBe(31);
  });

  for (const file of files) {
    test(`${file}: the drawn joints match the pose data`, () => {
      const data = readFigure(readFileSync(join(CONTENT, file), 'utf8'));
      expect(data.poses.length).toBeGreaterThanOrEqual(2);
      const svgs = all(render(FigurePoses({ data, label: 'words' })), 'svg');
      expect(svgs.length).toBe(data.poses.length);
      svgs.forEach((svg, i) => {
        const pose = data.poses[i]!;
        const line = (name: string) => {
          const found = all([svg], 'line').find((l) => l.props['data-part'] === name);
          expect(found, `${file} pose ${i}: ${name}`).toBeDefined();
          return direction(found!);
        };
        const near = (got: number, want: number, what: string) =>
          expect(Math.abs(diff(got, want)), `${file} pose ${i}: ${what} ${got.toFixed(1)} for ${want}`).toBeLessThan(1);
        const pelvis = line('pelvis');
        near(pelvis, pose.pelvis, 'pelvis');
        near(line('lumbar') - pelvis, pose.lumbar, 'lumbar');
        near(line('thoracic') - line('lumbar'), pose.thoracic, 'thoracic');
        near(line('neck') - line('thoracic'), pose.head, 'head');
        (['near', 'far'] as const).forEach((side, k) => {
          const s = data.view === 'front' && k === 0 ? -1 : 1;
          const thigh = line(`thigh-${side}`);
          near((pelvis + 180 - thigh) * s, pose.hip[k], `hip ${side}`);
          near((line(`shank-${side}`) - thigh) * (data.view === 'front' ? -1 : 1), pose.knee[k], `knee ${side}`);
          near((line(`shank-${side}`) - line(`foot-${side}`)) * s - 90, pose.ankle[k], `ankle ${side}`);
          const arm = line(`upper-arm-${side}`);
          near((line('thoracic') + 180 - arm) * s, pose.shoulder[k], `shoulder ${side}`);
          near((arm - line(`forearm-${side}`)) * s, pose.elbow[k], `elbow ${side}`);
        });
        // The figure rests on its surface: its lowest line ends on the floor line (or just above it).
        const floor = all([svg], 'g').find((g) => g.props.class === 'figure-surface')!;
        const surfaceY = Math.min(...all([floor], 'line').map((l) => l.props.y1 as number), ...all([floor], 'rect').map((r) => r.props.y as number));
        const lowest = Math.max(...all([svg], 'line').filter((l) => l.props['data-part']).flatMap((l) => [l.props.y1 as number, l.props.y2 as number]));
        expect(surfaceY - lowest, `${file} pose ${i} rests on its surface`).toBeGreaterThanOrEqual(-0.5);
        expect(surfaceY - lowest, `${file} pose ${i} rests on its surface`).toBeLessThan(12);
      });
      // The words are the figure's text alternative.
      expect(all(render(FigurePoses({ data, label: 'Lie on your back.' })), 'div')[0]!.props['aria-label']).toBe('Lie on your back.');
    });
  }
});

describe('the figure in the player', () => {
  const reps = { type: 'reps' as const, seconds: 30, rep_seconds: 5, side: 'none' as const };
  test('a rep moves out, pauses and comes back at its tempo', () => {
    const tempo: [number, number, number] = [2, 1, 2];
    expect(motionAt(reps, 0, tempo)).toBe(0);
    expect(motionAt(reps, 1000, tempo)).toBeCloseTo(0.5);
    expect(motionAt(reps, 2500, tempo)).toBe(1);
    expect(motionAt(reps, 4000, tempo)).toBeCloseTo(0.5);
    expect(motionAt(reps, 6000, tempo)).toBeCloseTo(0.5); // the next rep
  });
  test('a hold moves out and stays; rest and relax show the start', () => {
    const hold = { type: 'hold' as const, seconds: 20, rep_seconds: 0 };
    expect(motionAt(hold, 1000, [2, 1, 2])).toBeCloseTo(0.5);
    expect(motionAt(hold, 15000, [2, 1, 2])).toBe(1);
    expect(motionAt({ type: 'rest', seconds: 30, rep_seconds: 0 }, 10000, [2, 1, 2])).toBe(0);
    expect(motionAt({ type: 'relax', seconds: 5, rep_seconds: 0 }, 1000, [2, 1, 2])).toBe(0);
  });
  test('poses between the poses of the data, and a still figure for a still time', () => {
    const data = readFigure(readFileSync(join(CONTENT, 'glute_bridge.toml'), 'utf8'));
    const half = poseAlong(data.poses, 0.5);
    expect(half.pelvis).toBeCloseTo((data.poses[0]!.pelvis + data.poses[1]!.pelvis) / 2);
    const at = (ms: number) => all(render(StepFigure({ data, step: reps, elapsedMs: ms, tempo: '2-1-2', label: 'Lift' })), 'svg')[0]!;
    expect(at(0).props['data-t']).toBe('0.000');
    expect(at(1000).props['data-t']).toBe('0.500');
    expect(at(1000).props['aria-label']).toBe('Lift');
    const thigh = (svg: Element) => all([svg], 'line').find((l) => l.props['data-part'] === 'thigh-near')!.props.y2;
    expect(thigh(at(0))).not.toBe(thigh(at(2000)));
    expect(thigh(at(1000))).toBe(thigh(at(1000)));
  });
});
