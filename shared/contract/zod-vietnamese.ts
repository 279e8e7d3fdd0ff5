import { z } from 'zod';

// Schema failures reach the officer as messages: zod ships a Vietnamese locale, so use it.
z.config(z.locales.vi());
