using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LmcBot.Core.Http;

/// <summary>Outbound HTTP clients that never follow a redirect.</summary>
public static class RedirectRefusalExtensions
{
    /// <summary>
    /// Turns automatic redirects off on the client's primary handler and logs every 3xx it receives as a warning
    /// naming the Location host. The 3xx goes back to the caller as the response, which treats it as a failure:
    /// a redirect from an allowed host would otherwise carry the request body (a reply, a token request) to a host
    /// nobody allowed.
    /// </summary>
    public static IHttpClientBuilder RefuseRedirects(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.AddHttpMessageHandler(services =>
            new RedirectRefusingHandler(name, services.GetRequiredService<ILogger<RedirectRefusingHandler>>()));
        return builder;
    }
}
