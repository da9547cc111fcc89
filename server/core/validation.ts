import 'server-only';
import { z } from 'zod';

/** Field messages read as the end of a sentence about the field: "email: is required". */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    return undefined;
  },
});
