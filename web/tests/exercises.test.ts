// Issue 22: the exercise library and an exercise's page, rendered from the
// shape GET /api/exercises answers: the groups, the links, the figures and
// their words, the dose ladder, the routines that use it, the variants.
import { type ComponentChild, h, type VNode } from 'preact';
import { describe, expect, test, vi } from 'vitest';

import type { Exercise } from '../src/api';
import { demoMotion, FigurePose, MovingFigure } from '../src/components/figure';
import type { Pose } from '../src/figure/figure';
import { ExerciseLibraryView, ExercisePage, figureLabel, groupExercises, startingDose } from '../src/screens/exercises';

// The views take their data as props; the loading (and the app's state, with
// its outbox in localStorage) is not part of these tests.
vi.mock('../src/state', () => ({ useLoad: () => ({ data: null, error: null, loading: true, reload: () => undefined }) }));

const still: Pose = { pelvis: 0, lumbar: 0, thoracic: 0, head: 0, hip: [0, 0], knee: [0, 0], ankle: [0, 0], shoulder: [0, 0], elbow: [0, 0] };
const dose = { mode: 'holds' as const, sets: 1, reps: 4, hold_seconds: 8, minutes: 0, tempo: '2-1-2', relax_seconds: 3, rest_seconds: 0 };

function exercise(id: string, name: string, extra: Partial<Exercise> = {}): Exercise {
  return {
    id,
    name,
    summary: `${name}, in short.`,
    kind: 'activation',
    position: 'floor',
    sides: 'alternate',
    muscles: [],
    tags: [],
    steps: [`${name}: first.`, `${name}: then.`],
    cues: ['Keep breathing.'],
    cautions: ['Stop if it hurts.'],
    notice: 'The notice.',
    easier: null,
    harder: null,
    dose,
    levels: [
      { level: 1, dose, text: '4 holds of 8 seconds each side' },
      { level: 2, dose, text: '5 holds of 10 seconds each side' },
    ],
    source: 'a source',
    figure: { surface: 'floor', view: 'side', poses: [still, { ...still, hip: [90, 0] }], moving: ['hip'] },
    used_in: [],
    ...extra,
  };
}

const reach = exercise('quadruped_leg_reach', 'Quadruped leg reach', {
  harder: 'bird_dog',
  levels: [
    { level: 1, dose, text: '4 holds of 8 seconds each side' },
    { level: 2, move_to: 'bird_dog' },
  ],
  used_in: [{ program: 'daybreak', stage: 2, stage_name: 'Steady', routine: 'evening', title: 'Evening, before bed' }],
});
const birdDog = exercise('bird_dog', 'Bird-dog', { easier: 'quadruped_leg_reach' });
const walking = exercise('walking', 'Walking', {
  kind: 'aerobic',
  position: 'standing',
  dose: { ...dose, mode: 'timed', minutes: 5 },
  levels: [{ level: 1, dose, text: '5 minutes' }],
  used_in: [
    { program: 'daybreak', stage: 1, stage_name: 'Wake up gently', routine: 'morning', title: 'Morning, in bed' },
    { program: 'daybreak', stage: null, stage_name: null, routine: 'flare', title: 'Flare day' },
  ],
});
const catCamel = exercise('cat_camel', 'Cat-camel', { kind: 'mobility' });
const library = [birdDog, catCamel, reach, walking];

// The rendered tree, without a DOM: elements with their props and children,
// and text. Components with hooks (the moving figure) stay as they are.
interface Node {
  type: string | ((p: never) => ComponentChild);
  props: Record<string, unknown>;
  children: (Node | string)[];
}
function render(node: ComponentChild): (Node | string)[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(render);
  const v = node as VNode<Record<string, unknown>>;
  if (typeof v.type === 'function' && v.type !== MovingFigure) return render((v.type as (p: unknown) => ComponentChild)(v.props));
  return [{ type: v.type as Node['type'], props: v.props, children: v.type === MovingFigure ? [] : render(v.props.children as ComponentChild) }];
}
const nodes = (tree: (Node | string)[]): Node[] => tree.flatMap((n) => (typeof n === 'string' ? [] : [n, ...nodes(n.children)]));
const text = (n: Node | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));
const find = (tree: (Node | string)[], type: unknown) => nodes(tree).filter((n) => n.type === type);
const links = (tree: (Node | string)[]) => find(tree, 'a').map((a) => [text(a).trim(), a.props.href]);

describe('the library', () => {
  test('groups the exercises by what they do, in a fixed order, by name, leaving out empty groups', () => {
    const groups = groupExercises(library);
    expect(groups.map((g) => g.title)).toEqual(['Gentle movement', 'Steadying the trunk', 'Walking']);
    expect(groups[1]!.exercises.map((e) => e.id)).toEqual(['bird_dog', 'quadruped_leg_reach']);
  });

  test('lists each exercise as a link to its page, with its start pose and starting dose', () => {
    const tree = render(h(ExerciseLibraryView, { exercises: library }));
    expect(text({ type: 'div', props: {}, children: tree })).toContain('All 4 exercises');
    expect(find(tree, 'h2').map(text)).toEqual(['Gentle movement', 'Steadying the trunk', 'Walking']);
    expect(links(tree).map(([, href]) => href)).toEqual([
      '/exercises/cat_camel',
      '/exercises/bird_dog',
      '/exercises/quadruped_leg_reach',
      '/exercises/walking',
    ]);
    const first = find(tree, 'a')[0]!;
    expect(text(first)).toContain('On the floor · 4 holds of 8 seconds each side');
    // The thumbnail: one still figure, hidden from screen readers (the name says it).
    const thumb = find([first], 'span').find((s) => s.props.class === 'exercise-thumb')!;
    expect(thumb.props['aria-hidden']).toBe('true');
    expect(find([thumb], 'svg')).toHaveLength(1);
    expect(find([thumb], 'line').length).toBeGreaterThan(10);
  });

  test('a thumbnail is the first pose, drawn as the figure component draws it', () => {
    const start = render(h(FigurePose, { data: birdDog.figure, label: 'x' }));
    const end = render(h(FigurePose, { data: birdDog.figure, label: 'x', index: 1 }));
    expect(JSON.stringify(find(start, 'line').map((l) => l.props))).not.toEqual(JSON.stringify(find(end, 'line').map((l) => l.props)));
  });
});

describe("an exercise's page", () => {
  test('shows the moving figure with the steps as its words, the steps, the dose and the cautions', () => {
    const tree = render(h(ExercisePage, { exercise: birdDog, library }));
    expect(find(tree, 'h1').map(text)).toEqual(['Bird-dog']);
    const figure = find(tree, MovingFigure)[0]!;
    expect(figure.props.label).toBe('Bird-dog: Bird-dog: first. Bird-dog: then.');
    expect(figure.props.label).toBe(figureLabel(birdDog));
    expect(figure.props.mode).toBe('holds');
    expect(find(tree, 'h2').map(text)).toEqual(['How to do it', 'How much', 'Take care', 'In the program', 'Easier or harder']);
    const steps = find(tree, 'ol').find((o) => o.props.class === 'exercise-steps')!;
    expect(steps.children.map(text)).toEqual(birdDog.steps);
    expect(text({ type: 'div', props: {}, children: tree })).toContain('Start with 4 holds of 8 seconds each side.');
    expect(find(tree, 'ol').find((o) => o.props.class === 'exercise-ladder')!.children.map(text)).toEqual(['5 holds of 10 seconds each side']);
    expect(find(tree, 'li').map(text)).toEqual(expect.arrayContaining(['Stop if it hurts.', 'The notice.']));
  });

  test('easier and harder variants link to each other by name', () => {
    expect(links(render(h(ExercisePage, { exercise: birdDog, library })))).toContainEqual(['Quadruped leg reach', '/exercises/quadruped_leg_reach']);
    const reachLinks = links(render(h(ExercisePage, { exercise: reach, library })));
    expect(reachLinks).toContainEqual(['Bird-dog', '/exercises/bird_dog']);
    expect(reachLinks).toContainEqual(['Exercises', '/exercises']);
  });

  test('names the routines that use it, and where it comes from when none does', () => {
    const uses = (e: Exercise) =>
      find(render(h(ExercisePage, { exercise: e, library })), 'ul')
        .filter((u) => u.props.class === 'exercise-uses')
        .flatMap((u) => u.children.map(text));
    expect(uses(walking)).toEqual(['Stage 1, Wake up gently: morning routine', 'Flare-day routine, at any stage']);
    expect(uses(reach)).toEqual(['Stage 2, Steady: evening routine']);
    // Bird-dog is in no routine: the leg reach's ladder moves on to it.
    const page = render(h(ExercisePage, { exercise: birdDog, library }));
    const said = find(page, 'section').find((s) => s.props['aria-labelledby'] === 'used-title')!;
    expect(text(said)).toContain('you come to it by moving on from Quadruped leg reach.');
    expect(startingDose(reach)).toBe('4 holds of 8 seconds each side');
    expect(find(render(h(ExercisePage, { exercise: reach, library })), 'ol').find((o) => o.props.class === 'exercise-ladder')!.children.map(text)).toEqual([
      'Move on to Bird-dog',
    ]);
  });

  test("the figure moves at the exercise's tempo: reps as written, holds out and back, walking in its swing", () => {
    expect(demoMotion('reps', '3-1-3')).toEqual({ step: { type: 'reps', seconds: 0, rep_seconds: 0, side: 'none' }, tempo: '3-1-3' });
    expect(demoMotion('holds', '2-1-2').tempo).toBe('2-2-2');
    expect(demoMotion('timed', '2-1-2').step.type).toBe('timed');
  });
});
