import { catalogs } from '#i18n/index.ts';
import { fetchSotkanet, GENDERS, sotkanetBaseUrl, type Gender } from '#modules/indicators/index.ts';
import { CliFailure, EXIT, withDatabase, type Command } from './command.ts';
import { printReport } from './import-indicators.ts';
import { progressBar } from './progress.ts';

/** `fetch-sotkanet --indicator 127 [--indicator …] --years 2020-2023 [--genders total,male] [--refresh-regions] [--skip-invalid]`. */
export const fetchSotkanetCommand: Command = {
  name: 'fetch-sotkanet',
  synopsis: '--indicator N [--indicator N]… --years 2020-2023 [--genders total,male,female] [--refresh-regions] [--skip-invalid]',
  options: {
    indicator: { type: 'string', multiple: true, help: 'indicator', arg: 'N' },
    years: { type: 'string', help: 'years', arg: 'YEARS' },
    genders: { type: 'string', help: 'genders', arg: 'LIST' },
    'refresh-regions': { type: 'boolean', help: 'refreshRegions' },
    'skip-invalid': { type: 'boolean', help: 'skipInvalid' },
  },
  positionals: 0,
  async exec(run) {
    const { io, lang } = run;
    const indicatorArgs = (run.values.indicator as string[] | undefined) ?? [];
    if (!indicatorArgs.length) throw new CliFailure((t) => t.missingOption({ option: '--indicator' }), EXIT.usage);
    const indicators = indicatorArgs.flatMap((s) => s.split(',')).map((s) => s.trim());
    const bad = indicators.find((s) => !/^\d+$/.test(s));
    if (bad !== undefined) throw new CliFailure((t) => t.badChoice({ option: '--indicator', value: bad, allowed: '127' }), EXIT.usage);
    const yearsText = (run.values.years as string | undefined) ?? '';
    const years = parseYears(yearsText);
    if (!years) throw new CliFailure((t) => t.badChoice({ option: '--years', value: yearsText, allowed: '2020-2023, 2020,2022' }), EXIT.usage);
    const genders = ((run.values.genders as string | undefined) ?? 'total').split(',').map((g) => g.trim()) as Gender[];
    const badGender = genders.find((g) => !GENDERS.includes(g));
    if (badGender !== undefined) throw new CliFailure((t) => t.badChoice({ option: '--genders', value: badGender, allowed: GENDERS.join(', ') }), EXIT.usage);
    const bar = progressBar(io, catalogs[lang].indicators);
    const report = await withDatabase(run, 'fetch-sotkanet', async (ctx) => {
      try {
        return await fetchSotkanet(ctx, {
          indicators: indicators.map(Number),
          years,
          genders,
          baseUrl: sotkanetBaseUrl(io.env),
          refreshRegions: run.values['refresh-regions'] === true,
          skipInvalid: run.values['skip-invalid'] === true,
          onProgress: bar.onProgress,
        });
      } finally {
        bar.end();
      }
    });
    printReport(report, io, lang);
    return report.status === 'imported' ? EXIT.ok : EXIT.failed;
  },
};

/** '2020-2023' → [2020, 2021, 2022, 2023]; '2020,2022' → [2020, 2022]. */
export function parseYears(s: string): number[] | undefined {
  const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(s.trim());
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (a > b || b - a > 60) return undefined;
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const list = s.split(',').map((y) => y.trim());
  if (list.length === 0 || list.some((y) => !/^\d{4}$/.test(y))) return undefined;
  return [...new Set(list.map(Number))];
}
