/**
 * Line numbers of the elements of a top-level JSON array, so problems in a JSON file can be reported by line
 * as well as by position. One pass over the text; strings (with escapes) are skipped. For a minified file
 * every element is on line 1 and the position (`row`) is what helps.
 */
export function topLevelElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      else if (c === 10) line++;
      continue;
    }
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (depth === 1) {
      if (c === 44) {
        expecting = true;
        continue;
      }
      if (expecting && c !== 93) {
        lines.push(line);
        expecting = false;
      }
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth === 1 && c === 91) expecting = true;
    } else if (c === 125 || c === 93) depth--;
  }
  return lines;
}
