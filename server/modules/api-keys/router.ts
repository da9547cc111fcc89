import 'server-only';
import { router } from '@/server/core/trpc';

export const apiKeysRouter = router({});
