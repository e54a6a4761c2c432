using System.Diagnostics;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Alerts.Email;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mcu.Monitor.Tests.Alerts.Email;

public class EmailAlertSenderTests
{
    private const string Password = "s3cret-smtp-pass";
    private const string PostText = "Нет воды третий день <script>alert('x')</script> & никто не отвечает";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    private static AlertMessage Alert(string idempotencyKey = "incident:42:recipient:jkh:opened", string? locality = "Иловка") => new()
    {
        AlertId = 7,
        IdempotencyKey = idempotencyKey,
        Kind = "opened",
        IncidentId = 42,
        RecipientId = "jkh",
        RecipientName = "Управление ЖКХ",
        Sector = "housing",
        SectorName = "ЖКХ",
        LocalityName = locality,
        Risk = RiskLevel.High,
        Reasons = ["риск: жалоба повторная"],
        DueAt = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), // 15:00 in Moscow
        Network = Network.Vk,
        PostUrl = "https://vk.com/wall-1_2",
        PostText = PostText,
        PublishedAt = Now.AddHours(-1),
    };

    private static EmailOptions Options(FakeSmtpServer server, string userName = "") => new()
    {
        Enabled = true,
        Host = "127.0.0.1",
        Port = server.Port,
        Security = "None", // the fake server speaks no TLS
        UserName = userName,
        Password = userName.Length > 0 ? Password : "",
        From = "МЦУ Алексеевского ГО <mcu@example.ru>",
        Timeout = TimeSpan.FromSeconds(5),
    };

    private static EmailAlertSender Sender(EmailOptions email, params string[] jkhEmails)
    {
        var routing = new RoutingOptions
        {
            DefaultRecipient = "jkh",
            Recipients = [new RecipientOptions { Id = "jkh", Name = "Управление ЖКХ", Emails = [.. jkhEmails] }],
        };
        return new EmailAlertSender(
            Microsoft.Extensions.Options.Options.Create(email),
            new ConfiguredRecipientContacts(Microsoft.Extensions.Options.Options.Create(routing)),
            Microsoft.Extensions.Options.Options.Create(new AlertsOptions()),
            Microsoft.Extensions.Options.Options.Create(new MunicipalityOptions()),
            new FakeTimeProvider(Now),
            NullLogger<EmailAlertSender>.Instance);
    }

    [Fact]
    public async Task SendAsync_RecipientWithTwoAddresses_DeliversOnePlainTextMessageToBoth()
    {
        await using var server = new FakeSmtpServer();
        var sender = Sender(Options(server), "jkh@example.ru", "Дежурный ЖКХ <duty@example.ru>");

        var deliveryId = await sender.SendAsync(Alert(), CancellationToken.None);

        var received = Assert.Single(server.Messages);
        Assert.Equal("mcu@example.ru", received.From);
        Assert.Equal(["jkh@example.ru", "duty@example.ru"], received.Recipients);
        var mail = received.Parse();
        Assert.Equal("Инцидент #42: ЖКХ, Иловка — ответить до 28.11.2026 15:00", mail.Subject);
        Assert.Equal("МЦУ Алексеевского ГО", Assert.IsType<MailboxAddress>(Assert.Single(mail.From)).Name);
        Assert.Equal(["jkh@example.ru", "duty@example.ru"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(Now, mail.Date.ToUniversalTime());
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Equal(mail.MessageId, deliveryId);

        // The post text is untrusted: in plain text it arrives as written, and there is no HTML part to inject into.
        var body = Assert.IsType<TextPart>(mail.Body);
        Assert.True(body.IsPlain);
        Assert.Contains(PostText, body.Text, StringComparison.Ordinal);
        Assert.Contains("Инцидент #42 → Управление ЖКХ", body.Text, StringComparison.Ordinal);
        Assert.Null(mail.HtmlBody);
    }

    [Fact]
    public async Task SendAsync_NoLocality_SaysSoInTheSubject()
    {
        await using var server = new FakeSmtpServer();

        await Sender(Options(server), "jkh@example.ru").SendAsync(Alert(locality: null), CancellationToken.None);

        Assert.Equal("Инцидент #42: ЖКХ, населённый пункт не указан — ответить до 28.11.2026 15:00", Assert.Single(server.Messages).Parse().Subject);
    }

    [Fact]
    public async Task SendAsync_UserNameSet_AuthenticatesWithTheConfiguredCredentials()
    {
        await using var server = new FakeSmtpServer { Credentials = ("mcu-alerts", Password) };

        await Sender(Options(server, userName: "mcu-alerts"), "jkh@example.ru").SendAsync(Alert(), CancellationToken.None);

        var received = Assert.Single(server.Messages);
        Assert.Equal("mcu-alerts", received.User);
        Assert.Equal(Password, received.Password);
    }

    [Fact]
    public async Task SendAsync_NoUserName_SendsWithoutAuthenticating()
    {
        await using var server = new FakeSmtpServer();

        await Sender(Options(server), "jkh@example.ru").SendAsync(Alert(), CancellationToken.None);

        Assert.Single(server.Messages);
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SendAsync_ServerRejectsRecipient_ThrowsPermanentFailureWithoutThePassword()
    {
        // A server that echoes anything, even the password, must not get it into the exception or its inner ones.
        await using var server = new FakeSmtpServer { RcptReply = a => $"550 5.1.1 <{a}>: Recipient address rejected (session {Password})" };
        var sender = Sender(Options(server, userName: "mcu-alerts"), "nobody@example.ru");

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Alert(), CancellationToken.None));

        Assert.Equal(550, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Contains("refused the recipient <nobody@example.ru>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Alert 7", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_ServerDefersRecipient_ThrowsTransientFailure()
    {
        await using var server = new FakeSmtpServer { RcptReply = a => "451 4.3.0 Try again later" };

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Options(server), "jkh@example.ru").SendAsync(Alert(), CancellationToken.None));

        Assert.Equal(451, ex.StatusCode);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ThrowsNamingTheUserNotThePassword()
    {
        await using var server = new FakeSmtpServer { Credentials = ("mcu-alerts", "another-password") };
        var sender = Sender(Options(server, userName: "mcu-alerts"), "jkh@example.ru");

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Alert(), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("authentication as 'mcu-alerts' failed", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_RecipientWithoutAddresses_ThrowsWithoutConnecting()
    {
        await using var server = new FakeSmtpServer();

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Options(server)).SendAsync(Alert(), CancellationToken.None));

        Assert.Equal("Alert 7: recipient 'jkh' has no e-mail address (Routing:Recipients:N:Emails)", ex.Message);
        Assert.False(ex.IsTransient);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task SendAsync_ChannelDisabled_ThrowsWithoutConnecting()
    {
        await using var server = new FakeSmtpServer();
        var options = Options(server);
        options.Enabled = false;

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(options, "jkh@example.ru").SendAsync(Alert(), CancellationToken.None));

        Assert.Contains("Alerts:Email:Enabled is false", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ThrowsTransientFailure()
    {
        int port;
        await using (var server = new FakeSmtpServer())
        {
            port = server.Port;
        }

        await using var placeholder = new FakeSmtpServer();
        var options = Options(placeholder);
        options.Port = port;

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(options, "jkh@example.ru").SendAsync(Alert(), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task SendAsync_ServerNeverAnswers_GivesUpAfterTheTimeout()
    {
        await using var server = new FakeSmtpServer { Silent = true };
        var options = Options(server);
        options.Timeout = TimeSpan.FromSeconds(1);
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(options, "jkh@example.ru").SendAsync(Alert(), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_SendsTheSameMessageId()
    {
        await using var server = new FakeSmtpServer();
        var sender = Sender(Options(server), "jkh@example.ru");

        var first = await sender.SendAsync(Alert(), CancellationToken.None);
        var repeated = await sender.SendAsync(Alert(), CancellationToken.None);
        var other = await sender.SendAsync(Alert(idempotencyKey: "incident:43:recipient:jkh:opened"), CancellationToken.None);

        Assert.Equal(first, repeated);
        Assert.NotEqual(first, other);
        Assert.Equal([first, repeated, other], server.Messages.Select(m => m.Parse().MessageId));
        Assert.Matches("^alert-[0-9a-f]{32}@example\\.ru$", first);
    }

    [Fact]
    public void MessageIdFor_IsStableAndUsesTheSenderDomainInAscii()
    {
        var id = EmailAlertSender.MessageIdFor("incident:42:recipient:jkh:opened", "алексеевка.рф");

        Assert.Equal(id, EmailAlertSender.MessageIdFor("incident:42:recipient:jkh:opened", "алексеевка.рф"));
        Assert.Matches("@xn--[a-z0-9-]+\\.xn--p1ai$", id);
        Assert.StartsWith("alert-", id, StringComparison.Ordinal);
    }
}
