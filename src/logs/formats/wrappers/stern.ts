/**
 * stern's default output: `{{color .PodColor .PodName}} {{color .ContainerColor .ContainerName}} {{.Message}}`
 * (stern's `cmd` package), so `<pod> <container> <line>`, each name in one ANSI colour on a terminal. Any two words
 * start a text line the same way, so the wrapper is loose (see Wrapper), and the pod's name must look like one a
 * controller made: a DNS subdomain with a `-` in it (`web-7d9c4-x2x9z`, `nginx-ingress-controller-v92ft`).
 */
import { skipControls, type WrappedLine, type Wrapper } from './wrapped-line.ts';
import { DNS_LABEL } from './k8s-names.ts';

const POD_NAME = /^[a-z0-9][a-z0-9.]*-[a-z0-9.-]*[a-z0-9]$/;
const CONTAINER_NAME = new RegExp(`^${DNS_LABEL}$`);

/** Longer than any pod or container name (DNS names: 253 characters at most) with its colour codes. */
const MAX_NAME = 270;

/**
 * The coloured or plain name at `at`: where it starts and ends without its colour codes, and where the rest starts.
 * Scanned within the line and a name's length: `text` is a whole chunk of the input, and this runs on every line.
 */
function nameAt(text: string, at: number, end: number): { from: number; to: number; next: number } | null {
  const from = skipControls(text, at, end);
  const limit = Math.min(end, from + MAX_NAME);
  let to = from;
  while (to < limit && text.charCodeAt(to) !== 32 && text.charCodeAt(to) !== 27) to++;
  const space = skipControls(text, to, limit);
  if (space >= limit || text.charCodeAt(space) !== 32) return null;
  return { from, to, next: space + 1 };
}

export const stern: Wrapper = {
  id: 'stern',
  loose: true,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const pod = nameAt(text, start, end);
    if (!pod || !POD_NAME.test(text.slice(pod.from, pod.to))) return false;
    const container = nameAt(text, pod.next, end);
    if (!container || !CONTAINER_NAME.test(text.slice(container.from, container.to))) return false;
    line.setHost(text, pod.from, pod.to);
    line.start = container.next;
    return true;
  },
};
