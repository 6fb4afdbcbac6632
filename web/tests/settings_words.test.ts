// Found from outside: a refused emergency number on More read "the settings
// were not changed (emergency_number: a telephone number of 2 to 8 digits,
// such as 112)": the API's member name, in lower case, without the value.
import { describe, expect, it } from 'vitest';

import { ApiError, Unreachable } from '../src/api';
import { UNREACHABLE } from '../src/format';
import { settingsErrorText } from '../src/settings_words';

describe('a change on More that daybreak refused', () => {
  it('names the field as the screen does, with the value and what is allowed', () => {
    const e = new ApiError({
      type: 'tag:daybreak,2026:invalid-input',
      title: 'Some values are not allowed',
      status: 422,
      detail: 'the settings were not changed',
      errors: [{ field: 'emergency_number', value: 'abc', allowed: 'a telephone number of 2 to 8 digits, such as 112' }],
    });
    expect(settingsErrorText(e)).toBe(
      "The settings were not changed. Emergency number: 'abc' is not allowed. Allowed: a telephone number of 2 to 8 digits, such as 112.",
    );
  });
  it('says daybreak cannot be reached only when it cannot', () => {
    expect(settingsErrorText(new Unreachable(new TypeError('Failed to fetch')))).toBe(UNREACHABLE);
  });
});
