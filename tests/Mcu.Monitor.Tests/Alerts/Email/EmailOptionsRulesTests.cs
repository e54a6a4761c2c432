using Mcu.Monitor.Alerts.Email;
using Mcu.Monitor.Configuration;
using Mcu.Monitor.Routing;

namespace Mcu.Monitor.Tests.Alerts.Email;

public class EmailOptionsRulesTests
{
    private static IReadOnlyList<string> Failures(EmailOptions o, RoutingOptions? routing = null)
    {
        var validator = new AnnotatedOptionsValidator<EmailOptions>(EmailOptions.SectionName, e => EmailOptionsRules.Validate(e, routing ?? new RoutingOptions()));
        var result = validator.Validate(null, o);
        return result.Failed ? [.. result.Failures] : [];
    }

    private static EmailOptions Valid() => new() { Enabled = true, Host = "smtp.example.ru", From = "МЦУ <mcu@example.ru>" };

    [Fact]
    public void Validate_Defaults_AreValidAndOff()
    {
        var o = new EmailOptions();

        Assert.Empty(Failures(o));
        Assert.False(o.Enabled);
        Assert.Equal((587, "StartTls"), (o.Port, o.Security));
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(30)), (o.FallbackAfter, o.Timeout));
    }

    [Fact]
    public void Validate_EnabledWithHostAndFrom_IsValid() => Assert.Empty(Failures(Valid()));

    [Fact]
    public void Validate_EnabledWithoutHostOrFrom_NamesBothKeys()
    {
        var failures = Failures(new EmailOptions { Enabled = true });

        Assert.Equal(
            ["Alerts:Email:Host = '': is required when Alerts:Email:Enabled is true", "Alerts:Email:From = '': is required when Alerts:Email:Enabled is true"],
            failures);
    }

    [Theory]
    [InlineData("mcu")]
    [InlineData("mcu@")]
    [InlineData("a@example.ru, b@example.ru")]
    public void Validate_FromNotOneMailbox_NamesKeyAndValue(string from)
    {
        var o = Valid();
        o.From = from;

        Assert.Equal(
            [$"Alerts:Email:From = '{from}': must be one e-mail address such as mcu@example.ru or МЦУ <mcu@example.ru>"],
            Failures(o));
    }

    [Fact]
    public void Validate_UnknownSecurityBadHostAndPort_ReportsAllAtOnce()
    {
        var o = Valid();
        o.Security = "StartTlsWhenAvailable";
        o.Host = "smtp.example.ru:25";
        o.Port = 0;

        var failures = Failures(o);

        Assert.Equal(3, failures.Count);
        Assert.Contains("Alerts:Email:Port = '0': must be between 1 and 65535", failures);
        Assert.Contains("Alerts:Email:Security = 'StartTlsWhenAvailable': must be StartTls, SslOnConnect or None", failures);
        Assert.Contains(failures, f => f.StartsWith("Alerts:Email:Host = 'smtp.example.ru:25': must be a host name", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PasswordWithoutUserName_NamesTheMissingKeyNeverThePassword()
    {
        var o = Valid();
        o.Password = "top-secret-pass";
        o.Timeout = TimeSpan.Zero;

        var failures = Failures(o);

        Assert.Equal(2, failures.Count);
        Assert.Contains("Alerts:Email:UserName = '': is required with Alerts:Email:Password", failures);
        Assert.Contains("Alerts:Email:Timeout = '00:00:00': must be between 00:00:01 and 00:10:00", failures);
        Assert.DoesNotContain(failures, f => f.Contains("top-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UserNameWithoutPassword_AsksForTheEnvironmentVariable()
    {
        var o = Valid();
        o.UserName = "mcu-alerts";

        Assert.Equal(["Alerts:Email:Password = '': is required with Alerts:Email:UserName (set Alerts__Email__Password)"], Failures(o));
    }

    [Fact]
    public void Validate_RecipientEmailNotAnAddress_NamesTheRoutingKeyOnlyWhenEnabled()
    {
        var routing = new RoutingOptions
        {
            Recipients =
            [
                new RecipientOptions { Id = "mcu", Name = "МЦУ", Emails = ["mcu@example.ru"] },
                new RecipientOptions { Id = "jkh", Name = "ЖКХ", Emails = ["jkh@example.ru", "jkh at example.ru"] },
            ],
        };

        Assert.Equal(["Routing:Recipients:1:Emails:1 = 'jkh at example.ru': must be one e-mail address such as jkh@example.ru"], Failures(Valid(), routing));
        Assert.Empty(Failures(new EmailOptions(), routing));
    }
}
