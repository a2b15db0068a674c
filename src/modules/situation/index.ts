export * from "./situation.ts";
export { ZSituationQuery } from "./situation-schemas.ts";
export { regionMap, countiesMap, MAP_ATTRIBUTION, type ProjectedMap, type CountiesMap } from "./region-map.ts";
export {
  getRegionSituation,
  type RegionSituation,
} from "./get-region-situation.ts";
export {
  getMunicipalitySituation,
  type MunicipalitySituation,
} from "./get-municipality-situation.ts";
export { situationCsv } from "./situation-csv.ts";
export {
  compareMunicipality,
  type MunicipalityComparison,
} from "./compare-municipality.ts";
