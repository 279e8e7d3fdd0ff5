import { html, type Html } from './html.js';

// The document around every dashboard page: Vietnamese, one style sheet, no script (the page works
// and stays safe with scripts off; the CSP forbids them outright).

export const STYLESHEET_PATH = '/dashboard/dashboard.css';
export const ICON_PATH = '/dashboard/icon.svg';

export interface SignedIn {
  username: string;
  role: 'admin' | 'staff';
}

const ROLE_LABELS = { admin: 'quản trị viên', staff: 'cán bộ trung tâm' } as const;

export function documentOf(title: string, body: Html): string {
  return `<!doctype html>${html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} — Một cửa Hạ Long</title>
<link rel="icon" href="${ICON_PATH}" type="image/svg+xml">
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>${body}</body>
</html>`.text}`;
}

export function banner(user: SignedIn | null): Html {
  return html`<header class="banner">
  <div class="banner__title">
    <span class="banner__app">Một cửa Hạ Long</span>
    <span class="banner__place">Trung tâm Phục vụ hành chính công thành phố</span>
  </div>
  ${
    user === null
      ? ''
      : html`<form class="banner__user" method="post" action="/dashboard/logout">
    <span>Đăng nhập: <strong>${user.username}</strong> (${ROLE_LABELS[user.role]})</span>
    <button type="submit" class="button button--quiet">Đăng xuất</button>
  </form>`
  }
</header>`;
}
