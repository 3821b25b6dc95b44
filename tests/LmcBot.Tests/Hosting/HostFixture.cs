using LmcBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;
using LmcBot.Testing;

namespace LmcBot.Tests.Hosting;

/// <summary>The real web host (BotWebHost.Build) on 127.0.0.1 with a free port and its own temporary database.</summary>
public sealed class HostFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private HostFixture(WebApplication app, HttpClient client, TempDirectory directory)
    {
        _directory = directory;
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <param name="waitForModel">Return only once the sentence model's warm-up has finished (so /health/ready is settled).</param>
    public static async Task<HostFixture> StartAsync(IDictionary<string, string?>? settings = null, Func<TempDirectory, string>? databasePath = null,
        Action<WebApplicationBuilder>? configure = null, bool waitForModel = true)
    {
        var directory = new TempDirectory();
        var all = new Dictionary<string, string?>
        {
            ["Knowledge:DatabasePath"] = databasePath?.Invoke(directory) ?? directory.File("lmcbot.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var args = new List<string> { "--urls", "http://127.0.0.1:0" };
        args.AddRange(all.Select(kv => $"--{kv.Key}={kv.Value}"));
        var app = BotWebHost.Build([.. args], configure);
        await app.StartAsync();
        if (waitForModel) await app.Services.GetRequiredService<SentenceModelWarmup>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostFixture(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) }, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _directory.Dispose();
    }
}
