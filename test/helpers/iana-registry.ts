/** Reads the committed IANA registry snapshot (data/sources) as the oracle for coverage tests. */
import { readFileSync } from 'node:fs';

export interface RegistryRow {
  value: number;
  description: string;
  reference: string;
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { fields.push(field); field = ''; }
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Assigned codes only: range rows ("105-199") and "Unassigned" rows are skipped. */
export function assignedRegistryCodes(): RegistryRow[] {
  const text = readFileSync(new URL('../../data/sources/iana-http-status-codes.csv', import.meta.url), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map(parseCsvLine)
    .filter(([value, description]) => /^\d{3}$/.test(value ?? '') && description !== 'Unassigned')
    .map(([value, description, reference]) => ({ value: Number(value), description: description ?? '', reference: reference ?? '' }));
}
