import { createHash } from 'node:crypto';
import { formatLocalDate, localDateOf, localTimeOf } from '../../shared/domain/calendar/vietnam-time.js';
import type { LookupResponse } from '../../shared/sync/protocol.js';
import { html, Html } from '../dashboard/page/html.js';

// The page a citizen's phone opens from the receipt's QR code: the same facts as the JSON lookup
// (status, procedure, appointment), in Vietnamese, with nothing personal on it. Plain HTML with one
// inline style sheet allowed by its hash: no script, nothing fetched from elsewhere, readable on any
// phone with scripts off.

const STYLE = `
body{margin:0;font-family:'Segoe UI','Noto Sans',Roboto,Arial,sans-serif;font-size:17px;line-height:1.5;color:#1a2330;background:#f3f5f8}
header{background:#0b3a66;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-weight:600}
main{max-width:36rem;margin:1rem auto;padding:1rem;background:#fff;border:1px solid #cfd6df;border-radius:6px}
h1{font-size:1.3rem;margin:0 0 .75rem}
dl{margin:0}
dt{font-weight:600;color:#4a5565;margin-top:.75rem}
dd{margin:0;overflow-wrap:anywhere}
.status{font-size:1.2rem;font-weight:700;color:#0b4f8a}
.note{font-size:.9rem;color:#4a5565;margin-top:1.25rem}
`;

/** The Content-Security-Policy's allowance for STYLE, and nothing else. */
export const LOOKUP_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function documentOf(title: string, body: Html): string {
  return `<!doctype html>${html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} — Một cửa Hạ Long</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header><p>Một cửa Hạ Long — Tra cứu tình trạng hồ sơ</p></header>
<main>${body}</main>
</body>
</html>`.text}`;
}

/** '16 giờ 00 phút, ngày 10/12/2026' in Vietnam time, as the receipt writes the appointment. */
function vietnamHourMinuteDay(instant: string): string {
  const [hour, minute] = localTimeOf(instant).split(':');
  return `${hour} giờ ${minute} phút, ngày ${formatLocalDate(localDateOf(instant))}`;
}

/** A dossier's status, as the receipt's QR opens it. `checkedAt`: the centre's time of the answer. */
export function lookupPage(found: LookupResponse, checkedAt: string): string {
  return documentOf(
    `Hồ sơ ${found.code}`,
    html`<h1>Tình trạng hồ sơ</h1>
<dl>
<dt>Mã hồ sơ</dt><dd>${found.code}</dd>
<dt>Thủ tục</dt><dd>${found.procedureName}</dd>
<dt>Tình trạng</dt><dd class="status">${found.statusLabel}</dd>
<dt>Thời gian hẹn trả kết quả</dt><dd>${found.appointmentAt === null ? 'Chưa có' : vietnamHourMinuteDay(found.appointmentAt)}</dd>
</dl>
<p class="note">Thông tin tại trung tâm lúc ${vietnamHourMinuteDay(checkedAt)} (giờ Việt Nam). Hồ sơ được cập nhật khi bộ phận một cửa đồng bộ với trung tâm; nếu cần, xin liên hệ nơi đã nộp hồ sơ.</p>`,
  );
}

/** The page for a lookup that found nothing, was malformed, came too often, or failed. */
export function lookupProblemPage(title: string, message: string): string {
  return documentOf(title, html`<h1>${title}</h1><p>${message}</p><p class="note">Mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, ví dụ 000.15.20.H49-261123-1001.</p>`);
}
