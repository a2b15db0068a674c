import { describe, expect, it } from 'vitest';
import { expectedValue, indicatorStatus, latestPoint, rollUp, type PathInput } from './goal.ts';

// Smoking share 20 % in 2022, target 12 % in 2030 (lower is better): expected 16 % in 2026.
const smoking: Omit<PathInput, 'latest'> = { direction: 'lower_is_better', baselineYear: 2022, baselineValue: 20, targetYear: 2030, targetValue: 12 };
// Physical activity 40 % in 2022, target 60 % in 2030 (higher is better): expected 50 % in 2026.
const activity: Omit<PathInput, 'latest'> = { direction: 'higher_is_better', baselineYear: 2022, baselineValue: 40, targetYear: 2030, targetValue: 60 };

describe('indicator status against the straight path', () => {
  it('expects the straight line between baseline and target', () => {
    expect(expectedValue(smoking, 2026)).toBe(16);
    expect(expectedValue(activity, 2024)).toBe(45);
  });

  it('no data: no value, or only the baseline year or older', () => {
    expect(indicatorStatus({ ...activity, latest: null })).toBe('no_data');
    expect(indicatorStatus({ ...activity, latest: { year: 2022, value: 99 } })).toBe('no_data');
    expect(indicatorStatus({ ...activity, latest: { year: 2020, value: 99 } })).toBe('no_data');
  });

  it('higher is better: at or above the path is on track, below is off track', () => {
    expect(indicatorStatus({ ...activity, latest: { year: 2026, value: 50 } })).toBe('on_track');
    expect(indicatorStatus({ ...activity, latest: { year: 2026, value: 49.9 } })).toBe('off_track');
  });

  it('reversed direction: lower is better', () => {
    expect(indicatorStatus({ ...smoking, latest: { year: 2026, value: 16 } })).toBe('on_track');
    expect(indicatorStatus({ ...smoking, latest: { year: 2026, value: 16.1 } })).toBe('off_track');
    // A value that would be "on track" if higher were better is off track here.
    expect(indicatorStatus({ ...smoking, latest: { year: 2026, value: 25 } })).toBe('off_track');
  });

  it('target reached is on track, even early', () => {
    expect(indicatorStatus({ ...smoking, latest: { year: 2023, value: 11 } })).toBe('on_track');
    expect(indicatorStatus({ ...activity, latest: { year: 2023, value: 60 } })).toBe('on_track');
  });

  it('after the target year the target itself is expected', () => {
    expect(expectedValue(activity, 2035)).toBe(60);
    expect(indicatorStatus({ ...activity, latest: { year: 2033, value: 59 } })).toBe('off_track');
    expect(indicatorStatus({ ...activity, latest: { year: 2033, value: 61 } })).toBe('on_track');
  });

  it('baseline year equal to the target year: the target is expected after it, no division by zero', () => {
    const same = { ...activity, baselineYear: 2025, targetYear: 2025 };
    expect(indicatorStatus({ ...same, latest: { year: 2026, value: 59 } })).toBe('off_track');
    expect(indicatorStatus({ ...same, latest: { year: 2026, value: 60 } })).toBe('on_track');
    expect(indicatorStatus({ ...same, latest: { year: 2025, value: 60 } })).toBe('no_data');
  });

  it('neutral indicators have no status', () => {
    expect(indicatorStatus({ ...activity, direction: 'neutral', latest: { year: 2026, value: 1 } })).toBe('no_status');
  });
});

describe('roll-up and latest value', () => {
  it('counts statuses and takes the worst: off track > no data > on track', () => {
    expect(rollUp(['on_track', 'no_data', 'on_track'])).toEqual({ counts: { on_track: 2, off_track: 0, no_data: 1, no_status: 0 }, worst: 'no_data' });
    expect(rollUp(['on_track', 'off_track', 'no_data']).worst).toBe('off_track');
    expect(rollUp(['on_track', 'no_status']).worst).toBe('on_track');
    expect(rollUp([]).worst).toBe('no_status');
  });

  it('an owner’s dated value wins over the catalogue in the same year; the newest year wins', () => {
    expect(latestPoint([{ year: 2024, value: 1 }, { year: 2025, value: 2 }], [{ observedOn: '2025-06-30', value: 3 }, { observedOn: '2025-01-31', value: 4 }])).toEqual({ year: 2025, value: 3 });
    expect(latestPoint([{ year: 2026, value: 5 }], [{ observedOn: '2025-06-30', value: 3 }])).toEqual({ year: 2026, value: 5 });
    expect(latestPoint([], [])).toBeNull();
  });
});
