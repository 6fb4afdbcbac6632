// The exercise's stick figure from its pose data: the same forward kinematics
// as the C++ core (src/exercise/pose.cpp), the pose at a moment of a step
// (the rep's tempo, the hold, the rest), and the figure's segments to draw.
// Pure: the component (components/figure.tsx) and the tests use it alike.
import type { PlanStep } from '../api';

export type Surface = 'bed' | 'floor' | 'chair' | 'wall' | 'standing';
export type View = 'side' | 'front';
export type Joint = 'pelvis' | 'lumbar' | 'thoracic' | 'head' | 'hip' | 'knee' | 'ankle' | 'shoulder' | 'elbow';
export type Limb = [number, number]; // near, far

export interface Pose {
  pelvis: number;
  lumbar: number;
  thoracic: number;
  head: number;
  hip: Limb;
  knee: Limb;
  ankle: Limb;
  shoulder: Limb;
  elbow: Limb;
}

export interface FigureData {
  surface: Surface;
  view: View;
  poses: Pose[];
  moving: Joint[];
}

export const JOINTS: Joint[] = ['pelvis', 'lumbar', 'thoracic', 'head', 'hip', 'knee', 'ankle', 'shoulder', 'elbow'];
const TRUNK: Joint[] = ['pelvis', 'lumbar', 'thoracic', 'head'];

// Segment lengths in units of standing height: kBody in src/exercise/pose.hpp.
export const BODY = {
  pelvis: 0.04,
  lumbar: 0.11,
  thoracic: 0.15,
  neckToHead: 0.1,
  headRadius: 0.065,
  thigh: 0.245,
  shank: 0.246,
  heel: 0.04,
  foot: 0.15,
  footFront: 0.05,
  upperArm: 0.186,
  forearm: 0.17,
  hipWidth: 0.09,
  shoulderWidth: 0.18,
  trunkRadius: 0.055,
  trunkHalfWidth: 0.1,
  limbRadius: 0.03,
  seatHeight: 0.24,
};

export type Point = [number, number];
export type Part = 'hip' | 'sacrum' | 'waist' | 'neck' | 'head' | 'knee' | 'ankle' | 'heel' | 'toe' | 'shoulder' | 'elbow' | 'hand';
// Every part has two points (near, far); trunk parts repeat one.
export type Figure = Record<Part, [Point, Point]>;

const rad = (deg: number) => (deg * Math.PI) / 180;
// 0 degrees is up, 90 the way the figure faces (or the viewer's right).
const step = (from: Point, deg: number, length: number): Point => [
  from[0] + Math.sin(rad(deg)) * length,
  from[1] + Math.cos(rad(deg)) * length,
];

function radius(part: Part, view: View): number {
  switch (part) {
    case 'hip':
      return view === 'side' ? BODY.trunkRadius : BODY.trunkHalfWidth - BODY.hipWidth / 2;
    case 'sacrum':
    case 'waist':
    case 'neck':
      return view === 'side' ? BODY.trunkRadius : BODY.trunkHalfWidth;
    case 'head':
      return BODY.headRadius;
    case 'knee':
    case 'elbow':
    case 'shoulder':
      return BODY.limbRadius;
    case 'ankle':
    case 'hand':
      return 0.02;
    default:
      return 0;
  }
}

// The figure of a pose, its lowest part resting at y = 0 (y up).
export function figureOf(pose: Pose, view: View): Figure {
  const pelvis = pose.pelvis;
  const lumbar = pelvis + pose.lumbar;
  const thoracic = lumbar + pose.thoracic;
  const centre: Point = [0, 0];
  const sacrum = step(centre, pelvis, BODY.pelvis);
  const waist = step(sacrum, lumbar, BODY.lumbar);
  const neck = step(waist, thoracic, BODY.thoracic);
  const head = step(neck, thoracic + pose.head, BODY.neckToHead);
  const f = { sacrum: [sacrum, sacrum], waist: [waist, waist], neck: [neck, neck], head: [head, head] } as Partial<Figure>;
  const limbs: Record<'hip' | 'knee' | 'ankle' | 'heel' | 'toe' | 'shoulder' | 'elbow' | 'hand', Point[]> = {
    hip: [], knee: [], ankle: [], heel: [], toe: [], shoulder: [], elbow: [], hand: [],
  };
  for (const i of [0, 1] as const) {
    // Seen from the front the near limbs are mirrored: out to the side is away from the middle.
    const s = view === 'front' && i === 0 ? -1 : 1;
    const hip = view === 'side' ? centre : step(centre, pelvis + 90, (s * BODY.hipWidth) / 2);
    const thigh = pelvis + 180 - s * pose.hip[i];
    const shank = thigh + (view === 'front' ? -1 : 1) * pose.knee[i];
    const foot = shank - s * (90 + pose.ankle[i]);
    const knee = step(hip, thigh, BODY.thigh);
    const ankle = step(knee, shank, BODY.shank);
    const heel = step(ankle, shank, BODY.heel);
    const shoulder = view === 'side' ? neck : step(neck, thoracic + 90, (s * BODY.shoulderWidth) / 2);
    const arm = thoracic + 180 - s * pose.shoulder[i];
    const elbow = step(shoulder, arm, BODY.upperArm);
    limbs.hip.push(hip);
    limbs.knee.push(knee);
    limbs.ankle.push(ankle);
    limbs.heel.push(heel);
    limbs.toe.push(step(heel, foot, view === 'side' ? BODY.foot : BODY.footFront));
    limbs.shoulder.push(shoulder);
    limbs.elbow.push(elbow);
    limbs.hand.push(step(elbow, arm - s * pose.elbow[i], BODY.forearm));
  }
  for (const [k, v] of Object.entries(limbs)) (f as Record<string, Point[]>)[k] = v;
  let lowest = Infinity;
  for (const [part, points] of Object.entries(f) as [Part, [Point, Point]][]) {
    for (const p of points) lowest = Math.min(lowest, p[1] - radius(part, view));
  }
  const placed = {} as Figure;
  for (const [part, points] of Object.entries(f) as [Part, [Point, Point]][]) {
    placed[part] = [
      [points[0][0], points[0][1] - lowest],
      [points[1][0], points[1][1] - lowest],
    ];
  }
  return placed;
}

export function interpolate(a: Pose, b: Pose, t: number): Pose {
  const u = Math.min(1, Math.max(0, t));
  const mix = (x: number, y: number) => x + (y - x) * u;
  const out = {} as Record<Joint, number | Limb>;
  for (const j of JOINTS) {
    const x = a[j];
    const y = b[j];
    out[j] = Array.isArray(x) && Array.isArray(y) ? [mix(x[0], y[0]), mix(x[1], y[1])] : mix(x as number, y as number);
  }
  return out as unknown as Pose;
}

// The pose `t` of the way (0 to 1) through the sequence, each move an equal share.
export function poseAlong(poses: Pose[], t: number): Pose {
  if (poses.length === 1) return poses[0]!;
  const at = Math.min(1, Math.max(0, t)) * (poses.length - 1);
  const from = Math.min(Math.floor(at), poses.length - 2);
  return interpolate(poses[from]!, poses[from + 1]!, at - from);
}

// Seconds out, pause and back of a tempo written "2-1-2".
export function parseTempo(text: string | undefined): [number, number, number] {
  const parts = (text ?? '').split('-').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return [2, 1, 2];
  return parts as [number, number, number];
}

// How far through its poses (0: the start, 1: the end) the figure is, `ms`
// into a step: a rep goes out, pauses and comes back at its tempo; a hold
// moves out (in at most 2 s) and stays; walking swings between its poses;
// getting ready, relaxing, changing sides and resting show the start.
export function motionAt(step: Pick<PlanStep, 'type' | 'seconds' | 'rep_seconds'>, ms: number, tempo: [number, number, number]): number {
  const s = Math.max(0, ms) / 1000;
  switch (step.type) {
    case 'reps': {
      const [out, pause, back] = tempo;
      const rep = step.rep_seconds > 0 ? step.rep_seconds : out + pause + back;
      const scale = out + pause + back > 0 ? rep / (out + pause + back) : 1;
      const at = s % rep;
      if (at < out * scale) return at / (out * scale);
      if (at < (out + pause) * scale) return 1;
      return back > 0 ? Math.max(0, 1 - (at - (out + pause) * scale) / (back * scale)) : 0;
    }
    case 'hold': {
      const move = Math.min(2, step.seconds / 4);
      return move > 0 ? Math.min(1, s / move) : 1;
    }
    case 'timed': {
      const at = s % 1.2;
      return at < 0.6 ? at / 0.6 : 1 - (at - 0.6) / 0.6;
    }
    default:
      return 0;
  }
}

// The segments drawn, each with the joint whose movement moves it.
export interface Segment {
  name: string;
  from: Point;
  to: Point;
  joint: Joint;
  far: boolean;
}

const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

export function segments(f: Figure, view: View): Segment[] {
  const out: Segment[] = [];
  for (const i of [1, 0] as const) {
    // the far side first, so the near side is drawn over it
    const far = i === 1;
    const side = far ? 'far' : 'near';
    out.push({ name: `thigh-${side}`, from: f.hip[i], to: f.knee[i], joint: 'hip', far });
    out.push({ name: `shank-${side}`, from: f.knee[i], to: f.heel[i], joint: 'knee', far });
    out.push({ name: `foot-${side}`, from: f.heel[i], to: f.toe[i], joint: 'ankle', far });
    if (far) {
      out.push({ name: 'pelvis', from: mid(f.hip[0], f.hip[1]), to: f.sacrum[0], joint: 'pelvis', far: false });
      out.push({ name: 'lumbar', from: f.sacrum[0], to: f.waist[0], joint: 'lumbar', far: false });
      out.push({ name: 'thoracic', from: f.waist[0], to: f.neck[0], joint: 'thoracic', far: false });
      out.push({ name: 'neck', from: f.neck[0], to: f.head[0], joint: 'head', far: false });
    }
  }
  for (const i of [1, 0] as const) {
    const far = i === 1;
    const side = far ? 'far' : 'near';
    if (view === 'front') out.push({ name: `shoulders-${side}`, from: f.neck[0], to: f.shoulder[i], joint: 'thoracic', far });
    if (view === 'front') out.push({ name: `hips-${side}`, from: mid(f.hip[0], f.hip[1]), to: f.hip[i], joint: 'pelvis', far });
    out.push({ name: `upper-arm-${side}`, from: f.shoulder[i], to: f.elbow[i], joint: 'shoulder', far });
    out.push({ name: `forearm-${side}`, from: f.elbow[i], to: f.hand[i], joint: 'elbow', far });
  }
  return out;
}

export function isTrunk(j: Joint): boolean {
  return TRUNK.includes(j);
}
