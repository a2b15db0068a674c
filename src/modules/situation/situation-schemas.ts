import { z } from "zod";
import { MAX_INDICATORS } from "./situation.ts";

const indicatorId = z.string().trim().min(1).max(200);

/** Which indicators a dashboard shows: ids from the catalogue (none = the default). */
export const ZSituationQuery = z.object({
  indicators: z
    .preprocess(
      (v) => (typeof v === "string" ? [v] : v),
      z.array(indicatorId).max(MAX_INDICATORS, "too_many_indicators"),
    )
    .default([]),
});
