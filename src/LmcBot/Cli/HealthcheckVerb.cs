using System.CommandLine;

namespace LmcBot.Cli;

/// <summary>
/// <c>LmcBot healthcheck [--url …]</c>: GETs a health endpoint and exits 0 on 2xx, 1 otherwise; the
/// container's HEALTHCHECK, so the runtime image needs no curl.
/// </summary>
internal static class HealthcheckVerb
{
    public const string DefaultUrl = "http://127.0.0.1:8080/health/ready";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var url = new Option<string>("--url") { Description = $"Health endpoint to call (default {DefaultUrl}, or http://127.0.0.1:$ASPNETCORE_HTTP_PORTS/health/ready)" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the answer (default 5)", DefaultValueFactory = _ => 5 };
        var command = new Command("healthcheck", "Call the bot's health endpoint; exit 0 when it answers 2xx, 1 otherwise");
        command.Options.Add(url);
        command.Options.Add(timeout);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(url) ?? DefaultTarget();
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                await error.WriteLineAsync($"error: --url must be an absolute http(s) URL, not \"{target}\"");
                return LmcBotCli.UsageError;
            }
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 0.1, 300)) };
            try
            {
                using var response = await client.GetAsync(uri, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                await output.WriteLineAsync($"{(int)response.StatusCode} {body}");
                return response.IsSuccessStatusCode ? LmcBotCli.Success : LmcBotCli.Failure;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await error.WriteLineAsync($"unhealthy: {uri} did not answer ({ex.Message})");
                return LmcBotCli.Failure;
            }
        });
        return command;
    }

    // In the container ASPNETCORE_HTTP_PORTS says where the app listens; use its first port.
    private static string DefaultTarget() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var port, ..] && int.TryParse(port, out _)
            ? $"http://127.0.0.1:{port}/health/ready"
            : DefaultUrl;
}
