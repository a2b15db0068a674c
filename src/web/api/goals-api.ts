import { z } from 'zod';
import { getAgreementGoals, INDICATOR_STATUSES, MEASURE_STATUSES, recordIndicatorValue, type RollUp } from '#modules/goals/index.ts';
import { op } from './define.ts';

const ZRollUp = z
  .object({
    worst: z.enum(INDICATOR_STATUSES).describe('The worst status among the parts: off_track > no_data > on_track; no_status when nothing has a status'),
    counts: z.object({ on_track: z.number().int(), off_track: z.number().int(), no_data: z.number().int(), no_status: z.number().int() }),
  })
  .meta({ id: 'GoalStatusSummary' });

const rollUpOut = (r: RollUp) => ({ worst: r.worst, counts: r.counts });

const ZGoalsOut = z
  .object({
    agreementId: z.string().uuid(),
    areas: z.array(
      z.object({
        id: z.string().uuid(),
        name: z.object({ fi: z.string(), sv: z.string() }),
        summary: ZRollUp,
        goals: z.array(
          z.object({
            id: z.string().uuid(),
            title: z.object({ fi: z.string(), sv: z.string() }),
            sectionId: z.string().uuid().nullable().describe('The agreement section the goal came from'),
            summary: ZRollUp,
            measures: z.array(
              z.object({
                id: z.string().uuid(),
                title: z.object({ fi: z.string(), sv: z.string() }),
                status: z.enum(MEASURE_STATUSES),
                ownerPartyIds: z.array(z.string().uuid()),
                startsOn: z.string().nullable(),
                dueOn: z.string().nullable(),
                summary: ZRollUp,
                indicators: z.array(
                  z.object({
                    id: z.string().uuid().describe('The link id: push values to /goal-indicators/{id}/values'),
                    indicatorId: z.string(),
                    scope: z.enum(['each_municipality', 'county', 'whole_region']),
                    baselineYear: z.number().int(),
                    baselineValue: z.number(),
                    targetYear: z.number().int(),
                    targetValue: z.number(),
                    summary: ZRollUp,
                  }),
                ),
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AgreementGoals' });

const ZValueIn = z
  .object({
    areaCode: z
      .string()
      .regex(/^(\d{3}|HVA\d{2}|\d{2})$/)
      .describe('Your own area: municipality code (564), wellbeing services county (HVA19) or region (17), within the link’s scope'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('The date the value describes (YYYY-MM-DD); its year is compared with the path from baseline to target'),
    value: z.number(),
  })
  .meta({ id: 'GoalIndicatorValueInput' });

const ZId = z.object({ id: z.string().uuid('invalid_uuid') });

/** Goals of an agreement (public, without internal notes) and values pushed by owner parties' systems. */
export const goalOperations = [
  op({
    operationId: 'getAgreementGoals',
    method: 'get',
    path: '/agreements/:id/goals',
    tag: 'goals',
    summary: 'An agreement’s goals by cooperation area, with measures, followed indicators and their statuses',
    description:
      'Each indicator is on track when its latest value is at least as good as the straight path from baseline to target expects for that year (or the target is reached), off track otherwise, no data without a value after the baseline year. Summaries give counts and the worst status.',
    security: 'public',
    params: ZId,
    errors: [404],
    response: ZGoalsOut,
    handler: async (ctx, { params }) => {
      const v = await getAgreementGoals(ctx, params.id);
      return {
        agreementId: v.agreement.id,
        areas: v.areas.map((a) => ({
          id: a.area.id,
          name: a.area.name,
          summary: rollUpOut(a.summary),
          goals: a.goals.map((g) => ({
            id: g.goal.id,
            title: g.goal.title,
            sectionId: g.goal.sectionId,
            summary: rollUpOut(g.summary),
            measures: g.measures.map((m) => ({
              id: m.measure.id,
              title: m.measure.title,
              status: m.measure.status,
              ownerPartyIds: m.measure.ownerPartyIds,
              startsOn: m.measure.startsOn,
              dueOn: m.measure.dueOn,
              summary: rollUpOut(m.summary),
              indicators: m.indicators.map((i) => ({
                id: i.link.id,
                indicatorId: i.link.indicatorId,
                scope: i.link.scope,
                baselineYear: i.link.baselineYear,
                baselineValue: i.link.baselineValue,
                targetYear: i.link.targetYear,
                targetValue: i.link.targetValue,
                summary: rollUpOut(i.summary),
              })),
            })),
          })),
        })),
      };
    },
  }),
  op({
    operationId: 'recordGoalIndicatorValue',
    method: 'post',
    path: '/goal-indicators/:id/values',
    tag: 'goals',
    summary: 'Record a value of a followed indicator for one area and date (an owner party’s editor token)',
    description:
      'For API tokens (editor or admin role) of a party that owns the measure. A party may record values only for its own area code, within the link’s scope. The same link, area and date again replaces the value.',
    security: 'authenticated',
    params: ZId,
    body: ZValueIn,
    status: 201,
    errors: [404],
    response: z
      .object({ linkId: z.string().uuid(), areaCode: z.string(), date: z.string(), value: z.number(), previous: z.number().nullable().describe('The value it replaced, if any') })
      .meta({ id: 'RecordedGoalIndicatorValue' }),
    handler: async (ctx, { params, body }) => recordIndicatorValue(ctx, params.id, body),
  }),
];
