using LmcBot.Discord.Rendering;
using LmcBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// Sends interaction responses over REST: the callback (gateway interactions, and HTTP ones that carry a file) and
/// the webhook edit that completes a deferred answer.
/// </summary>
internal sealed partial class InteractionResponder(DiscordRestClient rest, PendingInteractions pending, ILogger<InteractionResponder> logger)
{
    /// <summary>POST /interactions/{id}/{token}/callback with the initial response.</summary>
    public async Task<bool> CallbackAsync(Interaction interaction, InteractionReply reply, CancellationToken ct)
    {
        var path = $"/interactions/{interaction.Id}/{Uri.EscapeDataString(interaction.Token)}/callback";
        var response = await rest.SendAsync(HttpMethod.Post, path, DiscordJsonContext.Serialize(reply.Response), reply.Message?.File, ct)
            .ConfigureAwait(false);
        if (!response.IsSuccess)
            LogResponseFailed("callback", interaction.Id, response.Describe());
        return response.IsSuccess;
    }

    /// <summary>
    /// Waits for deferred work and edits the loading message into the answer. An answer that must be ephemeral
    /// after a public deferral replaces the loading message with an ephemeral follow-up (flags cannot change on edit).
    /// </summary>
    public async Task CompleteDeferredAsync(Interaction interaction, InteractionReply reply, CancellationToken ct)
    {
        if (reply.Pending is null)
            return;
        DiscordMessage message;
        try
        {
            message = await reply.Pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var webhook = $"/webhooks/{interaction.ApplicationId}/{Uri.EscapeDataString(interaction.Token)}";
        DiscordRestResponse response;
        if (message.Ephemeral && !reply.DeferredEphemeral)
        {
            await rest.SendAsync(HttpMethod.Delete, webhook + "/messages/@original", ct: ct).ConfigureAwait(false);
            response = await rest.SendAsync(HttpMethod.Post, webhook, DiscordJsonContext.Serialize(message.Payload), message.File, ct)
                .ConfigureAwait(false);
        }
        else
        {
            // An edit cannot change the flags.
            var edit = message.Payload with { Flags = null };
            response = await rest.SendAsync(HttpMethod.Patch, webhook + "/messages/@original", DiscordJsonContext.Serialize(edit), message.File, ct)
                .ConfigureAwait(false);
        }
        if (!response.IsSuccess)
            LogResponseFailed("deferred edit", interaction.Id, response.Describe());
    }

    /// <summary>
    /// Runs <see cref="CompleteDeferredAsync"/> in the background, logging instead of throwing; tracked by
    /// <see cref="PendingInteractions"/>, so shutdown waits for the edit.
    /// </summary>
    public void CompleteInBackground(Interaction interaction, InteractionReply reply) =>
        pending.Run(async abandoned =>
        {
            try
            {
                await CompleteDeferredAsync(interaction, reply, abandoned).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abandoned.IsCancellationRequested)
            {
                // The shutdown timeout ran out; PendingInteractions has said so.
            }
            catch (Exception ex)
            {
                LogDeferredCrashed(ex, interaction.Id);
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rejected the {Step} for interaction {InteractionId}: {Problem}")]
    private partial void LogResponseFailed(string step, string interactionId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Completing deferred interaction {InteractionId} failed")]
    private partial void LogDeferredCrashed(Exception exception, string interactionId);
}
