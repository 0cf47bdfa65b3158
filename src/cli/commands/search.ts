/** `httpwhy search "gateway timeout"`. */
import { Argument, integer, Option, type CommandDeclaration } from '../command.ts';

export interface SearchOptions {
  limit: number;
}

export const searchCommand: CommandDeclaration<[words: string[]], SearchOptions> = {
  name: 'search',
  description: 'search codes by number, reason phrase or words (English or Indonesian, typos tolerated)',
  arguments: [new Argument('<query...>', 'what to look for')],
  options: [new Option('--limit <n>', 'maximum results').default(10).argParser(integer('--limit', 1, 200))],
  run: (args, options, ctx) => import('../runners/search.ts').then((runner) => runner.runSearch(args, options, ctx)),
};
