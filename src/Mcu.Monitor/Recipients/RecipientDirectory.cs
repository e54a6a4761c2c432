using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Recipients;

/// <summary>
/// The recipient registry at run time: who a Telegram chat speaks for, which chats a recipient has (configured
/// <see cref="RecipientOptions.TelegramChatIds"/> plus chats bound with a one-time invite code), and the invite
/// codes themselves — stored only as SHA-256 hashes, so a copy of the database does not hand out bindings.
/// </summary>
public sealed class RecipientDirectory(SqliteDatabase database, IOptions<RoutingOptions> routing, IOptions<MunicipalityOptions> municipality, TimeProvider time)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read aloud and retyped

    public RecipientOptions? Find(string recipientId) => routing.Value.Recipients.FirstOrDefault(r => r.Id == recipientId);

    public string NameOf(string recipientId) => Find(recipientId)?.Name ?? recipientId;

    /// <summary>Every chat that receives the recipient's alerts, configured first, each once.</summary>
    public IReadOnlyList<string> ChatsOf(string recipientId)
    {
        var chats = new List<string>(Find(recipientId)?.TelegramChatIds ?? []);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT chat_id FROM recipient_chats WHERE recipient_id = $recipient ORDER BY bound_at";
        command.Parameters.AddWithValue("$recipient", recipientId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            chats.Add(reader.GetString(0));
        }

        return [.. chats.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The recipients a chat speaks for (configured or bound).</summary>
    public IReadOnlyList<string> RecipientsOf(string chatId)
    {
        var recipients = routing.Value.Recipients.Where(r => r.TelegramChatIds.Contains(chatId)).Select(r => r.Id).ToList();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT recipient_id FROM recipient_chats WHERE chat_id = $chat";
        command.Parameters.AddWithValue("$chat", chatId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            recipients.Add(reader.GetString(0));
        }

        return [.. recipients.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Creates a one-time code that binds the first chat to send <c>/start CODE</c> to the recipient.</summary>
    public string CreateInvite(string recipientId, TimeSpan lifetime, string actor)
    {
        if (Find(recipientId) is null)
        {
            throw new ArgumentException($"Recipient '{recipientId}' is not in Routing:Recipients", nameof(recipientId));
        }

        var code = NewCode();
        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO invite_codes (code_hash, municipality, recipient_id, created_at, expires_at)
                VALUES ($hash, $municipality, $recipient, $now, $expires)
                """;
            insert.Parameters.AddWithValue("$hash", Hash(code));
            insert.Parameters.AddWithValue("$municipality", municipality.Value.Id);
            insert.Parameters.AddWithValue("$recipient", recipientId);
            insert.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
            insert.Parameters.AddWithValue("$expires", SqliteDatabase.ToDb(now + lifetime));
            insert.ExecuteNonQuery();
        }

        AuditLog.Write(connection, transaction, municipality.Value.Id, now, actor, "invite.created", $"recipient {recipientId}");
        transaction.Commit();
        return code;
    }

    /// <summary>Binds the chat with a code; returns the recipient, or null when the code is unknown, used or expired.</summary>
    public string? Redeem(string code, string chatId, string? chatTitle)
    {
        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        string? recipient;
        using (var use = connection.CreateCommand())
        {
            use.Transaction = transaction;
            use.CommandText = """
                UPDATE invite_codes SET used_at = $now, used_by_chat = $chat
                WHERE code_hash = $hash AND used_at IS NULL AND expires_at > $now
                RETURNING recipient_id
                """;
            use.Parameters.AddWithValue("$hash", Hash(Normalize(code)));
            use.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
            use.Parameters.AddWithValue("$chat", chatId);
            recipient = use.ExecuteScalar() as string;
        }

        if (recipient is null)
        {
            AuditLog.Write(connection, transaction, municipality.Value.Id, now, $"telegram:{chatId}", "invite.refused", "unknown, used or expired code");
            transaction.Commit();
            return null;
        }

        using (var bind = connection.CreateCommand())
        {
            bind.Transaction = transaction;
            bind.CommandText = """
                INSERT INTO recipient_chats (chat_id, recipient_id, municipality, bound_at, bound_by)
                VALUES ($chat, $recipient, $municipality, $now, $title) ON CONFLICT DO NOTHING
                """;
            bind.Parameters.AddWithValue("$chat", chatId);
            bind.Parameters.AddWithValue("$recipient", recipient);
            bind.Parameters.AddWithValue("$municipality", municipality.Value.Id);
            bind.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
            bind.Parameters.AddWithValue("$title", (object?)chatTitle ?? DBNull.Value);
            bind.ExecuteNonQuery();
        }

        AuditLog.Write(connection, transaction, municipality.Value.Id, now, $"telegram:{chatId}", "chat.bound", $"recipient {recipient}");
        transaction.Commit();
        return recipient;
    }

    private static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}");
    }

    private static string Normalize(string code) => code.Trim().ToUpperInvariant();

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}
