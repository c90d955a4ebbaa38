import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNext } from './safe-next';

describe('where sign-in leads back to', () => {
  it('accepts paths of this app only', () => {
    expect(safeNext('/m/leads?x=1#a')).toBe('/m/leads?x=1#a');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext('/setup')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });

  it('builds the sign-in address with the page to return to', () => {
    expect(loginPathFor({ pathname: '/m/deals', search: '?view=3' })).toBe('/login?next=%2Fm%2Fdeals%3Fview%3D3');
    expect(loginPathFor({ pathname: '/' })).toBe('/login');
    expect(loginPathFor({ pathname: '/m/deals' }, { expired: '1' })).toBe('/login?expired=1&next=%2Fm%2Fdeals');
  });
});
