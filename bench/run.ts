/**
 * `npm run bench -- <name>`: runs bench/<name>.bench.ts. Each benchmark measures its own baseline in
 * the same run and ends by printing one JSON line {"bench","metric","value","goal"} (see result.ts).
 */
import { readdirSync } from 'node:fs';

const name = process.argv[2];
const available = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}`);
  process.exit(2);
}
await import(`./${name}.bench.ts`);
