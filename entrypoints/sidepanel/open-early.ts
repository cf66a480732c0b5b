import { getDb } from '@/lib/runtime/db';

// Imported first by main.tsx: the database opens while the rest of the panel's modules evaluate
// and it renders; the note's lookup waits on this open. Failures are reported by `databaseProblem`.
getDb()
  .open()
  .catch(() => {});
