import { build } from 'vite';

/**
 * Builds the staff app from the current sources, so a browser test never runs against a stale bundle.
 * Vitest sets NODE_ENV=test, which would make Vite bundle React's development build into dist/web.
 */
export default async function setup(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
