// Short messages after an action ("Morning saved"), read out by screen
// readers through a polite live region, and gone after a few seconds.
import { onMove } from '../router';
import { Signal, useSignal } from '../state';

// A toast announced just before a move ("Morning saved", then Today) shows on
// the screen moved to; any other move clears it, so it never sits over the
// next form's Save. Its age is taken as the move begins, not when the next
// screen has drawn: a slow draw (a busy phone) once lost "Saved on this
// device" on the way to Today.
const CARRIED_MS = 400;

export interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'info' | 'warn';
  at: number; // when announced (Date.now())
  carried?: boolean; // already shown across the move that followed it
}

const toasts = new Signal<Toast[]>([]);
let next = 1;

export function announce(text: string, kind: Toast['kind'] = 'ok'): void {
  const toast = { id: next++, text, kind, at: Date.now() };
  toasts.set([...toasts.value, toast]);
  window.setTimeout(() => toasts.set(toasts.value.filter((t) => t.id !== toast.id)), kind === 'warn' ? 9000 : 5000);
}

onMove(() => {
  if (toasts.value.length === 0) return;
  const now = Date.now();
  toasts.set(toasts.value.flatMap((t) => (!t.carried && now - t.at < CARRIED_MS ? [{ ...t, carried: true }] : [])));
});

export function Toasts() {
  const list = useSignal(toasts);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <p class={`toast toast-${t.kind}`} key={t.id}>
          {t.text}
        </p>
      ))}
    </div>
  );
}
