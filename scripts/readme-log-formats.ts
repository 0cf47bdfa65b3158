/**
 * Writes the README's log-formats section from docs/log-formats.md (test/logs/readme-formats.ts).
 * Usage: node scripts/readme-log-formats.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DOC, README, readmeSection, withSection } from '../test/logs/readme-formats.ts';

writeFileSync(README, withSection(readFileSync(README, 'utf8'), readmeSection(readFileSync(DOC, 'utf8'))));
console.log('readme-log-formats: wrote the log-formats section of README.md');
