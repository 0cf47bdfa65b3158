/** The one confidence scale of every verdict httpwhy gives (a diagnosis, a log line's classification), strongest first. */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
/** How sure a verdict is: `high`, `medium` or `low`. */
export type Confidence = (typeof CONFIDENCES)[number];
