// An address's entry number: a malformed or impossible one never reaches the
// server (/entries/abc asked for /api/entries/NaN in a loop, NaN !== NaN being
// a changed dep on every render).
import { describe, expect, it, vi } from 'vitest';

import { idParam, matchRoute } from '../src/router';
import { MemoryStorage } from './memory_storage';

describe('idParam', () => {
  it('takes a positive whole number', () => {
    expect(idParam(matchRoute('/entries/:id', '/entries/12')?.id)).toBe(12);
    expect(idParam('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses what no entry can be numbered', () => {
    for (const text of [undefined, '', 'abc', '0', '-1', '007', '1e3', '1.5', ' 1', '0x10', 'Infinity', 'NaN']) {
      expect(idParam(text), String(text)).toBeNull();
    }
  });

  it('refuses a number too big to hold exactly', () => {
    expect(idParam('99999999999999999999')).toBeNull();
    expect(idParam('9007199254740993')).toBeNull(); // would be read as ...992: another entry
  });
});

describe('useLoad deps', () => {
  it('counts one NaN the same as another, so a NaN does not reload forever', async () => {
    vi.stubGlobal('localStorage', new MemoryStorage()); // state.ts opens the outbox on it
    const { effectDeps } = await import('../src/state');
    const [a, b] = [effectDeps([NaN, 'x', 3]), effectDeps([NaN, 'x', 3])];
    expect(a.every((d, i) => d === b[i])).toBe(true);
    expect(effectDeps([1, 'NaN', null])).toEqual([1, 'NaN', null]);
    vi.unstubAllGlobals();
  });
});
