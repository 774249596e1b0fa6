import { describeType, type ParamDef } from '../learners/params.js';
import { listLearners, listTransformers } from '../learners/registry.js';

/**
 * The parameter reference of every registered learner and transformer as Markdown, generated from
 * their parameter tables (the README's reference section is this text).
 *
 * @example
 * console.log(paramsMarkdown());
 */
export function paramsMarkdown(): string {
  const sections: string[] = [];
  const entries = [
    ...listLearners().map((def) => ({ def, what: def.tasks.join(' and ') })),
    ...listTransformers().map((def) => ({ def, what: 'transformer (pipeline step)' })),
  ];
  for (const { def, what } of entries) {
    const rows = Object.entries(def.params as Record<string, ParamDef>).map(
      ([name, p]) =>
        `| \`${name}\` | ${describeType(p.type).replaceAll('|', '\\|')} | \`${JSON.stringify(p.default)}\` | ${p.doc.replaceAll('|', '\\|')} |`,
    );
    sections.push(
      [
        `#### \`${def.kind}\` — ${what}`,
        '',
        `${def.summary}.`,
        '',
        ...(rows.length
          ? ['| parameter | allowed | default | meaning |', '|---|---|---|---|', ...rows]
          : ['No parameters.']),
      ].join('\n'),
    );
  }
  return sections.join('\n\n');
}
