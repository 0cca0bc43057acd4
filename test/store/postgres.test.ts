import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import { runStoreConformance } from './store.case.js';

/** The PostgreSQL server the machine runs (CI too); override with DATELINE_TEST_PG. */
const url = process.env.DATELINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `dateline_test_${process.pid}_${Date.now()}`;

runStoreConformance(
  'PostgreSQL',
  () => openStore(url, { schema }),
  async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  },
);
