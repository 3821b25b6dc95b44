using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Teams.Activities;
using LmcBot.Teams.Configuration;
using LmcBot.Teams.Connector;
using LmcBot.Teams.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams.Messaging;

/// <summary>
/// One turn: ask the core, show typing if the answer is not immediate, render, post. Also the
/// welcome when the bot is added to a conversation.
/// </summary>
internal sealed class TeamsActivityHandler(
    IChatBot bot,
    AnswerCardRenderer renderer,
    BotConnectorClient connector,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsActivityHandler> logger)
{
    /// <summary>What the welcome card introduces: the core's own description of itself.</summary>
    public const string WelcomeCommand = "about";

    private readonly TimeSpan _typingDelay = options.Value.TypingDelay;

    public async Task AnswerAsync(InboundActivity activity, ChatRequest request, CancellationToken cancellationToken)
    {
        var envelope = ActivityEnvelope.ReplyTo(activity);
        var pending = AskAsync(request, cancellationToken);
        if (!pending.IsCompleted)
        {
            try
            {
                await pending.WaitAsync(_typingDelay, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                await connector.SendAsync(envelope.ConversationAddress, AnswerCardRenderer.Typing(envelope), cancellationToken);
            }
        }

        foreach (var json in renderer.Render(await pending, envelope))
        {
            var sent = await connector.SendAsync(envelope.ReplyAddress, json, cancellationToken);
            if (!sent.Succeeded)
                break;
        }
    }

    public async Task WelcomeAsync(InboundActivity activity, CancellationToken cancellationToken)
    {
        var request = ChatRequest.ForCommand(ChatPlatform.Teams, ActivityTranslator.Sender(activity), WelcomeCommand) with
        {
            ScopeId = activity.TenantId,
            ConversationId = activity.Conversation?.Id,
        };
        var envelope = ActivityEnvelope.ReplyTo(activity) with { ReplyToId = null };
        var introduction = await AskAsync(request, cancellationToken);
        await connector.SendAsync(envelope.ConversationAddress, renderer.Welcome(introduction, envelope), cancellationToken);
    }

    /// <summary>The core's answer; a bug in it becomes the core's apology rather than silence.</summary>
    private Task<Answer> AskAsync(ChatRequest request, CancellationToken cancellationToken) =>
        bot.AnswerOrApologiseAsync(request, logger, cancellationToken);
}
