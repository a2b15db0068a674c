import type { Reporter, TestModule } from 'vitest/node';

/** Prints one plain closing line, "Tests: N passed, N failed, N skipped", per run (and per project). */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const by = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const m of modules) {
      const name = m.project.name || 'default';
      const s = by.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') s.passed++;
        else if (state === 'failed') s.failed++;
        else s.skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) s.failed++;
      by.set(name, s);
    }
    let p = 0;
    let f = 0;
    let k = 0;
    for (const [name, s] of by) {
      console.log(`${name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
      p += s.passed;
      f += s.failed;
      k += s.skipped;
    }
    console.log(`Tests: ${p} passed, ${f} failed, ${k} skipped`);
  }
}
