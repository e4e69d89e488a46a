/**
 * `npm run verify`: the quality gate. Builds the site twice from clean (the two must be identical),
 * then checks every page of the build: HTML validity, links, unsafe markup, page weight, and in
 * Chromium accessibility, the content security policy, console errors and other hosts.
 *
 * `npm run verify -- dist` checks an existing build instead (without the second build).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import config from '../astro.config.mjs';
import { runBuild } from './support/build.ts';
import { compareBuilds } from './verify/reproducible.ts';
import { formatProblems, verifySite, type CheckOutcome } from './verify/index.ts';

const started = Date.now();
const folder = process.argv[2];
const outcomes: CheckOutcome[] = [];
const report = (outcome: CheckOutcome) => {
  outcomes.push(outcome);
  const mark = outcome.problems.length === 0 ? 'ok  ' : 'FAIL';
  console.log(`${mark} ${outcome.name}: ${outcome.summary}${outcome.problems.length ? `, ${outcome.problems.length} problems` : ''}`);
  if (outcome.problems.length) console.log(formatProblems(outcome.problems));
};

let root = folder;
if (!root) {
  const builds = [resolve('tests/.tmp/verify/first'), resolve('tests/.tmp/verify/second')];
  // Both builds for one moment, so they can be compared byte for byte.
  const now = new Date().toISOString();
  for (const outDir of builds) {
    for (const path of [outDir, `${outDir}.cache`]) rmSync(path, { recursive: true, force: true });
    const build = await runBuild({ outDir, now });
    if (build.code !== 0) {
      console.error(build.output);
      console.error(`FAIL build into ${outDir} exited ${build.code}`);
      process.exit(1);
    }
  }
  const same = compareBuilds(builds[0], builds[1]);
  report({ name: 'reproducible build', problems: same.problems, summary: `two clean builds, ${same.files} files compared` });
  root = builds[0];
}

console.log(`Checking ${root}/`);
const { table } = await verifySite(root, {
  siteUrl: String(config.site),
  sources: ['src', 'content'],
  onCheck: report,
});
console.log(`\nPage weight, gzipped (largest page of each kind):\n${table}\n`);

const failed = outcomes.filter((outcome) => outcome.problems.length > 0);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failed.length > 0) {
  console.error(`verify: ${failed.length} of ${outcomes.length} checks failed (${seconds} s)`);
  process.exit(1);
}
console.log(`verify: all ${outcomes.length} checks passed (${seconds} s)`);
