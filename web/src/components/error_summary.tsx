// The one error summary of every form: what was not done, then a line per
// problem; a line that names an answer is a link that moves the focus to it.
// The form moves the focus to the summary itself when it appears.
import type { Ref } from 'preact';

import type { Hint } from '../api';
import { HintButton } from './hint';

export interface SummaryLine {
  label: string; // the answer's name (the link's text, when it has a target)
  detail?: string; // what is wrong, after the name
  target?: string; // the answer's element, as a link: "#field-pain"
}

// Moves the focus to the first control of the answer a summary line names.
export function jumpTo(e: Event, target: string) {
  e.preventDefault();
  const box = document.getElementById(target.replace(/^#/, ''));
  box?.scrollIntoView({ block: 'center' });
  box?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
}

export function ErrorSummary(props: {
  title: string;
  summary: string;
  lines: SummaryLine[];
  innerRef: Ref<HTMLDivElement>;
  hint?: Hint | undefined; // what to do next, from the server's problem
}) {
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={props.innerRef}>
      <p>
        <strong>{props.title}</strong> {props.summary}
      </p>
      {props.lines.length > 0 ? (
        <ul>
          {props.lines.map((l, i) => (
            <li key={`${i}-${l.label}`}>
              {l.target ? (
                <a href={l.target} onClick={(e) => jumpTo(e, l.target!)}>
                  {l.label}
                </a>
              ) : (
                l.label
              )}
              {l.detail ? `: ${l.detail}` : null}
            </li>
          ))}
        </ul>
      ) : null}
      <HintButton hint={props.hint} primary={false} />
    </div>
  );
}
