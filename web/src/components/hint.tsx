// What a person can do next about a refusal or a finding: the server sends an
// action and its arguments (`hint` in a problem), and the web app words it as
// a button, as the command line words it as a command. An action without a
// screen here (the content check, the exercise list) shows nothing.
import type { Hint } from '../api';
import { ROUTINE_LABELS } from '../format';

export function hintLink(hint: Hint | undefined): { href: string; label: string } | null {
  if (!hint) return null;
  const a = hint.args ?? {};
  switch (hint.action) {
    case 'safety_check':
      return { href: '/safety', label: 'Take the safety check' };
    case 'leg_check':
      return { href: '/safety?check=legs', label: 'Answer the leg questions' };
    case 'flare_session':
      return { href: '/session/flare', label: ROUTINE_LABELS.flare };
    case 'add_sleep_item':
      return { href: '/settings#sleep-items', label: a.kind === 'pillow' ? 'Add a pillow' : 'Add a mattress' };
    case 'progress_status':
    case 'progress_confirm':
      return { href: '/progress', label: 'Your progress' };
    case 'new_experiment': {
      const q = a.a && a.b ? `?${new URLSearchParams({ a: a.a, b: a.b }).toString()}` : '';
      return { href: `/experiments/new${q}`, label: 'Plan an experiment' };
    }
    case 'stop_experiment':
      return a.id ? { href: `/experiments/${encodeURIComponent(a.id)}`, label: `Experiment ${a.id}` } : null;
    case 'set_axspa':
      return { href: '/settings#safety', label: 'Say so in More' };
    case 'show_questionnaire':
      return a.id ? { href: `/questionnaires/${encodeURIComponent(a.id)}`, label: 'The questionnaire' } : null;
    default:
      return null;
  }
}

export function HintButton({ hint, primary = true }: { hint: Hint | undefined; primary?: boolean }) {
  const link = hintLink(hint);
  if (!link) return null;
  return (
    <p>
      <a class={primary ? 'button primary' : 'button'} href={link.href}>
        {link.label}
      </a>
    </p>
  );
}
