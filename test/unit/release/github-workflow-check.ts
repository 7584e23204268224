/**
 * Runs GitHub's workflow parser over workflow texts and prints each one's errors as JSON.
 *
 * A child process for workflows.test.ts: the parser imports its schema JSON without an import
 * attribute, which Node (and so vitest, which leaves node_modules to Node) refuses; tsx loads it.
 * Input on stdin: `[{ name, content }]`. Output: `[[errors of the first], [errors of the second], …]`.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { text } from 'node:stream/consumers';

const files = JSON.parse(await text(process.stdin)) as { name: string; content: string }[];
const results: string[][] = [];
for (const file of files) {
  const parsed = parseWorkflow(file, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message));
  }
  results.push(errors);
}
process.stdout.write(JSON.stringify(results));
