using System.Globalization;
using System.Text;
using LmcBot.Core.Chat;
using LmcBot.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// Downloads a <c>kb import file:</c> attachment, but only from <see cref="DiscordOptions.AttachmentHosts"/> (by default
/// Discord's own), at most 1 MB, and only text or Markdown. Every refusal is a message telling the user what to do; nothing reaches the bot then.
/// </summary>
internal sealed class AttachmentFetcher(IHttpClientFactory httpClientFactory, IOptions<DiscordOptions> options)
{
    internal const string HttpClientName = "LmcBot.Discord.Attachments";
    internal const int MaxBytes = 1024 * 1024;
    private static readonly string[] TextExtensions = [".md", ".markdown", ".txt"];
    private static readonly string[] TextTypes = ["text/plain", "text/markdown", "text/x-markdown"];

    public async Task<(ChatAttachment? Attachment, string? Error)> FetchAsync(InteractionAttachment attachment, CancellationToken ct)
    {
        if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url) || !IsAllowedHost(url))
            return (null, "I only read files uploaded to Discord itself. Attach the .md or .txt file to the command and try again.");
        if (attachment.Size > MaxBytes)
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"The file is {attachment.Size / 1024} KB; the limit is 1 MB. Split the document into smaller files and import them one at a time."));
        if (!IsText(attachment.FileName, attachment.ContentType))
            return (null, "Only text (.txt) or Markdown (.md) files can be imported. Save the document as Markdown and try again.");

        using var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage sent;
        try
        {
            sent = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            // Discord's file host unreachable or too slow (the client's timeout): the user can retry, nothing else broke.
            return (null, "I could not reach Discord to download the file. Try the command again in a moment.");
        }
        using var response = sent;
        if (!response.IsSuccessStatusCode)
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"I could not download the file from Discord (HTTP {(int)response.StatusCode}). Upload it again and retry."));
        if (response.Content.Headers.ContentLength > MaxBytes)
            return (null, "The file is larger than 1 MB. Split the document into smaller files and import them one at a time.");

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false)) > 0)
            total += read;
        if (total > MaxBytes)
            return (null, "The file is larger than 1 MB. Split the document into smaller files and import them one at a time.");

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, "The file is not UTF-8 text. Save it as UTF-8 (.md or .txt) and try again.");
        }
        var contentType = attachment.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? "text/plain" : "text/markdown";
        return (new ChatAttachment(attachment.FileName, contentType, text), null);
    }

    private bool IsAllowedHost(Uri url)
    {
        foreach (var entry in options.Value.EffectiveAttachmentHosts)
        {
            if (Uri.TryCreate(entry, UriKind.Absolute, out var origin) && origin.Scheme is "http" or "https")
            {
                if (url.Scheme == origin.Scheme && url.Port == origin.Port
                    && string.Equals(url.Host, origin.Host, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
            else if (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
                     && string.Equals(url.Host, entry.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsText(string fileName, string? contentType)
    {
        var extensionOk = TextExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrEmpty(contentType))
            return extensionOk;
        var mediaType = contentType.Split(';')[0].Trim();
        return TextTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) && extensionOk;
    }
}
