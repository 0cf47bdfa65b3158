/** `httpwhy compare 500 502`. */
import { Argument, type CommandDeclaration } from '../command.ts';

export const compareCommand: CommandDeclaration<[first: string, second: string]> = {
  name: 'compare',
  description: 'compare two codes side by side (ids such as 499-nginx work too)',
  arguments: [new Argument('<a>', 'first code'), new Argument('<b>', 'second code')],
  options: [],
  run: (args, options, ctx) => import('../runners/compare.ts').then((runner) => runner.runCompare(args, options, ctx)),
};
