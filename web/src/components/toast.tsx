// Short messages after an action ("Morning saved"), read out by screen
// readers through a polite live region, and gone after a few seconds.
import { Signal, useSignal } from '../state';

export interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'info' | 'warn';
}

const toasts = new Signal<Toast[]>([]);
let next = 1;

export function announce(text: string, kind: Toast['kind'] = 'ok'): void {
  const toast = { id: next++, text, kind };
  toasts.set([...toasts.value, toast]);
  window.setTimeout(() => toasts.set(toasts.value.filter((t) => t.id !== toast.id)), kind === 'warn' ? 9000 : 5000);
}

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
