using Mcu.Monitor.Cli;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Tests.Web;

/// <summary><c>users</c> (accounts: passwords only from standard input, only as hashes) and <c>run</c> refusing a console address it may not or cannot use.</summary>
public sealed class ConsoleCommandLineTests
{
    [Fact]
    public async Task Add_ReadsThePasswordFromInput_StoresOnlyAHash_AndListsTheAccount()
    {
        using var cli = new CliRunner();
        var added = await RunAsync(cli, "long-enough-secret\n", "users", "add", "Petrova", "--role", "head", "--name", "Петрова Е. В.");
        Assert.True(added.ExitCode == 0, added.Error);

        var list = await cli.RunAsync("users", "list");
        Assert.Contains("petrova", list.Output, StringComparison.Ordinal);
        Assert.Contains("Head", list.Output, StringComparison.Ordinal);
        Assert.Contains("Петрова Е. В.", list.Output, StringComparison.Ordinal);

        using var connection = new SqliteConnection($"Data Source={cli.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM console_users WHERE login = 'petrova'";
        var hash = (string)command.ExecuteScalar()!;
        Assert.DoesNotContain("long-enough-secret", hash, StringComparison.Ordinal);
        Assert.True(hash.Length > 40);
        command.CommandText = "SELECT COUNT(*) FROM audit_log WHERE action = 'console.user.created' AND details NOT LIKE '%secret%'";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Theory]
    [InlineData("short\n", "at least 10 characters")]
    [InlineData("long-enough-secret\n", "already exists")]
    public async Task Add_RefusesAShortPasswordOrADuplicate(string password, string error)
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await RunAsync(cli, "first-password-1\n", "users", "add", "ivanova")).ExitCode);
        var result = await RunAsync(cli, password, "users", "add", "ivanova");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadLogin_OrAnUnknownAccount_IsRefusedClearly()
    {
        using var cli = new CliRunner();
        var bad = await RunAsync(cli, "long-enough-secret\n", "users", "add", "Иванова");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("lower-case latin", bad.Error, StringComparison.Ordinal);
        var unknown = await cli.RunAsync("users", "unlock", "nobody");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("not found", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "is not a loopback address")]
    [InlineData("ftp://127.0.0.1:5080", "is not an address such as")]
    public async Task Run_StopsOnAConsoleAddressThatIsNotAllowed_NamingTheKey(string urls, string error)
    {
        using var cli = new CliRunner();
        cli.Settings["WebConsole:Urls"] = urls;
        var result = await cli.RunAsync("run");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"WebConsole:Urls = '{urls}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServingOtherMachines_MustSayWhetherCookiesNeedTls()
    {
        using var cli = new CliRunner();
        cli.Settings["WebConsole:Urls"] = "http://0.0.0.0:0";
        cli.Settings["WebConsole:AllowRemote"] = "true";
        var result = await cli.RunAsync("run");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("WebConsole:SecureCookies = '': must be set when WebConsole:AllowRemote is true", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenTheConsolesPortIsTaken_SaysSoAndExits2()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        using var cli = new CliRunner();
        cli.Settings["WebConsole:Urls"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        var result = await cli.RunAsync("run");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the web console cannot start", result.Error, StringComparison.Ordinal);
        Assert.Contains("WebConsole:Urls", result.Error, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunAsync(CliRunner cli, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await MonitorCommandLine.RunAsync(args, new CliContext(output, error, cli.Settings) { Input = new StringReader(input) });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
