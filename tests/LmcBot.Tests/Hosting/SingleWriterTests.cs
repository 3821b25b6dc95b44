using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LmcBot.Admin;
using LmcBot.Cli;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;
using LmcBot.Tests.Cli;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using LmcBot.Testing;

namespace LmcBot.Tests.Hosting;

/// <summary>
/// One writer per database: the host holds the file for its lifetime; the CLI goes through the host's loopback admin
/// endpoint, or is refused with the holder's name; a second host refuses to start.
/// </summary>
public sealed class SingleWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Database => _directory.File("lmcbot.db");

    private Task<HostFixture> StartHostAsync(bool adminEndpoint = true) =>
        HostFixture.StartAsync(
            new Dictionary<string, string?> { ["Hosting:AdminEndpoint"] = adminEndpoint ? "true" : "false" },
            databasePath: _ =>
            {
                File.Copy(AdminBot.TemplateDatabase, Database);
                return Database;
            });

    private static string[] AddPair(string cityA, string cityB) =>
        ["kb", "add", "citypair", "--city-a", cityA, "--city-b", cityB, "--status", "friendship city", "--admin-note"];

    private static async Task<Answer> HostAddAsync(HostFixture host, string cityA, string cityB)
    {
        var bot = host.App.Services.GetRequiredService<ChatBot>();
        var options = new Dictionary<string, string>
        {
            ["city_a"] = cityA, ["city_b"] = cityB, ["status"] = "friendship city", ["admin_note"] = "true",
        };
        return await bot.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "kb add citypair", options));
    }

    [Fact]
    public async Task HostAddCliAddInterleaved_AllFiveFactsAndAuditEntriesSurviveShutdown_AndReadVerbsSeeThem()
    {
        var export = _directory.File("export");
        CliProcess.Result ask, exported;
        await using (var host = await StartHostAsync())
        {
            Assert.Contains("Added", (await HostAddAsync(host, "Nanning", "Vientiane")).Text);
            var cli1 = await CliProcess.RunAsync([.. AddPair("Kunming", "Luang Prabang"), "--db", Database]);
            Assert.Contains("Added", (await HostAddAsync(host, "Chengdu", "Pakse")).Text);
            var cli2 = await CliProcess.RunAsync([.. AddPair("Guilin", "Savannakhet"), "--db", Database]);
            Assert.Contains("Added", (await HostAddAsync(host, "Xiamen", "Champasak")).Text);
            ask = await CliProcess.RunAsync("ask", "What are Vientiane's partner cities?", "--db", Database);
            exported = await CliProcess.RunAsync("kb", "export", "--out", export, "--db", Database);

            Assert.True(cli1.Exit == 0, cli1.Error);
            Assert.True(cli2.Exit == 0, cli2.Error);
            Assert.Contains("Added kunming-luang-prabang-friendship-city", cli1.Output);
            Assert.Contains("Added guilin-savannakhet-friendship-city", cli2.Output);
        }

        Assert.True(ask.Exit == 0, ask.Error);
        Assert.Contains("Nanning", ask.Output);
        Assert.True(exported.Exit == 0, exported.Error);
        Assert.Contains("Written to", exported.Output);
        Assert.Contains("kunming-luang-prabang-friendship-city", string.Concat(Directory.GetFiles(export, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));

        // After shutdown, from the file itself: five facts, five audit entries.
        var output = new StringWriter();
        Assert.Equal(0, await LmcBotCli.RunAsync(["kb", "history", "--db", Database], TextReader.Null, output, new StringWriter()));
        var history = output.ToString();
        foreach (var id in new[] { "nanning-vientiane", "kunming-luang-prabang", "chengdu-pakse", "guilin-savannakhet", "xiamen-champasak" })
            Assert.Contains($"add fact {id}-friendship-city", history);
        Assert.Contains("#5", history);
    }

    [Fact]
    public async Task SecondHost_SameDatabase_RefusesToStart_NamingTheFirstAndWhatToDo()
    {
        await using var host = await StartHostAsync();

        var second = await CliProcess.RunAsync("--urls", "http://127.0.0.1:0", "--db", Database);

        Assert.Equal(LmcBotCli.Failure, second.Exit);
        Assert.Contains($"is in use by the LmcBot web host (pid {Environment.ProcessId}", second.Error);
        Assert.Contains("Stop that process first", second.Error);
        Assert.DoesNotContain("Now listening", second.Output);
        Assert.DoesNotContain("   at ", second.Output + second.Error); // the message, not a stack trace
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task CliVerbs_WhileAHostWithoutAdminEndpointHoldsTheDatabase_AreRefusedSayingWhy_AndChangeNothing()
    {
        await using var host = await StartHostAsync(adminEndpoint: false);

        var add = await CliProcess.RunAsync([.. AddPair("Kunming", "Luang Prabang"), "--db", Database]);
        var ask = await CliProcess.RunAsync("ask", "starexpress stops", "--db", Database);

        foreach (var refused in new[] { add, ask })
        {
            Assert.Equal(LmcBotCli.Failure, refused.Exit);
            Assert.Contains($"is in use by the LmcBot web host (pid {Environment.ProcessId}", refused.Error);
            Assert.Contains("make the change from chat", refused.Error);
            Assert.Equal("", refused.Output);
        }
        var history = await host.App.Services.GetRequiredService<ChatBot>()
            .HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "kb history"));
        Assert.Contains("No changes yet", history.Text);
    }

    [Fact]
    public void SecondStore_SameFileInOneProcess_IsRefused_UntilTheFirstIsClosed()
    {
        File.Copy(AdminBot.TemplateDatabase, Database);
        var first = new KnowledgeStore(Database, purpose: "the first store");

        var refused = Assert.Throws<DatabaseLockedException>(() => new KnowledgeStore(Database));
        Assert.Contains($"in use by the first store (pid {Environment.ProcessId} on {Environment.MachineName}", refused.Message);
        first.Dispose();
        using var second = new KnowledgeStore(Database);
        Assert.True(second.CanRead());
    }

    [Fact]
    public async Task AdminEndpoint_MissingOrForgedToken_Is401_AndChangesNothing_WhileTheRealTokenWorks()
    {
        await using var host = await StartHostAsync();
        var endpoint = DatabaseWriterLock.ReadHolder(Database)!.AdminEndpoint!;
        var tokenPath = AdminToken.PathFor(Database);
        var token = await File.ReadAllTextAsync(tokenPath);
        using var client = new HttpClient { BaseAddress = new Uri(endpoint) };
        var call = AdminCall.ForCommand("kb add citypair", new Dictionary<string, string>
        {
            ["city_a"] = "Kunming", ["city_b"] = "Luang Prabang", ["status"] = "friendship city", ["admin_note"] = "true",
        }, null);
        async Task<HttpResponseMessage> SendAsync(string? authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, AdminEndpoint.RunPath) { Content = JsonContent.Create(call, options: AdminEndpoint.Json) };
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return await client.SendAsync(request);
        }

        var forged = new string(token.Select(c => c == 'a' ? 'b' : 'a').ToArray());
        string?[] refused = [null, "Bearer", "Bearer ", "Bearer " + forged, "Bearer " + token[..^1], "Bearer " + token + "0", "Basic " + token, token];
        foreach (var authorization in refused)
        {
            using var response = await SendAsync(authorization);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{authorization}: {response.StatusCode}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        var history = await host.App.Services.GetRequiredService<ChatBot>()
            .HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "kb history"));
        Assert.Contains("No changes yet", history.Text);

        using var accepted = await SendAsync("Bearer " + token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Added kunming-luang-prabang-friendship-city", (await accepted.Content.ReadFromJsonAsync<Answer>(AdminEndpoint.Json))!.Text);
        Assert.Equal(64, token.Length); // 256 bits, hex
        Assert.Equal("127.0.0.1", new Uri(endpoint).Host);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenPath));
    }

    [Theory]
    [InlineData("192.0.2.10", "192.0.2.20")] // a connection from the network
    [InlineData("192.0.2.10", "127.0.0.1")]  // the remote address rewritten by X-Forwarded-For: 127.0.0.1
    [InlineData("127.0.0.1", "192.0.2.20")]
    public async Task AdminEndpoint_NonLoopbackConnection_Is403_EvenWithTheRightToken(string local, string remote)
    {
        await using var host = await StartHostAsync();
        var token = await File.ReadAllTextAsync(AdminToken.PathFor(Database));
        var endpoint = new AdminEndpoint(host.App.Services.GetRequiredService<ChatBot>(), AdminToken.FromValue(token), NullLogger<AdminEndpoint>.Instance);
        var context = new DefaultHttpContext();
        context.Connection.LocalIpAddress = IPAddress.Parse(local);
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Method = "POST";
        context.Request.Path = AdminEndpoint.RunPath;
        context.Request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token).ToString();
        context.Request.Body = new MemoryStream("""{"question":"starexpress stops"}"""u8.ToArray());

        await endpoint.HandleAsync(context);

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
    }
}
