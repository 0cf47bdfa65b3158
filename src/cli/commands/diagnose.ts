/** `httpwhy diagnose FILE...`. */
import { Argument, type CommandDeclaration } from '../command.ts';

export const diagnoseCommand: CommandDeclaration<[files: string[]]> = {
  name: 'diagnose',
  description: 'which component issued this response, and why? (raw HTTP, curl -i / -v output, HAR, JSON; - for stdin)',
  arguments: [new Argument('[files...]', 'files to read (default: stdin)')],
  options: [],
  run: (args, options, ctx) => import('../runners/diagnose.ts').then((runner) => runner.runDiagnose(args, options, ctx)),
};
