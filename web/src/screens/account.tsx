// Accounts in a clinic (issue 21): the sign-in screen, the invitation page (a
// person chooses their password from the link their clinician gave them), and
// "Your account" on More (who is signed in, a new password, signing out). On a
// person's own computer none of this shows: accounts are off.
import { useEffect, useId, useRef, useState } from 'preact/hooks';

import { ApiError, type FieldProblem } from '../api';
import {
  account,
  accountApi,
  type AccountState,
  applyInfo,
  INVITATION_WORDS,
  invitationProblemText,
  invitationToken,
  lastSignedIn,
  MIN_PASSWORD,
  newPasswordProblems,
  type Role,
  signIn,
  signInProblemText,
  signOut,
} from '../account';
import { ErrorSummary, type SummaryLine } from '../components/error_summary';
import { announce } from '../components/toast';
import { problemSummary, UNREACHABLE } from '../format';
import { navigate } from '../router';
import { call, useSignal } from '../state';

export const ROLE_WORDS: Record<Role, string> = {
  person: 'your own account',
  clinician: 'a clinician',
  admin: 'an administrator',
};

// A text or password input with its label, hint and problem, wired together.
function Input(props: {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'password';
  autoComplete: string;
  hint?: string;
  problem?: string | undefined;
  onInput: (v: string) => void;
}) {
  const hint = props.hint ? `${props.id}-hint` : '';
  const err = props.problem ? `${props.id}-err` : '';
  return (
    <div class={`field${props.problem ? ' has-error' : ''}`} id={`${props.id}-field`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hint}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        autoCapitalize="none"
        spellcheck={false}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={[hint, err].filter(Boolean).join(' ') || undefined}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {props.problem && (
        <p class="field-error" id={err}>
          {props.problem}
        </p>
      )}
    </div>
  );
}

// The summary's focus follows it when it appears or changes.
function useSummaryFocus(key: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (key) window.setTimeout(() => ref.current?.focus(), 0);
  }, [key]);
  return ref;
}

// Sign in: the screen every page shows in a clinic until someone signs in.
// The address stays as it was, so signing in goes on where the person was.
export function SignInScreen({ why }: { why: 'start' | 'expired' | 'signed-out' }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ text: string; fields: SummaryLine[]; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useSummaryFocus(problem?.n);
  useEffect(() => {
    document.title = 'Sign in · daybreak';
    if (why !== 'start') heading.current?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const missing: SummaryLine[] = [];
    if (login.trim() === '') missing.push({ label: 'Login', detail: 'needed', target: '#login-field' });
    if (password === '') missing.push({ label: 'Password', detail: 'needed', target: '#password-field' });
    if (missing.length > 0) {
      setProblem({ text: 'Type your login and password.', fields: missing, n: (problem?.n ?? 0) + 1 });
      return;
    }
    setBusy(true);
    const previous = lastSignedIn();
    try {
      const same = await call(() => signIn(login.trim(), password, previous));
      if (!same && previous !== null) {
        // Someone else was signed in on this page: start afresh, nothing of theirs kept.
        window.location.reload();
        return;
      }
      announce('Signed in');
    } catch (err) {
      setPassword('');
      const text = err instanceof ApiError ? signInProblemText(err.problem, err.retryAfter) : UNREACHABLE;
      setProblem({ text, fields: [], n: (problem?.n ?? 0) + 1 });
    } finally {
      setBusy(false);
    }
  };

  const missing = (target: string) => problem?.fields.some((f) => f.target === target);
  return (
    <div class="screen sign-in">
      <h1 tabIndex={-1} ref={heading}>
        Sign in
      </h1>
      {why === 'expired' && (
        <div class="notice info" role="status">
          <p>You were signed out after a while without use. Sign in again to go on where you were.</p>
        </div>
      )}
      {why === 'signed-out' && (
        <div class="notice info" role="status">
          <p>You have signed out.</p>
        </div>
      )}
      <p class="muted">Use the login and password from your clinic.</p>
      <form class="stack card" onSubmit={submit} noValidate aria-label="Sign in">
        {problem && <ErrorSummary title="Not signed in." summary={problem.text} lines={problem.fields} innerRef={summary} />}
        <Input
          id="login"
          label="Login"
          value={login}
          autoComplete="username"
          problem={missing('#login-field') ? 'Type your login.' : undefined}
          onInput={setLogin}
        />
        <Input
          id="password"
          label="Password"
          type="password"
          value={password}
          autoComplete="current-password"
          problem={missing('#password-field') ? 'Type your password.' : undefined}
          onInput={setPassword}
        />
        <button type="submit" class="button primary wide" disabled={busy} aria-busy={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="hint">Forgotten your password? Ask your clinic: they can give you a new link to choose one.</p>
    </div>
  );
}

// The invitation's token, read once from the link's fragment (never sent to
// the server's logs), then taken out of the address bar.
let invitation: string | null = null;

function takeInvitationToken(): string {
  if (invitation === null) {
    invitation = invitationToken(window.location.hash);
    if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  return invitation;
}

// /invite#TOKEN: a person chooses their password (twice) and is signed in.
export function InviteScreen() {
  const [token] = useState(takeInvitationToken);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fields, setFields] = useState<{ field: string; message: string }[]>([]);
  const [problem, setProblem] = useState<{ text: string; n: number; dead: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useSummaryFocus(problem?.n);
  useEffect(() => {
    document.title = 'Choose your password · daybreak';
  }, []);

  const fail = (text: string, dead = false) => setProblem({ text, n: (problem?.n ?? 0) + 1, dead });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const local = newPasswordProblems(password, repeat);
    setFields(local);
    if (local.length > 0) {
      fail(local.length === 1 ? 'One answer needs a look.' : 'Two answers need a look.');
      return;
    }
    setBusy(true);
    try {
      const info = await call(() => accountApi.acceptInvitation(token, password));
      applyInfo(info);
      announce(info.accounts ? `Welcome, ${info.user.name}. Your password is set.` : 'Your password is set.');
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        setFields(err.problem.errors.map((p) => ({ field: p.field === 'new' ? 'password' : p.field, message: messageOf(p) })));
        fail(problemSummary(err.problem));
      } else if (err instanceof ApiError) {
        const dead = [404, 410].includes(err.problem.status);
        fail(invitationProblemText(err.problem), dead);
      } else fail(UNREACHABLE);
    } finally {
      setBusy(false);
    }
  };

  const problemOf = (f: string) => fields.find((p) => p.field === f)?.message;
  return (
    <div class="screen invite">
      <h1 tabIndex={-1}>Choose your password</h1>
      {!token ? (
        <div class="notice warn" role="alert">
          <p>{INVITATION_WORDS.noToken}</p>
        </div>
      ) : problem?.dead ? (
        <div class="notice warn" role="alert" tabIndex={-1} ref={summary}>
          <p>{problem.text}</p>
        </div>
      ) : (
        <>
          <p class="muted">{INVITATION_WORDS.lead}</p>
          <form class="stack card" onSubmit={submit} noValidate aria-label="Choose your password">
            {problem && (
              <ErrorSummary
                title="Not saved yet."
                summary={problem.text}
                innerRef={summary}
                lines={fields.map((f) => ({
                  label: f.field === 'repeat' ? 'Type it again' : 'New password',
                  detail: f.message,
                  target: `#invite-${f.field}-field`,
                }))}
              />
            )}
            <Input
              id="invite-password"
              label="New password"
              type="password"
              hint={`At least ${MIN_PASSWORD} characters.`}
              value={password}
              autoComplete="new-password"
              problem={problemOf('password') ?? problemOf('new')}
              onInput={setPassword}
            />
            <Input
              id="invite-repeat"
              label="Type it again"
              type="password"
              value={repeat}
              autoComplete="new-password"
              problem={problemOf('repeat')}
              onInput={setRepeat}
            />
            <button type="submit" class="button primary wide" disabled={busy} aria-busy={busy}>
              {busy ? 'Saving…' : 'Save and sign in'}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

export function signedInLine(state: AccountState): string {
  if (state.kind !== 'signed-in') return '';
  const u = state.user;
  return u.role === 'person' ? `Signed in as ${u.name} (${u.login}).` : `Signed in as ${u.name} (${u.login}), ${ROLE_WORDS[u.role]}.`;
}

// Signs out, then starts the page afresh: nothing of this person's stays in it.
export async function signOutAndLeave(): Promise<void> {
  try {
    await call(signOut);
  } catch (err) {
    announce(err instanceof ApiError ? problemSummary(err.problem) : UNREACHABLE, 'warn');
    return;
  }
  try {
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
  } catch {
    /* private mode: the sign-in screen just does not say so */
  }
  window.location.replace('/');
}

export const SIGNED_OUT_KEY = 'daybreak.signed-out';

export function SignOutButton({ id }: { id?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      class="button"
      id={id}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOutAndLeave().finally(() => setBusy(false));
      }}
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}

// The server's field names for a new password, as the form's.
const PASSWORD_FIELDS: Record<string, { label: string; id: string }> = {
  current: { label: 'Current password', id: 'pw-current' },
  new: { label: 'New password', id: 'pw-new' },
  repeat: { label: 'Type the new one again', id: 'pw-repeat' },
};

// "Your account" on More: who is signed in, a new password, signing out.
export function AccountSection() {
  const state = useSignal(account);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<FieldProblem[]>([]);
  const [problem, setProblem] = useState<{ text: string; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useSummaryFocus(problem?.n);
  const openButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  if (state.kind !== 'signed-in') return null;

  const fail = (text: string, list: FieldProblem[]) => {
    setFields(list);
    setProblem({ text, n: (problem?.n ?? 0) + 1 });
  };
  const close = () => {
    setOpen(false);
    setCurrent('');
    setNext('');
    setRepeat('');
    setFields([]);
    setProblem(null);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const local: FieldProblem[] = [];
    if (current === '') local.push({ field: 'current', value: '', allowed: 'your current password' });
    for (const p of newPasswordProblems(next, repeat))
      local.push({ field: p.field === 'password' ? 'new' : 'repeat', value: '', allowed: p.message });
    if (local.length > 0) {
      fail(local.length === 1 ? 'One answer needs a look.' : `${local.length} answers need a look.`, local);
      return;
    }
    setBusy(true);
    try {
      await call(() => accountApi.changePassword(current, next));
      close();
      announce('Your password is changed.');
      openButton.current?.focus();
    } catch (err) {
      if (err instanceof ApiError) fail(problemSummary(err.problem), err.problem.errors ?? []);
      else fail(UNREACHABLE, []);
    } finally {
      setBusy(false);
    }
  };
  // A password's value is never shown back, only what is allowed.
  const problemOf = (f: string) => {
    const p = fields.find((x) => x.field === f);
    return p ? messageOf(p) : undefined;
  };
  return (
    <section class="card" id="account" aria-labelledby="account-title">
      <h2 id="account-title">Your account</h2>
      <p id="signed-in-as">{signedInLine(state)}</p>
      {!open ? (
        <div class="button-row">
          <button
            type="button"
            class="button"
            ref={openButton}
            aria-expanded={false}
            aria-controls={formId}
            onClick={() => setOpen(true)}
          >
            Change password
          </button>
          <SignOutButton id="sign-out" />
        </div>
      ) : (
        <>
          <form class="stack" id={formId} onSubmit={submit} noValidate aria-label="Change password">
            {problem && (
              <ErrorSummary
                title="Password not changed."
                summary={problem.text}
                innerRef={summary}
                lines={fields.map((f) => ({
                  label: PASSWORD_FIELDS[f.field]?.label ?? f.field,
                  detail: messageOf(f),
                  target: PASSWORD_FIELDS[f.field] ? `#${PASSWORD_FIELDS[f.field]!.id}-field` : undefined,
                }))}
              />
            )}
            <Input
              id="pw-current"
              label="Current password"
              type="password"
              value={current}
              autoComplete="current-password"
              problem={problemOf('current')}
              onInput={setCurrent}
            />
            <Input
              id="pw-new"
              label="New password"
              type="password"
              hint={`At least ${MIN_PASSWORD} characters.`}
              value={next}
              autoComplete="new-password"
              problem={problemOf('new')}
              onInput={setNext}
            />
            <Input
              id="pw-repeat"
              label="Type the new one again"
              type="password"
              value={repeat}
              autoComplete="new-password"
              problem={problemOf('repeat')}
              onInput={setRepeat}
            />
            <div class="button-row">
              <button type="submit" class="button primary" disabled={busy} aria-busy={busy}>
                {busy ? 'Saving…' : 'Save the new password'}
              </button>
              <button
                type="button"
                class="button"
                onClick={() => {
                  close();
                  window.setTimeout(() => openButton.current?.focus(), 0);
                }}
              >
                Cancel
              </button>
            </div>
          </form>
          <div class="button-row">
            <SignOutButton id="sign-out" />
          </div>
        </>
      )}
    </section>
  );
}

// A field problem of a password form in words, without its value.
function messageOf(p: FieldProblem): string {
  const t = p.allowed.trim();
  if (!t) return 'Needs a look.';
  if (/^[A-Z]/.test(t) && /[.!?]$/.test(t)) return t;
  return `Needed: ${t}${/[.!?]$/.test(t) ? '' : '.'}`;
}
