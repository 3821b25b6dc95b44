namespace LmcBot.Discord.Rest;

/// <summary>What the rate limiter needs to know about a request path.</summary>
internal static class DiscordRoute
{
    /// <summary>
    /// The rate-limit key of a path: ids replaced by placeholders except the major parameter (channel, guild,
    /// webhook id and token), which Discord limits separately. <c>/channels/1/messages/2</c> → <c>/channels/1/messages/:id</c>.
    /// </summary>
    public static string Key(HttpMethod method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            var major = previous is "channels" or "guilds" or "webhooks"
                || (i >= 2 && segments[i - 2] is "webhooks" or "interactions");
            if (!major && IsId(segments[i]))
                segments[i] = ":id";
        }
        return method.Method + " /" + string.Join('/', segments);
    }

    /// <summary>Interaction callbacks and webhook-token routes do not count against the 50 requests/s global limit.</summary>
    public static bool IsExemptFromGlobalLimit(string path)
    {
        var trimmed = path.TrimStart('/');
        return trimmed.StartsWith("interactions/", StringComparison.Ordinal)
            || trimmed.StartsWith("webhooks/", StringComparison.Ordinal);
    }

    /// <summary>The major parameter of a path (<c>channels/1</c>, <c>webhooks/1/token</c>), or empty when it has none.</summary>
    public static string Major(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && segments[0] is "channels" or "guilds")
            return segments[0] + "/" + segments[1];
        if (segments.Length >= 3 && segments[0] is "webhooks" or "interactions")
            return segments[0] + "/" + segments[1] + "/" + segments[2];
        return string.Empty;
    }

    private static bool IsId(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);
}
