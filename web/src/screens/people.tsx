// The clinician's screens (issue 21): "People who share with you", what needs
// attention first (the server sorts it so), and a person's own screens
// (Today, See, Progress, the report) reused as they are: while a person is
// viewed, every request names them (api.ts), a banner says whose data this is,
// and the person's own write actions (Log, sessions) are hidden. Plus the
// administrator's start screen.
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';

import { ApiError } from '../api';
import { type Attention, accountApi, account, viewing, viewPerson } from '../account';
import { Alert } from '../components/controls';
import { Icon } from '../components/icons';
import { problemSummary } from '../format';
import { navigate } from '../router';
import { lastMorningText, sharesText } from '../sharing_words';
import { lastToday, useLoad, useSignal } from '../state';
import { signedInLine, SignOutButton } from './account';

function problemText(e: unknown): string {
  return e instanceof ApiError ? problemSummary(e.problem) : 'daybreak cannot be reached right now. Please try again.';
}

const ATTENTION_LABELS: Record<Attention['kind'], string> = {
  safety: 'Safety',
  flare: 'Flare',
  'stage-waiting': 'Stage waiting',
  'not-logged': 'Not logging',
};

// Opens a person: their data from now on, starting with their Today.
export function openPerson(p: { id: number; name: string }): void {
  lastToday.set(null);
  viewPerson({ id: p.id, name: p.name });
  navigate(`/people/${p.id}`);
}

// Back to the list: nobody viewed any more.
export function leavePerson(): void {
  lastToday.set(null);
  viewPerson(null);
  navigate('/people');
}

export function PeopleScreen() {
  // Opening the list leaves any person viewed.
  useEffect(() => {
    if (viewing.value) {
      lastToday.set(null);
      viewPerson(null);
    }
  }, []);
  const people = useLoad(() => accountApi.people(), []);
  const list = people.data?.people;
  return (
    <div class="screen people">
      <h1 tabIndex={-1}>People who share with you</h1>
      {!list ? (
        people.error ? (
          <Alert text={problemText(people.error)} />
        ) : (
          <p class="muted">Loading…</p>
        )
      ) : list.length === 0 ? (
        <div class="notice info" id="people-empty">
          <p>
            Nobody shares their data with you yet. A person chooses to share from More in their own daybreak, and then
            appears here.
          </p>
        </div>
      ) : (
        <>
          <p class="muted">What needs attention comes first.</p>
          <ul class="people-list" id="people-list">
            {list.map((p) => (
              <li key={p.id} class={`card person${p.attention.length ? ' needs-attention' : ''}`} data-person-id={p.id}>
                <h2 id={`person-${p.id}`}>
                  <a
                    href={`/people/${p.id}`}
                    onClick={(e) => {
                      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                      e.preventDefault();
                      openPerson(p);
                    }}
                  >
                    {p.name}
                  </a>{' '}
                  <span class="muted person-login">{p.login}</span>
                </h2>
                {p.attention.length > 0 && (
                  <ul class="attention-list" aria-label={`Needs attention: ${p.name}`}>
                    {p.attention.map((a, i) => (
                      <li key={`${a.kind}-${i}`} class={`attention attention-${a.kind}`}>
                        <span class="pill pill-warn">{ATTENTION_LABELS[a.kind] ?? a.kind}</span> {a.words}
                      </li>
                    ))}
                  </ul>
                )}
                <p class="hint">
                  {lastMorningText(p)} · {sharesText(p)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

// /people/:id: that person's Today (`today`), once they are the one viewed;
// opened from the address alone (a reload, a new tab), the list gives their
// name first. A person who no longer shares is said so.
export function PersonHome({ id, today }: { id: number; today: VNode }) {
  const viewed = useSignal(viewing);
  const ready = viewed?.id === id;
  const people = useLoad(() => (ready ? Promise.resolve(null) : accountApi.people()), [id, ready]);
  const found = people.data?.people.find((p) => p.id === id);
  useEffect(() => {
    if (!ready && found) {
      lastToday.set(null);
      viewPerson({ id: found.id, name: found.name });
    }
  }, [ready, found?.id]);
  if (ready) return today;
  if (people.error) return <Alert text={problemText(people.error)} />;
  if (!people.data || found) return <p class="muted">Loading…</p>;
  return (
    <div class="screen">
      <h1 tabIndex={-1}>Not shared with you</h1>
      <p>
        This person does not share their data with you, or no longer does. <a href="/people">Back to the list</a>
      </p>
    </div>
  );
}

// Above every screen while a person is viewed: whose data this is, and back.
export function ViewingBanner() {
  const viewed = useSignal(viewing);
  if (!viewed) return null;
  return (
    <div class="viewing-banner" role="region" aria-label="Whose data you are looking at" id="viewing-banner">
      <p>
        <Icon name="see" size={18} /> You are looking at <strong>{viewed.name}</strong>’s data, as they share it with
        you.
      </p>
      <a
        class="button"
        href="/people"
        id="viewing-back"
        onClick={(e) => {
          e.preventDefault();
          leavePerson();
        }}
      >
        <Icon name="back" size={18} /> Back to the list
      </a>
    </div>
  );
}

// Whether the screens are showing someone else's data (hide their own writes).
export function useViewing(): boolean {
  return useSignal(viewing) !== null;
}

export function AdminHome(): VNode {
  const state = useSignal(account);
  return (
    <div class="screen admin">
      <h1 tabIndex={-1}>daybreak for your clinic</h1>
      <p>{signedInLine(state)}</p>
      <p class="muted">
        Accounts are added, invited and reset in the terminal with <code>daybreak admin</code>. More has your own password.
      </p>
      <div class="button-row">
        <a class="button" href="/settings">
          More
        </a>
        <SignOutButton />
      </div>
    </div>
  );
}
