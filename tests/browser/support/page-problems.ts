import type { Page } from '@playwright/test';

/**
 * Collects what a user would never see but a broken page shows: console errors (Chromium reports every
 * Content-Security-Policy refusal there) and uncaught exceptions. Attach before the first navigation.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  return problems;
}
