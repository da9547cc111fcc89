import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { UiPreview } from '@/components/ui/preview/ui-preview';
import { getRuntime } from '@/server/core/runtime';

export const metadata: Metadata = { title: 'Design system', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * Every component of components/ui with sample data, to look at while building screens. Like
 * the dev mailbox it exists only when APP_ENV=development; anywhere else the page is a 404.
 */
export default function DevUiPage() {
  if (getRuntime().config.appEnv !== 'development') notFound();
  return <UiPreview />;
}
