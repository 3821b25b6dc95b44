using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Discord.Configuration;
using LmcBot.Discord.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// Answers an interaction however it arrived (HTTP or gateway): PING, autocomplete, slash commands and follow-up
/// button clicks. Work that is not done within <see cref="DiscordOptions.DeferAfter"/> is deferred and handed back
/// as pending, so the caller can meet Discord's 3-second deadline and complete it later.
/// </summary>
internal sealed class InteractionDispatcher(
    IChatBot bot,
    AnswerRenderer renderer,
    FollowUpIdCodec followUps,
    AttachmentFetcher attachments,
    PendingInteractions pending,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionDispatcher> logger)
{
    internal const int MaxAutocompleteChoices = 25;

    /// <param name="interaction">The parsed, already verified interaction.</param>
    /// <param name="waiting">Stops waiting for the answer (the HTTP request was aborted). The work itself may outlive
    /// the request when deferred, so it runs on <see cref="PendingInteractions.Abandoned"/> instead: not cancelled
    /// when the host starts stopping, only when the shutdown timeout runs out.</param>
    public async Task<InteractionReply> DispatchAsync(Interaction interaction, CancellationToken waiting)
    {
        var work = pending.Abandoned;
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return InteractionReply.Pong;

            case InteractionType.ApplicationCommandAutocomplete:
                return Autocomplete(interaction);

            case InteractionType.ApplicationCommand:
            {
                var wantsPrivate = interaction.Options.TryGetValue("private", out var p) && p == "true";
                return await WithinDeadlineAsync(AnswerCommandAsync(interaction, wantsPrivate, work), wantsPrivate, waiting)
                    .ConfigureAwait(false);
            }

            case InteractionType.MessageComponent:
            {
                if (followUps.Decode(interaction.CustomId) is not { } input)
                    return InteractionReply.WithMessage(AnswerRenderer.Notice(
                        "This button has expired. Ask again with /ask, or use the buttons on a newer answer."));
                return await WithinDeadlineAsync(
                        AnswerTextAsync(interaction, input, interaction.FromEphemeralMessage, work),
                        interaction.FromEphemeralMessage, waiting)
                    .ConfigureAwait(false);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(interaction), interaction.Type, "The parser admits no other type.");
        }
    }

    private InteractionReply Autocomplete(Interaction interaction)
    {
        var choices = new List<CommandChoice>();
        if (interaction.CommandPath is { } path && interaction.FocusedOption is { } option)
        {
            var partial = interaction.Options.GetValueOrDefault(option) ?? string.Empty;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in bot.Complete(path, option, partial, MaxAutocompleteChoices))
            {
                if (choices.Count == MaxAutocompleteChoices)
                    break;
                if (string.IsNullOrWhiteSpace(name) || name.Length > DiscordLimits.ChoiceValue || !seen.Add(name))
                    continue;
                choices.Add(new CommandChoice(TextTruncator.Truncate(name, DiscordLimits.ChoiceName), name));
            }
        }
        return InteractionReply.WithChoices(choices);
    }

    private async Task<InteractionReply> WithinDeadlineAsync(Task<DiscordMessage> work, bool ephemeral, CancellationToken waiting)
    {
        try
        {
            // WaitAsync's timer is cheaper than a linked token source and a Task.Delay on the common, fast path.
            var message = await work.WaitAsync(options.Value.DeferAfter, time, waiting).ConfigureAwait(false);
            return InteractionReply.WithMessage(message);
        }
        catch (TimeoutException)
        {
            return InteractionReply.Deferred(work, ephemeral);
        }
    }

    private async Task<DiscordMessage> AnswerCommandAsync(Interaction interaction, bool wantsPrivate, CancellationToken stopping)
    {
        await Task.Yield(); // the deadline clock starts now, even if the bot answers synchronously
        ChatAttachment? attachment = null;
        if (interaction.Attachment is { } file)
        {
            var (fetched, error) = await attachments.FetchAsync(file, stopping).ConfigureAwait(false);
            if (error is not null)
                return AnswerRenderer.Notice(error);
            attachment = fetched;
        }
        else if (interaction.Options.ContainsKey("file"))
        {
            return AnswerRenderer.Notice("Discord did not send the file's details. Attach the .md or .txt file again and retry.");
        }

        var options = interaction.Options;
        if (attachment is not null)
            options = options.Where(o => o.Key != "file").ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        var request = RequestFrom(interaction) with { Command = interaction.CommandPath, Options = options, Attachment = attachment };
        return await AnswerAsync(request, wantsPrivate, stopping).ConfigureAwait(false);
    }

    private async Task<DiscordMessage> AnswerTextAsync(Interaction interaction, string text, bool wantsPrivate, CancellationToken stopping)
    {
        await Task.Yield();
        return await AnswerAsync(RequestFrom(interaction) with { Text = text }, wantsPrivate, stopping).ConfigureAwait(false);
    }

    /// <summary>Asks the bot and renders its answer (the core's apology if the bot fails); shared with the gateway's message replies.</summary>
    internal async Task<DiscordMessage> AnswerAsync(ChatRequest request, bool wantsPrivate, CancellationToken stopping) =>
        renderer.Render(await bot.AnswerOrApologiseAsync(request, logger, stopping).ConfigureAwait(false), wantsPrivate);

    private static readonly ChatSender UnknownSender = new("unknown", "unknown");

    /// <summary>Who and where, shared by commands and button clicks.</summary>
    private static ChatRequest RequestFrom(Interaction interaction) => new()
    {
        Platform = ChatPlatform.Discord,
        Sender = interaction.Sender ?? UnknownSender,
        ScopeId = interaction.GuildId,
        ConversationId = interaction.ChannelId,
    };
}
