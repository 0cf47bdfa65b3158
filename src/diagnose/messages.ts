/**
 * The diagnosis engine's own words, in English and Indonesian: verdicts when no fingerprint speaks,
 * notes about the input, and the labels of the text report. Fingerprint prose lives in the data files.
 */
import type { Locale } from '../codes/index.ts';
import type { Confidence, Verdict } from './types.ts';

export interface Messages {
  /** `status` is null when no HTTP response came back. */
  unknownSummary: (status: number | null) => string;
  inPathHint: (components: string) => string;
  noErrorSummary: (status: number) => string;
  /** Several responses (a HAR file): the ones without an error status are only counted. */
  skipped: (count: number) => string;
  genericCauses: string[];
  genericWhere: string[];
  unknownSteps: string[];
  note: {
    truncated: string;
    bodyAbsent: string;
    ambiguous: (others: string) => string;
    kbGeneral: (status: number) => string;
  };
  confidence: Record<Confidence, string>;
  verdict: Record<Verdict, string>;
  label: {
    issuer: string;
    confidence: string;
    path: string;
    issuedHere: string;
    evidence: string;
    emptyBody: string;
    absentHeader: string;
    causes: string;
    where: string;
    next: string;
    proxyAnswers: string;
    statusAlreadySent: string;
    meaning: string;
    alternatives: string;
    seen: string;
    notes: string;
    hops: string;
  };
}

const en: Messages = {
  unknownSummary: (status) =>
    status === null
      ? 'No fingerprint explains this failure (no HTTP response came back).'
      : `No fingerprint identifies the component that produced this ${status} response.`,
  inPathHint: (components) =>
    ` In the path: ${components}. None of their built-in error pages matched, so the response most likely came from behind them (the application) or from a custom error page.`,
  noErrorSummary: (status) => `HTTP ${status} is not an error status, so there is nothing to diagnose.`,
  skipped: (count) => `${count} more response(s) without an error status are not shown.`,
  genericCauses: ['The component that answered is not one httpwhy knows, or it serves a custom error page.'],
  genericWhere: ['The access and error logs of every proxy, load balancer and application on the path, at the time of the request.'],
  unknownSteps: [
    'Capture the complete response with curl -sv (status line, headers and body), not a screenshot.',
    'Bypass the layers one by one (call the origin directly with the right Host header, then the application port from the proxy host) to find which layer answers this way.',
    'Compare the Server, Via and X-Powered-By headers and the body with what each of your components sends.',
  ],
  note: {
    truncated: 'The body is shorter than its Content-Length: the transfer was cut off (or the paste is incomplete).',
    bodyAbsent:
      'The input has no body for this response (HEAD, curl -I, curl --fail or a HAR entry without content). Error pages are the strongest evidence: capture the body with curl -i if you can.',
    ambiguous: (others) => `Fingerprints of another component match just as well (${others}), so the confidence is lowered.`,
    kbGeneral: (status) => `The causes and places to look are the general ones for ${status} from the status-code knowledge base.`,
  },
  confidence: { high: 'high', medium: 'medium', low: 'low' },
  verdict: { identified: 'identified', unknown: 'issuer unknown', 'no-error': 'not an error' },
  label: {
    issuer: 'Issued by',
    confidence: 'confidence',
    path: 'Path',
    issuedHere: 'issued here',
    evidence: 'Evidence',
    emptyBody: 'empty body',
    absentHeader: 'no header',
    causes: 'Likely causes',
    where: 'Where to look first',
    next: 'Next steps',
    proxyAnswers: 'A proxy in front would answer',
    statusAlreadySent: 'status already sent, body cut short',
    meaning: 'Status meaning',
    alternatives: 'Also possible',
    seen: 'Seen',
    notes: 'Notes',
    hops: 'Earlier responses',
  },
};

const id: Messages = {
  unknownSummary: (status) =>
    status === null
      ? 'Tidak ada fingerprint yang menjelaskan kegagalan ini (tidak ada response HTTP yang kembali).'
      : `Tidak ada fingerprint yang mengenali komponen pembuat response ${status} ini.`,
  inPathHint: (components) =>
    ` Di jalur request: ${components}. Tidak satu pun halaman error bawaan mereka yang cocok, jadi response ini kemungkinan besar berasal dari belakang mereka (aplikasi) atau dari halaman error kustom.`,
  noErrorSummary: (status) => `HTTP ${status} bukan status error, jadi tidak ada yang perlu didiagnosis.`,
  skipped: (count) => `${count} response lain tanpa status error tidak ditampilkan.`,
  genericCauses: ['Komponen yang menjawab tidak dikenal httpwhy, atau ia menyajikan halaman error kustom.'],
  genericWhere: ['Access log dan error log setiap proxy, load balancer, dan aplikasi di jalur request, pada jam request tersebut.'],
  unknownSteps: [
    'Ambil response lengkapnya dengan curl -sv (status line, header, dan body), jangan screenshot.',
    'Lewati layer satu per satu (panggil origin langsung dengan header Host yang benar, lalu port aplikasi dari host proxy) untuk menemukan layer mana yang menjawab seperti ini.',
    'Bandingkan header Server, Via, dan X-Powered-By serta body-nya dengan yang dikirim setiap komponen Anda.',
  ],
  note: {
    truncated: 'Body-nya lebih pendek dari Content-Length: transfernya terpotong (atau tempelannya tidak lengkap).',
    bodyAbsent:
      'Input ini tidak membawa body untuk response tersebut (HEAD, curl -I, curl --fail, atau entri HAR tanpa content). Halaman error adalah bukti terkuat: kalau bisa, ambil body-nya dengan curl -i.',
    ambiguous: (others) => `Fingerprint komponen lain juga cocok sama kuatnya (${others}), jadi tingkat keyakinannya diturunkan.`,
    kbGeneral: (status) => `Penyebab dan tempat pengecekan di atas adalah yang umum untuk ${status}, dari knowledge base kode status.`,
  },
  confidence: { high: 'tinggi', medium: 'sedang', low: 'rendah' },
  verdict: { identified: 'teridentifikasi', unknown: 'penerbit tidak diketahui', 'no-error': 'bukan error' },
  label: {
    issuer: 'Diterbitkan oleh',
    confidence: 'keyakinan',
    path: 'Jalur',
    issuedHere: 'diterbitkan di sini',
    evidence: 'Bukti',
    emptyBody: 'body kosong',
    absentHeader: 'tanpa header',
    causes: 'Kemungkinan penyebab',
    where: 'Cek pertama di',
    next: 'Langkah berikutnya',
    proxyAnswers: 'Jawaban proxy di depannya',
    statusAlreadySent: 'status sudah terkirim, body terpotong',
    meaning: 'Arti status',
    alternatives: 'Kemungkinan lain',
    seen: 'Yang terlihat',
    notes: 'Catatan',
    hops: 'Response sebelumnya',
  },
};

export const MESSAGES: Record<Locale, Messages> = { en, id };
