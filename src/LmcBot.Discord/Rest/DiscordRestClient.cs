using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using LmcBot.Core.Chat;
using LmcBot.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Rest;

/// <summary>
/// Discord's REST API: the base URL, bot authorisation and User-Agent, JSON or multipart bodies. Rate limits and
/// 5xx retries live in the HTTP pipeline beneath it (<see cref="DiscordRateLimitHandler"/>, the resilience handler).
/// </summary>
public sealed class DiscordRestClient(IHttpClientFactory httpClientFactory, IOptions<DiscordOptions> options)
{
    internal const string HttpClientName = "LmcBot.Discord";
    internal const string UserAgent = "DiscordBot (https://github.com/lmcbot/lmcbot, 1.0)";

    /// <summary>Sends <paramref name="body"/> (command registration's JSON) as the request's JSON.</summary>
    internal Task<DiscordRestResponse> SendAsync(HttpMethod method, string path, JsonNode? body = null,
        AnswerFile? file = null, CancellationToken ct = default) =>
        SendAsync(method, path, body is null ? (byte[]?)null : JsonSerializer.SerializeToUtf8Bytes(body), file, ct);

    /// <summary>Sends <paramref name="body"/>, JSON already serialised (a message from <see cref="DiscordJsonContext"/>), with the file if any.</summary>
    internal async Task<DiscordRestResponse> SendAsync(HttpMethod method, string path, byte[]? body,
        AnswerFile? file = null, CancellationToken ct = default)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(method, settings.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        // Interaction and webhook-token routes are authorised by their token; the bot token never goes there.
        if (!DiscordRoute.IsExemptFromGlobalLimit(path) && !string.IsNullOrEmpty(settings.BotToken))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", settings.BotToken);
        request.Content = Content(body, file);

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        JsonNode? json = null;
        if (bytes.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(bytes);
            }
            catch (JsonException)
            {
                json = new JsonObject { ["message"] = System.Text.Encoding.UTF8.GetString(bytes) };
            }
        }
        return new DiscordRestResponse(response.StatusCode, json);
    }

    private static HttpContent? Content(byte[]? body, AnswerFile? file)
    {
        if (body is null)
            return null;
        var json = new ByteArrayContent(body);
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (file is null)
            return json;

        var multipart = new MultipartFormDataContent { { json, "payload_json" } };
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type)
            ? type
            : new MediaTypeHeaderValue("application/octet-stream");
        multipart.Add(content, "files[0]", file.FileName);
        return multipart;
    }
}
