using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LmcBot.Testing;

/// <summary>A Kestrel app on a loopback address and a free port: the fakes, and the bot under test.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Ends without a slash: <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="map">Maps the app's endpoints.</param>
    /// <param name="address">The loopback address to listen on.</param>
    /// <param name="configure">Adds configuration, services or loggers (none are kept by default).</param>
    public static async Task<LoopbackServer> StartAsync(
        Action<WebApplication> map, string address = "127.0.0.1", Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(address), 0));
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, url.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
