import 'server-only';
import { z } from 'zod';
import { sharedFieldMessage } from '@/server/modules/auth/schemas';

/** Field messages read as the end of a sentence about the field: "email: is required". */
z.config({ customError: sharedFieldMessage });
