using System.CommandLine;
using System.Globalization;
using System.Text;
using Mcu.Monitor.Web.Accounts;
using Mcu.Monitor.Web.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Cli;

/// <summary>
/// <c>users</c>: accounts of the web console. Passwords are read from standard input (typed without echo on a
/// terminal), never from an argument, so they stay out of shell history and process lists.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context, Option<string?> config)
    {
        var login = new Argument<string>("login") { Description = "Account login: 2-64 lower-case latin letters, digits, '.', '_' or '-'" };
        var role = new Option<string>("--role") { Description = "officer, head or readonly", DefaultValueFactory = _ => "officer" };
        role.AcceptOnlyFromAmong("officer", "head", "readonly");
        var name = new Option<string?>("--name") { Description = "Full name shown in the console" };

        var add = new Command("add", "Create an account; the password (at least 10 characters) is read from standard input") { login, role, name };
        add.SetAction((parse, ct) => Run(context, parse.GetValue(config), async accounts =>
        {
            var password = await ReadPasswordAsync(context);
            return accounts.Create(parse.GetValue(login)!, parse.GetValue(name) ?? "", ParseRole(parse.GetValue(role)!), password, Actor());
        }, $"account '{parse.GetValue(login)}' created", ct));

        var passwordCommand = new Command("password", "Set a new password (read from standard input); also lifts a lock") { login };
        passwordCommand.SetAction((parse, ct) => Run(context, parse.GetValue(config), async accounts =>
            accounts.SetPassword(parse.GetValue(login)!, await ReadPasswordAsync(context), Actor()), "password changed", ct));

        var roleLogin = new Argument<string>("login") { Description = "Account login" };
        var newRole = new Argument<string>("role") { Description = "officer, head or readonly" };
        newRole.AcceptOnlyFromAmong("officer", "head", "readonly");
        var roleCommand = new Command("role", "Change an account's role (its open sessions end)") { roleLogin, newRole };
        roleCommand.SetAction((parse, ct) => Run(context, parse.GetValue(config), accounts =>
            Task.FromResult(accounts.SetRole(parse.GetValue(roleLogin)!, ParseRole(parse.GetValue(newRole)!), Actor())), "role changed", ct));

        Command Simple(string verb, string description, Func<ConsoleAccounts, string, string?> change, string done)
        {
            var target = new Argument<string>("login") { Description = "Account login" };
            var command = new Command(verb, description) { target };
            command.SetAction((parse, ct) => Run(context, parse.GetValue(config), accounts => Task.FromResult(change(accounts, parse.GetValue(target)!)), done, ct));
            return command;
        }

        var list = new Command("list", "Accounts with role, state and lock");
        list.SetAction((parse, ct) => CommandExecution.ExecuteAsync(context, parse.GetValue(config), worker: false, async (host, _) =>
        {
            var users = host.Services.GetRequiredService<ConsoleAccounts>().List();
            foreach (var user in users)
            {
                var state = user.Disabled ? "disabled" : user.LockedUntil is { } until ? $"locked until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "active";
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{user.Login,-20} {user.Role,-9} {state,-32} {user.DisplayName} ({PageRenderer.RoleName(user.Role)})"));
            }

            if (users.Count == 0)
            {
                await context.Output.WriteLineAsync("No accounts yet: create one with `users add LOGIN --role officer`.");
            }

            return CommandExecution.Ok;
        }, ct));

        return new Command("users", "Accounts of the web console (roles officer, head, readonly)")
        {
            add, list, passwordCommand, roleCommand,
            Simple("unlock", "Lift a lock-out after failed logins", (a, l) => a.Unlock(l, Actor()), "unlocked"),
            Simple("disable", "Disable an account (its open sessions end)", (a, l) => a.SetDisabled(l, true, Actor()), "disabled"),
            Simple("enable", "Enable a disabled account", (a, l) => a.SetDisabled(l, false, Actor()), "enabled"),
        };
    }

    private static Task<int> Run(CliContext context, string? config, Func<ConsoleAccounts, Task<string?>> change, string done, CancellationToken ct) =>
        CommandExecution.ExecuteAsync(context, config, worker: false, async (host, _) =>
        {
            if (await change(host.Services.GetRequiredService<ConsoleAccounts>()) is { } error)
            {
                await context.Error.WriteLineAsync("error: " + error);
                return CommandExecution.BadInput;
            }

            await context.Output.WriteLineAsync(done);
            return CommandExecution.Ok;
        }, ct);

    private static ConsoleRole ParseRole(string role) => role switch
    {
        "officer" => ConsoleRole.Officer,
        "head" => ConsoleRole.Head,
        _ => ConsoleRole.ReadOnly,
    };

    private static string Actor() => "admin:" + Environment.UserName;

    private static async Task<string> ReadPasswordAsync(CliContext context)
    {
        if (context.Input is not null || Console.IsInputRedirected)
        {
            return (await (context.Input ?? Console.In).ReadLineAsync() ?? "").TrimEnd('\r', '\n');
        }

        await context.Error.WriteAsync("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        await context.Error.WriteLineAsync();
        return password.ToString();
    }
}
