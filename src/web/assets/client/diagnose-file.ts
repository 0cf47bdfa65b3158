// On /diagnose: reveal the file picker and put the chosen file (a HAR, a saved response) into the textarea,
// or accept a file dropped onto the textarea. Without JavaScript the paste box alone works.
export function enableDiagnoseFile(): void {
  const input = document.getElementById('file') as HTMLInputElement | null;
  const area = document.getElementById('input') as HTMLTextAreaElement | null;
  if (!input || !area || !(window.File && window.FileReader)) return;
  const label = document.querySelector<HTMLLabelElement>('label.file-label');
  input.hidden = false;
  if (label) label.hidden = false;
  const load = (file: File | undefined) => {
    if (!file) return;
    void file.text().then((text) => {
      area.value = text;
    });
  };
  input.addEventListener('change', () => load(input.files?.[0]));
  area.addEventListener('dragover', (event) => event.preventDefault());
  area.addEventListener('drop', (event) => {
    event.preventDefault();
    load(event.dataTransfer?.files[0]);
  });
}
