/**
 * curl's progress meter (lib/progress.c), printed on stderr when its output is not a terminal: two heading lines
 * (`  % Total    % Received % Xferd  Average Speed ...`, `Dload  Upload   Total   Spent    Left  Speed`) and a row per
 * update, each redrawn after a carriage return. A paste interleaves it with the output: the last row has no line
 * end, so whatever curl printed next (curl -v's `*`, `<`, `>` or `{` lines, curl -i's status line) lands on it.
 */
const ROW = String.raw`(?:\d{1,3}\s+[\d.]+[kMGTP]?\s+){3}[\d.]+[kMGTP]?\s+[\d.]+[kMGTP]?\s+\S+\s+\S+\s+\S+\s+[\d.]+[kMGTP]?`;

/** A whole line of the meter: a heading or a row. */
export const PROGRESS_LINE = new RegExp(String.raw`^\s*(?:% Total\b.*|Dload\s+Upload\b.*|${ROW})$`);

/** A row with the next output printed onto it: the row is the match, the output what follows. */
export const GLUED_PROGRESS = new RegExp(String.raw`^\s*${ROW}(?=[*<>{] |HTTP\/\d(?:\.\d)? \d{3}\b)`);
