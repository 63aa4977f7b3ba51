import fs from 'node:fs';
import path from 'node:path';
import type { PhrasingTable } from '../../../shared/kb/phrasings';
import { phrasingTableSchema } from '../../../shared/kb/phrasings';

export const shippedPhrasingsFile = (resourcesDir: string): string => path.join(resourcesDir, 'data', 'kb', 'phrasings.json');

export function readPhrasingTable(file: string): PhrasingTable {
  return phrasingTableSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
