'use client';

import { createContext, type ReactNode, useContext } from 'react';

/**
 * Whether the viewer may change anything (platform.admin) or only read (platform.support). The
 * server refuses a support user's writes anyway; hiding the controls keeps them from trying.
 */
const AdminAccess = createContext<{ canWrite: boolean }>({ canWrite: false });

export function AdminAccessProvider({ canWrite, children }: { canWrite: boolean; children: ReactNode }) {
  return <AdminAccess.Provider value={{ canWrite }}>{children}</AdminAccess.Provider>;
}

export const useCanWrite = () => useContext(AdminAccess).canWrite;

/** Grey inputs in a disabled fieldset, so a read-only form reads as one. */
export const readOnlyFieldset =
  'min-w-0 [&_input:disabled]:bg-muted [&_input:disabled]:text-muted-foreground [&_select:disabled]:bg-muted';
