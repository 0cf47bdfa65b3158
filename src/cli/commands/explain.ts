/** `httpwhy 502`: the program's own command, every meaning of a status. `main.ts` answers the plain form without commander. */
import { Argument, type CommandDeclaration } from '../command.ts';

export const explainCommand: CommandDeclaration<[code: string]> = {
  name: 'httpwhy',
  description: 'Which component failed, and why? HTTP status codes explained, compared and diagnosed.',
  arguments: [new Argument('[code]', 'a status code to explain, e.g. 502, 499, 502.3')],
  options: [],
  run: (args, options, ctx) => import('../runners/explain.ts').then((runner) => runner.runExplain(args, options, ctx)),
};
