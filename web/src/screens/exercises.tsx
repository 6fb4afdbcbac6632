// The exercise library (issue 22): every exercise of the content, grouped by
// what it does, each with its figure at the start pose; and a page for each
// one: the figure moving (or its poses side by side for less motion), how to
// do it, the dose and how it grows, what to watch for, the routines that use
// it, and its easier and harder variants. The data is GET /api/exercises,
// asked for once.
import { Fragment } from 'preact';

import { api, type Exercise, type ExerciseKind, type Routine } from '../api';
import { FigurePose, MovingFigure } from '../components/figure';
import { Icon } from '../components/icons';
import { loadFailed } from '../format';
import { useLoad } from '../state';

// The library's groups, in the order a program meets them.
export const GROUPS: { kind: ExerciseKind; title: string; about: string }[] = [
  { kind: 'mobility', title: 'Gentle movement', about: 'Small, easy movements that loosen the back and hips. Most can be done in bed.' },
  { kind: 'activation', title: 'Steadying the trunk', about: 'Quiet holds that wake up the deep muscles around the spine.' },
  { kind: 'stretch', title: 'Stretches', about: 'Hold each one at a mild pull, never into pain.' },
  { kind: 'strength', title: 'Strength', about: 'Harder work for the hips, legs and trunk, for the later stages.' },
  { kind: 'aerobic', title: 'Walking', about: 'Moving about, a little more each week.' },
];

const POSITIONS: Record<Exercise['position'], string> = {
  in_bed: 'In bed',
  floor: 'On the floor',
  standing: 'Standing',
  chair: 'On a chair',
};

const ROUTINE_WORDS: Record<Routine, string> = { morning: 'Morning', evening: 'Evening', flare: 'Flare-day' };

// The exercises of each group, by name; a group with none is left out.
export function groupExercises(exercises: Exercise[]): { kind: ExerciseKind; title: string; about: string; exercises: Exercise[] }[] {
  return GROUPS.map((g) => ({
    ...g,
    exercises: exercises.filter((e) => e.kind === g.kind).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((g) => g.exercises.length > 0);
}

// The dose an exercise starts at, in words ("4 holds of 8 seconds each side").
export function startingDose(e: Exercise): string {
  return e.levels.find((l) => l.text)?.text ?? '';
}

// The figure's text alternative: the name and the steps in words.
export function figureLabel(e: Exercise): string {
  return `${e.name}: ${e.steps.join(' ')}`;
}

// The content does not change while the app runs: asked for once, and once
// here, a page shows at once (its heading there to take the focus).
let cached: Promise<Exercise[]> | null = null;
let loaded: Exercise[] | null = null;
export function loadLibrary(): Promise<Exercise[]> {
  cached ??= api.exercises().then(
    (r) => (loaded = r.exercises),
    (e: unknown) => {
      cached = null;
      throw e;
    },
  );
  return cached;
}

function useLibrary(): { data: Exercise[] | null; error: unknown } {
  const fetched = useLoad(() => (loaded ? Promise.resolve(loaded) : loadLibrary()), []);
  return { data: fetched.data ?? loaded, error: fetched.error };
}

// /exercises
export function ExerciseLibrary() {
  const library = useLibrary();
  return (
    <div class="screen exercises">
      <h1 tabIndex={-1}>Exercises</h1>
      {library.data ? (
        <ExerciseLibraryView exercises={library.data} />
      ) : library.error ? (
        <div class="notice info" role="status">
          <p>{loadFailed('The exercises cannot be loaded', library.error)}</p>
        </div>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </div>
  );
}

export function ExerciseLibraryView({ exercises }: { exercises: Exercise[] }) {
  return (
    <>
      <p class="lead">
        All {exercises.length} exercises of the program. Your routines choose from these; open one to see how it is done.
      </p>
      {groupExercises(exercises).map((g) => (
        <section key={g.kind} class="exercise-group" aria-labelledby={`group-${g.kind}`}>
          <h2 id={`group-${g.kind}`}>{g.title}</h2>
          <p class="muted">{g.about}</p>
          <ul class="exercise-list">
            {g.exercises.map((e) => (
              <li key={e.id}>
                <a class="exercise-link" href={`/exercises/${e.id}`}>
                  <span class="exercise-thumb" aria-hidden="true">
                    <FigurePose data={e.figure} label="" />
                  </span>
                  <span>
                    <strong>{e.name}</strong>
                    <span class="muted">
                      {POSITIONS[e.position]} · {startingDose(e)}
                    </span>
                  </span>
                  <Icon name="arrow" size={20} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

// /exercises/:id: from the library already loaded (one request for them all,
// kept by the service worker for when daybreak cannot be reached).
export function ExerciseScreen({ id }: { id: string }) {
  const library = useLibrary();
  const exercise = library.data?.find((e) => e.id === id);
  if (library.data && !exercise) {
    return (
      <div class="screen">
        <h1 tabIndex={-1}>No such exercise</h1>
        <p>
          <a href="/exercises">All exercises</a>
        </p>
      </div>
    );
  }
  if (!library.data || !exercise) {
    return (
      <div class="screen">
        <h1 tabIndex={-1}>Exercise</h1>
        {library.error ? (
          <div class="notice info" role="status">
            <p>{loadFailed('This exercise cannot be loaded', library.error)}</p>
          </div>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </div>
    );
  }
  return <ExercisePage exercise={exercise} library={library.data} />;
}

export function ExercisePage({ exercise: e, library }: { exercise: Exercise; library: Exercise[] }) {
  const named = (id: string) => library.find((x) => x.id === id)?.name ?? id.replaceAll('_', ' ');
  const ladder = e.levels.slice(1);
  const from = library.filter((x) => x.levels.some((l) => l.move_to === e.id));
  return (
    <div class="screen exercise-page">
      <a class="back-link" href="/exercises">
        <Icon name="back" size={18} /> Exercises
      </a>
      <h1 tabIndex={-1}>{e.name}</h1>
      <p class="lead">{e.summary}</p>
      <div class="card exercise-figure">
        <MovingFigure key={e.id} data={e.figure} mode={e.dose.mode} tempo={e.dose.tempo} label={figureLabel(e)} />
      </div>

      <section class="card" aria-labelledby="steps-title">
        <h2 id="steps-title">How to do it</h2>
        <p class="muted">{POSITIONS[e.position]}.</p>
        <ol class="exercise-steps">
          {e.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
        {e.cues.length > 0 && (
          <>
            <h3>Think of</h3>
            <ul>
              {e.cues.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="card" aria-labelledby="dose-title">
        <h2 id="dose-title">How much</h2>
        <p>
          Start with <strong>{startingDose(e)}</strong>.
        </p>
        {ladder.length > 0 && (
          <>
            <p class="muted">When it feels easy, the program moves you up a step:</p>
            <ol class="exercise-ladder" start={2}>
              {ladder.map((l) => (
                <li key={l.level}>
                  {l.move_to ? (
                    <>
                      Move on to <a href={`/exercises/${l.move_to}`}>{named(l.move_to)}</a>
                    </>
                  ) : (
                    l.text
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section class="card" aria-labelledby="care-title">
        <h2 id="care-title">Take care</h2>
        <ul>
          {e.cautions.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
          <li>{e.notice}</li>
        </ul>
      </section>

      <section class="card" aria-labelledby="used-title">
        <h2 id="used-title">In the program</h2>
        {e.used_in.length > 0 ? (
          <ul class="exercise-uses">
            {e.used_in.map((u) => (
              <li key={`${u.program}-${u.stage}-${u.routine}`}>
                {u.stage === null ? (
                  <>
                    <strong>{ROUTINE_WORDS[u.routine]}</strong> routine, at any stage
                  </>
                ) : (
                  <>
                    <strong>Stage {u.stage}</strong>, {u.stage_name}: {ROUTINE_WORDS[u.routine].toLowerCase()} routine
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : from.length > 0 ? (
          <p>
            Not in a routine by itself: you come to it by moving on from{' '}
            {from.map((x, i) => (
              <Fragment key={x.id}>
                {i > 0 ? ' or ' : ''}
                <a href={`/exercises/${x.id}`}>{x.name}</a>
              </Fragment>
            ))}
            .
          </p>
        ) : (
          <p>No routine of the program uses it.</p>
        )}
      </section>

      {(e.easier || e.harder) && (
        <section class="card" aria-labelledby="variants-title">
          <h2 id="variants-title">Easier or harder</h2>
          <ul class="exercise-variants">
            {e.easier && (
              <li>
                Easier: <a href={`/exercises/${e.easier}`}>{named(e.easier)}</a>
              </li>
            )}
            {e.harder && (
              <li>
                Harder: <a href={`/exercises/${e.harder}`}>{named(e.harder)}</a>
              </li>
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
