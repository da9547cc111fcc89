import 'server-only';
import { router } from '@/server/core/trpc';

export const flagsRouter = router({});
