using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Mcu.Monitor.Tests.Alerts.Email;

/// <summary>
/// A real SMTP server on 127.0.0.1 speaking just enough plain-text SMTP for MailKit: greeting, EHLO (offering AUTH
/// PLAIN LOGIN), AUTH, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT. Each accepted message is recorded with its
/// envelope and any credentials used. <see cref="RcptReply"/> lets a test refuse recipients; with
/// <see cref="Silent"/> the server accepts connections and never says a word (a hung server).
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _loop;

    public FakeSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>The reply to <c>RCPT TO</c> for an address; null accepts it with 250.</summary>
    public Func<string, string?> RcptReply { get; init; } = _ => null;

    /// <summary>The only credentials accepted when set; otherwise any are.</summary>
    public (string User, string Password)? Credentials { get; init; }

    public bool Silent { get; init; }

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    /// <summary>Every command line received, in order (AUTH payloads as sent, base64).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public int Connections => _connections;

    private int _connections;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
            await Task.WhenAll(_sessions);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _sessions.Add(Task.Run(() => SessionAsync(client)));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                if (Silent)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                await ConverseAsync(client.GetStream(), _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // the client went away, or the server is stopping
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        // Latin-1 maps bytes to chars one to one, so the DATA section is recorded byte for byte.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.test ESMTP ready");
        string? from = null, user = null, password = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            Commands.Enqueue(line);
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteAsync("250-fake.test\r\n250-AUTH PLAIN LOGIN\r\n250 HELP\r\n");
                    break;
                case "AUTH":
                    (user, password) = await AuthenticateAsync(argument, reader, writer, cancellationToken);
                    var accepted = Credentials is not { } expected || (expected.User == user && expected.Password == password);
                    await writer.WriteLineAsync(accepted ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                    break;
                case "MAIL":
                    from = Address(argument);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 2.1.0 Ok");
                    break;
                case "RCPT":
                    var address = Address(argument);
                    var reply = RcptReply(address);
                    if (reply is null)
                    {
                        recipients.Add(address);
                    }

                    await writer.WriteLineAsync(reply ?? "250 2.1.5 Ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(cancellationToken) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Messages.Enqueue(new ReceivedMail(from ?? "", [.. recipients], Encoding.Latin1.GetBytes(data.ToString()), user, password));
                    await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                    break;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 Ok");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private static async Task<(string? User, string? Password)> AuthenticateAsync(
        string argument, StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        var parts = argument.Split(' ', 2);
        if (parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var payload = parts.Length > 1 ? parts[1] : await ChallengeAsync("", reader, writer, cancellationToken);
            var fields = Decode(payload).Split('\0'); // authzid NUL authcid NUL password
            return fields.Length == 3 ? (fields[1], fields[2]) : (null, null);
        }

        if (parts[0].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            var user = parts.Length > 1 ? parts[1] : await ChallengeAsync("VXNlcm5hbWU6", reader, writer, cancellationToken);
            var password = await ChallengeAsync("UGFzc3dvcmQ6", reader, writer, cancellationToken);
            return (Decode(user), Decode(password));
        }

        return (null, null);
    }

    private static async Task<string> ChallengeAsync(string challenge, StreamReader reader, StreamWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync("334 " + challenge);
        return await reader.ReadLineAsync(cancellationToken) ?? "";
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));

    /// <summary>The address of <c>FROM:&lt;a@b&gt; SIZE=…</c> or <c>TO:&lt;a@b&gt;</c>.</summary>
    private static string Address(string argument)
    {
        var start = argument.IndexOf('<', StringComparison.Ordinal);
        var end = argument.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
    }
}

/// <summary>One message as the server accepted it: the envelope, the raw DATA and the credentials of its session.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, byte[] Data, string? User, string? Password)
{
    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Data);
        return MimeMessage.Load(stream);
    }
}
