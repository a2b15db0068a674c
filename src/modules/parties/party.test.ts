import { describe, expect, it } from 'vitest';
import { businessIdProblem, normaliseBusinessId } from './party.ts';

describe('Business ID (Y-tunnus) check digit', () => {
  it('accepts the real IDs printed in published agreements', () => {
    for (const id of ['3221317-4', '0927140-5', '0164308-3', '0242746-2', '1919717-3', '0211675-2']) expect(businessIdProblem(id)).toBeNull();
  });
  it('refuses a wrong check digit and a wrong shape', () => {
    expect(businessIdProblem('3221317-5')).toBe('business_id_checksum');
    expect(businessIdProblem('32213174')).toBe('business_id_format');
    expect(businessIdProblem('abc')).toBe('business_id_format');
  });
  it('refuses IDs whose remainder is 1 (never issued)', () => {
    // 0010001: 1·10 + 1·2 = 12, remainder 1
    expect(businessIdProblem('0010001-0')).toBe('business_id_checksum');
    expect(businessIdProblem('0010001-9')).toBe('business_id_checksum');
  });
  it('pads old six-digit IDs with a leading zero', () => {
    expect(normaliseBusinessId('927140-5')).toBe('0927140-5');
    expect(businessIdProblem('927140-5')).toBeNull();
  });
});
