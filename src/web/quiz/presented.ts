/** What the reader sees of a quiz question and of the feedback on an answer (the page, the JSON API and the client script share it). */
export interface QuizOption {
  value: string;
  label: string;
}

export interface PresentedQuestion {
  prompt: string;
  /**
   * What the question shows: a description (symptom), a raw response (response), a real capture with the
   * gateway's log lines (who-failed); none for retry.
   */
  exhibit: { kind: 'quote'; text: string } | { kind: 'response'; text: string } | { kind: 'capture'; label: string; text: string; logLabel: string; log: string } | null;
  options: QuizOption[];
}

export interface QuizLink {
  href: string;
  text: string;
}

/** Everything the answer page and the JSON endpoint return; the client script renders the same fields. */
export interface QuizFeedback {
  correct: boolean;
  chosen: string;
  answer: string;
  verdict: string;
  explanation: { label: string; text: string }[];
  more: QuizLink;
  progress: string;
  next: QuizLink;
}
