/** `httpwhy list --class 5xx --vendor nginx`. */
import { ISSUERS, STANDINGS, VENDORS, type CodeFilter } from '../../codes/index.ts';
import { Option, type CommandDeclaration } from '../command.ts';

export type ListOptions = Pick<CodeFilter, 'class' | 'vendor' | 'standing' | 'issuer'>;

export const listCommand: CommandDeclaration<[], ListOptions> = {
  name: 'list',
  description: 'list codes, optionally filtered',
  arguments: [],
  options: [
    new Option('--class <class>', 'status class').choices(['1xx', '2xx', '3xx', '4xx', '5xx', 'other']),
    new Option('--vendor <vendor>', 'vendor, or "none" for registry codes').choices([...VENDORS, 'none']),
    new Option('--standing <standing>', 'standing').choices([...STANDINGS]),
    new Option('--issuer <issuer>', 'component that issues it').choices([...ISSUERS]),
  ],
  run: (args, options, ctx) => import('../runners/list.ts').then((runner) => runner.runList(args, options, ctx)),
};
