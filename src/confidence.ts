/** The one confidence scale of every verdict httpwhy gives (a diagnosis, a log line's classification), strongest first. */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
