using System.CommandLine;
using Mcu.Monitor.Alerts.Telegram;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Cli;

/// <summary><c>recipients list</c>: the registry with its chats; <c>recipients invite ID</c>: a one-time code that binds a Telegram chat.</summary>
internal static class RecipientsCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var list = new Command("list", "The recipient registry: contacts, escalation ladder and bound Telegram chats");
        list.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var directory = host.Services.GetRequiredService<RecipientDirectory>();
            foreach (var r in host.Services.GetRequiredService<IOptions<RoutingOptions>>().Value.Recipients)
            {
                await context.Output.WriteLineAsync(
                    $"{r.Id,-18} {r.Name}  → {r.EscalatesTo ?? "(top)"}; Telegram chats: {directory.ChatsOf(r.Id).Count}; e-mail: {r.Emails.Count}{(r.RoundTheClock ? "; round the clock" : "")}");
            }

            return CommandExecution.Ok;
        }, ct));

        var id = new Argument<string>("recipient") { Description = "Recipient id from Routing:Recipients" };
        var invite = new Command("invite", "Create a one-time code: send «/start CODE» to the alert bot from the recipient's chat") { id };
        invite.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var directory = host.Services.GetRequiredService<RecipientDirectory>();
            var recipient = parse.GetValue(id)!;
            if (directory.Find(recipient) is null)
            {
                await context.Error.WriteLineAsync($"Recipient '{recipient}' is not in Routing:Recipients (see `recipients list`)");
                return CommandExecution.BadInput;
            }

            var lifetime = host.Services.GetRequiredService<IOptions<TelegramBotOptions>>().Value.InviteLifetime;
            var code = directory.CreateInvite(recipient, lifetime, "officer:" + Environment.UserName);
            await context.Output.WriteLineAsync($"Invite code for «{directory.NameOf(recipient)}»: {code}");
            await context.Output.WriteLineAsync($"Valid for {lifetime.TotalDays:0.#} days, once. In the recipient's Telegram chat, send: /start {code}");
            return CommandExecution.Ok;
        }, ct));
        return new Command("recipients", "Responsible recipients and their Telegram chats") { list, invite };
    }
}
