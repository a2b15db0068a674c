-- indicator_value keeps one index, its primary key (indicator_num, area_type, area_code, year, gender).
--
-- Every reader asks for one indicator and a set of areas (region and municipality dashboards, goals, the values
-- API): with the area types of those codes in the query (a code alone tells its type, see areaOfCode) that is a
-- prefix of the primary key, so the read costs what is shown, not the size of the table. The second index
-- (area_code, indicator_num, year) served the same reads and doubled the cost of writing a value: a
-- 1,000,000-value import spent about half of its insert time maintaining it. See docs/indicators.md.
DROP INDEX IF EXISTS idx_indicator_value_area;
