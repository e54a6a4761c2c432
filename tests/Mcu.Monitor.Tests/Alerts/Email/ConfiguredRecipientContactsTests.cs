using Mcu.Monitor.Alerts.Email;
using Mcu.Monitor.Routing;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Alerts.Email;

public class ConfiguredRecipientContactsTests
{
    private static readonly ConfiguredRecipientContacts Contacts = new(Options.Create(new RoutingOptions
    {
        DefaultRecipient = "mcu",
        Recipients =
        [
            new RecipientOptions { Id = "mcu", Name = "МЦУ", Emails = [" mcu@example.ru ", "", "head@example.ru"] },
            new RecipientOptions { Id = "jkh", Name = "ЖКХ" },
        ],
    }));

    [Fact]
    public void EmailsOf_ConfiguredRecipient_ReturnsItsAddressesTrimmedWithoutBlanks() =>
        Assert.Equal(["mcu@example.ru", "head@example.ru"], Contacts.EmailsOf("mcu"));

    [Fact]
    public void EmailsOf_RecipientWithoutAddressesOrUnknown_ReturnsEmpty()
    {
        Assert.Empty(Contacts.EmailsOf("jkh"));
        Assert.Empty(Contacts.EmailsOf("nobody"));
    }
}
