import { runCrashRounds } from '../test/support/crash-rounds.js';
import { report } from './result.js';

/**
 * `npm run bench -- crash [rounds]`: the crash test at full length (200 rounds by default): the
 * core's sync side (proof records and document applications with uploads) is killed with SIGKILL at random moments while taking and delivering requests, then
 * drained; the platform must hold every acknowledged request exactly once.
 */
const rounds = Number(process.argv[3] ?? 200);
const result = await runCrashRounds(rounds);
console.log(
  `${result.rounds} rounds killed with SIGKILL (${result.droppedAnswers} with a dropped answer), ` +
    `${result.acknowledged} requests acknowledged (${result.applications} applications, ` +
    `${result.uploadsCompleted} uploads completed), ${result.stored} stored by the platform, ` +
    `${result.lost.length} lost, ${result.duplicates.length} duplicated, ${(result.ms / 1000).toFixed(1)} s`,
);
report({
  bench: 'crash',
  metric: 'lost_plus_duplicated',
  value: result.lost.length + result.duplicates.length,
  goal: '== 0',
  met: result.lost.length === 0 && result.duplicates.length === 0,
  details: {
    rounds: result.rounds,
    acknowledged: result.acknowledged,
    applications: result.applications,
    uploadsCompleted: result.uploadsCompleted,
    stored: result.stored,
    droppedAnswers: result.droppedAnswers,
    seconds: Math.round(result.ms / 1000),
  },
});
