// Found from outside: a session whose start (this device's clock) was ahead
// of the computer daybreak runs on was refused, and the end screen blamed
// daybreak ("a fault in daybreak, not something you did") while telling the
// person to log tomorrow's morning for a session that was never stored.
import { describe, expect, it } from 'vitest';

import { ApiError } from '../src/api';
import { sessionRefusalText } from '../src/session_words';

const refused = (status: number, fields: string[] = []) =>
  new ApiError({
    type: 'tag:daybreak,2026:invalid-input',
    title: 'Some values are not allowed',
    status,
    detail: 'the session was not saved',
    errors: fields.map((field) => ({ field, value: 'x', allowed: 'y' })),
  });

describe('a session daybreak will not store', () => {
  it('says the device’s clock is ahead when the start was refused', () => {
    const text = sessionRefusalText(refused(422, ['started_at']));
    expect(text).toContain('This device’s clock is ahead of the computer daybreak runs on');
    expect(text).not.toContain('fault in daybreak');
  });
  it('says it is daybreak’s fault for other data the app itself made', () => {
    expect(sessionRefusalText(refused(422, ['steps']))).toContain('This is a fault in daybreak');
  });
  it('gives the gate’s reason for a 409', () => {
    expect(sessionRefusalText(refused(409))).toContain('This session will not be stored.');
  });
});
