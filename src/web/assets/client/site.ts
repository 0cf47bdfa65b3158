// Progressive enhancement only: every page works without this script.
import { enableDiagnoseFile } from './diagnose-file.ts';
import { enhanceQuiz } from './quiz.ts';

function enableCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy[data-copy]')) {
    const target = document.getElementById(button.dataset.copy ?? '');
    if (!target || !navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent ?? '';
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(target.textContent ?? '').then(() => {
        button.textContent = '✓';
        setTimeout(() => (button.textContent = label), 1500);
      });
    });
  }
}

document.addEventListener('DOMContentLoaded', () => {
  enableCopyButtons();
  enhanceQuiz();
  enableDiagnoseFile();
});
