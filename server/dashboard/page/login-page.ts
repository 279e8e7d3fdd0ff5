import { banner, documentOf } from './layout.js';
import { html } from './html.js';

/** The sign-in form; it posts to /dashboard/login, which uses the centre's staff accounts. */
export function loginPage(options: { message: string | null; username: string }): string {
  return documentOf(
    'Đăng nhập',
    html`${banner(null)}
<main class="login">
  <h1>Bảng điều hành toàn thành phố</h1>
  <p class="login__lead">Đăng nhập bằng tài khoản cán bộ trung tâm để xem số liệu của 33 phường, xã.</p>
  ${options.message === null ? '' : html`<p class="notice notice--error" role="alert">${options.message}</p>`}
  <form class="login__form" method="post" action="/dashboard/login">
    <label for="username">Tên đăng nhập</label>
    <input id="username" name="username" type="text" autocomplete="username" required maxlength="100" value="${options.username}" autofocus>
    <label for="password">Mật khẩu</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
    <button type="submit" class="button">Đăng nhập</button>
  </form>
</main>`,
  );
}
