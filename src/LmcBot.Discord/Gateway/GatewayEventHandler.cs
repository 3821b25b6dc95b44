using System.Text.Json;
using System.Text.RegularExpressions;
using LmcBot.Core.Chat;
using LmcBot.Discord.Interactions;
using LmcBot.Discord.Rendering;
using LmcBot.Discord.Rest;
using LmcBot.Discord.Security;
using Microsoft.Extensions.Logging;

namespace LmcBot.Discord.Gateway;

/// <summary>
/// Handles the dispatch events we act on: INTERACTION_CREATE (through the same dispatcher as the HTTP endpoint,
/// answered by callback) and MESSAGE_CREATE that mentions the bot or arrives as a DM (answered with a reply).
/// Each event runs off the receive loop so a slow answer never delays heartbeats.
/// </summary>
internal sealed partial class GatewayEventHandler(
    InteractionDispatcher dispatcher,
    InteractionReplayGuard replays,
    InteractionResponder responder,
    DiscordRestClient rest,
    DiscordGatewayStatus status,
    PendingInteractions pending,
    ILogger<GatewayEventHandler> logger)
{
    /// <remarks>The event's work is tracked by <see cref="PendingInteractions"/> and outlives the connection, so an
    /// answer being worked out when the host stops is still sent.</remarks>
    public void Dispatch(string eventName, JsonElement data)
    {
        if (eventName is not ("INTERACTION_CREATE" or "MESSAGE_CREATE"))
            return;
        pending.Run(async abandoned =>
        {
            try
            {
                if (eventName == "INTERACTION_CREATE")
                    await HandleInteractionAsync(data, abandoned).ConfigureAwait(false);
                else
                    await HandleMessageAsync(data, abandoned).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abandoned.IsCancellationRequested)
            {
                // The shutdown timeout ran out.
            }
            catch (MalformedPayloadException ex)
            {
                // A field of the wrong type or invalid text: skip the event, as the HTTP endpoint answers 400.
                LogMalformedEvent(eventName, ex.Message);
            }
            catch (Exception ex)
            {
                LogEventFailed(ex, eventName);
            }
        });
    }

    internal async Task HandleInteractionAsync(JsonElement data, CancellationToken ct)
    {
        if (!InteractionParser.TryParse(data, out var interaction, out var error) || interaction is null)
        {
            LogBadInteraction(error ?? "unknown");
            return;
        }
        if (!replays.TryAccept(interaction.Id))
            return;
        var reply = await dispatcher.DispatchAsync(interaction, ct).ConfigureAwait(false);
        if (await responder.CallbackAsync(interaction, reply, ct).ConfigureAwait(false))
            await responder.CompleteDeferredAsync(interaction, reply, ct).ConfigureAwait(false);
    }

    internal async Task HandleMessageAsync(JsonElement message, CancellationToken ct)
    {
        var botId = status.BotUserId;
        if (botId is null || DiscordJson.Object(message, "author") is not { } author)
            return;
        if (DiscordJson.Boolean(author, "bot") == true || DiscordJson.String(author, "id") == botId)
            return;

        var guildId = DiscordJson.String(message, "guild_id");
        if (guildId is not null && !Mentions(message, botId))
            return;
        var channelId = DiscordJson.String(message, "channel_id");
        var messageId = DiscordJson.String(message, "id");
        if (channelId is null || messageId is null || InteractionParser.ReadSender(message) is not { } sender)
            return;

        // The text as written, less the mention: a bare mention is empty text, which the core answers with help.
        var request = new ChatRequest
        {
            Platform = ChatPlatform.Discord,
            Sender = sender,
            ScopeId = guildId,
            ConversationId = channelId,
            Text = StripMention(DiscordJson.String(message, "content") ?? string.Empty, botId),
        };
        var answer = await dispatcher.AnswerAsync(request, false, ct).ConfigureAwait(false);

        var reply = answer.Payload with
        {
            Flags = null, // ephemeral exists only for interactions
            AllowedMentions = new AllowedMentions { RepliedUser = false },
            MessageReference = new MessageReference(messageId, channelId) { FailIfNotExists = false },
        };
        var response = await rest.SendAsync(HttpMethod.Post, $"/channels/{channelId}/messages", DiscordJsonContext.Serialize(reply), answer.File, ct)
            .ConfigureAwait(false);
        if (!response.IsSuccess)
            LogReplyFailed(channelId, response.Describe());
    }

    private static bool Mentions(JsonElement message, string botId)
    {
        if (DiscordJson.Array(message, "mentions") is not { } mentions)
            return false;
        foreach (var user in mentions.EnumerateArray())
            if (DiscordJson.String(user, "id") == botId)
                return true;
        return false;
    }

    internal static string StripMention(string content, string botId) =>
        Regex.Replace(content, $@"<@!?{Regex.Escape(botId)}>", " ").Trim();

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling gateway event {EventName} failed")]
    private partial void LogEventFailed(Exception exception, string eventName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed {EventName} event: {Problem}")]
    private partial void LogMalformedEvent(string eventName, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed INTERACTION_CREATE: {Problem}")]
    private partial void LogBadInteraction(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rejected the reply in channel {ChannelId}: {Problem}")]
    private partial void LogReplyFailed(string channelId, string problem);
}
