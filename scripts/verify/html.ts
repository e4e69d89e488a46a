/**
 * HTML validity, twice over: the W3C Nu checker (the reference validator, run from `vnu-jar` on
 * Java) and html-validate with its recommended and accessibility presets (which also refuses inline
 * `style` attributes, which the content security policy would block).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import type { Page, Problem } from './site.ts';

const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs the Nu checker once over all pages (one Java start), errors only. */
export async function checkWithNu(pages: Page[]): Promise<Problem[]> {
  if (pages.length === 0) return [];
  const byFile = new Map(pages.map((page) => [page.file, page.path]));
  const output = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', ...pages.map((page) => page.file)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(output.stdout) as { messages: VnuMessage[] }).messages;
  } catch {
    return [{ where: 'vnu', message: `the Nu checker did not run (exit ${output.code}): ${output.stderr || output.stdout}`.trim() }];
  }
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => {
      const file = decodeURIComponent(new URL(m.url).pathname);
      const where = [...byFile].find(([f]) => file.endsWith(f.replace(/^\.?\//, '')))?.[1] ?? file;
      return { where: `${where}${m.lastLine ? `:${m.lastLine}` : ''}`, message: `Nu: ${m.message}${m.extract ? ` in “${m.extract.trim()}”` : ''}` };
    });
}

export const htmlValidateConfig = { extends: ['html-validate:recommended', 'html-validate:a11y'] } as const;

export async function checkWithHtmlValidate(pages: Page[]): Promise<Problem[]> {
  const validator = new HtmlValidate({ extends: [...htmlValidateConfig.extends] });
  const problems: Problem[] = [];
  for (const page of pages) {
    const report = await validator.validateFile(page.file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push({ where: `${page.path}:${m.line}:${m.column}`, message: `html-validate ${m.ruleId}: ${m.message}` });
      }
    }
  }
  return problems;
}

export async function checkHtml(pages: Page[]): Promise<Problem[]> {
  const [nu, hv] = await Promise.all([checkWithNu(pages), checkWithHtmlValidate(pages)]);
  return [...nu, ...hv];
}
