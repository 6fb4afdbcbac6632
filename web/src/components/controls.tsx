// Form controls sized for a thumb (at least 44 px), built on native inputs so
// keyboards and screen readers work as they expect: the 0-10 scale is a group
// of radio buttons, choices are check boxes, counts have - and + buttons.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

import { characterCount, charCount, choiceLabel, fieldMessage } from '../format';
import type { FieldProblem } from '../api';

export function FieldError({ id, problem }: { id: string; problem?: FieldProblem | undefined }) {
  if (!problem) return null;
  return (
    <p class="field-error" id={id}>
      {fieldMessage(problem)}
    </p>
  );
}

interface Common {
  legend: string;
  hint?: string | undefined;
  problem?: FieldProblem | undefined;
}

// The 11-point numeric rating scale: one tap, no dragging.
export function Scale(
  props: Common & {
    name: string;
    value: number | undefined;
    onChange: (v: number | undefined) => void;
    low: string;
    high: string;
    optional?: boolean;
  },
) {
  const id = useId();
  const { name, value, onChange, low, high } = props;
  return (
    <fieldset
      class={`field scale${props.problem ? ' has-error' : ''}`}
      aria-describedby={`${id}-hint ${id}-err`}
      data-field={name}
    >
      <legend>{props.legend}</legend>
      <p class="hint" id={`${id}-hint`}>
        0 = {low}, 10 = {high}
        {props.hint ? `. ${props.hint}` : ''}
      </p>
      <div class="scale-options">
        {Array.from({ length: 11 }, (_, n) => (
          <label class="scale-option" data-level={n} key={n}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      {props.optional && value !== undefined && (
        <button type="button" class="link-button" aria-label={`Clear this answer: ${props.legend}`} onClick={() => onChange(undefined)}>
          Clear this answer
        </button>
      )}
      <FieldError id={`${id}-err`} problem={props.problem} />
    </fieldset>
  );
}

export function Chips(
  props: Common & {
    name: string;
    choices: readonly string[];
    labels?: (word: string) => string;
    value: string[];
    onChange: (v: string[]) => void;
    single?: boolean;
  },
) {
  const id = useId();
  const label = props.labels ?? choiceLabel;
  const toggle = (word: string, on: boolean) => {
    if (props.single) props.onChange(on ? [word] : []);
    else props.onChange(on ? [...props.value, word] : props.value.filter((w) => w !== word));
  };
  return (
    <fieldset
      class={`field chips${props.problem ? ' has-error' : ''}`}
      aria-describedby={`${id}-hint ${id}-err`}
      data-field={props.name}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="chip-list">
        {props.choices.map((word) => (
          <label class="chip" key={word}>
            <input
              type={props.single ? 'radio' : 'checkbox'}
              name={props.name}
              value={word}
              checked={props.value.includes(word)}
              onChange={(e) => toggle(word, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{label(word)}</span>
          </label>
        ))}
      </div>
      {props.single && props.value.length > 0 && (
        <button type="button" class="link-button" aria-label={`Clear this answer: ${props.legend}`} onClick={() => props.onChange([])}>
          Clear this answer
        </button>
      )}
      <FieldError id={`${id}-err`} problem={props.problem} />
    </fieldset>
  );
}

export function Stepper(
  props: Common & { name: string; value: number | undefined; min: number; max: number; onChange: (v: number | undefined) => void },
) {
  const id = useId();
  const v = props.value;
  const set = (n: number) => props.onChange(Math.min(props.max, Math.max(props.min, n)));
  return (
    <div class={`field stepper${props.problem ? ' has-error' : ''}`} data-field={props.name}>
      <label for={id}>{props.legend}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="stepper-row">
        <button type="button" class="round" aria-label={`${props.legend}: one fewer`} onClick={() => set(v === undefined ? props.min : v - 1)}>
          −
        </button>
        <input
          id={id}
          name={props.name}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          value={v ?? ''}
          aria-describedby={`${id}-hint ${id}-err`}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLInputElement).value;
            props.onChange(t === '' ? undefined : Number(t));
          }}
        />
        <button type="button" class="round" aria-label={`${props.legend}: one more`} onClick={() => set(v === undefined ? props.min + 1 : v + 1)}>
          +
        </button>
      </div>
      <FieldError id={`${id}-err`} problem={props.problem} />
    </div>
  );
}

export function NumberField(
  props: Common & {
    name: string;
    value: number | undefined;
    unit?: string;
    min?: number | undefined;
    max?: number | undefined;
    step?: number | undefined;
    onChange: (v: number | undefined) => void;
  },
) {
  const id = useId();
  return (
    <div class={`field number${props.problem ? ' has-error' : ''}`} data-field={props.name}>
      <label for={id}>{props.legend}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="with-unit">
        <input
          id={id}
          name={props.name}
          type="number"
          inputMode={props.step && props.step < 1 ? 'decimal' : 'numeric'}
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          value={props.value ?? ''}
          aria-describedby={`${id}-hint ${id}-err`}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLInputElement).value;
            props.onChange(t === '' ? undefined : Number(t));
          }}
        />
        {props.unit && <span class="unit">{props.unit.trim()}</span>}
      </div>
      <FieldError id={`${id}-err`} problem={props.problem} />
    </div>
  );
}

export function TimeField(props: Common & { name: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const id = useId();
  return (
    <div class={`field time${props.problem ? ' has-error' : ''}`} data-field={props.name}>
      <label for={id}>{props.legend}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type="time"
        value={props.value ?? ''}
        aria-describedby={`${id}-hint ${id}-err`}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          props.onChange(t === '' ? undefined : t);
        }}
      />
      <FieldError id={`${id}-err`} problem={props.problem} />
    </div>
  );
}

export function Toggle(props: Common & { name: string; value: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div class={`field toggle${props.problem ? ' has-error' : ''}`} data-field={props.name}>
      <label for={id} class="toggle-label">
        <input
          id={id}
          name={props.name}
          type="checkbox"
          role="switch"
          checked={props.value}
          aria-describedby={`${id}-hint ${id}-err`}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span class="switch" aria-hidden="true" />
        <span>{props.legend}</span>
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldError id={`${id}-err`} problem={props.problem} />
    </div>
  );
}

// No maxLength: it would cut a long paste without a word (and counts UTF-16
// units, not the characters the server counts). The count shows the limit;
// the form refuses a text over it.
export function TextArea(
  props: Common & { name: string; value: string | undefined; max?: number | undefined; onChange: (v: string | undefined) => void },
) {
  const id = useId();
  const count = charCount(props.value ?? '');
  return (
    <div class={`field text${props.problem ? ' has-error' : ''}`} data-field={props.name}>
      <label for={id}>{props.legend}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={3}
        value={props.value ?? ''}
        aria-describedby={`${id}-hint ${id}-count ${id}-err`}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLTextAreaElement).value;
          props.onChange(t === '' ? undefined : t);
        }}
      />
      {props.max !== undefined && (
        <p class={`char-count${count > props.max ? ' over' : ''}`} id={`${id}-count`}>
          {characterCount(count, props.max)}
        </p>
      )}
      <FieldError id={`${id}-err`} problem={props.problem} />
    </div>
  );
}

export function Card({ children, class: cls, ...rest }: { children: ComponentChildren; class?: string; [k: string]: unknown }) {
  return (
    <section class={`card${cls ? ` ${cls}` : ''}`} {...rest}>
      {children}
    </section>
  );
}

// A problem to act on, announced to screen readers; nothing when there is none.
export function Alert({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <div class="notice warn" role="alert">
      <p>{text}</p>
    </div>
  );
}
