using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Storage;

/// <summary>
/// Versioned schema changes, applied in order inside a transaction each; the applied version is kept in
/// <c>PRAGMA user_version</c>. Never edit a released migration: add the next one.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly string[] Migrations =
    [
        // 1: posts, classifications, cursors, incidents, incident events, the alert outbox
        """
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            municipality TEXT NOT NULL,
            first_seen_at TEXT NOT NULL
        );
        CREATE TABLE cursors (
            source_id TEXT PRIMARY KEY REFERENCES sources(id),
            municipality TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE posts (
            key TEXT PRIMARY KEY,
            municipality TEXT NOT NULL,
            network TEXT NOT NULL,
            source_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent_key TEXT,
            author_id TEXT,
            author_name TEXT,
            published_at TEXT NOT NULL,
            text TEXT NOT NULL,
            url TEXT,
            likes INTEGER NOT NULL DEFAULT 0,
            comments INTEGER NOT NULL DEFAULT 0,
            reposts INTEGER NOT NULL DEFAULT 0,
            views INTEGER NOT NULL DEFAULT 0,
            repost_of TEXT,
            attachments TEXT,
            content_hash TEXT NOT NULL,
            locality_id TEXT,
            locality_match TEXT,
            stored_at TEXT NOT NULL,
            text_erased_at TEXT
        );
        CREATE INDEX ix_posts_published ON posts(municipality, published_at);
        CREATE INDEX ix_posts_parent ON posts(parent_key) WHERE parent_key IS NOT NULL;
        CREATE TABLE classifications (
            post_key TEXT PRIMARY KEY REFERENCES posts(key),
            municipality TEXT NOT NULL,
            sector TEXT NOT NULL,
            is_appeal INTEGER NOT NULL,
            risk_level TEXT NOT NULL,
            risk_score REAL NOT NULL,
            reasons TEXT NOT NULL,
            model_version TEXT NOT NULL,
            classified_at TEXT NOT NULL
        );
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            municipality TEXT NOT NULL,
            post_key TEXT NOT NULL UNIQUE REFERENCES posts(key),
            sector TEXT NOT NULL,
            locality_id TEXT,
            recipient_id TEXT NOT NULL,
            priority TEXT NOT NULL,
            risk_level TEXT NOT NULL,
            status TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            due_at TEXT NOT NULL,
            routing_reason TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_incidents_status ON incidents(municipality, status, due_at);
        CREATE TABLE incident_posts (
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            municipality TEXT NOT NULL,
            post_key TEXT NOT NULL REFERENCES posts(key),
            added_at TEXT NOT NULL,
            PRIMARY KEY (incident_id, post_key)
        );
        CREATE TABLE incident_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            municipality TEXT NOT NULL,
            type TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            details TEXT
        );
        CREATE INDEX ix_incident_events_incident ON incident_events(incident_id);
        CREATE TABLE alert_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            municipality TEXT NOT NULL,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            recipient_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            claimed_until TEXT,
            sent_at TEXT,
            channel TEXT,
            delivery_id TEXT,
            last_error TEXT
        );
        CREATE INDEX ix_alert_outbox_pending ON alert_outbox(next_attempt_at) WHERE sent_at IS NULL;
        """,

        // 2: the search index outbox (every new or changed post and incident, for Elasticsearch) and full-text
        // search over post texts for `query` on SQLite alone. The outbox id doubles as the document version:
        // a later change of a document always has a larger id.
        """
        CREATE TABLE index_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            municipality TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            indexed_at TEXT,
            dead_at TEXT,
            last_error TEXT
        );
        CREATE INDEX ix_index_outbox_pending ON index_outbox(next_attempt_at) WHERE indexed_at IS NULL AND dead_at IS NULL;
        CREATE INDEX ix_index_outbox_doc ON index_outbox(doc_type, doc_id);
        INSERT INTO index_outbox (municipality, doc_type, doc_id, created_at, next_attempt_at)
            SELECT municipality, 'post', key, stored_at, stored_at FROM posts ORDER BY rowid;
        INSERT INTO index_outbox (municipality, doc_type, doc_id, created_at, next_attempt_at)
            SELECT municipality, 'incident', CAST(id AS TEXT), updated_at, updated_at FROM incidents ORDER BY id;

        CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', detail='none', columnsize=0);
        CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
            INSERT INTO posts_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
            INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts BEGIN
            INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
            INSERT INTO posts_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        INSERT INTO posts_fts(posts_fts) VALUES ('rebuild');
        """,

        // 3: edits keep their history; sources carry the one source model (type, address, display name).
        """
        ALTER TABLE posts ADD COLUMN edited_at TEXT;
        CREATE TABLE post_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            post_key TEXT NOT NULL REFERENCES posts(key),
            municipality TEXT NOT NULL,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        );
        CREATE INDEX ix_post_versions_post ON post_versions(post_key);
        ALTER TABLE sources ADD COLUMN type TEXT;
        ALTER TABLE sources ADD COLUMN address TEXT;
        ALTER TABLE sources ADD COLUMN display_name TEXT;
        CREATE INDEX ix_incidents_merge ON incidents(municipality, sector, locality_id, opened_at);
        CREATE INDEX ix_incident_posts_post ON incident_posts(post_key);
        """,

        // 4: the incident lifecycle (two clocks, cycles restarted by reassignment and reopening, the official
        // answer and its completeness), the Telegram bot (chats bound with one-time invite codes, conversations,
        // one delivery row per chat), the audit log and officers' corrections kept as training feedback.
        """
        ALTER TABLE incidents ADD COLUMN answer_due_at TEXT;
        ALTER TABLE incidents ADD COLUMN clock_started_at TEXT;
        ALTER TABLE incidents ADD COLUMN cycle INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE incidents ADD COLUMN first_reaction_at TEXT;
        ALTER TABLE incidents ADD COLUMN answered_at TEXT;
        ALTER TABLE incidents ADD COLUMN closed_at TEXT;
        ALTER TABLE incidents ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE incidents ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE incidents ADD COLUMN answer_post_key TEXT;
        ALTER TABLE incidents ADD COLUMN answer_text TEXT;
        ALTER TABLE incidents ADD COLUMN answer_score INTEGER;
        ALTER TABLE incidents ADD COLUMN answer_details TEXT;
        ALTER TABLE incidents ADD COLUMN reject_reason TEXT;
        UPDATE incidents SET answer_due_at = due_at, clock_started_at = opened_at;
        ALTER TABLE alert_outbox ADD COLUMN details TEXT;
        CREATE TABLE alert_deliveries (
            alert_id INTEGER NOT NULL REFERENCES alert_outbox(id),
            target TEXT NOT NULL,
            message_id TEXT,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (alert_id, target)
        );
        CREATE TABLE recipient_chats (
            chat_id TEXT NOT NULL,
            recipient_id TEXT NOT NULL,
            municipality TEXT NOT NULL,
            bound_at TEXT NOT NULL,
            bound_by TEXT,
            PRIMARY KEY (chat_id, recipient_id)
        );
        CREATE INDEX ix_recipient_chats_recipient ON recipient_chats(recipient_id);
        CREATE TABLE invite_codes (
            code_hash TEXT PRIMARY KEY,
            municipality TEXT NOT NULL,
            recipient_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by_chat TEXT
        );
        CREATE TABLE bot_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE bot_conversations (
            chat_id TEXT PRIMARY KEY,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            action TEXT NOT NULL,
            started_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            municipality TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            details TEXT
        );
        CREATE TABLE training_feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            municipality TEXT NOT NULL,
            post_key TEXT NOT NULL REFERENCES posts(key),
            field TEXT NOT NULL CHECK (field IN ('sector', 'appeal', 'risk', 'negative', 'inappropriate')),
            value TEXT NOT NULL,
            actor TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX ix_training_feedback_post ON training_feedback(post_key);
        """,

        // 5: information-risk spikes (issue #7 item 5). One row per burst of negative posts in a sector × locality
        // pair, keyed by the pair and its first window so it is stored and alerted once; the row is its own outbox
        // (sent_at, claim, attempts) because alert_outbox rows belong to an incident and a spike has none. The index
        // lets the detector count a baseline of negative posts from the posts index alone.
        """
        CREATE TABLE risk_spikes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            municipality TEXT NOT NULL,
            sector TEXT NOT NULL,
            locality_id TEXT,
            window_start TEXT NOT NULL,
            window_end TEXT NOT NULL,
            count INTEGER NOT NULL,
            baseline REAL NOT NULL,
            threshold INTEGER NOT NULL,
            p_value REAL NOT NULL,
            post_keys TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            last_window_end TEXT NOT NULL,
            peak_count INTEGER NOT NULL,
            peak_window_end TEXT NOT NULL,
            recipient_id TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            claimed_until TEXT,
            sent_at TEXT,
            channel TEXT,
            delivery_id TEXT,
            last_error TEXT
        );
        CREATE INDEX ix_risk_spikes_pair ON risk_spikes(municipality, last_window_end);
        CREATE INDEX ix_risk_spikes_pending ON risk_spikes(next_attempt_at) WHERE sent_at IS NULL;
        CREATE TABLE risk_spike_deliveries (
            spike_id INTEGER NOT NULL REFERENCES risk_spikes(id),
            target TEXT NOT NULL,
            message_id TEXT,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (spike_id, target)
        );
        CREATE INDEX ix_posts_spikes ON posts(municipality, published_at, key, locality_id);
        CREATE INDEX ix_classifications_spikes ON classifications(post_key, risk_level, sector);
        """,

        // 6: accounts of the operator web console (issue #8). The password is kept only as a PBKDF2 hash; failed logins
        // in a row and the lock's end make the lock-out survive a restart; the security stamp, carried in the session
        // cookie, changes with the password, the role, disabling and logging out, which ends every session of the account.
        """
        CREATE TABLE console_users (
            login TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('ReadOnly', 'Head', 'Officer')),
            password_hash TEXT NOT NULL,
            security_stamp TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            last_login_at TEXT,
            created_at TEXT NOT NULL
        );
        """,

        // 7: the console's triage (issue #8). post_triage records the officer's decision about an appeal, once per post.
        // classifications.awaits_triage keeps the queue's partial index small whatever the history: the queue reads the
        // untriaged appeals only, not every appeal ever stored; new rows start at 1, the pipeline's and reclassify's
        // upserts leave it as it is, and the triage sets it to 0 in the transaction that inserts the decision. Appeals
        // whose incident was already answered or closed before the console existed are not queued: that work is done.
        """
        CREATE TABLE post_triage (
            post_key TEXT PRIMARY KEY REFERENCES posts(key),
            municipality TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('Confirm', 'NotAppeal', 'Merge')),
            incident_id INTEGER REFERENCES incidents(id),
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT
        );
        ALTER TABLE classifications ADD COLUMN awaits_triage INTEGER NOT NULL DEFAULT 1;
        UPDATE classifications SET awaits_triage = 0
        WHERE is_appeal = 1 AND post_key IN (
            SELECT ip.post_key FROM incident_posts ip JOIN incidents i ON i.id = ip.incident_id WHERE i.status IN ('Answered', 'Closed'));
        CREATE INDEX ix_classifications_triage ON classifications(municipality, risk_level, post_key) WHERE is_appeal = 1 AND awaits_triage = 1;
        """,

        // 8: the operator console's feed (issue #8): a page of 100 posts, newest first, under any mix of filters, from a
        // million posts in well under 200 ms. The feed filters on classifications (sector, risk, appeal) and on posts
        // (network, locality, time) and orders by posts.published_at; SQLite cannot index across two tables, and walking
        // posts by time while looking each one up in classifications costs a microsecond a row. So the three
        // classification fields are copied into posts (feed_*, kept equal to classifications by the triggers, whoever
        // writes them), and three covering indexes answer a page and its count each from one index: by time (no filter,
        // sectors, appeals, networks, a period, the words), by locality, and by time over the High and Critical posts
        // only (partial: risk is the filter that can be rare), where walking all posts by time would pass most of the table
        // to find 100. Sectors get no index of their own: there are seven, so even a small one turns up often enough
        // walking by time. On a million posts the copy and the indexes take about 25 s; each new post costs the store
        // two or three more index entries.
        """
        ALTER TABLE posts ADD COLUMN feed_sector TEXT;
        ALTER TABLE posts ADD COLUMN feed_risk_level TEXT;
        ALTER TABLE posts ADD COLUMN feed_is_appeal INTEGER;
        UPDATE posts SET (feed_sector, feed_risk_level, feed_is_appeal) =
            (SELECT c.sector, c.risk_level, c.is_appeal FROM classifications c WHERE c.post_key = posts.key);
        CREATE TRIGGER classifications_feed_insert AFTER INSERT ON classifications BEGIN
            UPDATE posts SET feed_sector = new.sector, feed_risk_level = new.risk_level, feed_is_appeal = new.is_appeal
            WHERE key = new.post_key
              AND (feed_sector IS NOT new.sector OR feed_risk_level IS NOT new.risk_level OR feed_is_appeal IS NOT new.is_appeal);
        END;
        CREATE TRIGGER classifications_feed_update AFTER UPDATE OF sector, risk_level, is_appeal ON classifications BEGIN
            UPDATE posts SET feed_sector = new.sector, feed_risk_level = new.risk_level, feed_is_appeal = new.is_appeal
            WHERE key = new.post_key
              AND (feed_sector IS NOT new.sector OR feed_risk_level IS NOT new.risk_level OR feed_is_appeal IS NOT new.is_appeal);
        END;
        CREATE TRIGGER classifications_feed_delete AFTER DELETE ON classifications BEGIN
            UPDATE posts SET feed_sector = NULL, feed_risk_level = NULL, feed_is_appeal = NULL WHERE key = old.post_key;
        END;
        CREATE INDEX ix_posts_feed ON posts(published_at DESC, key, feed_sector, feed_risk_level, feed_is_appeal, network, locality_id);
        CREATE INDEX ix_posts_feed_locality ON posts(locality_id, published_at DESC, key, feed_sector, feed_risk_level, feed_is_appeal, network);
        CREATE INDEX ix_posts_feed_risky ON posts(published_at DESC, key, feed_sector, feed_risk_level, feed_is_appeal, network, locality_id)
            WHERE feed_risk_level IN ('High', 'Critical');
        """,

        // 9: ix_posts_published (municipality, published_at) is the first two columns of ix_posts_spikes (municipality,
        // published_at, key, locality_id): every search it served is served by that one in the same order, and each stored
        // post paid for a second copy of the same entry (issue #2: the import's throughput).
        """
        DROP INDEX ix_posts_published;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>
    /// The version of the first migration whose text contains <paramref name="fragment"/>, so tests can build the schema
    /// just before a change without hard-coding its number (merged branches renumber migrations).
    /// </summary>
    internal static int VersionContaining(string fragment)
    {
        var index = Array.FindIndex(Migrations, m => m.Contains(fragment, StringComparison.Ordinal));
        return index < 0 ? throw new ArgumentException($"no migration contains '{fragment}'", nameof(fragment)) : index + 1;
    }

    public static void Apply(SqliteConnection connection) => Apply(connection, Migrations.Length);

    /// <summary>Applies migrations up to <paramref name="target"/> (tests build old schemas with it).</summary>
    internal static void Apply(SqliteConnection connection, int target)
    {
        var current = CurrentVersion(connection);
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database schema is version {current}, newer than this build knows ({Migrations.Length}). Use a newer Mcu.Monitor.");
        }

        for (var version = current + 1; version <= target; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version - 1] + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
