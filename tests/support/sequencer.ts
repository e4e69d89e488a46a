/**
 * The order test files start in: real builds, browsers and the quality gate first, so the two
 * workers are not left with one long file at the end; within a folder, Vitest's own order (the
 * longest last run first, or the largest file in a fresh clone).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Folders whose files take seconds to minutes each, slowest kind first. */
const FIRST = ['tests/verify/', 'tests/e2e/', 'tests/build/'];

const rank = (spec: TestSpecification) => {
  const path = spec.moduleId.replaceAll('\\', '/');
  const index = FIRST.findIndex((folder) => path.includes(`/${folder}`));
  return index === -1 ? FIRST.length : index;
};

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    return ordered.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map(({ spec }) => spec);
  }
}
