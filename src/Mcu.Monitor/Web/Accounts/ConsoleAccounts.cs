using System.Globalization;
using System.Text.RegularExpressions;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Web.Accounts;

/// <summary>
/// Console accounts in SQLite (<c>console_users</c>): passwords hashed with ASP.NET Core Identity's PBKDF2
/// <see cref="PasswordHasher{TUser}"/>, lock-out after <see cref="WebConsoleOptions.MaxFailedLogins"/> failures in a row,
/// every login, failure, lock and change written to the audit log (never a password).
/// </summary>
public sealed partial class ConsoleAccounts(SqliteDatabase database, IOptions<WebConsoleOptions> options, IOptions<MunicipalityOptions> municipality, TimeProvider time)
{
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<ConsoleUser> Hasher = new();

    // A hash to verify against when the login is unknown, so that answer takes as long as a wrong password's.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    public IReadOnlyList<ConsoleUser> List()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM console_users ORDER BY login";
        return ReadAll(command);
    }

    public ConsoleUser? Find(string login)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM console_users WHERE login = $login";
        command.Parameters.AddWithValue("$login", Normalize(login));
        return ReadAll(command).FirstOrDefault();
    }

    /// <summary>Creates an account; returns an error in English for the command line, or null.</summary>
    public string? Create(string login, string displayName, ConsoleRole role, string password, string actor)
    {
        login = Normalize(login);
        if ((CheckLogin(login) ?? CheckPassword(password)) is { } error)
        {
            return error;
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO console_users (login, display_name, role, password_hash, security_stamp, created_at)
            VALUES ($login, $name, $role, $hash, $stamp, $now) ON CONFLICT(login) DO NOTHING
            """;
        command.Parameters.AddWithValue("$login", login);
        command.Parameters.AddWithValue("$name", string.IsNullOrWhiteSpace(displayName) ? login : displayName.Trim());
        command.Parameters.AddWithValue("$role", role.ToString());
        command.Parameters.AddWithValue("$hash", Hasher.HashPassword(null!, password));
        command.Parameters.AddWithValue("$stamp", NewStamp());
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(time.GetUtcNow()));
        if (command.ExecuteNonQuery() == 0)
        {
            return $"account '{login}' already exists";
        }

        Audit(connection, transaction, actor, "console.user.created", $"{login} ({role})");
        transaction.Commit();
        return null;
    }

    public string? SetPassword(string login, string password, string actor) =>
        CheckPassword(password) ?? Update(login, actor, "console.user.password", $"password_hash = $value, failed_logins = 0, locked_until = NULL, {RotateStamp}", Hasher.HashPassword(null!, password), null);

    public string? SetRole(string login, ConsoleRole role, string actor) =>
        Update(login, actor, "console.user.role", $"role = $value, {RotateStamp}", role.ToString(), role.ToString());

    public string? SetDisabled(string login, bool disabled, string actor) =>
        Update(login, actor, disabled ? "console.user.disabled" : "console.user.enabled", $"disabled = $value, {RotateStamp}", disabled ? 1 : 0, null);

    /// <summary>Logging out ends every session of the account (a copied cookie included): its stamp changes.</summary>
    public string? EndSessions(string login, string actor) =>
        Update(login, actor, "console.logout", RotateStamp, DBNull.Value, null);

    public string? Unlock(string login, string actor) =>
        Update(login, actor, "console.user.unlocked", "failed_logins = 0, locked_until = $value", DBNull.Value, null);

    /// <summary>
    /// Checks a login and password. A wrong password counts a failure and locks the account at the limit; a locked
    /// account is refused even with the right password until the lock runs out.
    /// </summary>
    public (SignInOutcome Outcome, ConsoleUser? User) SignIn(string login, string password, string? remoteAddress)
    {
        login = Normalize(login);
        var now = time.GetUtcNow();
        var (user, hash) = FindWithHash(login);
        var from = remoteAddress is null ? "" : $" from {remoteAddress}";
        var actor = $"console:{login}";

        // The password is checked before any write lock is taken (PBKDF2 takes a while), and every path checks one, so
        // an unknown, disabled or locked account answers as slowly as a wrong password.
        var verdict = Hasher.VerifyHashedPassword(user!, hash ?? DummyHash.Value, password);
        if (user is null || hash is null)
        {
            Audit(actor, "console.login.failed", "unknown account" + from);
            return (SignInOutcome.Invalid, null);
        }

        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            Audit(actor, "console.login.refused", "locked until " + SqliteDatabase.ToDb(lockedUntil) + from);
            return (SignInOutcome.Locked, null);
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (user.Disabled || verdict == PasswordVerificationResult.Failed)
        {
            // Counted in SQL, so two failures at once both count.
            var failures = Convert.ToInt32(Scalar(connection, transaction,
                "UPDATE console_users SET failed_logins = failed_logins + 1 WHERE login = $login RETURNING failed_logins", ("$login", login)), CultureInfo.InvariantCulture);
            var locks = failures >= options.Value.MaxFailedLogins;
            if (locks)
            {
                Execute(connection, transaction, "UPDATE console_users SET failed_logins = 0, locked_until = $until WHERE login = $login",
                    ("$until", SqliteDatabase.ToDb(now + options.Value.LockoutDuration)), ("$login", login));
            }

            Audit(connection, transaction, actor, "console.login.failed", (user.Disabled ? "disabled account" : "wrong password") + from);
            if (locks)
            {
                Audit(connection, transaction, actor, "console.login.locked", string.Create(CultureInfo.InvariantCulture, $"{failures} failures in a row, locked for {options.Value.LockoutDuration}"));
            }

            transaction.Commit();
            return (locks ? SignInOutcome.Locked : SignInOutcome.Invalid, null);
        }

        var newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, password) : hash;
        Execute(connection, transaction, "UPDATE console_users SET failed_logins = 0, locked_until = NULL, last_login_at = $now, password_hash = $hash WHERE login = $login",
            ("$now", SqliteDatabase.ToDb(now)), ("$hash", newHash), ("$login", login));
        Audit(connection, transaction, actor, "console.login", from.Trim());
        transaction.Commit();
        return (SignInOutcome.Success, user with { FailedLogins = 0, LockedUntil = null });
    }

    /// <summary>Writes an audit row for something done in the console (log-outs, refused changes).</summary>
    public void Audit(string actor, string action, string? details)
    {
        using var connection = database.Open();
        Audit(connection, null, actor, action, details);
    }

    public static string Normalize(string login) => login.Trim().ToLowerInvariant();

    private const string RotateStamp = "security_stamp = lower(hex(randomblob(16)))";

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private (ConsoleUser? User, string? Hash) FindWithHash(string login)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, password_hash FROM console_users WHERE login = $login";
        command.Parameters.AddWithValue("$login", login);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (Read(reader), reader.GetString(8)) : (null, null);
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    public static string? CheckPassword(string password) =>
        password.Length < MinPasswordLength ? $"the password must have at least {MinPasswordLength} characters" : null;

    private static string? CheckLogin(string login) =>
        LoginPattern().IsMatch(login) ? null : $"login '{login}' must be 2-64 lower-case latin letters, digits, '.', '_' or '-'";

    private string? Update(string login, string actor, string action, string set, object value, string? details)
    {
        login = Normalize(login);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (Execute(connection, transaction, $"UPDATE console_users SET {set} WHERE login = $login", ("$value", value), ("$login", login)) == 0)
        {
            return $"account '{login}' not found";
        }

        Audit(connection, transaction, actor, action, details is null ? login : $"{login}: {details}");
        transaction.Commit();
        return null;
    }

    private void Audit(SqliteConnection connection, SqliteTransaction? transaction, string actor, string action, string? details) =>
        AuditLog.Write(connection, transaction, municipality.Value.Id, time.GetUtcNow(), actor, action, details);

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    private const string Columns = "login, display_name, role, disabled, failed_logins, locked_until, created_at, security_stamp";

    private static List<ConsoleUser> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var users = new List<ConsoleUser>();
        while (reader.Read())
        {
            users.Add(Read(reader));
        }

        return users;
    }

    private static ConsoleUser Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Enum.Parse<ConsoleRole>(reader.GetString(2)),
        reader.GetInt64(3) == 1,
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : SqliteDatabase.FromDb(reader.GetString(5)),
        SqliteDatabase.FromDb(reader.GetString(6)),
        reader.GetString(7));

    [GeneratedRegex("^[a-z0-9._-]{2,64}$")]
    private static partial Regex LoginPattern();
}
