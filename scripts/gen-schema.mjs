// Writes the JSON Schema generated from the zod model into dist/ so it ships with the package.
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../dist/index.js';

writeFileSync(new URL('../dist/report.schema.json', import.meta.url), JSON.stringify(reportJsonSchema(), null, 2) + '\n');
