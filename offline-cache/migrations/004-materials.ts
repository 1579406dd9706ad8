import type { Migration } from '../migrations.js';

/**
 * Scanned materials of a request (the pages of a document application), written in the enqueue
 * transaction with the request and its outbox row, so an application is saved whole or not at
 * all. `data` is sealed like a payload (AES-256-GCM, bound to the request's idempotency key and
 * the material's position, media type and pages, so a row's bytes do not open in another row or
 * place) and erased with the payload (purge, discard): `purged_at` records when. `byte_length` is
 * the plain size (what the tus upload declares). `upload_url` is the platform's tus upload,
 * recorded when created so a restart resumes it; `uploaded_at` once the platform holds it all.
 * Positions are 1, 2, 3… in the order the documents go into the application.
 */
export const materialsMigration: Migration = {
  version: 4,
  name: 'materials',
  up: (db) => {
    db.exec(`
      CREATE TABLE materials (
        material_id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(request_id),
        position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
        content_type TEXT NOT NULL
          CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        pages INTEGER NOT NULL CHECK (pages BETWEEN 1 AND 200),
        byte_length INTEGER NOT NULL CHECK (byte_length BETWEEN 1 AND 52428800),
        data BLOB CHECK (data IS NULL OR length(data) > byte_length),
        upload_url TEXT CHECK (upload_url IS NULL OR upload_url GLOB '/v1/uploads/?*'),
        uploaded_at TEXT,
        purged_at TEXT,
        UNIQUE (request_id, position),
        CHECK ((data IS NULL) = (purged_at IS NOT NULL)),
        CHECK (uploaded_at IS NULL OR upload_url IS NOT NULL)
      ) STRICT;
    `);
  },
};
