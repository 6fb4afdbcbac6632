// The full-screen stop for an emergency warning sign (clinical.md, Safety):
// what to do now, the emergency number as a tap-to-call link, and that
// exercise is locked until a clinician has seen the person. The same words
// as the terminal's stop (clinical/safety_messages.cpp). Shown after a safety
// check with an emergency answer and after a diary entry says yes to the
// one-tap question, online or not.
import { useEffect, useRef } from 'preact/hooks';

import type { SafetyGate } from '../api';
import { knownEmergencyNumber } from '../api_safety';

// A tap-to-call link for a number as the person wrote it ("1 12" -> tel:112).
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+*#]/g, '')}`;
}

// The one-tap question's symptoms, when the gate cannot be read (offline).
export const QUICK_CHECK = 'new bladder, bowel, saddle, sexual or both-leg symptoms';

export function EmergencyStop({ gate, onClose }: { gate: SafetyGate | null; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const told = gate && gate.emergency.length > 0 ? gate.emergency.map((f) => f.label) : [QUICK_CHECK];
  // Offline (no gate): the number daybreak gave last, remembered on this device.
  const number = gate ? gate.emergency_number : knownEmergencyNumber();
  return (
    <div class="stop-screen" role="alertdialog" aria-modal="true" aria-labelledby="stop-title" aria-describedby="stop-what">
      <div class="stop-body">
        <h1 id="stop-title" ref={heading} tabIndex={-1}>
          Stop: get medical help now
        </h1>
        <p id="stop-what">
          You told daybreak: {told.join('; ')}. With back pain, {told.length === 1 ? 'this' : 'these'} can be a sign of a
          serious problem that needs treatment within hours.
        </p>
        {number ? (
          <a class="button stop-call" href={telHref(number)}>
            Call {number} now
          </a>
        ) : (
          <p class="stop-call-text">Call your local emergency number now.</p>
        )}
        <p>Or go to the nearest emergency department. Do not wait to see whether it passes. Do not exercise.</p>
        {number && gate && !gate.emergency_number_chosen ? (
          <p class="stop-small">
            {number} is the emergency number for your time zone; you can set your own in <a href="/settings#safety">More</a>.
          </p>
        ) : null}
        <p>
          <strong>Your exercise sessions are locked</strong> until a clinician has seen you. When one has, say so in
          the safety check.
        </p>
        <button type="button" class="button stop-close" onClick={onClose}>
          I have read this
        </button>
      </div>
    </div>
  );
}
