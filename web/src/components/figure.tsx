// The exercise's stick figure as SVG, drawn from its pose data (figure/figure.ts):
// one pose, the poses side by side, or the figure moving with a player step.
// Colours come from the theme's CSS variables; the words are its text alternative.
import { useEffect, useState } from 'preact/hooks';

import type { PlanStep } from '../api';
import { figureOf, motionAt, parseTempo, poseAlong, segments, type Figure, type FigureData, type Pose, type View } from '../figure/figure';

const SCALE = 100; // viewBox units per standing height
const PAD = 0.06;

interface Bounds {
  minX: number;
  maxX: number;
  maxY: number;
}

function bounds(figures: Figure[]): Bounds {
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = 0;
  for (const f of figures) {
    for (const points of Object.values(f)) {
      for (const [x, y] of points) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return { minX: minX - 0.1, maxX: maxX + 0.1, maxY: maxY + 0.1 };
}

const round = (n: number) => Math.round(n * 100) / 100;

// Swaps near and far limbs: the other side of the body.
function otherSide(p: Pose): Pose {
  const swap = (l: [number, number]): [number, number] => [l[1], l[0]];
  return { ...p, hip: swap(p.hip), knee: swap(p.knee), ankle: swap(p.ankle), shoulder: swap(p.shoulder), elbow: swap(p.elbow) };
}

function Surface({ data, b }: { data: FigureData; b: Bounds }) {
  const x1 = (b.minX - PAD) * SCALE;
  const x2 = (b.maxX + PAD) * SCALE;
  const floor = b.maxY * SCALE;
  const surface = data.surface;
  return (
    <g class="figure-surface" data-surface={surface}>
      {surface === 'bed' ? (
        <rect x={x1} y={floor} width={x2 - x1} height={6} rx={3} />
      ) : (
        <line x1={x1} y1={floor} x2={x2} y2={floor} />
      )}
      {surface === 'chair' && (
        <path d={`M ${round(-0.12 * SCALE)} ${round(floor - 0.24 * SCALE)} h ${0.22 * SCALE} M ${round(-0.1 * SCALE)} ${round(floor - 0.24 * SCALE)} v ${0.24 * SCALE} M ${round(-0.12 * SCALE)} ${round(floor - 0.24 * SCALE)} v ${-0.25 * SCALE}`} />
      )}
      {surface === 'wall' && <line x1={(b.maxX - 0.1) * SCALE + 2} y1={floor} x2={(b.maxX - 0.1) * SCALE + 2} y2={floor - 1.05 * SCALE} />}
    </g>
  );
}

function Body({ figure, view, moving, b }: { figure: Figure; view: View; moving: Set<string>; b: Bounds }) {
  const y = (v: number) => round((b.maxY - v) * SCALE);
  const x = (v: number) => round(v * SCALE);
  const head = figure.head[0];
  return (
    <g class="figure-body">
      {segments(figure, view).map((s) => (
        <line
          key={s.name}
          data-part={s.name}
          class={`${s.far ? 'far' : 'near'}${moving.has(s.joint) ? ' moving' : ''}`}
          x1={x(s.from[0])}
          y1={y(s.from[1])}
          x2={x(s.to[0])}
          y2={y(s.to[1])}
        />
      ))}
      <circle data-part="head" class={moving.has('head') ? 'moving' : undefined} cx={x(head[0])} cy={y(head[1])} r={round(0.065 * SCALE)} />
    </g>
  );
}

// The whole figure, for one pose; `b` keeps a moving figure in one frame.
function FigureSvg({ data, pose, b, label, t }: { data: FigureData; pose: Pose; b: Bounds; label: string; t?: number }) {
  const figure = figureOf(pose, data.view);
  const width = (b.maxX - b.minX + 2 * PAD) * SCALE;
  const height = (b.maxY + PAD) * SCALE + 8;
  return (
    <svg
      class="figure"
      viewBox={`${round((b.minX - PAD) * SCALE)} ${round(-PAD * SCALE)} ${round(width)} ${round(height)}`}
      role="img"
      aria-label={label}
      data-t={t === undefined ? undefined : t.toFixed(3)}
    >
      <Surface data={data} b={b} />
      <Body figure={figure} view={data.view} moving={new Set(data.moving)} b={b} />
    </svg>
  );
}

function frame(data: FigureData): Bounds {
  return bounds(data.poses.map((p) => figureOf(p, data.view)));
}

// The poses side by side: the start, any on the way, the end.
export function FigurePoses({ data, label }: { data: FigureData; label: string }) {
  const b = frame(data);
  return (
    <div class="figure-poses" role="group" aria-label={label}>
      {data.poses.map((p, i) => (
        <FigureSvg key={i} data={data} pose={p} b={b} label={i === 0 ? 'Start' : i === data.poses.length - 1 ? 'End' : `On the way, ${i}`} />
      ))}
    </div>
  );
}

// One pose on its own (the start, by default): the exercise library's thumbnails.
export function FigurePose({ data, label, index = 0 }: { data: FigureData; label: string; index?: number }) {
  const pose = data.poses[Math.min(index, data.poses.length - 1)];
  if (!pose) return null;
  return <FigureSvg data={data} pose={pose} b={frame(data)} label={label} />;
}

// How an exercise page's figure moves, over and over: a rep at its tempo, a
// hold out and back with a short stay, walking's swing.
export function demoMotion(mode: 'reps' | 'holds' | 'timed', tempo: string | undefined): { step: Pick<PlanStep, 'type' | 'seconds' | 'rep_seconds' | 'side'>; tempo: string } {
  if (mode === 'timed') return { step: { type: 'timed', seconds: 0, rep_seconds: 0, side: 'none' }, tempo: '2-1-2' };
  return { step: { type: 'reps', seconds: 0, rep_seconds: 0, side: 'none' }, tempo: mode === 'holds' ? '2-2-2' : (tempo ?? '2-1-2') };
}

const DEMO_TICK_MS = 50;

// The figure moving on its own, with a button to stop it; the poses side by
// side when the person asks for less motion (as StepFigure).
export function MovingFigure({ data, mode, tempo, label }: { data: FigureData; mode: 'reps' | 'holds' | 'timed'; tempo: string | undefined; label: string }) {
  const [elapsed, setElapsed] = useState(0);
  const [paused, setPaused] = useState(false);
  const still = reducedMotion();
  useEffect(() => {
    if (paused || still) return;
    const started = Date.now() - elapsed;
    const timer = window.setInterval(() => setElapsed(Date.now() - started), DEMO_TICK_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paused, still]);
  if (still) return <FigurePoses data={data} label={label} />;
  const demo = demoMotion(mode, tempo);
  return (
    <div class="moving-figure">
      <StepFigure data={data} step={demo.step} elapsedMs={elapsed} tempo={demo.tempo} label={label} />
      <button type="button" class="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
        {paused ? 'Move the figure' : 'Stop the figure'}
      </button>
    </div>
  );
}

export function reducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// The figure during a player step, `elapsedMs` into it. It moves only when
// the caller's time moves, so a paused player shows a still figure.
export function StepFigure({
  data,
  step,
  elapsedMs,
  tempo,
  label,
}: {
  data: FigureData;
  step: Pick<PlanStep, 'type' | 'seconds' | 'rep_seconds' | 'side'>;
  elapsedMs: number;
  tempo: string | undefined;
  label: string;
}) {
  if (reducedMotion()) return <FigurePoses data={data} label={label} />;
  const t = motionAt(step, elapsedMs, parseTempo(tempo));
  const pose = poseAlong(data.poses, t);
  return <FigureSvg data={data} pose={step.side === 'right' ? otherSide(pose) : pose} b={frame(data)} label={label} t={t} />;
}
