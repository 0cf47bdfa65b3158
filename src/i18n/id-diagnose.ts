/** Indonesian words of the diagnosis engine; the `Messages` type makes a missing key a compile error. */
import type { Messages } from './catalogue.ts';

export const idDiagnose: Messages['diagnose'] = {
  unknownSummary: (status, responded) =>
    status !== null
      ? `Tidak ada fingerprint yang mengenali komponen yang membuat respons ${status} ini.`
      : responded
        ? 'Tidak ada fingerprint yang mengenali komponen yang membuat respons ini, dan respons itu tidak menyebut statusnya.'
        : 'Tidak ada fingerprint yang menjelaskan kegagalan ini (tidak ada respons HTTP yang kembali).',
  inPathHint: (components) =>
    ` Di jalur request: ${components}. Tidak satu pun halaman error bawaan mereka yang cocok, jadi respons ini kemungkinan besar berasal dari belakang mereka (aplikasi) atau dari halaman error kustom.`,
  loggedUnknownSummary: (status, components) =>
    `Baris log ini menunjukkan ${status}, tetapi field-nya sendiri tidak menyebut siapa yang menjawab: tidak ada yang menunjukkan ${components || 'komponen yang menulisnya'} gagal, dan tidak ada yang menunjukkan upstream yang menjawab. Log yang mencatat status dari upstream (nginx $upstream_status, termination state HAProxy) atau error log pada jam itu yang bisa memastikannya.`,
  loggedProxySummary: (status, format) =>
    `Baris log ini menyebut bahwa komponen yang menulisnya menjawab ${status} sendiri (format log ${format}), beserta alasannya (di bawah): field-nya sendiri menunjukkan kegagalan di sisinya, bukan jawaban dari upstream. Belum ada fingerprint httpwhy yang mengenali baris log itu, jadi komponennya tidak disebut di sini.`,
  noErrorSummary: (status) => `HTTP ${status} bukan status error, jadi tidak ada yang perlu didiagnosis.`,
  skipped: (count) => `${count} respons lain tanpa status error tidak ditampilkan.`,
  genericCauses: ['Komponen yang menjawab tidak dikenal httpwhy, atau ia menyajikan halaman error kustom.'],
  genericWhere: ['Access log dan error log setiap proxy, load balancer, dan aplikasi di jalur request, pada jam request tersebut.'],
  unknownSteps: [
    'Ambil respons lengkapnya dengan curl -sv (status line, header, dan body), jangan screenshot.',
    'Lewati lapisan satu per satu (panggil origin langsung dengan header Host yang benar, lalu port aplikasi dari host proxy) untuk menemukan lapisan mana yang menjawab seperti ini.',
    'Bandingkan header Server, Via, dan X-Powered-By serta body-nya dengan yang dikirim setiap komponen Anda.',
  ],
  note: {
    sentAsSuccess: (status) => `Status-nya ${status}, tetapi body-nya adalah halaman komponen ini untuk request yang ditolaknya atau tidak bisa dilayaninya: halaman itu dikirim dengan status sukses kecuali dikonfigurasi lain, jadi client dan monitor yang hanya memeriksa status tidak melihat kegagalan.`,
    truncated: 'Body-nya lebih pendek dari Content-Length: transfernya terpotong (atau tempelannya tidak lengkap).',
    bodyAbsent:
      'Input ini tidak membawa body untuk respons tersebut (HEAD, curl -I, curl --fail, atau entri HAR tanpa content). Halaman error adalah bukti terkuat: kalau bisa, ambil body-nya dengan curl -i.',
    ambiguous: (others) => `Fingerprint komponen lain juga cocok sama kuatnya (${others}), jadi tingkat keyakinannya diturunkan.`,
    kbGeneral: (status) => `Penyebab dan tempat pengecekan di atas adalah yang umum untuk ${status}, dari knowledge base kode status.`,
    unquoted: 'Body-nya dibaca dari string yang dicetak client (tanda kutip dan escape-nya sudah diurai).',
    'json-error-field': 'Client hanya mencetak pesan error dari body JSON yang diterimanya (npm mencetak field error dari body itu), jadi field lain dari body tersebut tidak terlihat.',
    dechunked: 'Body-nya dikirim dengan Transfer-Encoding: chunked dan ditempel beserta baris ukuran chunk-nya; baris-baris itu dibuang sebelum pencocokan.',
    compressed:
      'Body-nya terkompresi (Content-Encoding) dan ditempel sebagai byte mentah, jadi tidak bisa dibaca. Ambil ulang dengan curl --compressed, atau kirim Accept-Encoding: identity.',
    rebuilt: (length) =>
      `Body-nya tidak ikut terambil, tetapi Content-Length-nya (${length} byte) persis sama dengan ukuran halaman error bawaan komponen itu untuk status dan header Server ini, yang setiap byte-nya ditetapkan oleh source-nya; halaman itulah yang dicocokkan sebagai gantinya, dengan keyakinan satu tingkat lebih rendah.`,
    visibleText:
      'Markup halamannya tidak terbaca seperti yang ditulis komponennya (indentasinya diubah, atau berubah saat ditempel), jadi yang dicocokkan adalah kata-kata yang terlihat di halaman, seperti teks yang disalin dari browser; kata-kata itu bisa juga berasal dari halaman lain yang dikutip di dalamnya, jadi tingkat keyakinannya rendah.',
    clientWords:
      'Dibaca dari kata-kata client sebagaimana dicetak: kalau kata-kata itu datang sebagai body sebuah respons (halaman di browser, error dari API) dan bukan dari client Anda sendiri, server yang mengirimnya sendiri yang melakukan panggilan ini dan gagal, jadi upstream server itulah yang tidak menjawab.',
    cutJson:
      'JSON-nya terpotong di ujung tempelan: ia dibaca sampai field lengkap terakhirnya, dan tidak ada yang diasumsikan setelah potongannya.',
    impliedStatus: (status) =>
      `Baris error log ini tidak menyebut status; ${status} adalah jawaban proxy itu untuk kegagalan yang disebutnya (menurut source-nya), jadi keyakinannya turun satu tingkat.`,
    partOnly: {
      body: 'Yang diberikan hanya body respons (tanpa status line, tanpa header): statusnya diambil dari field body itu sendiri kalau ada, dan fingerprint header tidak bisa diperiksa. Respons lengkap (curl -i) memberi lebih banyak petunjuk.',
      'page-source':
        'Yang diberikan hanya source halamannya (tanpa status line, tanpa header): statusnya diambil dari halaman itu, dan fingerprint header tidak bisa diperiksa. Respons lengkap (curl -i) memberi lebih banyak petunjuk.',
      'page-text':
        'Yang diberikan hanya teks halamannya (tanpa status line, tanpa header): statusnya diambil dari kata-katanya, dan fingerprint header tidak bisa diperiksa. Respons lengkap (curl -i) memberi lebih banyak petunjuk.',
      'client-message':
        'Yang diberikan hanya pesan error dari HTTP client (tanpa status line, tanpa header): statusnya diambil dari kata-kata client itu, body hanya ada kalau client mencetaknya, dan fingerprint header tidak bisa diperiksa. Respons lengkap (curl -i) memberi lebih banyak petunjuk.',
      'log-line':
        'Dibaca dari satu baris access log, dengan parser milik penganalisis log (httpwhy logs): tanpa header dan tanpa body, jadi yang menentukan adalah status dan isi field baris itu sendiri. Log lengkap, bersama error log dan log aplikasi, memberi lebih banyak petunjuk (httpwhy logs).',
    },
  },
  verdict: { identified: 'teridentifikasi', unknown: 'tidak diketahui', 'no-error': 'bukan error' },
  label: {
    response: 'respons',
    entry: (n, request) => `entri ${n}: ${request}`,
    request: (request) => `respons untuk ${request}`,
    logLine: (n, request) => `baris log ${n}${request ? `: ${request}` : ''}`,
    issuer: 'Dikeluarkan oleh',
    reporter: 'Dilaporkan oleh (tanpa respons HTTP)',
    application: 'aplikasi di belakangnya (atau hop berikutnya)',
    applicationBehindOne: 'aplikasi di belakangnya (atau hop berikutnya)',
    applicationAlone: 'aplikasinya',
    inferred: 'disimpulkan dengan eliminasi',
    inferredFromHost: 'disimpulkan dari host request-nya',
    inferredFromClient: 'disimpulkan dari library client-nya',
    confidence: 'keyakinan',
    path: 'Jalur',
    issuedHere: 'dikeluarkan di sini',
    reportedHere: 'dilaporkan di sini',
    evidence: 'Bukti',
    noStatus: 'status tidak terlihat',
    emptyBody: 'body kosong',
    requestSentTo: 'request dikirim ke',
    clientLibrary: 'library client:',
    absentHeader: 'tanpa header',
    causes: 'Kemungkinan penyebab',
    where: 'Periksa lebih dulu',
    next: 'Langkah berikutnya',
    proxyAnswers: 'Jawaban proxy di depannya',
    statusAlreadySent: 'status sudah terkirim, body terpotong',
    meaning: 'Arti status',
    alternatives: 'Kemungkinan lain',
    seen: 'Yang terlihat',
    notes: 'Catatan',
    hops: 'Respons sebelumnya',
  },
};
