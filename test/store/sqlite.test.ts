import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { runStoreConformance } from './store.case.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-store-'));
runStoreConformance('SQLite file', () => openStore(join(dir, 'test.db')), async () => rmSync(dir, { recursive: true, force: true }));
