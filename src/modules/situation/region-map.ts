import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { geoPath, geoTransverseMercator } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** A cooperation region's municipalities projected onto an SVG canvas (viewBox 0 0 width height). */
export interface ProjectedMap {
  width: number;
  height: number;
  municipalities: { code: string; d: string; labelAt: [number, number] }[];
}

/** db/reference/finland-2025.topo.json, from the source tree (src/modules/situation) or the built server (build/server). */
function topoFile(): string {
  const name = "db/reference/finland-2025.topo.json";
  const candidates = [
    path.resolve(import.meta.dirname, "../../..", name),
    path.resolve(import.meta.dirname, "../..", name),
    path.resolve(process.cwd(), name),
  ];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}
export const MAP_ATTRIBUTION =
  "Municipal boundaries: Statistics Finland (CC BY 4.0); TopoJSON: Yleisradio/geodata; modified";

interface MunicipalityProps {
  code: string;
  county_code: string;
}

let features: Feature<Geometry, MunicipalityProps>[] | undefined;
let topology: Topology<{ municipalities: GeometryCollection<MunicipalityProps> }> | undefined;
const cache = new Map<string, ProjectedMap>();

function allMunicipalities(): Feature<Geometry, MunicipalityProps>[] {
  if (!features) {
    const topo = JSON.parse(readFileSync(topoFile(), "utf8")) as Topology<{
      municipalities: GeometryCollection<MunicipalityProps>;
    }>;
    topology = topo;
    features = (
      feature(topo, topo.objects.municipalities) as FeatureCollection<
        Geometry,
        MunicipalityProps
      >
    ).features;
  }
  return features;
}

/**
 * The municipalities of a wellbeing services county ('HVA19'), projected with a transverse Mercator on 27° E
 * (close to ETRS-TM35FIN) fitted to the county, coordinates rounded to one decimal. Computed once per county
 * and kept in memory: the boundaries never change while the process runs.
 */
export function regionMap(
  countyCode: string,
  width = 400,
  height = 560,
): ProjectedMap {
  const key = `${countyCode}:${width}x${height}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const members = allMunicipalities().filter(
    (f) => f.properties.county_code === countyCode,
  );
  const collection: FeatureCollection<Geometry, MunicipalityProps> = {
    type: "FeatureCollection",
    features: members,
  };
  const pad = 8;
  const projection = geoTransverseMercator().rotate([-27, 0]);
  if (members.length)
    projection.fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      collection,
    );
  // Fitted into width × height and centred; move it to the top and cut the canvas to the county's height.
  const [[, y0], [, y1]] = members.length
    ? geoPath(projection).bounds(collection)
    : [
        [0, pad],
        [0, height - pad],
      ];
  const [tx, ty] = projection.translate();
  projection.translate([tx, ty - (y0 - pad)]);
  const p = geoPath(projection).digits(1);
  const map: ProjectedMap = {
    width,
    height: Math.ceil(y1 - y0 + 2 * pad),
    municipalities: members.map((f) => {
      const [cx, cy] = p.centroid(f);
      return {
        code: f.properties.code,
        d: p(f) ?? "",
        labelAt: [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10],
      };
    }),
  };
  cache.set(key, map);
  return map;
}

/** All of Finland's wellbeing services counties (and Helsinki) projected onto one SVG canvas. */
export interface CountiesMap {
  width: number;
  height: number;
  counties: { code: string; d: string; labelAt: [number, number] }[];
}

let countiesCache: CountiesMap | undefined;

/**
 * The 22 cooperation regions (municipalities merged by county_code, shared borders dissolved), with the same
 * projection as regionMap fitted to the whole country. Computed once per process.
 */
export function countiesMap(width = 360, height = 640): CountiesMap {
  if (countiesCache && countiesCache.width === width) return countiesCache;
  allMunicipalities();
  const topo = topology!;
  const geometries = topo.objects.municipalities.geometries;
  const codes = [...new Set(geometries.map((g) => (g.properties as MunicipalityProps).county_code))].filter(Boolean).sort();
  const merged = codes.map((code) => ({
    type: "Feature" as const,
    properties: { code },
    geometry: merge(topo, geometries.filter((g) => (g.properties as MunicipalityProps).county_code === code) as Parameters<typeof merge>[1]),
  }));
  const collection: FeatureCollection = { type: "FeatureCollection", features: merged };
  const pad = 8;
  const projection = geoTransverseMercator().rotate([-27, 0]).fitExtent([[pad, pad], [width - pad, height - pad]], collection);
  const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
  const [tx, ty] = projection.translate();
  projection.translate([tx, ty - (y0 - pad)]);
  const p = geoPath(projection).digits(1);
  countiesCache = {
    width,
    height: Math.ceil(y1 - y0 + 2 * pad),
    counties: merged.map((f) => {
      const [cx, cy] = p.centroid(f);
      return { code: f.properties.code, d: p(f) ?? "", labelAt: [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10] };
    }),
  };
  return countiesCache;
}
