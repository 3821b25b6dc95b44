using System.Net;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;
using LmcBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LmcBot.Admin;

/// <summary>
/// Serves <see cref="AdminEndpoint"/> on its own listener bound to 127.0.0.1 (never on the public one, so a reverse
/// proxy in front of the bot cannot reach it), and announces its address in the database's lock file beside a fresh
/// token file, so <c>LmcBot kb …</c> run while the host holds the database goes through the host.
/// </summary>
/// <remarks>
/// A separate, empty application rather than a path on the main one: the main listener's addresses come from
/// <c>urls</c> settings that an explicit <c>Listen</c> would override, and its middleware (forwarded headers, rate
/// limits) has nothing to do with a local operator.
/// </remarks>
internal sealed partial class AdminEndpointServer(
    IServiceProvider services,
    IOptions<HostingOptions> hosting,
    ILoggerFactory loggerFactory,
    ILogger<AdminEndpointServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private DatabaseWriterLock? _lock;
    private string? _tokenPath;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!hosting.Value.AdminEndpoint)
            return;
        KnowledgeStore store;
        ChatBot bot;
        try
        {
            store = services.GetRequiredService<KnowledgeStore>();
            bot = services.GetRequiredService<ChatBot>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException or KnowledgeValidationException)
        {
            return; // the warm-up has said why; without a database there is nothing to administer
        }
        _tokenPath = AdminToken.PathFor(store.Path);
        var token = AdminToken.Create(_tokenPath);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, hosting.Value.AdminPort);
            kestrel.Limits.MaxRequestBodySize = AdminEndpoint.MaxBodyBytes;
        });
        // Its own hosting messages ("Now listening on") stay out of the host's log, where they would read as the main listener's.
        var app = builder.Build();
        var endpoint = new AdminEndpoint(bot, token, loggerFactory.CreateLogger<AdminEndpoint>());
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _lock = store.WriterLock;
        _lock.PublishAdminEndpoint(address);
        LogListening(address, _tokenPath);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Withdrawn first, so a CLI started now is told the database is in use instead of calling a host that is going away.
        try
        {
            _lock?.PublishAdminEndpoint(null);
            if (_tokenPath is not null) File.Delete(_tokenPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWithdrawFailed(ex.Message);
        }
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not withdraw the admin endpoint's address or token file: {Problem}")]
    private partial void LogWithdrawFailed(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin endpoint on {Address} (token in {TokenPath}): 'LmcBot kb …' and 'LmcBot ask' on this database go through this host")]
    private partial void LogListening(string address, string tokenPath);
}
